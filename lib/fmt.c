/* fmt.c: float32 to the shortest decimal text that reads back to it */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "nn.h"

/*
 * Schubfach (Raffaello Giulietti, "The Schubfach way to render doubles",
 * 2020) for binary32, without Java's two-digit minimum.
 *
 * A finite v > 0 is c 2^q.  The reals that read back as v fill the interval
 * Rv = [vl, vr] around it, closed when c is even (ties go to even), open
 * when c is odd; its ends are cbl 2^(q-2) and cbr 2^(q-2).  With k the
 * largest integer such that 10^k <= vr - vl, Rv holds at least one multiple
 * of 10^k and at most one of 10^(k+1).  If it holds one of 10^(k+1), that
 * one is the unique shortest; otherwise the shortest are multiples of 10^k
 * and the answer is whichever of s 10^k <= v < (s+1) 10^k lies in Rv, the
 * closer to v if both do (the even one on a tie).
 *
 * All tests compare 4 x 10^-k, for x = v, vl, vr, with even integers, so
 * they only need those products rounded to odd.  rop() gets them from
 * g ~ 10^-k 2^(62 - floor(log2 10^-k)), rounded up, as the paper's
 * rop(g, cb 2^h) with h = q + floor(log2 10^-k) + 33.  The paper proves
 * the results exact; tests/unit/check-floats.c checks every float32.
 */

#define G_KMIN	(-45)		/* k for the least subnormal */
#define G_KMAX	31		/* k for FLT_MAX */

/* g(k) = floor(10^-k 2^(62 - floor(log2 10^-k))) + 1, k = G_KMIN..G_KMAX */
static const uint64_t pow10_g[G_KMAX - G_KMIN + 1] = {
	0x59aedfc10d7279c6, 0x47bf19673df52e38, 0x72cb5bd86321e38d,
	0x5bd5e313828182d7, 0x4977e8dc68679be0, 0x758ca7c70d7292ff,
	0x5e0a1fd271287599, 0x4b3b4ca85a86c47b, 0x785ee10d5da46d91,
	0x604be73de4838ada, 0x4d0985cb1d3608af, 0x7b426fab61f00de4,
	0x629b8c891b267183, 0x4ee2d6d415b85acf, 0x7e37be2022c0914c,
	0x64f964e68233a770, 0x50c783eb9b5c85f3, 0x409f9cbc7c4a04c3,
	0x6765c793fa10079e, 0x52b7d2dcc80cd2e5, 0x422ca8b0a00a4251,
	0x69e10de76676d081, 0x54b40b1f852bda01, 0x43c33c1937564801,
	0x6c6b935b8bbd4001, 0x56bc75e2d6310001, 0x4563918244f40001,
	0x6f05b59d3b200001, 0x58d15e1762800001, 0x470de4df82000001,
	0x71afd498d0000001, 0x5af3107a40000001, 0x48c2739500000001,
	0x746a528800000001, 0x5d21dba000000001, 0x4a817c8000000001,
	0x7735940000000001, 0x5f5e100000000001, 0x4c4b400000000001,
	0x7a12000000000001, 0x61a8000000000001, 0x4e20000000000001,
	0x7d00000000000001, 0x6400000000000001, 0x5000000000000001,
	0x4000000000000001, 0x6666666666666667, 0x51eb851eb851eb86,
	0x4189374bc6a7ef9e, 0x68db8bac710cb296, 0x53e2d6238da3c212,
	0x431bde82d7b634db, 0x6b5fca6af2bd215f, 0x55e63b88c230e77f,
	0x44b82fa09b5a52cc, 0x6df37f675ef6eae0, 0x57f5ff85e5925580,
	0x465e6604b7a84466, 0x709709a125da070a, 0x5a126e1a84ae6c08,
	0x480ebe7b9d58566d, 0x734aca5f6226f0ae, 0x5c3bd5191b525a25,
	0x49c97747490eae84, 0x760f253edb4ab0d3, 0x5e72843249088d76,
	0x4b8ed0283a6d3df8, 0x78e480405d7b9659, 0x60b6cd004ac94514,
	0x4d5f0a66a23a9daa, 0x7bcb43d769f762a9, 0x63090312bb2c4eee,
	0x4f3a68dbc8f03f25, 0x7ec3daf941806507, 0x65697bfa9acd1da0,
	0x51212ffbaf0a7e19, 0x40e7599625a1fe7b,
};

/* floor(a / 2^n), also for a < 0 */
static int32_t
floor_shift(int32_t a, int n)
{
	return a >= 0 ? a >> n : -((-a - 1) >> n) - 1;
}

/* floor(q log10 2), for |q| <= 300 */
static int
flog10_pow2(int q)
{
	return floor_shift((int32_t)q * 78913, 18);
}

/* floor(q log10 2 + log10 3/4), for |q| <= 150 */
static int
flog10_3q_pow2(int q)
{
	return floor_shift((int32_t)q * 78913 - 32752, 18);
}

