"""Ways to score predictions: accuracy and the confusion matrix.

Both functions compare *labels*, not probabilities.  Labels may come as a
row ``(1, m)`` (binary 0/1 predictions such as ``(A > 0.5).astype(int)``)
or as a flat vector ``(m,)`` of class indices (such as ``A.argmax(axis=0)``).
"""

import numpy as np


def _as_labels(y, name):
    """Flatten a row/column/vector of labels to shape ``(m,)``, with clear errors."""
    y = np.asarray(y)
    if y.ndim > 2 or (y.ndim == 2 and 1 not in y.shape):
        raise ValueError(f"{name} must be labels of shape (m,) or (1, m), got {y.shape}; "
                         "for one-hot or probability columns (C, m) use .argmax(axis=0) first")
    y = y.ravel()
    if y.dtype.kind not in "biuf":
        raise ValueError(f"{name} must hold integer labels, got dtype {y.dtype}")
    if y.dtype.kind == "f" and not np.all(y == np.round(y)):
        raise ValueError(f"{name} contains non-integer values; these look like "
                         "probabilities - turn them into labels first, e.g. (A > 0.5)")
    return y


def _check_same_length(y_a, y_b):
    if y_a.size != y_b.size:
        raise ValueError(f"predictions and targets have different lengths "
                         f"({y_a.size} and {y_b.size})")


def accuracy(y_pred, y_true):
    """Fraction of examples whose predicted label equals the true label.

    ``accuracy = (1/m) * sum_i [y_pred_i == y_true_i]``, a float in [0, 1].
    """
    y_pred, y_true = _as_labels(y_pred, "y_pred"), _as_labels(y_true, "y_true")
    _check_same_length(y_pred, y_true)
    if y_true.size == 0:
        raise ValueError("accuracy of an empty set of predictions is undefined")
    return float(np.mean(y_pred == y_true))


def confusion_matrix(y_true, y_pred, num_classes=None):
    """Counts ``C[i, j]`` = number of examples of true class ``i`` predicted as ``j``.

    Rows are true classes, columns are predictions, so the diagonal holds the
    correct predictions and ``C.sum()`` is the number of examples.
    ``num_classes`` defaults to one more than the largest label seen.
    """
    y_true, y_pred = _as_labels(y_true, "y_true"), _as_labels(y_pred, "y_pred")
    _check_same_length(y_true, y_pred)
    y_true, y_pred = y_true.astype(np.int64), y_pred.astype(np.int64)
    if num_classes is None:
        num_classes = int(max(y_true.max(initial=-1), y_pred.max(initial=-1))) + 1
    for y in (y_true, y_pred):
        if y.size and (y.min() < 0 or y.max() >= num_classes):
            raise ValueError(f"labels must lie in 0..{num_classes - 1}, "
                             f"got values from {y.min()} to {y.max()}")
    counts = np.bincount(y_true * num_classes + y_pred, minlength=num_classes * num_classes)
    return counts.reshape(num_classes, num_classes)
