"""Chapter 7 (Vectorization and broadcasting): a forward pass and the gradients
of logistic regression over all m examples at once, with no loop over examples."""
import numpy as np

from ..activations import sigmoid
from ._core import Exercise

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


# ---- vectorized_gradients(X, A, Y) -> (dw, db) ---------------------------------

def _vectorized_gradients(X, A, Y):
    """dZ = A − Y, dw = (1/m) X dZᵀ of shape (n_x, 1), db = (1/m) Σ dZ, a number."""
    m = X.shape[1]
    dZ = A - Y
    return X @ dZ.T / m, float(np.sum(dZ) / m)


def _grads_no_m(X, A, Y):
    dZ = A - Y
    return X @ dZ.T, float(np.sum(dZ))


def _grads_row(X, A, Y):
    m = X.shape[1]
    dZ = A - Y
    return dZ @ X.T / m, float(np.sum(dZ) / m)           # (1, n_x): W's layout, not w's


def _grads_sign(X, A, Y):
    m = X.shape[1]
    dZ = Y - A
    return X @ dZ.T / m, float(np.sum(dZ) / m)


def _grads_from_A(X, A, Y):
    m = X.shape[1]
    return X @ A.T / m, float(np.sum(A) / m)


def _grads_db_axis(X, A, Y):
    m = X.shape[1]
    dZ = A - Y
    return X @ dZ.T / m, np.sum(dZ, axis=0) / m          # (m,): one 'db' per example


def _grads_db_array(X, A, Y):
    m = X.shape[1]
    dZ = A - Y
    return X @ dZ.T / m, np.sum(dZ, axis=1, keepdims=True) / m   # (1, 1) array


def _gradient_case(n_x, m):
    X = _rng.normal(size=(n_x, m))
    A = _rng.uniform(0.05, 0.95, size=(1, m))
    Y = (_rng.uniform(size=(1, m)) < 0.5).astype(float)
    Y[0, :2] = [0.0, 1.0]                                # both classes present
    return X, A, Y


check_vectorized_gradients = Exercise(
    "vectorized_gradients",
    _vectorized_gradients,
    cases=[_gradient_case(3, 6), _gradient_case(5, 4), _gradient_case(2, 9)],
    mistakes={
        "no-1/m": (_grads_no_m,
                   "your gradients are m times too large: the cost J is an average over the "
                   "m examples, so its gradient is one too: dw = (1/m) X dZᵀ, db = (1/m) Σ dZ."),
        "dw-row": (_grads_row,
                   "dw has shape (1, n_x) but w has shape (n_x, 1), and a gradient always "
                   "has the shape of its parameter. dZ @ X.T is the layout of a weight matrix "
                   "W (one row per unit); for the column w use X @ dZ.T."),
        "sign": (_grads_sign,
                 "the signs are flipped: dZ = A − Y (prediction minus label), not Y − A. "
                 "With the wrong sign, gradient descent would climb the cost."),
        "from-A": (_grads_from_A,
                   "you used A where the error dZ = A − Y belongs: the gradient depends on "
                   "how far each prediction is from its label."),
        "db-axis": (_grads_db_axis,
                    "db should be one number, but yours has one entry per example: you summed "
                    "dZ (shape (1, m)) down axis 0, which leaves the m entries alone. Sum all "
                    "m entries: np.sum(dZ) / m."),
        "db-array": (_grads_db_array,
                     "the value of db is right but it is an array of shape (1, 1). Here b is a "
                     "single number, so return a number: float(np.sum(dZ) / m). (nnlib's "
                     "networks keep b1 as a (1, 1) array; this exercise follows the notes' scalar b.)"),
    },
)
