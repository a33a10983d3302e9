"""Chapter 3 (Binary classification and logistic regression): flattening
images, a numerically stable sigmoid, zero initialisation, ``predict`` with a
threshold, and choosing that threshold on validation data; two predictions
(the least-squares line without its far-right students, the naive sigmoid at
z = -1000).

The references ``_sigmoid``, ``_initialize_with_zeros`` and ``_predict`` are
the ones later chapters' checkers build on (``from .chapter03 import ...``).
"""

import numpy as np

from ..activations import sigmoid as _nn_sigmoid
from ..data import flatten as _nn_flatten
from ._core import Exercise, Question

_rng = np.random.default_rng(3)


def _quiet(fn):
    """Run a wrong answer without NumPy's overflow/divide warnings (the checker prints its own)."""
    def wrapped(*args):
        with np.errstate(all="ignore"):
            return fn(*args)
    return wrapped


# --- Exercise: flattening a batch of images ----------------------------------

def _flatten_images(images):
    """(m, h, w) or (m, h, w, c) -> (h*w*c, m): column i is images[i] read row by row."""
    return _nn_flatten(images)


_FLATTEN_CASES = [
    (np.arange(5 * 3 * 4, dtype=float).reshape(5, 3, 4),),
    (_rng.integers(0, 256, size=(6, 4, 3, 2)).astype(float),),   # colour: (m, h, w, c)
    (_rng.random((7, 2, 5)),),
]

check_flatten_images = Exercise(
    "flatten_images",
    _flatten_images,
    cases=_FLATTEN_CASES,
    mistakes={
        "scrambled": (lambda images: images.reshape(-1, images.shape[0]),
                      "the shape (n_x, m) is right but the columns are not your images: "
                      "images.reshape(-1, m) cuts the long run of all pixels into rows of length m, "
                      "so each column mixes pixels from many different images. No error is raised, "
                      "and a classifier trained on such columns silently falls to the accuracy of "
                      "always guessing the majority class. Keep each image together first, then turn "
                      "rows into columns: images.reshape(m, -1).T"),
        "not-transposed": (lambda images: images.reshape(images.shape[0], -1),
                           "each row of your answer is one image, shape (m, n_x). The book stores "
                           "examples as columns, X.shape == (n_x, m): transpose it, "
                           "images.reshape(m, -1).T"),
        "pixel-order": (lambda images: images.T.reshape(-1, images.shape[0]),
                        "each column holds the right image, but its numbers are in another order: "
                        "images.T reversed the axes, so the image is read column by column (and, for "
                        "colour, channel by channel). The book reads every image row by row, the "
                        "order nnlib.flatten and nnlib.plot_digits use: images.reshape(m, -1).T"),
    },
)


# --- Exercise: a numerically stable sigmoid ----------------------------------

def _sigmoid(z):
    """σ(z) = 1 / (1 + e^(-z)), element by element, without overflow for any z."""
    return _nn_sigmoid(z)


def _naive_sigmoid(z):
    return 1 / (1 + np.exp(-z))


_SIGMOID_CASES = [
    (np.array([[0.0, 1.0, -1.0, 2.5, -4.0]]),),
    (_rng.normal(scale=3.0, size=(3, 4)),),
    (np.array([-1e4, -1000.0, -30.0, 0.0, 30.0, 1000.0, 1e4]),),   # huge |z|, shape (7,)
]

check_sigmoid = Exercise(
    "sigmoid",
    _sigmoid,
    cases=_SIGMOID_CASES,
    overflow_hint=("your values are right, but np.exp overflowed on the way: for z = -1000 "
                   "the naive 1 / (1 + np.exp(-z)) computes e^1000, which is inf, before the "
                   "division brings it back to 0. Take exp only of numbers <= 0: e^(-|z|). "
                   "Careful with np.where(cond, a, b): it computes BOTH a and b for every "
                   "element before choosing, so an exp that overflows in the branch you do "
                   "not keep still overflows"),
    non_finite_hint=("some of your answers are nan or inf. For large |z| an exponential "
                     "overflowed to inf, and inf / inf is nan. Take np.exp only of numbers "
                     "that are never positive, such as -|z|."),
    mistakes={
        "sign-flip": (_quiet(lambda z: 1 / (1 + np.exp(z))),
                      "you computed 1 / (1 + e^z), which is σ(-z): large positive z gives 0 "
                      "instead of 1. The exponent needs a minus sign: e^(-z)."),
        "minus-in-denominator": (_quiet(lambda z: 1 / (1 - np.exp(-z))),
                                 "you wrote 1 / (1 - e^(-z)). The denominator is 1 PLUS e^(-z); "
                                 "with a minus it divides by zero at z = 0 and leaves [0, 1]."),
        "precedence": (_quiet(lambda z: 1 / 1 + np.exp(-z)),
                       "you computed 1/1 + e^(-z): Python divides before it adds, so the "
                       "denominator needs brackets: 1 / (1 + e^(-z))."),
        "exp-ratio": (_quiet(lambda z: np.exp(z) / (1 + np.exp(z))),
                      "your answers are nan for large positive z: e^z / (1 + e^z) is right on "
                      "paper, but e^1000 overflows to inf and inf / inf is nan. Use this form "
                      "only where z < 0, and 1 / (1 + e^(-z)) where z >= 0."),
    },
)


