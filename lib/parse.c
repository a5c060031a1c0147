/* parse.c: decimal text to float32, correctly rounded */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn.h"

/* the fast path inlined in the reader's loop, the rest kept out of it */
#if defined(__GNUC__)
#define NOINLINE	__attribute__((noinline))
#else
#define NOINLINE
#endif

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
 * where the number ends with *out set, or NULL to leave it to strtof.
 */
static NOINLINE const char *
parse_careful(const char *s, const char *end, float *out)
{
	const char *p = s;
	uint64_t w = 0, bits;
	int neg = 0, ndig = 0, nsig = 0, x = 0, xneg = 0;
	long xe = 0;
	double d;
	float f;

#if FLT_EVAL_METHOD != 0 && FLT_EVAL_METHOD != 1
	return NULL;	/* double arithmetic with excess precision */
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
			return NULL;
		w = w * 10 + (uint64_t)(*p - '0');
	}
	if (p < end && *p == '.') {
		p++;
		if (nsig == 0)
			for (; p < end && *p == '0'; p++, ndig++)
				x--;
		for (; p < end && *p >= '0' && *p <= '9'; p++, ndig++) {
			if (nsig++ == 19)
				return NULL;
			w = w * 10 + (uint64_t)(*p - '0');
			x--;
		}
	}
	if (ndig == 0)
		return NULL;
	if (p < end && (*p == 'e' || *p == 'E')) {
		if (++p < end && (*p == '+' || *p == '-'))
			xneg = *p++ == '-';
		if (p == end || *p < '0' || *p > '9')
			return NULL;
		for (; p < end && *p >= '0' && *p <= '9'; p++)
			if (xe < 100000)
				xe = xe * 10 + (*p - '0');
	}
	if (w == 0) {
		*out = neg ? -0.0f : 0.0f;
		return p;
	}
	xe = x + (xneg ? -xe : xe);
	if (w > (uint64_t)1 << 53 || xe < -22 || xe > 22)
		return NULL;
	d = (double)w;
	d = xe < 0 ? d / pow10_exact[-xe] : d * pow10_exact[xe];
	memcpy(&bits, &d, sizeof(bits));
	if ((bits & 0x1fffffff) == 0x10000000)
		return NULL;	/* half-way: float's last bit + 1 and zeros */
	f = (float)d;
	*out = neg ? -f : f;
	return p;
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

#define POW5_MIN	(-64)
#define POW5_MAX	38

/*
 * t(q) = floor(5^q / 2^(floor(log2 5^q) - 63)), q = POW5_MIN..POW5_MAX:
 * 5^q to 64 bits, exact for 0 <= q <= 27 (made once with Python's
 * integers: t = 5^q << -e, or 2^-e // 5^-q for q < 0)
 */
