"""Ways to score predictions: accuracy and the confusion matrix.

Both functions compare *labels*, not probabilities.  Labels may come as a
row ``(1, m)`` (binary 0/1 predictions such as ``(A > 0.5).astype(int)``)
or as a flat vector ``(m,)`` of class indices (such as ``A.argmax(axis=0)``).
"""

import numpy as np

from . import _validate as v


def _check_same_length(y_a, y_b):
    if y_a.size != y_b.size:
        raise ValueError(f"y_pred and y_true have different lengths "
                         f"({y_a.size} and {y_b.size})")


def accuracy(y_pred, y_true):
    """Fraction of examples whose predicted label equals the true label.

    ``accuracy = (1/m) * sum_i [y_pred_i == y_true_i]``, a float in [0, 1].
    """
    y_pred, y_true = v.labels(y_pred, "y_pred"), v.labels(y_true, "y_true")
    _check_same_length(y_pred, y_true)
    return float(np.mean(y_pred == y_true))


def confusion_matrix(y_true, y_pred, num_classes=None):
    """Counts ``C[i, j]`` = number of examples of true class ``i`` predicted as ``j``.

    Rows are true classes, columns are predictions, so the diagonal holds the
    correct predictions and ``C.sum()`` is the number of examples.
    ``num_classes`` defaults to one more than the largest label seen.
    """
    if num_classes is not None:
        num_classes = v.integer(num_classes, "num_classes", 1, 10**4)
    y_true, y_pred = v.labels(y_true, "y_true"), v.labels(y_pred, "y_pred")
    _check_same_length(y_true, y_pred)
    largest = int(max(y_true.max(), y_pred.max()))
    if num_classes is not None and largest >= num_classes:
        raise ValueError(f"num_classes={num_classes} is too small for labels up to {largest}")
    num_classes = largest + 1 if num_classes is None else num_classes
    counts = np.bincount(y_true * num_classes + y_pred, minlength=num_classes * num_classes)
    return counts.reshape(num_classes, num_classes)