check_naive_sigmoid = Question(
    "what 1 / (1 + np.exp(-z)) returns for z = -1000",
    "b",
    wrong={
        "a": "no nan here: e^1000 overflows to inf, and 1 / (1 + inf) is a clean 0.0. "
             "(nan comes from inf / inf or 0 * inf, as in e^z / (1 + e^z).)",
        "c": "NumPy does not stop the program: a float that overflows becomes inf, and NumPy "
             "only warns. (Python's own math.exp(1000) would raise OverflowError.)",
        "d": "σ(-1000) is indeed about 1e-435, but that is far below the smallest positive "
             "float64 (about 5e-324), and the division never gets that far anyway.",
    },
    why="e^1000 is about 10^434, far beyond the largest float64 (about 1.8e308), so np.exp "
        "returns inf with a RuntimeWarning; 1 / (1 + inf) = 0.0, the right answer reached "
        "the wrong way.",
)


# --- Exercise: initialisation ------------------------------------------------

def _initialize_with_zeros(n_x):
    """w: zeros of shape (n_x, 1), one weight per feature; b = 0.0, one number."""
    return np.zeros((n_x, 1)), 0.0


check_initialize_with_zeros = Exercise(
    "initialize_with_zeros",
    _initialize_with_zeros,
    cases=[(1,), (2,), (5,)],
    mistakes={
        "rank-1": (lambda n_x: (np.zeros(n_x), 0.0),
                   "w has shape (n_x,), a rank-1 array that is neither a row nor a column, "
                   "and broadcasting will silently turn w.T @ X into something else. Make it "
                   "a column: np.zeros((n_x, 1))."),
        "row": (lambda n_x: (np.zeros((1, n_x)), 0.0),
                "w is a row of shape (1, n_x). The book keeps w as a column, (n_x, 1), so "
                "that z = w.T @ X has shape (1, m): np.zeros((n_x, 1))."),
        "b-array": (lambda n_x: (np.zeros((n_x, 1)), np.zeros((1, 1))),
                    "b has the wrong shape: it is one number, 0.0, not a (1, 1) array."),
        "b-per-feature": (lambda n_x: (np.zeros((n_x, 1)), np.zeros((n_x, 1))),
                          "b has the wrong shape (n_x, 1): there is one weight per feature "
                          "but a single bias for the whole unit, b = 0.0."),
    },
)


# --- Exercise: predict with a threshold ----------------------------------------

def _predict(w, b, X, threshold=0.5):
    """(1, m) ints: 1 where ŷ = σ(wᵀX + b) >= threshold, else 0."""
    A = _sigmoid(w.T @ X + b)
    return (A >= threshold).astype(int)


def _predict_cases():
    w, b = np.array([[1.5], [-2.0]]), 0.25
    X = np.array([[0.1, -1.0, 0.8, 1.2, 0.3, -0.4],
                  [0.2, 0.5, 0.1, -0.3, 0.05, -0.6]])   # z from -2.25 to 2.65, some in [0, 0.5)
    ties = _rng.normal(size=(2, 4))
    return [
        (np.zeros((2, 1)), 0.0, ties, 0.5),     # w = 0, b = 0: every ŷ is exactly 0.5
        (w, b, X, 0.5),
        (w, b, X, 0.8),
        (w, b, X, 0.2),
    ]


def _with_sigmoid(rule):
    return lambda w, b, X, threshold=0.5: rule(_sigmoid(w.T @ X + b), threshold)


