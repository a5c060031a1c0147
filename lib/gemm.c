/* gemm.c: matrix products summed in double in k order, rounded by callers */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn.h"

#define ROWBLOCK 128		/* rows of A transposed at a time */

/* A's rows transposed for thin products; one per thread */
static _Thread_local double *scratch;
static _Thread_local size_t scratch_len;
static _Thread_local double *dscratch;	/* D in double, for X^T . D */
static _Thread_local size_t dscratch_len;

static double *
get_scratch(size_t n)
{
	if (n > scratch_len) {
		free(scratch);
		scratch = nn_malloc(nn_mul(n, sizeof(double)));
		scratch_len = n;
	}
	return scratch;
}

#define JB 8			/* columns summed in registers at a time */
#define TP 32			/* a tile of X^T . D: TP x TJ sums in L1 */
#define TJ 64

/*
 * Four doubles as one value: GCC's and clang's vector extension, which
 * compiles to whatever the target has (SSE2, AVX); each lane is the same
 * IEEE multiply and add as the scalar code, so the bits do not change.
 */
#if defined(__GNUC__)
typedef double v4d __attribute__((vector_size(32)));
#define V4_LOAD(v, p)	memcpy(&(v), (p), sizeof(v4d))
#define V4_STORE(p, v)	memcpy((p), &(v), sizeof(v4d))
#else
typedef struct {
	double d[4];
} v4d;
#endif

/*
 * c[i][0..n) = sum_p a[i][p] b[p][0..n) for m rows, p in order: JB
 * columns of B at a time, kept in cache across the rows
 */
NN_HOT static void
rows_times(const float *a, const double *b, size_t m, size_t k, size_t n,
    double *restrict c)
{
	size_t j0, j, p, i;
	const float *ai;
	double x, t;

	for (j0 = 0; j0 + JB <= n; j0 += JB) {
		i = 0;
#if defined(__GNUC__)
		/* four rows by JB columns: eight sums in flight, each B load
		 * used four times */
		for (; i + 4 <= m; i += 4) {
			const float *a0 = a + i * k, *a1 = a0 + k, *a2 = a1 + k,
			    *a3 = a2 + k;
			v4d s00 = { 0 }, s01 = { 0 }, s10 = { 0 }, s11 = { 0 };
			v4d s20 = { 0 }, s21 = { 0 }, s30 = { 0 }, s31 = { 0 };
			v4d b0, b1, xv;

			for (p = 0; p < k; p++) {
				V4_LOAD(b0, b + p * n + j0);
				V4_LOAD(b1, b + p * n + j0 + 4);
				x = a0[p];
				xv = (v4d){ x, x, x, x };
				s00 += xv * b0;
				s01 += xv * b1;
				x = a1[p];
				xv = (v4d){ x, x, x, x };
				s10 += xv * b0;
				s11 += xv * b1;
				x = a2[p];
				xv = (v4d){ x, x, x, x };
				s20 += xv * b0;
				s21 += xv * b1;
				x = a3[p];
				xv = (v4d){ x, x, x, x };
				s30 += xv * b0;
				s31 += xv * b1;
			}
			V4_STORE(c + i * n + j0, s00);
			V4_STORE(c + i * n + j0 + 4, s01);
			V4_STORE(c + (i + 1) * n + j0, s10);
			V4_STORE(c + (i + 1) * n + j0 + 4, s11);
			V4_STORE(c + (i + 2) * n + j0, s20);
			V4_STORE(c + (i + 2) * n + j0 + 4, s21);
			V4_STORE(c + (i + 3) * n + j0, s30);
			V4_STORE(c + (i + 3) * n + j0 + 4, s31);
		}
#endif
		for (; i < m; i++) {
			ai = a + i * k;
#if defined(__GNUC__)
			v4d s0 = { 0 }, s1 = { 0 }, b0, b1, xv;

			for (p = 0; p < k; p++) {
				x = ai[p];
				xv = (v4d){ x, x, x, x };
				V4_LOAD(b0, b + p * n + j0);
				V4_LOAD(b1, b + p * n + j0 + 4);
				s0 += xv * b0;
				s1 += xv * b1;
			}
			V4_STORE(c + i * n + j0, s0);
			V4_STORE(c + i * n + j0 + 4, s1);
#else
			double s[JB] = { 0 };

			for (p = 0; p < k; p++) {
				x = ai[p];
				for (j = 0; j < JB; j++)
					s[j] += x * b[p * n + j0 + j];
			}
			for (j = 0; j < JB; j++)
				c[i * n + j0 + j] = s[j];
#endif
		}
	}
	for (i = 0; i < m; i++) {
		ai = a + i * k;
		for (j = j0; j < n; j++) {
			t = 0.0;
			for (p = 0; p < k; p++)
				t += (double)ai[p] * b[p * n + j];
			c[i * n + j] = t;
		}
	}
}

