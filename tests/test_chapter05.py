"""Chapter 5: the reader's gradient-descent loop and the two predictions.

The loop's interface is fixed for the book (chapter 7 builds on it); the
predictions' answers must be what the chapter's experiments print.
"""
import json
import pathlib
import re

import numpy as np

import nnlib
from nnlib.exercises import (check_divergence_rate, check_fastest_rate,
                             check_gradient_descent)
from nnlib.exercises.chapter05 import _gradient_descent, _line_cost_and_gradient

CHAPTER = pathlib.Path(__file__).resolve().parents[1] / "chapters" / "05_gradient_descent.ipynb"


def _printed():
    """Everything the saved chapter printed, as one text."""
    cells = json.loads(CHAPTER.read_text())["cells"]
    return "".join("".join(o.get("text", "")) for c in cells if c["cell_type"] == "code"
                   for o in c.get("outputs", []) if o["output_type"] == "stream")


def _bowl():
    X, Y = nnlib.load_study_hours()
    return lambda theta: _line_cost_and_gradient(theta, X[0] / 100, Y[0])


def test_a_loop_written_differently_passes_and_is_used():
    def gradient_descent(cost_and_gradient, theta, learning_rate, epsilon, max_iter):
        theta, costs, k = theta.copy(), [], 0
        while k < max_iter:
            cost, grad = cost_and_gradient(theta)
            costs += [cost]
            if np.sqrt(np.sum(grad ** 2)) < epsilon:
                return theta, costs
            theta -= learning_rate * grad          # in place, but on its own copy
            k += 1
        return theta, costs

    assert check_gradient_descent.evaluate(gradient_descent).passed
    assert check_gradient_descent(gradient_descent) is gradient_descent


def test_the_fixed_interface():
    bowl, start = _bowl(), np.array([-0.6, 0.15])
    theta, costs = _gradient_descent(bowl, start, 1.0, 0.0, 7)
    assert isinstance(costs, list) and len(costs) == 7          # epsilon 0: max_iter of each
    assert np.array_equal(start, [-0.6, 0.15])                 # the caller's theta is kept
    expected = start.copy()
    for _ in range(7):
        expected = expected - 1.0 * bowl(expected)[1]
    assert np.allclose(theta, expected, rtol=0, atol=1e-15)
    assert costs[0] == bowl(start)[0]                          # recorded before the step
    theta, costs = _gradient_descent(bowl, start, 1.0, 1e-6, 2000)
    assert np.linalg.norm(bowl(theta)[1]) < 1e-6 and len(costs) < 2000
    assert _gradient_descent(bowl, start, 1.0, 1e-6, 0)[1] == []


def test_predictions_are_what_the_experiments_print():
    printed = _printed()
    limit = re.search(r"2 / steepest curvature = 2 / [\d.]+ = ([\d.]+)", printed)
    assert abs(float(limit.group(1)) - check_divergence_rate.answer) < 5e-4
    scan = re.search(r"first rate of the scan whose cost grows in 2,000 steps: ([\d.]+)", printed)
    assert check_divergence_rate.evaluate(float(scan.group(1))).passed
    fastest = re.search(r"fewest updates: alpha = ([\d.]+)", printed)
    assert float(fastest.group(1)) == check_fastest_rate.answer == 1.5


def test_batch_zig_zag_numbers():
    """Issue #12: lr 0.1 on the summed cost, steepest curvature 16.66, factor -0.67."""
    X, _ = nnlib.load_study_hours()
    Xn = (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)
    A = np.vstack([Xn, np.ones((1, Xn.shape[1]))])
    steepest = np.linalg.eigvalsh(A @ A.T)[-1]
    assert round(steepest, 2) == 16.66 and round(1 - 0.1 * steepest, 2) == -0.67
    assert "= -0.67" in _printed() and "16.66" in _printed()
