"""Chapter 4 (Loss and cost): a cross-entropy cost that stays finite when ŷ is
exactly 0 or 1, the squared-error cost, the likelihood of each label, and the
cost as a function of the parameters; two predictions (the cost of a confident
wrong answer, the likelihood of many labels).

``_cross_entropy_cost`` is the reference later chapters' checkers build on
(``from .chapter04 import _cross_entropy_cost``); it equals
``nnlib.binary_cross_entropy``, clip included.
"""
import numpy as np

from ..costs import mean_squared_error as _nn_mse
from ._core import Exercise, Question
from .chapter03 import _sigmoid

_rng = np.random.default_rng(4)
EPS = np.finfo(float).eps          # the clip of the book and of nnlib: about 2.2e-16


def _quiet(fn):
    """Run a wrong answer without NumPy's log(0) warnings (the checker prints its own)."""
    def wrapped(*args):
        with np.errstate(all="ignore"):
            return fn(*args)
    return wrapped


def _probs(m):
    return _rng.uniform(0.05, 0.95, size=(1, m))


def _labels(m):
    y = _rng.integers(0, 2, size=(1, m)).astype(float)
    y[0, :2] = [0.0, 1.0]          # both classes in every case
    return y


def _terms(A, Y, lo=EPS, hi=1 - EPS, log=np.log):
    """y log ŷ + (1 - y) log(1 - ŷ) for every example, ŷ clipped to [lo, hi]."""
    A = np.clip(A, lo, hi)
    return Y * log(A) + (1 - Y) * log(1 - A)


# --- Exercise: the cross-entropy cost, finite at ŷ = 0 and ŷ = 1 ---------------

def _cross_entropy_cost(A, Y):
    """J = -(1/m) Σ [y log ŷ + (1 - y) log(1 - ŷ)], ŷ clipped to [ε, 1 - ε]; one number.

    The same numbers as ``nnlib.binary_cross_entropy``, without its checks of
    the shapes and labels (so a mistake upstream gives a number to diagnose).
    """
    return float(-np.sum(_terms(A, Y)) / Y.shape[1])


_CE_CASES = [
    (np.array([[1.0, 0.0, 0.9, 0.2]]), np.array([[1.0, 0.0, 1.0, 0.0]])),  # sure and right
    (np.array([[0.0, 0.7, 1.0, 0.4]]), np.array([[1.0, 1.0, 0.0, 0.0]])),  # sure and wrong
    (np.array([[0.0, 0.6, 0.3]]), np.array([[1.0, 1.0, 0.0]])),            # ŷ = 0, no ŷ = 1
    (_probs(7), _labels(7)),
    (_probs(12), _labels(12)),
]

check_cross_entropy_cost = Exercise(
    "cross_entropy_cost",
    _cross_entropy_cost,
    cases=_CE_CASES,
    non_finite_hint=("your cost is nan or inf when ŷ is exactly 0 or 1: log(0) is -inf, and "
                     "0 * (-inf) is nan. Clip A into [ε, 1 - ε] with ε = np.finfo(float).eps "
                     "before taking any log."),
    mistakes={
        "no-clip": (_quiet(lambda A, Y: float(-np.mean(_terms(A, Y, 0.0, 1.0)))),
                    "your cost is right for ŷ strictly between 0 and 1, but nan or inf when "
                    "ŷ is exactly 0 or 1: log(0) = -inf, and even a perfect answer (ŷ = 1 "
                    "for y = 1) gives (1 - y) log(1 - ŷ) = 0 * (-inf) = nan. Clip first: "
                    "A = np.clip(A, eps, 1 - eps) with eps = np.finfo(float).eps."),
        "clip-low-only": (_quiet(lambda A, Y: float(-np.mean(_terms(A, Y, EPS, 1.0)))),
                          "you clipped ŷ away from 0 but not away from 1, so log(1 - ŷ) is "
                          "still log(0) when ŷ = 1. Clip both ends: "
                          "np.clip(A, eps, 1 - eps)."),
        "sum-not-mean": (lambda A, Y: float(-np.sum(_terms(A, Y))),
                         "you added up the losses but did not divide by m. The cost is the "
                         "AVERAGE loss, (1/m) Σ L, so it does not grow with the size of the "
                         "data set. (With Y of shape (1, m), m is Y.shape[1]; Y.shape[0] "
                         "is 1.)"),
        "sign-flip": (lambda A, Y: float(np.mean(_terms(A, Y))),
                      "your cost is negative: the logs of numbers in (0, 1) are negative, so "
                      "the formula starts with a minus sign, J = -(1/m) Σ [...], to make the "
                      "cost positive and smallest for good predictions."),
        "no-y0-term": (lambda A, Y: float(-np.mean(Y * np.log(np.clip(A, EPS, 1 - EPS)))),
                       "you kept only y log ŷ, which is 0 whenever y = 0: examples of class 0 "
                       "then cost nothing, whatever you predict. Add the (1 - y) log(1 - ŷ) "
                       "term."),
        "log10": (lambda A, Y: float(-np.mean(_terms(A, Y, log=np.log10))),
                  "you used log base 10. The book's log is the natural logarithm, np.log."),
        "array-not-number": (lambda A, Y: -np.mean(_terms(A, Y), axis=1),
                             "the value is right but it is an array of shape (1,). A cost is "
                             "one number: average over every entry (np.mean with no axis) or "
                             "use float(...)."),
    },
)


