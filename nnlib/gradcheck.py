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


def _float64_copy(network):
    net = copy.copy(network)
    net.dtype = np.dtype(np.float64)
    net.params = {k: p.astype(np.float64) for k, p in network.params.items()}
    return net


def numerical_gradients(network, X, Y, epsilon=1e-7):
    """{"dW1": ĝ, "db1": ĝ, ...}: two-sided finite differences of ``network.cost(X, Y)``."""
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
    """Relative difference ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖) between backprop and finite differences."""
    backprop = _float64_copy(network).gradients(X, Y)
    numeric = numerical_gradients(network, X, Y, epsilon)
    g = np.concatenate([backprop[k].ravel() for k in numeric])
    g_hat = np.concatenate([numeric[k].ravel() for k in numeric])
    denom = np.linalg.norm(g) + np.linalg.norm(g_hat)
    return float(np.linalg.norm(g - g_hat) / denom) if denom > 0 else 0.0
