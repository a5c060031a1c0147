#!/usr/bin/python3
# Makes the .npy files under tests/data/npy with numpy (1.24.2, Debian's
# python3-numpy), and beside each NAME.npy that reads:
#   NAME.shape  numpy's str(a.shape)
#   NAME.txt    a.astype(float32) as a row-wise command prints it
#   NAME.T.txt  the same of a.T
# and NAME.err for each file that must fail: the message after "prog: FILE",
# from the colon on.
# Run by hand: cd tests/data/npy && /usr/bin/python3 gen.py
# The tests only read the files; they never run Python.
import io
import os
import struct

import numpy as np
import numpy.lib.format as fmt

os.chdir(os.path.dirname(os.path.abspath(__file__)))
for f in os.listdir("."):
    if f != "gen.py" and f != "README":
        os.remove(f)


def num(x):
    """numpy's str(np.float32(x)) without its trailing .0"""
    s = str(np.float32(x))
    return s[:-2] if s.endswith(".0") else s


def layout(a):
    """rows along the last axis, blank lines between blocks, as nn prints"""
    a = np.asarray(a, dtype=np.float32)
    if a.size == 0:
        return ""
    if a.ndim <= 1:
        return " ".join(num(x) for x in a.reshape(-1)) + "\n"
    rows = a.reshape(-1, a.shape[-1])
    out = []
    for i, row in enumerate(rows):
        sep, span = 0, 1
        for k in range(a.ndim - 2, 0, -1):
            if i == 0:
                break
            span *= a.shape[k]
            if i % span:
                break
            sep += 1
        out.append("\n" * sep + " ".join(num(x) for x in row) + "\n")
    return "".join(out)


def good(name, a, version=None, text=True):
    a = np.asarray(a)
    with open(name + ".npy", "wb") as f:
        if version is None:
            np.save(f, a)
        else:
            fmt.write_array(f, a, version=version)
    with open(name + ".shape", "w") as f:
        f.write(str(a.shape) + "\n")
    if a.dtype.kind == "f" and a.dtype.itemsize == 8:
        with np.errstate(over="raise"):
            b = a.astype(np.float32)
    else:
        b = a.astype(np.float32)
    if text:
        with open(name + ".txt", "w") as f:
            f.write(layout(b))
        with open(name + ".T.txt", "w") as f:
            f.write(layout(b.T))


def err_text(err):
    """the place (line:field: for a value) and the message"""
    return (":" if err[0].isdigit() else ": ") + err + "\n"


def raw(name, header, data=b"", version=(1, 0), err=None):
    """a .npy with this header text, padded as numpy pads it"""
    h = header.encode("utf-8")
    pre = 10 if version[0] == 1 else 12
    pad = 64 - (pre + len(h) + 1) % 64
    h = h + b" " * pad + b"\n"
    lenfmt = "<H" if version[0] == 1 else "<I"
    b = b"\x93NUMPY" + bytes(version) + struct.pack(lenfmt, len(h)) + h
    with open(name + ".npy", "wb") as f:
        f.write(b + data)
    if err is not None:
        with open(name + ".err", "w") as f:
            f.write(err_text(err))


def bad(name, a, err, cut=0, extra=b"", **kw):
    f = io.BytesIO()
    if kw:
        fmt.write_array(f, np.asarray(a), **kw)
    else:
        np.save(f, a)
    b = f.getvalue()
    if cut:
        b = b[:-cut]
    with open(name + ".npy", "wb") as f:
        f.write(b + extra)
    with open(name + ".err", "w") as f:
        f.write(err_text(err))


x23 = np.array([[0.1, -2, 3.5], [1e-7, -0.0, 123456789]], np.float32)
good("f4-2x3", x23)
with open("f4-2x3.f8.npy", "wb") as f:
    np.save(f, x23.astype(np.float64))
good("f4-v2", x23, version=(2, 0))
good("f4-v3", x23, version=(3, 0))
good("f4-3", np.array([1, -0.5, 0.25], np.float32))
good("f4-2x2x3", np.arange(12, dtype=np.float32).reshape(2, 2, 3) / 8)
good("f4-2x2x1x3", np.arange(12, dtype=np.float32).reshape(2, 2, 1, 3) - 6)
good("f4-1x3", np.array([[1, 2, 3]], np.float32))
good("f4-0d", np.float32(2.5))
good("f4-0x3", np.zeros((0, 3), np.float32))
good("f4-2x0", np.zeros((2, 0), np.float32))
good("f4-nan", np.array([np.nan, np.inf, -np.inf, -0.0], np.float32))
# the spiral data set of tests/ref, to check numpy's header padding on 300
good("f4-spiral", np.loadtxt("../../ref/spiral-100-3.X", dtype=np.float32))
# float64 values that round: 0.1, 1/3, the smallest subnormal, an underflow,
# the largest float32, and the double just below the edge where float32
# rounds to inf (FLT_MAX + half an ulp, 2^128 - 2^103), nan, inf
edge = 2.0**128 - 2.0**103
good("f8-8", np.array([0.1, 1 / 3, 2.0**-149, 1e-50, 3.4028235e38,
                       np.nextafter(edge, 0), np.nan, -np.inf]))
