/*
 * test-grad.c: every backward function of lib/ against central finite
 * differences.  For a layer y = f(x) and a random upstream gradient dy, the
 * analytic dx (float32, from lib/) must match dL/dx of L = sum dy * f(x),
 * and for a loss the analytic dp must match dL/dp of the mean loss.  The
 * differences (L(x + h) - L(x - h)) / 2h are taken with h = 1e-5 on double
 * re-implementations of the forward maths, which are first checked against
 * the lib's float32 forward functions (within 1e-5 relative).  A gradient
 * passes when every value is within TOL = 1e-4 relative of the numeric one,
 * relative to max(|numeric|, 1% of the largest |numeric| of the vector).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

#define TOL 1e-4
#define FWD_TOL 1e-5
#define H 1e-5
#define MAXN 64

static int checks, failed;
static struct nn_rng rng;

typedef double (*scalar_fn)(const double *v, const void *ctx);

/* a uniform float32 in [lo, hi), at least gap away from 0 when gap > 0 */
static float
uniform(double lo, double hi, double gap)
{
	float v;

	do
		v = (float)(lo + (hi - lo) * nn_rng_double(&rng));
	while (fabsf(v) < gap);
	return v;
}

static void
fill(float *v, size_t n, double lo, double hi, double gap)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = uniform(lo, hi, gap);
}

static void
widen(const float *f, size_t n, double *d)
{
	size_t i;

	for (i = 0; i < n; i++)
		d[i] = f[i];
}

/* g = dL/dv at v0 by central differences */
static void
numeric(scalar_fn L, const void *ctx, const double *v0, size_t n, double *g)
{
	double v[MAXN * MAXN], lp, lm;
	size_t i;

	memcpy(v, v0, n * sizeof(double));
	for (i = 0; i < n; i++) {
		v[i] = v0[i] + H;
		lp = L(v, ctx);
		v[i] = v0[i] - H;
		lm = L(v, ctx);
		v[i] = v0[i];
		g[i] = (lp - lm) / (2 * H);
	}
}

/* the analytic gradient a (times sign) against the numeric g */
static void
compare(const char *name, const float *a, double sign, const double *g,
    size_t n)
{
	double scale = 0, floor, s, err, worst = 0;
	size_t i, wi = 0;

	for (i = 0; i < n; i++)
		if (fabs(g[i]) > scale)
			scale = fabs(g[i]);
	floor = scale > 0 ? 1e-2 * scale : 1e-12;
	for (i = 0; i < n; i++) {
		s = fabs(g[i]) > floor ? fabs(g[i]) : floor;
		err = fabs(sign * a[i] - g[i]) / s;
		if (err > worst || err != err) {
			worst = err;
			wi = i;
		}
	}
	checks++;
	if (!(worst <= TOL)) {
		failed++;
		fprintf(stderr, "FAIL %s: value %zu: analytic %.9g, numeric "
		    "%.9g (relative error %.2g)\n", name, wi, sign * a[wi],
		    g[wi], worst);
	} else
		fprintf(stderr, "ok   %-44s %3zu values, worst %.1e\n", name, n,
		    worst);
}

/* the lib's float32 forward f against its double model d */
static void
agree(const char *name, const float *f, const double *d, size_t n)
{
	double err, worst = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		err = fabs(f[i] - d[i]) / (fabs(d[i]) > 1e-3 ? fabs(d[i]) :
		    1e-3);
		if (err > worst || err != err)
			worst = err;
	}
	checks++;
	if (!(worst <= FWD_TOL)) {
		failed++;
		fprintf(stderr, "FAIL %s: the double model is off by %.2g\n",
		    name, worst);
	}
}

/* dense: L = sum dZ * (X W + b) + reg(W, b) */
#define ROWS 5
#define NIN 4
#define NOUT 3
struct dense {
	size_t rows, nin, nout;
	double x[ROWS * NIN], p[(NIN + 1) * NOUT], dz[ROWS * NOUT];
	struct nn_reg reg;
};

static double
dense_z(const struct dense *d, const double *x, const double *p, size_t r,
    size_t j)
{
	double z = p[d->nin * d->nout + j];
	size_t k;

	for (k = 0; k < d->nin; k++)
		z += x[r * d->nin + k] * p[k * d->nout + j];
	return z;
}

