/* npmath.c: numpy 1.24's float32 kernels (exp, log, sum, max), bit for bit */
#include <float.h>
#include <math.h>
#include <string.h>

#include "nn.h"

/*
 * exp and log follow the AVX2/FMA3 kernels simd_exp_FLOAT and simd_log_FLOAT
 * of numpy/core/src/umath/loops_exponent_log.dispatch.c.src, lane by lane:
 * every fused multiply-add there is an fmaf() here and every other step is
 * one correctly rounded float operation, so the results are the same bits.
 * The file must be built without contraction (-ffp-contract=off, the
 * default under -std=c11): a fused a*b+c where numpy rounds twice, or the
 * reverse, changes the last bit.  The AVX512F kernel of numpy uses its own
 * getexp/getmant/scalef steps and is not what a machine with AVX2 and no
 * AVX512F (numpy's "found = ... AVX2") runs.
 *
 * Coefficients: numpy/core/src/common/npy_simd_data.h and npy_math.h.
 */
#define LOG2E		1.442695040888963407359924681001892137f
#define LOGE2		0.693147180559945309417232121458176568f
#define SQRT1_2		0.707106781186547524400844362104849039f
#define RINT_MAGIC	0x1.800000p+23f
#define CW_LN2_HI	-6.93145752e-1f
#define CW_LN2_LO	-1.42860677e-6f
#define EXP_XMAX	88.72283935546875f
#define EXP_XMIN	-103.97208404541015625f

#define EXP_P0	9.999999999980870924916e-01f
#define EXP_P1	7.257664613233124478488e-01f
#define EXP_P2	2.473615434895520810817e-01f
#define EXP_P3	5.114512081637298353406e-02f
#define EXP_P4	6.757896990527504603057e-03f
#define EXP_P5	5.082762527590693718096e-04f
#define EXP_Q0	1.000000000000000000000e+00f
#define EXP_Q1	-2.742335390411667452936e-01f
#define EXP_Q2	2.159509375685829852307e-02f

#define LOG_P0	0.000000000000000000000e+00f
#define LOG_P1	9.999999999999998702752e-01f
#define LOG_P2	2.112677543073053063722e+00f
#define LOG_P3	1.480000633576506585156e+00f
#define LOG_P4	3.808837741388407920751e-01f
#define LOG_P5	2.589979117907922693523e-02f
#define LOG_Q0	1.000000000000000000000e+00f
#define LOG_Q1	2.612677543073109236779e+00f
#define LOG_Q2	2.453006071784736363091e+00f
#define LOG_Q3	9.864942958519418960339e-01f
#define LOG_Q4	1.546476374983906719538e-01f
#define LOG_Q5	5.875095403124574342950e-03f

#define BITS_NAN	0x7fc00000U	/* NPY_NANF */
#define BITS_NEG_NAN	0xffc00000U	/* -NPY_NANF, log of x < 0 */
#define BITS_INF	0x7f800000U
#define BITS_NEG_INF	0xff800000U
#define BITS_TWO_100	0x71800000U	/* 2^100, scales a denormal up */

/* numpy's pairwise block and the iterator's buffer, both in elements */
#define PW_BLOCK	128
#define ITER_BUF	8192

static uint32_t
tobits(float x)
{
	uint32_t u;

	memcpy(&u, &x, sizeof(u));
	return u;
}

static float
frombits(uint32_t u)
{
	float x;

	memcpy(&x, &u, sizeof(x));
	return x;
}

/*
 * e^x = 2^k * P(r) / Q(r), k = rint(x log2 e), r = x - k ln 2 (Cody-Waite).
 * Without branches, so that a loop of it vectorises: every step is
 * computed for a clamped x and the special cases are chosen at the end.
 */
static inline float
exp_kernel(float x)
{
	float xc, k, r, num, den, q, big, small;
	int32_t ki;
	uint32_t u;

	xc = x > EXP_XMAX ? EXP_XMAX : x < EXP_XMIN ? EXP_XMIN : x;
	xc = xc == xc ? xc : 0.0f;
	/*
	 * numpy's source multiplies, then adds the magic constant; its GCC
	 * build contracts the two into one fma, and only that matches.
	 */
	k = fmaf(xc, LOG2E, RINT_MAGIC) - RINT_MAGIC;
	r = fmaf(k, CW_LN2_HI, xc);
	r = fmaf(k, CW_LN2_LO, r);
	/* numpy's third step adds k * 0, which changes nothing */
	num = fmaf(EXP_P5, r, EXP_P4);
	num = fmaf(num, r, EXP_P3);
	num = fmaf(num, r, EXP_P2);
	num = fmaf(num, r, EXP_P1);
	num = fmaf(num, r, EXP_P0);
	den = fmaf(EXP_Q2, r, EXP_Q1);
	den = fmaf(den, r, EXP_Q0);
	q = num / den;
	/*
	 * q 2^k by adding k to q's exponent field; for k <= -125, q 2^-125
	 * (still normal) times the exact 2^(125 + k), which rounds to the
	 * denormal as a division by 2^-(125 + k) would
	 */
	ki = (int32_t)k;
	u = tobits(q);
	big = frombits(u + ((uint32_t)ki << 23));
	small = frombits(u - (125U << 23)) *
	    frombits((uint32_t)(252 + ki) << 23);
	q = ki > -125 ? big : small;
	q = x >= EXP_XMAX ? frombits(BITS_INF) : q;
	q = x <= EXP_XMIN ? 0.0f : q;
	return x == x ? q : frombits(BITS_NAN);
}