check_confident_wrong_cost = Question(
    "the cost, from your clipped cross_entropy_cost, of ŷ = 0 for one example whose label "
    "is 1",
    float(-np.log(EPS)),
    rtol=0.05,
    wrong={
        float("inf"): "that is what the unclipped formula gives, -log(0). The clip replaces "
                      "ŷ = 0 by ε = 2.2e-16, so the cost is -log(ε): large but finite.",
        1.0: "1 is the cap of the squared error of a probability. Cross-entropy has no cap: "
             "it is -log(ŷ), and the clip puts ŷ at ε = 2.2e-16.",
        0.0: "the clip does not make the mistake free: it moves ŷ from 0 to ε = 2.2e-16, and "
             "-log(ε) is large.",
    },
    why="The clip turns ŷ = 0 into ε = 2.2e-16, and -log(2.2e-16) = 36.04 "
        "(about 16 ln 10): the largest loss one example can cost.",
)


# --- Exercise: the squared-error cost ---------------------------------------------

def _squared_error_cost(A, Y):
    """J = (1/m) Σ ½ (ŷ - y)², a single number (the ½ convention of the notes)."""
    return _nn_mse(A, Y)


_SE_CASES = [
    (np.array([[0.9, 0.2, 0.6]]), np.array([[1.0, 0.0, 1.0]])),
    (_probs(8), _labels(8)),
    (_rng.uniform(0.4, 1.0, size=(1, 5)), _rng.uniform(0.4, 1.0, size=(1, 5))),   # real targets
]

check_squared_error_cost = Exercise(
    "squared_error_cost",
    _squared_error_cost,
    cases=_SE_CASES,
    mistakes={
        "no-half": (lambda A, Y: float(np.mean((A - Y) ** 2)),
                    "your cost is twice the expected one: the book's squared error carries a "
                    "½, L = ½ (ŷ - y)², so that its derivative is simply ŷ - y."),
        "sum-not-mean": (lambda A, Y: float(np.sum(0.5 * (A - Y) ** 2)),
                         "you added up the losses but did not divide by m: the cost is the "
                         "average loss, (1/m) Σ ½ (ŷ - y)²."),
        "not-squared": (lambda A, Y: float(np.mean(0.5 * (A - Y))),
                        "you averaged ½ (ŷ - y) without squaring it, so errors above and "
                        "below the target cancel out. Square each error first: (A - Y) ** 2."),
        "square-of-mean": (lambda A, Y: float(0.5 * np.mean(A - Y) ** 2),
                           "you squared the average error instead of averaging the squared "
                           "errors: a prediction too high and one too low cancel before "
                           "squaring. Square first, then average."),
    },
)


# --- Exercise: the likelihood of each label --------------------------------------

def _label_likelihood(A, Y):
    """ŷ^y (1 - ŷ)^(1 - y) for every example: ŷ where y = 1, 1 - ŷ where y = 0; (1, m)."""
    return A ** Y * (1 - A) ** (1 - Y)


