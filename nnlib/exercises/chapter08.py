"""Chapter 8 (Activation functions): derivatives of sigmoid, tanh and ReLU,
leaky ReLU, and counting the dead units of a layer; one prediction, the
largest value of the sigmoid's derivative."""
import numpy as np

from ..activations import (relu, relu_derivative, sigmoid, sigmoid_derivative,
                           tanh_derivative)
from ._core import Exercise, Question

_rng = np.random.default_rng(8)

# Inputs: 2-D arrays of pre-activations Z (one column per example), with negative,
# zero and positive entries, some of them large enough to saturate a sigmoid.
_Z_CASES = [
    (np.array([[-3.0, -0.5, 0.0, 0.5, 3.0]]),),
    (_rng.normal(scale=2.0, size=(3, 4)),),
    (np.array([[-8.0, -2.0], [0.0, 1.5], [4.0, -0.25]]),),
]


# ---- sigmoid_derivative(z) -------------------------------------------------------

check_sigmoid_derivative = Exercise(
    "sigmoid_derivative",
    sigmoid_derivative,
    cases=_Z_CASES,
    mistakes={
        "plus": (lambda z: sigmoid(z) * (1 + sigmoid(z)),
                 "you computed σ(z)(1 + σ(z)). The derivative is σ(z)(1 − σ(z)): it is largest "
                 "(0.25) at z = 0 and falls towards 0 on both sides, where the curve is flat."),
        "formula-on-z": (lambda z: z * (1 - z),
                         "you applied the formula to z itself: z(1 − z). The formula needs the "
                         "sigmoid's output, s = σ(z), then s(1 − s)."),
        "sigmoid": (sigmoid,
                    "you returned σ(z), the function itself, not its slope σ(z)(1 − σ(z))."),
    },
)


# ---- tanh_derivative(z) ----------------------------------------------------------

check_tanh_derivative = Exercise(
    "tanh_derivative",
    tanh_derivative,
    cases=_Z_CASES,
    mistakes={
        "no-square": (lambda z: 1 - np.tanh(z),
                      "you computed 1 − tanh(z): the square is missing. tanh'(z) = 1 − tanh²(z), "
                      "which is 1 at z = 0 and never negative (1 − tanh(z) would give "
                      "derivatives up to 2 for negative z)."),
        "formula-on-z": (lambda z: 1 - z ** 2,
                         "you applied the formula to z: 1 − z². It needs t = tanh(z) first, "
                         "then 1 − t²."),
        "tanh": (np.tanh,
                 "you returned tanh(z), the function itself, not its slope 1 − tanh²(z)."),
    },
)


# ---- relu_derivative(z) ----------------------------------------------------------

check_relu_derivative = Exercise(
    "relu_derivative",
    relu_derivative,
    cases=_Z_CASES,
    mistakes={
        "relu": (relu,
                 "you returned ReLU(z) = max(0, z), the function, not its slope. The slope "
                 "is a step: 1 where z > 0 and 0 where z < 0."),
        "one-at-zero": (lambda z: (z >= 0).astype(float),
                        "almost: at exactly z = 0 you return 1. ReLU has no derivative at 0; "
                        "the book (like nnlib and PyTorch) uses 0 there: test z > 0, not z >= 0."),
        "flipped": (lambda z: (z < 0).astype(float),
                    "your step is the wrong way round: the slope is 1 for positive z "
                    "(where ReLU(z) = z) and 0 for negative z (where ReLU is flat)."),
    },
)


# ---- leaky_relu(z) ---------------------------------------------------------------

def _leaky_relu(z):
    return np.maximum(0.01 * z, z)


