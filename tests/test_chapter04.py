"""Chapter 4's checkers beyond tests/test_exercises.py: the reference cost is
nnlib's (clip included), so chapter 7's equality with nnlib can rest on it, and
readers' solutions written differently from the references pass."""
import numpy as np

import nnlib
from nnlib.exercises import chapter04 as ch4
from nnlib.exercises import (check_cross_entropy_cost, check_label_likelihood,
                             check_logistic_cost)


def test_cross_entropy_reference_equals_nnlib_also_at_0_and_1():
    rng = np.random.default_rng(1)
    A = rng.uniform(size=(1, 50))
    A[0, :4] = [0.0, 1.0, 0.0, 1.0]
    Y = (rng.uniform(size=(1, 50)) > 0.5).astype(float)
    Y[0, :4] = [1.0, 1.0, 0.0, 0.0]
    ours, theirs = ch4._cross_entropy_cost(A, Y), nnlib.binary_cross_entropy(A, Y)
    assert np.isfinite(ours) and abs(ours - theirs) <= 1e-12
    assert isinstance(ours, float)


def test_solutions_written_differently_pass():
    def cost_with_where(A, Y):
        eps = np.finfo(float).eps
        A = np.minimum(np.maximum(A, eps), 1 - eps)
        losses = np.where(Y == 1, -np.log(A), -np.log(1 - A))
        return losses.mean().item()

    def likelihood_with_where(A, Y):
        return np.where(Y == 1, A, 1 - A)

    def cost_with_loop(w, b, X, Y):
        total = 0.0
        for i in range(X.shape[1]):
            a = ch4._sigmoid(w[:, 0] @ X[:, i] + b)
            a = min(max(a, np.finfo(float).eps), 1 - np.finfo(float).eps)
            total -= Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a)
        return total / X.shape[1]

    assert check_cross_entropy_cost.evaluate(cost_with_where).passed
    assert check_label_likelihood.evaluate(likelihood_with_where).passed
    assert check_logistic_cost.evaluate(cost_with_loop).passed


def test_unclipped_costs_get_a_stability_hint():
    def nan_to_num(A, Y):     # hides the nan of a right answer, keeps the inf of a wrong one
        return float(np.nansum(-(Y * np.log(A) + (1 - Y) * np.log(1 - A))) / Y.shape[1])

    with np.errstate(all="ignore"):
        outcome = check_cross_entropy_cost.evaluate(nan_to_num)
    assert outcome.mistake == "non-finite" and "Clip" in outcome.message
