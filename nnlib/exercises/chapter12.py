"""Chapter 12 (The whole recipe): inference, choosing a learning rate, and a regression network."""
import numpy as np

from ..activations import relu, sigmoid
from ..init import initialize_parameters
from ._core import Exercise, Question


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


# ---- Exercise: standardize(X_fit, X) ----------------------------------------------------
# Scale every feature (row) of X with the mean and standard deviation that the same
# feature has in X_fit (the training data): (X - mean) / std, per row.

def _standardize(X_fit, X):
    mean = X_fit.mean(axis=1, keepdims=True)
    std = X_fit.std(axis=1, keepdims=True)
    return (X - mean) / std


def _standardize_case(n, m, seed):
    rng = np.random.default_rng(seed)
    scales = np.array([[40.0], [2.0], [0.2]])[:n]
    offsets = np.array([[30.0], [7.0], [0.7]])[:n]
    X_fit = offsets + scales * rng.standard_normal((n, m))
    X = offsets + 1.5 * scales * rng.standard_normal((n, m))
    return X_fit, X


check_standardize = Exercise(
    "standardize",
    _standardize,
    cases=[_standardize_case(3, 8, 0), _standardize_case(2, 5, 1), _standardize_case(3, 6, 2)],
    mistakes={
        "own-statistics": (lambda X_fit, X: _standardize(X, X),
                           "you used the mean and spread of X itself. New data must be scaled "
                           "exactly as the training data were, with the training data's "
                           "statistics: the mean and std of X_fit. (For one new student alone "
                           "the std would even be 0.)"),
        "wrong-axis": (lambda X_fit, X: (X - X_fit.mean(axis=0, keepdims=True))
                       / X_fit.std(axis=0, keepdims=True),
                       "you took the mean and std down each column (axis=0), over the features "
                       "of one example. Each FEATURE needs its own scale: the statistics run "
                       "along each row, over the examples (axis=1, keepdims=True)."),
        "centred-only": (lambda X_fit, X: X - X_fit.mean(axis=1, keepdims=True),
                         "you subtracted the mean but did not divide by the standard "
                         "deviation: hours up to 115 still dwarf a quiz fraction below 1."),
        "variance": (lambda X_fit, X: (X - X_fit.mean(axis=1, keepdims=True))
                     / X_fit.var(axis=1, keepdims=True),
                     "you divided by the variance, the SQUARE of the standard deviation. "
                     "Divide by the standard deviation, X_fit.std(axis=1, keepdims=True)."),
        "min-max": (lambda X_fit, X: (X - X_fit.min(axis=1, keepdims=True))
                    / np.ptp(X_fit, axis=1, keepdims=True),
                    "you scaled to the range [0, 1] with the min and max (min-max scaling). "
                    "Standardising means mean 0 and standard deviation 1: (X − mean) / std."),
    },
)


# ---- Exercise: predict_exam(params, X_fit, X_new) -----------------------------------------
# Inference with a trained regression network: standardise X_new with the statistics of
# X_fit, then the forward pass, tanh hidden layers and a LINEAR output. Returns ŷ (1, m).

def _regression_forward(params, X, hidden=np.tanh, output=lambda Z: Z):
    L = len(params) // 2
    A = X
    for l in range(1, L + 1):
        Z = params[f"W{l}"] @ A + params[f"b{l}"]
        A = output(Z) if l == L else hidden(Z)
    return A


def _predict_exam(params, X_fit, X_new):
    return _regression_forward(params, _standardize(X_fit, X_new))


def _predict_case(sizes, m_new, seed):
    params = initialize_parameters(sizes, "he", seed=seed)
    params[f"b{len(sizes) - 1}"] += 0.75           # outputs around an exam score of 75%
    X_fit, X_new = _standardize_case(sizes[0], 8, seed + 10)
    return params, X_fit, X_new[:, :m_new]


check_predict_exam = Exercise(
    "predict_exam",
    _predict_exam,
    cases=[_predict_case([3, 4, 1], 3, 0), _predict_case([3, 5, 3, 1], 2, 1),
           _predict_case([2, 4, 1], 4, 2)],
    mistakes={
        "threshold": (lambda p, X_fit, X: (_predict_exam(p, X_fit, X) >= 0.5).astype(int),
                      "you turned the prediction into a 0/1 label with a threshold. That is "
                      "the decision of a classifier; a regression network's output IS the "
                      "prediction, here an exam score."),
        "sigmoid-output": (lambda p, X_fit, X: _regression_forward(
                               p, _standardize(X_fit, X), output=sigmoid),
                           "you put a sigmoid on the output. The network was trained with a "
                           "LINEAR output unit, ŷ = z[L], and inference must run the same "
                           "forward pass."),
        "raw-inputs": (lambda p, X_fit, X: _regression_forward(p, X),
                       "you fed the raw inputs (hours, sleep, quiz) to the network. It was "
                       "trained on standardised features, so new inputs must be standardised "
                       "the same way first: standardize(X_fit, X_new)."),
        "own-statistics": (lambda p, X_fit, X: _regression_forward(p, _standardize(X, X)),
                           "you standardised the new students with their OWN mean and std. "
                           "Use the training data's statistics, standardize(X_fit, X_new): "
                           "for a single new student, its own std would be 0."),
        "relu-hidden": (lambda p, X_fit, X: _regression_forward(
                            p, _standardize(X_fit, X), hidden=relu),
                        "you used ReLU in the hidden layers; this network was trained with "
                        "tanh there. Inference must repeat the training forward pass exactly."),
    },
    builds_on=("standardize",),
)


# ---- Prediction: the left-out error ------------------------------------------------------

check_left_out_error = Question(
    "how the left-out error compares (a, b or c)",
    "c",
    wrong={
        "a": "that would be true if the network had learned a rule that carries over to new "
             "students. With 21 parameters for 8 students it can fit the table exactly "
             "without learning one: its fitted error says nothing about a new student.",
        "b": "a reasonable guess, but the network does worse still: fitted exactly to 7 "
             "students, its curve swings far off between them, and a new student can land "
             "anywhere on it.",
    },
    why="With 8 examples and 21 parameters the network memorises the table; on a student it "
        "never saw it does worse than always guessing the mean score.",
)