static double
dense_loss(const struct dense *d, const double *x, const double *p)
{
	size_t r, j, i, nw = d->nin * d->nout;
	double l = 0, a;

	for (r = 0; r < d->rows; r++)
		for (j = 0; j < d->nout; j++)
			l += d->dz[r * d->nout + j] * dense_z(d, x, p, r, j);
	for (i = 0; i < nw + d->nout; i++) {
		a = p[i];
		if (i < nw)
			l += d->reg.l1w * fabs(a) + d->reg.l2w * a * a;
		else
			l += d->reg.l1b * fabs(a) + d->reg.l2b * a * a;
	}
	return l;
}

static double
dense_lx(const double *v, const void *ctx)
{
	const struct dense *d = ctx;

	return dense_loss(d, v, d->p);
}

static double
dense_lp(const double *v, const void *ctx)
{
	const struct dense *d = ctx;

	return dense_loss(d, d->x, v);
}

static void
check_dense(const char *name, size_t nout, struct nn_reg reg)
{
	struct dense d;
	float x[ROWS * NIN], p[(NIN + 1) * NOUT], dz[ROWS * NOUT];
	float dx[ROWS * NIN], grad[(NIN + 1) * NOUT], db[NOUT], z[NOUT];
	double dwacc[NIN * NOUT], wd[NIN * NOUT], acc[NOUT];
	double g[MAXN], zd[NOUT];
	char label[80];
	size_t r, j, np = (NIN + 1) * nout;

	memset(&d, 0, sizeof(d));
	d.rows = ROWS;
	d.nin = NIN;
	d.nout = nout;
	d.reg = reg;
	fill(x, ROWS * NIN, -1, 1, 0);
	fill(p, np, -1, 1, 0.05);	/* |p| > 2h: L1 is smooth there */
	fill(dz, ROWS * nout, -1, 1, 0);
	widen(x, ROWS * NIN, d.x);
	widen(p, np, d.p);
	widen(dz, ROWS * nout, d.dz);

	nn_dense_prepare(p, NIN, nout, wd);
	for (r = 0; r < ROWS; r++) {
		nn_dense_forward(wd, p + NIN * nout, x + r * NIN, 1, NIN, nout,
		    acc, z);
		for (j = 0; j < nout; j++)
			zd[j] = dense_z(&d, d.x, d.p, r, j);
		agree("dense forward", z, zd, nout);
	}

	memset(dwacc, 0, sizeof(dwacc));
	for (j = 0; j < nout; j++)
		db[j] = 0.0f;
	for (r = 0; r < ROWS; r++) {
		nn_dense_backward_dx(p, NIN, nout, dz + r * nout,
		    dx + r * NIN);
		nn_dense_backward_acc(x + r * NIN, dz + r * nout, NIN, nout,
		    dwacc, db);
	}
	nn_dense_grad(dwacc, db, p, NIN, nout, &reg, grad);

	numeric(dense_lx, &d, d.x, ROWS * NIN, g);
	snprintf(label, sizeof(label), "dense %s: dX", name);
	compare(label, dx, 1, g, ROWS * NIN);
	numeric(dense_lp, &d, d.p, np, g);
	snprintf(label, sizeof(label), "dense %s: [dW; db]", name);
	compare(label, grad, 1, g, np);
}

/* an element-wise or row-wise activation: L = sum dy * f(x) */
struct act {
	size_t n;
	double dy[MAXN];
	void (*f)(const double *, size_t, double *);
};

static void
relu_d(const double *x, size_t n, double *y)
{
	size_t i;

	for (i = 0; i < n; i++)
		y[i] = x[i] > 0 ? x[i] : 0;
}

static void
sigmoid_d(const double *x, size_t n, double *y)
{
	size_t i;

	for (i = 0; i < n; i++)
		y[i] = 1 / (1 + exp(-x[i]));
}

static void
tanh_d(const double *x, size_t n, double *y)
{
	size_t i;

	for (i = 0; i < n; i++)
		y[i] = tanh(x[i]);
}

static void
softmax_d(const double *x, size_t n, double *y)
{
	double m = x[0], s = 0;
	size_t i;

	for (i = 1; i < n; i++)
		if (x[i] > m)
			m = x[i];
	for (i = 0; i < n; i++)
		s += y[i] = exp(x[i] - m);
	for (i = 0; i < n; i++)
		y[i] /= s;
}

