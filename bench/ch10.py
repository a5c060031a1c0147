# The nnfs chapter 10 training loop in plain numpy (float32), for timing.
import sys, time
import numpy as np

def spiral(samples, classes):
    X = np.zeros((samples * classes, 2), dtype=np.float32)
    y = np.zeros(samples * classes, dtype=np.uint8)
    for c in range(classes):
        ix = range(samples * c, samples * (c + 1))
        r = np.linspace(0.0, 1, samples)
        t = np.linspace(c * 4, (c + 1) * 4, samples) + np.random.randn(samples) * 0.2
        X[ix] = np.c_[r * np.sin(t * 2.5), r * np.cos(t * 2.5)]
        y[ix] = c
    return X, y

np.random.seed(0)
X, y = spiral(100, 3)
W1 = (0.01 * np.random.randn(2, 64)).astype(np.float32); b1 = np.zeros((1, 64), np.float32)
W2 = (0.01 * np.random.randn(64, 3)).astype(np.float32); b2 = np.zeros((1, 3), np.float32)
params = [W1, b1, W2, b2]
m = [np.zeros_like(p) for p in params]; v = [np.zeros_like(p) for p in params]
lr0, decay, epochs = 0.05, 5e-7, int(sys.argv[1]) if len(sys.argv) > 1 else 10001
n = len(X)
t0 = time.perf_counter()
for epoch in range(epochs):
    z1 = X @ W1 + b1; a1 = np.maximum(0, z1); z2 = a1 @ W2 + b2
    e = np.exp(z2 - z2.max(axis=1, keepdims=True)); p = e / e.sum(axis=1, keepdims=True)
    loss = -np.log(np.clip(p[range(n), y], 1e-7, 1 - 1e-7)).mean()
    acc = (p.argmax(axis=1) == y).mean()
    d = p.copy(); d[range(n), y] -= 1; d /= n
    gW2 = a1.T @ d; gb2 = d.sum(axis=0, keepdims=True)
    da1 = d @ W2.T; da1[z1 <= 0] = 0
    gW1 = X.T @ da1; gb1 = da1.sum(axis=0, keepdims=True)
    lr = lr0 * (1. / (1. + decay * epoch))
    for i, g in enumerate([gW1, gb1, gW2, gb2]):
        m[i] = 0.9 * m[i] + 0.1 * g; v[i] = 0.999 * v[i] + 0.001 * g * g
        mh = m[i] / (1 - 0.9 ** (epoch + 1)); vh = v[i] / (1 - 0.999 ** (epoch + 1))
        params[i] += -lr * mh / (np.sqrt(vh) + 1e-7)
print("%.3f" % (time.perf_counter() - t0))
