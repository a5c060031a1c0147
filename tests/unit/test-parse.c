/* test-parse.c: nn_parse_float and nn_fmt_float on a corpus and by hand */
#include <errno.h>
#include <glob.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nn.h"

#define CORPUS		"tests/data/parse-number-fxx/*.txt"
#define MAXSHOW		5

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

/* count a case; print the message of one of the first failures */
static void
check(int ok, const char *fmt, ...)
{
	va_list ap;

	ncases++;
	if (ok || ++nfailed > MAXSHOW)
		return;
	fputs("test-parse: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* [+-]inf or [+-]infinity in any case */
static int
isinflit(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	return strcasecmp(s, "inf") == 0 || strcasecmp(s, "infinity") == 0;
}

/* x prints and reads back, with nn_parse_float and strtof, to its bits */
static void
roundtrip(const char *where, float x)
{
	char buf[NN_FMT_MAX];
	float y = 0;
	size_t n;
	int r;

	n = nn_fmt_float(x, buf);
	check(n == strlen(buf) && n < NN_FMT_MAX, "%s: %08lx prints as "
	    "'%s' of length %zu", where, (unsigned long)tobits(x), buf, n);
	r = nn_parse_float(buf, n, &y);
	check(r == NN_PARSE_OK && (tobits(y) == tobits(x) || (isnan(x) &&
	    isnan(y))), "%s: %08lx prints as '%s', which reads back as "
	    "%08lx (%d)", where, (unsigned long)tobits(x), buf,
	    (unsigned long)tobits(y), r);
	y = strtof(buf, NULL);
	check(tobits(y) == tobits(x) || (isnan(x) && isnan(y)), "%s: %08lx "
	    "prints as '%s', which strtof reads as %08lx", where,
	    (unsigned long)tobits(x), buf, (unsigned long)tobits(y));
}

/* one corpus line: f16 f32 f64 f128 string */
static void
corpusline(const char *file, unsigned long lineno, char *line)
{
	char where[256], *s = line, *end;
	unsigned long want;
	float got = 0;
	size_t len;
	int r, inf;

	snprintf(where, sizeof(where), "%s:%lu", file, lineno);
	line[strcspn(line, "\r\n")] = '\0';
	s += strcspn(s, " ");
	errno = 0;
	want = strtoul(s, &end, 16);
	if (end != s + 9 || *end != ' ' || errno != 0 ||
	    strchr(end + 1, ' ') == NULL) {
		check(0, "%s: bad corpus line", where);
		return;
	}
	s = strchr(strchr(end + 1, ' ') + 1, ' ') + 1;
	len = strlen(s);
	r = nn_parse_float(s, len, &got);
	inf = (want & 0x7fffffff) == 0x7f800000;
	if (inf && !isinflit(s)) {
		check(r == NN_PARSE_RANGE, "%s: '%.40s' gives %d, want "
		    "NN_PARSE_RANGE", where, s, r);
		return;
	}
	check(r == NN_PARSE_OK && (tobits(got) == want || (isnan(got) &&
	    isnan(frombits((uint32_t)want)))), "%s: '%.40s' reads as %08lx "
	    "(%d), want %08lx", where, s, (unsigned long)tobits(got), r, want);
	if (r == NN_PARSE_OK)
		roundtrip(where, got);
}

static void
corpus(void)
{
	glob_t g;
	FILE *fp;
	char *line = NULL;
	size_t i, cap = 0;
	unsigned long lineno, before = ncases;

	if (glob(CORPUS, 0, NULL, &g) != 0) {
		check(0, "%s: no files", CORPUS);
		return;
	}
	for (i = 0; i < g.gl_pathc; i++) {
		if ((fp = fopen(g.gl_pathv[i], "r")) == NULL) {
			check(0, "%s: %s", g.gl_pathv[i], strerror(errno));
			continue;
		}
		for (lineno = 1; getline(&line, &cap, fp) != -1; lineno++)
			corpusline(g.gl_pathv[i], lineno, line);
		check(!ferror(fp), "%s: %s", g.gl_pathv[i], strerror(errno));
		fclose(fp);
	}
	free(line);
	check(ncases - before > 20000, "%s: only %lu cases", CORPUS,
	    ncases - before);
	globfree(&g);
}

static const struct {
	const char *s;
	int ret;
	uint32_t bits;		/* 0x7fc00000: any nan */
} parses[] = {
	{ "", NN_PARSE_NOTNUM, 0 },
	{ "-", NN_PARSE_NOTNUM, 0 },
	{ "+", NN_PARSE_NOTNUM, 0 },
	{ ".", NN_PARSE_NOTNUM, 0 },
	{ "1e", NN_PARSE_NOTNUM, 0 },
	{ "1e+", NN_PARSE_NOTNUM, 0 },
	{ "e5", NN_PARSE_NOTNUM, 0 },
	{ "1.2.3", NN_PARSE_NOTNUM, 0 },
	{ "abc", NN_PARSE_NOTNUM, 0 },
	{ "1x", NN_PARSE_NOTNUM, 0 },
	{ "--1", NN_PARSE_NOTNUM, 0 },
	{ "+-1", NN_PARSE_NOTNUM, 0 },
	{ " 1", NN_PARSE_NOTNUM, 0 },
	{ "\t1", NN_PARSE_NOTNUM, 0 },
	{ "1 ", NN_PARSE_NOTNUM, 0 },
	{ "1,5", NN_PARSE_NOTNUM, 0 },
	{ "0x", NN_PARSE_NOTNUM, 0 },
	{ "inf1", NN_PARSE_NOTNUM, 0 },
	{ "infinit", NN_PARSE_NOTNUM, 0 },
	{ "nan(", NN_PARSE_NOTNUM, 0 },
	{ "+1", NN_PARSE_OK, 0x3f800000 },
	{ ".5", NN_PARSE_OK, 0x3f000000 },
	{ "5.", NN_PARSE_OK, 0x40a00000 },
	{ "1E5", NN_PARSE_OK, 0x47c35000 },
	{ "-1.5", NN_PARSE_OK, 0xbfc00000 },
	{ "3", NN_PARSE_OK, 0x40400000 },
	{ "0.1", NN_PARSE_OK, 0x3dcccccd },
	{ "1e-07", NN_PARSE_OK, 0x33d6bf95 },
	{ "-0", NN_PARSE_OK, 0x80000000 },
	{ "-0.0e99999999999999999999", NN_PARSE_OK, 0x80000000 },
	{ "0.00299555692", NN_PARSE_OK, 0x3b44511b },
	{ "-0.713569164", NN_PARSE_OK, 0xbf36ac78 },
	{ "INF", NN_PARSE_OK, 0x7f800000 },
	{ "-inf", NN_PARSE_OK, 0xff800000 },
	{ "-Infinity", NN_PARSE_OK, 0xff800000 },
	{ "NaN", NN_PARSE_OK, 0x7fc00000 },
	{ "-nan", NN_PARSE_OK, 0x7fc00000 },
	{ "nan(0x1f_a)", NN_PARSE_OK, 0x7fc00000 },
	{ "0x1p-3", NN_PARSE_OK, 0x3e000000 },
	{ "0X1.8P1", NN_PARSE_OK, 0x40400000 },
	{ "3.4028235e38", NN_PARSE_OK, 0x7f7fffff },
	{ "1.17549435e-38", NN_PARSE_OK, 0x00800000 },
	{ "1e-45", NN_PARSE_OK, 0x00000001 },
	{ "7e-46", NN_PARSE_OK, 0x00000000 },
	{ "-1e-50", NN_PARSE_OK, 0x80000000 },
	{ "1e-400", NN_PARSE_OK, 0x00000000 },
	{ "3.5e38", NN_PARSE_RANGE, 0 },
	{ "-1e39", NN_PARSE_RANGE, 0 },
	{ "1e400", NN_PARSE_RANGE, 0 },
	{ "0x1p128", NN_PARSE_RANGE, 0 },
	/* half-way doubles: the fast path must give them to strtof */
	{ "1.00000005960464477539", NN_PARSE_OK, 0x3f800000 },
	{ "1.000000059604644775390625", NN_PARSE_OK, 0x3f800000 },
	{ "1.0000000596046448", NN_PARSE_OK, 0x3f800001 },
	{ "0.004221370676532388", NN_PARSE_OK, 0x3b8a536d },
	{ "0.07585282996296883", NN_PARSE_OK, 0x3d9b58bb },
	{ "41.94217491149902", NN_PARSE_OK, 0x4227c4c9 },
	{ "3.465203113175309e+21", NN_PARSE_OK, 0x633bd95b },
	{ "5.610133934758669e+26", NN_PARSE_OK, 0x6be8079b },
	{ "16777217", NN_PARSE_OK, 0x4b800000 },
	{ "16777219", NN_PARSE_OK, 0x4b800002 },
};

static void
handparse(void)
{
	size_t i;
	float got;
	int r;

	for (i = 0; i < sizeof(parses) / sizeof(parses[0]); i++) {
		got = 0;
		r = nn_parse_float(parses[i].s, strlen(parses[i].s), &got);
		if (parses[i].ret != NN_PARSE_OK)
			check(r == parses[i].ret, "'%s' gives %d, want %d",
			    parses[i].s, r, parses[i].ret);
		else if (parses[i].bits == 0x7fc00000)
			check(r == NN_PARSE_OK && isnan(got), "'%s' reads as "
			    "%08lx (%d), want a nan", parses[i].s,
			    (unsigned long)tobits(got), r);
		else
			check(r == NN_PARSE_OK && tobits(got) ==
			    parses[i].bits, "'%s' reads as %08lx (%d), "
			    "want %08lx", parses[i].s,
			    (unsigned long)tobits(got), r,
			    (unsigned long)parses[i].bits);
	}
}

/* the token is s[0..len), not NUL-terminated; long ones too */
static void
handtokens(void)
{
	static char big[4096];
	float got = 0;
	int r;

	r = nn_parse_float("1.52", 3, &got);
	check(r == NN_PARSE_OK && got == 1.5f, "'1.5' of '1.52'");
	r = nn_parse_float("123", 2, &got);
	check(r == NN_PARSE_OK && got == 12.0f, "'12' of '123'");
	r = nn_parse_float("1e5x", 3, &got);
	check(r == NN_PARSE_OK && got == 1e5f, "'1e5' of '1e5x'");
	r = nn_parse_float("infinity", 3, &got);
	check(r == NN_PARSE_OK && isinf(got), "'inf' of 'infinity'");
	r = nn_parse_float("1\0002", 3, &got);
	check(r == NN_PARSE_NOTNUM, "'1\\02' gives %d", r);

	/* 0.000...0001e4084, 4095 characters: 1e-4 */
	memset(big, '0', sizeof(big));
	big[1] = '.';
	strcpy(big + sizeof(big) - 7, "1e4084");
	r = nn_parse_float(big, sizeof(big) - 1, &got);
	check(r == NN_PARSE_OK && got == 1e-4f, "long 1e-4 reads as %08lx "
	    "(%d)", (unsigned long)tobits(got), r);
	big[sizeof(big) - 7] = 'x';
	r = nn_parse_float(big, sizeof(big) - 1, &got);
	check(r == NN_PARSE_NOTNUM, "long junk gives %d", r);

	/* errno is left alone, also by overflow and underflow */
	errno = EDOM;
	nn_parse_float("1e39", 4, &got);
	nn_parse_float("1e-40", 5, &got);
	check(errno == EDOM, "errno changed to %d", errno);
}

static const struct {
	float x;
	const char *s;
} fmts[] = {
	{ 0.1f, "0.1" },
	{ 3.0f, "3" },
	{ 100.0f, "100" },
	{ -1.5f, "-1.5" },
	{ 1e-07f, "1e-07" },
	{ 0.0001f, "1e-04" },	/* fl32(1e-4) < 1e-4: numpy prints 1e-04 */
	{ 0.00010000001f, "0.00010000001" },
	{ 9.999999e-05f, "9.999999e-05" },
	{ 0.001f, "0.001" },
	{ 1.5e-05f, "1.5e-05" },
	{ -0.0f, "-0" },
	{ 0.0f, "0" },
	{ 0.3f, "0.3" },
	{ 2.5f, "2.5" },
	{ 65504.0f, "65504" },
	{ 16777216.0f, "16777216" },
	{ 16777215.0f, "16777215" },
	{ 123456792.0f, "123456790" },
	{ 1e15f, "1000000000000000" },
	{ 9.999999e15f, "9999999000000000" },
	{ 1e16f, "1e+16" },
	{ 1.2345679e20f, "1.2345679e+20" },
	{ 1e38f, "1e+38" },
	{ 3.4028235e38f, "3.4028235e+38" },
	{ 1.1754944e-38f, "1.1754944e-38" },
	{ 1e-45f, "1e-45" },
	{ -3e-45f, "-3e-45" },
	{ 0.00299555692f, "0.002995557" },
	{ -0.713569164f, "-0.71356916" },
	{ 33554436.0f, "33554436" },
	{ 8.589973e9f, "8589974000" },
	{ INFINITY, "inf" },
	{ -INFINITY, "-inf" },
};

static void
handfmt(void)
{
	char buf[NN_FMT_MAX];
	size_t i, n;

	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		n = nn_fmt_float(fmts[i].x, buf);
		check(n == strlen(fmts[i].s) && strcmp(buf, fmts[i].s) == 0,
		    "%08lx prints as '%s', want '%s'",
		    (unsigned long)tobits(fmts[i].x), buf, fmts[i].s);
		roundtrip("fmt table", fmts[i].x);
	}
	n = nn_fmt_float(frombits(0x7fc00000), buf);
	check(n == 3 && strcmp(buf, "nan") == 0, "nan prints as '%s'", buf);
	n = nn_fmt_float(frombits(0xffc00001), buf);
	check(n == 3 && strcmp(buf, "nan") == 0, "-nan prints as '%s'", buf);
}

int
main(void)
{
	corpus();
	handparse();
	handtokens();
	handfmt();
	fprintf(stderr, "test-parse: %lu cases, %lu passed, %lu failed\n",
	    ncases, ncases - nfailed, nfailed);
	return nfailed == 0 ? 0 : 1;
}
