"""Benchmark nnlib's training loop on MNIST (a script, not a test).

    python bench/bench_mnist.py [--epochs 2] [--threads 2]

Part 1. MNIST 784-128-10 (ReLU, softmax), mini-batch SGD, batch 64, lr 0.1, float32:
  * nnlib seconds per epoch,
  * the matmul-only lower bound: the same GEMMs an epoch performs (forward W1·X, W2·A1;
    backward dW2, dA1, dW1 -- no dX), same shapes, layouts and count, timed alone with
    preallocated outputs; nnlib / bound should be <= 1.25,
  * the NumPy floor: the same epoch as the shortest NumPy loop we know (no checks, no
    caches, preallocated buffers); no NumPy implementation starts below floor / bound,
  * the gather of the shuffled batches and the parameter updates alone: the two memory
    passes every NumPy loop makes, against the 0.25 x bound a 1.25 ratio leaves them,
  * PyTorch CPU seconds per epoch for the same model (when torch is installed).
Part 2. A larger network trained to >= 98% test accuracy within 30 s of training.
"""
import argparse
import os
import time

parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
parser.add_argument("--epochs", type=int, default=2, help="epochs of the PyTorch timing")
parser.add_argument("--repeats", type=int, default=5)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--skip-part2", action="store_true")
parser.add_argument("--data-dir", default=None,
                    help="folder with the MNIST files (default: $NNLIB_DATA, else ../shared/data/mnist)")
args = parser.parse_args()
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, str(args.threads))   # before NumPy loads BLAS

import numpy as np  # noqa: E402

from nnlib.data import load_mnist  # noqa: E402
from nnlib.network import NeuralNetwork  # noqa: E402

SIZES, BATCH, LR = [784, 128, 10], 64, 0.1


def seconds(fn):
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def nnlib_fit(X, y, epochs):
    net = NeuralNetwork(SIZES, ["relu", "softmax"], seed=0, dtype=np.float32)
    return lambda: net.fit(X, y, learning_rate=LR, epochs=epochs, batch_size=BATCH)


def gemm_only_epoch(X):
    """An epoch of just the five GEMMs per batch, same shapes/layouts as the training loop.

    Returns (run, flops). The batch X is a Fortran-ordered column slice, as in ``fit``.
    """
    n0, n1, n2 = SIZES
    m = X.shape[1]
    XF = np.asfortranarray(X)
    rng = np.random.default_rng(0)
    W1 = rng.standard_normal((n1, n0), dtype=np.float32)
    W2 = rng.standard_normal((n2, n1), dtype=np.float32)
    buffers, flops = {}, 0
    for start in range(0, m, BATCH):
        k = min(BATCH, m - start)
        flops += 2 * k * (n1 * n0 + n2 * n1 + n2 * n1 + n1 * n2 + n1 * n0)
        if k not in buffers:
            buffers[k] = [np.ones((n1, k), np.float32), np.ones((n2, k), np.float32),
                          np.ones((n2, n1), np.float32), np.ones((n1, k), np.float32),
                          np.ones((n1, n0), np.float32)]

    def run():
        for start in range(0, m, BATCH):
            Xb = XF[:, start:start + BATCH]
            Z1, Z2, dW2, dA1, dW1 = buffers[Xb.shape[1]]
            np.matmul(W1, Xb, out=Z1)          # forward  Z1 = W1 X
            np.matmul(W2, Z1, out=Z2)          # forward  Z2 = W2 A1
            np.matmul(Z2, Z1.T, out=dW2)       # backward dW2 = dZ2 A1ᵀ
            np.matmul(W2.T, Z2, out=dA1)       # backward dA1 = W2ᵀ dZ2
            np.matmul(dA1, Xb.T, out=dW1)      # backward dW1 = dZ1 Xᵀ
    return run, flops


