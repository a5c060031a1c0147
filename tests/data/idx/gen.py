#!/usr/bin/python3
# Makes the tiny IDX files of tests/t-idx.sh: one per element type, and the
# broken ones of its error tests.  Run from this folder: python3 gen.py
# scaled.txt is numpy's (uint8.astype(np.float32) - 127.5) / 127.5 of
# bytes.idx2-ubyte, nnfs's chapter 19 scaling, as the toolkit prints it.
import gzip
import os
import struct

import numpy as np


def idx(path, code, fmt, dims, values, extra=b""):
    head = struct.pack(">BBBB", 0, 0, code, len(dims))
    head += struct.pack(">%dI" % len(dims), *dims)
    data = struct.pack(">%d%s" % (len(values), fmt), *values)
    with open(path, "wb") as f:
        f.write(head + data + extra)
    return head + data


labels = idx("labels.idx1-ubyte", 0x08, "B", [5], [9, 0, 0, 3, 2])
idx("images.idx3-ubyte", 0x08, "B", [2, 3, 4], range(0, 240, 10))
idx("cube.idx4-ubyte", 0x08, "B", [2, 2, 2, 2], range(16))
idx("bytes.idx2-ubyte", 0x08, "B", [16, 16], range(256))
idx("byte.idx1", 0x09, "b", [5], [-128, -1, 0, 1, 127])
idx("short.idx2", 0x0B, "h", [2, 3], [-32768, -1, 0, 258, 32767, 1000])
idx("int.idx1", 0x0C, "i", [6],
    [-2147483648, -1, 0, 16909060, 16777217, 2147483647])
idx("float.idx2", 0x0D, "f", [2, 4],
    [0.1, -0.0, 1e-45, 1.5, float("inf"), float("-inf"), float("nan"),
     3.4028234663852886e38])
idx("double.idx1", 0x0E, "d", [6],
    [0.1, -0.0, 1e-320, 1 / 3, 3.4028235e38, float("-inf")])

# the errors
with open("bad-magic.idx", "wb") as f:
    f.write(b"\x01\x02" + labels[2:])
with open("labels.idx1-ubyte.gz", "wb") as f:
    f.write(gzip.compress(labels, mtime=0))
with open("unknown-type.idx", "wb") as f:
    f.write(b"\x00\x00\x0a" + labels[3:])
with open("no-dims.idx", "wb") as f:
    f.write(b"\x00\x00\x08\x00")
with open("short-header.idx", "wb") as f:
    f.write(b"\x00\x00\x08\x03\x00\x00\x00\x02\x00\x00")
with open("empty.idx", "wb") as f:
    pass
# 3 items declared: 2 and 5 bytes of the third present
idx("truncated.idx3-ubyte", 0x08, "B", [3, 3, 4], range(0, 240, 10), bytes(5))
idx("trailing.idx1-ubyte", 0x08, "B", [5], [9, 0, 0, 3, 2], b"\n\n")
idx("range.idx1", 0x0E, "d", [3], [1.0, 2.0, 1e300])
idx("zero-dim.idx2", 0x08, "B", [2, 0], [])
with open("many-dims.idx", "wb") as f:
    f.write(b"\x00\x00\x08\x21" + bytes(4 * 33))

# a Fashion-MNIST in miniature for examples/fashion-mnist/Makefile: 2 x 2
# images, brightest in the corner of their class mod 4
os.makedirs("fm", exist_ok=True)
for name, n in ("train", 40), ("t10k", 20):
    labels = [i % 10 for i in range(n)]
    pixels = [200 if k == y % 4 else 20 for y in labels for k in range(4)]
    for kind, code, dims, values in (("images-idx3", 0x08, [n, 2, 2], pixels),
                                     ("labels-idx1", 0x08, [n], labels)):
        path = "fm/%s-%s-ubyte" % (name, kind)
        with open(path + ".gz", "wb") as f:
            f.write(gzip.compress(idx(path, code, "B", dims, values),
                                  mtime=0))
        os.remove(path)

x = (np.arange(256, dtype=np.uint8).reshape(16, 16).astype(np.float32)
     - 127.5) / 127.5
assert x.dtype == np.float32
with open("scaled.txt", "w") as f:
    for row in x:
        # numpy's shortest digits, without the ".0" of whole numbers
        f.write(" ".join(str(v).removesuffix(".0") for v in row) + "\n")
