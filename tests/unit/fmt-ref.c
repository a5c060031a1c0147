/*
 * fmt-ref.c: the printer as lib/fmt.c had it before its digits were
 * written 8 at a time (commit faec39f), kept as the reference that the
 * tests hold nn_fmt_float to, byte for byte: ref_fmt_float(x, buf).
 * Schubfach for binary32; see lib/fmt.c for how it works.  Included by
 * test-parse.c and check-floats.c (so that make asan copies it with
 * them), not built on its own.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#define REF_KMIN	(-45)		/* k for the least subnormal */
#define REF_KMAX	31		/* k for FLT_MAX */

/* g(k) = floor(10^-k 2^(62 - floor(log2 10^-k))) + 1, k = KMIN..KMAX */
static const uint64_t ref_pow10_g[REF_KMAX - REF_KMIN + 1] = {
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
ref_floor_shift(int32_t a, int n)
{
	return a >= 0 ? a >> n : -((-a - 1) >> n) - 1;
}

/* floor(q log10 2), for |q| <= 300 */
static int
ref_flog10_pow2(int q)
{
	return ref_floor_shift((int32_t)q * 78913, 18);
}

/* floor(q log10 2 + log10 3/4), for |q| <= 150 */
static int
ref_flog10_3q_pow2(int q)
{
	return ref_floor_shift((int32_t)q * 78913 - 32752, 18);
}

/* floor(e log2 10), for |e| <= 60 */
static int
ref_flog2_pow10(int e)
{
	return ref_floor_shift((int32_t)e * 1741647, 19);
}

/*
 * floor(g cb 2^h / 2^64) rounded to odd at bit 31, that is g cb 2^(h-95)
 * rounded to odd; for cb < 2^32 and 32 <= h <= 64 (here 33 <= h <= 36)
 * two 32x32-bit products give g cb exactly.
 */
static uint32_t
ref_rop(uint64_t g, uint32_t cb, int h)
{
	uint64_t hi = (g >> 32) * cb, lo = (g & 0xffffffff) * cb;
	uint64_t x = (hi << (h - 32)) + (lo >> (64 - h));

	return (uint32_t)(x >> 31) | ((x & 0x7fffffff) != 0);
}

/* f 10^e: the ref_shortest decimal in Rv of v = c 2^q, the closest to v */
static void
ref_shortest(uint32_t c, int q, int irregular, uint32_t *f, int *e)
{
	uint32_t cb = c << 2, cbl, cbr = cb + 2, out = c & 1;
	uint32_t vb, vbl, vbr, s, sp10, tp10;
	uint64_t g;
	int k, h;
	int64_t cmp;

	if (irregular) {
		/* c = 2^23: v's lower neighbour is nearer */
		cbl = cb - 1;
		k = ref_flog10_3q_pow2(q);
	} else {
		cbl = cb - 2;
		k = ref_flog10_pow2(q);
	}
	h = q + ref_flog2_pow10(-k) + 33;
	g = ref_pow10_g[k - REF_KMIN];
	vb = ref_rop(g, cb, h);
	vbl = ref_rop(g, cbl, h);
	vbr = ref_rop(g, cbr, h);

	/* one multiple of 10^(k+1) in Rv: it is the ref_shortest */
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
static const char ref_pairs[] =
	"00010203040506070809101112131415161718192021222324252627282930313233"
	"34353637383940414243444546474849505152535455565758596061626364656667"
	"6869707172737475767778798081828384858687888990919293949596979899";

/* f 10^e in buf, as d.ddde+XX when sci, else positional, like numpy */
static size_t
ref_layout(int neg, uint32_t f, int e, int sci, char *buf)
{
	char dig[10], *p = buf;
	uint64_t pow;
	int n, i, x;

	while (f % 10 == 0) {
		f /= 10;
		e++;
	}
	for (n = 1, pow = 10; f >= pow; n++)
		pow *= 10;
	/* dig[0..n) gets f's digits, two at a time from the right */
	for (i = n; f >= 100; f /= 100, i -= 2)
		memcpy(dig + i - 2, ref_pairs + f % 100 * 2, 2);
	if (f >= 10)
		memcpy(dig, ref_pairs + f * 2, 2);
	else
		dig[0] = (char)('0' + f);
	x = e + n - 1;		/* the power of ten of the leading digit */
	if (neg)
		*p++ = '-';
	if (sci) {
		*p++ = dig[0];
		if (n > 1)
			*p++ = '.';
		for (i = 1; i < n; i++)
			*p++ = dig[i];
		*p++ = 'e';
		*p++ = x < 0 ? '-' : '+';
		x = x < 0 ? -x : x;
		if (x >= 100)
			*p++ = (char)('0' + x / 100);
		memcpy(p, ref_pairs + x % 100 * 2, 2);
		p += 2;
	} else if (x < 0) {
		/* 0.000ddd */
		*p++ = '0';
		*p++ = '.';
		for (i = x + 1; i < 0; i++)
			*p++ = '0';
		for (i = 0; i < n; i++)
			*p++ = dig[i];
	} else {
		/* ddd.ddd or ddd000 */
		for (i = 0; i < n; i++) {
			*p++ = dig[i];
			if (i == x && i < n - 1)
				*p++ = '.';
		}
		for (i = 0; i < e; i++)
			*p++ = '0';
	}
	*p = '\0';
	return (size_t)(p - buf);
}

/* a fixed word into buf */
static size_t
ref_put(char *buf, const char *s)
{
	size_t n = strlen(s);

	memcpy(buf, s, n + 1);
	return n;
}

/*
 * x as the ref_shortest decimal that reads back to it, the closest to x of
 * those; positional when 1e-4 <= |x| < 1e16 (x's exact value against the
 * doubles 1e-4 and 1e16, as numpy compares: fl32(1e-4) is "1e-04"), else
 * scientific as numpy prints a float32 ("1e-07", "3.4028235e+38"); no
 * trailing ".0"; "nan", "inf", "-inf", "-0".  buf holds NN_FMT_MAX bytes.
 */
static size_t
ref_fmt_float(float x, char *buf)
{
	uint32_t bits, t, c, f;
	int bq, q, e, neg, sci;

	sci = !(fabs((double)x) >= 1e-4 && fabs((double)x) < 1e16);
	memcpy(&bits, &x, sizeof(bits));
	neg = (int)(bits >> 31);
	bq = (int)(bits >> 23 & 0xff);
	t = bits & 0x7fffff;
	if (bq == 0xff) {
		if (t != 0)
			return ref_put(buf, "nan");
		return ref_put(buf, neg ? "-inf" : "inf");
	}
	if (bq == 0 && t == 0)
		return ref_put(buf, neg ? "-0" : "0");
	if (bq == 0) {
		/* subnormal: c 2^-149 */
		ref_shortest(t, -149, 0, &f, &e);
		return ref_layout(neg, f, e, sci, buf);
	}
	c = t | 0x800000;
	q = bq - 150;
	if (q < 0 && q > -24 && (c & ((1u << -q) - 1)) == 0)
		/* an integer below 2^23: its own digits are the ref_shortest */
		return ref_layout(neg, c >> -q, 0, sci, buf);
	ref_shortest(c, q, t == 0 && bq > 1, &f, &e);
	return ref_layout(neg, f, e, sci, buf);
}
