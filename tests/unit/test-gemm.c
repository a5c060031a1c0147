/* test-gemm.c: every path of the dot kernels against the plain k-order sum */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

static int failed, checks;

/* sizes that reach the wide, thin, 4-row, remainder and threaded paths */
static const size_t ms[] = { 1, 3, 4, 7, 8, 9, 17, 300, 1000 };
static const size_t ks[] = { 1, 2, 3, 64, 65 };
static const size_t ns[] = { 1, 3, 7, 8, 9, 16, 64, 67 };

static void
fill(struct nn_rng *r, float *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = (float)nn_rng_normal(r);
}

int
main(void)
{
	struct nn_rng r;
	size_t a, b, c, m, k, n, i, j, p;
	float *x, *y;
	double *bd, *got, *want, s;

	nn_rng_seed(&r, 1);
	x = nn_malloc(1000 * 65 * sizeof(float));
	y = nn_malloc(1000 * 67 * sizeof(float));
	bd = nn_malloc(1000 * 67 * sizeof(double));
	got = nn_malloc(1000 * 67 * sizeof(double));
	want = nn_malloc(1000 * 67 * sizeof(double));
	for (a = 0; a < sizeof(ms) / sizeof(ms[0]); a++)
	for (b = 0; b < sizeof(ks) / sizeof(ks[0]); b++)
	for (c = 0; c < sizeof(ns) / sizeof(ns[0]); c++) {
		m = ms[a];
		k = ks[b];
		n = ns[c];
		fill(&r, x, m * k);
		fill(&r, y, k * n);
		for (i = 0; i < k * n; i++)
			bd[i] = y[i];
		/* C = A . B, each sum from 0 in k order */
		for (i = 0; i < m; i++)
			for (j = 0; j < n; j++) {
				s = 0.0;
				for (p = 0; p < k; p++)
					s += (double)x[i * k + p] * bd[p * n + j];
				want[i * n + j] = s;
			}
		nn_gemm(x, bd, m, k, n, got);
		checks++;
		if (memcmp(got, want, m * n * sizeof(double)) != 0) {
			failed++;
			fprintf(stderr, "nn_gemm %zux%zux%zu differs\n", m, k, n);
		}
		/* G = X^T . D over m rows, each sum from 0 in row order */
		fill(&r, y, m * n);
		for (p = 0; p < k; p++)
			for (j = 0; j < n; j++) {
				s = 0.0;
				for (i = 0; i < m; i++)
					s += (double)x[i * k + p] *
					    (double)y[i * n + j];
				want[p * n + j] = s;
			}
		nn_gemm_tn(x, y, m, k, n, got);
		checks++;
		if (memcmp(got, want, k * n * sizeof(double)) != 0) {
			failed++;
			fprintf(stderr, "nn_gemm_tn %zux%zux%zu differs\n", m,
			    k, n);
		}
	}
	fprintf(stderr, "test-gemm: %d checks, %d failed\n", checks, failed);
	return failed != 0;
}
