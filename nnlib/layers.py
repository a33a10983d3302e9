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

from .activations import ACTIVATIONS, softmax
from ._validate import check_activation


def _check_2d(a, name):
    if not isinstance(a, np.ndarray) or a.ndim != 2:
        raise ValueError(f"{name} must be a 2-D NumPy array, got {type(a).__name__} "
                         f"with shape {getattr(a, 'shape', None)}")


def linear_forward(A_prev, W, b):
    """Z = W A_prev + b.

    A_prev: (n[l-1], m), W: (n[l], n[l-1]), b: (n[l], 1) -> Z: (n[l], m).
    Returns ``(Z, cache)`` with ``cache = (A_prev, W, b)``.
    """
    _check_2d(A_prev, "A_prev"), _check_2d(W, "W")
    if W.shape[1] != A_prev.shape[0]:
        raise ValueError(f"W has shape {W.shape}, so A_prev needs {W.shape[1]} rows "
                         f"(W's columns), but A_prev has shape {A_prev.shape}")
    if getattr(b, "shape", None) != (W.shape[0], 1):
        raise ValueError(f"b has shape {getattr(b, 'shape', None)}; expected ({W.shape[0]}, 1) to match W {W.shape}")
    Z = W @ A_prev
    Z += b
    return Z, (A_prev, W, b)


def linear_backward(dZ, cache, out=None, need_dA_prev=True):
    """From dZ[l] (n[l], m) to the gradients of the averaged cost:

        dW = (1/m) dZ A_prevᵀ,   db = (1/m) Σ_columns dZ,   dA_prev = Wᵀ dZ.

    Returns ``(dA_prev, dW, db)``. Options used by the training loop:
    ``out=(dW, db)`` writes into existing arrays instead of allocating, and
    ``need_dA_prev=False`` skips dA_prev (returned as None) for the first layer.
    """
    A_prev, W, b = cache
    _check_2d(dZ, "dZ")
    if dZ.shape != (W.shape[0], A_prev.shape[1]):
        raise ValueError(f"dZ has shape {dZ.shape}; expected {(W.shape[0], A_prev.shape[1])} "
                         "(same as Z)")
    dZ_m = dZ * (1 / A_prev.shape[1])           # the 1/m, applied to the smaller array
    if out is None:
        dW, db = dZ_m @ A_prev.T, dZ_m.sum(axis=1, keepdims=True)
    else:
        dW, db = out
        np.matmul(dZ_m, A_prev.T, out=dW)
        np.sum(dZ_m, axis=1, keepdims=True, out=db)
    dA_prev = W.T @ dZ if need_dA_prev else None
    return dA_prev, dW, db


def activation_forward(Z, activation):
    """A = g(Z) for an activation name ("relu", "sigmoid", ...). Returns ``(A, cache=Z)``."""
    if activation not in ACTIVATIONS:
        check_activation(activation, list(ACTIVATIONS))
    return ACTIVATIONS[activation][0](Z), Z


def activation_backward(dA, cache, activation):
    """dZ = dA * g'(Z), elementwise (cache is Z).

    Softmax mixes the units of a column, so instead we use the Jacobian-vector
    product dZ = Jᵀ dA, which for s = softmax(z) simplifies to s * (dA − Σ_i s_i dA_i).
    """
    Z = cache
    if dA.shape != Z.shape:
        raise ValueError(f"dA has shape {dA.shape} but Z has shape {Z.shape}; they must match")
    if activation not in ACTIVATIONS:
        check_activation(activation, list(ACTIVATIONS))
    if activation == "softmax":
        s = softmax(Z)
        return s * (dA - np.sum(s * dA, axis=0, keepdims=True))
    _, g_prime = ACTIVATIONS[activation]
    return dA * g_prime(Z)


def layer_forward(A_prev, W, b, activation):
    """A = g(W A_prev + b). Returns ``(A, cache)`` with ``cache = (linear_cache, Z)``."""
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, Z = activation_forward(Z, activation)
    return A, (linear_cache, Z)


def layer_backward(dA, cache, activation):
    """dZ = dA * g'(Z), then (dA_prev, dW, db) = linear_backward(dZ)."""
    linear_cache, Z = cache
    return linear_backward(activation_backward(dA, Z, activation), linear_cache)