static double
act_loss(const double *v, const void *ctx)
{
	const struct act *a = ctx;
	double y[MAXN], l = 0;
	size_t i;

	a->f(v, a->n, y);
	for (i = 0; i < a->n; i++)
		l += a->dy[i] * y[i];
	return l;
}

enum { BY_INPUT, BY_OUTPUT };

/* fwd and back from lib/, back given the forward input or output */
static void
check_act(const char *name, size_t n, double lo, double hi, double gap,
    void (*fwd)(const float *, size_t, float *),
    void (*back)(const float *, const float *, size_t, float *), int by,
    void (*model)(const double *, size_t, double *))
{
	struct act a;
	float x[MAXN], y[MAXN], dy[MAXN], dx[MAXN];
	double xd[MAXN], yd[MAXN], g[MAXN];
	char label[80];

	a.n = n;
	a.f = model;
	fill(x, n, lo, hi, gap);
	fill(dy, n, -1, 1, 0);
	widen(x, n, xd);
	widen(dy, n, a.dy);
	fwd(x, n, y);
	model(xd, n, yd);
	snprintf(label, sizeof(label), "%s forward", name);
	agree(label, y, yd, n);
	back(by == BY_INPUT ? x : y, dy, n, dx);
	numeric(act_loss, &a, xd, n, g);
	snprintf(label, sizeof(label), "%s: dX", name);
	compare(label, dx, 1, g, n);
}

/* dropout with a fixed mask: y = x m / keep, dx = dy m / keep */
static void
check_dropout(void)
{
	float dy[MAXN], dx[MAXN];
	double g[MAXN], keep = 0.9;
	unsigned char m[MAXN];
	size_t i, n = 20;

	for (i = 0; i < n; i++) {
		m[i] = (unsigned char)nn_rng_binomial1(&rng, keep);
		dy[i] = uniform(-1, 1, 0);
		dx[i] = nn_dropout_apply(dy[i], m[i], keep);
		g[i] = dy[i] * (m[i] / keep);	/* L is linear in x */
	}
	compare("dropout: dX = dY m / keep", dx, 1, g, n);
}

/* a loss over a batch of N rows of n outputs, the mean as nnfs takes it */
#define N 4
#define NO 3
enum { CCE_INDEX, CCE_ONEHOT, SOFTMAX_CCE, BCE, MSE, MAE };
struct loss {
	int kind;
	double t[N * NO];
	float ti[N];		/* class indices */
};

static double
loss_loss(const double *v, const void *ctx)
{
	const struct loss *c = ctx;
	double l = 0, s, p[NO], d;
	size_t r, j;

	for (r = 0; r < N; r++) {
		const double *x = v + r * NO, *t = c->t + r * NO;

		switch (c->kind) {
		case CCE_INDEX:
			l += -log(x[(size_t)c->ti[r]]);
			break;
		case CCE_ONEHOT:
			for (s = 0, j = 0; j < NO; j++)
				s += x[j] * t[j];
			l += -log(s);
			break;
		case SOFTMAX_CCE:
			softmax_d(x, NO, p);
			l += -log(p[(size_t)c->ti[r]]);
			break;
		default:
			for (s = 0, j = 0; j < NO; j++) {
				d = t[j] - x[j];
				if (c->kind == BCE)
					s += -(t[j] * log(x[j]) + (1 - t[j]) *
					    log(1 - x[j]));
				else
					s += c->kind == MAE ? fabs(d) : d * d;
			}
			l += s / NO;
			break;
		}
	}
	return l / N;
}

