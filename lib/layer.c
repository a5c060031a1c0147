/* layer.c: the layers' forward and backward kernels */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

/* params = [W; b]: W = fl32(scale * fl32(randn(nin, nout))), b = 0 */
void
nn_dense_init(struct nn_rng *r, float scale, size_t nin, size_t nout,
    float *params)
{
	size_t i, n = nn_mul(nin, nout);

	for (i = 0; i < n; i++)
		params[i] = scale * (float)nn_rng_normal(r);
	memset(params + n, 0, nout * sizeof(float));
}

/* wd = (double)W, the weights once converted for the dot kernel */
void
nn_dense_prepare(const float *params, size_t nin, size_t nout, double *wd)
{
	size_t i, n = nn_mul(nin, nout);

	for (i = 0; i < n; i++)
		wd[i] = params[i];
}

/* Z = fl32(X . W) + b, X rows x nin; acc holds rows x nout doubles */
NN_HOT void
nn_dense_forward(const double *wd, const float *bias, const float *x,
    size_t rows, size_t nin, size_t nout, double *acc, float *restrict z)
{
	size_t i, j;

	nn_gemm(x, wd, rows, nin, nout, acc);
	for (i = 0; i < rows; i++)
		for (j = 0; j < nout; j++)
			z[i * nout + j] = (float)acc[i * nout + j] + bias[j];
}

/* C = fl32(A . B) for A m x k and B k x n, each sum in double in k order */
void
nn_matmul(const float *a, const float *b, size_t m, size_t k, size_t n,
    float *c)
{
	nn_gemm_f(a, b, 0, NULL, m, k, n, c);
}

/* db[0..w) = the sums down rows of dz[0..w), rows nout apart, from +0 */
static NN_INLINE void
colsum4(const float *dz, size_t rows, size_t nout, size_t w,
    float *restrict db)
{
	float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
	size_t r;

	for (r = 0; r < rows; r++, dz += nout) {
		s0 = s0 + dz[0];
		if (w > 1)
			s1 = s1 + dz[1];
		if (w > 2)
			s2 = s2 + dz[2];
		if (w > 3)
			s3 = s3 + dz[3];
	}
	db[0] = s0;
	if (w > 1)
		db[1] = s1;
	if (w > 2)
		db[2] = s2;
	if (w > 3)
		db[3] = s3;
}

/* db = np.sum(dZ, axis=0): rows one after another from +0; one column is
 * one contiguous run, which numpy sums pairwise */
NN_HOT void
nn_colsum(const float *dz, size_t rows, size_t nout, float *restrict db)
{
	size_t r, j, j0;
	float s[32];

	if (nout == 1) {
		db[0] = nn_sum_pairwise(dz, rows);
		return;
	}
	/* 32 columns at a time: the sums stay in registers down the rows */
	for (j0 = 0; j0 + 32 <= nout; j0 += 32) {
		for (j = 0; j < 32; j++)
			s[j] = 0.0f;
		for (r = 0; r < rows; r++)
			for (j = 0; j < 32; j++)
				s[j] = s[j] + dz[r * nout + j0 + j];
		memcpy(db + j0, s, sizeof(s));
	}
	/* the rest four columns at a time, the sums in registers too */
	for (; j0 < nout; j0 += 4)
		colsum4(dz + j0, rows, nout, nout - j0 < 4 ? nout - j0 : 4,
		    db + j0);
}

/* y = max(0, x) as np.maximum(0, x) gives it: -0 and nan pass through */
NN_HOT void
nn_relu_forward(const float *x, size_t n, float *y)
{
	size_t i;

	NN_UNROLL4
	for (i = 0; i < n; i++)
		y[i] = x[i] < 0.0f ? 0.0f : x[i];
}

/* y = exp(x - max x) / sum exp(x - max x), numpy's exp and sum */
void
nn_softmax_forward(const float *x, size_t n, float *y)
{
	nn_softmax_rows(x, 1, n, y);
}

/*
 * softmax of each of rows rows of n: the exponentials in one pass.  Rows
 * shorter than 8 are summed as numpy does them, left to right from +0 (as
 * nn_sum_pairwise does), in loops unrolled where n is a constant.
 */
