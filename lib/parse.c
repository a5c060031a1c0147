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
 * The common case without strtof: [+-]digits[.digits][(e|E)[+-]digits]
 * with at most 19 significant digits w and the value w 10^x, w <= 2^53,
 * |x| <= 22.  Then w and 10^|x| are exact doubles and one multiplication or
 * division gives w 10^x correctly rounded to double (Clinger 1990).  Its
 * rounding to float is the correct one unless the double lies exactly
 * half-way between two floats (rounding twice can then go the wrong way);
 * its range, 1e-22 .. 2^53 1e22, is within float's normal range.  Returns
 * 1 with *out set, or 0 to leave the token to strtof.
 */
static int
parse_fast(const char *s, size_t len, float *out, const char **stop)
{
	const char *p = s, *end = s + len;
	uint64_t w = 0, bits;
	int neg = 0, ndig = 0, nsig = 0, x = 0, xneg = 0;
	long xe = 0;
	double d;
	float f;

#if FLT_EVAL_METHOD != 0 && FLT_EVAL_METHOD != 1
	return 0;	/* double arithmetic with excess precision */
#endif
	if (len > SMALLTOK)
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

	if (parse_fast(s, len, out, &stop) && stop == s + len)
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
	return parse_fast(s, (size_t)(end - s), out, stop);
}