static void
check_loss(const char *name, int kind, int soft, double sign)
{
	struct loss c;
	float x[N * NO], t[N * NO], p[NO], dp[N * NO], tmp[NO];
	double xd[N * NO], g[N * NO], ld;
	float lf = 0;
	size_t r, j;
	char label[80];

	c.kind = kind;
	if (kind == SOFTMAX_CCE)
		fill(x, N * NO, -2, 2, 0);
	else
		fill(x, N * NO, 0.05, 0.95, 0);
	for (r = 0; r < N; r++) {
		c.ti[r] = (float)nn_rng_interval(&rng, NO - 1);
		for (j = 0; j < NO; j++) {
			if (kind == MSE || kind == MAE || (kind == BCE &&
			    soft))
				t[r * NO + j] = uniform(0, 1, 0);
			else if (kind == BCE)
				t[r * NO + j] = (float)nn_rng_interval(&rng,
				    1);
			else
				t[r * NO + j] = j == (size_t)c.ti[r];
			/* |t - p| > 2h: |.| is smooth there */
			if (kind == MAE)
				while (fabsf(t[r * NO + j] - x[r * NO + j]) <
				    0.05f)
					t[r * NO + j] = uniform(0, 1, 0);
		}
	}
	widen(t, N * NO, c.t);
	widen(x, N * NO, xd);
	for (r = 0; r < N; r++) {
		const float *xr = x + r * NO, *tr = t + r * NO;
		float *d = dp + r * NO;

		switch (kind) {
		case CCE_INDEX:
			lf += nn_cce_sample(xr, NO, c.ti + r, 1, tmp);
			nn_cce_backward(xr, NO, c.ti + r, 1, N, d);
			break;
		case CCE_ONEHOT:
			lf += nn_cce_sample(xr, NO, tr, NO, tmp);
			nn_cce_backward(xr, NO, tr, NO, N, d);
			break;
		case SOFTMAX_CCE:
			nn_softmax_forward(xr, NO, p);
			lf += nn_cce_sample(p, NO, c.ti + r, 1, tmp);
			nn_softmax_cce_backward(p, NO, c.ti + r, 1, N, d);
			break;
		case BCE:
			lf += nn_bce_sample(xr, tr, NO, tmp);
			nn_bce_backward(xr, tr, NO, N, d);
			break;
		default:
			lf += nn_mse_sample(xr, tr, NO, kind == MAE, tmp);
			nn_mse_backward(xr, tr, NO, kind == MAE, N, d);
			break;
		}
	}
	lf /= N;
	ld = loss_loss(xd, &c);
	snprintf(label, sizeof(label), "%s forward", name);
	agree(label, &lf, &ld, 1);
	numeric(loss_loss, &c, xd, N * NO, g);
	compare(name, dp, sign, g, N * NO);
}

int
main(void)
{
	struct nn_reg none = { 0, 0, 0, 0 }, l1 = { 1e-2, 1e-2, 0, 0 },
	    l2 = { 0, 0, 5e-2, 5e-2 }, mixed = { 3e-2, 0, 0, 2e-1 };
	int i;

	nn_rng_seed(&rng, 2024);
	for (i = 0; i < 3; i++) {
		check_dense("3 outputs", NOUT, none);
		check_dense("1 output", 1, none);
		check_dense("l1", NOUT, l1);
		check_dense("l2", NOUT, l2);
		check_dense("l1w + l2b", NOUT, mixed);
		check_act("relu", 40, -2, 2, 0.05, nn_relu_forward,
		    nn_relu_backward, BY_INPUT, relu_d);
		check_act("sigmoid", 40, -3, 3, 0, nn_sigmoid_forward,
		    nn_sigmoid_backward, BY_OUTPUT, sigmoid_d);
		check_act("tanh", 40, -2, 2, 0, nn_tanh_forward,
		    nn_tanh_backward, BY_OUTPUT, tanh_d);
		check_act("softmax (Jacobian), 5 classes", 5, -2, 2, 0,
		    nn_softmax_forward, nn_softmax_backward, BY_OUTPUT,
		    softmax_d);
		check_act("softmax (Jacobian), 20 classes", 20, -3, 3, 0,
		    nn_softmax_forward, nn_softmax_backward, BY_OUTPUT,
		    softmax_d);
		check_dropout();
		check_loss("cce, class indices: dP", CCE_INDEX, 0, 1);
		check_loss("cce, one-hot: dP", CCE_ONEHOT, 0, 1);
		check_loss("softmax + cce fused: dZ", SOFTMAX_CCE, 0, 1);
		check_loss("bce, 0/1 targets: dP", BCE, 0, 1);
		check_loss("bce, soft targets: dP", BCE, 1, 1);
		check_loss("mse: dP", MSE, 0, 1);
		/* the book's Loss_MeanAbsoluteError.backward has
		 * np.sign(y_true - dvalues), -dL/dp; lib/ has dL/dp */
		check_loss("mae: dP", MAE, 0, 1);
	}
	fprintf(stderr, "test-grad: %d checks, %d failed (tolerance %g "
	    "relative)\n", checks, failed, TOL);
	return failed != 0;
}
