#!/usr/bin/python3
"""Regenerate the reference vectors in tests/ref/.

Run by hand only (the test suite never runs Python):

    cd tests/ref && /usr/bin/python3 gen.py

Needs Debian's numpy 1.24.2 (python3-numpy) using Debian's *reference* BLAS
(update-alternatives --display libblas.so.3-x86_64-linux-gnu must point to
/usr/lib/x86_64-linux-gnu/blas/libblas.so.3) on an x86-64 CPU with AVX2 and
without AVX512F (numpy's float32 exp kernel is chosen at run time).

The Python package nnfs is not needed: nnfs.init(), spiral_data() and
vertical_data() are reproduced below from the nnfs sources (nnfs/core.py,
nnfs/datasets/spiral.py, nnfs/datasets/vertical.py).  See README.md.
"""

import os
import sys
import warnings
from fractions import Fraction

import numpy as np

OUT = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# the nnfs.init() shim (nnfs/core.py, made undoable)
# ---------------------------------------------------------------------------

_ORIG = {
    'dot': np.dot,
    'zeros': np.zeros,
    'eye': np.eye,
    'randn': np.random.randn,
}


def nnfs_init(dot_precision_workaround=True, default_dtype='float32',
              random_seed=0):
    """Same effect as nnfs.init() with its default arguments."""
    nnfs_uninit()
    if dot_precision_workaround:
        orig_dot = _ORIG['dot']

        def dot(*args, **kwargs):
            # nnfs: orig_dot(*[a.astype('float64') for a in args], **kwargs)
            #           .astype('float32')
            conv = [a.astype('float64') if hasattr(a, 'astype')
                    else np.asarray(a, dtype=np.float64) for a in args]
            return orig_dot(*conv, **kwargs).astype('float32')
        np.dot = dot

    if default_dtype:
        orig_zeros, orig_eye, orig_randn = (_ORIG['zeros'], _ORIG['eye'],
                                            _ORIG['randn'])

        def zeros(*args, **kwargs):
            if len(args) <= 1 and 'dtype' not in kwargs:
                kwargs['dtype'] = default_dtype
            return orig_zeros(*args, **kwargs)

        def eye(*args, **kwargs):
            if len(args) <= 1 and 'dtype' not in kwargs:
                kwargs['dtype'] = default_dtype
            return orig_eye(*args, **kwargs)

        def randn(*args, **kwargs):
            return orig_randn(*args, **kwargs).astype(default_dtype)

        np.zeros = zeros
        np.eye = eye
        np.random.randn = randn

    if random_seed is not None:
        np.random.seed(random_seed)


def nnfs_uninit():
    """Back to plain numpy (not part of nnfs; lets one script do both)."""
    np.dot = _ORIG['dot']
    np.zeros = _ORIG['zeros']
    np.eye = _ORIG['eye']
    np.random.randn = _ORIG['randn']


# ---------------------------------------------------------------------------
# nnfs.datasets, verbatim
# ---------------------------------------------------------------------------

def spiral_data(samples, classes):
    X = np.zeros((samples*classes, 2))
    y = np.zeros(samples*classes, dtype='uint8')
    for class_number in range(classes):
        ix = range(samples*class_number, samples*(class_number+1))
        r = np.linspace(0.0, 1, samples)
        t = np.linspace(class_number*4, (class_number+1)*4, samples) + \
            np.random.randn(samples)*0.2
        X[ix] = np.c_[r*np.sin(t*2.5), r*np.cos(t*2.5)]
        y[ix] = class_number
    return X, y


def vertical_data(samples, classes):
    X = np.zeros((samples*classes, 2))
    y = np.zeros(samples*classes, dtype='uint8')
    for class_number in range(classes):
        ix = range(samples*class_number, samples*(class_number+1))
        X[ix] = np.c_[np.random.randn(samples)*.1 + (class_number)/3,
                      np.random.randn(samples)*.1 + 0.5]
        y[ix] = class_number
    return X, y


# ---------------------------------------------------------------------------
# the notes' classes (sections 10 and 12; typos fixed, softmax with axis=1)
# ---------------------------------------------------------------------------

class Layer_Dense:
    def __init__(self, n_inputs, n_neurons):
        self.weights = 0.10 * np.random.randn(n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons))

    def forward(self, inputs):
        self.output = np.dot(inputs, self.weights) + self.biases


class Activation_ReLU:
    def forward(self, inputs):
        self.output = np.maximum(0, inputs)


