"""Chapter 3's checkers beyond what tests/test_exercises.py proves for every
checker: the sigmoid check also fails a right answer computed through an
overflow, readers' solutions written differently from the references pass,
and the references agree with nnlib."""
import numpy as np

import nnlib
from nnlib.exercises import chapter03 as ch3
from nnlib.exercises import check_choose_threshold, check_predict, check_sigmoid


def test_sigmoid_that_overflows_on_the_way_is_diagnosed():
    assert check_sigmoid.evaluate(ch3._naive_sigmoid).mistake == "overflow"

    def both_branches(z):          # np.where computes both branches: e^1000 overflows
        return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))

    outcome = check_sigmoid.evaluate(both_branches)
    assert outcome.mistake == "overflow" and "np.where" in outcome.message


def test_other_stable_sigmoids_pass():
    def with_tanh(z):
        return 0.5 * (1 + np.tanh(np.asarray(z) / 2))

    def with_masks(z):
        z = np.asarray(z, dtype=float)
        out = np.empty_like(z)
        pos = z >= 0
        out[pos] = 1 / (1 + np.exp(-z[pos]))
        e = np.exp(z[~pos])
        out[~pos] = e / (1 + e)
        return out

    for fn in (with_tanh, with_masks):
        assert check_sigmoid.evaluate(fn).passed, fn.__name__


def test_predict_and_choose_threshold_written_with_loops_pass():
    def predict_loop(w, b, X, threshold=0.5):
        out = np.zeros((1, X.shape[1]), dtype=int)
        for i in range(X.shape[1]):
            z = float(w[:, 0] @ X[:, i] + b)
            if 1 / (1 + np.exp(-z)) >= threshold:
                out[0, i] = 1
        return out

    def choose_argmax(w, b, X, Y, thresholds):
        acc = [np.mean(ch3._predict(w, b, X, t) == Y) for t in thresholds]
        k = int(np.argmax(acc))                  # argmax keeps the first of ties
        return thresholds[k], acc[k]

    assert check_predict.evaluate(predict_loop).passed
    assert check_choose_threshold.evaluate(choose_argmax).passed


def test_references_agree_with_nnlib():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(4, 9))
    w, b = rng.normal(size=(4, 1)), 0.3
    net = nnlib.NeuralNetwork([4, 1], ["sigmoid"], seed=0)
    net.params["W1"], net.params["b1"] = w.T.copy(), np.full((1, 1), b)
    assert np.array_equal(ch3._predict(w, b, X), net.predict(X))
    assert np.array_equal(ch3._sigmoid(w.T @ X + b), net.predict_proba(X))
    w0, b0 = ch3._initialize_with_zeros(4)
    zeros = nnlib.NeuralNetwork([4, 1], ["sigmoid"], init="zeros").params
    assert np.array_equal(w0.T, zeros["W1"]) and b0 == zeros["b1"][0, 0] == 0.0
    with np.errstate(all="raise"):
        big = ch3._sigmoid(np.array([-1e4, 1e4]))
    assert big[0] >= 0 and big[1] == 1.0
