"""Chapter 10: the L-layer network the reader assembles is nnlib's, number for number.

The chapter's references (the functions that stand in until the reader's pass)
are assembled exactly as the reader assembles them; with the same seed and
settings, ``L_layer_model`` must give ``NeuralNetwork.fit``'s cost history and
final parameters to within 1e-10 in float64, for each output / cost pair.
"""
import numpy as np
import pytest

import nnlib
from nnlib.exercises.chapter10 import (
    _initialize_parameters_deep, _L_layer_model, _L_model_backward, _L_model_forward,
    _update_parameters)


def _task(kind, m=60, seed=0):
    rng = np.random.default_rng(seed)
    if kind == "binary":
        X, Y = nnlib.make_flower(m=m, seed=seed + 1)
        return X, Y.astype(float), [2, 6, 4, 1], ["relu", "relu", "sigmoid"], 0.3
    if kind == "classes":
        X = rng.standard_normal((3, m))
        labels = (X[0] > 0).astype(int) + (X[1] > 0.5).astype(int)
        return X, nnlib.one_hot(labels, 3), [3, 5, 4, 3], ["tanh", "relu", "softmax"], 0.5
    X = rng.uniform(-2, 2, (1, m))
    return X, np.sin(X), [1, 8, 6, 1], ["leaky_relu", "tanh", "linear"], 0.05


@pytest.mark.parametrize("kind", ["binary", "classes", "real"])
def test_L_layer_model_equals_nnlib_fit(kind):
    X, Y, dims, activations, lr = _task(kind)
    parameters, costs = _L_layer_model(X, Y, dims, activations, lr, 300, seed=3)
    net = nnlib.NeuralNetwork(dims, activations, init="he", seed=3)
    history = net.fit(X, Y, lr, epochs=300)
    assert len(costs) == len(history) == 300
    assert costs[-1] < costs[0], "training lowered the cost"
    assert np.allclose(costs, history, rtol=0, atol=1e-10)
    assert parameters.keys() == net.params.keys()
    for k in net.params:
        assert np.allclose(parameters[k], net.params[k], rtol=0, atol=1e-10), k


def test_flower_run_of_the_chapter_equals_nnlib():
    """The chapter's own run: [2, 10, 5, 1], lr 0.1, 2,000 iterations, seed 0."""
    X, Y = nnlib.make_flower()
    dims, activations = [2, 10, 5, 1], ["relu", "relu", "sigmoid"]
    parameters, costs = _L_layer_model(X, Y, dims, activations, 0.1, 2000, seed=0)
    net = nnlib.NeuralNetwork(dims, activations, init="he", seed=0)
    history = net.fit(X, Y, 0.1, epochs=2000)
    assert np.max(np.abs(np.array(costs) - history)) < 1e-10
    assert max(np.max(np.abs(parameters[k] - net.params[k])) for k in parameters) < 1e-10


def test_initialisation_is_nnlibs_he():
    for dims, seed in [([3, 5, 5, 3, 1], 0), ([784, 64, 10], 7)]:
        ours = _initialize_parameters_deep(dims, seed)
        library = nnlib.initialize_parameters(dims, "he", seed)
        assert ours.keys() == library.keys()
        for k in library:
            assert np.array_equal(ours[k], library[k]), k


@pytest.mark.parametrize("kind", ["binary", "classes", "real"])
def test_forward_and_backward_match_the_network(kind):
    X, Y, dims, activations, _ = _task(kind, m=12)
    net = nnlib.NeuralNetwork(dims, activations, seed=1)
    AL, caches = _L_model_forward(X, net.params, activations)
    assert np.allclose(AL, net.forward(X), rtol=0, atol=1e-12)
    assert len(caches) == len(activations)
    grads = _L_model_backward(AL, Y, caches, activations)
    library = net.gradients(X, Y)
    assert grads.keys() == library.keys()
    for k in library:
        assert np.allclose(grads[k], library[k], rtol=0, atol=1e-12), k


def test_update_parameters_leaves_its_inputs_alone():
    parameters = _initialize_parameters_deep([3, 4, 1], 0)
    grads = {"d" + k: np.ones_like(v) for k, v in parameters.items()}
    before = {k: v.copy() for k, v in parameters.items()}
    new = _update_parameters(parameters, grads, 0.5)
    for k in parameters:
        assert np.array_equal(parameters[k], before[k])
        assert np.allclose(new[k], before[k] - 0.5)
