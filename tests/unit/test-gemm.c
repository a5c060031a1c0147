/* test-gemm.c: every path of the dot kernels against the plain k-order sum */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nn.h"

/*
 * Sizes around the kernels' edges: tiles of 4 rows by 12 columns (in
 * vectors of 4), depth blocks of 256, row blocks of 128, column blocks of
 * 1536; tiny depths (0, 1) and thin sides (1 to 5).
 */
static const size_t ms[] = { 0, 1, 2, 3, 4, 5, 7, 8, 12, 13, 17 };
static const size_t ks[] = { 0, 1, 2, 3, 5, 8, 255, 256, 257, 513 };
static const size_t ns[] = { 0, 1, 2, 3, 4, 5, 8, 10, 12, 13, 24, 25 };

/* bigger ones: the threaded paths (at least 2^20 multiply-adds), both
 * sides of the transposition, several row and column blocks */
static const size_t big[][3] = {
	{ 128, 784, 128 }, { 784, 128, 128 }, { 128, 128, 10 },
	{ 10, 128, 128 }, { 128, 10, 128 }, { 300, 2, 64 }, { 300, 64, 3 },
	{ 64, 300, 3 }, { 3, 300, 64 }, { 2, 300, 64 }, { 300, 3, 64 },
	{ 129, 257, 131 }, { 1000, 65, 67 }, { 261, 513, 37 },
	{ 13, 300, 1600 }, { 1600, 300, 13 }, { 5, 20, 3100 },
	{ 3100, 20, 5 }, { 127, 1, 129 }, { 33, 1200, 45 }
};

static atomic_int failed, checks;

/*
 * Floats of every scale: a normal draw times 2^e, e in [-60, 60], so that
 * a sum taken in any other order would round differently; some exact
 * zeros, negative zeros, and numbers near the ends of float's range.
 */
static void
fill(struct nn_rng *r, float *v, size_t n)
{
	size_t i;
	double u;
	int e;

	for (i = 0; i < n; i++) {
		u = nn_rng_double(r);
		e = (int)(nn_rng_double(r) * 121) - 60;
		v[i] = (float)(nn_rng_normal(r) * ldexp(1.0, e));
		if (u < 0.05)
			v[i] = 0.0f;
		else if (u < 0.08)
			v[i] = -0.0f;
		else if (u < 0.09)
			v[i] = u < 0.085 ? 3.0e38f : -1.0e-45f;
	}
}

static void
check(int ok, const char *what, size_t m, size_t k, size_t n)
{
	checks++;
	if (!ok) {
		failed++;
		fprintf(stderr, "%s %zux%zux%zu differs (NN_THREADS=%s)\n",
		    what, m, k, n, getenv("NN_THREADS"));
	}
}