class Activation_Softmax:
    def forward(self, inputs):
        exp_values = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
        self.output = exp_values / np.sum(exp_values, axis=1, keepdims=True)


def softmax(x):
    a = Activation_Softmax()
    a.forward(x)
    return a.output


# ---------------------------------------------------------------------------
# the toolkit's text format
# ---------------------------------------------------------------------------

def fmt32(v):
    """A float32 as the toolkit prints it."""
    v = np.float32(v)
    if np.isnan(v):
        return 'nan'
    if np.isinf(v):
        return 'inf' if v > 0 else '-inf'
    if v == 0:
        return '-0' if np.signbit(v) else '0'
    a = abs(float(v))
    if 1e-4 <= a < 1e16:
        s = np.format_float_positional(v, unique=True, trim='-')
    else:
        s = np.format_float_scientific(v, unique=True, trim='-', exp_digits=2)
    # cross-check against numpy's own float32 str(), minus a trailing ".0"
    t = str(v)
    if t.endswith('.0'):
        t = t[:-2]
    assert s == t, (s, t)
    assert np.float32(s) == v
    return s


def fmtint(v):
    return str(int(v))


def fmt64(v):
    return repr(float(v))


def lines_of(arr, fmt):
    arr = np.asarray(arr)
    if arr.ndim == 0:
        return [fmt(arr)]
    if arr.ndim == 1:
        return [' '.join(fmt(v) for v in arr)]
    assert arr.ndim == 2, arr.shape
    return [' '.join(fmt(v) for v in row) for row in arr]


def write_text(name, text):
    with open(os.path.join(OUT, name), 'w') as f:
        f.write(text)
    written.append(name)


def write(name, arr, fmt=fmt32):
    write_text(name, '\n'.join(lines_of(arr, fmt)) + '\n')


def write_column(name, arr, fmt):
    write_text(name, ''.join(fmt(v) + '\n' for v in np.asarray(arr).ravel()))


def blank_line_layout(arr, fmt=fmt32):
    """N-D tensor: rows of the last axis, separated by k blank lines
    between blocks of axis ndim-2-k (1 between matrices, 2 between 3-D
    blocks, ...)."""
    arr = np.asarray(arr)
    if arr.ndim <= 2:
        return '\n'.join(lines_of(arr, fmt)) + '\n'
    sep = '\n' * (arr.ndim - 2)
    return sep.join(blank_line_layout(sub, fmt) for sub in arr)


def f32_from_decimal(s):
    """Correctly rounded decimal string -> float32 (no double rounding)."""
    exact = Fraction(s)
    c = np.float32(float(s))
    best = c
    for cand in (np.nextafter(c, np.float32(-np.inf)),
                 np.nextafter(c, np.float32(np.inf))):
        d_best = abs(Fraction(float(best)) - exact)
        d_cand = abs(Fraction(float(cand)) - exact)
        if d_cand < d_best or (d_cand == d_best and
                               (cand.view(np.uint32) & 1) == 0):
            best = cand
    return best


# ---------------------------------------------------------------------------

written = []
report = []

NOTES_X = [[1, 2, 3, 2.5],
           [2.0, 5.0, -1.0, 2.0],
           [-1.5, 2.7, 3.3, -0.8]]
NOTES_W = [[0.2, 0.8, -0.5, 1.0],
           [0.5, -0.91, 0.26, -0.5],
           [-0.26, -0.27, 0.17, 0.87]]
NOTES_x = [1, 2, 3, 2.5]


def gen_spiral():
    nnfs_init()
    X, y = spiral_data(100, 3)
    assert X.dtype == np.float32 and X.shape == (300, 2)
    write('spiral-100-3.X', X)
    write_column('spiral-100-3.y', y, fmtint)
    # the next draws NUMPY.md quotes
    nxt = 0.01 * np.random.randn(2, 3)
    assert nxt.dtype == np.float32
    spiral_checks = X

    nnfs_init()
    X, y = spiral_data(5, 2)
    write('spiral-5-2.X', X)
    write_column('spiral-5-2.y', y, fmtint)

    nnfs_init()
    np.random.seed(7)
    X, y = spiral_data(4, 3)
    write('spiral-4-3-seed7.X', X)
    write_column('spiral-4-3-seed7.y', y, fmtint)

    nnfs_init()
    X, y = vertical_data(100, 3)
    assert X.dtype == np.float32
    write('vertical-100-3.X', X)
    write_column('vertical-100-3.y', y, fmtint)
    return spiral_checks, nxt


