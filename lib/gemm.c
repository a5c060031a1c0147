/* gemm.c: matrix products summed in double in k order */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

/*
 * Every product here is C = A . B with each c[i][j] one double sum
 * acc = 0; acc += (double)a[i][p] * (double)b[p][j] for p = 0, 1, ... in
 * order, the reference BLAS's bits.  How it is made fast:
 *
 * - A and B are packed into double panels (MR rows of A, NR columns of B,
 *   interleaved by p), converted once per call and read in order; a float
 *   B used by one row of tiles only is read in place instead.
 * - A register tile of MR x NR sums (twelve vectors of four doubles) takes
 *   one step of p at a time: every sum keeps its own order.
 * - Depth is cut into blocks of at most KC; a sum leaves the registers
 *   between blocks (to a double buffer) and comes back unchanged, so the
 *   blocks only change where the partial sum waits, never its value.
 * - Threads share out tiles of C, never steps of p: each sum is still one
 *   chain in one thread, the same bits for any number of threads.
 *
 * Fused multiply-add: both factors of every product are floats (the
 * operands are float arrays, or doubles widened from floats: see nn.h), so
 * a float times a float, 24 x 24 significant bits, is exact in double and
 * fma(a, b, acc) rounds once, as acc + a * b does.  Contraction is
 * therefore allowed in the register tile (kern) and the loops it is
 * inlined into, marked GEMM_FMA below, and nowhere else in the project,
 * which builds with -ffp-contract=off.  Without FMA (the default clone,
 * other targets) the same source computes a * b exactly, then adds: the
 * same bits.
 */
#if defined(__GNUC__) && !defined(__clang__)
#define GEMM_FMA __attribute__((optimize("fp-contract=fast")))
#else
#define GEMM_FMA
#endif
#if defined(__clang__)
#define GEMM_CONTRACT _Pragma("clang fp contract(fast)")
#else
#define GEMM_CONTRACT
#endif

#define MR 4			/* rows of a register tile */
#define NV 3			/* its vectors of four columns */
#define NR (4 * NV)		/* its columns */
#define KC 256			/* the depth of a packed block */
#define MC 128			/* rows of A packed at a time, MR's multiple */
#define NC 1536			/* columns of B packed at a time, NR's too */
#define LAT 5			/* cycles of one fused multiply-add */

/*
 * Four doubles as one value: GCC's and clang's vector extension, which
 * compiles to whatever the target has (SSE2, AVX2 with FMA); each lane is
 * the same IEEE arithmetic as scalar code.
 */
#if defined(__GNUC__)
typedef double v4d __attribute__((vector_size(32)));
/* the same at any double's address, for loads and stores in place */
typedef double v4u __attribute__((vector_size(32), aligned(8), may_alias));
typedef float v4f __attribute__((vector_size(16)));
typedef float v4fu __attribute__((vector_size(16), aligned(4), may_alias));
typedef long long v4l __attribute__((vector_size(32)));
typedef int v4i __attribute__((vector_size(16)));
/* four floats widened (GCC 12 splits __builtin_convertvector in two) */
#define WIDEN(x) ((v4d){ (x)[0], (x)[1], (x)[2], (x)[3] })
#if defined(__clang__)
#define SHUF(a, b, i, j, k, l) __builtin_shufflevector(a, b, i, j, k, l)
#define SHUFF(a, b, i, j, k, l) __builtin_shufflevector(a, b, i, j, k, l)
#else
#define SHUF(a, b, i, j, k, l) __builtin_shuffle(a, b, (v4l){ i, j, k, l })
#define SHUFF(a, b, i, j, k, l) __builtin_shuffle(a, b, (v4i){ i, j, k, l })
#endif
#endif

/* a float or double matrix: element (i, j) at p[i * rs + j * cs] */
struct mat {
	const void *p;
	size_t rs, cs;
	int dbl;
};

/* C = A . B with A m x k, B k x n; C's (i, j) at c[i * rsc + j * csc] */
struct prob {
	struct mat a, b;
	size_t m, k, n;
	void *c;
	size_t rsc, csc;
	int cf;			/* C float: fl32(sum), plus bias if any */
	const float *bias;	/* (i, j) adds bias[i * rsb + j * csb] */
	size_t rsb, csb;
};

/* one thread's packed panels and partial sums, kept between calls */
struct work {
	double *a, *b, *w;
	size_t alen, blen, wlen;
};

static double *
grow(double **p, size_t *len, size_t n)
{
	if (n > *len) {
		free(*p);
		*p = nn_malloc(nn_mul(n, sizeof(double)));
		*len = n;
	}
	return *p;
}

/* dst[p * ld + c] = src[c * ss + p] for c < 4, p < kc: four rows of
 * floats into columns of doubles, four by four in registers */
NN_HOT static void
tr4(double *restrict dst, size_t ld, const float *src, size_t ss, size_t kc)
{
	size_t p = 0, c;

#if defined(__GNUC__)
	v4d r0, r1, r2, r3, t0, t1, t2, t3;

	for (; p + 4 <= kc; p += 4) {
		r0 = __builtin_convertvector(*(const v4fu *)(src + p), v4d);
		r1 = __builtin_convertvector(*(const v4fu *)(src + ss + p),
		    v4d);
		r2 = __builtin_convertvector(*(const v4fu *)(src + 2 * ss +
		    p), v4d);
		r3 = __builtin_convertvector(*(const v4fu *)(src + 3 * ss +
		    p), v4d);
		t0 = SHUF(r0, r1, 0, 4, 2, 6);
		t1 = SHUF(r0, r1, 1, 5, 3, 7);
		t2 = SHUF(r2, r3, 0, 4, 2, 6);
		t3 = SHUF(r2, r3, 1, 5, 3, 7);
		*(v4u *)(dst + p * ld) = SHUF(t0, t2, 0, 1, 4, 5);
		*(v4u *)(dst + (p + 1) * ld) = SHUF(t1, t3, 0, 1, 4, 5);
		*(v4u *)(dst + (p + 2) * ld) = SHUF(t0, t2, 2, 3, 6, 7);
		*(v4u *)(dst + (p + 3) * ld) = SHUF(t1, t3, 2, 3, 6, 7);
	}
#endif
	for (; p < kc; p++)
		for (c = 0; c < 4; c++)
			dst[p * ld + c] = src[c * ss + p];
}

/*
 * Packing: rows i0.. of A (mc of them) by depth p0.. (kc) as panels of MR
 * rows, element (r, p) of a panel of mr rows at [p * mr + r]; columns j0..
 * of B (nc) as panels of NR columns, a panel w wide padded with zeros to a
 * multiple of four, w4, with (p, c) at [p * w4 + c].  Panels are MR kc and
 * NR kc apart.  One loop nest a source type and a direction, so every
 * loop reads memory in order; floats (sizeof(T) < 8) that must be turned
 * go four rows at a time through tr4.
 */
