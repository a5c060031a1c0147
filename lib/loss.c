/* loss.c: the nnfs losses, their gradients, and accuracy */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

#define CLIP_LO 1e-7f
#define CLIP_HI ((float)(1 - 1e-7))

static float
clip(float p)
{
	return p < CLIP_LO ? CLIP_LO : p > CLIP_HI ? CLIP_HI : p;
}

/* -log(clip(p[y])) with a class index, or -log(sum clip(p) t) one-hot */
float
nn_cce_sample(const float *p, size_t n, const float *t, size_t tn,
    float *tmp)
{
	size_t i;

	if (tn == 1)
		return -nn_logf(clip(p[(size_t)t[0]]));
	for (i = 0; i < n; i++)
		tmp[i] = clip(p[i]) * t[i];
	return -nn_logf(nn_sum_pairwise(tmp, n));
}

/* mean over outputs of -(t log p + (1 - t) log(1 - p)), p clipped */
float
nn_bce_sample(const float *p, const float *t, size_t n, float *tmp)
{
	size_t i;
	float c;

	for (i = 0; i < n; i++) {
		c = clip(p[i]);
		tmp[i] = -(t[i] * nn_logf(c) + (1.0f - t[i]) *
		    nn_logf(1.0f - c));
	}
	return nn_sum_pairwise(tmp, n) / (float)n;
}

/* mean over outputs of (t - p)^2, or of |t - p| when abs is set */
float
nn_mse_sample(const float *p, const float *t, size_t n, int abs,
    float *tmp)
{
	size_t i;
	float d;

	for (i = 0; i < n; i++) {
		d = t[i] - p[i];
		tmp[i] = abs ? fabsf(d) : d * d;
	}
	return nn_sum_pairwise(tmp, n) / (float)n;
}

/* dL/dp of the mean cce: -t / p / N (no clipping, as nnfs) */
void
nn_cce_backward(const float *p, size_t n, const float *t, size_t tn,
    float samples, float *dp)
{
	size_t i;
	float ti;

	for (i = 0; i < n; i++) {
		ti = tn == 1 ? (i == (size_t)t[0] ? 1.0f : 0.0f) : t[i];
		dp[i] = -ti / p[i] / samples;
	}
}

/* softmax + cce fused: dz = (p - onehot(t)) / N */
void
nn_softmax_cce_backward(const float *p, size_t n, const float *t, size_t tn,
    float samples, float *dz)
{
	size_t i, y = 0;

	if (tn == 1)
		y = (size_t)t[0];
	else
		for (i = 1; i < n; i++)
			if (t[i] > t[y])
				y = i;
	memcpy(dz, p, n * sizeof(float));
	dz[y] = dz[y] - 1.0f;
	for (i = 0; i < n; i++)
		dz[i] = dz[i] / samples;
}

/* the fused gradient for rows rows of n: copy, subtract, one division pass */
NN_HOT void
nn_softmax_cce_rows(const float *p, size_t rows, size_t n, const float *t,
    size_t tn, float samples, float *restrict dz)
{
	size_t r, i, y;

	memcpy(dz, p, rows * n * sizeof(float));
	for (r = 0; r < rows; r++) {
		y = 0;
		if (tn == 1)
			y = (size_t)t[r];
		else
			for (i = 1; i < n; i++)
				if (t[r * tn + i] > t[r * tn + y])
					y = i;
		dz[r * n + y] = dz[r * n + y] - 1.0f;
	}
	for (i = 0; i < rows * n; i++)
		dz[i] = dz[i] / samples;
}

/* dL/dp of bce: -(t / c - (1 - t) / (1 - c)) / outputs / N, c clipped */
void
nn_bce_backward(const float *p, const float *t, size_t n, float samples,
    float *dp)
{
	size_t i;
	float c;

	for (i = 0; i < n; i++) {
		c = clip(p[i]);
		dp[i] = -(t[i] / c - (1.0f - t[i]) / (1.0f - c)) / (float)n /
		    samples;
	}
}

