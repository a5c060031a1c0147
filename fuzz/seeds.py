#!/usr/bin/python3
# Writes the seed corpora in fuzz/corpus/ (run from fuzz/; needs numpy).
# Crashing inputs the fuzzers found are added beside these by hand.
import io
import os
import struct

import numpy as np


def w(d, name, data):
    if isinstance(data, str):
        data = data.encode()
    os.makedirs(os.path.join('corpus', d), exist_ok=True)
    with open(os.path.join('corpus', d, name), 'wb') as f:
        f.write(data)


def npy(a):
    b = io.BytesIO()
    np.save(b, a)
    return b.getvalue()


READ = {
    'vector': "1 2 3\n",
    'matrix': "1 2\n3 4\n",
    '3d': "1 2\n3 4\n\n5 6\n7 8\n",
    '4d': "1 2\n\n3 4\n\n\n5 6\n\n7 8\n",
    'brackets': "[[1, 2], [3, 4]]\n",
    'brackets-1d': "[0 1 2]\n",
    'numpy-print': "[[0.1 0.2 0.3]\n [0.4 0.5 0.6]]\n",
    'numpy-3d': "[[[1. 2.]\n  [3. 4.]]\n\n [[5. 6.]\n  [7. 8.]]]\n",
    'comments': "# a comment\n1 2 # more\n\n# between\n3 4\n",
    'csv': "1,2,3\n4,5,6\n",
    'specials': "nan inf -inf 1e-45 0x1p-3 -0 NaN -Infinity 3.4028235e+38\n",
    'crlf': "1 2\r\n3 4\r\n",
    'ragged': "1 2 3\n4 5\n",
    'empty': "",
    'blank-lines': "\n\n1 2\n\n\n\n3 4\n",
    'tolist': "[[1.0, 2.5], [3.25, -4.0]]\n",
}
for k, v in READ.items():
    w('read', k, v)
w('read', 'npy-f4', npy(np.arange(6, dtype='<f4').reshape(2, 3)))
w('read', 'npy-f8', npy(np.linspace(-1, 1, 8).reshape(2, 2, 2)))
w('read', 'npy-1d', npy(np.array([1.5, np.nan, np.inf], dtype='<f4')))
w('read', 'npy-0d', npy(np.float32(3)))

PARAMS = {
    'text': "0.1 0.2 0.3\n-0.4 0.5 0.6\n0 0 0\n",
    'brackets': "[[0.1, 0.2], [0.3, 0.4], [0, 0]]\n",
    'vector': "1 2 3\n",
    'specials': "nan inf\n-inf 1e-45\n0 -0\n",
}
for k, v in PARAMS.items():
    w('params', k, v)
w('params', 'npy', npy(np.ones((3, 2), dtype='<f4')))

TOKENS = [
    "0.1", "3.0", "1e-7", "-0.0", "123456789", "0x1p-3", "nan", "INF",
    "-Infinity", "1e39", "1e-50", "3.4028235e+38", "3.4028236e38",
    "340282356779733661637539395458142568448",
    "1.00000005960464477539062499", "1." + "0" * 70 + "1", "+.5e+2", ".",
    "e5", "1e", "nan(123)", "0x.8p1", "4.9406564584124654e-324", "1.4e-45",
    "7.006492321624085e-46", "0.000099999997", "9007199254740993", "1e22",
    "1e23", "16777217", " 1", "1 ", "0x", "-", "1e+",
    "2.7182818284590452353602874713527", "1e-38", "1.17549435e-38",
    "00000000000000000000001",
]
for i, t in enumerate(TOKENS):
    w('parse', 't%02d' % i, t)


# state: byte 0 is algo | (rows - 1) << 2 | (cols - 1) << 4 | momentum << 6
def state(algo, rows, cols, body, mom=0, step=3, header=None):
    name = ['sgd', 'adagrad', 'rmsprop', 'adam'][algo]
    header = header or ("# nn-optim %s step %d params @P prev "
                        "0123456789abcdef\n" % (name, step))
    return (bytes([algo | (rows - 1) << 2 | (cols - 1) << 4 | mom << 6]) +
            (header + body).encode())


w('state', 'sgd', state(0, 2, 3, ""))
w('state', 'sgd-momentum', state(0, 2, 3, "0.1 0.2 0.3\n0.4 0.5 0.6\n",
                                 mom=1))
w('state', 'adagrad', state(1, 2, 2, "1 2\n3 4\n"))
w('state', 'rmsprop-vector', state(2, 1, 3, "1 2 3\n"))
w('state', 'adam', state(3, 2, 2, "0.1 0.2\n0.3 0.4\n\n1 2\n3 4\n"))
w('state', 'adam-brackets',
  state(3, 2, 2, "[[[0.1, 0.2], [0.3, 0.4]], [[1, 2], [3, 4]]]\n"))
w('state', 'adam-old-header',
  state(3, 1, 1, "0.5\n\n2\n", header="# nn-optim adam step 7\n"))
w('state', 'cut-off',
  state(3, 1, 1, "0.5\n\n2\n",
        header="# nn-optim adam step 7 params 0000000000000000 prev @P\n"))


def idx(code, dims, data):
    return (b'\0\0' + bytes([code, len(dims)]) +
            b''.join(struct.pack('>I', d) for d in dims) + data)


w('idx', 'labels', idx(8, [5], bytes([0, 1, 2, 9, 255])))
w('idx', 'images', idx(8, [2, 2, 3], bytes(range(12))))
w('idx', 'bytes', idx(9, [4], bytes([0, 127, 128, 255])))
w('idx', 'shorts', idx(0x0b, [2, 2], struct.pack('>4h', 1, -1, 32767, -32768)))
w('idx', 'ints', idx(0x0c, [3], struct.pack('>3i', 16777217, -5, 2**31 - 1)))
w('idx', 'floats', idx(0x0d, [2], struct.pack('>2f', 0.1, float('nan'))))
w('idx', 'doubles', idx(0x0e, [3], struct.pack('>3d', 0.1, 1e300, -0.0)))
w('idx', 'trailing', idx(8, [1], bytes([1, 2])))
