"""Chapter 0 (How to use this book): the exercise that shows the pattern."""
import numpy as np

from ._core import Exercise

_rng = np.random.default_rng(0)


def _column_means(X):
    """Mean of each example's features: X is (n_x, m), the answer is (1, m)."""
    return X.mean(axis=0, keepdims=True)


check_column_means = Exercise(
    "column_means",
    _column_means,
    cases=[(_rng.normal(size=(3, 5)),), (np.arange(12.0).reshape(4, 3),)],
    mistakes={
        "wrong-axis": (lambda X: X.mean(axis=1, keepdims=True),
                       "you averaged each row (one feature across all examples). "
                       "Examples are columns, so average down each column: axis=0."),
        "lost-keepdims": (lambda X: X.mean(axis=0),
                          "the values are right but the shape is (m,); the book keeps "
                          "a row of m values as shape (1, m): use keepdims=True."),
        "overall-mean": (lambda X: np.full((1, X.shape[1]), X.mean()),
                         "you averaged every number in X; each column needs its own mean."),
    },
)
