"""A fully connected neural network, trained by gradient descent.

Usage (X: 200 examples as columns, Y: labels of shape (1, 200))::

    X = np.random.default_rng(0).normal(size=(2, 200))
    Y = (X[0:1] * X[1:2] > 0).astype(int)
    net = NeuralNetwork([2, 8, 1], ["tanh", "sigmoid"], seed=0)
    history = net.fit(X, Y, learning_rate=0.5, epochs=500)  # cost after each epoch
    net.predict(X)         # (1, 200) array of 0/1
    net.score(X, Y)        # accuracy

Notation: examples are columns, X has shape (n[0], m); layer l has
W[l] (n[l], n[l-1]) and b[l] (n[l], 1), stored as ``net.params["W1"]`` etc.

    forward:   Z[l] = W[l] A[l-1] + b[l],  A[l] = g[l](Z[l]),  A[0] = X,  ŷ = A[L]
    backward:  dZ[L] = A[L] − Y
               dW[l] = (1/m) dZ[l] A[l-1]ᵀ,  db[l] = (1/m) Σ_columns dZ[l]
               dA[l-1] = W[l]ᵀ dZ[l],       dZ[l-1] = dA[l-1] * g'(Z[l-1])

The cost follows the output activation (``costs.COSTS``): sigmoid -> binary
cross-entropy, softmax -> categorical cross-entropy, linear -> mean squared
error. For each of these pairs ∂J/∂Z[L] is exactly (1/m)(A[L] − Y), which is
why the backward pass starts from dZ[L] = A[L] − Y.
"""
import warnings

import numpy as np

from . import costs
from . import _validate as v
from .activations import ACTIVATIONS
from .init import METHODS, initialize_parameters
from .layers import _activation_backward, _layer_forward, _linear_backward

_OUTPUT_KIND = {"sigmoid": "binary", "softmax": "multiclass", "linear": "real"}
LONG_RUN = 3e10   # epochs × m × weights from which fit shows progress by default