check_leaky_relu = Exercise(
    "leaky_relu",
    _leaky_relu,
    cases=_Z_CASES,
    mistakes={
        "slope-0.1": (lambda z: np.maximum(0.1 * z, z),
                      "your negative slope is 0.1; leaky ReLU as defined in the notes uses "
                      "0.01: max(0.01 z, z)."),
        "plain-relu": (lambda z: np.maximum(0, z),
                       "this is plain ReLU, max(0, z): negative inputs give exactly 0, so "
                       "their gradient is 0 too. Leaky ReLU lets a little through: max(0.01 z, z)."),
        "min": (lambda z: np.minimum(0.01 * z, z),
                "you took the minimum: for positive z that gives 0.01 z. Use the maximum, "
                "max(0.01 z, z), which is z for z > 0 and 0.01 z for z < 0."),
    },
)


# ---- dead_fraction(Z) ------------------------------------------------------------

def _dead_fraction(Z):
    """The fraction of units (rows of Z) whose z is <= 0 for every example (column)."""
    return float(np.mean(np.all(Z <= 0, axis=1)))


def _dead_cases():
    Z1 = _rng.normal(size=(4, 6))
    Z1[1] = -np.abs(Z1[1])                       # unit 1 never fires
    Z1[3] = -np.abs(Z1[3])
    Z1[3, 2] = 0.0                               # unit 3 reaches 0, never above
    Z2 = _rng.normal(size=(5, 3))
    Z2[:, 0] = -np.abs(Z2[:, 0]) - 0.1           # example 0 switches every unit off
    Z2[4] = -np.abs(Z2[4])
    Z3 = -np.abs(_rng.normal(size=(3, 8)))       # a whole dead layer
    Z3[0, 5] = 0.7
    return [(Z1,), (Z2,), (Z3,)]


check_dead_fraction = Exercise(
    "dead_fraction",
    _dead_fraction,
    cases=_dead_cases(),
    mistakes={
        "examples": (lambda Z: float(np.mean(np.all(Z <= 0, axis=0))),
                     "you counted examples, not units: np.all(..., axis=0) asks, for each "
                     "example (column), whether every unit is off. A unit is a row of Z: "
                     "ask, for each row, whether all its entries are <= 0 (axis=1)."),
        "any": (lambda Z: float(np.mean(np.any(Z <= 0, axis=1))),
                "you counted the units that are off for SOME example. Almost every ReLU "
                "unit is off for some inputs, which is how it computes anything; a dead "
                "unit is off for EVERY example: np.all, not np.any."),
        "strict": (lambda Z: float(np.mean(np.all(Z < 0, axis=1))),
                   "you tested z < 0. At z = 0 ReLU outputs 0 and the book takes its slope "
                   "to be 0 as well, so a unit whose largest z is exactly 0 passes no "
                   "gradient either: test z <= 0."),
        "count": (lambda Z: float(np.sum(np.all(Z <= 0, axis=1))),
                  "you returned the number of dead units; the question is the fraction: "
                  "divide by the number of units (np.mean does both)."),
        "entries": (lambda Z: float(np.mean(Z <= 0)),
                    "you returned the fraction of all entries of Z that are <= 0, a mix of "
                    "units and examples. First decide per unit (row) whether it is off for "
                    "every example, then average over the units."),
    },
)


# ---- a prediction: the largest slope of the sigmoid -------------------------------

check_largest_sigmoid_slope = Question(
    "the largest value of the sigmoid's derivative σ′(z) over all z",
    0.25,
    wrong={
        0.5: "0.5 is σ(0), the value of the sigmoid itself at its steepest point. The "
             "slope there is σ(0)(1 − σ(0)) = 0.5 · 0.5.",
        1: "a slope of 1 is tanh's at z = 0. The sigmoid rises from 0 to 1 over several "
           "units of z, so it is flatter: σ′(0) = σ(0)(1 − σ(0)).",
        0: "σ′ tends to 0 far from 0, where the curve is flat; at z = 0 it is largest.",
    },
    why="σ′ = σ(1 − σ) is a product s(1 − s) with s in (0, 1), largest at s = 0.5, "
        "that is at z = 0: 0.5 · 0.5 = 0.25.",
    rtol=1e-3,
)
