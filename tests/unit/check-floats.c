/*
 * check-floats.c: nn_fmt_float and nn_parse_float on every float32
 *
 * Not part of the normal test suite (it takes minutes): `make
 * check-floats', or from the top of the tree
 *
 *	cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Ilib lib/parse.c \
 *	    lib/fmt.c tests/unit/check-floats.c -o check-floats -lm -lpthread
 *	./check-floats [-n samples]
 *
 * 1. Every one of the 2^32 bit patterns prints (in fewer than NN_FMT_MAX
 *    bytes) the same bytes as the printer before it (tests/unit/fmt-ref.c)
 *    and reads back to the same bits, a nan to a nan, with nn_parse_float
 *    and as the reader reads it (nn_parse_float_prefix, text after it).
 * 2. For all powers of two and a deterministic random sample of finite
 *    floats (20 million unless -n says otherwise), the printed decimal is
 *    the one a slow reference finds: the least p in 1..9 for which a
 *    p-digit decimal reads back (by strtof) to x, trying x rounded to p
 *    digits by snprintf("%.*e") to nearest, downward and upward; of those
 *    that read back, the nearest (glibc rounds exact ties to even, as
 *    Schubfach and Ryu choose).  Both the digit count and the digits must
 *    agree.
 *
 * Two threads share the work.  Prints the counts and the wall time; exits
 * 1 on any mismatch.
 */
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "nn.h"
#include "fmt-ref.c"

#define NTHREAD		2
#define MAXSHOW		10

struct work {
	int id;
	unsigned long samples;
	unsigned long ntrip, nref, nbad;
};

static pthread_mutex_t showlock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long nshown;

static float
frombits(uint32_t u)
{
	float x;

	memcpy(&x, &u, sizeof(x));
	return x;
}

static void
show(const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&showlock);
	if (nshown++ < MAXSHOW) {
		fputs("check-floats: ", stderr);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	pthread_mutex_unlock(&showlock);
}

/* splitmix64: the sample's bit patterns */
static uint64_t
splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
	return z ^ (z >> 31);
}

/*
 * A decimal string as digits without leading or trailing zeros and the
 * power of ten of its last digit; returns the digit count.
 */
static int
digits(const char *s, char *dig, int *exp10)
{
	int n = 0, point = -1, x = 0;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s != '\0' && *s != 'e'; s++) {
		if (*s == '.')
			point = n;
		else if (n > 0 || *s != '0')
			dig[n++] = *s;
		else if (point >= 0)
			x--;
	}
	if (*s == 'e')
		x += atoi(s + 1);
	/* now the value is 0.dig 10^(point + x) or dig 10^x */
	if (point >= 0)
		x -= n - point;
	while (n > 0 && dig[n - 1] == '0') {
		n--;
		x++;
	}
	dig[n] = '\0';
	*exp10 = x;
	return n;
}

/* x > 0 rounded to p digits in mode reads back as x: 1 and the text */
static int
candidate(float x, int p, int mode, char *buf, size_t cap)
{
	fesetround(mode);
	snprintf(buf, cap, "%.*e", p - 1, (double)x);
	fesetround(FE_TONEAREST);
	return strtof(buf, NULL) == x;
}

/* a p-digit decimal that reads back as x > 0, the nearest: 1 and it */
static int
probe(float x, int p, char *buf, size_t cap)
{
	if (candidate(x, p, FE_TONEAREST, buf, cap))
		return 1;
	return candidate(x, p, FE_DOWNWARD, buf, cap) ||
	    candidate(x, p, FE_UPWARD, buf, cap);
}

