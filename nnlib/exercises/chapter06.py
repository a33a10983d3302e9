"""Chapter 6 (Backpropagation): a computation graph by hand, and logistic-regression gradients."""
import numpy as np

from ..activations import sigmoid
from ._core import Exercise

_rng = np.random.default_rng(6)


def _graph_derivatives(a, b, c):
    """J = 3(a + bc): u = bc, v = a + u, J = 3v; returns (dJ/da, dJ/db, dJ/dc)."""
    dv = 3.0            # J = 3v
    du = dv * 1.0       # v = a + u
    return dv * 1.0, du * c, du * b


check_graph_derivatives = Exercise(
    "graph_derivatives",
    _graph_derivatives,
    cases=[(5.0, 3.0, 2.0), (1.0, -2.0, 4.0), (0.5, 7.0, -1.5)],
    mistakes={
        "forgot-3": (lambda a, b, c: (1.0, c, b),
                     "every derivative is missing the factor 3. The last node is J = 3v, so "
                     "dJ/dv = 3, and the chain rule multiplies every derivative to its left by it."),
        "swapped-b-c": (lambda a, b, c: (3.0, 3.0 * b, 3.0 * c),
                        "dJ/db and dJ/dc are swapped. u = bc, so du/db = c (what b is multiplied "
                        "by) and du/dc = b: dJ/db = 3c and dJ/dc = 3b."),
        "v-is-a-times-u": (lambda a, b, c: (3.0 * b * c, 3.0 * a * c, 3.0 * a * b),
                           "these are the derivatives of J = 3·a·b·c, i.e. v = a·u. In this graph "
                           "v = a + u (that is how J = 3(5 + 3·2) = 33), so dv/da = dv/du = 1."),
        "forward-values": (lambda a, b, c: (3.0 * a, 3.0 * b * c, 3.0 * b * c),
                           "these look like values of the forward pass, not derivatives. Go right "
                           "to left: dJ/dv = 3, dJ/du = 3·1, then dJ/da = 3, dJ/db = 3c, dJ/dc = 3b."),
    },
)


def _logistic_gradients(w, b, X, Y):
    """dw = (1/m) X dZᵀ with dZ = A − Y, A = σ(wᵀX + b); db = (1/m) Σ dZ (a number)."""
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    dZ = A - Y
    return X @ dZ.T / m, float(np.sum(dZ) / m)


def _wrong(dZ_of, dw_of, db_of):
    """Build a wrong answer from how it computes dZ, dw and db."""
    def wrong(w, b, X, Y):
        m = X.shape[1]
        A = sigmoid(w.T @ X + b)
        dZ = dZ_of(A, Y, w, b, X)
        return dw_of(X, dZ, m), db_of(dZ, m)
    return wrong


_ok_dZ = lambda A, Y, w, b, X: A - Y
_ok_dw = lambda X, dZ, m: X @ dZ.T / m
_ok_db = lambda dZ, m: float(np.sum(dZ) / m)


def _case(n_x, m, seed):
    rng = np.random.default_rng(seed)
    w = rng.normal(size=(n_x, 1))
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return w, float(rng.normal()), X, Y


check_logistic_gradients = Exercise(
    "logistic_gradients",
    _logistic_gradients,
    cases=[_case(3, 5, 1), _case(2, 4, 2), _case(4, 7, 3)],
    mistakes={
        "no-1/m": (_wrong(_ok_dZ, lambda X, dZ, m: X @ dZ.T, lambda dZ, m: float(np.sum(dZ))),
                   "your gradients are m times too large: the cost is the *average* loss, "
                   "J = (1/m) Σ L, so dw = (1/m) X dZᵀ and db = (1/m) Σ dZ."),
        "sign-flip": (_wrong(lambda A, Y, w, b, X: Y - A, _ok_dw, _ok_db),
                      "the sign is flipped: dZ = A − Y (prediction minus label), not Y − A. "
                      "With Y − A, gradient descent would climb the cost instead of descending."),
        "dw-transposed": (_wrong(_ok_dZ, lambda X, dZ, m: dZ @ X.T / m, _ok_db),
                          "dw has shape (1, n_x), but it must have the shape of w, (n_x, 1): "
                          "compute X @ dZ.T (shapes (n_x, m)·(m, 1)), not dZ @ X.T."),
        "dw-flat": (_wrong(_ok_dZ, lambda X, dZ, m: np.sum(X * dZ, axis=1) / m, _ok_db),
                    "dw has shape (n_x,), but it must have the shape of w, (n_x, 1): "
                    "use X @ dZ.T / m (or keepdims=True in the sum)."),
        "db-array": (_wrong(_ok_dZ, _ok_dw, lambda dZ, m: np.sum(dZ, axis=1, keepdims=True) / m),
                     "db is an array of shape (1, 1); here b is a single number, so db should be "
                     "one too: np.sum(dZ) / m."),
        "no-sigmoid": (_wrong(lambda A, Y, w, b, X: (w.T @ X + b) - Y, _ok_dw, _ok_db),
                       "you used Z - Y: the prediction is A = sigmoid(Z), so dZ = A - Y = "
                       "sigmoid(wᵀX + b) - Y."),
    },
)