#define PACK_FUNCS(T, SUF)						\
NN_HOT static void							\
pack_a_##SUF(double *restrict dst, const struct mat *s, size_t i0,	\
    size_t mc, size_t p0, size_t kc)					\
{									\
	const T *src = s->p, *r0, *r1, *r2, *r3;			\
	size_t q, r, p, mr;						\
									\
	for (q = 0; q < mc; q += MR, dst += MR * kc) {			\
		mr = mc - q < MR ? mc - q : MR;				\
		r0 = src + (i0 + q) * s->rs + p0 * s->cs;		\
		if (mr == MR && s->cs == 1 && sizeof(T) < 8) {	\
			tr4(dst, MR, (const float *)r0, s->rs, kc);	\
		} else if (mr == MR && s->cs == 1) {			\
			r1 = r0 + s->rs, r2 = r1 + s->rs;		\
			r3 = r2 + s->rs;				\
			for (p = 0; p < kc; p++) {			\
				dst[p * MR] = r0[p];			\
				dst[p * MR + 1] = r1[p];		\
				dst[p * MR + 2] = r2[p];		\
				dst[p * MR + 3] = r3[p];		\
			}						\
		} else if (mr == MR && s->rs == 1) {			\
			for (p = 0; p < kc; p++, r0 += s->cs)		\
				for (r = 0; r < MR; r++)		\
					dst[p * MR + r] = r0[r];	\
		} else {						\
			for (p = 0; p < kc; p++)			\
				for (r = 0; r < mr; r++)		\
					dst[p * mr + r] = r0[p * s->cs + \
					    r * s->rs];			\
		}							\
	}								\
}									\
									\
NN_HOT static void							\
pack_b_##SUF(double *restrict dst, const struct mat *s, size_t p0,	\
    size_t kc, size_t j0, size_t nc)					\
{									\
	const T *src = s->p, *col;					\
	const T *cp[NR];						\
	size_t q, c, p, w, w4;						\
									\
	for (q = 0; q < nc; q += NR, dst += NR * kc) {			\
		w = nc - q < NR ? nc - q : NR;				\
		w4 = (w + 3) & ~(size_t)3;				\
		col = src + p0 * s->rs + (j0 + q) * s->cs;		\
		if (w == NR && s->cs == 1) {				\
			for (p = 0; p < kc; p++, col += s->rs)		\
				for (c = 0; c < NR; c++)		\
					dst[p * NR + c] = col[c];	\
		} else if (w == NR && s->rs == 1 && sizeof(T) < 8) {	\
			for (c = 0; c < NR; c += 4)			\
				tr4(dst + c, NR, (const float *)col +	\
				    c * s->cs, s->cs, kc);		\
		} else if (w == NR && s->rs == 1) {			\
			for (c = 0; c < NR; c++)			\
				cp[c] = col + c * s->cs;		\
			for (p = 0; p < kc; p++)			\
				for (c = 0; c < NR; c++)		\
					dst[p * NR + c] = cp[c][p];	\
		} else {						\
			for (p = 0; p < kc; p++) {			\
				for (c = 0; c < w; c++)			\
					dst[p * w4 + c] = col[p * s->rs	\
					    + c * s->cs];		\
				for (; c < w4; c++)			\
					dst[p * w4 + c] = 0.0;		\
			}						\
		}							\
	}								\
}

PACK_FUNCS(float, f)
PACK_FUNCS(double, d)

static void
pack_a(double *dst, const struct mat *s, size_t i0, size_t mc, size_t p0,
    size_t kc)
{
	if (s->dbl)
		pack_a_d(dst, s, i0, mc, p0, kc);
	else
		pack_a_f(dst, s, i0, mc, p0, kc);
}

static void
pack_b(double *dst, const struct mat *s, size_t p0, size_t kc, size_t j0,
    size_t nc)
{
	if (s->dbl)
		pack_b_d(dst, s, p0, kc, j0, nc);
	else
		pack_b_f(dst, s, p0, kc, j0, nc);
}

/* where a tile's sums go: doubles at d, or else floats at f (fl32(sum),
 * plus bias[c] if bias), row r at r * ld */
struct out {
	double *d;
	float *f;
	const float *bias;
	size_t ld;
};

/* a tile's B: packed doubles at d (rows 4 nv apart), or the rows of a
 * float matrix read in place at f, ld apart */
struct bsrc {
	const double *d;
	const float *f;
	size_t ld;
};

/*
 * The register tile: t[r][c] = t0[r][c] + sum_p ap[p][r] b[p][c] over kc
 * steps of p in order, for mr rows and nv vectors of columns; t0 is cin
 * (row stride ldi) or zero, t goes to o.  Called with constant mr, nv and
 * bf (B in place), so each shape is its own unrolled loop.
 */
static NN_INLINE GEMM_FMA void
kern(const int mr, const int nv, const int bf, size_t kc,
    const double *restrict ap, struct bsrc bs, const double *cin,
    size_t ldi, struct out o)
{
	GEMM_CONTRACT
	size_t p;
	int r;
	const double *restrict bd = bs.d;
	const float *restrict bfl = bs.f;
#if defined(__GNUC__)
	v4d t[MR][NV], b[NV], x;
	v4f y;
	int v;

	if (cin != NULL) {
		for (r = 0; r < mr; r++)
			for (v = 0; v < nv; v++)
				t[r][v] = *(const v4u *)(cin + r * ldi + 4 * v);
	} else {
		for (r = 0; r < mr; r++)
			for (v = 0; v < nv; v++)
				t[r][v] = (v4d){ 0, 0, 0, 0 };
	}
	for (p = 0; p < kc; p++, ap += mr) {
		if (bf) {
			for (v = 0; v < nv; v++)
				b[v] = WIDEN(*(const v4fu *)(bfl + 4 * v));
			bfl += bs.ld;
		} else {
			for (v = 0; v < nv; v++)
				b[v] = *(const v4u *)(bd + 4 * v);
			bd += 4 * nv;
		}
		for (r = 0; r < mr; r++) {
			x = (v4d){ ap[r], ap[r], ap[r], ap[r] };
			for (v = 0; v < nv; v++)
				t[r][v] += x * b[v];
		}
	}
	if (o.f == NULL) {
		for (r = 0; r < mr; r++)
			for (v = 0; v < nv; v++)
				*(v4u *)(o.d + r * o.ld + 4 * v) = t[r][v];
		return;
	}
	for (r = 0; r < mr; r++)
		for (v = 0; v < nv; v++) {
			y = __builtin_convertvector(t[r][v], v4f);
			if (o.bias != NULL)
				y = y + *(const v4fu *)(o.bias + 4 * v);
			*(v4fu *)(o.f + r * o.ld + 4 * v) = y;
		}
#else
	double t[MR][NR], bv;
	int c;

	for (r = 0; r < mr; r++)
		for (c = 0; c < 4 * nv; c++)
			t[r][c] = cin != NULL ? cin[r * ldi + c] : 0.0;
	for (p = 0; p < kc; p++, ap += mr)
		for (c = 0; c < 4 * nv; c++) {
			bv = bf ? bfl[p * bs.ld + c] : bd[p * 4 * nv + c];
			for (r = 0; r < mr; r++)
				t[r][c] += ap[r] * bv;
		}
	for (r = 0; r < mr; r++)
		for (c = 0; c < 4 * nv; c++)
			if (o.f == NULL)
				o.d[r * o.ld + c] = t[r][c];
			else if (o.bias == NULL)
				o.f[r * o.ld + c] = (float)t[r][c];
			else
				o.f[r * o.ld + c] = (float)t[r][c] +
				    o.bias[c];
#endif
}

