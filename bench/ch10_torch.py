# The nnfs chapter 10 training (spiral 100x3, 2-64-3, ReLU, softmax +
# cross-entropy, Adam lr 0.05 decay 5e-7, 10001 epochs) written the usual
# PyTorch way (nn.Sequential, autograd, torch.optim.Adam), for timing.
import os, sys, time
import numpy as np
import torch

torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "1")))
torch.manual_seed(0)
np.random.seed(0)
samples, classes = 100, 3
X = np.zeros((samples * classes, 2), dtype=np.float32)
y = np.zeros(samples * classes, dtype=np.int64)
for c in range(classes):
    ix = range(samples * c, samples * (c + 1))
    r = np.linspace(0.0, 1, samples)
    t = np.linspace(c * 4, (c + 1) * 4, samples) + np.random.randn(samples) * 0.2
    X[ix] = np.c_[r * np.sin(t * 2.5), r * np.cos(t * 2.5)]
    y[ix] = c
X, y = torch.from_numpy(X), torch.from_numpy(y)
model = torch.nn.Sequential(torch.nn.Linear(2, 64), torch.nn.ReLU(),
                            torch.nn.Linear(64, 3))
lossf = torch.nn.CrossEntropyLoss()
opt = torch.optim.Adam(model.parameters(), lr=0.05, eps=1e-7)
epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 10001
t0 = time.perf_counter()
for epoch in range(epochs):
    for g in opt.param_groups:
        g['lr'] = 0.05 / (1 + 5e-7 * epoch)
    out = model(X)
    loss = lossf(out, y)
    acc = (out.argmax(1) == y).float().mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print("%.3f" % (time.perf_counter() - t0))
