import numpy as np
import pytest

from nnlib.metrics import accuracy, confusion_matrix


def test_accuracy_binary_rows():
    y_true = np.array([[1, 0, 1, 1]])
    assert accuracy(np.array([[1, 0, 0, 1]]), y_true) == 0.75
    assert accuracy(y_true, y_true) == 1.0
    assert isinstance(accuracy(y_true, y_true), float)


def test_accuracy_class_indices_and_mixed_shapes():
    y_true = np.array([3, 1, 4, 1, 5])
    assert accuracy(np.array([3, 1, 4, 0, 0]), y_true) == 0.6
    assert accuracy(y_true[None, :], y_true) == 1.0           # (1, m) against (m,)
    assert accuracy((np.array([[0.9, 0.2]]) > 0.5), [1, 0]) == 1.0  # booleans
    assert accuracy(np.array([1.0, 0.0]), [1, 0]) == 1.0       # whole-number floats


def test_accuracy_errors():
    with pytest.raises(ValueError, match="different lengths"):
        accuracy(np.array([1, 0, 1]), np.array([1, 0]))
    with pytest.raises(ValueError, match="probabilities"):
        accuracy(np.array([[0.9, 0.2]]), np.array([[1, 0]]))
    with pytest.raises(ValueError, match="argmax"):
        accuracy(np.eye(3), np.eye(3))
    with pytest.raises(ValueError, match="empty"):
        accuracy(np.array([]), np.array([]))


def test_confusion_matrix_counts():
    y_true = np.array([0, 0, 1, 2, 2, 2])
    y_pred = np.array([0, 1, 1, 2, 0, 2])
    C = confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(C, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert C.sum() == 6 and np.trace(C) / C.sum() == accuracy(y_pred, y_true)
    assert np.issubdtype(C.dtype, np.integer)
    assert confusion_matrix(y_true, y_pred, num_classes=10).shape == (10, 10)
    np.testing.assert_array_equal(confusion_matrix([[1, 0]], [[1, 1]]), [[0, 1], [0, 1]])


def test_confusion_matrix_rows_are_true_class():
    C = confusion_matrix(np.array([2, 2]), np.array([0, 0]), num_classes=3)
    assert C[2, 0] == 2 and C.sum() == 2


def test_confusion_matrix_errors():
    with pytest.raises(ValueError, match="too small"):
        confusion_matrix([0, 2], [0, 1], num_classes=2)
    with pytest.raises(ValueError, match="different lengths"):
        confusion_matrix([0, 1], [0])
