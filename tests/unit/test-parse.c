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
#include "fmt-ref.c"

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

static void against_strtof(const char *where, const char *s);

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
	against_strtof(where, buf);
}

/* splitmix64: the generated cases */
static uint64_t
splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
	return z ^ (z >> 31);
}

/* what strtof makes of the whole NUL-terminated token s */
static int
strtof_ref(const char *s, float *f)
{
	char *end;
	int saved = errno, r = NN_PARSE_OK;

	*f = 0;
	if (*s == '\0' || *s == ' ' || (*s >= '\t' && *s <= '\r'))
		return NN_PARSE_NOTNUM;
	errno = 0;
	*f = strtof(s, &end);
	if (*end != '\0')
		r = NN_PARSE_NOTNUM;
	else if (errno == ERANGE && isinf(*f))
		r = NN_PARSE_RANGE;
	errno = saved;
	return r;
}

static int
same(int r1, float f1, int r2, float f2)
{
	if (r1 != r2)
		return 0;
	return r1 != NN_PARSE_OK || tobits(f1) == tobits(f2) ||
	    (isnan(f1) && isnan(f2));
}

/*
 * the token s as the reader meets it: followed by the byte after and
 * more text, the parser free to look up to the end of the buffer; when
 * it takes the number it must stop at the token's end with what strtof
 * gives.  Then the token alone, with nothing readable after it.
 */