/* floor(e log2 10), for |e| <= 60 */
static int
flog2_pow10(int e)
{
	return floor_shift((int32_t)e * 1741647, 19);
}

/*
 * floor(g cb 2^h / 2^64) rounded to odd at bit 31, that is g cb 2^(h-95)
 * rounded to odd; for cb < 2^32 and 32 <= h <= 64 (here 33 <= h <= 36)
 * two 32x32-bit products give g cb exactly, or one 64x64-bit.
 */
#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 uint128;
#endif

static uint32_t
rop(uint64_t g, uint32_t cb, int h)
{
#if defined(__SIZEOF_INT128__)
	/* one 64x64-bit product, when the compiler has them */
	uint64_t x = (uint64_t)((uint128)g * cb >> (64 - h));
#else
	uint64_t hi = (g >> 32) * cb, lo = (g & 0xffffffff) * cb;
	uint64_t x = (hi << (h - 32)) + (lo >> (64 - h));
#endif

	return (uint32_t)(x >> 31) | ((x & 0x7fffffff) != 0);
}

/* f 10^e: the shortest decimal in Rv of v = c 2^q, the closest to v */
static inline void
shortest(uint32_t c, int q, int irregular, uint32_t *f, int *e)
{
	uint32_t cb = c << 2, cbl, cbr = cb + 2, out = c & 1;
	uint32_t vb, vbl, vbr, s, sp10, tp10;
	uint64_t g;
	int k, h;
	int64_t cmp;

	if (irregular) {
		/* c = 2^23: v's lower neighbour is nearer */
		cbl = cb - 1;
		k = flog10_3q_pow2(q);
	} else {
		cbl = cb - 2;
		k = flog10_pow2(q);
	}
	h = q + flog2_pow10(-k) + 33;
	g = pow10_g[k - G_KMIN];
	vb = rop(g, cb, h);
	vbl = rop(g, cbl, h);
	vbr = rop(g, cbr, h);

	/* one multiple of 10^(k+1) in Rv: it is the shortest */
	s = vb >> 2;
	sp10 = s / 10 * 10;
	tp10 = sp10 + 10;
	if ((vbl + out <= sp10 << 2) != ((tp10 << 2) + out <= vbr)) {
		*f = vbl + out <= sp10 << 2 ? sp10 : tp10;
		*e = k;
		return;
	}

	/* s 10^k or (s+1) 10^k, the one in Rv or else the closer to v */
	*e = k;
	if ((vbl + out <= s << 2) != (((s + 1) << 2) + out <= vbr)) {
		*f = vbl + out <= s << 2 ? s : s + 1;
		return;
	}
	cmp = (int64_t)vb - (int64_t)(2 * s + 1) * 2;
	*f = cmp < 0 || (cmp == 0 && (s & 1) == 0) ? s : s + 1;
}

/* "00" to "99" */
static const char pairs[] =
	"00010203040506070809101112131415161718192021222324252627282930313233"
	"34353637383940414243444546474849505152535455565758596061626364656667"
	"6869707172737475767778798081828384858687888990919293949596979899";

/* 10^0 .. 10^9 */
static const uint32_t pow10_u32[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000,
};

/* the number of decimal digits of f > 0: floor(log10 f) + 1 */
static int
ndigits(uint32_t f)
{
	int b, t;

#if defined(__GNUC__)
	b = 32 - __builtin_clz(f);
#else
	for (b = 0; b < 32 && f >> b != 0; b++)
		;
#endif
	/* 1233 / 4096 ~ log10 2: t is floor(log10 f) or one more */
	t = b * 1233 >> 12;
	return t + (f >= pow10_u32[t]);
}

/* the number of zero bytes at the top of w != 0 */
static int
high_zero_bytes(uint64_t w)
{
#if defined(__GNUC__)
	return __builtin_clzll(w) >> 3;
#else
	int n = 0;

	while ((w >> (56 - 8 * n) & 0xff) == 0)
		n++;
	return n;
#endif
}

/*
 * the 8 digits of v < 10^8, one a byte, the first in the low byte: four
 * and four in two 32-bit lanes, then two and two in 16-bit lanes, then
 * bytes; each lane divided by a multiplication exact for its range
 */
static uint64_t
digits8(uint32_t v)
{
	uint64_t w = v / 10000 | (uint64_t)(v % 10000) << 32, t;

	t = (w * 10486) >> 20 & 0x0000007f0000007f;	/* / 100 */
	w = t | (w - t * 100) << 16;
	t = (w * 103) >> 10 & 0x000f000f000f000f;	/* / 10 */
	return t | (w - t * 10) << 8;
}

/* w's 8 bytes at p, the low byte first */
static void
store8(char *p, uint64_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(p, &w, sizeof(w));
#else
	int i;

	for (i = 0; i < 8; i++)
		p[i] = (char)(w >> 8 * i);
#endif
}