/* nn_fmt_float against the reference for finite x != 0 */
static int
reference(float x)
{
	char got[NN_FMT_MAX], ref[64], best[64], gd[32], rd[32];
	int lo = 1, hi = 9, mid, gn, rn, gx, rx;

	/* the least p with a round-tripping p-digit decimal; p = 9 has one */
	probe(fabsf(x), 9, best, sizeof(best));
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (probe(fabsf(x), mid, ref, sizeof(ref))) {
			hi = mid;
			memcpy(best, ref, sizeof(best));
		} else
			lo = mid + 1;
	}
	nn_fmt_float(x, got);
	gn = digits(got, gd, &gx);
	rn = digits(best, rd, &rx);
	if (gn != rn || strcmp(gd, rd) != 0 || gx != rx) {
		show("%.9g: '%s' has %d digits, the reference %s %d", x, got,
		    gn, best, rn);
		return 0;
	}
	return 1;
}

static void *
run(void *arg)
{
	struct work *w = arg;
	char buf[NN_FMT_MAX + 8], ref[64];
	const char *stop = NULL;
	uint64_t b, seed = 0x6e6e2d666d74 + (uint64_t)w->id;
	unsigned long i;
	size_t n, m;
	float x, y, z;
	int e, r, rz;

	for (b = (uint64_t)w->id; b <= 0xffffffff; b += NTHREAD) {
		x = frombits((uint32_t)b);
		memset(buf + NN_FMT_MAX - 1, 'X', 9);
		n = nn_fmt_float(x, buf);
		m = ref_fmt_float(x, ref);
		y = z = 0;
		r = nn_parse_float(buf, n, &y);
		buf[n] = ' ';
		rz = nn_parse_float_prefix(buf, buf + sizeof(buf), &z, &stop);
		buf[n] = '\0';
		w->ntrip++;
		if (n >= NN_FMT_MAX || memchr(buf, '\0', NN_FMT_MAX) == NULL ||
		    n != strlen(buf) || n != m || memcmp(buf, ref, n) != 0 ||
		    r != NN_PARSE_OK || (memcmp(&x, &y, sizeof(x)) != 0 &&
		    !(isnan(x) && isnan(y)))) {
			w->nbad++;
			show("%08lx prints as '%.24s' (%zu), before as '%s', "
			    "reads back as %.9g (%d)", (unsigned long)b, buf,
			    n, ref, y, r);
		} else if (rz && (stop != buf + n || memcmp(&x, &z,
		    sizeof(x)) != 0)) {
			w->nbad++;
			show("%08lx prints as '%s', which the reader reads "
			    "as %.9g (%d, %td bytes)", (unsigned long)b, buf, z,
			    rz, stop - buf);
		}
	}
	for (e = -149 + w->id; e <= 127; e += NTHREAD) {
		w->nref++;
		w->nbad += !reference(ldexpf(1.0f, e));
	}
	for (i = 0; i < w->samples; i++) {
		do
			x = frombits((uint32_t)splitmix(&seed));
		while (!isfinite(x) || x == 0);
		w->nref++;
		w->nbad += !reference(x);
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	struct work w[NTHREAD];
	pthread_t t[NTHREAD];
	struct timespec t0, t1;
	unsigned long samples = 20000000, ntrip = 0, nref = 0, nbad = 0;
	char *end;
	int c, i;

	while ((c = getopt(argc, argv, "n:")) != -1) {
		switch (c) {
		case 'n':
			errno = 0;
			samples = strtoul(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || errno != 0)
				goto usage;
			break;
		default:
			goto usage;
		}
	}
	if (optind != argc)
		goto usage;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < NTHREAD; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].id = i;
		w[i].samples = samples / NTHREAD + (i < (int)(samples %
		    NTHREAD));
		if ((errno = pthread_create(&t[i], NULL, run, &w[i])) != 0) {
			perror("check-floats: pthread_create");
			return 1;
		}
	}
	for (i = 0; i < NTHREAD; i++) {
		pthread_join(t[i], NULL);
		ntrip += w[i].ntrip;
		nref += w[i].nref;
		nbad += w[i].nbad;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, "check-floats: %lu patterns round-trip checked, %lu "
	    "against the reference, %lu mismatches, %.1f s\n", ntrip, nref,
	    nbad, (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return nbad == 0 ? 0 : 1;
usage:
	fputs("usage: check-floats [-n samples]\n", stderr);
	return 2;
}