/*
 * C = A . B: A float m x k, B double k x n, C double m x n; each c[i][j] is
 * sum_p a[i][p] b[p][j] accumulated from 0 in p order, so the result is
 * numpy's (reference BLAS) whatever the loop nest.  Wide products keep
 * JB columns in registers; thin ones (few columns, many rows) eight rows.
 */
NN_HOT static void
gemm1(const float *a, const double *b, size_t m, size_t k, size_t n,
    double *c)
{
	size_t i0, i, j, p;
	double x, *at;

	if (n >= 8 || m < 8 || k == 0) {
		rows_times(a, b, m, k, n, c);
		return;
	}
	/* eight rows at a time, transposed to double: at[p][0..8) */
	at = get_scratch(8 * k);
	for (i0 = 0; i0 + 8 <= m; i0 += 8) {
		const float *a0 = a + i0 * k;

		for (i = 0; i < 8; i++)
			for (p = 0; p < k; p++)
				at[p * 8 + i] = a0[i * k + p];
		for (j = 0; j < n; j++) {
			double s[8];
#if defined(__GNUC__)
			v4d s0 = { 0 }, s1 = { 0 }, a0, a1, xv;

			for (p = 0; p < k; p++) {
				x = b[p * n + j];
				xv = (v4d){ x, x, x, x };
				V4_LOAD(a0, at + p * 8);
				V4_LOAD(a1, at + p * 8 + 4);
				s0 += a0 * xv;
				s1 += a1 * xv;
			}
			V4_STORE(s, s0);
			V4_STORE(s + 4, s1);
#else
			for (i = 0; i < 8; i++)
				s[i] = 0.0;
			for (p = 0; p < k; p++) {
				x = b[p * n + j];
				for (i = 0; i < 8; i++)
					s[i] += at[p * 8 + i] * x;
			}
#endif
			for (i = 0; i < 8; i++)
				c[(i0 + i) * n + j] = s[i];
		}
	}
	if (i0 < m)
		rows_times(a + i0 * k, b, m - i0, k, n, c + i0 * n);
}

/*
 * G = X^T . D: X float rows x k, D float rows x n, G double k x n; each
 * g[p][j] is sum_r x[r][p] d[r][j] from 0 in r order (numpy's
 * np.dot(inputs.T, dvalues)).  Runs across the wider of p and j.
 */
NN_HOT static void
gemm_tn1(const float *x, const float *d, size_t rows, size_t k, size_t n,
    double *g)
{
	size_t r, p, j;
	double v, v1, v2, v3, t;
	double *restrict gt, *restrict gp;
	const float *xr, *dr;

	/*
	 * Tiles of TP x TJ sums that stay in L1 while every row goes by; four
	 * rows at a time: each sum loaded once, four products added in row
	 * order, stored once.
	 */
	if (n >= 8) {
		size_t p0, p1, j0, j1;
		const double *restrict dd, *ddr;
		double *dw;

		/* D once in double: no conversion in the inner loop */
		if (rows * n > dscratch_len) {
			free(dscratch);
			dscratch = nn_malloc(nn_mul(nn_mul(rows, n),
			    sizeof(double)));
			dscratch_len = rows * n;
		}
		dw = dscratch;
		for (j = 0; j < rows * n; j++)
			dw[j] = d[j];
		dd = dw;
		memset(g, 0, k * n * sizeof(double));
		for (p0 = 0; p0 < k; p0 = p1) {
			p1 = k - p0 < TP ? k : p0 + TP;
			for (j0 = 0; j0 < n; j0 = j1) {
				j1 = n - j0 < TJ ? n : j0 + TJ;
				for (r = 0; r + 4 <= rows; r += 4) {
					xr = x + r * k;
					ddr = dd + r * n;
					for (p = p0; p < p1; p++) {
						v = xr[p];
						v1 = xr[k + p];
						v2 = xr[2 * k + p];
						v3 = xr[3 * k + p];
						gp = g + p * n;
						for (j = j0; j < j1; j++) {
							t = gp[j];
							t += v * ddr[j];
							t += v1 * ddr[n + j];
							t += v2 * ddr[2 * n + j];
							t += v3 * ddr[3 * n + j];
							gp[j] = t;
						}
					}
				}
				for (; r < rows; r++) {
					xr = x + r * k;
					ddr = dd + r * n;
					for (p = p0; p < p1; p++) {
						v = xr[p];
						gp = g + p * n;
						for (j = j0; j < j1; j++)
							gp[j] += v * ddr[j];
					}
				}
			}
		}
		return;
	}
	gt = get_scratch(k * n);
	memset(gt, 0, k * n * sizeof(double));
	for (r = 0; r + 4 <= rows; r += 4) {
		xr = x + r * k;
		dr = d + r * n;
		for (j = 0; j < n; j++) {
			v = dr[j];
			v1 = dr[n + j];
			v2 = dr[2 * n + j];
			v3 = dr[3 * n + j];
			gp = gt + j * k;
			for (p = 0; p < k; p++) {
				t = gp[p];
				t += (double)xr[p] * v;
				t += (double)xr[k + p] * v1;
				t += (double)xr[2 * k + p] * v2;
				t += (double)xr[3 * k + p] * v3;
				gp[p] = t;
			}
		}
	}
	for (; r < rows; r++) {
		xr = x + r * k;
		dr = d + r * n;
		for (j = 0; j < n; j++) {
			v = dr[j];
			gp = gt + j * k;
			for (p = 0; p < k; p++)
				gp[p] += (double)xr[p] * v;
		}
	}
	for (p = 0; p < k; p++)
		for (j = 0; j < n; j++)
			g[p * n + j] = gt[j * k + p];
}