static NN_INLINE void
softmax_block(const size_t n, const float *x, size_t rows, float *y)
{
	size_t r, r0, len, i;
	float m[256], s, *yr;

	for (r0 = 0; r0 < rows; r0 += len) {
		len = rows - r0 < 256 ? rows - r0 : 256;
		nn_max_rows(x + r0 * n, len, n, m);
		for (r = r0; r < r0 + len; r++)
			for (i = 0; i < n; i++)
				y[r * n + i] = x[r * n + i] - m[r - r0];
	}
	nn_expf_inplace(y, rows * n);
	for (r = 0, yr = y; r < rows; r++, yr += n) {
		if (n < 8) {
			s = 0.0f;
			for (i = 0; i < n; i++)
				s += yr[i];
		} else {
			s = nn_sum_pairwise(yr, n);
		}
		for (i = 0; i < n; i++)
			yr[i] = yr[i] / s;
	}
}

#define SOFTMAX_SHORT(N)						\
NN_HOT static void							\
softmax_##N(const float *x, size_t rows, float *y)			\
{									\
	softmax_block(N, x, rows, y);					\
}
SOFTMAX_SHORT(1)
SOFTMAX_SHORT(2)
SOFTMAX_SHORT(3)
SOFTMAX_SHORT(4)
SOFTMAX_SHORT(5)
SOFTMAX_SHORT(6)
SOFTMAX_SHORT(7)

NN_HOT void
nn_softmax_rows(const float *x, size_t rows, size_t n, float *y)
{
	static void (*const shorts[])(const float *, size_t, float *) = {
		softmax_1, softmax_2, softmax_3, softmax_4, softmax_5,
		softmax_6, softmax_7 };

	if (n >= 1 && n < 8)
		shorts[n - 1](x, rows, y);
	else
		softmax_block(n, x, rows, y);
}

/* dX = dZ . W^T for one row: dx[i] = fl32(sum_j dz[j] w[i][j]), j in order */
void
nn_dense_backward_dx(const float *params, size_t nin, size_t nout,
    const float *dz, float *dx)
{
	size_t i, j;
	double acc;
	const float *w;

	for (i = 0; i < nin; i++) {
		w = params + i * nout;
		acc = 0.0;
		for (j = 0; j < nout; j++)
			acc += (double)dz[j] * (double)w[j];
		dx[i] = (float)acc;
	}
}

/* one row into dW = X^T . dZ (double, rows in order) and db += dZ (float) */
void
nn_dense_backward_acc(const float *x, const float *dz, size_t nin,
    size_t nout, double *restrict dwacc, float *db)
{
	size_t i, j;
	double a;
	double *d;

	for (i = 0; i < nin; i++) {
		a = x[i];
		d = dwacc + i * nout;
		for (j = 0; j < nout; j++)
			d[j] += a * dz[j];
	}
	for (j = 0; j < nout; j++)
		db[j] = db[j] + dz[j];
}

/* d(l1 |p| + l2 p^2)/dp added to g: g += l1 sign(p); g += fl32(2 l2) p */
static void
add_reg(float *g, const float *p, size_t n, double l1, double l2)
{
	float f1 = (float)l1, f2 = (float)(2.0 * l2);
	size_t i;

	if (l1 > 0)
		for (i = 0; i < n; i++)
			g[i] = g[i] + (p[i] < 0.0f ? -f1 : f1);
	if (l2 > 0)
		for (i = 0; i < n; i++)
			g[i] = g[i] + f2 * p[i];
}

/* grad = [fl32(dW) + reg'(W); db + reg'(b)], the params' shape */
void
nn_dense_grad(const double *dwacc, const float *db, const float *params,
    size_t nin, size_t nout, const struct nn_reg *reg, float *grad)
{
	nn_dense_grad_part(dwacc, db, params, nin, nout, reg, grad, 0,
	    (nin + 1) * nout);
}