def gen_sec10():
    nnfs_init()
    np.random.seed(0)
    X = np.array(NOTES_X, dtype=np.float32)
    layer1 = Layer_Dense(4, 5)
    layer2 = Layer_Dense(5, 2)
    assert layer1.weights.dtype == np.float32
    assert layer1.biases.dtype == np.float32
    layer1.forward(X)
    layer2.forward(layer1.output)
    assert layer2.output.dtype == np.float32
    write('dense-4-5.params', np.vstack([layer1.weights, layer1.biases]))
    write('dense-5-2.params', np.vstack([layer2.weights, layer2.biases]))
    write('sec10-layer1.out', layer1.output)
    write('sec10-layer2.out', layer2.output)
    out32 = layer2.output

    # the same, as the notes' code runs without nnfs (all float64)
    nnfs_uninit()
    np.random.seed(0)
    layer1 = Layer_Dense(4, 5)
    layer2 = Layer_Dense(5, 2)
    layer1.forward(NOTES_X)
    layer2.forward(layer1.output)
    assert layer2.output.dtype == np.float64
    write('sec10-layer2-float64.out', layer2.output, fmt64)
    diff = np.max(np.abs(out32.astype(np.float64) - layer2.output))
    report.append('sec10: max |float32 - float64| of layer2 = %r' % diff)


def gen_sec12():
    nnfs_init()
    X, y = spiral_data(100, 3)
    dense = Layer_Dense(2, 5)
    relu = Activation_ReLU()
    dense.forward(X)
    relu.forward(dense.output)
    assert relu.output.dtype == np.float32
    sm = softmax(relu.output)
    sm_dense = softmax(dense.output)
    assert sm.dtype == np.float32 and sm_dense.dtype == np.float32
    write('sec12-dense.params', np.vstack([dense.weights, dense.biases]))
    write('sec12-dense.out', dense.output)
    write('sec12-relu.out', relu.output)
    write('sec12-softmax.out', sm)
    write('sec12-softmax-dense.out', sm_dense)


def gen_softmax():
    write('softmax-123.out', softmax(np.array([[1, 2, 3]], dtype=np.float32)))
    large = np.array([[1000, 1001, 1002],
                      [3.0e38, 3.0e38, -3e38],
                      [88, 89, 90],
                      [-1000, 0, 1000]], dtype=np.float32)
    write('softmax-large.in', large)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        out = softmax(large)
        if w:
            report.append('softmax-large: numpy warned: %s (row 2: '
                          '-3e38 - 3e38 overflows to -inf, exp(-inf) = 0)'
                          % '; '.join(str(x.message) for x in w))
    assert np.all(np.isfinite(out))
    write('softmax-large.out', out)
    write('softmax-3-1-02.out',
          softmax(np.array([[3, 1, 0.2]], dtype=np.float32)))


def gen_dot():
    # section 8 with numpy's defaults (int64 here), printed as float32
    nnfs_uninit()
    a = np.array([1, 2, 3])
    b = np.array([3, 2, 1])
    write('dot-a.in', a.astype(np.float32))
    write('dot-b.in', b.astype(np.float32))
    write('dot-ab.out', np.array(np.dot(a, b)).astype(np.float32))

    nnfs_init()
    W = np.array(NOTES_W, dtype=np.float32)
    x = np.array(NOTES_x, dtype=np.float32)
    X = np.array(NOTES_X, dtype=np.float32)
    write('dot-w.in', W)
    write('dot-x.in', x)
    wx = np.dot(W, x)
    xwt = np.dot(x, W.T)
    assert wx.dtype == np.float32 and np.array_equal(wx, xwt)
    write('dot-wx.out', wx)
    write('dot-xwt.out', xwt)
    write('dot-X.in', X)
    write('dot-XWt.out', np.dot(X, W.T))
    write('transpose-W.out', W.T)

    cases = [('dot-misaligned.err', lambda: np.dot(x, W)),
             ('dot-misaligned-WW.err', lambda: np.dot(W, W)),
             ('dot-misaligned-23-4.err',
              lambda: np.dot(np.zeros((2, 3)), np.zeros(4))),
             ('dot-misaligned-3-4.err',
              lambda: np.dot(np.zeros(3), np.zeros(4)))]
    for name, f in cases:
        msgs = []
        for init in (nnfs_uninit, nnfs_init):   # same text either way
            init()
            try:
                f()
            except ValueError as e:
                msgs.append(str(e))
            else:
                raise AssertionError(name + ': no error')
        assert msgs[0] == msgs[1], msgs
        write_text(name, msgs[0] + '\n')