/* C's (i, j) = t, rounded to float and biased if C is float */
static void
put(const struct prob *pr, size_t i, size_t j, double t)
{
	float f;

	if (!pr->cf) {
		((double *)pr->c)[i * pr->rsc + j * pr->csc] = t;
		return;
	}
	f = (float)t;
	if (pr->bias != NULL)
		f = f + pr->bias[i * pr->rsb + j * pr->csb];
	((float *)pr->c)[i * pr->rsc + j * pr->csc] = f;
}

/*
 * One column panel of a packed block: the tiles of rows 0..mc (C's row
 * i..) by 4 nv columns (C's column j.., wd of them real).  Sums go to o,
 * or, when scatter, through t to C one element at a time.
 */
static NN_INLINE GEMM_FMA void
strip(const int nv, const int bf, const struct prob *pr, size_t i,
    size_t j, size_t wd, size_t mc, size_t kc, const double *ap,
    struct bsrc bs, const double *cin, size_t ldi, struct out o,
    int scatter)
{
	size_t ir, r, c;
	double t[MR * NR];
	struct out ot = { t, NULL, NULL, NR };

	if (scatter) {
		for (ir = 0; ir < mc; ir += MR, ap += MR * kc) {
			switch (mc - ir < MR ? mc - ir : MR) {
			case 1:
				kern(1, nv, bf, kc, ap, bs, cin, ldi, ot);
				break;
			case 2:
				kern(2, nv, bf, kc, ap, bs, cin, ldi, ot);
				break;
			case 3:
				kern(3, nv, bf, kc, ap, bs, cin, ldi, ot);
				break;
			default:
				kern(MR, nv, bf, kc, ap, bs, cin, ldi, ot);
				break;
			}
			if (cin != NULL)
				cin += MR * ldi;
			for (r = 0; r < MR && ir + r < mc; r++)
				for (c = 0; c < wd; c++)
					put(pr, i + ir + r, j + c,
					    t[r * NR + c]);
		}
		return;
	}
	/* whole tiles of MR rows (the common kinds spelt out, so that each
	 * loop has no tests), then what is left */
	ir = 0;
	if (cin == NULL && o.f != NULL) {
		for (; ir + MR <= mc; ir += MR, ap += MR * kc, o.f += MR * o.ld)
			kern(MR, nv, bf, kc, ap, bs, NULL, 0,
			    (struct out){ NULL, o.f, o.bias, o.ld });
	} else if (cin == NULL) {
		for (; ir + MR <= mc; ir += MR, ap += MR * kc, o.d += MR * o.ld)
			kern(MR, nv, bf, kc, ap, bs, NULL, 0,
			    (struct out){ o.d, NULL, NULL, o.ld });
	}
	for (; ir + MR <= mc; ir += MR, ap += MR * kc) {
		kern(MR, nv, bf, kc, ap, bs, cin, ldi, o);
		if (cin != NULL)
			cin += MR * ldi;
		if (o.f != NULL)
			o.f += MR * o.ld;
		else
			o.d += MR * o.ld;
	}
	switch (mc - ir) {
	case 1:
		kern(1, nv, bf, kc, ap, bs, cin, ldi, o);
		break;
	case 2:
		kern(2, nv, bf, kc, ap, bs, cin, ldi, o);
		break;
	case 3:
		kern(3, nv, bf, kc, ap, bs, cin, ldi, o);
		break;
	}
}

/*
 * Each strip shape is a function of its own (its own clone per target), so
 * the register allocation of its loop is not the caller's.
 */
#define STRIP(NV, BF)							\
NN_HOT GEMM_FMA static void						\
strip_##NV##_##BF(const struct prob *pr, size_t i, size_t j, size_t wd,	\
    size_t mc, size_t kc, const double *ap, struct bsrc bs,		\
    const double *cin, size_t ldi, struct out o, int scatter)		\
{									\
	strip(NV, BF, pr, i, j, wd, mc, kc, ap, bs, cin, ldi, o,	\
	    scatter);							\
}
STRIP(1, 0)
STRIP(1, 1)
STRIP(2, 0)
STRIP(2, 1)
STRIP(3, 0)
STRIP(3, 1)

typedef void strip_fn(const struct prob *, size_t, size_t, size_t, size_t,
    size_t, const double *, struct bsrc, const double *, size_t, struct out,
    int);
static strip_fn *const strips[] = { strip_1_0, strip_1_1, strip_2_0,
	strip_2_1, strip_3_0, strip_3_1 };

/*
 * Every tile of a block: C's rows ic.. (mc) by columns jc.. (nc), depth
 * pc.. (kc).  A is packed at ap, B at bp, or read in place (bdirect)
 * where a panel is whole, else packed a panel at a time in wk->b.  Sums
 * start from zero in the first depth block, else from w (rows ldw apart,
 * row 0 being C's row ic); they go back to w unless this is the last
 * block, which writes C: in place when a tile is whole and C's rows are
 * contiguous, else element by element.
 */
static void
block(const struct prob *pr, const double *ap, const double *bp,
    struct work *wk, size_t ic, size_t mc, size_t jc, size_t nc, size_t pc,
    size_t kc, int first, int last, double *w, size_t ldw, int bdirect)
{
	size_t jr, wd;
	int nv, bf, scatter;
	const double *cin;
	struct bsrc bs;
	struct out o;

	for (jr = 0; jr < nc; jr += NR) {
		wd = nc - jr < NR ? nc - jr : NR;
		nv = (int)((wd + 3) / 4);
		bf = bdirect && wd == 4 * (size_t)nv;
		bs.d = bp + jr * kc;
		bs.f = NULL;
		bs.ld = 0;
		if (bf) {
			bs.f = (const float *)pr->b.p + pc * pr->b.rs + jc +
			    jr;
			bs.ld = pr->b.rs;
		} else if (bdirect) {
			pack_b(wk->b, &pr->b, pc, kc, jc + jr, wd);
			bs.d = wk->b;
		}
		cin = first ? NULL : w + jr;
		scatter = 0;
		if (!last) {
			o = (struct out){ w + jr, NULL, NULL, ldw };
		} else if (wd < 4 * (size_t)nv || pr->csc != 1 ||
		    (pr->bias != NULL && pr->csb != 1)) {
			o = (struct out){ NULL, NULL, NULL, 0 };
			scatter = 1;
		} else if (pr->cf) {
			o.d = NULL;
			o.f = (float *)pr->c + ic * pr->rsc + jc + jr;
			o.bias = pr->bias != NULL ? pr->bias + jc + jr : NULL;
			o.ld = pr->rsc;
		} else {
			o.d = (double *)pr->c + ic * pr->rsc + jc + jr;
			o.f = NULL;
			o.bias = NULL;
			o.ld = pr->rsc;
		}
		strips[nv * 2 + bf - 2](pr, ic, jc + jr, wd, mc, kc, ap, bs,
		    cin, ldw, o, scatter);
	}
}

