"""Chapter 0 (How to use this book): averaging along an axis.

Two shape exercises that show the pattern every later exercise follows: the
mean of each feature over the examples (a column, one value per row of X),
and the mean of each example when every row measures the same thing (a row,
one value per column). One prediction: the shape an average along axis 0
keeps.
"""
import numpy as np

from ._core import Exercise, Question

_rng = np.random.default_rng(0)

# Rectangular cases, so an average along the wrong axis also has the wrong
# shape, and each mistake below gives answers of its own.
_CASES = [(_rng.normal(size=(3, 5)),), (np.arange(12.0).reshape(4, 3),),
          (_rng.uniform(0, 10, size=(2, 6)),)]


# ---- Exercise 1: the mean of each feature, a column (n_x, 1) ---------------

def _feature_means(X):
    """Mean of each feature over the m examples: X is (n_x, m), the answer (n_x, 1)."""
    return X.mean(axis=1, keepdims=True)


check_feature_means = Exercise(
    "feature_means",
    _feature_means,
    cases=_CASES,
    mistakes={
        "wrong-axis": (lambda X: X.mean(axis=0, keepdims=True),
                       "you averaged down each column, which mixes the features "
                       "of one example (hours with hours of sleep...). Each "
                       "feature is a row: average along the rows, over the "
                       "examples, with axis=1."),
        "lost-keepdims": (lambda X: X.mean(axis=1),
                          "the values are right but the shape is (n_x,), a flat "
                          "array. Keep one value per row as a column (n_x, 1), "
                          "lined up with the rows of X: use keepdims=True."),
        "row-not-column": (lambda X: X.mean(axis=1)[np.newaxis, :],
                           "the values are right but you returned a row "
                           "(1, n_x). One value per feature belongs in a column "
                           "(n_x, 1), like the rows of X it describes: "
                           "keepdims=True keeps that shape."),
        "overall-mean": (lambda X: np.full((X.shape[0], 1), X.mean()),
                         "every entry is the mean of all the numbers in X; each "
                         "feature (each row) needs its own mean."),
    },
)


# ---- Exercise 2: the mean of each example, a row (1, m) --------------------

def _column_means(X):
    """Mean of each column: X is (k, m), the answer (1, m)."""
    return X.mean(axis=0, keepdims=True)


check_column_means = Exercise(
    "column_means",
    _column_means,
    cases=_CASES,
    mistakes={
        "wrong-axis": (lambda X: X.mean(axis=1, keepdims=True),
                       "you averaged each row (one row across all examples). "
                       "Examples are columns, so average down each column: "
                       "axis=0."),
        "lost-keepdims": (lambda X: X.mean(axis=0),
                          "the values are right but the shape is (m,); the book "
                          "keeps a row of m values as shape (1, m): use "
                          "keepdims=True."),
        "overall-mean": (lambda X: np.full((1, X.shape[1]), X.mean()),
                         "you averaged every number in X; each column needs its "
                         "own mean."),
    },
)


# ---- Prediction: which axis survives an average ----------------------------

check_mean_axis0_shape = Question(
    "the shape of X.mean(axis=0, keepdims=True) for X of shape (3, 8)",
    (1, 8),
    wrong={
        (3, 1): "that is the shape of an average along axis 1, over the 8 "
                "columns. axis=0 averages down each column, over the 3 rows, "
                "so the 3 becomes 1.",
        (8,): "without keepdims=True that would be right; keepdims keeps the "
              "averaged axis, with length 1.",
        (3,): "this drops the wrong axis, and keepdims=True keeps the "
              "averaged axis anyway, with length 1.",
        (1, 3): "the averaged axis (axis 0, the 3 rows) becomes 1 and the "
                "other axis, the 8 columns, stays as it is.",
        (8, 1): "the result keeps the order of the axes: axis 0 (now of "
                "length 1) first, then axis 1 (8 columns).",
    },
    why="axis=0 runs down the rows: averaging over it leaves one number per "
        "column, and keepdims=True keeps the averaged axis with length 1.",
)
