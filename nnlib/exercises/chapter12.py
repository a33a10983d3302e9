"""Chapter 12 (The whole recipe): inference with a trained network, and reading an experiment."""
import numpy as np

from ..activations import relu, sigmoid
from ..init import initialize_parameters
from ._core import Exercise


# ---- Exercise 1: infer(params, X) -------------------------------------------------------
# params = {"W1", "b1", ..., "WL", "bL"}; hidden layers ReLU, output layer one sigmoid unit.
# Inference = forward pass only, then the threshold 0.5: labels 0/1 of shape (1, m).

def _forward(params, X, hidden=relu):
    L = len(params) // 2
    A = X
    for l in range(1, L + 1):
        Z = params[f"W{l}"] @ A + params[f"b{l}"]
        A = sigmoid(Z) if l == L else hidden(Z)
    return A


def _infer(params, X):
    return (_forward(params, X) >= 0.5).astype(int)


def _infer_case(sizes, m, seed, b_out):
    params = initialize_parameters(sizes, "he", seed=seed)
    params[f"b{len(sizes) - 1}"] += b_out   # shift the outputs: both labels occur, and no
                                            # probability lies within 0.04 of 0.5
    X = np.random.default_rng(seed + 100).normal(size=(sizes[0], m))
    return params, X


check_infer = Exercise(
    "infer",
    _infer,
    cases=[_infer_case([2, 5, 1], 8, 0, 0.8), _infer_case([3, 4, 3, 1], 10, 3, -1.2),
           _infer_case([2, 6, 1], 12, 2, 0.4)],
    mistakes={
        "no-threshold": (lambda params, X: _forward(params, X),
                         "you returned the probabilities ŷ = A[L], the forward pass only. "
                         "Inference ends with a decision: turn each probability into a label "
                         "with the threshold, (A >= 0.5).astype(int)."),
        "threshold-at-zero": (lambda params, X: (_forward(params, X) > 0).astype(int),
                              "every label is 1: you thresholded the sigmoid's output at 0, but "
                              "a sigmoid is always > 0. Its threshold is 0.5 (the same as "
                              "Z[L] >= 0)."),
        "argmax": (lambda params, X: _forward(params, X).argmax(axis=0),
                   "you took the argmax over the rows. That is how a softmax output with one row "
                   "per class is read; a single sigmoid row has only one row, so the argmax is "
                   "always 0. Threshold the probability at 0.5 instead."),
        "sigmoid-hidden": (lambda params, X: (_forward(params, X, sigmoid) >= 0.5).astype(int),
                           "you used the sigmoid in the hidden layers. Inference must run the "
                           "very same forward pass as training: ReLU in the hidden layers, the "
                           "sigmoid only at the output."),
    },
)


# ---- Exercise 2: best_learning_rate(results) --------------------------------------------
# results = {learning_rate: [cost after epoch 1, cost after epoch 2, ...]}.
# The best rate is the one whose training ENDS with the lowest cost.

def _best_learning_rate(results):
    return min(results, key=lambda rate: results[rate][-1])


_CASES_LR = [
    # 0.001 crawls, 1.0 wins, 10.0 dips early then blows up
    ({0.001: [0.69, 0.68, 0.67, 0.66], 0.01: [0.69, 0.6, 0.52, 0.45],
      0.1: [0.6, 0.4, 0.3, 0.25], 1.0: [0.5, 0.2, 0.1, 0.08],
      10.0: [0.3, 0.05, 1.9, 2.4]},),
    # the middle rate wins; the largest oscillates; the smallest has barely moved
    ({0.003: [2.3, 2.2, 2.1, 2.0], 0.03: [2.0, 1.2, 0.8, 0.6], 0.3: [0.85, 0.5, 0.3, 0.2],
      3.0: [0.9, 0.25, 0.7, 0.4]},),
    # the smallest rate wins this time
    ({0.05: [0.9, 0.5, 0.3, 0.15], 0.5: [0.8, 0.6, 0.4, 0.35], 5.0: [0.7, 0.9, 0.95, 0.9]},),
]

check_best_learning_rate = Exercise(
    "best_learning_rate",
    _best_learning_rate,
    cases=_CASES_LR,
    mistakes={
        "largest-rate": (lambda results: max(results),
                         "you picked the largest learning rate. Bigger steps are not better by "
                         "themselves: too large a rate overshoots and the cost goes up. Pick the "
                         "rate whose final cost is the lowest."),
        "smallest-rate": (lambda results: min(results),
                          "you picked the smallest learning rate. A tiny rate is safe but slow: "
                          "after a fixed number of epochs it has barely moved. Compare the final "
                          "costs instead."),
        "largest-cost": (lambda results: max(results, key=lambda rate: results[rate][-1]),
                         "you picked the run with the LARGEST final cost; we want the lowest: "
                         "min(..., key=...), not max."),
        "best-moment": (lambda results: min(results, key=lambda rate: min(results[rate])),
                        "you picked the run that was lowest at any epoch, even if it then blew up. "
                        "Training keeps the parameters of the last epoch, so judge each run by "
                        "its final cost, results[rate][-1]."),
        "first-epoch": (lambda results: min(results, key=lambda rate: results[rate][0]),
                        "you compared the costs after the first epoch. Judge each run by where it "
                        "ends: the last entry, results[rate][-1]."),
    },
)
