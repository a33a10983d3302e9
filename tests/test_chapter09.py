"""Chapter 9: the reader's two-layer network is nnlib's NeuralNetwork.

The checker module's references, assembled the way the reader assembles them
(``nn_model`` from layer_sizes, initialize_two_layer, forward_two_layer,
two_layer_cost, backward_two_layer and update_two_layer), give the cost
history and the parameters of ``NeuralNetwork(..., init="random").fit`` to
1e-10 in float64.
"""
import numpy as np
import pytest

import nnlib
from nnlib.exercises import chapter09 as ch9

TOL = 1e-10


def _assembled(X, Y, n_h, learning_rate, num_iterations, seed):
    """nn_model written out from the references, step by step."""
    n_x, n_h, n_y = ch9._layer_sizes(X, Y, n_h)
    parameters = ch9._initialize_two_layer(n_x, n_h, n_y, seed)
    costs = []
    for _ in range(num_iterations):
        A2, cache = ch9._forward_two_layer(X, parameters)
        costs.append(ch9._two_layer_cost(A2, Y))
        grads = ch9._backward_two_layer(parameters, cache, X, Y)
        parameters = ch9._update_two_layer(parameters, grads, learning_rate)
    return parameters, costs


def _library(X, Y, n_h, learning_rate, num_iterations, seed):
    net = nnlib.NeuralNetwork([X.shape[0], n_h, Y.shape[0]],
                              ["tanh", "sigmoid"], init="random", seed=seed)
    history = net.fit(X, Y, learning_rate, epochs=num_iterations)
    return net, history


def _gap(a, b):
    return float(np.max(np.abs(np.asarray(a) - np.asarray(b))))


@pytest.mark.parametrize("n_h,learning_rate,iterations,seed",
                         [(4, 1.2, 300, 2), (3, 0.5, 200, 0), (6, 2.0, 150, 5)])
def test_nn_model_equals_neural_network_fit(n_h, learning_rate, iterations, seed):
    X, Y = nnlib.make_flower(m=60, seed=3)
    for model in (_assembled, ch9._nn_model):
        params, costs = model(X, Y, n_h, learning_rate, iterations, seed)
        net, history = _library(X, Y, n_h, learning_rate, iterations, seed)
        assert len(costs) == len(history) == iterations
        assert _gap(costs, history) < TOL
        assert params.keys() == net.params.keys()
        for k in params:
            assert params[k].shape == net.params[k].shape
            assert _gap(params[k], net.params[k]) < TOL, k


def test_two_outputs_too():
    rng = np.random.default_rng(9)
    X = rng.standard_normal((3, 25))
    Y = np.vstack([X[0:1] * X[1:2] > 0, X[2:3] > 0]).astype(float)
    params, costs = ch9._nn_model(X, Y, 5, 0.8, 100, seed=1)
    net, history = _library(X, Y, 5, 0.8, 100, 1)
    assert _gap(costs, history) < TOL
    assert all(_gap(params[k], net.params[k]) < TOL for k in params)


def test_pieces_match_the_library():
    X, Y = nnlib.make_flower(m=40, seed=4)
    params = ch9._initialize_two_layer(2, 4, 1, seed=7)
    library = nnlib.initialize_parameters([2, 4, 1], "random", 7)
    assert all(np.array_equal(params[k], library[k]) for k in library)
    params = {k: v * 100 for k, v in params.items()}        # away from 0.5
    net = nnlib.NeuralNetwork([2, 4, 1], ["tanh", "sigmoid"])
    net.params = {k: v.copy() for k, v in params.items()}
    A2, cache = ch9._forward_two_layer(X, params)
    assert _gap(A2, net.forward(X)) < TOL
    assert abs(ch9._two_layer_cost(A2, Y) - net.cost(X, Y)) < TOL
    grads = ch9._backward_two_layer(params, cache, X, Y)
    expected = net.gradients(X, Y)
    assert all(_gap(grads[k], expected[k]) < TOL for k in expected)
    assert np.array_equal(ch9._predict_two_layer(params, X), net.predict(X))


def test_flower_reaches_90_percent():
    X, Y = nnlib.make_flower()
    params, _ = ch9._nn_model(X, Y, 4, 1.2, 1500, seed=2)
    assert np.mean(ch9._predict_two_layer(params, X) == Y) >= 0.90


def test_a_reader_solution_written_differently_passes():
    """A reader's nn_model with per-parameter loops and its own helpers."""
    def nn_model(X, Y, n_h, learning_rate, num_iterations, seed=0):
        n_x, n_y, m = X.shape[0], Y.shape[0], X.shape[1]
        rng = np.random.default_rng(seed)
        p = {"W1": rng.standard_normal((n_h, n_x)) * 0.01,
             "b1": np.zeros((n_h, 1)),
             "W2": rng.standard_normal((n_y, n_h)) * 0.01,
             "b2": np.zeros((n_y, 1))}
        costs = []
        for _ in range(num_iterations):
            A1 = np.tanh(np.dot(p["W1"], X) + p["b1"])
            A2 = 1 / (1 + np.exp(-(np.dot(p["W2"], A1) + p["b2"])))
            costs.append(float(-np.mean(Y * np.log(A2)
                                        + (1 - Y) * np.log(1 - A2))))
            dZ2 = A2 - Y
            dZ1 = np.dot(p["W2"].T, dZ2) * (1 - np.power(A1, 2))
            g = {"W2": np.dot(dZ2, A1.T) / m,
                 "b2": dZ2.mean(axis=1, keepdims=True),
                 "W1": np.dot(dZ1, X.T) / m,
                 "b1": dZ1.mean(axis=1, keepdims=True)}
            for k in list(p):
                p[k] = p[k] - learning_rate * g[k]
        return p, costs

    assert ch9.check_nn_model.evaluate(nn_model).passed