check_predict = Exercise(
    "predict",
    _predict,
    cases=_predict_cases(),
    builds_on=("sigmoid",),
    mistakes={
        "wrong-way": (_with_sigmoid(lambda A, t: (A < t).astype(int)),
                      "your rule is the wrong way round: it predicts 1 where ŷ is BELOW the "
                      "threshold. ŷ is the probability of class 1, so predict 1 when "
                      "ŷ >= threshold."),
        "strict": (_with_sigmoid(lambda A, t: (A > t).astype(int)),
                   "you used > where the rule says >=: a ŷ exactly equal to the threshold "
                   "(w = 0 and b = 0 give ŷ = 0.5 for every example) must be predicted 1."),
        "ignores-threshold": (_with_sigmoid(lambda A, t: (A >= 0.5).astype(int)),
                              "your answers are right at threshold 0.5 but not at 0.2 or 0.8: "
                              "compare ŷ with the threshold argument, not with a fixed 0.5."),
        "probabilities": (_with_sigmoid(lambda A, t: A),
                          "you returned the probabilities ŷ themselves. predict returns "
                          "decisions: 1 where ŷ >= threshold, 0 elsewhere."),
        "logit": (lambda w, b, X, threshold=0.5: (w.T @ X + b >= threshold).astype(int),
                  "you compared z = wᵀx + b with the threshold. The threshold is a "
                  "probability: compare ŷ = sigmoid(z) with it."),
        "no-bias": (lambda w, b, X, threshold=0.5:
                    (_sigmoid(w.T @ X) >= threshold).astype(int),
                    "you left out b: ŷ = sigmoid(w.T @ X + b)."),
        "column": (lambda w, b, X, threshold=0.5:
                   (_sigmoid(X.T @ w + b) >= threshold).astype(int),
                   "your answer is a column of shape (m, 1): X.T @ w puts the examples down "
                   "the rows. Examples are columns, so compute w.T @ X, shape (1, m)."),
    },
)


# --- Exercise: choosing the threshold on validation data -------------------------

def _choose_threshold(w, b, X, Y, thresholds):
    """The threshold with the highest accuracy on (X, Y), the first one on ties,
    and that accuracy (a fraction)."""
    best_t, best_acc = None, -1.0
    for t in thresholds:
        acc = float(np.mean(_predict(w, b, X, t) == Y))
        if acc > best_acc:
            best_t, best_acc = t, acc
    return best_t, best_acc


def _accuracies(w, b, X, Y, thresholds):
    return np.array([np.mean(_predict(w, b, X, t) == Y) for t in thresholds])


def _choose_cases():
    w, b = np.array([[2.0], [-1.0]]), 0.1
    X = _rng.normal(size=(2, 12))
    z = (w.T @ X + b)[0]
    Y = (z + 0.8 * _rng.normal(size=12) > 0).astype(int).reshape(1, -1)
    return [
        (w, b, X, Y, [0.1, 0.3, 0.5, 0.7, 0.9]),
        (w, b, X, Y, [0.9, 0.7, 0.5, 0.3, 0.1]),
        (np.zeros((2, 1)), 0.0, X, Y, [0.3, 0.5, 0.7]),     # ŷ = 0.5: ties
    ]


def _pick(rule):
    def chosen(w, b, X, Y, thresholds):
        acc = _accuracies(w, b, X, Y, thresholds)
        return rule(list(thresholds), acc, Y.shape[1])
    return chosen


check_choose_threshold = Exercise(
    "choose_threshold",
    _choose_threshold,
    cases=_choose_cases(),
    builds_on=("predict",),
    mistakes={
        "last-tie": (_pick(lambda ts, acc, m: (ts[len(acc) - 1 - int(np.argmax(acc[::-1]))],
                                               float(acc.max()))),
                     "on a tie you kept the LAST best threshold: with `>=` a later threshold "
                     "of equal accuracy replaces the earlier one. Update only when a "
                     "threshold is strictly better (>), so the first best one stays."),
        "worst": (_pick(lambda ts, acc, m: (ts[int(np.argmin(acc))], float(acc.min()))),
                  "you picked the threshold with the LOWEST accuracy: keep the best one."),
        "index": (_pick(lambda ts, acc, m: (int(np.argmax(acc)), float(acc.max()))),
                  "you returned the position of the best threshold in the list, not the "
                  "threshold itself: return thresholds[best]."),
        "count": (_pick(lambda ts, acc, m: (ts[int(np.argmax(acc))], float(acc.max() * m))),
                  "your accuracy is the NUMBER of correct predictions; accuracy is the "
                  "fraction, the mean of (predictions == Y)."),
        "error-rate": (_pick(lambda ts, acc, m: (ts[int(np.argmax(acc))],
                                                 float(1 - acc.max()))),
                       "your second number is the error rate, 1 - accuracy. Return the "
                       "accuracy of the chosen threshold."),
    },
)


# --- Prediction: the least-squares line without the far-right students ----------

check_line_crossing = Question(
    "where the refitted line crosses 0.5",
    "a",
    wrong={
        "b": "a natural guess -- the two passed, so they seem to pull the line up -- but look "
             "at the line's right end: it already predicts more than 1 for them. Least "
             "squares tilts the line DOWN there to get closer to their labels of 1, so with "
             "them it is flatter and reaches 0.5 later. Without them it is steeper and "
             "crosses earlier.",
        "c": "they are far from the crossing, so it seems they should not matter. But least "
             "squares weighs every student's error, and a far-away point has a long lever "
             "on the slope.",
    },
    why="The two far-right students flatten the line (their predictions above 1 count as "
        "errors), and a flatter line reaches 0.5 later. Without them the line is steeper "
        "and crosses 0.5 earlier.",
)
