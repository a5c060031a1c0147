/* test-lib.c: the random stream against numpy's, value for value */
#include <stdio.h>
#include <stdlib.h>

#include "nn.h"

static int failed;

/* compare the draws of next() with the doubles numpy printed in path */
static void
check(const char *path, struct nn_rng *r, double (*next)(struct nn_rng *))
{
	FILE *fp = fopen(path, "r");
	double want, got;
	int i = 0;

	if (fp == NULL) {
		perror(path);
		failed++;
		return;
	}
	while (fscanf(fp, "%lf", &want) == 1) {
		got = next(r);
		if (got != want) {
			fprintf(stderr, "%s: value %d: got %.17g, want %.17g\n",
			    path, i, got, want);
			failed++;
		}
		i++;
	}
	fclose(fp);
	if (i == 0) {
		fprintf(stderr, "%s: no values\n", path);
		failed++;
	}
}

int
main(void)
{
	struct nn_rng r;

	nn_rng_seed(&r, 0);
	check("tests/ref/randn-seed0-20.txt", &r, nn_rng_normal);
	nn_rng_seed(&r, 0);
	check("tests/ref/rand-seed0-10.txt", &r, nn_rng_double);
	nn_rng_seed(&r, 42);
	check("tests/ref/randn-seed42-5.txt", &r, nn_rng_normal);
	/* randn(3) then randn(4): the cached normal carries over */
	nn_rng_seed(&r, 0);
	nn_rng_skip_normals(&r, 3);
	check("tests/ref/randn-seed0-odd.txt", &r, nn_rng_normal);
	/* seeding forgets the cached normal */
	nn_rng_normal(&r);
	nn_rng_seed(&r, 0);
	check("tests/ref/randn-seed0-20.txt", &r, nn_rng_normal);
	fprintf(stderr, "test-lib: %s\n", failed ? "FAILED" : "ok");
	return failed != 0;
}
