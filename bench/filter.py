# numpy loadtxt / compute / savetxt of a text matrix, for timing.
import sys
import numpy as np
op, path = sys.argv[1], sys.argv[2]
x = np.loadtxt(path, dtype=np.float32)
if op == "relu":
    y = np.maximum(0, x)
elif op == "softmax":
    e = np.exp(x - x.max(axis=1, keepdims=True)); y = e / e.sum(axis=1, keepdims=True)
else:
    w = np.load(sys.argv[3]) if False else None
    n = x.shape[1]
    np.random.seed(0)
    w = (0.1 * np.random.randn(n, int(op))).astype(np.float32)
    y = x @ w
np.savetxt(sys.stdout, y, fmt="%.9g")