/* mse: -2 (t - p) / outputs / N; mae: sign(p - t) / outputs / N */
void
nn_mse_backward(const float *p, const float *t, size_t n, int abs,
    float samples, float *dp)
{
	size_t i;
	float d;

	for (i = 0; i < n; i++) {
		d = t[i] - p[i];
		if (abs)	/* sign(p - t): the book has sign(t - p) */
			d = d < 0.0f ? 1.0f : d > 0.0f ? -1.0f : d == 0.0f ?
			    0.0f : d;
		else
			d = -2.0f * d;
		dp[i] = d / (float)n / samples;
	}
}

/* the index of the largest value, the first on ties (nan wins, as numpy) */
size_t
nn_argmax(const float *v, size_t n)
{
	size_t i, m = 0;

	for (i = 0; i < n; i++) {
		if (v[i] != v[i])
			return i;
		if (v[i] > v[m])
			m = i;
	}
	return m;
}

/* a stream of per-sample losses, summed as np.mean sums them */
void
nn_mean_init(struct nn_mean *m)
{
	m->sum = 0.0f;
	m->len = 0;
	m->count = 0;
}

void
nn_mean_add(struct nn_mean *m, float v)
{
	m->buf[m->len++] = v;
	m->count++;
	if (m->len == NN_MEAN_CHUNK) {
		m->sum = m->sum + nn_sum_pairwise(m->buf, m->len);
		m->len = 0;
	}
}

/* np.sum: +0, then each chunk of 8192 summed pairwise, in order */
float
nn_mean_sum(struct nn_mean *m)
{
	float s = m->sum;

	if (m->len > 0)
		s = s + nn_sum_pairwise(m->buf, m->len);
	return s;
}

/* np.mean of a whole array: fl32((double)sum / n) */
float
nn_mean_result(struct nn_mean *m)
{
	return (float)((double)nn_mean_sum(m) / (double)m->count);
}

/* a loss's name (cce, bce, mse, mae) as NN_LOSS_*, or -1 */
int
nn_loss_kind(const char *s)
{
	static const char *names[] = { "cce", "bce", "mse", "mae" };
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return i == 0 ? NN_LOSS_CCE : i == 1 ? NN_LOSS_BCE :
			    i == 2 ? NN_LOSS_MSE : NN_LOSS_MAE;
	return -1;
}

/* one sample's loss of the given kind (NN_LOSS_*) */
float
nn_loss_sample(int loss, const float *p, size_t n, const float *t,
    size_t tn, float *tmp)
{
	switch (loss) {
	case NN_LOSS_CCE:
		return nn_cce_sample(p, n, t, tn, tmp);
	case NN_LOSS_BCE:
		return nn_bce_sample(p, t, n, tmp);
	default:
		return nn_mse_sample(p, t, n, loss == NN_LOSS_MAE, tmp);
	}
}

/* one sample's dL/dp, or with fused (cce only) softmax + cce's dL/dz */
void
nn_loss_backward(int loss, int fused, const float *p, size_t n,
    const float *t, size_t tn, float samples, float *dp)
{
	switch (loss) {
	case NN_LOSS_CCE:
		if (fused)
			nn_softmax_cce_backward(p, n, t, tn, samples, dp);
		else
			nn_cce_backward(p, n, t, tn, samples, dp);
		break;
	case NN_LOSS_BCE:
		nn_bce_backward(p, t, n, samples, dp);
		break;
	default:
		nn_mse_backward(p, t, n, loss == NN_LOSS_MAE, samples, dp);
		break;
	}
}

/* an accuracy's name (categorical, binary, regression) as NN_ACC_*, or -1 */
int
nn_accuracy_kind(const char *s)
{
	if (strcmp(s, "categorical") == 0)
		return NN_ACC_CATEGORICAL;
	if (strcmp(s, "binary") == 0)
		return NN_ACC_BINARY;
	if (strcmp(s, "regression") == 0)
		return NN_ACC_REGRESSION;
	return -1;
}

/* right answers in a row: argmax p == class, (p > 0.5) == t, |p - t| < prec */
size_t
nn_accuracy_row(int kind, const float *p, size_t n, const float *t,
    size_t tn, float precision)
{
	size_t j, right = 0;

	switch (kind) {
	case NN_ACC_CATEGORICAL:
		return nn_argmax(p, n) == (tn == 1 ? (size_t)t[0] :
		    nn_argmax(t, tn));
	case NN_ACC_BINARY:
		for (j = 0; j < n; j++)
			right += (p[j] > 0.5f ? 1.0f : 0.0f) == t[j];
		return right;
	default:
		for (j = 0; j < n; j++)
			right += fabsf(p[j] - t[j]) < precision;
		return right;
	}
}