def numpy_floor_epoch(XT, y):
    """The same epoch written as the shortest NumPy loop we know: a floor for any NumPy fit.

    No input checks, no caches, no dictionaries: preallocated buffers, in-place
    ufuncs, integer labels instead of one-hot, the shuffled batch gathered as rows.
    It does all the work an epoch must do (gather, 5 GEMMs, bias, ReLU, softmax,
    cost, dZ, masks, updates), so nnlib / bound can never beat floor / bound.
    """
    n0, n1, n2 = SIZES
    m = XT.shape[0]                                      # XT = Xᵀ: examples as rows, cheap gathers
    rng = np.random.default_rng(0)
    W1 = (rng.standard_normal((n1, n0)) * np.sqrt(2 / n0)).astype(np.float32)
    W2 = (rng.standard_normal((n2, n1)) * np.sqrt(2 / n1)).astype(np.float32)
    b1, b2 = np.zeros((n1, 1), np.float32), np.zeros((n2, 1), np.float32)
    XbT = np.empty((BATCH, n0), np.float32)
    Z1, Z2, dA1 = (np.empty((n, BATCH), np.float32) for n in (n1, n2, n1))
    dW1, dW2 = np.empty_like(W1), np.empty_like(W2)
    cols = np.arange(BATCH)

    def run():
        nonlocal W1, W2, b1, b2, Z1, Z2           # updated in place (augmented assignments)
        perm, cost = rng.permutation(m), 0.0
        for start in range(0, m - BATCH + 1, BATCH):    # full batches only: a lower bound
            idx = perm[start:start + BATCH]
            XT.take(idx, axis=0, out=XbT, mode="clip")
            np.matmul(W1, XbT.T, out=Z1)
            Z1 += b1
            np.maximum(Z1, 0, out=Z1)                    # A1 = relu(Z1), in place
            np.matmul(W2, Z1, out=Z2)
            Z2 += b2
            Z2 -= Z2.max(axis=0)
            np.exp(Z2, out=Z2)
            Z2 /= Z2.sum(axis=0)                         # A2 = softmax(Z2)
            labels = y[idx]
            cost -= np.log(Z2[labels, cols]).sum()
            Z2[labels, cols] -= 1
            Z2 *= LR / BATCH                             # lr · dZ2 / m
            np.matmul(W2.T, Z2, out=dA1)
            np.matmul(Z2, Z1.T, out=dW2)
            W2 -= dW2
            b2 -= Z2.sum(axis=1, keepdims=True)
            np.multiply(dA1, Z1 > 0, out=dA1)            # dZ1
            np.matmul(dA1, XbT, out=dW1)
            W1 -= dW1
            b1 -= dA1.sum(axis=1, keepdims=True)
        return cost / m
    return run


def memory_passes_epoch(XT):
    """Only the two memory passes no NumPy loop can skip: gather each shuffled batch and
    apply each update (W -= step, every parameter). Compared with the 0.25 × bound
    that a 1.25 ratio leaves for everything that is not a GEMM."""
    n0, n1, n2 = SIZES
    m = XT.shape[0]
    XbT = np.empty((BATCH, n0), np.float32)
    params = [np.ones(shape, np.float32) for shape in ((n1, n0), (n1, 1), (n2, n1), (n2, 1))]
    steps = [np.full_like(p, 1e-3) for p in params]
    rng = np.random.default_rng(0)

    def run():
        perm = rng.permutation(m)
        for start in range(0, m - BATCH + 1, BATCH):
            XT.take(perm[start:start + BATCH], axis=0, out=XbT, mode="clip")
            for p, step in zip(params, steps):
                p -= step
    return run


def part1_timings(X, y, repeats):
    """Interleaved repeats, minimum of each: robust to other load on the machine.

    nnlib's epoch time = fit(epochs=1) − fit(epochs=0); fit(epochs=0) is the one-time
    setup of a fit call (input checks, one-hot labels, transposed copy of X).
    """
    gemms, flops = gemm_only_epoch(X)
    XT = np.ascontiguousarray(X.T)                       # shared by the two NumPy loops
    lean, memory = numpy_floor_epoch(XT, y), memory_passes_epoch(XT)
    setup, one, bound, floor, passes = [], [], [], [], []
    for _ in range(repeats):
        bound.append(seconds(gemms))
        floor.append(seconds(lean))
        passes.append(seconds(memory))
        setup.append(seconds(nnlib_fit(X, y, 0)))
        one.append(seconds(nnlib_fit(X, y, 1)))
    return min(one) - min(setup), min(setup), min(bound), min(floor), min(passes), flops


