/* parse.c: decimal text to float32, correctly rounded */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

/* tokens shorter than this are copied to the stack for strtof */
#define SMALLTOK	64

/* 10^0 .. 10^22, the powers of ten that are exact doubles */
static const double pow10_exact[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/*
 * The careful path, byte by byte: [+-]digits[.digits][(e|E)[+-]digits]
 * with at most 19 significant digits w and the value w 10^x, w <= 2^53,
 * |x| <= 22.  Then w and 10^|x| are exact doubles and one multiplication or
 * division gives w 10^x correctly rounded to double (Clinger 1990).  Its
 * rounding to float is the correct one unless the double lies exactly
 * half-way between two floats (rounding twice can then go the wrong way);
 * its range, 1e-22 .. 2^53 1e22, is within float's normal range.  Returns
 * 1 with *out set, or 0 to leave the token to strtof.
 */
static int
parse_careful(const char *s, const char *end, float *out, const char **stop)
{
	const char *p = s;
	uint64_t w = 0, bits;
	int neg = 0, ndig = 0, nsig = 0, x = 0, xneg = 0;
	long xe = 0;
	double d;
	float f;

#if FLT_EVAL_METHOD != 0 && FLT_EVAL_METHOD != 1
	return 0;	/* double arithmetic with excess precision */
#endif
	if (end - s > SMALLTOK)
		end = s + SMALLTOK;	/* the counts below cannot overflow */
	if (p < end && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	/* w gets the significant digits; x counts those after the point */
	for (; p < end && *p == '0'; p++)
		ndig++;
	for (; p < end && *p >= '0' && *p <= '9'; p++, ndig++) {
		if (nsig++ == 19)
			return 0;
		w = w * 10 + (uint64_t)(*p - '0');
	}
	if (p < end && *p == '.') {
		p++;
		if (nsig == 0)
			for (; p < end && *p == '0'; p++, ndig++)
				x--;
		for (; p < end && *p >= '0' && *p <= '9'; p++, ndig++) {
			if (nsig++ == 19)
				return 0;
			w = w * 10 + (uint64_t)(*p - '0');
			x--;
		}
	}
	if (ndig == 0)
		return 0;
	if (p < end && (*p == 'e' || *p == 'E')) {
		if (++p < end && (*p == '+' || *p == '-'))
			xneg = *p++ == '-';
		if (p == end || *p < '0' || *p > '9')
			return 0;
		for (; p < end && *p >= '0' && *p <= '9'; p++)
			if (xe < 100000)
				xe = xe * 10 + (*p - '0');
	}
	*stop = p;
	if (w == 0) {
		*out = neg ? -0.0f : 0.0f;
		return 1;
	}
	xe = x + (xneg ? -xe : xe);
	if (w > (uint64_t)1 << 53 || xe < -22 || xe > 22)
		return 0;
	d = (double)w;
	d = xe < 0 ? d / pow10_exact[-xe] : d * pow10_exact[xe];
	memcpy(&bits, &d, sizeof(bits));
	if ((bits & 0x1fffffff) == 0x10000000)
		return 0;	/* half-way: float's last bit + 1 and zeros */
	f = (float)d;
	*out = neg ? -f : f;
	return 1;
}

/* the 8 bytes at p as a little-endian word: p[0] in the low byte */
static uint64_t
load8(const char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t w;

	memcpy(&w, p, sizeof(w));
	return w;
#else
	const unsigned char *u = (const unsigned char *)p;

	return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 |
	    (uint64_t)u[3] << 24 | (uint64_t)u[4] << 32 |
	    (uint64_t)u[5] << 40 | (uint64_t)u[6] << 48 | (uint64_t)u[7] << 56;
#endif
}

/* the index of the lowest set bit of m != 0, divided by 8 */
static int
low_byte(uint64_t m)
{
#if defined(__GNUC__)
	return __builtin_ctzll(m) >> 3;
#else
	/* bits below the lowest, a multiple of 8 plus 7, counted by bytes */
	return (int)(((((m & (0 - m)) - 1) >> 7 & 0x0101010101010101) *
	    0x0101010101010101) >> 56);
#endif
}

/*
 * d = the 8 bytes at p minus '0' each; the number of digits that start
 * p, 0 to 8.  A borrow or carry only moves up, to later bytes, so the
 * first byte that is not a digit is found right.
 */
static int
digits8(const char *p, uint64_t *d)
{
	uint64_t t = load8(p) - 0x3030303030303030, m;

	m = (t | (t + 0x7676767676767676)) & 0x8080808080808080;
	*d = t;
	return m != 0 ? low_byte(m) : 8;
}

/* the value of the k digits in d's low bytes, 1 <= k <= 8 */
static uint64_t
value8(uint64_t d, int k)
{
	/* leading zeros in the low bytes; then pairs, quads, the octet */
	d <<= 64 - 8 * k;
	d = d * 10 + (d >> 8);
	d = ((d & 0x000000ff000000ff) * (100 + ((uint64_t)1000000 << 32)) +
	    ((d >> 16 & 0x000000ff000000ff) * (1 + ((uint64_t)10000 << 32))))
	    >> 32;
	return d & 0xffffffff;
}

/* 10^0 .. 10^8 */
static const uint64_t pow10_u64[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
};

/* 10^0 .. 10^10, the powers of ten that are exact floats */
static const float pow10_float[] = {
	1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f,
};

/* the exponent at *pp after 'e' or 'E', added to *x; 0 if it has none */
static int
parse_exponent(const char **pp, const char *end, int *x)
{
	const char *p = *pp;
	long xe = 0;
	int neg = 0;

	if (p < end && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	if (p == end || *p < '0' || *p > '9')
		return 0;
	for (; p < end && *p >= '0' && *p <= '9'; p++)
		if (xe < 100000)
			xe = xe * 10 + (*p - '0');
	*x += (int)(neg ? -xe : xe);
	*pp = p;
	return 1;
}

/*
 * The fast path: the common number at s, reading no byte at or past end,
 * 8 bytes at a time.  [+-]digits[.digits][(e|E)[+-]digits] with fewer than
 * 8 digits before the point and at most 19 in all (leading zeros too):
 * w 10^x with w < 10^19 exact.  With w < 2^24 and |x| <= 10, w and 10^|x|
 * are exact floats and one float multiplication or division rounds w 10^x
 * correctly (Clinger 1990, in float).  Anything else goes to
 * parse_careful.  Returns 1 with *out and *stop set, or 0 for strtof.
 */
static inline int
parse_fast(const char *s, const char *end, float *out, const char **stop)
{
	const char *p = s;
	uint64_t w = 0, d;
	uint32_t bits;
	int neg, k, nd, x = 0;
	float f;

	if (end - p < 18)
		return parse_careful(s, end, out, stop);
	/* without a branch: the signs of the data are random */
	neg = *p == '-';
	p += neg | (*p == '+');
	/* w gets the digits; x counts those after the point */
	nd = k = digits8(p, &d);
	if (k == 1)
		w = d & 0xff;
	else if (k == 8)
		return parse_careful(s, end, out, stop);
	else if (k > 0)
		w = value8(d, k);
	p += k;
	if (*p == '.') {
		p++;
		do {
			if (end - p < 8)
				return parse_careful(s, end, out, stop);
			k = digits8(p, &d);
			if (k > 0)
				w = w * pow10_u64[k] + value8(d, k);
			p += k;
			nd += k;
			x -= k;
		} while (k == 8);
	}
	if (nd == 0 || nd > 19)
		return nd == 0 ? 0 : parse_careful(s, end, out, stop);
	if (*p == 'e' || *p == 'E') {
		p++;
		if (!parse_exponent(&p, end, &x))
			return 0;
	}
#if FLT_EVAL_METHOD == 0
	if (w < (uint64_t)1 << 24 && x >= -10 && x <= 10) {
		*stop = p;
		f = (float)w;
		f = x < 0 ? f / pow10_float[-x] : f * pow10_float[x];
		memcpy(&bits, &f, sizeof(bits));
		bits |= (uint32_t)neg << 31;
		memcpy(out, &bits, sizeof(bits));
		return 1;
	}
#else
	(void)f;
	(void)bits;
#endif
	return parse_careful(s, end, out, stop);
}

/* strtof on a NUL-terminated copy, which must end at the token's end */
static int
parse_strtof(const char *s, size_t len, float *out)
{
	char small[SMALLTOK], *buf = small, *end;
	int saved = errno, ret = NN_PARSE_OK;
	float f;

	/* strtof skips leading white space, ' ' and '\t' to '\r' */
	if (len == 0 || s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r'))
		return NN_PARSE_NOTNUM;
	if (len >= sizeof(small) && (buf = malloc(len + 1)) == NULL) {
		fputs("nn: out of memory\n", stderr);
		exit(NN_EXIT_DATA);
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	f = strtof(buf, &end);
	if (end != buf + len)
		ret = NN_PARSE_NOTNUM;
	else if (errno == ERANGE && isinf(f))
		ret = NN_PARSE_RANGE;
	else
		*out = f;
	if (buf != small)
		free(buf);
	errno = saved;
	return ret;
}

/*
 * s[0..len) as a float32, correctly rounded: what strtod accepts in the C
 * locale (decimal, hex, inf, infinity, nan, nan(...), any case), the whole
 * token and nothing else.  Returns NN_PARSE_OK with *out set,
 * NN_PARSE_NOTNUM, or NN_PARSE_RANGE for a finite number beyond float's
 * range; one too small reads as 0 or a subnormal, as strtof reads it.
 */
int
nn_parse_float(const char *s, size_t len, float *out)
{
	const char *stop;

	if (parse_fast(s, s + len, out, &stop) && stop == s + len)
		return NN_PARSE_OK;
	return parse_strtof(s, len, out);
}

/*
 * The reader's fast path: a common decimal number at s, not past end; 1
 * and *stop after it, or 0 (then the caller takes the whole token to
 * nn_parse_float).  The caller checks that a separator follows.
 */
int
nn_parse_float_prefix(const char *s, const char *end, float *out,
    const char **stop)
{
	return parse_fast(s, end, out, stop);
}

/* the blanks between numbers, as the reader has them */
static const unsigned char blank[256] = {
	[' '] = 1, ['\t'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
};

/*
 * The reader's loop: numbers from p, separated by blanks or by one comma
 * with blanks around it, up to max of them into out, none past le; the
 * parser may look at bytes up to end.  When le < end, *le must be a byte
 * no number, blank or comma holds (the line's newline, a '#'); when not,
 * this reads nothing.  Returns how many were read, with *stop after the
 * last one and the blanks after it: at le, or at what the reader must see
 * itself (a comma not followed by a number, a bracket, a number the fast
 * path does not take, junk).
 */
size_t
nn_parse_floats(const char *p, const char *le, const char *end, float *out,
    size_t max, const char **stop)
{
	const char *t = p, *q;
	size_t n = 0;

	*stop = p;
	if (le >= end)
		return 0;
	/* *le stops every loop below: no bound checks */
	while (n < max && parse_fast(t, end, out + n, &q) &&
	    (blank[(unsigned char)*q] || *q == ',' || q == le)) {
		n++;
		for (p = q; blank[(unsigned char)*p]; p++)
			;
		*stop = p;
		if (*p == ',')
			for (p++; blank[(unsigned char)*p]; p++)
				;
		if (p == le)
			break;
		t = p;
	}
	return n;
}