_LIK_CASES = [
    (np.array([[0.9, 0.2, 0.6, 0.35]]), np.array([[1.0, 0.0, 1.0, 0.0]])),
    (_probs(6), _labels(6)),
    (_probs(9), _labels(9)),
]

check_label_likelihood = Exercise(
    "label_likelihood",
    _label_likelihood,
    cases=_LIK_CASES,
    mistakes={
        "always-y-hat": (lambda A, Y: A.copy(),
                         "you returned ŷ for every example. ŷ is the probability of the "
                         "label 1; for an example whose label is 0 the model gives that "
                         "label the probability 1 - ŷ."),
        "swapped": (lambda A, Y: np.where(Y == 1, 1 - A, A),
                    "the two cases are swapped: the label 1 has probability ŷ, the label 0 "
                    "has 1 - ŷ."),
        "product": (lambda A, Y: float(np.prod(A ** Y * (1 - A) ** (1 - Y))),
                    "you multiplied the examples together into one number. Return one "
                    "probability per example, shape (1, m); the product comes later."),
        "loss": (lambda A, Y: -np.log(A ** Y * (1 - A) ** (1 - Y)),
                 "you returned the loss, -log of the probability. Return the probability "
                 "itself, ŷ^y (1 - ŷ)^(1 - y), a number between 0 and 1."),
    },
)


check_likelihood_underflow = Question(
    "what np.prod prints for the likelihood of the eight students' labels repeated "
    "400 times",
    "b",
    wrong={
        "a": "on paper it is about e^(-1031), roughly 1e-448: but the smallest positive "
             "float64 is about 5e-324, so the product underflows to exactly 0.0.",
        "c": "no nan: multiplying ever smaller positive numbers ends in 0.0, not nan "
             "(nan needs 0 * inf, inf - inf or 0 / 0).",
        "d": "NumPy raises no error on underflow: the product quietly becomes 0.0.",
    },
    why="The true likelihood is e^(-1031), about 1e-448, far below the smallest positive "
        "float64 (about 5e-324): the product underflows to 0.0. The sum of the losses, "
        "1031, has no such trouble, one more reason to work with -log.",
)


# --- Exercise: the cost as a function of the parameters ---------------------------

def _logistic_cost(w, b, X, Y):
    """J(w, b) for logistic regression: the cross-entropy cost of ŷ = σ(wᵀX + b)."""
    return _cross_entropy_cost(_sigmoid(w.T @ X + b), Y)


def _cost_cases():
    return [
        (np.array([[0.5], [-1.0]]), 0.3, _rng.normal(size=(2, 5)), _labels(5)),
        (_rng.normal(size=(3, 1)), -0.7, _rng.normal(size=(3, 8)), _labels(8)),
        (np.array([[12.0]]), -2.2, np.array([[0.12, 0.22, 1.15, 0.31, 0.0, 0.05]]),
         np.array([[1.0, 0.0, 1.0, 1.0, 0.0, 0.0]])),
    ]


check_logistic_cost = Exercise(
    "logistic_cost",
    _logistic_cost,
    cases=_cost_cases(),
    builds_on=("sigmoid", "cross_entropy_cost"),
    mistakes={
        "no-bias": (lambda w, b, X, Y: _cross_entropy_cost(_sigmoid(w.T @ X), Y),
                    "you left out b: ŷ = sigmoid(w.T @ X + b)."),
        "no-sigmoid": (lambda w, b, X, Y: _cross_entropy_cost(w.T @ X + b, Y),
                       "you passed z = w.T @ X + b to the cost. The cost needs the "
                       "probabilities ŷ = sigmoid(z); z can be any real number."),
        "arguments-swapped": (lambda w, b, X, Y: _cross_entropy_cost(Y, _sigmoid(w.T @ X + b)),
                              "you called the cost with the labels first. Its arguments "
                              "are (predictions, labels): cross_entropy_cost(A, Y)."),
        "column": (lambda w, b, X, Y: _cross_entropy_cost(_sigmoid(X.T @ w + b), Y),
                   "your predictions are a column of shape (m, 1) (X.T @ w), and against "
                   "the (1, m) labels NumPy broadcast them into an (m, m) table. Compute "
                   "w.T @ X, shape (1, m), like Y."),
    },
)
