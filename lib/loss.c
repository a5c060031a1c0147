/* loss.c: the nnfs losses, their gradients, and accuracy */
#include <math.h>
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

/* mse: -2 (t - p) / outputs / N; mae: sign(t - p) / outputs / N */
void
nn_mse_backward(const float *p, const float *t, size_t n, int abs,
    float samples, float *dp)
{
	size_t i;
	float d;

	for (i = 0; i < n; i++) {
		d = t[i] - p[i];
		if (abs)
			d = d > 0.0f ? 1.0f : d < 0.0f ? -1.0f : d == 0.0f ?
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