/*
 * C's rows i0..i1 by columns j0..j1, packing as it goes: for each block of
 * columns, each block of depth (in order), each block of rows, every tile.
 * Partial sums wait in wk->w (rows by the block's columns) between depth
 * blocks.  With a single row of tiles, a float B whose rows are contiguous
 * is read in place: packing it would cost more than it saves.
 */
static void
gemm_part(const struct prob *pr, size_t i0, size_t i1, size_t j0, size_t j1,
    struct work *wk)
{
	size_t k = pr->k, nkb, kb, pc, kc, jc, nc, ic, mc, i, j, ldw;
	double *w;
	int bdirect;

	if (k == 0) {
		for (i = i0; i < i1; i++)
			for (j = j0; j < j1; j++)
				put(pr, i, j, 0.0);
		return;
	}
	nkb = (k + KC - 1) / KC;
	ldw = j1 - j0 < NC ? ((j1 - j0 + 3) & ~(size_t)3) : NC;
	if (nkb > 1)
		grow(&wk->w, &wk->wlen, nn_mul(i1 - i0, ldw));
	grow(&wk->a, &wk->alen, MC * ((k + nkb - 1) / nkb));
	grow(&wk->b, &wk->blen, nn_mul(NC, (k + nkb - 1) / nkb));
	bdirect = i1 - i0 <= MR && !pr->b.dbl && pr->b.cs == 1;
	for (jc = j0; jc < j1; jc += nc) {
		nc = j1 - jc < NC ? j1 - jc : NC;
		for (kb = 0; kb < nkb; kb++) {
			pc = k * kb / nkb;
			kc = k * (kb + 1) / nkb - pc;
			if (!bdirect)
				pack_b(wk->b, &pr->b, pc, kc, jc, nc);
			for (ic = i0; ic < i1; ic += mc) {
				mc = i1 - ic < MC ? i1 - ic : MC;
				pack_a(wk->a, &pr->a, ic, mc, pc, kc);
				w = nkb > 1 ? wk->w + (ic - i0) * ldw : NULL;
				block(pr, wk->a, wk->b, wk, ic, mc, jc, nc, pc,
				    kc, kb == 0, kb == nkb - 1, w, ldw,
				    bdirect);
			}
		}
	}
}

/*
 * Rows i0..i1 by every column, with B packed whole at bp
 * (its depth block at pc starting at bp + pc npad): a task of a product
 * shared out by rows.
 */
static void
rows_task(const struct prob *pr, const double *bp, size_t npad, size_t i0,
    size_t i1, struct work *wk)
{
	size_t k = pr->k, nkb = (k + KC - 1) / KC, kb, pc, kc;
	size_t ldw = (pr->n + 3) & ~(size_t)3;

	if (nkb > 1)
		grow(&wk->w, &wk->wlen, nn_mul(i1 - i0, ldw));
	grow(&wk->a, &wk->alen, nn_mul((i1 - i0 + MR - 1) / MR * MR,
	    (k + nkb - 1) / nkb));
	for (kb = 0; kb < nkb; kb++) {
		pc = k * kb / nkb;
		kc = k * (kb + 1) / nkb - pc;
		pack_a(wk->a, &pr->a, i0, i1 - i0, pc, kc);
		block(pr, wk->a, bp + pc * npad, wk, i0, i1 - i0, 0, pr->n, pc,
		    kc, kb == 0, kb == nkb - 1, nkb > 1 ? wk->w : NULL, ldw,
		    0);
	}
}

/*
 * Threads: a product of at least PAR_MIN multiply-adds is cut into tasks
 * (NN_THREADS threads, else the online CPUs).  When C has more rows of
 * tiles than columns, the caller packs B once for all, and a task is a
 * run of rows; otherwise a task is a range of columns, packed by itself.
 * Tasks are taken from a counter by whichever thread is free, so a late
 * or busy worker only takes fewer; each sum is still one chain in one
 * thread, the same bits whatever ran it.
 *
 * Workers live for the process.  Between products they poll briefly, then
 * sleep on a condition variable.  A product is open while its tasks are
 * handed out; a worker joins by counting itself active and seeing it still
 * open, and the caller returns once it is closed and nobody is active.
 */
#define PAR_MIN (1UL << 20)
#define MAX_THREADS 64
#define SPIN 64			/* busy polls before yielding the CPU */
#define YIELDS 256		/* yielding polls before sleeping */

/* poll cond: busy at first, then giving the CPU away each time, since the
 * thread we wait for may need it; up to SPIN + YIELDS times, or for ever
 * if forever */
#define POLL(cond, forever)						\
	for (i = 0; !(cond) && ((forever) || i < SPIN + YIELDS); i++)	\
		if (i >= SPIN)						\
			sched_yield()

static struct work works[MAX_THREADS];	/* the pool's, by thread */
static pthread_key_t own_key;		/* a caller's outside the pool */
static pthread_once_t own_once = PTHREAD_ONCE_INIT;

static struct {
	pthread_mutex_t mu;
	pthread_cond_t go, done;
	int nw;			/* workers started */
	int started;
	atomic_ulong gen;	/* products handed out */
	atomic_int sleepers;	/* workers asleep on go */
	atomic_int active;	/* workers inside the product */
	atomic_int open;	/* its tasks are being handed out */
	atomic_int waiting;	/* the caller asleep on done */
	atomic_size_t pnext;	/* the next part of B to pack */
	atomic_size_t pdone;	/* parts of B packed */
	size_t nparts;		/* parts B is packed in (by rows) */
	atomic_size_t next;	/* the next task */
	const struct prob *pr;
	int byrows;
	size_t ntasks;
	const double *bp;
	size_t npad;
	void (*fn)(void *, size_t, size_t);	/* a job of nn_par's, or NULL */
	void *arg;
} pool = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	PTHREAD_COND_INITIALIZER, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0,
	0, NULL, 0, NULL, NULL };
static pthread_mutex_t pool_owner = PTHREAD_MUTEX_INITIALIZER;
static double *shared_b;		/* B packed whole, the owner's */
static size_t shared_blen;

static int nthr;			/* NN_THREADS, else the online CPUs */
static pthread_once_t nthr_once = PTHREAD_ONCE_INIT;

