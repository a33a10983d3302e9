"""Building blocks of forward and backward propagation, one layer at a time.

A layer l is a linear step followed by an activation:

    Z[l] = W[l] A[l-1] + b[l]        (linear_forward)
    A[l] = g[l](Z[l])                (activation_forward)

and backpropagation runs the same two steps backwards:

    dZ[l]   = dA[l] * g'(Z[l])               (activation_backward)
    dW[l]   = (1/m) dZ[l] A[l-1]ᵀ            (linear_backward)
    db[l]   = (1/m) Σ_columns dZ[l]
    dA[l-1] = W[l]ᵀ dZ[l]

Each forward function returns a ``cache`` holding what its backward needs.
Chaining ``layer_forward`` for l = 1..L and ``layer_backward`` for l = L..1
is a whole network: ``NeuralNetwork`` does exactly that.
"""
import numpy as np

from . import _validate as v
from ._matmul import matmul
from .activations import ACTIVATIONS, KERNELS


def _cache(cache, name, size):
    if not isinstance(cache, tuple) or len(cache) != size:
        raise TypeError(f"{name} must be the tuple of {size} that the forward function "
                        f"returned, got {type(cache).__name__}")
    return cache


def linear_forward(A_prev, W, b):
    """Z = W A_prev + b.

    A_prev: (n[l-1], m), W: (n[l], n[l-1]), b: (n[l], 1) -> Z: (n[l], m).
    Returns ``(Z, cache)`` with ``cache = (A_prev, W, b)``.
    """
    W = v.array(W, "W", ndim=2)
    A_prev = v.check_X(A_prev, W.shape[1], W.dtype, name="A_prev")
    b = v.array(b, "b", W.dtype)
    if b.shape != (W.shape[0], 1):
        raise ValueError(f"b has shape {b.shape}; expected ({W.shape[0]}, 1) to match W {W.shape}")
    return _linear_forward(A_prev, W, b)


def _linear_forward(A_prev, W, b):
    Z = matmul(W, A_prev)
    Z += b
    return Z, (A_prev, W, b)


def linear_backward(dZ, cache):
    """From dZ[l] (n[l], m) to the gradients of the averaged cost:

        dW = (1/m) dZ A_prevᵀ,   db = (1/m) Σ_columns dZ,   dA_prev = Wᵀ dZ.

    Returns ``(dA_prev, dW, db)``.
    """
    A_prev, W, b = _cache(cache, "cache", 3)
    W = v.array(W, "cache's W", ndim=2)
    A_prev = v.check_X(A_prev, W.shape[1], W.dtype, name="cache's A_prev")
    dZ = v.array(dZ, "dZ", W.dtype, ndim=2)
    if dZ.shape != (W.shape[0], A_prev.shape[1]):
        raise ValueError(f"dZ has shape {dZ.shape}; expected {(W.shape[0], A_prev.shape[1])} "
                         "(same as Z)")
    return _linear_backward(dZ, (A_prev, W, b))


def _linear_backward(dZ, cache, out=None, need_dA_prev=True):
    """``linear_backward`` for checked arrays. ``out=(dW, db)`` writes into existing
    arrays instead of allocating; ``need_dA_prev=False`` skips dA_prev (returned
    as None) for the first layer. The training loop uses both."""
    A_prev, W, b = cache
    dZ_m = dZ * (1 / A_prev.shape[1])           # the 1/m, applied to the smaller array
    if out is None:
        dW, db = matmul(dZ_m, A_prev.T), dZ_m.sum(axis=1, keepdims=True)
    else:
        dW, db = out
        matmul(dZ_m, A_prev.T, out=dW)
        np.sum(dZ_m, axis=1, keepdims=True, out=db)
    dA_prev = matmul(W.T, dZ) if need_dA_prev else None
    return dA_prev, dW, db


def activation_forward(Z, activation):
    """A = g(Z) for an activation name ("relu", "sigmoid", ...). Returns ``(A, cache=Z)``."""
    v.activation(activation, list(ACTIVATIONS))
    Z = v.array(Z, "Z", ndim=2)
    return KERNELS[activation][0](Z), Z


def activation_backward(dA, cache, activation):
    """dZ = dA * g'(Z), elementwise (cache is Z).

    Softmax mixes the units of a column, so instead we use the Jacobian-vector
    product dZ = Jᵀ dA, which for s = softmax(z) simplifies to s * (dA − Σ_i s_i dA_i).
    """
    v.activation(activation, list(ACTIVATIONS))
    Z = v.array(cache, "cache (Z)", ndim=2)
    dA = v.array(dA, "dA", Z.dtype, ndim=2)
    if dA.shape != Z.shape:
        raise ValueError(f"dA has shape {dA.shape} but Z has shape {Z.shape}; they must match")
    return _activation_backward(dA, Z, activation)


def _activation_backward(dA, Z, activation):
    if activation == "softmax":
        s = KERNELS["softmax"][0](Z)
        return s * (dA - np.sum(s * dA, axis=0, keepdims=True))
    return dA * KERNELS[activation][1](Z)


def layer_forward(A_prev, W, b, activation):
    """A = g(W A_prev + b). Returns ``(A, cache)`` with ``cache = (linear_cache, Z)``."""
    v.activation(activation, list(ACTIVATIONS))
    return _layer_forward(*linear_forward(A_prev, W, b)[1], activation)


def _layer_forward(A_prev, W, b, activation):
    Z, linear_cache = _linear_forward(A_prev, W, b)
    return KERNELS[activation][0](Z), (linear_cache, Z)


def layer_backward(dA, cache, activation):
    """dZ = dA * g'(Z), then (dA_prev, dW, db) = linear_backward(dZ)."""
    linear_cache, Z = _cache(cache, "cache", 2)
    return linear_backward(activation_backward(dA, Z, activation), linear_cache)