/* the whole targets file; with labels, a 1-D tensor is n class indices */
void
nn_targets_read(struct nn_targets *t, const char *path, int labels)
{
	struct nn_reader *r = nn_reader_open(path);
	const float *row;
	size_t n, len = 0, cap = 1024, lcap = 64, dims[NN_MAXDIM], i;
	int sep, ndim;

	memset(t, 0, sizeof(*t));
	t->name = nn_reader_name(r);
	t->v = nn_malloc(cap * sizeof(float));
	t->line = nn_malloc(lcap * sizeof(unsigned long));
	while (nn_read_row(r, &row, &n, &sep)) {
		while (n > cap - len) {
			cap = nn_mul(cap, 2);
			t->v = nn_realloc(t->v, nn_mul(cap, sizeof(float)));
		}
		if (t->rows == lcap) {
			lcap = nn_mul(lcap, 2);
			t->line = nn_realloc(t->line, nn_mul(lcap,
			    sizeof(unsigned long)));
		}
		memcpy(t->v + len, row, n * sizeof(float));
		len += n;
		t->line[t->rows++] = nn_reader_line(r);
		t->cols = n;
	}
	ndim = nn_reader_shape(r, dims);
	nn_reader_close(r);
	if (len == 0)
		nn_die("%s: no targets", t->name);
	if (labels && ndim == 1 && len > 1) {
		/* numpy's y of shape (n,): one class index per sample */
		t->line = nn_realloc(t->line, nn_mul(len,
		    sizeof(unsigned long)));
		for (i = 1; i < len; i++)
			t->line[i] = t->line[0];
		t->rows = len;
		t->cols = 1;
		t->vector = 1;
	}
}

/* targets fit rows of width values: class indices below width or as wide */
void
nn_targets_check(const struct nn_targets *t, int labels, const char *name,
    unsigned long line, size_t width)
{
	char buf[NN_FMT_MAX];
	size_t i;
	float v;

	if (labels && t->cols == 1) {
		for (i = 0; i < t->rows; i++) {
			v = t->v[i];
			if (v == floorf(v) && v >= 0 && v < (float)width)
				continue;
			nn_fmt_float(v, buf);
			nn_die_at(t->name, t->line[i], t->vector ? i + 1 : 1,
			    v == floorf(v) ? "class index '%s' is not in "
			    "[0, %zu)" : "class index '%s' is not an integer",
			    buf, width);
		}
		return;
	}
	if (t->cols != width)
		nn_die_at(name, line, 0, "row has %zu values, the targets in "
		    "%s have %zu", width, t->name, t->cols);
}

/* the stream name held rows rows: as many as the targets, else an error */
void
nn_targets_count(const struct nn_targets *t, const char *name,
    unsigned long rows)
{
	if (rows != t->rows)
		nn_die("%s: %lu rows of predictions for %zu targets in %s",
		    name, rows, t->rows, t->name);
}

/*
 * 1 when a finite forward output can never give a nan loss with these
 * targets: all finite, |t| <= 2^60, and not negative for cce (a one-hot
 * sum that is negative has a nan log).  Then every sample's loss is
 * finite or +inf for finite outputs and no sum of them is inf - inf.
 */
int
nn_targets_tame(const float *t, size_t n, int loss)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!(fabsf(t[i]) <= 0x1p60f) || (loss == NN_LOSS_CCE &&
		    t[i] < 0.0f))
			return 0;
	return 1;
}

/* 1 when no v[i] is inf or nan */
NN_HOT int
nn_all_finite(const float *v, size_t n)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < n; i++)
		bad |= !(fabsf(v[i]) <= FLT_MAX);
	return !bad;
}

void
nn_targets_free(struct nn_targets *t)
{
	free(t->v);
	free(t->line);
	t->v = NULL;
	t->line = NULL;
}