def torch_epoch_seconds(X, y, epochs, threads):
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    Xt = torch.from_numpy(np.ascontiguousarray(X.T))
    yt = torch.from_numpy(y)
    m = Xt.shape[0]

    def run():
        model = torch.nn.Sequential(torch.nn.Linear(SIZES[0], SIZES[1]), torch.nn.ReLU(),
                                    torch.nn.Linear(SIZES[1], SIZES[2]))
        opt = torch.optim.SGD(model.parameters(), lr=LR)
        loss_fn = torch.nn.CrossEntropyLoss()
        for _ in range(epochs):
            perm = torch.randperm(m)
            Xe, ye = Xt[perm], yt[perm]
            for start in range(0, m, BATCH):
                opt.zero_grad()
                loss = loss_fn(model(Xe[start:start + BATCH]), ye[start:start + BATCH])
                loss.backward()
                opt.step()
    return min(seconds(run) for _ in range(2)) / epochs


def part2(X, y, X_test, y_test):
    config = dict(layer_sizes=[784, 256, 256, 10], activations=["relu", "relu", "softmax"],
                  batch_size=128, momentum=0.9, schedule=[(0.5, 6), (0.1, 2)], init="he")
    net = NeuralNetwork(config["layer_sizes"], config["activations"], init=config["init"],
                        seed=0, dtype=np.float32)
    print("part 2: config", config, "(learning rate: (value, epochs) steps)")
    t = time.perf_counter()
    epoch = 0
    for lr, epochs in config["schedule"]:   # step decay: one fit call per learning rate
        net.fit(X, y, learning_rate=lr, epochs=epochs, batch_size=config["batch_size"],
                momentum=config["momentum"], shuffle_seed=epoch)
        epoch += epochs
    elapsed = time.perf_counter() - t
    print(f"part 2: training time {elapsed:.1f} s, test accuracy {100 * net.score(X_test, y_test):.2f}%")


def main():
    shared = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "mnist")
    data_dir = args.data_dir or os.environ.get("NNLIB_DATA") or os.path.normpath(shared)
    (X, y), (X_test, y_test) = load_mnist(data_dir, download=False)
    print(f"MNIST {X.shape} {X.dtype}; numpy {np.__version__}; BLAS threads {args.threads}")
    ours, setup, bound, floor, passes, flops = part1_timings(X, y, args.repeats)
    print(f"part 1: 784-128-10 relu/softmax, batch {BATCH}, lr {LR}, float32, "
          f"min of {args.repeats} interleaved runs")
    print(f"  nnlib                {ours:.3f} s/epoch (+ {setup:.3f} s once per fit call: "
          "input checks, one-hot, transposed copy of X)")
    print(f"  matmul-only bound    {bound:.3f} s/epoch ({flops / 1e9:.1f} GFLOP at "
          f"{flops / bound / 1e9:.1f} GFLOP/s)")
    print(f"  nnlib / bound        {ours / bound:.2f}  (target <= 1.25)")
    print(f"  NumPy floor          {floor:.3f} s/epoch, floor / bound {floor / bound:.2f}  "
          "(the shortest NumPy loop for the same epoch; see numpy_floor_epoch)")
    print(f"  gather + updates     {passes:.3f} s/epoch, {passes / (0.25 * bound):.2f} x the "
          f"{0.25 * bound:.3f} s a 1.25 ratio leaves for all non-GEMM work")
    t_torch = torch_epoch_seconds(X, y, args.epochs, args.threads)
    if t_torch is None:
        print("  pytorch              not installed")
    else:
        print(f"  pytorch              {t_torch:.3f} s/epoch  (nnlib / pytorch {ours / t_torch:.2f})")
    if not args.skip_part2:
        part2(X, y, X_test, y_test)


if __name__ == "__main__":
    main()