/* every entry point on one m x k x n shape */
static void
shape(struct nn_rng *r, size_t m, size_t k, size_t n)
{
	float *a, *b, *bt, *bias, *cf, *wf;
	double *bd, *c, *w, s;
	size_t i, j, p;

	a = nn_malloc((m * k + 1) * sizeof(float));
	b = nn_malloc((k * n + 1) * sizeof(float));
	bt = nn_malloc((k * n + 1) * sizeof(float));
	bias = nn_malloc((n + 1) * sizeof(float));
	cf = nn_malloc((m * n + 1) * sizeof(float));
	wf = nn_malloc((m * n + 1) * sizeof(float));
	bd = nn_malloc((k * n + 1) * sizeof(double));
	c = nn_malloc((m * n + 1) * sizeof(double));
	w = nn_malloc((m * n + 1) * sizeof(double));
	fill(r, a, m * k);
	fill(r, b, k * n);
	fill(r, bias, n);
	for (p = 0; p < k; p++)
		for (j = 0; j < n; j++) {
			bd[p * n + j] = b[p * n + j];
			bt[j * k + p] = b[p * n + j];
		}
	/* the reference: from +0, p in order, one rounding a step */
	for (i = 0; i < m; i++)
		for (j = 0; j < n; j++) {
			s = 0.0;
			for (p = 0; p < k; p++)
				s += (double)a[i * k + p] *
				    (double)b[p * n + j];
			w[i * n + j] = s;
		}

	memset(c, 0xff, m * n * sizeof(double));
	nn_gemm(a, bd, m, k, n, c);
	check(memcmp(c, w, m * n * sizeof(double)) == 0, "nn_gemm", m, k, n);

	/* G = X^T . D with X k x m and D k x n: the same sums, a^T as X */
	{
		float *x = nn_malloc((m * k + 1) * sizeof(float));

		for (i = 0; i < m; i++)
			for (p = 0; p < k; p++)
				x[p * m + i] = a[i * k + p];
		memset(c, 0xff, m * n * sizeof(double));
		nn_gemm_tn(x, b, k, m, n, c);
		check(memcmp(c, w, m * n * sizeof(double)) == 0, "nn_gemm_tn",
		    m, k, n);
		free(x);
	}

	/* fl32(sum), then fl32(sum) + bias, B as given and as B^T */
	for (i = 0; i < m * n; i++)
		wf[i] = (float)w[i];
	memset(cf, 0xff, m * n * sizeof(float));
	nn_gemm_f(a, b, 0, NULL, m, k, n, cf);
	check(memcmp(cf, wf, m * n * sizeof(float)) == 0, "nn_gemm_f", m, k,
	    n);
	memset(cf, 0xff, m * n * sizeof(float));
	nn_gemm_f(a, bt, 1, NULL, m, k, n, cf);
	check(memcmp(cf, wf, m * n * sizeof(float)) == 0, "nn_gemm_f bt", m,
	    k, n);
	for (i = 0; i < m; i++)
		for (j = 0; j < n; j++)
			wf[i * n + j] = (float)w[i * n + j] + bias[j];
	memset(cf, 0xff, m * n * sizeof(float));
	nn_gemm_f(a, b, 0, bias, m, k, n, cf);
	check(memcmp(cf, wf, m * n * sizeof(float)) == 0, "nn_gemm_f bias", m,
	    k, n);
	memset(cf, 0xff, m * n * sizeof(float));
	nn_gemm_f(a, bt, 1, bias, m, k, n, cf);
	check(memcmp(cf, wf, m * n * sizeof(float)) == 0, "nn_gemm_f bt bias",
	    m, k, n);

	free(a);
	free(b);
	free(bt);
	free(bias);
	free(cf);
	free(wf);
	free(bd);
	free(c);
	free(w);
}

/* the big shapes from a second thread while the first runs them too:
 * one of the two has the pool, the other works alone */
static void *
rival(void *arg)
{
	struct nn_rng r;
	size_t i;

	(void)arg;
	nn_rng_seed(&r, 7);
	for (i = 0; i < sizeof(big) / sizeof(big[0]); i++)
		shape(&r, big[i][0], big[i][1], big[i][2]);
	return NULL;
}

/* everything with one thread count; returns the failures */
static int
run(void)
{
	struct nn_rng r;
	size_t a, b, c, i;
	pthread_t th;
	int started;

	nn_rng_seed(&r, 1);
	for (a = 0; a < sizeof(ms) / sizeof(ms[0]); a++)
		for (b = 0; b < sizeof(ks) / sizeof(ks[0]); b++)
			for (c = 0; c < sizeof(ns) / sizeof(ns[0]); c++)
				shape(&r, ms[a], ks[b], ns[c]);
	for (i = 0; i < sizeof(big) / sizeof(big[0]); i++)
		shape(&r, big[i][0], big[i][1], big[i][2]);
	started = pthread_create(&th, NULL, rival, NULL) == 0;
	for (i = 0; i < sizeof(big) / sizeof(big[0]); i++)
		shape(&r, big[i][0], big[i][1], big[i][2]);
	if (started)
		pthread_join(th, NULL);
	fprintf(stderr, "test-gemm: NN_THREADS=%s: %d checks, %d failed\n",
	    getenv("NN_THREADS"), atomic_load(&checks), atomic_load(&failed));
	return atomic_load(&failed);
}

/* NN_THREADS is read once, so each thread count runs in a child */
int
main(void)
{
	char v[8];
	int t, st, bad = 0;
	pid_t pid;

	for (t = 1; t <= 4; t++) {
		snprintf(v, sizeof(v), "%d", t);
		fflush(stderr);
		pid = fork();
		if (pid == -1) {
			perror("test-gemm: fork");
			return 1;
		}
		if (pid == 0) {
			setenv("NN_THREADS", v, 1);
			_exit(run() != 0);
		}
		if (waitpid(pid, &st, 0) == -1 || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != 0)
			bad = 1;
	}
	return bad;
}