def gen_shapes():
    nnfs_uninit()
    np.random.seed(0)
    arr = np.random.rand(2, 3, 4, 5)
    printed = str(arr) + '\n'          # what print(arr) writes
    write_text('rand4d.in', printed)
    write_text('rand4d.shape', str(arr.shape) + '\n')
    # the tensor the printed text denotes, as float32 (correctly rounded
    # from the printed decimals, which is what a reader of rand4d.in gets)
    toks = printed.replace('[', ' ').replace(']', ' ').split()
    assert len(toks) == arr.size
    from_text = np.array([f32_from_decimal(t) for t in toks],
                         dtype=np.float32).reshape(arr.shape)
    via_double = np.array([np.float32(float(t)) for t in toks],
                          dtype=np.float32).reshape(arr.shape)
    exact = arr.astype(np.float32)
    report.append('rand4d: %d of %d printed values round (as float32) to '
                  'something other than float32(exact value); %d differ '
                  'between strtof and strtod+cast'
                  % (np.sum(from_text != exact), arr.size,
                     np.sum(from_text != via_double)))
    write_text('rand4d.txt', blank_line_layout(from_text))

    write_text('3d.in', '[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]\n')
    t3 = np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])
    write_text('3d.txt', blank_line_layout(t3.astype(np.float32)))
    write_text('3d.shape', str(t3.shape) + '\n')


def gen_rng():
    nnfs_uninit()
    np.random.seed(0)
    write_column('randn-seed0-20.txt', np.random.randn(20), fmt64)
    np.random.seed(0)
    write_column('rand-seed0-10.txt', np.random.rand(10), fmt64)
    np.random.seed(42)
    write_column('randn-seed42-5.txt', np.random.randn(5), fmt64)
    np.random.seed(0)
    np.random.randn(3)
    odd = np.random.randn(4)
    np.random.seed(0)
    assert np.array_equal(odd, np.random.randn(7)[3:])
    write_column('randn-seed0-odd.txt', odd, fmt64)


def check_numpy_md(X, nxt):
    """NUMPY.md's test vectors."""
    def eq32(v, s):
        return np.float32(v) == np.float32(s) and \
            np.signbit(np.float32(v)) == np.signbit(np.float32(s))
    want = {1: ('0.00299555692', '0.00964660756'),
            2: ('0.0128809698', '0.0155628482'),
            99: ('-0.700584829', '-0.713569164'),
            100: ('-0', '-0'),
            299: ('-0.94278878', '0.333390683')}
    for i, (a, b) in want.items():
        assert eq32(X[i, 0], a) and eq32(X[i, 1], b), (i, X[i])
    nxt_want = ['-0.0130652683', '0.0165813062', '-0.00118164043',
                '-0.00680178218', '0.00666383095', '-0.00460719783']
    assert all(eq32(v, s) for v, s in zip(nxt.ravel(), nxt_want)), nxt
    nnfs_uninit()
    np.random.seed(0)
    assert list(np.random.randn(6)) == [
        1.764052345967664, 0.4001572083672233, 0.9787379841057392,
        2.240893199201458, 1.8675579901499675, -0.977277879876411]
    np.random.seed(0)
    assert list(np.random.rand(5)) == [
        0.5488135039273248, 0.7151893663724195, 0.6027633760716439,
        0.5448831829968969, 0.4236547993389047]
    np.random.seed(42)
    assert list(np.random.randn(3)) == [
        0.4967141530112327, -0.13826430117118466, 0.6476885381006925]
    report.append('NUMPY.md test vectors (spiral X[1], X[2], X[99], X[100], '
                  'X[299], next 0.01*randn(2,3), randn/rand seed 0, randn '
                  'seed 42): all match')


def check_blas():
    blas = '/usr/lib/x86_64-linux-gnu/libblas.so.3'
    target = os.path.realpath(blas)
    if 'openblas' in target or 'blis' in target or 'atlas' in target:
        sys.exit('gen.py: %s -> %s is not the reference BLAS' % (blas, target))
    report.append('BLAS: %s -> %s' % (blas, target))


def main():
    check_blas()
    X, nxt = gen_spiral()
    check_numpy_md(X, nxt)
    gen_sec10()
    gen_sec12()
    gen_softmax()
    gen_dot()
    gen_shapes()
    gen_rng()
    nnfs_uninit()
    for line in report:
        print(line)
    print('wrote %d files: %s' % (len(written), ' '.join(written)))


if __name__ == '__main__':
    main()
