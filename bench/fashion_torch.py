# One epoch of the nnfs chapter 19 network (784-128-128-10, ReLU, softmax +
# cross-entropy, Adam lr 0.001 decay 1e-3, batch 128) on Fashion-MNIST,
# written the usual PyTorch way, for timing.
import gzip, os, sys, time
import numpy as np
import torch

def idx(path):
    with gzip.open(path) as f:
        b = f.read()
    nd = b[3]
    dims = [int.from_bytes(b[4 + 4 * i:8 + 4 * i], 'big') for i in range(nd)]
    return np.frombuffer(b, np.uint8, offset=4 + 4 * nd).reshape(dims)

torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "1")))
torch.manual_seed(0)
d = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/datasets/fashion-mnist'
X = (idx(d + '/train-images-idx3-ubyte.gz').reshape(60000, -1).astype(np.float32) - 127.5) / 127.5
y = idx(d + '/train-labels-idx1-ubyte.gz').astype(np.int64)
X, y = torch.from_numpy(X), torch.from_numpy(y)
model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(),
                            torch.nn.Linear(128, 128), torch.nn.ReLU(),
                            torch.nn.Linear(128, 10))
lossf = torch.nn.CrossEntropyLoss()
opt = torch.optim.Adam(model.parameters(), lr=0.001, eps=1e-7)
t0 = time.perf_counter()
step = 0
for s in range(0, 60000, 128):
    for g in opt.param_groups:
        g['lr'] = 0.001 / (1 + 1e-3 * step)
    loss = lossf(model(X[s:s + 128]), y[s:s + 128])
    opt.zero_grad()
    loss.backward()
    opt.step()
    step += 1
print("%.3f" % (time.perf_counter() - t0))
