"""Chapter 4 (Loss and cost): the cross-entropy cost and the squared-error cost."""
import numpy as np

from ..costs import binary_cross_entropy as _nn_bce
from ..costs import mean_squared_error as _nn_mse
from ._core import Exercise

_rng = np.random.default_rng(4)


def _probs(m):
    return _rng.uniform(0.05, 0.95, size=(1, m))


def _labels(m):
    y = _rng.integers(0, 2, size=(1, m)).astype(float)
    y[0, :2] = [0.0, 1.0]          # both classes in every case
    return y


def _cross_entropy_cost(Y_hat, Y):
    """J = -(1/m) Σ [y log ŷ + (1 - y) log(1 - ŷ)], a single number."""
    return _nn_bce(Y_hat, Y)


def _terms(Y_hat, Y):
    return Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat)


_CE_CASES = [
    (np.array([[0.9, 0.2, 0.6, 0.35]]), np.array([[1.0, 0.0, 1.0, 0.0]])),
    (_probs(7), _labels(7)),
    (_probs(12), _labels(12)),
]

check_cross_entropy_cost = Exercise(
    "cross_entropy_cost",
    _cross_entropy_cost,
    cases=_CE_CASES,
    mistakes={
        "sum-not-mean": (lambda Y_hat, Y: float(-np.sum(_terms(Y_hat, Y))),
                         "you added up the losses but did not divide by m. The cost is the AVERAGE "
                         "loss, (1/m) Σ L, so it does not grow with the size of the data set. "
                         "(With Y of shape (1, m), m is Y.shape[1]; Y.shape[0] is 1.)"),
        "sign-flip": (lambda Y_hat, Y: float(np.mean(_terms(Y_hat, Y))),
                      "your cost is negative: the logs of numbers in (0, 1) are negative, so the "
                      "formula starts with a minus sign, J = -(1/m) Σ [...], to make the cost "
                      "positive and smallest for good predictions."),
        "no-y0-term": (lambda Y_hat, Y: float(-np.mean(Y * np.log(Y_hat))),
                       "you kept only y log ŷ, which is 0 whenever y = 0: examples of class 0 then "
                       "cost nothing, whatever you predict. Add the (1 - y) log(1 - ŷ) term."),
        "array-not-number": (lambda Y_hat, Y: -np.mean(_terms(Y_hat, Y), axis=1),
                             "the value is right but it is an array of shape (1,). A cost is one "
                             "number: average over every entry (np.mean with no axis) or use "
                             "float(...)."),
    },
)


def _squared_error_cost(Y_hat, Y):
    """J = (1/m) Σ ½ (ŷ - y)², a single number (the ½ convention of the notes)."""
    return _nn_mse(Y_hat, Y)


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
        "no-half": (lambda Y_hat, Y: float(np.mean((Y_hat - Y) ** 2)),
                    "your cost is twice the expected one: the book's squared error carries a ½, "
                    "L = ½ (ŷ - y)², so that its derivative is simply ŷ - y."),
        "sum-not-mean": (lambda Y_hat, Y: float(np.sum(0.5 * (Y_hat - Y) ** 2)),
                         "you added up the losses but did not divide by m: the cost is the average "
                         "loss, (1/m) Σ ½ (ŷ - y)²."),
        "not-squared": (lambda Y_hat, Y: float(np.mean(0.5 * (Y_hat - Y))),
                        "you averaged ½ (ŷ - y) without squaring it, so errors above and below the "
                        "target cancel out. Square each error first: (Y_hat - Y) ** 2."),
        "square-of-mean": (lambda Y_hat, Y: float(0.5 * np.mean(Y_hat - Y) ** 2),
                           "you squared the average error instead of averaging the squared errors: "
                           "a prediction too high and one too low cancel before squaring. "
                           "Square first, then average."),
    },
)