static void
against_strtof(const char *where, const char *s)
{
	static const char after[] = " \n,]#";
	char buf[200], tail[200], *exact;
	const char *stop;
	size_t len = strlen(s), i;
	float want, got;
	int r, rw;

	if (len + 40 > sizeof(buf))
		return;
	rw = strtof_ref(s, &want);
	/* in a block of its own size: make asan sees any byte read past */
	exact = malloc(len > 0 ? len : 1);
	if (exact == NULL)
		abort();
	memcpy(exact, s, len);
	got = 0;
	r = nn_parse_float(exact, len, &got);
	check(same(r, got, rw, want), "%s: '%s' reads as %08lx (%d), strtof "
	    "%08lx (%d)", where, s, (unsigned long)tobits(got), r,
	    (unsigned long)tobits(want), rw);
	if (nn_parse_float_prefix(exact, exact + len, &got, &stop))
		check(stop <= exact + len, "%s: '%s' read to %td", where, s,
		    stop - exact);
	free(exact);
	for (i = 0; i < sizeof(after) - 1; i++) {
		memcpy(buf, s, len);
		buf[len] = after[i];
		memset(buf + len + 1, '7', sizeof(buf) - len - 1);
		got = 0;
		if (!nn_parse_float_prefix(buf, buf + sizeof(buf), &got,
		    &stop))
			continue;
		if (stop != buf + len) {
			/* a prefix the reader then takes to strtof whole */
			check(stop < buf + len, "%s: '%s' read to %td", where,
			    s, stop - buf);
			memcpy(tail, buf, (size_t)(stop - buf));
			tail[stop - buf] = '\0';
			rw = strtof_ref(tail, &want);
			check(same(NN_PARSE_OK, got, rw, want), "%s: '%s' of "
			    "'%s' reads as %08lx, strtof %08lx (%d)", where,
			    tail, s, (unsigned long)tobits(got),
			    (unsigned long)tobits(want), rw);
			continue;
		}
		check(same(NN_PARSE_OK, got, rw, want), "%s: '%s%c' reads as "
		    "%08lx, strtof %08lx (%d)", where, s, after[i],
		    (unsigned long)tobits(got), (unsigned long)tobits(want),
		    rw);
	}
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
	against_strtof(where, s);
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

/* 10^0 .. 10^19 */
static const uint64_t pow10_u64[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000, 1000000000000,
	10000000000000, 100000000000000, 1000000000000000,
	10000000000000000, 100000000000000000, 1000000000000000000,
	10000000000000000000u,
};

/*
 * w 10^x as a token in one of several forms: 0 "We-3", 1 positional
 * without exponent, 2 "d.ddde+4", 3 positional with zeros before and
 * after; a sign by sign (0 none, 1 '-', 2 '+'), 'E' for 'e' if upper
 */
static void
token(char *s, uint64_t w, int x, int form, int sign, int upper)
{
	char dig[24];
	int n, i;

	if (sign)
		*s++ = sign == 1 ? '-' : '+';
	n = snprintf(dig, sizeof(dig), "%llu", (unsigned long long)w);
	switch (form) {
	case 0:
		sprintf(s, "%s%c%d", dig, upper ? 'E' : 'e', x);
		break;
	case 1:
	case 3:
		if (form == 3)
			s += sprintf(s, "00");
		if (x >= 0)
			s += sprintf(s, "%s%.*s", dig, x, "000000000000000000"
			    "0000000000000000000000000000000000000000000000");
		else if (-x < n)
			s += sprintf(s, "%.*s.%s", n + x, dig, dig + n + x);
		else {
			s += sprintf(s, "0.");
			for (i = 0; i < -x - n; i++)
				*s++ = '0';
			s += sprintf(s, "%s", dig);
		}
		if (form == 3)
			sprintf(s, "%s000", x >= 0 ? ".0" : "");
		break;
	default:
		sprintf(s, "%c%s%s%c%+d", dig[0], n > 1 ? "." : "", dig + 1,
		    upper ? 'E' : 'e', x + n - 1);
	}
}

/* w 10^x in every form and sign, and its neighbours w - 1 and w + 1 */
static void
forms(const char *where, uint64_t w, int x)
{
	char s[128];
	int form, d;

	for (d = -1; d <= 1; d++) {
		if ((d < 0 && w == 0) || (d > 0 && w == UINT64_MAX))
			continue;
		for (form = 0; form < 4; form++) {
			token(s, w + (uint64_t)d, x, form, (form + d + 3) % 3,
			    form == 2 && d == 0);
			against_strtof(where, s);
		}
	}
}

/* odd multiples of half an ulp, the midpoints between floats: w 10^x */
static void
midpoint(float f, uint64_t *w, int *x)
{
	uint32_t b = tobits(f);
	uint64_t m = 2 * ((b & 0x7fffff) | 0x800000) + 1;
	int e = (int)(b >> 23 & 0xff) - 151;	/* m 2^e */

	*x = 0;
	if (e >= 0) {
		*w = m << e;
		return;
	}
	for (; e < 0; e++, --*x)
		m *= 5;		/* m 2^e = m 5^-e 10^e */
	*w = m;
}

static const char *const boundaries[] = {
	"16777215", "16777216", "16777217", "16777218", "16777219",
	"1677721.5", "1677721.6", "0.16777215", "0.16777216", "0.16777217",
	"16777215e10", "16777215e-10", "16777216e10", "16777216e-10",
	"16777215e11", "16777215e-11", "16777217e-10", "16777217e10",
	"1e10", "1e11", "1e-10", "1e-11", "1e22", "1e23", "1e-22", "1e-23",
	"9999999e10", "9999999e-10", "9999999e11", "9999999e-11",
	"1.5e-45", "1.4e-45", "1e-45", "7e-46", "7.1e-46", "7.006e-46",
	"7.00649232162408535e-46", "7.0064923216240853e-46",
	"7.0064923216240854e-46", "1.40129846432481707e-45",
	"2.1019476964872256e-45", "1.1754942e-38", "1.17549435e-38",
	"1.1754943508222875e-38", "1.1754942807573643e-38",
	"3.4028235e38", "3.40282357e38", "3.4028236e38", "3.402823669e38",
	"0.0000000000000000000000000000000000000000000014",
	"0.0000000000000000000000000000000000000000000007006",
	"00000000000000000001.5", "-0000000.000000000000000000001",
	"0.000000000000000000000000000000000000000000000000001e50",
	"1234567890123456789", "12345678901234567890", "1.234567890123456789",
	"12345678901234567890e-20", "9223372036854775807",
	"18446744073709551615", "18446744073709551616", "99999999999999999999",
	"1.8446744073709551615e19", "0.9999999999999999999",
	"0.99999999999999999999", "9.999999999999999999e-1",
	"4.9999999e-1", "0.50000000", "-0.5000000596046448",
	"1.00000005960464477539", "1.0000000596046448",
	"1.00000011920928955078125", "33554431", "33554433", "33554435",
	"0", "-0", "+0", "0.", ".0", "0e0", "0e-99999999999", "-0.0e5",
	"0.0000000", "00000000000000000000000000", "1e0", "1e+0", "1e-0",
	"1e", "1e+", "1.e1", ".1e1", "1..1", "1.1.", "1e1.5", "1e1e1", "1ee1",
	"- 1", "-.", "+.e1", "1-", "1+1", "0x10", "0x1p-2", "infinity", "nan",
	"1e2147483648", "1e-2147483649", "1e99999999999999999999",
	"12345678", "123456789", "0.12345678", "1234567.8", "12345678.9",
	"1234567812345678", "0.1234567812345678", "1.7976931348623157e308",
	/* 20 digits: 2^64 + 1, which must not wrap to 1 */
	"1844674.4073709551617e13", "1844674.4073709551616e13",
	"1844674.4073709551615e13", "0.18446744073709551617e20",
};

/* the parser against strtof on tokens made to hit each of its paths */
static void
generated(void)
{
	char s[128], where[64];
	uint64_t rng = 0x7061727365, w;
	unsigned long before = ncases;
	size_t i;
	int x, n, k;
	float f;

	for (i = 0; i < sizeof(boundaries) / sizeof(boundaries[0]); i++)
		against_strtof("boundaries", boundaries[i]);
	/* around 2^24 and 10^7, |x| across 10, 11, 22, 23 */
	for (x = -48; x <= 40; x++) {
		snprintf(where, sizeof(where), "x %d", x);
		for (w = 16777200; w < 16777240; w += 3)
			forms(where, w, x);
		for (w = 9999990; w < 10000010; w += 7)
			forms(where, w, x);
		for (w = 1; w < 20; w += 3)
			forms(where, w, x);
		for (n = 0; n < 30; n++)
			forms(where, splitmix(&rng) >> (splitmix(&rng) % 64),
			    x);
	}
	/* half-way between floats, and the decimals on either side */
	for (n = 0; n < 20000; n++) {
		f = frombits(0x43800000 +
		    (uint32_t)(splitmix(&rng) % 0x1e000000));
		midpoint(f, &w, &x);
		if (w < pow10_u64[19])
			forms("midpoint", w, x);
	}
	/* 1 to 20 digits, any point, exponents over float's range */
	for (n = 0; n < 100000; n++) {
		k = (int)(splitmix(&rng) % 20);
		w = splitmix(&rng) % pow10_u64[k];
		if (k == 19)
			w += splitmix(&rng) % 9 * pow10_u64[19];
		x = (int)(splitmix(&rng) % 100) - 60;
		token(s, w, x, (int)(splitmix(&rng) % 4), n % 3, n % 5 == 0);
		against_strtof("random", s);
	}
	/* what printf makes of floats */
	for (n = 0; n < 30000; n++) {
		do
			f = frombits((uint32_t)splitmix(&rng));
		while (!isfinite(f));
		k = (int)(splitmix(&rng) % 12);
		snprintf(s, sizeof(s), n % 3 == 0 ? "%.*e" : n % 3 == 1 ?
		    "%.*g" : "%.*f", k, (double)f);
		against_strtof("printf", s);
	}
	check(ncases - before > 1000000, "generated: only %lu cases",
	    ncases - before);
}

static const struct {
	const char *s;		/* a line; '|' marks le, else its newline */
	size_t max, n;		/* values read of at most max */
	int stop;		/* where the reader takes over */
} runs[] = {
	{ "1 2 3\n", 9, 3, 5 },
	{ "1, 2 ,3\n", 9, 3, 7 },
	{ "1\t2\r3\v4\f5  \t 6 \n", 9, 6, 15 },
	{ "-0.5,+.5,5.,5e-1\n", 9, 4, 16 },
	{ "1,,2\n", 9, 1, 1 },
	{ "1 ,\n", 9, 1, 2 },
	{ "1 2x 3\n", 9, 1, 2 },
	{ "1 [2\n", 9, 1, 2 },
	{ "1 2]\n", 9, 1, 2 },
	{ "1 inf 2\n", 9, 1, 2 },
	{ "1 0x10 2\n", 9, 1, 2 },
	{ "1 - 2\n", 9, 1, 2 },
	{ "1 2 3 4\n", 2, 2, 4 },
	{ "1 2 3 4\n", 0, 0, 0 },
	{ "1 2|#3\n", 9, 2, 3 },
	{ "1 2 |#3\n", 9, 2, 4 },
	{ "0.71356916 16777218 1e-07 -3.4028235e+38\n", 9, 4, 40 },
	{ "0.71356916 16777217 1e-07\n", 9, 3, 25 },
	{ "1 1e-40 2\n", 9, 1, 2 },
	{ "1 1e39 2\n", 9, 1, 2 },
	{ "1 1.5e-38 0.000000000000000000001 2\n", 9, 4, 35 },
	{ "123456789012345678901234 1\n", 9, 0, 0 },
	{ "1e5 1e 2\n", 9, 1, 4 },
	{ "x\n", 9, 0, 0 },
	{ "\n", 9, 0, 0 },
};

/* nn_parse_floats: how far it reads, and what it reads */
static void
handruns(void)
{
	char buf[128], tok[64];
	const char *stop, *le, *p;
	float out[9], want;
	size_t i, j, n, len;

	for (i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		len = strlen(runs[i].s);
		memcpy(buf, runs[i].s, len);
		memset(buf + len, '9', sizeof(buf) - len);
		p = strchr(runs[i].s, '|');
		if (p != NULL) {
			le = buf + (p - runs[i].s);
			buf[le - buf] = ' ';	/* as if beyond the line */
			memmove(buf + (le - buf), buf + (le - buf) + 1, len);
			buf[le - buf] = '#';
		} else
			le = buf + len - 1;
		n = nn_parse_floats(buf, le, buf + sizeof(buf), out,
		    runs[i].max, &stop);
		check(n == runs[i].n && stop == buf + runs[i].stop, "'%s' "
		    "reads %zu to %td, want %zu to %d", runs[i].s, n,
		    stop - buf, runs[i].n, runs[i].stop);
		/* the values are strtof's of the tokens */
		for (p = buf, j = 0; j < n && j < runs[i].n; j++) {
			while (*p == ' ' || *p == ',' || (*p >= '\t' &&
			    *p <= '\r'))
				p++;
			len = strcspn(p, " ,\t\n\v\f\r#");
			memcpy(tok, p, len);
			tok[len] = '\0';
			p += len;
			want = strtof(tok, NULL);
			check(tobits(out[j]) == tobits(want), "'%s': value %zu "
			    "%08lx, want %08lx", runs[i].s, j,
			    (unsigned long)tobits(out[j]),
			    (unsigned long)tobits(want));
		}
		/* nothing past le at the end of the text */
		n = nn_parse_floats(buf, le, le, out, runs[i].max, &stop);
		check(n == 0 && stop == buf, "'%s' with le = end reads %zu",
		    runs[i].s, n);
	}
}

/* nn_fmt_float's bytes against the printer it replaced */
static void
fmt_one(const char *where, float x)
{
	char got[NN_FMT_MAX + 8], want[64];
	size_t n, m;

	memset(got, 'X', sizeof(got));
	n = nn_fmt_float(x, got);
	m = ref_fmt_float(x, want);
	check(n == m && memcmp(got, want, m + 1) == 0 &&
	    memcmp(got + NN_FMT_MAX, "XXXXXXXX", 8) == 0, "%s: %08lx prints "
	    "as '%.*s' (%zu), before as '%s'", where,
	    (unsigned long)tobits(x), NN_FMT_MAX, got, n, want);
}

static void
fmt_against_ref(void)
{
	uint64_t rng = 0x666d74, b;
	uint32_t u, edges[] = { 0x38d1b718, 0x5a0e1bca, 0x00800000,
	    0x4b800000, 0x4b000000, 0x3f800000, 0x7f800000, 0x00000001 };
	unsigned long n;
	size_t i;
	int e, d;

	for (i = 0; i < sizeof(edges) / sizeof(edges[0]); i++)
		for (u = edges[i] - 3000; u != edges[i] + 3000; u++) {
			fmt_one("edges", frombits(u));
			fmt_one("edges", frombits(u | 0x80000000));
		}
	for (e = -149; e <= 127; e++)
		for (d = -2; d <= 2; d++)
			fmt_one("2^e", frombits(tobits(ldexpf(1, e)) + d));
	/* decimals with trailing zeros and few digits, all magnitudes */
	for (e = -45; e <= 38; e++)
		for (n = 1; n < 1000; n++)
			fmt_one("short", (float)(n * pow(10, e)));
	for (u = 0; u < 1 << 24; u += 7)
		fmt_one("integer", (float)u);
	for (n = 0; n < 2000000; n++) {
		b = splitmix(&rng);
		fmt_one("random", frombits((uint32_t)b));
	}
}

int
main(void)
{
	corpus();
	handparse();
	handtokens();
	handfmt();
	generated();
	handruns();
	fmt_against_ref();
	fprintf(stderr, "test-parse: %lu cases, %lu passed, %lu failed\n",
	    ncases, ncases - nfailed, nfailed);
	return nfailed == 0 ? 0 : 1;
}
