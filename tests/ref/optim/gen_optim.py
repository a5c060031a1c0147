#!/usr/bin/python3
"""Make the reference files of tests/t-optim.sh in tests/ref/optim/.

Run by hand only (the tests never run Python):

    cd tests/ref/optim && /usr/bin/python3 gen_optim.py

Debian's numpy 1.24.2 (python3-numpy).  The optimizers are the nnfs book's
classes as ../train/gen_train.py writes them (imported, not copied), run on
a stand-in layer whose weights and biases are the rows of an augmented
params file; the text format is ../gen.py's.  See README.md for the files.
"""

import os
import sys

import numpy as np

OUT = os.path.dirname(os.path.abspath(__file__))
REF = os.path.dirname(OUT)
sys.path.insert(0, REF)
sys.path.insert(0, os.path.join(REF, 'train'))
sys.dont_write_bytecode = True     # leave no __pycache__ in tests/ref

from gen import fmt32, lines_of  # noqa: E402
from gen_train import (Optimizer_SGD, Optimizer_Adagrad,  # noqa: E402
                       Optimizer_RMSprop, Optimizer_Adam)

written = []


def write(name, blocks):
    """One or more 2-D arrays, a blank line between them."""
    text = '\n'.join('\n'.join(lines_of(b, fmt32)) + '\n' for b in blocks)
    with open(os.path.join(OUT, name), 'w') as f:
        f.write(text)
    written.append(name)


def read(path):
    return np.array([[np.float32(w) for w in line.split()]
                     for line in open(path)], dtype=np.float32)


class Layer:
    """The attributes an optimizer touches; [W; b] is params' rows."""

    def __init__(self, params, vector=False):
        self.vector = vector
        if vector:              # a 1-D params file: weights only
            self.weights = params.reshape(1, -1).copy()
            self.biases = np.zeros((1, 0), dtype=np.float32)
        else:
            self.weights = params[:-1].copy()
            self.biases = params[-1:].copy()

    def grad(self, g):
        if self.vector:
            self.dweights = g.reshape(1, -1)
            self.dbiases = np.zeros((1, 0), dtype=np.float32)
        else:
            self.dweights = g[:-1]
            self.dbiases = g[-1:]

    def params(self):
        if self.vector:
            return self.weights.reshape(-1)
        return np.vstack([self.weights, self.biases])

    def state(self, names):
        if self.vector:
            return [getattr(self, 'weight_' + n) for n in names]
        return [np.vstack([getattr(self, 'weight_' + n),
                           getattr(self, 'bias_' + n)]) for n in names]


def run(opt, params, grads, vector=False):
    layer = Layer(params, vector)
    for g in grads:
        layer.grad(g)
        opt.pre_update_params()
        opt.update_params(layer)
        opt.post_update_params()
        for a in ('weights', 'biases', 'weight_momentums', 'weight_cache'):
            v = getattr(layer, a, None)
            assert v is None or v.dtype == np.float32, (a, v.dtype)
    return layer


def main():
    rs = np.random.RandomState(3)
    P = rs.standard_normal((4, 3)).astype(np.float32)
    G1 = (0.1 * rs.standard_normal((4, 3))).astype(np.float32)
    G2 = (0.1 * rs.standard_normal((4, 3))).astype(np.float32)
    G1[1, 2] = 0           # a zero gradient: the caches stay 0 there
    V = rs.standard_normal(5).astype(np.float32)
    VG1 = rs.standard_normal(5).astype(np.float32)
    VG2 = rs.standard_normal(5).astype(np.float32)
    write('P', [P])
    write('G1', [G1])
    write('G2', [G2])
    write('V', [V])
    write('VG1', [VG1])
    write('VG2', [VG2])

    def case(name, opt, names, grads=(G1, G2), params=P, vector=False):
        layer = run(opt, params, grads, vector)
        p = layer.params()
        write(name + '.p', [p] if p.ndim == 2 else [p.reshape(1, -1)])
        if names:
            write(name + '.s', layer.state(names))

    case('sgd-1', Optimizer_SGD(), [], grads=(G1,))
    case('sgd-decay', Optimizer_SGD(learning_rate=0.5, decay=0.1), [])
    case('sgd-momentum', Optimizer_SGD(decay=1e-3, momentum=0.9),
         ['momentums'])
    case('adagrad', Optimizer_Adagrad(decay=1e-4), ['cache'])
    case('rmsprop', Optimizer_RMSprop(), ['cache'])
    case('rmsprop-rho', Optimizer_RMSprop(learning_rate=0.02, decay=1e-5,
                                          rho=0.999), ['cache'])
    case('adam', Optimizer_Adam(), ['momentums', 'cache'])
    case('adam-custom', Optimizer_Adam(learning_rate=0.01, decay=1e-2,
                                       epsilon=1e-5, beta_1=0.8,
                                       beta_2=0.99), [])
    case('vector-adagrad', Optimizer_Adagrad(), ['cache'],
         grads=(VG1, VG2), params=V, vector=True)

    # chapter 10's run: the first step must give ../train/ch10-step1.*;
    # a second step with the same gradient continues from the state
    for k in ('1', '2'):
        p0 = read(os.path.join(REF, 'train', 'ch10-step0.p' + k))
        g0 = read(os.path.join(REF, 'train', 'ch10-step0.g' + k))
        p1 = read(os.path.join(REF, 'train', 'ch10-step1.p' + k))
        opt = Optimizer_Adam(learning_rate=0.05, decay=5e-7)
        one = run(opt, p0, [g0]).params()
        assert np.array_equal(one.view(np.uint32), p1.view(np.uint32))
        opt = Optimizer_Adam(learning_rate=0.05, decay=5e-7)
        write('ch10-step2.p' + k, [run(opt, p0, [g0, g0]).params()])
    print('wrote %d files: %s' % (len(written), ' '.join(written)))


if __name__ == '__main__':
    main()
