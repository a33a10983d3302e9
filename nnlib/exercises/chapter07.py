"""Chapter 7 (Vectorization and broadcasting): logistic regression over all m
examples at once, then the whole model assembled from the reader's functions.

Exercises: ``vectorized_forward``, ``propagate`` (cost and gradients, no loop
over examples), ``optimize`` (gradient descent on (w, b), built on chapter 5's
``gradient_descent``) and ``model``, the assignment built from
``initialize_with_zeros`` and ``predict`` (chapter 3), ``propagate`` and
``optimize``. One prediction: the shape broadcasting gives to (4,) + (4, 1).

The references ``_propagate``, ``_optimize`` and ``_model`` are what
``tests/test_chapter07.py`` compares with ``nnlib.NeuralNetwork.fit``.
"""
import numpy as np

from ..activations import sigmoid
from ._core import Exercise, Question
from .chapter03 import _initialize_with_zeros, _predict
from .chapter05 import _gradient_descent

_rng = np.random.default_rng(7)


# ---- vectorized_forward(w, b, X) -> A of shape (1, m) ------------------------

def _vectorized_forward(w, b, X):
    """A = σ(wᵀX + b): w is (n_x, 1), b a number, X is (n_x, m); A is (1, m)."""
    return sigmoid(w.T @ X + b)


def _forward_column(w, b, X):
    return sigmoid(X.T @ w + b)                          # (m, 1): one row per example


def _forward_rank1(w, b, X):
    return sigmoid(w[:, 0] @ X + b)                      # (m,): the row lost its first axis


def _forward_bias_vector(w, b, X):
    return sigmoid(X.T @ w + np.full(X.shape[1], b))     # (m, 1) + (m,) -> (m, m)


def _forward_no_sigmoid(w, b, X):
    return w.T @ X + b                                   # Z, not A


def _forward_no_bias(w, b, X):
    return sigmoid(w.T @ X)


_FORWARD_CASES = [
    (_rng.normal(size=(3, 1)), 0.5, _rng.normal(size=(3, 5))),
    (_rng.normal(size=(4, 1)), -1.25, _rng.normal(size=(4, 7))),
    (np.array([[2.0], [-1.0]]), 0.3, np.array([[1.0, 0.0, -1.0, 2.0], [0.5, 1.0, 0.0, -2.0]])),
]

check_vectorized_forward = Exercise(
    "vectorized_forward",
    _vectorized_forward,
    cases=_FORWARD_CASES,
    mistakes={
        "column": (_forward_column,
                   "your A has shape (m, 1): one row per example. In this book examples are "
                   "columns, so the m predictions form a row of shape (1, m): compute "
                   "Z = w.T @ X + b (a (1, n_x) row times an (n_x, m) matrix)."),
        "rank-1": (_forward_rank1,
                   "the values are right but A has shape (m,), a 'rank-1 array' with no "
                   "row or column direction. Its transpose is itself, and mixed with (1, m) "
                   "or (m, 1) arrays it broadcasts in surprising ways. Keep w as (n_x, 1) "
                   "and use w.T @ X, which is (1, m)."),
        "bias-vector": (_forward_bias_vector,
                        "your A is an (m, m) matrix. You added a bias vector of shape (m,) to "
                        "a column of shape (m, 1); broadcasting stretched the column across "
                        "m columns and the vector down m rows, with no error. b is one "
                        "number: add it directly, Z = w.T @ X + b, and broadcasting adds it "
                        "to every one of the m entries of the (1, m) row."),
        "no-sigmoid": (_forward_no_sigmoid,
                       "you returned Z = wᵀX + b. The prediction is A = σ(Z): apply the "
                       "sigmoid (nnlib.sigmoid) to Z."),
        "no-bias": (_forward_no_bias,
                    "the bias is missing: Z = wᵀX + b, and b shifts every z by the same amount."),
    },
)


# ---- propagate(w, b, X, Y) -> (cost, dw, db) ---------------------------------

def _propagate(w, b, X, Y):
    """Forward pass, cross-entropy cost and its gradients for all m examples.

    cost = −(1/m) Σ [y log a + (1 − y) log(1 − a)] (a number),
    dw = (1/m) X (A − Y)ᵀ of shape (n_x, 1), db = (1/m) Σ (A − Y) (a number).
    """
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = X @ dZ.T / m
    db = np.sum(dZ) / m
    return float(cost), dw, float(db)


def _propagate_variant(cost_scale=1.0, grad_scale=1.0, sign=1.0, bias=True,
                       dw_layout="column", db_layout="number", cost_layout="number"):
    """The reference with one piece changed: a classic mistake as code."""
    def wrong(w, b, X, Y):
        m = X.shape[1]
        A = sigmoid(w.T @ X + (b if bias else 0.0))
        if cost_layout == "matrix":                 # Y log Aᵀ as matrix products: (1, 1)
            cost = -(np.log(A) @ Y.T + np.log(1 - A) @ (1 - Y).T) / m
        else:
            cost = -cost_scale * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
            cost = float(cost)
        dZ = sign * (A - Y)
        dw = {"column": X @ dZ.T, "row": dZ @ X.T, "flat": X @ dZ[0]}[dw_layout]
        db = {"number": float(np.sum(dZ)), "keepdims": np.sum(dZ, axis=1, keepdims=True),
              "axis0": np.sum(dZ, axis=0)}[db_layout]
        return cost, grad_scale * dw / m, grad_scale * db / m
    return wrong


def _propagate_case(n_x, m, b):
    w = _rng.normal(size=(n_x, 1))
    X = _rng.normal(size=(n_x, m))
    Y = (_rng.uniform(size=(1, m)) < 0.5).astype(float)
    Y[0, :2] = [0.0, 1.0]                                # both classes present
    return w, b, X, Y


_PROPAGATE_CASES = [
    _propagate_case(3, 6, 0.5),
    _propagate_case(4, 5, -1.2),
    _propagate_case(2, 9, 0.3),
    (np.zeros((3, 1)), 0.0) + _propagate_case(3, 4, 0.0)[2:],   # the zero start
]

check_propagate = Exercise(
    "propagate",
    _propagate,
    cases=_PROPAGATE_CASES,
    mistakes={
        "cost-no-1/m": (_propagate_variant(cost_scale=X_m if (X_m := None) else 1.0)
                        if False else None, ""),
    },
)