static const uint64_t pow5_t[POW5_MAX - POW5_MIN + 1] = {
	0xa87fea27a539e9a5, 0xd29fe4b18e88640e, 0x83a3eeeef9153e89,
	0xa48ceaaab75a8e2b, 0xcdb02555653131b6, 0x808e17555f3ebf11,
	0xa0b19d2ab70e6ed6, 0xc8de047564d20a8b, 0xfb158592be068d2e,
	0x9ced737bb6c4183d, 0xc428d05aa4751e4c, 0xf53304714d9265df,
	0x993fe2c6d07b7fab, 0xbf8fdb78849a5f96, 0xef73d256a5c0f77c,
	0x95a8637627989aad, 0xbb127c53b17ec159, 0xe9d71b689dde71af,
	0x9226712162ab070d, 0xb6b00d69bb55c8d1, 0xe45c10c42a2b3b05,
	0x8eb98a7a9a5b04e3, 0xb267ed1940f1c61c, 0xdf01e85f912e37a3,
	0x8b61313bbabce2c6, 0xae397d8aa96c1b77, 0xd9c7dced53c72255,
	0x881cea14545c7575, 0xaa242499697392d2, 0xd4ad2dbfc3d07787,
	0x84ec3c97da624ab4, 0xa6274bbdd0fadd61, 0xcfb11ead453994ba,
	0x81ceb32c4b43fcf4, 0xa2425ff75e14fc31, 0xcad2f7f5359a3b3e,
	0xfd87b5f28300ca0d, 0x9e74d1b791e07e48, 0xc612062576589dda,
	0xf79687aed3eec551, 0x9abe14cd44753b52, 0xc16d9a0095928a27,
	0xf1c90080baf72cb1, 0x971da05074da7bee, 0xbce5086492111aea,
	0xec1e4a7db69561a5, 0x9392ee8e921d5d07, 0xb877aa3236a4b449,
	0xe69594bec44de15b, 0x901d7cf73ab0acd9, 0xb424dc35095cd80f,
	0xe12e13424bb40e13, 0x8cbccc096f5088cb, 0xafebff0bcb24aafe,
	0xdbe6fecebdedd5be, 0x89705f4136b4a597, 0xabcc77118461cefc,
	0xd6bf94d5e57a42bc, 0x8637bd05af6c69b5, 0xa7c5ac471b478423,
	0xd1b71758e219652b, 0x83126e978d4fdf3b, 0xa3d70a3d70a3d70a,
	0xcccccccccccccccc, 0x8000000000000000, 0xa000000000000000,
	0xc800000000000000, 0xfa00000000000000, 0x9c40000000000000,
	0xc350000000000000, 0xf424000000000000, 0x9896800000000000,
	0xbebc200000000000, 0xee6b280000000000, 0x9502f90000000000,
	0xba43b74000000000, 0xe8d4a51000000000, 0x9184e72a00000000,
	0xb5e620f480000000, 0xe35fa931a0000000, 0x8e1bc9bf04000000,
	0xb1a2bc2ec5000000, 0xde0b6b3a76400000, 0x8ac7230489e80000,
	0xad78ebc5ac620000, 0xd8d726b7177a8000, 0x878678326eac9000,
	0xa968163f0a57b400, 0xd3c21bcecceda100, 0x84595161401484a0,
	0xa56fa5b99019a5c8, 0xcecb8f27f4200f3a, 0x813f3978f8940984,
	0xa18f07d736b90be5, 0xc9f2c9cd04674ede, 0xfc6f7c4045812296,
	0x9dc5ada82b70b59d, 0xc5371912364ce305, 0xf684df56c3e01bc6,
	0x9a130b963a6c115c, 0xc097ce7bc90715b3, 0xf0bdc21abb48db20,
	0x96769950b50d88f4,
};

#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 uint128;
#endif

/* a b = *hi 2^64 + *lo */
static void
mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
#if defined(__SIZEOF_INT128__)
	uint128 p = (uint128)a * b;

	*hi = (uint64_t)(p >> 64);
	*lo = (uint64_t)p;
#else
	uint64_t a1 = a >> 32, a0 = a & 0xffffffff, b1 = b >> 32;
	uint64_t b0 = b & 0xffffffff, p00 = a0 * b0, p01 = a0 * b1;
	uint64_t p10 = a1 * b0, mid = (p00 >> 32) + (p01 & 0xffffffff) +
	    (p10 & 0xffffffff);

	*hi = a1 * b1 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
	*lo = (mid << 32) | (p00 & 0xffffffff);
#endif
}

/* the number of leading zero bits of w != 0 */
static int
clz64(uint64_t w)
{
#if defined(__GNUC__)
	return __builtin_clzll(w);
#else
	int n = 0;

	for (; w >> 63 == 0; w <<= 1)
		n++;
	return n;
#endif
}

/*
 * w 10^x rounded to a normal float, w != 0, POW5_MIN <= x <= POW5_MAX, by
 * one 64x64-bit product (Eisel and Lemire 2020): w shifted to 2^63 <= w'
 * and 10^x = 5^x 2^x = t 2^e 2^x give w 10^x = w' t 2^(e + x - lz).  The
 * product's top 64 bits h hold the 24 bits of the float, a round bit and
 * r, the 38 or 39 bits below.  When t is exact, so is the product: round
 * half to even.  Otherwise t is below 5^x 2^-e by less than 1 and the
 * exact product within 2^64 of w' t, less than 1 in h: if r is not within
 * 2 of 0 or of its all-ones, that cannot change the float or its
 * rounding.  Returns 1 with *out, or 0 (unsure, subnormal, too large).
 */
