"""Chapter 6: the checkers' references agree with nnlib, accept correct answers
written differently, and the facts the chapter's prose and predictions state hold."""
import numpy as np

import nnlib
from nnlib.exercises import (check_backprop_dW2_shape, check_gradcheck_forward_passes,
                             check_propagate_loop, check_two_layer_backward)
from nnlib.exercises.chapter06 import _propagate_loop, _two_layer_backward


def _students():
    X_raw, exam = nnlib.load_study_hours()
    X = (X_raw - X_raw.mean(axis=1, keepdims=True)) / X_raw.std(axis=1, keepdims=True)
    return X, (exam >= 0.70).astype(float)


def _forward(X, params):
    Z1 = params["W1"] @ X + params["b1"]
    A1 = np.tanh(Z1)
    Z2 = params["W2"] @ A1 + params["b2"]
    return nnlib.sigmoid(Z2), {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": nnlib.sigmoid(Z2)}


class _Ours(nnlib.NeuralNetwork):
    """A tanh-sigmoid network whose cost and gradients come from _forward and a
    given backward pass; counts the forward passes, as the chapter's OurNetwork."""
    passes = 0

    def __init__(self, sizes, backward=_two_layer_backward):
        super().__init__(sizes, ["tanh", "sigmoid"], seed=0)
        self.backward = backward

    def cost(self, X, Y):
        type(self).passes += 1
        return nnlib.binary_cross_entropy(_forward(X, self.params)[0], Y)

    def gradients(self, X, Y):
        type(self).passes += 1
        A2, cache = _forward(X, self.params)
        return self.backward(X, Y, self.params, cache)


def test_propagate_loop_reference_equals_nnlib():
    X, Y = _students()
    w, b = np.random.default_rng(0).normal(size=(3, 1)), 0.2
    cost, dw, db = _propagate_loop(w, b, X, Y)
    net = nnlib.NeuralNetwork([3, 1], ["sigmoid"])
    net.params["W1"], net.params["b1"] = w.T.copy(), np.array([[b]])
    g = net.gradients(X, Y)
    assert isinstance(cost, float) and isinstance(db, float) and dw.shape == (3, 1)
    assert abs(cost - net.cost(X, Y)) < 1e-12
    assert np.allclose(dw, g["dW1"].T, rtol=0, atol=1e-12)
    assert abs(db - g["db1"].item()) < 1e-12


def test_two_layer_backward_reference_equals_nnlib():
    X, Y = _students()
    net = nnlib.NeuralNetwork([3, 4, 1], ["tanh", "sigmoid"], seed=0)
    ours = _two_layer_backward(X, Y, net.params, _forward(X, net.params)[1])
    theirs = net.gradients(X, Y)
    assert ours.keys() == theirs.keys()
    for k in ours:
        assert np.allclose(ours[k], theirs[k], rtol=0, atol=1e-12), k


def test_correct_answers_written_differently_pass():
    def propagate_vectorized(w, b, X, Y):
        A = nnlib.sigmoid(w.T @ X + b)
        cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
        return float(cost), X @ (A - Y).T / X.shape[1], float(np.mean(A - Y))

    def backward_by_examples(X, Y, params, cache):
        m = X.shape[1]
        grads = {k: np.zeros_like(p) for k, p in
                 (("dW1", params["W1"]), ("db1", params["b1"]),
                  ("dW2", params["W2"]), ("db2", params["b2"]))}
        for i in range(m):
            x, a1 = X[:, i:i + 1], cache["A1"][:, i:i + 1]
            dz2 = cache["A2"][:, i:i + 1] - Y[:, i:i + 1]
            dz1 = (params["W2"].T @ dz2) * (1 - a1 ** 2)
            for k, v in (("dW2", dz2 @ a1.T), ("db2", dz2),
                         ("dW1", dz1 @ x.T), ("db1", dz1)):
                grads[k] += v / m
        return grads

    assert check_propagate_loop.evaluate(propagate_vectorized).passed
    assert check_two_layer_backward.evaluate(backward_by_examples).passed


def test_gradient_check_numbers_the_prose_states():
    X, Y = _students()
    m = X.shape[1]
    assert nnlib.gradient_check(_Ours([3, 4, 1]), X, Y) < 1e-7
    wrong = check_two_layer_backward.mistakes
    d_m = nnlib.gradient_check(_Ours([3, 4, 1], wrong["no-1/m"][0]), X, Y)
    d_sign = nnlib.gradient_check(_Ours([3, 4, 1], wrong["sign-flip"][0]), X, Y)
    assert abs(d_m - (m - 1) / (m + 1)) < 1e-6
    assert abs(d_sign - 1) < 1e-6
    for key in ("no-tanh-derivative", "tanh-of-Z"):
        d = nnlib.gradient_check(_Ours([3, 4, 1], wrong[key][0]), X, Y)
        assert 0.1 < d < 0.3, (key, d)


def test_predictions_match_the_experiments():
    X, Y = _students()
    net = nnlib.NeuralNetwork([3, 4, 1], ["tanh", "sigmoid"], seed=0)
    grads = _two_layer_backward(X, Y, net.params, _forward(X, net.params)[1])
    assert check_backprop_dW2_shape.evaluate(grads["dW2"].shape).passed
    ours = _Ours([3, 4, 1])
    _Ours.passes = 0
    nnlib.numerical_gradients(ours, X, Y)
    assert check_gradcheck_forward_passes.evaluate(_Ours.passes).passed
    _Ours.passes = 0
    ours.gradients(X, Y)
    assert _Ours.passes == 1
