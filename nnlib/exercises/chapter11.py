"""Chapter 11 (Multi-class classification on digits): softmax and categorical cross-entropy."""
import numpy as np

from ..activations import softmax
from ..costs import categorical_cross_entropy
from ..data import one_hot
from ._core import Exercise


# ---- Exercise 1: softmax(Z) ----------------------------------------------------------
# Z is (C, m): one column of C logits per example. Each column of the answer sums to 1.

def _softmax_naive(Z):
    E = np.exp(Z)
    return E / E.sum(axis=0, keepdims=True)


def _softmax_rows(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def _softmax_global_max(Z):
    E = np.exp(Z - Z.max())
    return E / E.sum(axis=0, keepdims=True)


def _softmax_all(Z):
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum()


_OVERFLOW_HINT = ("your answer contains nan or inf: np.exp overflows for large logits "
                  "(e^1000 is inf in floating point, and inf / inf is nan). Subtract the "
                  "column max first: softmax(z − max(z)) = softmax(z), and then every "
                  "exponent is ≤ 0, so nothing overflows.")

_softmax_rng = np.random.default_rng(11)

check_softmax = Exercise(
    "softmax",
    softmax,
    cases=[
        (_softmax_rng.normal(size=(4, 3)),),
        # column 0 has huge logits (naive exp overflows), column 1 small ones
        (np.array([[1000.0, 1.0], [999.0, 3.0], [990.0, 2.0]]),),
        # one example, ten classes: the logits of a confident "2"
        (np.array([[1.0, 0.5, 8.0, 2.0, 1.5, 2.2, 3.5, 4.0, 2.5, 2.4]]).T,),
    ],
    mistakes={
        "overflow": (_softmax_naive, _OVERFLOW_HINT),
        "wrong-axis": (_softmax_rows,
                       "you took the softmax along each row (axis=1). Classes are rows and "
                       "examples are columns, so the max and the sum run down each column "
                       "(axis=0, keepdims=True): every column must sum to 1."),
        "global-max": (_softmax_global_max,
                       "you subtracted the largest logit of the whole array. Columns with much "
                       "smaller logits then underflow to 0 / 0 = nan. Subtract each column's "
                       "own max: Z.max(axis=0, keepdims=True)."),
        "sum-all": (_softmax_all,
                    "you divided by the sum of the whole array, so all the columns together sum "
                    "to 1. Normalise each column by its own sum: axis=0, keepdims=True."),
    },
    non_finite_hint=_OVERFLOW_HINT,
)


# ---- Exercise 2: categorical_cross_entropy(Y_hat, Y) ----------------------------------
# Y_hat: (C, m) softmax outputs; Y: (C, m) one-hot. J = -(1/m) Σ_i Σ_c y_c log ŷ_c.

def _cce_no_m(Y_hat, Y):
    return float(-np.sum(Y * np.log(Y_hat)))


def _cce_classes_axis(Y_hat, Y):
    # sums over the examples (axis=1), then averages over the C classes
    return float(-np.mean(np.sum(Y * np.log(Y_hat), axis=1)))


def _cce_plus(Y_hat, Y):
    return float(np.sum(Y * np.log(Y_hat)) / Y.shape[1])


def _cce_binary(Y_hat, Y):
    return float(-np.sum(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat)) / Y.shape[1])


def _cce_case(C, m, seed):
    rng = np.random.default_rng(seed)
    Y_hat = softmax(rng.normal(scale=1.5, size=(C, m)))
    return Y_hat, one_hot(rng.integers(0, C, size=m), C)


check_categorical_cross_entropy = Exercise(
    "categorical_cross_entropy",
    categorical_cross_entropy,
    cases=[_cce_case(3, 4, 0), _cce_case(10, 5, 1), _cce_case(4, 7, 2)],
    mistakes={
        "no-1/m": (_cce_no_m,
                   "you summed the losses of the m examples but did not divide by m. The cost "
                   "is the average loss: J = −(1/m) Σ_i Σ_c y_c log ŷ_c."),
        "wrong-axis": (_cce_classes_axis,
                       "you averaged over the classes instead of the examples (np.mean of a sum "
                       "over axis=1 divides by C). Sum over the classes (axis=0, the rows), then "
                       "average over the m examples (the columns)."),
        "flipped-sign": (_cce_plus,
                         "your cost is negative: log ŷ ≤ 0, so Σ y log ŷ ≤ 0 and the cost needs "
                         "the minus sign, J = −(1/m) Σ Σ y log ŷ, to be ≥ 0."),
        "binary-formula": (_cce_binary,
                           "you used the binary cross-entropy, y log ŷ + (1 − y) log(1 − ŷ), for "
                           "every class. With a one-hot Y and a softmax, only the true class's "
                           "term counts: J = −(1/m) Σ_i Σ_c y_c log ŷ_c."),
    },
)
