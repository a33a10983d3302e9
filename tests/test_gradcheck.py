"""Backprop equals finite differences for every hidden activation × output × depth."""
import numpy as np
import pytest

from nnlib.gradcheck import gradient_check, numerical_gradients
from nnlib.network import NeuralNetwork

HIDDEN = ["sigmoid", "tanh", "relu", "leaky_relu", "linear"]
OUTPUTS = {"sigmoid": 2, "softmax": 3, "linear": 2}      # output units


def targets(output, m, rng):
    if output == "sigmoid":
        return (rng.random((2, m)) > 0.5).astype(int)
    if output == "softmax":
        return rng.integers(0, 3, m)
    return rng.normal(size=(2, m))


def small_net(hidden, output, depth, seed=0):
    """Random weights and biases: nonzero biases keep ReLU inputs away from the kink at 0."""
    sizes = [3] + [4] * depth + [OUTPUTS[output]]
    net = NeuralNetwork(sizes, [hidden] * depth + [output], seed=seed)
    rng = np.random.default_rng(seed + 100)
    for k, p in net.params.items():
        p[...] = rng.normal(scale=0.8, size=p.shape)
    return net


@pytest.mark.parametrize("depth", [1, 2, 3])
@pytest.mark.parametrize("output", list(OUTPUTS))
@pytest.mark.parametrize("hidden", HIDDEN)
def test_backprop_matches_finite_differences(hidden, output, depth):
    rng = np.random.default_rng(depth)
    X = rng.normal(size=(3, 6))
    net = small_net(hidden, output, depth)
    assert gradient_check(net, X, targets(output, 6, rng)) < 1e-7


def test_output_layer_alone():
    rng = np.random.default_rng(0)
    for output in OUTPUTS:
        net = NeuralNetwork([3, OUTPUTS[output]], [output], seed=1)
        assert gradient_check(net, rng.normal(size=(3, 5)), targets(output, 5, rng)) < 1e-7


def test_a_wrong_gradient_is_caught():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(3, 6)), rng.integers(0, 3, 6)
    net = small_net("tanh", "softmax", 1)
    original = net.gradients

    def buggy(X, Y):
        g = original(X, Y)
        g["dW1"] = g["dW1"] * 1.01
        return g
    net.gradients = buggy
    assert gradient_check(net, X, y) > 1e-4


def test_params_are_untouched_and_float32_is_checked_in_float64():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(3, 6)), rng.integers(0, 3, 6)
    net = small_net("tanh", "softmax", 2)
    net32 = NeuralNetwork(net.layer_sizes, net.activations, dtype=np.float32)
    net32.params = {k: v.astype(np.float32) for k, v in net.params.items()}
    before = {k: v.copy() for k, v in net32.params.items()}
    assert gradient_check(net32, X, y) < 1e-7
    for k, v in net32.params.items():
        assert v.dtype == np.float32
        np.testing.assert_array_equal(v, before[k])
    num = numerical_gradients(net, X, y)
    assert list(num) == list(net.gradients(X, y)) and num["dW1"].dtype == np.float64
