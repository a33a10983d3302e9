"""Activations: hand values, properties, derivatives, stability, dtypes."""
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnlib.activations import (ACTIVATIONS, get_activation, leaky_relu, leaky_relu_derivative,
                               linear, linear_derivative, relu, relu_derivative, sigmoid,
                               sigmoid_derivative, softmax, softmax_derivative, tanh,
                               tanh_derivative)

ELEMENTWISE = ["sigmoid", "tanh", "relu", "leaky_relu", "linear"]
finite = st.floats(-50, 50, allow_nan=False, width=64)
columns = arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 5)), elements=finite)


def test_hand_values():
    assert sigmoid(0.0) == 0.5
    assert sigmoid(np.log(3.0)) == pytest.approx(0.75)
    assert tanh(0.0) == 0.0
    np.testing.assert_array_equal(relu(np.array([-2.0, 0.0, 3.0])), [0, 0, 3])
    np.testing.assert_allclose(leaky_relu(np.array([-2.0, 0.0, 3.0])), [-0.02, 0, 3])
    np.testing.assert_array_equal(linear(np.array([-1.5, 2.0])), [-1.5, 2.0])
    e = np.exp([1.0, 2.0, 3.0])
    np.testing.assert_allclose(softmax(np.array([[1.0], [2.0], [3.0]]))[:, 0], e / e.sum())
    np.testing.assert_allclose(softmax(np.array([[1.0], [2.0], [3.0]]))[:, 0],
                               [0.09003057, 0.24472847, 0.66524096], rtol=1e-7)


def test_derivative_hand_values():
    assert sigmoid_derivative(0.0) == 0.25
    assert tanh_derivative(0.0) == 1.0
    np.testing.assert_array_equal(relu_derivative(np.array([-1.0, 0.0, 2.0])), [0, 0, 1])
    np.testing.assert_array_equal(leaky_relu_derivative(np.array([-1.0, 0.0, 2.0])),
                                  [0.01, 0.01, 1])
    np.testing.assert_array_equal(linear_derivative(np.array([-3.0, 7.0])), [1, 1])


def test_relu_derivative_at_zero_is_zero():
    assert relu_derivative(np.array([0.0]))[0] == 0


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivatives_match_finite_differences(name):
    g, g_prime = get_activation(name)
    z = np.linspace(-3, 3, 25) + 0.013          # avoid the kink at 0 exactly
    h = 1e-6
    np.testing.assert_allclose(g_prime(z), (g(z + h) - g(z - h)) / (2 * h), rtol=1e-6, atol=1e-8)


def test_softmax_jacobian_matches_finite_differences():
    z = np.array([[0.5, -1.0], [1.5, 0.0], [-0.3, 2.0]])
    J = softmax_derivative(z)
    assert J.shape == (3, 3, 2)
    h = 1e-6
    for j in range(3):
        dz = np.zeros_like(z)
        dz[j] = h
        np.testing.assert_allclose(J[:, j, :], (softmax(z + dz) - softmax(z - dz)) / (2 * h),
                                   atol=1e-9)


@settings(max_examples=50, deadline=None)
@given(columns, st.floats(-100, 100))
def test_softmax_columns_sum_to_one_and_shift_invariant(z, c):
    s = softmax(z)
    np.testing.assert_allclose(s.sum(axis=0), 1.0, rtol=1e-12)
    assert (s >= 0).all()
    np.testing.assert_allclose(softmax(z + c), s, atol=1e-12)
    shifts = np.arange(z.shape[1]) * 7.0                      # a different constant per column
    np.testing.assert_allclose(softmax(z + shifts), s, atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(arrays(np.float64, st.integers(1, 20), elements=finite))
def test_sigmoid_symmetry_and_range(z):
    np.testing.assert_allclose(sigmoid(-z), 1 - sigmoid(z), atol=1e-15)
    assert ((sigmoid(z) > 0) & (sigmoid(z) <= 1)).all()
    np.testing.assert_allclose(tanh(z), 2 * sigmoid(2 * z) - 1, atol=1e-12)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_no_warnings_for_huge_inputs_and_dtype_kept(name, dtype):
    g, g_prime = get_activation(name)
    z = np.array([[-1e4, 0.0, 1e4], [1e4, -1e4, 3.0], [0.5, 1e4, -1e4]], dtype=dtype)
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        a, d = g(z), g_prime(z)
    assert a.dtype == dtype and d.dtype == dtype
    assert np.isfinite(a).all() and np.isfinite(d).all()


def test_extreme_values_are_right():
    z = np.array([-1e4, 1e4])
    np.testing.assert_allclose(sigmoid(z), [0, 1], atol=1e-30)
    np.testing.assert_allclose(softmax(np.array([[1e4], [-1e4]]))[:, 0], [1, 0], atol=1e-30)


def test_integer_input_becomes_float64():
    assert sigmoid(np.array([0, 1])).dtype == np.float64
    assert relu([1, -2]).dtype == np.float64


def test_get_activation_unknown_name_lists_valid_names():
    assert get_activation("relu") == ACTIVATIONS["relu"]
    with pytest.raises(ValueError, match="valid names are: sigmoid, tanh, relu"):
        get_activation("gelu")
