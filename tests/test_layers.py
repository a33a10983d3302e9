"""Layer building blocks: shapes, hand values, backward = finite differences, errors."""
import numpy as np
import pytest

from nnlib.activations import softmax, softmax_derivative
from nnlib.layers import (_linear_backward, activation_backward, activation_forward, layer_backward,
                          layer_forward, linear_backward, linear_forward)

rng = np.random.default_rng(0)


def test_linear_forward_by_hand():
    W = np.array([[1.0, 2.0], [0.0, -1.0]])
    b = np.array([[0.5], [1.0]])
    A_prev = np.array([[1.0, 0.0, 2.0], [1.0, 1.0, -1.0]])
    Z, cache = linear_forward(A_prev, W, b)
    np.testing.assert_array_equal(Z, [[3.5, 2.5, 0.5], [0.0, 0.0, 2.0]])
    assert cache[0] is A_prev and cache[1] is W and cache[2] is b


def test_linear_backward_formulas_and_out_buffers():
    A_prev, W, b = rng.normal(size=(3, 5)), rng.normal(size=(4, 3)), rng.normal(size=(4, 1))
    dZ = rng.normal(size=(4, 5))
    dA_prev, dW, db = linear_backward(dZ, (A_prev, W, b))
    np.testing.assert_allclose(dW, dZ @ A_prev.T / 5)
    np.testing.assert_allclose(db, dZ.sum(axis=1, keepdims=True) / 5)
    np.testing.assert_allclose(dA_prev, W.T @ dZ)
    out = (np.empty_like(W), np.empty_like(b))
    none, dW2, db2 = _linear_backward(dZ, (A_prev, W, b), out=out, need_dA_prev=False)
    assert none is None and dW2 is out[0] and db2 is out[1]
    np.testing.assert_allclose(dW2, dW)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax"])
def test_layer_backward_matches_finite_differences(activation):
    """With J = (1/m) Σ R ⊙ A, dA = R; then dW, db are ∂J/∂W, ∂J/∂b and dA_prev = m ∂J/∂A_prev."""
    m = 4
    A_prev, W, b = rng.normal(size=(3, m)), rng.normal(size=(5, 3)), rng.normal(size=(5, 1))
    R = rng.normal(size=(5, m))                       # dA = R  <=>  J = (1/m) Σ R ⊙ A

    def J(W, b, A_prev):
        return np.sum(R * layer_forward(A_prev, W, b, activation)[0]) / m

    A, cache = layer_forward(A_prev, W, b, activation)
    dA_prev, dW, db = layer_backward(R, cache, activation)
    h = 1e-6
    for theta, grad, scale in ((W, dW, 1), (b, db, 1), (A_prev, dA_prev, m)):
        num = np.zeros_like(theta)
        for i in np.ndindex(theta.shape):
            old = theta[i]
            theta[i] = old + h
            plus = J(W, b, A_prev)
            theta[i] = old - h
            minus = J(W, b, A_prev)
            theta[i] = old
            num[i] = (plus - minus) / (2 * h)
        np.testing.assert_allclose(grad, scale * num, rtol=1e-5, atol=1e-8)


def test_softmax_backward_equals_jacobian_product():
    Z, dA = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    J = softmax_derivative(Z)
    expected = np.einsum("ijk,ik->jk", J, dA)         # Jᵀ dA, column by column
    np.testing.assert_allclose(activation_backward(dA, Z, "softmax"), expected, atol=1e-12)
    A, cache = activation_forward(Z, "softmax")
    np.testing.assert_allclose(A, softmax(Z))
    assert cache is Z


def test_shapes_are_checked_with_clear_messages():
    W, b = np.ones((4, 3)), np.zeros((4, 1))
    with pytest.raises(ValueError, match=r"A_prev has shape \(5, 2\); expected \(n_x=3, m\)"):
        linear_forward(np.ones((5, 2)), W, b)
    with pytest.raises(ValueError, match=r"b has shape \(4,\); expected \(4, 1\)"):
        linear_forward(np.ones((3, 2)), W, np.zeros(4))
    with pytest.raises(ValueError, match=r"A_prev must be 2-D, got shape \(3,\)"):
        linear_forward(np.ones(3), W, b)
    with pytest.raises(ValueError, match="expected"):
        linear_backward(np.ones((4, 5)), (np.ones((3, 2)), W, b))
    with pytest.raises(ValueError, match="must match"):
        activation_backward(np.ones((2, 2)), np.ones((3, 2)), "relu")
    with pytest.raises(ValueError, match="valid names are"):
        activation_forward(np.ones((2, 2)), "swish")
