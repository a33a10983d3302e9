"""Chapter 7: logistic regression assembled from the reader's functions gives
exactly nnlib's numbers.

The chapter's ``model`` calls the reader's ``initialize_with_zeros``,
``propagate``, ``optimize`` (built on ``gradient_descent``) and ``predict``, or
the checker references standing in for them. Here the checker-module
references are assembled the same way and compared with
``nnlib.NeuralNetwork([n_x, 1], ["sigmoid"], init="zeros").fit``: cost history
and final parameters equal to 1e-10 in float64.
"""
import numpy as np
import pytest

import nnlib
from nnlib.exercises import ALL, check_model
from nnlib.exercises.chapter03 import _initialize_with_zeros, _predict
from nnlib.exercises.chapter05 import _gradient_descent
from nnlib.exercises.chapter07 import _model, _optimize, _propagate

TOL = 1e-10


def _data(n_x, m, seed):
    """Two overlapping clouds, labels 0/1 of shape (1, m)."""
    rng = np.random.default_rng(seed)
    Y = (rng.uniform(size=(1, m)) < 0.5).astype(float)
    X = rng.normal(size=(n_x, m)) + np.where(Y == 1, 0.7, -0.7)
    return X, Y


@pytest.mark.parametrize("n_x, m, steps, learning_rate",
                         [(5, 40, 30, 0.5), (12, 100, 80, 1.0), (3, 7, 1, 0.1)])
def test_model_gives_nnlibs_numbers(n_x, m, steps, learning_rate):
    X, Y = _data(n_x, m, seed=n_x)
    X_test, Y_test = _data(n_x, m // 2 + 1, seed=100 + n_x)
    result = _model(X, Y, X_test, Y_test, steps, learning_rate)

    net = nnlib.NeuralNetwork([n_x, 1], ["sigmoid"], init="zeros")
    history = net.fit(X, Y, learning_rate=learning_rate, epochs=steps)

    assert len(result["costs"]) == len(history) == steps
    assert np.max(np.abs(np.array(result["costs"]) - history)) < TOL
    assert result["w"].shape == (n_x, 1) and isinstance(result["b"], float)
    assert np.max(np.abs(net.params["W1"] - result["w"].T)) < TOL
    assert abs(net.params["b1"][0, 0] - result["b"]) < TOL
    assert result["train_accuracy"] == net.score(X, Y)
    assert result["test_accuracy"] == net.score(X_test, Y_test)


def test_model_is_assembled_from_the_pieces():
    """The reference model is exactly initialise -> optimize -> predict, and
    optimize is exactly chapter 5's loop on theta = [w; b]."""
    X, Y = _data(4, 30, seed=1)
    w, b = _initialize_with_zeros(4)
    w, b, costs = _optimize(w, b, X, Y, 25, 0.3)
    result = _model(X, Y, X, Y, 25, 0.3)
    assert np.array_equal(result["w"], w) and result["b"] == b
    assert result["costs"] == costs
    assert result["train_accuracy"] == float(np.mean(_predict(w, b, X) == Y))

    def cost_and_gradient(theta):
        cost, dw, db = _propagate(theta[:-1], float(theta[-1, 0]), X, Y)
        return cost, np.vstack([dw, [[db]]])

    theta, loop_costs = _gradient_descent(cost_and_gradient, np.zeros((5, 1)),
                                          0.3, 0.0, 25)
    assert loop_costs == costs and np.array_equal(theta[:-1], w)


def test_propagate_matches_nnlib_cost_and_gradients():
    X, Y = _data(6, 50, seed=3)
    rng = np.random.default_rng(0)
    w, b = rng.normal(size=(6, 1)), 0.3
    cost, dw, db = _propagate(w, b, X, Y)
    net = nnlib.NeuralNetwork([6, 1], ["sigmoid"])
    net.params["W1"], net.params["b1"] = w.T.copy(), np.array([[b]])
    grads = net.gradients(X, Y)
    assert abs(net.cost(X, Y) - cost) < TOL
    assert np.max(np.abs(grads["dW1"] - dw.T)) < TOL
    assert abs(grads["db1"][0, 0] - db) < TOL


def test_model_is_an_assignment_on_the_readers_functions():
    assert len(check_model.builds_on) >= 3
    for name in check_model.builds_on:
        assert f"check_{name}" in ALL, name