/* the same for elements a..b of grad (each its own sum, in any order) */
void
nn_dense_grad_part(const double *dwacc, const float *db,
    const float *params, size_t nin, size_t nout, const struct nn_reg *reg,
    float *grad, size_t a, size_t b)
{
	size_t i, n = nin * nout, w = b < n ? b : n;

	for (i = a; i < w; i++)
		grad[i] = (float)dwacc[i];
	for (i = a > n ? a : n; i < b; i++)
		grad[i] = db[i - n];
	if (reg == NULL)
		return;
	if (a < w)
		add_reg(grad + a, params + a, w - a, reg->l1w, reg->l2w);
	if (b > n) {
		i = a > n ? a : n;
		add_reg(grad + i, params + i, b - i, reg->l1b, reg->l2b);
	}
}

/* l1 sum|W| + l2 sum W^2 + the same for b, in double as numpy's scalars */
double
nn_dense_reg_loss(const float *params, size_t nin, size_t nout,
    const struct nn_reg *reg, float *tmp)
{
	size_t n = nin * nout, i;
	double loss = 0.0;
	const float *b = params + n;

	if (reg->l1w > 0) {
		for (i = 0; i < n; i++)
			tmp[i] = fabsf(params[i]);
		loss += reg->l1w * (double)nn_sum_pairwise(tmp, n);
	}
	if (reg->l2w > 0) {
		for (i = 0; i < n; i++)
			tmp[i] = params[i] * params[i];
		loss += reg->l2w * (double)nn_sum_pairwise(tmp, n);
	}
	if (reg->l1b > 0) {
		for (i = 0; i < nout; i++)
			tmp[i] = fabsf(b[i]);
		loss += reg->l1b * (double)nn_sum_pairwise(tmp, nout);
	}
	if (reg->l2b > 0) {
		for (i = 0; i < nout; i++)
			tmp[i] = b[i] * b[i];
		loss += reg->l2b * (double)nn_sum_pairwise(tmp, nout);
	}
	return loss;
}

/* dX = dZ where the forward input was > 0, else 0 */
NN_HOT void
nn_relu_backward(const float *x, const float *dz, size_t n, float *dx)
{
	size_t i;

	NN_UNROLL4
	for (i = 0; i < n; i++)
		dx[i] = x[i] <= 0.0f ? 0.0f : dz[i];
}

/* dx = J . dy, J = diag(s) - fl32(s s^T), each sum in double */
void
nn_softmax_backward(const float *s, const float *dy, size_t n, float *dx)
{
	size_t i, j;
	double acc;
	float jij;

	for (i = 0; i < n; i++) {
		acc = 0.0;
		for (j = 0; j < n; j++) {
			jij = (i == j ? s[i] : 0.0f) -
			    (float)((double)s[i] * (double)s[j]);
			acc += (double)jij * (double)dy[j];
		}
		dx[i] = (float)acc;
	}
}

/* y = 1 / (1 + exp(-x)), numpy's exp */
void
nn_sigmoid_forward(const float *x, size_t n, float *y)
{
	size_t i;

	for (i = 0; i < n; i++)
		y[i] = 1.0f / (1.0f + nn_expf(-x[i]));
}

/* dx = dy (1 - y) y */
void
nn_sigmoid_backward(const float *y, const float *dy, size_t n, float *dx)
{
	size_t i;

	for (i = 0; i < n; i++)
		dx[i] = dy[i] * (1.0f - y[i]) * y[i];
}

/* y = tanh x */
void
nn_tanh_forward(const float *x, size_t n, float *y)
{
	size_t i;

	for (i = 0; i < n; i++)
		y[i] = tanhf(x[i]);
}

/* dx = dy (1 - y^2) */
void
nn_tanh_backward(const float *y, const float *dy, size_t n, float *dx)
{
	size_t i;

	for (i = 0; i < n; i++)
		dx[i] = dy[i] * (1.0f - y[i] * y[i]);
}

/* y = 1 where x > 0, else 0 */
void
nn_step_forward(const float *x, size_t n, float *y)
{
	size_t i;

	for (i = 0; i < n; i++)
		y[i] = x[i] > 0.0f ? 1.0f : 0.0f;
}