good("f2-5", np.array([0.1, -65504, 2.0**-24, np.inf, -0.0], np.float16))
good("i1-4", np.array([-128, 127, 0, -1], np.int8))
good("i2-4", np.array([-32768, 32767, 0, -1], np.int16))
good("i4-4", np.array([-2**31, 2**31 - 1, 2**24 + 1, -7], np.int32))
good("i8-5", np.array([-2**63, 2**63 - 1, 2**24 + 1, 2**24 + 3, -5],
                      np.int64))
good("u1-3", np.array([0, 255, 7], np.uint8))
good("u2-3", np.array([0, 65535, 7], np.uint16))
good("u4-3", np.array([0, 2**32 - 1, 2**24 + 1], np.uint32))
good("u8-3", np.array([0, 2**64 - 1, 2**53 + 1], np.uint64))
good("b1-2x2", np.array([[True, False], [False, True]]))
# Fortran order where it is C order: a single axis longer than 1
raw("fortran-1d", "{'descr': '<f4', 'fortran_order': True, 'shape': (3,), }",
    np.array([1, 2, 3], np.float32).tobytes())
# another spelling numpy reads: double quotes, other key order, no spaces
raw("spelling", '{"shape":(2,3,),"fortran_order":False,"descr":"<f4"}',
    x23.tobytes())
with open("spelling.shape", "w") as f:
    f.write("(2, 3)\n")

# what must fail
bad("big-endian", x23.astype(">f4"),
    "numpy dtype '>f4' is big-endian: not supported")
bad("fortran", np.asfortranarray(x23),
    "numpy array in Fortran order is not supported: "
    "save np.ascontiguousarray(a)")
bad("complex", np.array([1 + 2j], np.complex64),
    "numpy dtype '<c8' is not supported")
bad("unicode", np.array(["hello"]), "numpy dtype '<U5' is not supported")
bad("datetime", np.array(["2020-01-01"], "datetime64[D]"),
    "numpy dtype '<M8[D]' is not supported")
bad("structured", np.zeros(2, [("a", "<f4"), ("b", "<i4")]),
    "numpy structured dtype is not supported")
bad("truncated", x23, "numpy data ends after 4 of 6 values", cut=5)
bad("trailing", x23, "numpy data goes on after 6 values", extra=b"\0\0\0\0")
bad("header-cut", x23, "numpy header ends after 40 of 128 bytes",
    cut=128 + 24 - 40)
bad("f8-range", np.array([1.0, 1e300]), "1:2: 1e+300 is out of float32 range")
# the value as Python's repr prints it
bad("f8-edge", np.array([[1.0], [-edge]]),
    "2:1: %r is out of float32 range" % -edge)
raw("not-dict", "['descr', '<f4']", err="numpy header is not a valid dict "
    "(byte 10)")
raw("no-brace", "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), ",
    err="numpy header is not a valid dict (byte 128)")
raw("shape-int", "{'descr': '<f4', 'fortran_order': False, 'shape': (6), }",
    err="numpy header is not a valid dict (byte 62)")
raw("no-shape", "{'descr': '<f4', 'fortran_order': False, }",
    err="numpy header has no 'shape'")
raw("extra-key", "{'descr': '<f4', 'fortran_order': False, 'shape': (), "
    "'x': 1}", err="numpy header has an unknown key 'x'")
raw("rank-32", "{'descr': '<f4', 'fortran_order': False, 'shape': (" +
    "1, " * 32 + "), }", np.ones(1, np.float32).tobytes(),
    err="numpy array has more than 31 dimensions")
raw("huge", "{'descr': '<f4', 'fortran_order': False, "
    "'shape': (4294967296, 4294967296, 4294967296), }",
    err="numpy shape is too large")
raw("liar", "{'descr': '<f8', 'fortran_order': False, "
    "'shape': (1000000, 1000000), }", np.ones(3).tobytes(),
    err="numpy data ends after 3 of 1000000000000 values")
with open("version-4.npy", "wb") as f:
    f.write(b"\x93NUMPY\x04\x00" + b"\0" * 120)
with open("version-4.err", "w") as f:
    f.write(err_text("numpy format version 4.0 is not supported"))
with open("long-header.npy", "wb") as f:
    f.write(b"\x93NUMPY\x02\x00" + struct.pack("<I", 0xffffffff))
with open("long-header.err", "w") as f:
    f.write(err_text("numpy header of 4294967295 bytes is too long"))
with open("magic-only.npy", "wb") as f:
    f.write(b"\x93NUMPY")
with open("magic-only.err", "w") as f:
    f.write(err_text("numpy header ends after 6 of 10 bytes"))

# every file that numpy reads, numpy reads as we say
for f in sorted(os.listdir(".")):
    if f.endswith(".shape"):
        a = np.load(f[:-6] + ".npy")
        assert str(a.shape) + "\n" == open(f).read(), f
