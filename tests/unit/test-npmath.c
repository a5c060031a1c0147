/* test-npmath.c: npmath.c against numpy's results in tests/data/npmath.txt */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

#define DATA		"tests/data/npmath.txt"
#define MAXSHOW		5

static unsigned long lineno;
static unsigned long ncases, nfailed;

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

/* the next blank-separated word of *sp as an unsigned number in base */
static unsigned long
word(char **sp, int base)
{
	char *s = *sp, *end;
	unsigned long v;

	s += strspn(s, " \t");
	errno = 0;
	v = strtoul(s, &end, base);
	if (end == s || errno != 0 || (*end != '\0' && *end != ' ' &&
	    *end != '\t' && *end != '\n')) {
		fprintf(stderr, "test-npmath: %s:%lu: bad number\n", DATA,
		    lineno);
		exit(1);
	}
	*sp = end;
	return v;
}

static float
hexfloat(char **sp)
{
	unsigned long v = word(sp, 16);

	if (v > 0xffffffffUL) {
		fprintf(stderr, "test-npmath: %s:%lu: bad float bits\n", DATA,
		    lineno);
		exit(1);
	}
	return frombits((uint32_t)v);
}

#define MAXBATCH 4096
static float ex[MAXBATCH], ew[MAXBATCH];	/* exp cases, for the batch */
static size_t nexp;

/* count a case; equal bits pass, and so does any nan for a nan */
static int
check(float got, float want)
{
	ncases++;
	if (tobits(got) == tobits(want) || (isnan(got) && isnan(want)))
		return 1;
	return ++nfailed > MAXSHOW;
}

static void
unary(const char *what, char *s, float (*fn)(float))
{
	float x, got, want;

	x = hexfloat(&s);
	want = hexfloat(&s);
	got = fn(x);
	if (fn == nn_expf && nexp < MAXBATCH) {
		/* kept for the vector path, nn_expf_inplace, at the end */
		ex[nexp] = x;
		ew[nexp++] = want;
	}
	if (!check(got, want))
		fprintf(stderr, "test-npmath: %s:%lu: %s(%08lx) = %08lx, "
		    "numpy %08lx\n", DATA, lineno, what,
		    (unsigned long)tobits(x), (unsigned long)tobits(got),
		    (unsigned long)tobits(want));
}

/* a sum or max line: R N V1 ... VN */
static void
row(const char *what, char *s, float (*fn)(const float *, size_t))
{
	static float *v;
	static size_t cap;
	float got, want;
	size_t i, n;

	want = hexfloat(&s);
	n = word(&s, 10);
	if (n > cap) {
		free(v);
		cap = n;
		if ((v = malloc(cap * sizeof(*v))) == NULL) {
			perror("test-npmath: malloc");
			exit(1);
		}
	}
	for (i = 0; i < n; i++)
		v[i] = hexfloat(&s);
	got = fn(v, n);
	if (fn == nn_max && n > 0) {
		/* the same row through nn_max_rows, alone and twice over */
		float m[2], *v2 = malloc(2 * n * sizeof(*v2));

		if (v2 == NULL) {
			perror("test-npmath: malloc");
			exit(1);
		}
		memcpy(v2, v, n * sizeof(*v));
		memcpy(v2 + n, v, n * sizeof(*v));
		nn_max_rows(v2, 2, n, m);
		if (!check(m[0], want) || !check(m[1], want))
			fprintf(stderr, "test-npmath: %s:%lu: nn_max_rows "
			    "differs\n", DATA, lineno);
		free(v2);
	}
	if (!check(got, want))
		fprintf(stderr, "test-npmath: %s:%lu: %s of %zu values = "
		    "%08lx, numpy %08lx\n", DATA, lineno, what, n,
		    (unsigned long)tobits(got), (unsigned long)tobits(want));
}

/*
 * nn_colsum for every width 1 to 70 against its definition: each column
 * summed down the rows from +0, in float (one column alone: pairwise);
 * values of mixed magnitudes, so another order gives other bits, and an
 * all -0 column, whose sum is +0
 */
static void
colsums(void)
{
	enum { ROWS = 37, MAXW = 70 };
	static float dz[ROWS * MAXW], db[MAXW];
	uint32_t x = 12345;
	size_t w, r, j;
	float s;

	for (w = 1; w <= MAXW; w++) {
		for (r = 0; r < ROWS * w; r++) {
			x = x * 1103515245 + 12345;
			dz[r] = (float)((int)(x >> 8 & 0xffff) - 32768) *
			    (x & 0x80 ? 1e-6f : 1.0f);
		}
		for (r = 0; r < ROWS; r++)
			dz[r * w + w - 1] = -0.0f;
		nn_colsum(dz, ROWS, w, db);
		for (j = 0; j < w; j++) {
			if (w == 1)
				s = nn_sum_pairwise(dz, ROWS);
			else
				for (s = 0.0f, r = 0; r < ROWS; r++)
					s = s + dz[r * w + j];
			ncases++;
			if (tobits(db[j]) != tobits(s)) {
				nfailed++;
				fprintf(stderr, "test-npmath: nn_colsum, %zu "
				    "columns: column %zu is %08lx, not %08lx\n",
				    w, j, (unsigned long)tobits(db[j]),
				    (unsigned long)tobits(s));
			}
		}
	}
}

int
main(void)
{
	FILE *fp;
	char *line = NULL, *s;
	size_t cap = 0;

	if ((fp = fopen(DATA, "r")) == NULL) {
		fprintf(stderr, "test-npmath: %s: %s\n", DATA, strerror(errno));
		return 1;
	}
	while (getline(&line, &cap, fp) != -1) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		s = line + 3;
		if (strncmp(line, "exp ", 4) == 0)
			unary("exp", s, nn_expf);
		else if (strncmp(line, "log ", 4) == 0)
			unary("log", s, nn_logf);
		else if (strncmp(line, "sum ", 4) == 0)
			row("sum", s, nn_sum_pairwise);
		else if (strncmp(line, "max ", 4) == 0)
			row("max", s, nn_max);
		else {
			fprintf(stderr, "test-npmath: %s:%lu: unknown case\n",
			    DATA, lineno);
			return 1;
		}
	}
	if (ferror(fp)) {
		fprintf(stderr, "test-npmath: %s: %s\n", DATA, strerror(errno));
		return 1;
	}
	fclose(fp);
	free(line);
	/* every exp case again through the vectorised in-place loop */
	{
		size_t i;

		nn_expf_inplace(ex, nexp);
		for (i = 0; i < nexp; i++)
			if (!check(ex[i], ew[i]))
				fprintf(stderr, "test-npmath: exp case %zu: "
				    "nn_expf_inplace gives %08lx, numpy "
				    "%08lx\n", i, (unsigned long)tobits(ex[i]),
				    (unsigned long)tobits(ew[i]));
	}
	colsums();
	if (ncases == 0) {
		fprintf(stderr, "test-npmath: %s: no cases\n", DATA);
		return 1;
	}
	fprintf(stderr, "test-npmath: %lu cases, %lu passed, %lu failed\n",
	    ncases, ncases - nfailed, nfailed);
	return nfailed == 0 ? 0 : 1;
}
