# One epoch of the nnfs chapter 19 network (784-128-128-10, Adam, batch
# 128) in plain numpy float32 on Fashion-MNIST, for timing.
import gzip, sys, time
import numpy as np

def idx(path):
    with gzip.open(path) as f:
        b = f.read()
    nd = b[3]
    dims = [int.from_bytes(b[4 + 4 * i:8 + 4 * i], 'big') for i in range(nd)]
    return np.frombuffer(b, np.uint8, offset=4 + 4 * nd).reshape(dims)

d = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/datasets/fashion-mnist'
X = (idx(d + '/train-images-idx3-ubyte.gz').reshape(60000, -1).astype(np.float32) - 127.5) / 127.5
y = idx(d + '/train-labels-idx1-ubyte.gz').astype(np.int64)
np.random.seed(0)
sizes = [784, 128, 128, 10]
W = [(0.01 * np.random.randn(a, b)).astype(np.float32) for a, b in zip(sizes, sizes[1:])]
B = [np.zeros((1, b), np.float32) for b in sizes[1:]]
P = W + B
m = [np.zeros_like(p) for p in P]; v = [np.zeros_like(p) for p in P]
t0 = time.perf_counter()
step = 0
for s in range(0, 60000, 128):
    x, t = X[s:s + 128], y[s:s + 128]
    n = len(x)
    z1 = x @ W[0] + B[0]; a1 = np.maximum(0, z1)
    z2 = a1 @ W[1] + B[1]; a2 = np.maximum(0, z2)
    z3 = a2 @ W[2] + B[2]
    e = np.exp(z3 - z3.max(axis=1, keepdims=True)); p = e / e.sum(axis=1, keepdims=True)
    d3 = p.copy(); d3[range(n), t] -= 1; d3 /= n
    g = [None] * 6
    g[2] = a2.T @ d3; g[5] = d3.sum(axis=0, keepdims=True)
    d2 = d3 @ W[2].T; d2[z2 <= 0] = 0
    g[1] = a1.T @ d2; g[4] = d2.sum(axis=0, keepdims=True)
    d1 = d2 @ W[1].T; d1[z1 <= 0] = 0
    g[0] = x.T @ d1; g[3] = d1.sum(axis=0, keepdims=True)
    lr = 0.001 * (1. / (1. + 1e-3 * step))
    for i in range(6):
        m[i] = 0.9 * m[i] + 0.1 * g[i]; v[i] = 0.999 * v[i] + 0.001 * g[i] ** 2
        P[i] += -lr * (m[i] / (1 - 0.9 ** (step + 1))) / (np.sqrt(v[i] / (1 - 0.999 ** (step + 1))) + 1e-7)
    step += 1
print("%.3f" % (time.perf_counter() - t0))