static void
nthreads_init(void)
{
	const char *e = getenv("NN_THREADS");
	long v;

	v = e != NULL ? strtol(e, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
	nthr = v < 1 ? 1 : v > MAX_THREADS ? MAX_THREADS : (int)v;
}

static int
nthreads(void)
{
	pthread_once(&nthr_once, nthreads_init);
	return nthr;
}

/* a calling thread's buffers, freed when it ends */
static void
own_free(void *p)
{
	struct work *wk = p;

	free(wk->a);
	free(wk->b);
	free(wk->w);
	free(wk);
}

static void
own_init(void)
{
	if (pthread_key_create(&own_key, own_free) != 0)
		nn_die("pthread_key_create failed");
}

static struct work *
own(void)
{
	struct work *wk;

	pthread_once(&own_once, own_init);
	wk = pthread_getspecific(own_key);
	if (wk == NULL) {
		wk = nn_malloc(sizeof(*wk));
		memset(wk, 0, sizeof(*wk));
		if (pthread_setspecific(own_key, wk) != 0)
			nn_die("pthread_setspecific failed");
	}
	return wk;
}

/* task t of n over u units of size us, capped at lim: [*u0, *u1) */
static void
task_range(size_t t, size_t n, size_t u, size_t us, size_t lim, size_t *u0,
    size_t *u1)
{
	*u0 = u * t / n * us;
	*u1 = u * (t + 1) / n * us;
	if (*u1 > lim)
		*u1 = lim;
}

/*
 * Parts of B packed whole (a product shared out by rows), taken from a
 * counter like tasks: each part a run of column panels through every
 * depth block.  Packing only moves numbers, so who packs what changes
 * nothing.
 */
static void
pack_parts(void)
{
	const struct prob *pr = pool.pr;
	size_t k = pr->k, nkb = (k + KC - 1) / KC, npan, t, kb, pc, kc, q0, q1;

	npan = pool.npad / NR;
	while ((t = atomic_fetch_add(&pool.pnext, 1)) < pool.nparts) {
		q0 = npan * t / pool.nparts;
		q1 = npan * (t + 1) / pool.nparts;
		for (kb = 0; kb < nkb; kb++) {
			pc = k * kb / nkb;
			kc = k * (kb + 1) / nkb - pc;
			pack_b(shared_b + pc * pool.npad + q0 * NR * kc,
			    &pr->b, pc, kc, q0 * NR, (q1 * NR < pr->n ?
			    q1 * NR : pr->n) - q0 * NR);
		}
		atomic_fetch_add(&pool.pdone, 1);
	}
}

/* take tasks until none is left */
static void
run_tasks(struct work *wk)
{
	const struct prob *pr = pool.pr;
	size_t t, u0, u1;
	int i;

	if (pool.fn != NULL) {
		while ((t = atomic_fetch_add(&pool.next, 1)) < pool.ntasks)
			pool.fn(pool.arg, t, pool.ntasks);
		return;
	}
	if (pool.byrows) {
		pack_parts();
		POLL(atomic_load(&pool.pdone) == pool.nparts, 1);
	}
	while ((t = atomic_fetch_add(&pool.next, 1)) < pool.ntasks) {
		if (pool.byrows) {
			task_range(t, pool.ntasks, (pr->m + MR - 1) / MR, MR,
			    pr->m, &u0, &u1);
			rows_task(pr, pool.bp, pool.npad, u0, u1, wk);
		} else {
			task_range(t, pool.ntasks, (pr->n + NR - 1) / NR, NR,
			    pr->n, &u0, &u1);
			gemm_part(pr, 0, pr->m, u0, u1, wk);
		}
	}
}

static void *
worker(void *arg)
{
	struct work *wk = arg;
	unsigned long seen = 0, g;
	int i;

	for (;;) {
		POLL(atomic_load(&pool.gen) != seen, 0);
		if (atomic_load(&pool.gen) == seen) {
			pthread_mutex_lock(&pool.mu);
			atomic_fetch_add(&pool.sleepers, 1);
			while (atomic_load(&pool.gen) == seen)
				pthread_cond_wait(&pool.go, &pool.mu);
			atomic_fetch_sub(&pool.sleepers, 1);
			pthread_mutex_unlock(&pool.mu);
		}
		g = atomic_load(&pool.gen);
		atomic_fetch_add(&pool.active, 1);
		if (atomic_load(&pool.open) && atomic_load(&pool.gen) == g)
			run_tasks(wk);
		seen = g;
		if (atomic_fetch_sub(&pool.active, 1) == 1 &&
		    atomic_load(&pool.waiting)) {
			pthread_mutex_lock(&pool.mu);
			pthread_cond_signal(&pool.done);
			pthread_mutex_unlock(&pool.mu);
		}
	}
	return NULL;
}

/* start the workers once; the number that run */
static int
pool_start(void)
{
	pthread_t th;
	int i;

	if (!pool.started) {
		pool.started = 1;
		for (i = 1; i < nthreads(); i++) {
			if (pthread_create(&th, NULL, worker, &works[i]) != 0)
				break;
			pthread_detach(th);
			pool.nw++;
		}
	}
	return pool.nw;
}

/* open the pool's tasks (set up by the caller) to the workers */
static void
pool_open(void)
{
	atomic_store(&pool.next, 0);
	atomic_store(&pool.open, 1);
	atomic_fetch_add(&pool.gen, 1);
	if (atomic_load(&pool.sleepers) > 0) {
		pthread_mutex_lock(&pool.mu);
		pthread_cond_broadcast(&pool.go);
		pthread_mutex_unlock(&pool.mu);
	}
}

/* the caller's tasks are done: close, and wait for the workers' */
static void
pool_close(void)
{
	int i;

	atomic_store(&pool.open, 0);
	POLL(atomic_load(&pool.active) == 0, 0);
	if (atomic_load(&pool.active) > 0) {
		pthread_mutex_lock(&pool.mu);
		atomic_store(&pool.waiting, 1);
		while (atomic_load(&pool.active) > 0)
			pthread_cond_wait(&pool.done, &pool.mu);
		atomic_store(&pool.waiting, 0);
		pthread_mutex_unlock(&pool.mu);
	}
}

/* a big product on the pool, the caller taking tasks too */
static void
run_pool(const struct prob *pr, int byrows, int nt)
{
	size_t units;

	units = byrows ? (pr->m + MR - 1) / MR : (pr->n + NR - 1) / NR;
	pool.fn = NULL;
	pool.pr = pr;
	pool.byrows = byrows;
	pool.ntasks = byrows ? 2 * (size_t)nt : (size_t)nt;
	if (byrows && pool.ntasks < (pr->m + MC - 1) / MC)
		pool.ntasks = (pr->m + MC - 1) / MC;
	if (pool.ntasks > units)
		pool.ntasks = units;
	if (byrows) {
		/* B whole, packed in parts by whoever comes */
		pool.npad = (pr->n + NR - 1) / NR * NR;
		pool.bp = grow(&shared_b, &shared_blen, nn_mul(pr->k,
		    pool.npad));
		pool.nparts = 2 * (size_t)nt;
		if (pool.nparts > pool.npad / NR)
			pool.nparts = pool.npad / NR;
		atomic_store(&pool.pnext, 0);
		atomic_store(&pool.pdone, 0);
	}
	pool_open();
	run_tasks(&works[0]);
	pool_close();
}

/*
 * fn(arg, t, ntasks) for t = 0 .. ntasks - 1, each once, on the pool's
 * threads and the caller's; in the caller alone when there is one thread
 * or the pool is busy (a task that calls nn_par or a big product, or
 * another caller), so tasks must not wait for each other.
 */
void
nn_par(void (*fn)(void *, size_t, size_t), void *arg, size_t ntasks)
{
	size_t t;

	if (ntasks > 1 && nthreads() > 1 &&
	    pthread_mutex_trylock(&pool_owner) == 0) {
		if (pool_start() > 0) {
			pool.fn = fn;
			pool.arg = arg;
			pool.byrows = 0;
			pool.ntasks = ntasks;
			pool_open();
			run_tasks(&works[0]);
			pool_close();
			pool.fn = NULL;
			pthread_mutex_unlock(&pool_owner);
			return;
		}
		pthread_mutex_unlock(&pool_owner);
	}
	for (t = 0; t < ntasks; t++)
		fn(arg, t, ntasks);
}

/* threads that nn_par may use: NN_THREADS, else the online CPUs */
int
nn_par_threads(void)
{
	return nthreads();
}

/* cycles per step of p of one tile: its multiply-adds, two a cycle, but
 * no fewer than one multiply-add's latency */
static double
tile_cycles(size_t mr, size_t nv)
{
	return mr * nv / 2.0 > LAT ? mr * nv / 2.0 : LAT;
}

/* the tiles' cycles for an m x n product of depth k */
static double
cost(size_t m, size_t n, size_t k)
{
	size_t fm = m / MR, rm = m % MR, fn = n / NR;
	size_t rn = (n % NR + 3) / 4;
	double s;

	s = (double)fm * fn * tile_cycles(MR, NV);
	if (rn > 0)
		s += fm * tile_cycles(MR, rn);
	if (rm > 0) {
		s += fn * tile_cycles(rm, NV);
		if (rn > 0)
			s += tile_cycles(rm, rn);
	}
	return s * k;
}

/* 1 if a product is big enough for the pool's threads */
static int
shared(const struct prob *pr)
{
	return nthreads() > 1 && (double)pr->m * pr->k * pr->n >= PAR_MIN;
}

/* C^T = B^T . A^T: the same sums, the tiles run across C's columns */
static void
transpose(struct prob *pr)
{
	struct mat a = pr->a;
	size_t t;

	pr->a = pr->b;
	pr->b = a;
	t = pr->a.rs, pr->a.rs = pr->a.cs, pr->a.cs = t;
	t = pr->b.rs, pr->b.rs = pr->b.cs, pr->b.cs = t;
	t = pr->m, pr->m = pr->n, pr->n = t;
	t = pr->rsc, pr->rsc = pr->csc, pr->csc = t;
	t = pr->rsb, pr->rsb = pr->csb, pr->csb = t;
}

/*
 * Thin products with a float C: the packed tiles spend more on packing,
 * loop control and scattered stores than on arithmetic when k or n is a
 * few (a layer of two inputs, or of three outputs).  Two paths of their
 * own, the same sums in the same order (from +0, k order, fl32, then the
 * bias in float):
 *
 * - k <= 4: each row of A widened and broadcast once, B packed whole as
 *   doubles, each four columns of C k multiply-adds from registers.
 * - n <= 4, A's rows contiguous: four rows of A at a time, four steps of p
 *   widened and turned in registers so that a vector holds one p of four
 *   rows, times B's (p, j) broadcast once for the call; two groups of four
 *   rows at a time, so that 2n chains hide the multiply-add's latency.
 */
#define THIN_K	4
#define THIN_N	4
#define THIN_M	4
#define THIN_KMAX 4096		/* the deepest product with a broadcast table */
/*
 * A value the compiler must take as it is: without it GCC 12 rebuilds the
 * turned vectors below from sixteen scalar loads
 */
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define OPAQUE(v) __asm__("" : "+x"(v))
#else
#define OPAQUE(v) ((void)0)
#endif

#if defined(__GNUC__)
/*
 * The broadcast table of a thin product: dst[p w + i] = src(p, i) as four
 * doubles, for p < k, i < w (a constant where inlined); src(p, i) at
 * src[p sp + i si].  Room for it in the calling thread's buffer, aligned.
 */
static NN_INLINE void
bcast_fill(v4d *restrict dst, const float *src, size_t k, const size_t w,
    size_t sp, size_t si)
{
	size_t p, i;

	for (p = 0; p < k; p++)
		for (i = 0; i < w; i++) {
			double d = src[p * sp + i * si];

			dst[p * w + i] = (v4d){ d, d, d, d };
		}
}

static v4d *
bcast_room(size_t n)
{
	struct work *wk = own();
	double *buf = grow(&wk->b, &wk->blen, nn_mul(n + 1, 4));

	return (v4d *)(((uintptr_t)buf + 31) & ~(uintptr_t)31);
}

/* t = sum over p < k of x_p b[p npad], from +0, in order */
#define THIN_DOT(t, b)							\
	do {								\
		(t) = (v4d){ 0, 0, 0, 0 };				\
		(t) += x0 * *(const v4u *)(b);				\
		if (k > 1)						\
			(t) += x1 * *(const v4u *)((b) + npad);		\
		if (k > 2)						\
			(t) += x2 * *(const v4u *)((b) + 2 * npad);	\
		if (k > 3)						\
			(t) += x3 * *(const v4u *)((b) + 3 * npad);	\
	} while (0)

static NN_INLINE GEMM_FMA void
thin_k(const int k, const struct prob *pr, const double *bp, size_t npad)
{
	GEMM_CONTRACT
	const float *a = pr->a.p, *bias = pr->bias;
	float *c = pr->c;
	size_t i, v, nv = pr->n / 4, rem = pr->n % 4, j, m = pr->m;
	size_t ars = pr->a.rs, acs = pr->a.cs, rsc = pr->rsc, rsb = pr->rsb;
	v4d x0, x1, x2, x3, t;
	v4f y;

	for (i = 0; i < m; i++, a += ars, c += rsc) {
		x0 = (v4d){ a[0], a[0], a[0], a[0] };
		x1 = k > 1 ? (v4d){ a[acs], a[acs], a[acs], a[acs] } : x0;
		x2 = k > 2 ? (v4d){ a[2 * acs], a[2 * acs], a[2 * acs],
			a[2 * acs] } : x0;
		x3 = k > 3 ? (v4d){ a[3 * acs], a[3 * acs], a[3 * acs],
			a[3 * acs] } : x0;
		NN_UNROLL4
		for (v = 0; v < nv; v++) {
			THIN_DOT(t, bp + 4 * v);
			y = __builtin_convertvector(t, v4f);
			if (bias != NULL)
				y = y + *(const v4fu *)(bias + i * rsb + 4 * v);
			*(v4fu *)(c + 4 * v) = y;
		}
		if (rem == 0)
			continue;
		THIN_DOT(t, bp + 4 * nv);
		y = __builtin_convertvector(t, v4f);
		for (j = 0; j < rem; j++)
			c[4 * nv + j] = bias != NULL ? y[j] + bias[i * rsb +
			    4 * nv + j] : y[j];
	}
}

/* rows i.. (4 g of them) of an n <= 4 product; bb[p n + j] = b[p][j] */
static NN_INLINE GEMM_FMA void
thin_n_rows(const int n, const int g, const struct prob *pr, size_t i,
    const v4d *bb)
{
	GEMM_CONTRACT
	const float *a = (const float *)pr->a.p + i * pr->a.rs;
	size_t rs = pr->a.rs, k = pr->k, p, r;
	v4d acc[2][THIN_N], t0, col[4];
	v4f y, f0, f1, f2, f3, g0, g1, g2, g3;
	float bj;
	int h, j, q;

	for (h = 0; h < g; h++)
		for (j = 0; j < n; j++)
			acc[h][j] = (v4d){ 0, 0, 0, 0 };
	for (p = 0; p + 4 <= k; p += 4) {
		for (h = 0; h < g; h++) {
			const float *ah = a + 4 * h * rs + p;

			f0 = *(const v4fu *)ah;
			f1 = *(const v4fu *)(ah + rs);
			f2 = *(const v4fu *)(ah + 2 * rs);
			f3 = *(const v4fu *)(ah + 3 * rs);
			OPAQUE(f0);
			OPAQUE(f1);
			OPAQUE(f2);
			OPAQUE(f3);
			/* turned as floats, then widened: one p a vector */
			g0 = SHUFF(f0, f1, 0, 4, 1, 5);
			g1 = SHUFF(f0, f1, 2, 6, 3, 7);
			g2 = SHUFF(f2, f3, 0, 4, 1, 5);
			g3 = SHUFF(f2, f3, 2, 6, 3, 7);
			OPAQUE(g0);
			OPAQUE(g1);
			OPAQUE(g2);
			OPAQUE(g3);
			col[0] = WIDEN(SHUFF(g0, g2, 0, 1, 4, 5));
			col[1] = WIDEN(SHUFF(g0, g2, 2, 3, 6, 7));
			col[2] = WIDEN(SHUFF(g1, g3, 0, 1, 4, 5));
			col[3] = WIDEN(SHUFF(g1, g3, 2, 3, 6, 7));
			for (q = 0; q < 4; q++)
				for (j = 0; j < n; j++)
					acc[h][j] += col[q] *
					    bb[(p + q) * n + j];
		}
	}
	for (; p < k; p++)
		for (h = 0; h < g; h++) {
			const float *ah = a + 4 * h * rs + p;

			t0 = (v4d){ ah[0], ah[rs], ah[2 * rs], ah[3 * rs] };
			for (j = 0; j < n; j++)
				acc[h][j] += t0 * bb[p * n + j];
		}
	for (h = 0; h < g; h++)
		for (j = 0; j < n; j++) {
			y = __builtin_convertvector(acc[h][j], v4f);
			for (r = 0; r < 4; r++) {
				size_t ir = i + 4 * h + r;

				bj = y[r];
				if (pr->bias != NULL)
					bj = bj + pr->bias[ir * pr->rsb +
					    j * pr->csb];
				((float *)pr->c)[ir * pr->rsc + j * pr->csc] =
				    bj;
			}
		}
}

/* the rows left over, one at a time */
static GEMM_FMA void
thin_n_row(const struct prob *pr, size_t i, const v4d *bb)
{
	GEMM_CONTRACT
	const float *a = (const float *)pr->a.p + i * pr->a.rs;
	size_t p, j, n = pr->n;
	double t;
	float f;

	for (j = 0; j < n; j++) {
		t = 0.0;
		for (p = 0; p < pr->k; p++)
			t += (double)a[p] * bb[p * n + j][0];
		f = (float)t;
		if (pr->bias != NULL)
			f = f + pr->bias[i * pr->rsb + j * pr->csb];
		((float *)pr->c)[i * pr->rsc + j * pr->csc] = f;
	}
}

#define THIN_N_ROWS(N)							\
NN_HOT GEMM_FMA static void						\
thin_n_##N(const struct prob *pr, v4d *bb)				\
{									\
	size_t i = 0;							\
									\
	bcast_fill(bb, pr->b.p, pr->k, N, pr->b.rs, pr->b.cs);		\
	for (; i + 8 <= pr->m; i += 8)					\
		thin_n_rows(N, 2, pr, i, bb);				\
	for (; i + 4 <= pr->m; i += 4)					\
		thin_n_rows(N, 1, pr, i, bb);				\
	for (; i < pr->m; i++)						\
		thin_n_row(pr, i, bb);					\
}
THIN_N_ROWS(1)
THIN_N_ROWS(2)
THIN_N_ROWS(3)
THIN_N_ROWS(4)

#define THIN_K_ROWS(K)							\
NN_HOT GEMM_FMA static void						\
thin_k_##K(const struct prob *pr, const double *bp, size_t npad)	\
{									\
	thin_k(K, pr, bp, npad);					\
}
THIN_K_ROWS(1)
THIN_K_ROWS(2)
THIN_K_ROWS(3)
THIN_K_ROWS(4)

/*
 * m <= 4 rows of a double C whose B's rows are contiguous (the sums down a
 * batch, dW = X^T dZ, with few inputs; with few outputs, transposed to
 * this): columns nv vectors at a time, each step of p one widened load of
 * B a vector, times each row's a(i, p) broadcast, into m nv sums that stay
 * in registers down the whole depth.
 */
static NN_INLINE GEMM_FMA void
thin_m_cols(const int m, const int nv, const struct prob *pr, size_t j,
    const v4d *ab)
{
	GEMM_CONTRACT
	const float *b = (const float *)pr->b.p + j;
	size_t p, k = pr->k, brs = pr->b.rs;
	double *c = (double *)pr->c + j * pr->csc;
	v4d acc[THIN_M][12], bv, x0, x1, x2, x3;
	int i, v, r;

	for (i = 0; i < m; i++)
		for (v = 0; v < nv; v++)
			acc[i][v] = (v4d){ 0, 0, 0, 0 };
	for (p = 0; p < k; p++, b += brs, ab += m) {
		x0 = ab[0];
		x1 = m > 1 ? ab[1] : x0;
		x2 = m > 2 ? ab[2] : x0;
		x3 = m > 3 ? ab[3] : x0;
		for (v = 0; v < nv; v++) {
			bv = WIDEN(*(const v4fu *)(b + 4 * v));
			acc[0][v] += x0 * bv;
			if (m > 1)
				acc[1][v] += x1 * bv;
			if (m > 2)
				acc[2][v] += x2 * bv;
			if (m > 3)
				acc[3][v] += x3 * bv;
		}
	}
	for (i = 0; i < m; i++)
		for (v = 0; v < nv; v++) {
			if (pr->csc == 1) {
				*(v4u *)(c + i * pr->rsc + 4 * v) = acc[i][v];
				continue;
			}
			for (r = 0; r < 4; r++)
				c[i * pr->rsc + (4 * v + r) * pr->csc] =
				    acc[i][v][r];
		}
}

/* column j alone, each row's sum a scalar chain */
static GEMM_FMA void
thin_m_col(const struct prob *pr, size_t j)
{
	GEMM_CONTRACT
	const float *a = pr->a.p, *b = (const float *)pr->b.p + j;
	size_t p, i;
	double t;

	for (i = 0; i < pr->m; i++) {
		t = 0.0;
		for (p = 0; p < pr->k; p++)
			t += (double)a[i * pr->a.rs + p * pr->a.cs] *
			    (double)b[p * pr->b.rs];
		((double *)pr->c)[i * pr->rsc + j * pr->csc] = t;
	}
}

/* vectors of columns a chunk, by rows: m nv sums, m broadcasts and a
 * column vector in sixteen registers (or one spilt, at m = 4) */
#define THIN_M_ROWS(M, NV)						\
NN_HOT GEMM_FMA static void						\
thin_m_##M(const struct prob *pr, v4d *ab)				\
{									\
	size_t j = 0;							\
									\
	bcast_fill(ab, pr->a.p, pr->k, M, pr->a.cs, pr->a.rs);		\
	for (; j + 4 * (NV) <= pr->n; j += 4 * (NV))			\
		thin_m_cols(M, NV, pr, j, ab);				\
	for (; (NV) > 4 && j + 16 <= pr->n; j += 16)			\
		thin_m_cols(M, 4, pr, j, ab);				\
	for (; (NV) > 2 && j + 8 <= pr->n; j += 8)			\
		thin_m_cols(M, 2, pr, j, ab);				\
	for (; j + 4 <= pr->n; j += 4)					\
		thin_m_cols(M, 1, pr, j, ab);				\
	for (; j < pr->n; j++)						\
		thin_m_col(pr, j);					\
}
THIN_M_ROWS(1, 12)
THIN_M_ROWS(2, 6)
THIN_M_ROWS(3, 4)
THIN_M_ROWS(4, 3)

/* a thin product with double C (m or n <= 4, B's or A's rows
 * contiguous, which a transposition turns into B's); 0 if not one */
static int
thin_sums(struct prob *pr)
{
	static void (*const tm[])(const struct prob *, v4d *) = {
		thin_m_1, thin_m_2, thin_m_3, thin_m_4 };

	if (pr->n <= THIN_M && pr->m > THIN_M && pr->a.rs == 1)
		transpose(pr);
	if (pr->m > THIN_M || pr->b.cs != 1 || pr->k > THIN_KMAX)
		return 0;
	tm[pr->m - 1](pr, bcast_room(nn_mul(pr->k, pr->m)));
	return 1;
}

/* a thin product with float C by its own path; 0 if it is not one */
static int
thin(struct prob *pr)
{
	static void (*const tk[])(const struct prob *, const double *,
	    size_t) = { thin_k_1, thin_k_2, thin_k_3, thin_k_4 };
	static void (*const tn[])(const struct prob *, v4d *) = {
		thin_n_1, thin_n_2, thin_n_3, thin_n_4 };
	struct work *wk;
	const float *b = pr->b.p;
	size_t k = pr->k, n = pr->n, p, j, npad;
	double *bp;

	if (pr->a.dbl || pr->b.dbl || k == 0 || n == 0 || pr->m == 0 ||
	    shared(pr))
		return 0;
	if (!pr->cf)
		return thin_sums(pr);
	if (k <= THIN_K && pr->csc == 1 && (pr->bias == NULL ||
	    pr->csb == 1)) {
		wk = own();
		npad = (n + 3) & ~(size_t)3;
		bp = grow(&wk->b, &wk->blen, nn_mul(k, npad));
		for (p = 0; p < k; p++)
			for (j = 0; j < npad; j++)
				bp[p * npad + j] = j < n ?
				    b[p * pr->b.rs + j * pr->b.cs] : 0.0;
		tk[k - 1](pr, bp, npad);
		return 1;
	}
	if (n <= THIN_N && k <= THIN_KMAX && pr->a.cs == 1) {
		tn[n - 1](pr, bcast_room(nn_mul(k, n)));
		return 1;
	}
	return 0;
}
#else
static int
thin(struct prob *pr)
{
	(void)pr;
	return 0;
}
#endif

/* any product: on the faster side of C, on the pool when it is big */
static void
gemm(struct prob *pr)
{
	int nt, byrows;
	size_t mu, nu;

	if (thin(pr))
		return;
	/* a scattered store costs about a cycle an element */
	if (cost(pr->n, pr->m, pr->k) + (double)pr->m * pr->n <
	    cost(pr->m, pr->n, pr->k))
		transpose(pr);
	mu = (pr->m + MR - 1) / MR;
	nu = (pr->n + NR - 1) / NR;
	byrows = mu >= nu;
	nt = nthreads();
	if ((size_t)nt > (byrows ? mu : nu) / 2)
		nt = (int)((byrows ? mu : nu) / 2);
	if (nt <= 1 || !shared(pr) ||
	    pthread_mutex_trylock(&pool_owner) != 0) {
		gemm_part(pr, 0, pr->m, 0, pr->n, own());
		return;
	}
	if (nt > pool_start() + 1)
		nt = pool.nw + 1;
	if (nt > 1)
		run_pool(pr, byrows, nt);
	else
		gemm_part(pr, 0, pr->m, 0, pr->n, &works[0]);
	pthread_mutex_unlock(&pool_owner);
}

/* C = A . B: A float m x k, B double k x n (floats widened), C double */
void
nn_gemm(const float *a, const double *b, size_t m, size_t k, size_t n,
    double *c)
{
	struct prob pr = { { a, k, 1, 0 }, { b, n, 1, 1 }, m, k, n, c, n, 1,
		0, NULL, 0, 0 };

	gemm(&pr);
}

/* G = X^T . D: X float rows x k, D float rows x n, G double k x n */
void
nn_gemm_tn(const float *x, const float *d, size_t rows, size_t k, size_t n,
    double *g)
{
	struct prob pr = { { x, 1, k, 0 }, { d, n, 1, 0 }, k, rows, n, g, n,
		1, 0, NULL, 0, 0 };

	gemm(&pr);
}

/*
 * C = fl32(A . B) + bias: A float m x k, B float k x n (or, when bt, its
 * transpose n x k: B = b^T), C float m x n; bias (n floats) may be NULL
 */
void
nn_gemm_f(const float *a, const float *b, int bt, const float *bias,
    size_t m, size_t k, size_t n, float *c)
{
	struct prob pr = { { a, k, 1, 0 }, { b, n, 1, 0 }, m, k, n, c, n, 1,
		1, bias, 0, 1 };

	if (bt)
		pr.b.rs = 1, pr.b.cs = k;
	gemm(&pr);
}