class NeuralNetwork:
    """``NeuralNetwork(layer_sizes, activations, init="he", seed=0, dtype=np.float64)``.

    layer_sizes: [n[0], n[1], ..., n[L]] (n[0] = number of input features).
    activations: one name per layer after the input, e.g. ["relu", "relu", "softmax"];
        hidden layers: sigmoid, tanh, relu, leaky_relu, linear;
        output layer: sigmoid, softmax or linear (it decides the cost).
    init: "he", "xavier", "random" or "zeros" (see ``nnlib.init``).
    dtype: np.float64 or np.float32; inputs are converted to it and training
        stays in it end to end.
    """

    def __init__(self, layer_sizes, activations, init="he", seed=0, dtype=np.float64):
        self.layer_sizes = v.layer_sizes(layer_sizes)
        self.L = len(self.layer_sizes) - 1
        self.activations = v.activation_list(activations, self.L, list(ACTIVATIONS))
        if "softmax" in self.activations[:-1]:
            raise ValueError("activations: softmax is only allowed on the output layer")
        self.output = v.activation(self.activations[-1], list(_OUTPUT_KIND),
                                   f"activations[{self.L - 1}] (the output layer)")
        if self.output == "softmax" and self.layer_sizes[-1] < 2:
            raise ValueError("a softmax output needs at least 2 units (classes); "
                             "for two classes with one unit use sigmoid")
        self.dtype = v.dtype_arg(dtype)
        self.params = initialize_parameters(self.layer_sizes, init, seed, self.dtype)

    def __repr__(self):
        return f"NeuralNetwork({self.layer_sizes}, {self.activations})"

    # ---- checked entry points -------------------------------------------
    def _X(self, X):
        return v.check_X(X, self.layer_sizes[0], self.dtype)

    def _XY(self, X, Y):
        X = self._X(X)
        return X, v.check_Y(Y, X.shape[1], self.layer_sizes[-1], _OUTPUT_KIND[self.output],
                            self.dtype)

    # ---- forward and backward propagation --------------------------------
    def _forward(self, X):
        """A[L] and the list of per-layer caches, for an already checked X."""
        A, caches = X, []
        for l, g in enumerate(self.activations, start=1):
            A, cache = _layer_forward(A, self.params[f"W{l}"], self.params[f"b{l}"], g)
            caches.append(cache)
        return A, caches

    def _backward(self, A_L, Y, caches, grads=None, scale=1.0):
        """Fill ``grads`` (or a new dict) with dW[l], db[l] for l = L..1.

        Backprop is linear in dZ[L], so starting from scale·dZ[L] gives scale·dW[l]
        everywhere: ``fit`` uses this to fold the learning rate in for free.
        """
        grads = {} if grads is None else grads
        dZ = A_L - Y                                    # dZ[L], fused output + cost
        if scale != 1.0:
            dZ *= scale
        for l in range(self.L, 0, -1):
            linear_cache, _ = caches[l - 1]
            out = (grads[f"dW{l}"], grads[f"db{l}"]) if f"dW{l}" in grads else None
            dA_prev, grads[f"dW{l}"], grads[f"db{l}"] = _linear_backward(
                dZ, linear_cache, out=out, need_dA_prev=l > 1)
            if l > 1:
                dZ = _activation_backward(dA_prev, caches[l - 2][1], self.activations[l - 2])
        return grads

    def forward(self, X, return_caches=False):
        """ŷ = A[L] for X of shape (n[0], m); with ``return_caches=True`` also the caches."""
        A, caches = self._forward(self._X(X))
        return (A, caches) if v.flag(return_caches, "return_caches") else A

    def cost(self, X, Y):
        """J = (1/m) Σ ℓ(ŷ, y), with the cost that matches the output activation."""
        X, Y = self._XY(X, Y)
        return costs._FAST[self.output](self._forward(X)[0], Y)

    def gradients(self, X, Y):
        """{"dW1": ∂J/∂W[1], "db1": ∂J/∂b[1], ...}: exact gradients of the averaged cost."""
        X, Y = self._XY(X, Y)
        A_L, caches = self._forward(X)
        return dict(sorted(self._backward(A_L, Y, caches).items(), key=lambda kv: int(kv[0][2:])))

    # ---- training --------------------------------------------------------
    def fit(self, X, Y, learning_rate=0.01, epochs=100, batch_size=None, momentum=0.0,
            shuffle_seed=0, verbose=None):
        """Gradient descent; returns the history: the cost of every epoch (floats).

        batch_size: None = batch gradient descent (all m examples per step),
            1 = stochastic, k = mini-batches of k examples, reshuffled every epoch
            with ``np.random.default_rng(shuffle_seed)``, so runs are repeatable.
            The cost of an epoch is then the mean of its mini-batch costs, each
            measured by the forward pass just before that batch's update.
        momentum: β of gradient descent with momentum, in the form of the notes
            (an exponentially weighted average of the gradients):
                v = β v + (1 − β) dW,   W = W − α v      (β = 0: plain gradient descent)
        verbose: k > 0 prints ``epoch  e/epochs  cost …`` every k epochs; 0 never prints.
            The default, None, prints about ten such lines on a long run, one whose
            work epochs × m × (number of weights) is at least ``LONG_RUN`` (a few
            seconds of training), and nothing on a short one.
        If the cost becomes inf or NaN (the learning rate is too large), training
        stops at that epoch with a RuntimeWarning that says so.
        """
        X, Y = self._XY(X, Y)
        lr = v.number(learning_rate, "learning_rate", low=0, low_open=True)
        beta = v.number(momentum, "momentum", low=0, high=1, high_open=True)
        epochs = v.integer(epochs, "epochs", 1)
        shuffle_seed = v.seed(shuffle_seed, "shuffle_seed")
        if verbose is not None:
            verbose = v.integer(verbose, "verbose", 0)
        m = X.shape[1]
        bs = m if batch_size is None else min(v.integer(batch_size, "batch_size", 1), m)
        batches = _epoch_batches(X, Y, bs, np.random.default_rng(shuffle_seed))
        steps = {"d" + k: np.empty_like(p) for k, p in self.params.items()}
        velocity = {k: np.zeros_like(p) for k, p in self.params.items()} if beta else None
        cost_of_batch = costs._FAST[self.output]
        if verbose is None:
            weights = sum(p.size for k, p in self.params.items() if k[0] == "W")
            verbose = max(1, epochs // 10) if epochs * m * weights >= LONG_RUN else 0
        history, width = [], len(str(epochs))
        for epoch in range(1, epochs + 1):
            batch_costs = []
            with np.errstate(over="ignore", invalid="ignore"):  # divergence: reported below
                for Xb, Yb in batches():
                    A_L, caches = self._forward(Xb)
                    batch_costs.append(cost_of_batch(A_L, Yb))
                    self._backward(A_L, Yb, caches, steps, scale=lr * (1 - beta))
                    self._update(steps, velocity, beta)
            history.append(float(np.mean(batch_costs)))
            if verbose and epoch % verbose == 0:
                print(f"epoch {epoch:>{width}}/{epochs}  cost {history[-1]:.6f}")
            blown = not np.isfinite(history[-1])
            if blown or (epoch == epochs and not all(np.isfinite(p).all()
                                                     for p in self.params.values())):
                what = f"the cost became {history[-1]}" if blown else "the weights became inf or NaN"
                warnings.warn(f"{what} at epoch {epoch}, so training stopped: the learning "
                              f"rate {lr} is too large for this network and data (try a "
                              "smaller one)", RuntimeWarning, stacklevel=2)
                break
        return history

    def _update(self, steps, velocity, beta):
        """Apply one step in place, given steps = α(1 − β)·dW (see ``fit``).

        Without momentum this is W = W − α dW. With momentum we keep u = α v, so
        v = β v + (1 − β) dW, W = W − α v becomes u = β u + α(1 − β) dW, W = W − u.
        """
        for k, p in self.params.items():
            step = steps["d" + k]
            if velocity is not None:
                u = velocity[k]
                u *= beta
                u += step
                step = u
            p -= step

    # ---- predictions -----------------------------------------------------
    def predict_proba(self, X):
        """ŷ = A[L]: probabilities for sigmoid/softmax outputs (same as ``forward``)."""
        return self.forward(X)

    def predict(self, X):
        """sigmoid: (n[L], m) 0/1 ints (ŷ ≥ 0.5); softmax: class indices (m,); linear: ŷ."""
        A = self.forward(X)
        if self.output == "sigmoid":
            return (A >= 0.5).astype(int)
        if self.output == "softmax":
            return A.argmax(axis=0)
        return A

    def score(self, X, Y):
        """Accuracy (fraction of correct predictions) for classifiers; R² for a linear output."""
        X, Y = self._XY(X, Y)
        if self.output == "softmax":
            return float(np.mean(self.predict(X) == Y.argmax(axis=0)))
        if self.output == "sigmoid":
            return float(np.mean(self.predict(X) == Y))
        spread = np.sum((Y - Y.mean(axis=1, keepdims=True)) ** 2)
        if spread == 0:
            raise ValueError("Y is constant, so R² (which divides by its spread) is undefined")
        return float(1 - np.sum((Y - self._forward(X)[0]) ** 2) / spread)


def _epoch_batches(X, Y, batch_size, rng):
    """A function that yields one epoch of (X_batch, Y_batch) pairs each time it is called.

    Full batch (batch_size == m): X, Y themselves, in order. Otherwise a fresh
    permutation per epoch. To make shuffling cheap we keep the examples as rows
    (Xᵀ, copied once) and gather the rows of each batch into a reused buffer;
    its transpose is the (n, batch) column block, contiguous for the matmuls.
    """
    m = X.shape[1]
    if batch_size == m:
        return lambda: iter([(X, Y)])
    XT, YT = np.ascontiguousarray(X.T), np.ascontiguousarray(Y.T)
    XT_batch, YT_batch = np.empty_like(XT[:batch_size]), np.empty_like(YT[:batch_size])

    def batches():
        perm = rng.permutation(m)
        for start in range(0, m, batch_size):
            idx = perm[start:start + batch_size]
            yield (np.take(XT, idx, axis=0, out=XT_batch[:len(idx)], mode="wrap").T,
                   np.take(YT, idx, axis=0, out=YT_batch[:len(idx)], mode="wrap").T)
    return batches