/*
 * Threads: a product of at least PAR_MIN multiply-adds is cut into one
 * slab of output rows per thread (NN_THREADS, else the online CPUs).
 * Every output element is still one sum in one thread in k order, so the
 * result is the same bits whatever the number of threads.
 */
#define PAR_MIN (1UL << 21)
#define MAX_THREADS 64

struct slab {
	const float *a, *x;
	const double *b;
	size_t m, k, n, rows;
	double *c;
	int tn;			/* X^T . D: the slab is a range of X's columns */
	size_t p0, p1;
};

static int
nthreads(void)
{
	static int n;
	const char *e;
	long v;

	if (n == 0) {
		e = getenv("NN_THREADS");
		v = e != NULL ? strtol(e, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
		n = v < 1 ? 1 : v > MAX_THREADS ? MAX_THREADS : (int)v;
	}
	return n;
}

static void *
run_slab(void *arg)
{
	struct slab *s = arg;
	size_t p, j;
	double *g;

	if (!s->tn) {
		gemm1(s->a, s->b, s->m, s->k, s->n, s->c);
		return NULL;
	}
	/* G's rows p0..p1: X's columns p0..p1 of each row, packed */
	g = nn_malloc(nn_mul(nn_mul(s->p1 - s->p0, s->n), sizeof(double)));
	{
		size_t w = s->p1 - s->p0, r;
		float *xs = nn_malloc(nn_mul(nn_mul(s->rows, w), sizeof(float)));

		for (r = 0; r < s->rows; r++)
			memcpy(xs + r * w, s->x + r * s->k + s->p0,
			    w * sizeof(float));
		gemm_tn1(xs, s->a, s->rows, w, s->n, g);
		free(xs);
	}
	for (p = s->p0; p < s->p1; p++)
		for (j = 0; j < s->n; j++)
			s->c[p * s->n + j] = g[(p - s->p0) * s->n + j];
	free(g);
	return NULL;
}

/* run the slabs on threads, the first on this one */
static void
run_all(struct slab *sl, int nt)
{
	pthread_t th[MAX_THREADS];
	int i, started[MAX_THREADS] = { 0 };

	for (i = 1; i < nt; i++)
		started[i] = pthread_create(&th[i], NULL, run_slab, &sl[i]) == 0;
	run_slab(&sl[0]);
	for (i = 1; i < nt; i++) {
		if (started[i])
			pthread_join(th[i], NULL);
		else
			run_slab(&sl[i]);
	}
}

/* C = A . B, in slabs of rows on several threads when it is big */
void
nn_gemm(const float *a, const double *b, size_t m, size_t k, size_t n,
    double *c)
{
	struct slab sl[MAX_THREADS];
	int nt = nthreads(), i;
	size_t r0, r1;

	if (nt == 1 || m < 16 || (double)m * k * n < PAR_MIN) {
		gemm1(a, b, m, k, n, c);
		return;
	}
	if ((size_t)nt > m / 8)
		nt = (int)(m / 8);
	for (i = 0; i < nt; i++) {
		r0 = m * i / nt / 8 * 8;
		r1 = i == nt - 1 ? m : m * (i + 1) / nt / 8 * 8;
		sl[i] = (struct slab){ .a = a + r0 * k, .b = b, .m = r1 - r0,
		    .k = k, .n = n, .c = c + r0 * n };
	}
	run_all(sl, nt);
}

/* G = X^T . D, in slabs of G's rows on several threads when it is big */
void
nn_gemm_tn(const float *x, const float *d, size_t rows, size_t k, size_t n,
    double *g)
{
	struct slab sl[MAX_THREADS];
	int nt = nthreads(), i;

	if (nt == 1 || k < 16 || (double)rows * k * n < PAR_MIN) {
		gemm_tn1(x, d, rows, k, n, g);
		return;
	}
	if ((size_t)nt > k / 8)
		nt = (int)(k / 8);
	for (i = 0; i < nt; i++)
		sl[i] = (struct slab){ .x = x, .a = d, .rows = rows, .k = k,
		    .n = n, .c = g, .tn = 1, .p0 = k * i / nt,
		    .p1 = k * (i + 1) / nt };
	run_all(sl, nt);
}
