#!/usr/bin/python3
# gen-npmath.py: write tests/data/npmath.txt, numpy's own float32 results
#
# Run by hand from the repository root, with Debian's numpy 1.24.2 on an
# x86-64 machine with AVX2 and FMA3 (numpy.show_config() lists AVX2 under
# "found" and AVX512F under "not found"):
#
#	/usr/bin/python3 tests/data/gen-npmath.py > tests/data/npmath.txt
#
# The tests never run this; they read the committed npmath.txt.  Every
# number is a float32 written as its 8 hex digits of bits.  Lines:
#
#	exp X Y			Y = np.exp(X)
#	log X Y			Y = np.log(X)
#	sum R N V1 ... VN	R = np.sum(row, axis=-1) of the row V1..VN
#	max R N V1 ... VN	R = np.max(row, axis=-1) of the row V1..VN
#
# A nan result matches any nan.  Lines starting with # are comments.

import sys

import numpy as np

np.seterr(all="ignore")
f32 = np.float32
rng = np.random.default_rng(20240101)
out = sys.stdout


def bits(x):
    return np.asarray(x, dtype=f32).view(np.uint32)


def hexs(a):
    return ["%08x" % b for b in bits(a).ravel()]


def fromhex(*h):
    return np.array([int(s, 16) for s in h], dtype=np.uint32).view(f32)


def around(x, k):
    """x and its k float32 neighbours on each side"""
    x = f32(x)
    lo, hi = [x], [x]
    for _ in range(k):
        lo.append(np.nextafter(lo[-1], f32(-np.inf)))
        hi.append(np.nextafter(hi[-1], f32(np.inf)))
    return np.array(lo[::-1] + hi[1:], dtype=f32)


def unary(name, fn, parts):
    x = np.concatenate([np.asarray(p, dtype=f32).ravel() for p in parts])
    # one row: numpy's contiguous SIMD loop, as the toolkit's rows get
    y = fn(x)
    out.write("# np.%s, %d cases\n" % (name, x.size))
    for a, b in zip(hexs(x), hexs(y)):
        out.write("%s %s %s\n" % (name, a, b))


specials = fromhex("00000000", "80000000", "7f800000", "ff800000",
    "7fc00000", "ffc00000", "7f800001", "00000001", "80000001",
    "007fffff", "807fffff", "00800000", "80800000", "7f7fffff", "ff7fffff")

exp_parts = [
    specials,
    around(88.72283935546875, 6),          # overflow threshold
    around(88.7228391, 3),                 # ln(FLT_MAX)
    around(-103.97208404541015625, 6),     # underflow threshold
    around(-87.336544, 3),                 # result leaves the normals
    around(-86.6434, 3), around(-86.99, 3),  # k = -125, the division path
    around(0.0, 4), around(1.0, 4), around(-1.0, 4),
    around(88.0, 2), around(-88.0, 2), around(0.5 * np.log(2.0), 3),
    [2.0 ** -k for k in range(1, 150, 4)],
    [-(2.0 ** -k) for k in range(1, 150, 4)],
    rng.uniform(88.0, 88.8, 60),
    rng.uniform(-104.1, -86.0, 120),
    rng.standard_normal(200),
    rng.standard_normal(100) * 10,
    rng.uniform(-30.0, 0.0, 600),          # softmax inputs x - max
    rng.uniform(-1e-3, 1e-3, 40),
    rng.integers(0, 2 ** 32, 100, dtype=np.uint64).astype(np.uint32)
        .view(f32),
    # where rounding x log2e before adding the magic constant (no fused
    # multiply-add) would give another result
    fromhex("c2755fc6", "42a180d8", "c28cb579", "c2118f98", "c2af5dc2"),
]

# a few inputs near the boundaries of numpy's rounding of x log2e
xs = (np.arange(-149, 128) + 0.5) / np.log2(np.e)
exp_parts.append(np.concatenate([around(v, 1) for v in xs[::7]]))

sqrt_half = f32(0.70710677)
log_parts = [
    specials,
    fromhex("3f486945"),                   # numpy's worst case, 3.83 ulp
    [-1.0, -1e-30, -0.5, -100.0, -np.inf],
    fromhex(*["%08x" % v for v in
        rng.integers(1, 0x800000, 60)]),   # denormals
    around(1.0, 40), around(2.0, 3), around(0.5, 3),
    around(1e-7, 3), around(1.0 - 1e-7, 3),  # the cross-entropy clip
    [around(sqrt_half * f32(2.0) ** e, 2) for e in (-126, -20, -1, 0, 1,
        20, 127)],
    rng.uniform(0.0, 1.0, 600),            # probabilities
    rng.uniform(0.7, 1.45, 200),
    np.exp(rng.uniform(-87.0, 88.0, 300)),
    f32(2.0) ** rng.integers(-149, 128, 60).astype(f32),
    rng.integers(0, 2 ** 32, 100, dtype=np.uint64).astype(np.uint32)
        .view(f32),
]


def rows(name, fn, cases):
    out.write("# np.%s(row, axis=-1), %d rows\n" % (name, len(cases)))
    for r in cases:
        r = np.asarray(r, dtype=f32)
        a = r.reshape(1, -1)
        y = fn(a, axis=-1)[0]
        assert bits(y) == bits(fn(r)) or np.isnan(y)
        out.write("%s %s %d %s\n" % (name, hexs(y)[0], r.size,
            " ".join(hexs(r))))


def sumrow(n):
    scale = rng.choice([1.0, 0.01, 100.0, 1e4])
    r = rng.standard_normal(n) * scale
    if rng.random() < 0.3:
        r = np.abs(r)
    return r.astype(f32)


sum_cases = []
for n in range(1, 41):
    sum_cases += [sumrow(n), sumrow(n)]
for n in (127, 128, 129, 300, 1000, 8193):
    sum_cases.append(sumrow(n))
sum_cases += [
    [-0.0, -0.0, -0.0], [-0.0] * 9, [1.0, -1.0], [np.inf, -np.inf],
    [np.nan, 1.0], [np.inf, 1.0], [3.4e38, 3.4e38], [1e-45, -1e-45],
    np.exp(rng.uniform(-30.0, 0.0, 64)),   # softmax denominators
    np.exp(rng.uniform(-30.0, 0.0, 300)),
]

zero_mix = np.array([0.0, -0.0, -1.0, -2.0], dtype=f32)


def maxrow(n, kind):
    if kind == 0:
        return rng.choice(zero_mix, n)     # the sign of a zero max shows order
    r = rng.standard_normal(n).astype(f32)
    if kind == 2 and n > 1:
        r[rng.integers(n)] = np.nan
    return r


max_cases = []
for n in range(1, 81):
    max_cases += [maxrow(n, 0), maxrow(n, 1)]
    if n % 4 == 0:
        max_cases.append(maxrow(n, 2))
for n in (127, 128, 129, 300, 1000):
    max_cases += [maxrow(n, 0), maxrow(n, 1), maxrow(n, 2)]
max_cases.append(maxrow(8200, 0))   # chunks of 8191, then 9
max_cases += [[0.0, -0.0], [-0.0, 0.0], [np.nan], [-np.inf, -np.inf],
    [np.inf, np.nan, 1.0], [1.0, 2.0, np.nan]]

out.write("# numpy %s, generated by tests/data/gen-npmath.py\n"
    % np.__version__)
unary("exp", np.exp, exp_parts)
unary("log", np.log, log_parts)
rows("sum", np.sum, sum_cases)
rows("max", np.max, max_cases)