/*
 * f 10^e (0 < f < 10^9) at p, NUL-terminated: d.ddde+XX when sci, else
 * positional, like numpy; trailing zeros of f dropped.  f scaled to
 * exactly 9 digits is d0 and the 8 bytes of w; the first m of them count.
 * Writes at most 18 bytes from p and returns the length.
 */
static inline size_t
layout(uint32_t f, int e, int sci, char *p)
{
	char *s = p, d0;
	uint64_t w;
	int n, m, x;

	n = ndigits(f);
	f *= pow10_u32[9 - n];
	d0 = (char)('0' + f / 100000000);
	w = digits8(f % 100000000);
	m = w == 0 ? 1 : 9 - high_zero_bytes(w);
	w |= 0x3030303030303030;	/* '0' in every byte */
	x = e + n - 1;			/* the power of ten of d0 */
	if (sci) {
		/* d.ddde-XX, de+XX: |x| < 100 for a float */
		p[0] = d0;
		p[1] = '.';
		store8(p + 2, w);
		p += m > 1 ? m + 1 : 1;
		p[0] = 'e';
		p[1] = x < 0 ? '-' : '+';
		x = x < 0 ? -x : x;
		p[2] = pairs[2 * x];
		p[3] = pairs[2 * x + 1];
		p += 4;
	} else if (x < 0) {
		/* 0.000ddd: 1 - x bytes before d0, -7 <= x < 0 (here >= -4) */
		store8(p, 0x3030303030302e30);
		p += 1 - x;
		p[0] = d0;
		store8(p + 1, w);
		p += m;
	} else if (m <= x + 1) {
		/* ddd000: x + 1 digits, for x < 17 */
		p[0] = d0;
		store8(p + 1, w);
		store8(p + 9, 0x3030303030303030);
		p += x + 1;
	} else {
		/* ddd.ddd: x + 1 digits, the point, the other m - x - 1 */
		p[0] = d0;
		store8(p + 1, w);
		p[x + 1] = '.';
		store8(p + x + 2, w >> 8 * x);
		p += m + 1;
	}
	*p = '\0';
	return (size_t)(p - s);
}

/* a fixed word into buf */
static size_t
put(char *buf, const char *s)
{
	size_t n = strlen(s);

	memcpy(buf, s, n + 1);
	return n;
}

/*
 * Positional for fl32 bits of |x| in [POS_MIN, POS_END): the least float
 * >= the double 1e-4 (fl32(1e-4) is below it) and the least >= 1e16.
 */
#define POS_MIN	0x38d1b718
#define POS_END	0x5a0e1bca

/*
 * x as the shortest decimal that reads back to it, the closest to x of
 * those; positional when 1e-4 <= |x| < 1e16 (x's exact value against the
 * doubles 1e-4 and 1e16, as numpy compares: fl32(1e-4) is "1e-04"), else
 * scientific as numpy prints a float32 ("1e-07", "3.4028235e+38"); no
 * trailing ".0"; "nan", "inf", "-inf", "-0".  buf holds NN_FMT_MAX bytes.
 */
static inline size_t
fmt_one(float x, char *buf)
{
	uint32_t bits, a, t, c, f;
	int bq, q, e, sci, neg;
	char *p = buf;

	memcpy(&bits, &x, sizeof(bits));
	a = bits & 0x7fffffff;
	neg = (int)(bits >> 31);
	if (a >= 0x7f800000) {
		if (a > 0x7f800000)
			return put(buf, "nan");
		return put(buf, neg ? "-inf" : "inf");
	}
	*p = '-';
	p += neg;
	if (a == 0) {
		p[0] = '0';
		p[1] = '\0';
		return (size_t)(p + 1 - buf);
	}
	sci = a < POS_MIN || a >= POS_END;
	bq = (int)(a >> 23);
	t = a & 0x7fffff;
	if (bq == 0) {
		/* subnormal: c 2^-149 */
		shortest(t, -149, 0, &f, &e);
		return (size_t)(p - buf) + layout(f, e, sci, p);
	}
	c = t | 0x800000;
	q = bq - 150;
	if (q < 0 && q > -24 && (c & ((1u << -q) - 1)) == 0)
		/* an integer below 2^23: its own digits are the shortest */
		return (size_t)(p - buf) + layout(c >> -q, 0, sci, p);
	shortest(c, q, t == 0 && bq > 1, &f, &e);
	return (size_t)(p - buf) + layout(f, e, sci, p);
}

size_t
nn_fmt_float(float x, char *buf)
{
	return fmt_one(x, buf);
}

/*
 * v[0..n) as nn_fmt_float prints them, each followed by sep, into buf of
 * n NN_FMT_MAX bytes, not NUL-terminated; returns the length
 */
size_t
nn_fmt_floats(const float *v, size_t n, int sep, char *buf)
{
	char *p = buf;
	size_t i;

	for (i = 0; i < n; i++) {
		p += fmt_one(v[i], p);
		*p++ = (char)sep;
	}
	return (size_t)(p - buf);
}
