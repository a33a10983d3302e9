"""Cost functions J(ŷ, y), averaged over the m examples (columns), and their gradients.

A cost is the mean of a per-example loss: J = (1/m) Σ_i ℓ(ŷ⁽ⁱ⁾, y⁽ⁱ⁾).

The ``*_gradient`` functions return dA[L] = ∂ℓ/∂ŷ for every column, the
*per-example* derivative, with no 1/m: following the notes, the 1/m is applied
once, in ``linear_backward`` (dW = (1/m) dZ A_prevᵀ).

Each output activation has its natural cost, collected in ``COSTS``:

    sigmoid -> binary_cross_entropy, softmax -> categorical_cross_entropy,
    linear  -> mean_squared_error

and with these pairs the output error simplifies to dZ[L] = A[L] − Y.

Inputs are 2-D, (n[L], m): one example per column. Predictions given to the
cross-entropies must be probabilities in [0, 1]; values outside are refused as
the classic mistake of passing logits Z instead of A. Predictions are then
clipped to [eps, 1 − eps] (eps = machine epsilon of the dtype)
before any log, so a prediction of exactly 0 or 1 gives a large but finite cost.
"""
import numpy as np

from ._validate import (array, check_binary_labels, check_one_hot, check_same_shape,
                        labels, probabilities)
from .data import one_hot


def _clip(Y_hat):
    eps = np.finfo(Y_hat.dtype).eps
    return np.clip(Y_hat, eps, 1 - eps)


def _pair(Y_hat, Y, probs=False):
    """Y_hat (n[L], m) and Y of the same shape; probabilities in [0, 1] if ``probs``."""
    Y_hat = array(Y_hat, "Y_hat", ndim=2)
    if probs:
        probabilities(Y_hat, "Y_hat")
    Y = array(Y, "Y", Y_hat.dtype, ndim=(1, 2))
    check_same_shape(Y_hat, Y)
    return Y_hat, Y


def _pair_classes(Y_hat, Y):
    """CCE accepts one-hot Y (C, m) or integer labels (m,) / (1, m)."""
    Y_hat = array(Y_hat, "Y_hat", ndim=2)
    probabilities(Y_hat, "Y_hat")
    Y = array(Y, "Y", ndim=(1, 2))
    if Y.shape != Y_hat.shape and Y.size == Y_hat.shape[1] and (Y.ndim == 1 or Y.shape[0] == 1):
        return Y_hat, one_hot(labels(Y, "Y", Y_hat.shape[0]), Y_hat.shape[0], Y_hat.dtype)
    Y_hat, Y = _pair(Y_hat, Y)
    check_one_hot(Y)
    return Y_hat, Y


def _binary_pair(Y_hat, Y):
    Y_hat, Y = _pair(Y_hat, Y, probs=True)
    check_binary_labels(Y)
    return Y_hat, Y


def _m(Y):
    return Y.shape[-1]


def _bce(Y_hat, Y):
    A = _clip(Y_hat)
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / _m(Y))


def _cce(Y_hat, Y):
    # Only the lower clip matters here (log 1 = 0); vdot is Σ y·log ŷ in one call.
    eps = np.finfo(Y_hat.dtype).eps
    return float(-np.vdot(Y, np.log(np.maximum(Y_hat, eps))) / _m(Y))


def _mse(Y_hat, Y):
    D = Y_hat - Y
    return float(np.sum(D * D) / (2 * _m(Y)))


def binary_cross_entropy(Y_hat, Y):
    """J = −(1/m) Σ [ y log ŷ + (1 − y) log(1 − ŷ) ], summed over output rows too.

    Y_hat, Y: same shape (n[L], m); Y holds 0/1 labels.
    """
    return _bce(*_binary_pair(Y_hat, Y))


def binary_cross_entropy_gradient(Y_hat, Y):
    """dA[L] = ∂ℓ/∂ŷ = −y/ŷ + (1 − y)/(1 − ŷ), per column (no 1/m)."""
    Y_hat, Y = _binary_pair(Y_hat, Y)
    A = _clip(Y_hat)
    return -Y / A + (1 - Y) / (1 - A)


def categorical_cross_entropy(Y_hat, Y):
    """J = −(1/m) Σ_i Σ_c y_c log ŷ_c  (= −(1/m) Σ_i log ŷ_{label i}).

    Y_hat: (C, m) probabilities (softmax output). Y: one-hot (C, m), or integer
    labels 0..C−1 of shape (m,) or (1, m).
    """
    return _cce(*_pair_classes(Y_hat, Y))


def categorical_cross_entropy_gradient(Y_hat, Y):
    """dA[L] = ∂ℓ/∂ŷ_c = −y_c / ŷ_c, per column (no 1/m)."""
    Y_hat, Y = _pair_classes(Y_hat, Y)
    return -Y / _clip(Y_hat)


def mean_squared_error(Y_hat, Y):
    """J = (1/m) Σ ½ (ŷ − y)²; the ½ makes the derivative simply ŷ − y."""
    return _mse(*_pair(Y_hat, Y))


def mean_squared_error_gradient(Y_hat, Y):
    """dA[L] = ∂ℓ/∂ŷ = ŷ − y, per column (no 1/m)."""
    Y_hat, Y = _pair(Y_hat, Y)
    return Y_hat - Y


COSTS = {
    "sigmoid": binary_cross_entropy,
    "softmax": categorical_cross_entropy,
    "linear": mean_squared_error,
}

COST_GRADIENTS = {
    "sigmoid": binary_cross_entropy_gradient,
    "softmax": categorical_cross_entropy_gradient,
    "linear": mean_squared_error_gradient,
}

# Unchecked versions for the training loop (inputs already validated once).
_FAST = {"sigmoid": _bce, "softmax": _cce, "linear": _mse}