NN_HOT float
nn_expf(float x)
{
	return exp_kernel(x);
}

/* y = e^(x - sub), element by element: softmax's exponentials */
NN_HOT void
nn_expf_sub(const float *x, float sub, size_t n, float *y)
{
	size_t i;

	for (i = 0; i < n; i++)
		y[i] = exp_kernel(x[i] - sub);
}

/* v = e^v in place, a whole block at a time */
NN_HOT void
nn_expf_inplace(float *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = exp_kernel(v[i]);
}

/* ln x = e ln 2 + P(t) / Q(t), x = m 2^e, m in (sqrt .5, sqrt 2], t = m - 1 */
NN_HOT float
nn_logf(float x)
{
	uint32_t u;
	float e, m, t, num, den;

	if (isnan(x))
		return frombits(BITS_NAN);
	if (x < 0.0f)
		return frombits(BITS_NEG_NAN);
	if (x == 0.0f)
		return frombits(BITS_NEG_INF);
	if (isinf(x))
		return frombits(BITS_INF);
	if (x < FLT_MIN) {
		u = tobits(x * frombits(BITS_TWO_100));
		e = (float)((int32_t)(u >> 23) - 126) - 100.0f;
	} else {
		u = tobits(x);
		e = (float)((int32_t)(u >> 23) - 126);
	}
	m = frombits((u & 0x7fffffU) | (126U << 23));
	if (m <= SQRT1_2) {
		m = m + m;
		e = e - 1.0f;
	}
	t = m - 1.0f;
	num = fmaf(LOG_P5, t, LOG_P4);
	num = fmaf(num, t, LOG_P3);
	num = fmaf(num, t, LOG_P2);
	num = fmaf(num, t, LOG_P1);
	num = fmaf(num, t, LOG_P0);
	den = fmaf(LOG_Q5, t, LOG_Q4);
	den = fmaf(den, t, LOG_Q3);
	den = fmaf(den, t, LOG_Q2);
	den = fmaf(den, t, LOG_Q1);
	den = fmaf(den, t, LOG_Q0);
	return fmaf(e, LOGE2, num / den);
}

/* pairwise sum: < 8 in order, <= 128 by 8 strided partials, else halves */
static float
pairwise(const float *v, size_t n)
{
	float r[8], res;
	size_t i, j, n2;

	if (n < 8) {
		res = 0.0f;
		for (i = 0; i < n; i++)
			res += v[i];
		return res;
	}
	if (n <= PW_BLOCK) {
		for (j = 0; j < 8; j++)
			r[j] = v[j];
		for (i = 8; i < n - n % 8; i += 8)
			for (j = 0; j < 8; j++)
				r[j] += v[i + j];
		res = ((r[0] + r[1]) + (r[2] + r[3])) +
		    ((r[4] + r[5]) + (r[6] + r[7]));
		for (; i < n; i++)
			res += v[i];
		return res;
	}
	n2 = n / 2;
	n2 -= n2 % 8;
	return pairwise(v, n2) + pairwise(v + n2, n - n2);
}

/*
 * s = 0 + sum over 8192-element chunks of pairwise(chunk), in order.
 *
 * This is np.sum(a, axis=-1) of a C-contiguous float32 row in numpy 1.24,
 * and also np.sum(a) of a whole C-contiguous float32 array (flattened), and
 * so np.mean: add.reduce starts from its identity +0.0 and the iterator
 * hands the inner loop at most 8192 elements at a time, each of which is
 * summed pairwise (numpy/core/src/umath/loops_utils.h.src) and added to the
 * running total.  Checked against numpy for every row length 1..300 and for
 * rows of 1000, 8193, 10000 and 20000.  Because of the +0.0 start a sum is
 * never -0.0 (np.sum of [-0.0] is 0.0), and the start value of pairwise()'s
 * short case cannot be seen.
 */
float
nn_sum_pairwise(const float *v, size_t n)
{
	float s = 0.0f;
	size_t len;

	while (n > 0) {
		len = n < ITER_BUF ? n : ITER_BUF;
		s += pairwise(v, len);
		v += len;
		n -= len;
	}
	return s;
}

