"""Parameter initialization: W[l] of shape (n[l], n[l-1]) and b[l] = 0 of shape (n[l], 1).

Methods (n[l-1] is the fan-in, the number of inputs of each unit in layer l):

    "zeros"   W[l] = 0                         (every hidden unit stays identical!)
    "random"  W[l] = scale · randn, scale=0.01 (small random numbers break the symmetry)
    "he"      W[l] = randn · sqrt(2 / n[l-1])  (keeps the variance of ReLU layers ≈ 1)
    "xavier"  W[l] = randn · sqrt(1 / n[l-1])  (the same idea for tanh/sigmoid layers)
"""
import numpy as np

from . import _validate as v

METHODS = ("zeros", "random", "he", "xavier")


def initialize_parameters(layer_sizes, method="he", seed=None, dtype=np.float64, scale=0.01):
    """Return ``{"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}`` for ``layer_sizes = [n[0], ..., n[L]]``.

    ``seed`` feeds ``np.random.default_rng`` (same seed, same weights); ``scale``
    is the standard deviation used by ``method="random"``.
    """
    sizes = v.layer_sizes(layer_sizes)
    if not isinstance(method, str) or method not in METHODS:
        raise ValueError(f"method: unknown init method {method!r}; valid methods are: "
                         f"{', '.join(METHODS)}")
    dtype = v.dtype_arg(dtype)
    scale = v.number(scale, "scale", low=0, low_open=True)
    rng = np.random.default_rng(v.seed(seed))
    params = {}
    for l in range(1, len(sizes)):
        n, n_prev = sizes[l], sizes[l - 1]
        std = {"zeros": 0.0, "random": scale,
               "he": np.sqrt(2 / n_prev), "xavier": np.sqrt(1 / n_prev)}[method]
        params[f"W{l}"] = (rng.standard_normal((n, n_prev)) * std).astype(dtype)
        params[f"b{l}"] = np.zeros((n, 1), dtype=dtype)
    return params