static NOINLINE int
parse_lemire(uint64_t w, int x, int neg, float *out)
{
	uint64_t h, lo, r, mask, m;
	uint32_t bits;
	int lz = clz64(w), up, b, be;

	mul64(w << lz, pow5_t[x - POW5_MIN], &h, &lo);
	up = (int)(h >> 63);
	mask = ((uint64_t)1 << (38 + up)) - 1;
	r = h & mask;
	m = h >> (38 + up);		/* 25 bits: the float's, a round bit */
	if (x >= 0 && x <= 27) {
		if ((m & 1) != 0 && (r != 0 || lo != 0 || (m & 2) != 0))
			m += 2;
		m >>= 1;
	} else {
		if (((r + 2) & mask) < 4)
			return 0;
		m = (m + 1) >> 1;
	}
	/* b = floor(x log2 5) (152170 / 2^16 ~ log2 5), then the exponent */
	b = ((x * 152170 + (1000 << 16)) >> 16) - 1000;
	be = 190 + up + b + x - lz;
	if (m >> 24 != 0) {
		m >>= 1;
		be++;
	}
	if (be < 1 || be > 254)
		return 0;
	bits = (uint32_t)neg << 31 | (uint32_t)be << 23 |
	    ((uint32_t)m & 0x7fffff);
	memcpy(out, &bits, sizeof(bits));
	return 1;
}

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
 * 8 bytes at a time.  [+-]digits[.digits][(e|E)[+-]digits] with at most
 * 19 digits (leading zeros too): w 10^x with w < 10^19 exact.  With
 * w < 2^24 and |x| <= 10, w and 10^|x| are exact floats and one float
 * multiplication or division rounds w 10^x correctly (Clinger 1990, in
 * float); else parse_lemire.  What neither takes goes to parse_careful.
 * Returns where the number ends with *out set, or NULL for strtof.
 */
static NN_INLINE const char *
parse_fast(const char *s, const char *end, float *out)
{
	const char *p = s;
	uint64_t w = 0, d;
	uint32_t bits;
	int neg, k, nd, x = 0;
	float f;

	if (end - p < 18)
		return parse_careful(s, end, out);
	/* without a branch: the signs of the data are random */
	neg = *p == '-';
	p += neg | (*p == '+');
	/* w gets the digits; x counts those after the point */
	nd = k = digits8(p, &d);
	if (k == 1)
		w = d & 0xff;
	else if (k > 0)
		w = value8(d, k);
	p += k;
	while (k == 8) {
		if (end - p < 8)
			return parse_careful(s, end, out);
		k = digits8(p, &d);
		if (k > 0)
			w = w * pow10_u64[k] + value8(d, k);
		p += k;
		nd += k;
	}
	if (*p == '.') {
		p++;
		do {
			if (end - p < 8)
				return parse_careful(s, end, out);
			k = digits8(p, &d);
			if (k > 0)
				w = w * pow10_u64[k] + value8(d, k);
			p += k;
			nd += k;
			x -= k;
		} while (k == 8);
	}
	if (nd == 0 || nd > 19)
		return nd == 0 ? NULL : parse_careful(s, end, out);
	if (*p == 'e' || *p == 'E') {
		p++;
		if (!parse_exponent(&p, end, &x))
			return NULL;
	}
#if FLT_EVAL_METHOD == 0
	if (w < (uint64_t)1 << 24 && x >= -10 && x <= 10) {
		f = (float)w;
		f = x < 0 ? f / pow10_float[-x] : f * pow10_float[x];
		memcpy(&bits, &f, sizeof(bits));
		bits |= (uint32_t)neg << 31;
		memcpy(out, &bits, sizeof(bits));
		return p;
	}
#else
	(void)f;
	(void)bits;
#endif
	if (w != 0 && x >= POW5_MIN && x <= POW5_MAX &&
	    parse_lemire(w, x, neg, out)) {
		return p;
	}
	return parse_careful(s, end, out);
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
		nn_exit(NN_EXIT_DATA);
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
	if (parse_fast(s, s + len, out) == s + len)
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
	return (*stop = parse_fast(s, end, out)) != NULL;
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
	while (n < max && (q = parse_fast(t, end, out + n)) != NULL &&
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