/* numpy's scalar and lane max: a if a is nan, else (a > b ? a : b) */
static float
maxn(float a, float b)
{
	if (isnan(a))
		return a;
	return a > b ? a : b;
}

/* one reduce call: acc = io in 8 lanes, 64 at a time, then 8, then tail */
static float
max_chunk(float io, const float *v, size_t n)
{
	float acc[8], t[8], w;
	size_t i, j;
	int nan = 0;

	if (n == 0)
		return io;
	for (j = 0; j < 8; j++)
		acc[j] = io;
	for (; n >= 64; n -= 64, v += 64)
		for (j = 0; j < 8; j++) {
			/* maxn(maxn(v0, v1), maxn(v2, v3)) ... per lane */
			w = maxn(maxn(maxn(v[j], v[8 + j]),
			    maxn(v[16 + j], v[24 + j])),
			    maxn(maxn(v[32 + j], v[40 + j]),
			    maxn(v[48 + j], v[56 + j])));
			acc[j] = maxn(acc[j], w);
		}
	for (; n >= 8; n -= 8, v += 8)
		for (j = 0; j < 8; j++)
			acc[j] = maxn(acc[j], v[j]);
	/* npyv_reduce_maxn_f32: nan if any lane is, else a maxps tree */
	for (j = 0; j < 8; j++)
		nan |= isnan(acc[j]) != 0;
	if (nan) {
		w = frombits(BITS_NAN);
	} else {
		for (j = 0; j < 4; j++)
			t[j] = acc[j] > acc[j + 4] ? acc[j] : acc[j + 4];
		t[0] = t[0] > t[2] ? t[0] : t[2];
		t[1] = t[1] > t[3] ? t[1] : t[3];
		w = t[0] > t[1] ? t[0] : t[1];
	}
	for (i = 0; i < n; i++)
		w = maxn(w, v[i]);
	return w;
}

/*
 * m = max(v), nan if any v is nan, as np.max(a, axis=-1) of a C-contiguous
 * float32 row in numpy 1.24 with AVX2 (the loop of loops_minmax.dispatch.c):
 * the result starts as v[0]; the iterator then hands the reduce loop v[1..8191]
 * and after that chunks of 8192.  The order only shows in the sign of a zero
 * result (max of [0.0, -0.0] is -0.0, of [-0.0, 0.0] is 0.0).  n must be > 0
 * (numpy raises an error); for n == 0 the result is nan.
 */
float
nn_max(const float *v, size_t n)
{
	float m;
	size_t len;

	if (n == 0)
		return frombits(BITS_NAN);
	m = v[0];
	if (n <= 8) {
		/* max_chunk with no full lane: its lanes all hold v[0] */
		if (n > 1 && isnan(m))
			m = frombits(BITS_NAN);
		for (len = 1; len < n; len++)
			m = maxn(m, v[len]);
		return m;
	}
	len = n < ITER_BUF ? n - 1 : ITER_BUF - 1;
	m = max_chunk(m, v + 1, len);
	for (v += 1 + len, n -= 1 + len; n > 0; v += len, n -= len) {
		len = n < ITER_BUF ? n : ITER_BUF;
		m = max_chunk(m, v, len);
	}
	return m;
}

/* nn_max's short path for rows of n <= 8, n a constant where inlined */
static NN_INLINE void
max_short(const size_t n, const float *v, size_t rows, float *restrict m)
{
	size_t r, i;
	float w;

	for (r = 0; r < rows; r++, v += n) {
		w = n > 1 && isnan(v[0]) ? frombits(BITS_NAN) : v[0];
		for (i = 1; i < n; i++)
			w = maxn(w, v[i]);
		m[r] = w;
	}
}

#define MAX_SHORT(N)							\
NN_HOT static void							\
max_##N(const float *v, size_t rows, float *restrict m)		\
{									\
	max_short(N, v, rows, m);					\
}
MAX_SHORT(1)
MAX_SHORT(2)
MAX_SHORT(3)
MAX_SHORT(4)
MAX_SHORT(5)
MAX_SHORT(6)
MAX_SHORT(7)
MAX_SHORT(8)

/* m[r] = max of row r, for rows rows of n; short rows without a call, by
 * loops unrolled for their width */
void
nn_max_rows(const float *v, size_t rows, size_t n, float *restrict m)
{
	static void (*const shorts[])(const float *, size_t, float *) = {
		max_1, max_2, max_3, max_4, max_5, max_6, max_7, max_8 };
	size_t r;

	if (n > 8 || n == 0) {
		for (r = 0; r < rows; r++)
			m[r] = nn_max(v + r * n, n);
		return;
	}
	shorts[n - 1](v, rows, m);
}
