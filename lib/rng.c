/* rng.c: numpy's legacy random stream (MT19937, rand, polar randn) */
#include <math.h>

#include "nn.h"

#define MT_N 624
#define MT_M 397

/* key[i] = 1812433253 * (key[i-1] ^ (key[i-1] >> 30)) + i, as np.random.seed */
void
nn_rng_seed(struct nn_rng *r, uint32_t seed)
{
	int i;

	r->mt[0] = seed;
	for (i = 1; i < MT_N; i++)
		r->mt[i] = 1812433253U * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) +
		    (uint32_t)i;
	r->mti = MT_N;
	r->has_gauss = 0;
	r->gauss = 0;
}

/* regenerate the 624 words of state */
static void
mt_next(struct nn_rng *r)
{
	uint32_t y;
	int i;

	for (i = 0; i < MT_N; i++) {
		y = (r->mt[i] & 0x80000000U) | (r->mt[(i + 1) % MT_N] &
		    0x7fffffffU);
		r->mt[i] = r->mt[(i + MT_M) % MT_N] ^ (y >> 1) ^
		    ((y & 1U) ? 0x9908b0dfU : 0U);
	}
	r->mti = 0;
}

/* the next tempered 32-bit output */
uint32_t
nn_rng_u32(struct nn_rng *r)
{
	uint32_t y;

	if (r->mti >= MT_N)
		mt_next(r);
	y = r->mt[r->mti++];
	y ^= y >> 11;
	y ^= (y << 7) & 0x9d2c5680U;
	y ^= (y << 15) & 0xefc60000U;
	y ^= y >> 18;
	return y;
}

/* u = ((a >> 5) * 2^26 + (b >> 6)) / 2^53, uniform in [0, 1) */
double
nn_rng_double(struct nn_rng *r)
{
	uint32_t a = nn_rng_u32(r) >> 5, b = nn_rng_u32(r) >> 6;

	return (a * 67108864.0 + b) / 9007199254740992.0;
}

/* polar method: f = sqrt(-2 ln r2 / r2), cache f*x1, return f*x2 */
double
nn_rng_normal(struct nn_rng *r)
{
	double x1, x2, r2, f;

	if (r->has_gauss) {
		r->has_gauss = 0;
		return r->gauss;
	}
	do {
		x1 = 2.0 * nn_rng_double(r) - 1.0;
		x2 = 2.0 * nn_rng_double(r) - 1.0;
		r2 = x1 * x1 + x2 * x2;
	} while (r2 >= 1.0 || r2 == 0.0);
	f = sqrt(-2.0 * log(r2) / r2);
	r->gauss = f * x1;
	r->has_gauss = 1;
	return f * x2;
}

/* draw and drop n normals, so the stream continues where another stopped */
void
nn_rng_skip_normals(struct nn_rng *r, unsigned long n)
{
	while (n-- > 0)
		nn_rng_normal(r);
}

/*
 * np.random.binomial(1, p), the legacy way: for p > 0.5, 1 - X with X drawn
 * by inversion at q = 1 - p: U <= (1-q) gives X = 0; else U -= 1-q and
 * U <= q gives X = 1; else a new U.
 */
int
nn_rng_binomial1(struct nn_rng *r, double p)
{
	int flip = p > 0.5;
	double q = flip ? 1.0 - p : p;
	double qn = exp(1.0 * log(1.0 - q)), px, u;
	int x;

	if (q <= 0.0)
		return flip ? 1 : 0;
	for (;;) {
		u = nn_rng_double(r);
		if (u <= qn) {
			x = 0;
			break;
		}
		u -= qn;
		px = (q * qn) / (1.0 - q);
		if (u <= px) {
			x = 1;
			break;
		}
	}
	return flip ? 1 - x : x;
}

/* a uniform integer in [0, max], numpy's masked rejection on 32-bit draws */
uint32_t
nn_rng_interval(struct nn_rng *r, uint32_t max)
{
	uint32_t mask = max, v;

	if (max == 0)
		return 0;
	mask |= mask >> 1;
	mask |= mask >> 2;
	mask |= mask >> 4;
	mask |= mask >> 8;
	mask |= mask >> 16;
	while ((v = nn_rng_u32(r) & mask) > max)
		;
	return v;
}

/* np.random.shuffle of idx[0..n): Fisher-Yates from the end */
void
nn_rng_shuffle(struct nn_rng *r, size_t *idx, size_t n)
{
	size_t i, j, t;

	for (i = n; i-- > 1;) {
		j = nn_rng_interval(r, (uint32_t)i);
		t = idx[i];
		idx[i] = idx[j];
		idx[j] = t;
	}
}
