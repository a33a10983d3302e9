"""Costs: hand-computed values, gradients, clipping, integer labels, dtypes."""
import numpy as np
import pytest

from nnlib.costs import (COST_GRADIENTS, COSTS, binary_cross_entropy,
                         binary_cross_entropy_gradient, categorical_cross_entropy,
                         categorical_cross_entropy_gradient, mean_squared_error,
                         mean_squared_error_gradient)


def test_bce_by_hand():
    # J = -(1/2) [log 0.9 + log(1 - 0.2)]
    assert binary_cross_entropy(np.array([[0.9, 0.2]]), np.array([[1, 0]])) == \
        pytest.approx(-(np.log(0.9) + np.log(0.8)) / 2)


def test_mse_by_hand():
    # (1/2) [½ (1-0)² + ½ (3-1)²] = (0.5 + 2) / 2
    assert mean_squared_error(np.array([[1.0, 3.0]]), np.array([[0.0, 1.0]])) == 1.25


def test_cce_by_hand_one_hot_and_labels_agree():
    Y_hat = np.array([[0.7, 0.1], [0.2, 0.3], [0.1, 0.6]])
    expected = -(np.log(0.7) + np.log(0.6)) / 2
    Y = np.array([[1, 0], [0, 0], [0, 1]])
    for labels in (Y, np.array([0, 2]), np.array([[0, 2]])):
        assert categorical_cross_entropy(Y_hat, labels) == pytest.approx(expected)
    np.testing.assert_allclose(categorical_cross_entropy_gradient(Y_hat, np.array([0, 2])),
                               categorical_cross_entropy_gradient(Y_hat, Y))


def test_perfect_and_worst_predictions_are_finite():
    Y = np.array([[1, 0]])
    assert binary_cross_entropy(np.array([[1.0, 0.0]]), Y) == pytest.approx(0, abs=1e-12)
    worst = binary_cross_entropy(np.array([[0.0, 1.0]]), Y)
    assert np.isfinite(worst) and worst > 30
    assert np.isfinite(binary_cross_entropy_gradient(np.array([[0.0, 1.0]]), Y)).all()
    Y_hat = np.array([[0.0], [1.0]])
    assert np.isfinite(categorical_cross_entropy(Y_hat, np.array([0])))
    assert np.isfinite(categorical_cross_entropy_gradient(Y_hat, np.array([0]))).all()
    w32 = binary_cross_entropy(np.array([[0.0, 1.0]], np.float32), Y)
    assert np.isfinite(w32) and w32 > 10


@pytest.mark.parametrize("cost, grad, Y", [
    (binary_cross_entropy, binary_cross_entropy_gradient, np.array([[1, 0, 1]])),
    (mean_squared_error, mean_squared_error_gradient, np.array([[0.3, -1.0, 2.0]])),
    (categorical_cross_entropy, categorical_cross_entropy_gradient,
     np.array([[1, 0, 0], [0, 1, 1]])),
])
def test_gradient_is_per_example_derivative(cost, grad, Y):
    """dA = ∂ℓ/∂ŷ per column, i.e. m · ∂J/∂ŷ."""
    Y_hat = np.array([[0.6, 0.3, 0.8], [0.4, 0.7, 0.2]])[: Y.shape[0]]
    m, h = Y.shape[1], 1e-6
    numeric = np.zeros_like(Y_hat)
    for i in np.ndindex(Y_hat.shape):
        d = np.zeros_like(Y_hat)
        d[i] = h
        numeric[i] = m * (cost(Y_hat + d, Y) - cost(Y_hat - d, Y)) / (2 * h)
    np.testing.assert_allclose(grad(Y_hat, Y), numeric, rtol=1e-6)


def test_costs_table():
    assert COSTS == {"sigmoid": binary_cross_entropy, "softmax": categorical_cross_entropy,
                     "linear": mean_squared_error}
    assert set(COST_GRADIENTS) == set(COSTS)


def test_float32_gradient_stays_float32():
    Y_hat = np.array([[0.6, 0.3]], np.float32)
    assert binary_cross_entropy_gradient(Y_hat, np.array([[1, 0]])).dtype == np.float32
    assert mean_squared_error_gradient(Y_hat, np.array([[1, 0]])).dtype == np.float32


def test_shape_mismatch_is_refused():
    with pytest.raises(ValueError, match="must match"):
        mean_squared_error(np.ones((2, 3)), np.ones((3, 2)))
    with pytest.raises(ValueError, match=r"Y.reshape\(1, -1\)"):
        binary_cross_entropy(np.full((1, 3), 0.5), np.array([1, 0, 1]))


def test_bad_labels_are_refused():
    with pytest.raises(ValueError, match="must be 0 or 1"):
        binary_cross_entropy(np.full((1, 2), 0.5), np.array([[1, 2]]))
    with pytest.raises(ValueError, match=r"in 0\.\.2"):
        categorical_cross_entropy(np.full((3, 2), 1 / 3), np.array([0, 3]))
    with pytest.raises(ValueError, match="one-hot"):
        categorical_cross_entropy(np.full((2, 2), 0.5), np.array([[1, 1], [1, 0]]))
