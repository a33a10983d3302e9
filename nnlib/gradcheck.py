"""Gradient checking: compare backprop with finite differences.

For every parameter θ (each entry of each W[l], b[l]) the two-sided difference

    ∂J/∂θ ≈ (J(θ + ε) − J(θ − ε)) / (2ε)

is accurate to O(ε²). If backprop is right, the relative difference

    ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖)      (g: backprop, ĝ: finite differences, all parameters)

is tiny: below ~1e-7 is correct, above ~1e-3 is almost surely a bug.
Everything is computed in float64 on a copy of the parameters, so the
network itself is never modified (a float32 network is checked in float64).
"""
import copy

import numpy as np

from . import _validate as v


def _float64_copy(network):
    if not all(hasattr(network, a) for a in ("params", "cost", "gradients")):
        raise TypeError(f"network must be a NeuralNetwork (with params, cost and gradients), "
                        f"got {type(network).__name__}")
    for k, p in network.params.items():
        v.array(p, f"network.params[{k!r}]")           # NaN or inf weights cannot be checked
    net = copy.copy(network)
    net.dtype = np.dtype(np.float64)
    net.params = {k: p.astype(np.float64) for k, p in network.params.items()}
    return net


def numerical_gradients(network, X, Y, epsilon=1e-7):
    """{"dW1": ĝ, "db1": ĝ, ...}: two-sided finite differences of ``network.cost(X, Y)``."""
    epsilon = v.number(epsilon, "epsilon", low=0, high=1, low_open=True)
    net = _float64_copy(network)
    grads = {}
    for k, p in net.params.items():
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            theta = p[i]
            p[i] = theta + epsilon
            J_plus = net.cost(X, Y)
            p[i] = theta - epsilon
            J_minus = net.cost(X, Y)
            p[i] = theta                      # restore
            g[i] = (J_plus - J_minus) / (2 * epsilon)
        grads["d" + k] = g
    return grads


def gradient_check(network, X, Y, epsilon=1e-7):
    """Relative difference ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖) between backprop and finite differences.

    A NaN or inf anywhere (a broken backward pass, a cost that overflows) is
    an error, never a small number that looks like a pass.
    """
    numeric = numerical_gradients(network, X, Y, epsilon)
    backprop = _float64_copy(network).gradients(X, Y)
    for source, grads in (("backprop", backprop), ("finite differences", numeric)):
        if not isinstance(grads, dict) or set(grads) != set(numeric):
            raise TypeError(f"{source} must give a dict with keys {sorted(numeric)}")
        for k in numeric:
            if not np.all(np.isfinite(grads[k])):
                raise ValueError(f"gradient_check: the {source} gradient {k} contains NaN "
                                 "or inf, so nothing can be compared (a broken backward pass, "
                                 "or a cost that overflows)")
    g = np.concatenate([backprop[k].ravel() for k in numeric])
    g_hat = np.concatenate([numeric[k].ravel() for k in numeric])
    denom = np.linalg.norm(g) + np.linalg.norm(g_hat)
    return float(np.linalg.norm(g - g_hat) / denom) if denom > 0 else 0.0
