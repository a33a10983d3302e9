"""Chapter 9 (Shallow neural networks): initializing and running a two-layer network."""
import numpy as np

from ..activations import sigmoid
from ._core import Exercise


# ---- Exercise 1: init_params(n_x, n_h, n_y, seed) ---------------------------------

def _init_params(n_x, n_h, n_y, seed):
    """W1 (n_h, n_x) and W2 (n_y, n_h) from one generator, times 0.01; zero biases (n, 1)."""
    rng = np.random.default_rng(seed)
    W1 = rng.standard_normal((n_h, n_x)) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = rng.standard_normal((n_y, n_h)) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def _init_transposed(n_x, n_h, n_y, seed):
    rng = np.random.default_rng(seed)
    return {"W1": rng.standard_normal((n_x, n_h)) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": rng.standard_normal((n_h, n_y)) * 0.01, "b2": np.zeros((n_y, 1))}


def _init_flat_b(n_x, n_h, n_y, seed):
    rng = np.random.default_rng(seed)
    return {"W1": rng.standard_normal((n_h, n_x)) * 0.01, "b1": np.zeros(n_h),
            "W2": rng.standard_normal((n_y, n_h)) * 0.01, "b2": np.zeros(n_y)}


def _init_zero_W(n_x, n_h, n_y, seed):
    return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}


def _init_no_scale(n_x, n_h, n_y, seed):
    rng = np.random.default_rng(seed)
    return {"W1": rng.standard_normal((n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": rng.standard_normal((n_y, n_h)), "b2": np.zeros((n_y, 1))}


def _init_two_generators(n_x, n_h, n_y, seed):
    W1 = np.random.default_rng(seed).standard_normal((n_h, n_x)) * 0.01
    W2 = np.random.default_rng(seed).standard_normal((n_y, n_h)) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


def _init_legacy(n_x, n_h, n_y, seed):
    rs = np.random.RandomState(seed)          # what np.random.seed + np.random.randn give
    W1 = rs.randn(n_h, n_x) * 0.01
    W2 = rs.randn(n_y, n_h) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


check_init_params = Exercise(
    "init_params",
    _init_params,
    cases=[(3, 4, 1, 0), (2, 5, 1, 1), (4, 3, 2, 7)],
    mistakes={
        "transposed-W": (_init_transposed,
                         "W1 has shape (n_x, n_h): it is transposed. W[l] has one ROW per unit "
                         "of layer l and one column per input, shape (n[l], n[l-1]): draw "
                         "W1 with shape (n_h, n_x) and W2 with shape (n_y, n_h), so that "
                         "W1 @ X works for X of shape (n_x, m)."),
        "flat-b": (_init_flat_b,
                   "b1 has shape (n_h,) instead of (n_h, 1). A flat b broadcasts along the "
                   "wrong axis in W1 @ X + b1 (it is added across each row, not down each "
                   "column) or fails outright: use np.zeros((n_h, 1)) and np.zeros((n_y, 1))."),
        "zero-W": (_init_zero_W,
                   "the weights are all zeros. Then every hidden unit computes the same value, "
                   "gets the same gradient and stays identical to the others (symmetry): draw "
                   "W1 and W2 at random, with rng.standard_normal(...) * 0.01."),
        "no-scale": (_init_no_scale,
                     "the shapes and random numbers are right but the weights are 100 times too "
                     "large: multiply by 0.01. Large weights push tanh/sigmoid units onto their "
                     "flat parts, where the gradient is almost zero."),
        "two-generators": (_init_two_generators,
                           "W2 repeats the first numbers of W1: you made a new generator with the "
                           "same seed for W2. Make ONE rng = np.random.default_rng(seed) and draw "
                           "W1, then W2, from it."),
        "legacy-randn": (_init_legacy,
                         "these are the numbers of the old np.random.seed/np.random.randn "
                         "generator. Use rng = np.random.default_rng(seed) and "
                         "rng.standard_normal(shape), as the exercise says, so the numbers "
                         "match."),
    },
)


# ---- Exercise 2: two_layer_forward(X, params) -------------------------------------

def _two_layer_forward(X, params):
    """A2 = sigmoid(W2 tanh(W1 X + b1) + b2)."""
    A1 = np.tanh(params["W1"] @ X + params["b1"])
    return sigmoid(params["W2"] @ A1 + params["b2"])


def _case(seed, n_x, n_h, n_y, m):
    rng = np.random.default_rng(seed)
    params = {"W1": rng.standard_normal((n_h, n_x)), "b1": rng.standard_normal((n_h, 1)),
              "W2": rng.standard_normal((n_y, n_h)), "b2": rng.standard_normal((n_y, 1))}
    return rng.standard_normal((n_x, m)), params


check_two_layer_forward = Exercise(
    "two_layer_forward",
    _two_layer_forward,
    cases=[_case(0, 2, 3, 1, 5), _case(1, 3, 4, 1, 4), _case(2, 4, 2, 2, 3)],
    mistakes={
        "sigmoid-hidden": (lambda X, p: sigmoid(p["W2"] @ sigmoid(p["W1"] @ X + p["b1"]) + p["b2"]),
                           "the hidden layer uses a sigmoid; this network's hidden layer is tanh "
                           "(zero-centred, usually trains faster). Only the output is a sigmoid."),
        "missing-b": (lambda X, p: sigmoid(p["W2"] @ np.tanh(p["W1"] @ X)),
                      "the biases are missing: Z1 = W1 X + b1 and Z2 = W2 A1 + b2. Without b "
                      "every unit's boundary is forced through the origin."),
        "linear-hidden": (lambda X, p: sigmoid(p["W2"] @ (p["W1"] @ X + p["b1"]) + p["b2"]),
                          "the hidden layer has no activation (A1 = Z1). Then the two linear "
                          "steps collapse into one and the network is only logistic "
                          "regression: apply tanh to Z1."),
        "tanh-output": (lambda X, p: np.tanh(p["W2"] @ np.tanh(p["W1"] @ X + p["b1"]) + p["b2"]),
                        "the output uses tanh, which can be negative; a probability needs the "
                        "sigmoid on the output layer."),
        "returns-A1": (lambda X, p: np.tanh(p["W1"] @ X + p["b1"]),
                       "you returned A1, the hidden activations; continue through the output "
                       "layer: A2 = sigmoid(W2 A1 + b2)."),
    },
)
