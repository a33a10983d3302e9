"""Chapter 9 (Shallow neural networks): the reader builds a two-layer network.

Sizes, initialisation, forward pass, cost, backward pass, update, then the
assignment ``nn_model`` assembled from them, and ``predict_two_layer``. The
hidden layer is tanh, the output a sigmoid. ``nn_model`` with the same seed
and settings gives exactly the numbers of
``NeuralNetwork([n_x, n_h, n_y], ["tanh", "sigmoid"], init="random",
seed=seed).fit(X, Y, learning_rate, epochs=num_iterations)``.
"""
import numpy as np

from ..activations import sigmoid
from ..costs import binary_cross_entropy
from ..init import initialize_parameters
from ._core import Exercise, Question


def _params_case(seed, n_x, n_h, n_y, m, scale=1.0):
    """Random X, binary Y and parameters of a (n_x, n_h, n_y) network."""
    rng = np.random.default_rng(seed)
    params = {"W1": rng.standard_normal((n_h, n_x)) * scale,
              "b1": rng.standard_normal((n_h, 1)) * scale,
              "W2": rng.standard_normal((n_y, n_h)) * scale,
              "b2": rng.standard_normal((n_y, 1)) * scale}
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((n_y, m)) < 0.5).astype(float)
    return X, Y, params


# ---- Predictions -----------------------------------------------------------------

check_parameter_count = Question(
    "the number of parameters of a [3, 4, 1] network",
    21,
    wrong={
        16: "that is W1 and W2 only (4·3 + 1·4). Every unit of layers 1 and 2 also "
            "has a bias: add 4 + 1.",
        12: "that is W1 alone. W2 (1·4), b1 (4) and b2 (1) are learned too.",
        8: "that is the number of units (3 + 4 + 1). Count the weights: one per line "
           "between two layers, plus one bias per unit of layers 1 and 2.",
        24: "you gave the 3 inputs biases too. Layer 0 computes nothing, so it owns "
            "no parameters: only layers 1 and 2 have biases.",
        19: "you counted one weight per unit instead of one per line: W1 has a row "
            "of 3 weights for each of its 4 units (12), W2 has 4.",
    },
    why="W1 is 4×3 (12), b1 is 4×1 (4), W2 is 1×4 (4), b2 is 1×1 (1): 21.",
)

check_zero_start = Question(
    "what W1 looks like after 300 steps from all-zero parameters "
    "(a, b or c)",
    "a",
    wrong={
        "b": "rows that are equal but non-zero are what a start with every weight "
             "equal to a NON-zero number gives (the second run below). From zeros, "
             "tanh(0) = 0 makes A1 = 0, and W2 = 0 stops any error from reaching "
             "layer 1: dZ1 = W2ᵀ dZ2 ⊙ (1 − A1²) = 0.",
        "c": "identical units compute identical values and receive identical "
             "gradients, so nothing can make them differ (symmetry); and from zeros "
             "even that common gradient is 0, because W2 = 0.",
    },
    why="dZ1 = W2ᵀ dZ2 ⊙ (1 − A1²) is 0 while W2 = 0, and dW2 = (1/m) dZ2 A1ᵀ is 0 "
        "while A1 = tanh(0) = 0: neither layer ever moves.",
)


# ---- Exercise: layer_sizes(X, Y, n_h=4) -> (n_x, n_h, n_y) -------------------------

def _layer_sizes(X, Y, n_h=4):
    """The sizes of the three layers, read off the data: (n_x, n_h, n_y)."""
    return X.shape[0], n_h, Y.shape[0]


_SIZES_CASES = [
    (np.zeros((3, 5)), np.zeros((1, 5)), 4),
    (np.zeros((2, 7)), np.zeros((1, 7)), 6),
    (np.zeros((5, 3)), np.zeros((2, 3)), 2),
    (np.zeros((4, 9)), np.zeros((1, 9))),
]

check_layer_sizes = Exercise(
    "layer_sizes",
    _layer_sizes,
    cases=_SIZES_CASES,
    mistakes={
        "m-for-n_x": (lambda X, Y, n_h=4: (X.shape[1], n_h, Y.shape[0]),
                      "your n_x is the number of examples m. Examples are the "
                      "COLUMNS of X, shape (n_x, m): n_x = X.shape[0]."),
        "m-for-n_y": (lambda X, Y, n_h=4: (X.shape[0], n_h, Y.shape[1]),
                      "your n_y is the number of examples m. Y has shape (n_y, m), "
                      "one row per output unit: n_y = Y.shape[0]."),
        "both-m": (lambda X, Y, n_h=4: (X.shape[1], n_h, Y.shape[1]),
                   "both sizes count examples. Read the number of ROWS: "
                   "n_x = X.shape[0], n_y = Y.shape[0]."),
        "fixed-n_h": (lambda X, Y, n_h=4: (X.shape[0], 4, Y.shape[0]),
                      "n_h is always 4: return the n_h you were given (4 is only "
                      "its default)."),
    },
)


# ---- Exercise: initialize_two_layer(n_x, n_h, n_y, seed=0) -> parameters --------

def _initialize_two_layer(n_x, n_h, n_y, seed=0):
    """W1 (n_h, n_x), then W2 (n_y, n_h), from one generator, times 0.01; b = 0."""
    return initialize_parameters([n_x, n_h, n_y], "random", seed)


def _init_transposed(n_x, n_h, n_y, seed=0):
    rng = np.random.default_rng(seed)
    return {"W1": rng.standard_normal((n_x, n_h)) * 0.01,
            "b1": np.zeros((n_h, 1)),
            "W2": rng.standard_normal((n_h, n_y)) * 0.01,
            "b2": np.zeros((n_y, 1))}


def _init_flat_b(n_x, n_h, n_y, seed=0):
    p = _initialize_two_layer(n_x, n_h, n_y, seed)
    return {**p, "b1": np.zeros(n_h), "b2": np.zeros(n_y)}


def _init_zero_W(n_x, n_h, n_y, seed=0):
    return initialize_parameters([n_x, n_h, n_y], "zeros", seed)


def _init_no_scale(n_x, n_h, n_y, seed=0):
    return initialize_parameters([n_x, n_h, n_y], "random", seed, scale=1.0)


def _init_two_generators(n_x, n_h, n_y, seed=0):
    W1 = np.random.default_rng(seed).standard_normal((n_h, n_x)) * 0.01
    W2 = np.random.default_rng(seed).standard_normal((n_y, n_h)) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)),
            "W2": W2, "b2": np.zeros((n_y, 1))}


def _init_W2_first(n_x, n_h, n_y, seed=0):
    rng = np.random.default_rng(seed)
    W2 = rng.standard_normal((n_y, n_h)) * 0.01
    W1 = rng.standard_normal((n_h, n_x)) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)),
            "W2": W2, "b2": np.zeros((n_y, 1))}


def _init_legacy(n_x, n_h, n_y, seed=0):
    rs = np.random.RandomState(seed)   # np.random.seed + np.random.randn
    return {"W1": rs.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": rs.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}


check_initialize_two_layer = Exercise(
    "initialize_two_layer",
    _initialize_two_layer,
    cases=[(3, 4, 1, 0), (2, 5, 1, 1), (4, 3, 2, 7)],
    mistakes={
        "transposed-W": (
            _init_transposed,
            "W1 has shape (n_x, n_h): it is transposed. W[l] has one ROW per "
            "unit of layer l and one column per input, shape (n[l], n[l-1]): "
            "W1 is (n_h, n_x) and W2 is (n_y, n_h), so that W1 @ X works for "
            "X of shape (n_x, m)."),
        "flat-b": (
            _init_flat_b,
            "b1 has shape (n_h,) instead of (n_h, 1): b of the wrong shape. A "
            "flat b is added across each row of W1 @ X instead of down each "
            "column, or fails: use np.zeros((n_h, 1)) and np.zeros((n_y, 1))."),
        "zero-W": (
            _init_zero_W,
            "the weights are all zeros. Then every hidden unit computes the same "
            "value, gets the same gradient and stays a copy of the others "
            "(symmetry): draw W1 and W2 at random."),
        "no-scale": (
            _init_no_scale,
            "the shapes and the random numbers are right, but the weights are "
            "100 times too large: multiply by 0.01."),
        "two-generators": (
            _init_two_generators,
            "W2 repeats the first numbers of W1: you made a second generator "
            "with the same seed. Make ONE rng = np.random.default_rng(seed) and "
            "draw W1, then W2, from it."),
        "W2-first": (
            _init_W2_first,
            "W1 and W2 are drawn in the other order. Draw W1 first, then W2, "
            "from the same rng, so that your numbers are the ones nnlib draws."),
        "legacy-randn": (
            _init_legacy,
            "these are the numbers of the old np.random.seed / np.random.randn "
            "generator. Use rng = np.random.default_rng(seed) and "
            "rng.standard_normal(shape), so that the numbers match nnlib's."),
    },
)


# ---- Exercise: forward_two_layer(X, parameters) -> (A2, cache) ------------------

def _forward_two_layer(X, parameters):
    """Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = sigmoid(Z2)."""
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def _forward_with(hidden, output, bias=True):
    """A wrong forward pass: another hidden/output activation, or no biases."""
    def forward(X, p):
        Z1 = p["W1"] @ X + (p["b1"] if bias else 0)
        A1 = hidden(Z1)
        Z2 = p["W2"] @ A1 + (p["b2"] if bias else 0)
        A2 = output(Z2)
        return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return forward


def _forward_cache_swapped(X, p):
    A2, c = _forward_two_layer(X, p)
    return A2, {"Z1": c["A1"], "A1": c["Z1"], "Z2": c["Z2"], "A2": A2}


def _forward_case(seed, n_x, n_h, n_y, m):
    X, _, params = _params_case(seed, n_x, n_h, n_y, m)
    return X, params


check_forward_two_layer = Exercise(
    "forward_two_layer",
    _forward_two_layer,
    cases=[_forward_case(0, 2, 3, 1, 5), _forward_case(1, 3, 4, 1, 4),
           _forward_case(2, 4, 2, 2, 3)],
    mistakes={
        "sigmoid-hidden": (
            _forward_with(sigmoid, sigmoid),
            "the hidden layer uses a sigmoid; this network's hidden layer is "
            "tanh. Only the output layer is a sigmoid."),
        "missing-b": (
            _forward_with(np.tanh, sigmoid, bias=False),
            "the biases are missing: Z1 = W1 X + b1 and Z2 = W2 A1 + b2. "
            "Without b every unit's boundary passes through the origin."),
        "linear-hidden": (
            _forward_with(lambda Z: Z, sigmoid),
            "the hidden layer has no activation (A1 = Z1). Then the two linear "
            "steps collapse into one, and the network is only logistic "
            "regression: apply tanh to Z1."),
        "tanh-output": (
            _forward_with(np.tanh, np.tanh),
            "the output uses tanh, which can be negative; a probability needs "
            "the sigmoid on the output layer."),
        "cache-swapped": (
            _forward_cache_swapped,
            "A2 is right but the cache is mixed up: cache['Z1'] holds A1 and "
            "cache['A1'] holds Z1. The backward pass reads A1 from the cache "
            "(for dW2 and for the slope 1 − A1²), so store each value under "
            "its own name."),
    },
)


# ---- Exercise: two_layer_cost(A2, Y) -> float -----------------------------------

def _two_layer_cost(A2, Y):
    """J = -(1/m) Σ [y log a + (1 - y) log(1 - a)], a Python float."""
    return binary_cross_entropy(A2, Y)


def _cost_case(seed, n_y, m):
    rng = np.random.default_rng(seed)
    A2 = rng.uniform(0.05, 0.95, size=(n_y, m))
    return A2, (rng.random((n_y, m)) < 0.5).astype(float)


def _cost_terms(A2, Y):
    return Y * np.log(A2) + (1 - Y) * np.log(1 - A2)


check_two_layer_cost = Exercise(
    "two_layer_cost",
    _two_layer_cost,
    cases=[_cost_case(0, 1, 6), _cost_case(1, 1, 9), _cost_case(2, 1, 4)],
    mistakes={
        "no-1/m": (
            lambda A2, Y: float(-np.sum(_cost_terms(A2, Y))),
            "your cost is m times too large: the missing 1/m. The cost is the "
            "AVERAGE loss over the m examples, so that it does not grow with "
            "the size of the training set."),
        "sign": (
            lambda A2, Y: float(np.mean(_cost_terms(A2, Y))),
            "your cost is negative: the minus sign is missing. log of a "
            "probability is negative, so the cross-entropy is "
            "−(1/m) Σ [y log a + (1 − y) log(1 − a)]."),
        "one-term": (
            lambda A2, Y: float(-np.mean(Y * np.log(A2))),
            "only the y log a term is there. Examples with y = 0 also cost "
            "something: add (1 − y) log(1 − a)."),
        "array": (
            lambda A2, Y: -(np.log(A2) @ Y.T + np.log(1 - A2) @ (1 - Y).T)
            / Y.shape[1],
            "the value is right, but it is a (1, 1) array, not a number: the "
            "products with Y.T keep two axes. Return float(...) (or use "
            "np.sum / np.mean, which give a number)."),
    },
)


# ---- Exercise: backward_two_layer(parameters, cache, X, Y) -> grads --------------

def _backward_two_layer(parameters, cache, X, Y):
    """dZ2 = A2 - Y, dW2, db2; dZ1 = W2ᵀ dZ2 ⊙ (1 - A1²), dW1, db1."""
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - A1 ** 2)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def _backward_with(dZ2_of=lambda A2, Y: A2 - Y, back=lambda W2, dZ2: W2.T @ dZ2,
                   slope=lambda A1, Z1: 1 - A1 ** 2, a1_of=lambda c: c["A1"],
                   input_of=lambda X, A1: X, db_of=None, per_m=True):
    """A backward pass with one piece replaced by a classic mistake."""
    def backward(parameters, cache, X, Y):
        m = X.shape[1] if per_m else 1
        A1, A2 = a1_of(cache), cache["A2"]
        dZ2 = dZ2_of(A2, Y)
        dW2 = dZ2 @ A1.T / m
        dZ1 = back(parameters["W2"], dZ2) * slope(A1, cache["Z1"])
        dW1 = dZ1 @ input_of(X, A1).T / m
        if db_of is None:
            db2 = np.sum(dZ2, axis=1, keepdims=True) / m
            db1 = np.sum(dZ1, axis=1, keepdims=True) / m
        else:
            db2, db1 = db_of(dZ2) / m, db_of(dZ1) / m
        return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return backward


def _backward_case(seed, n_x, n_h, n_y, m):
    X, Y, params = _params_case(seed, n_x, n_h, n_y, m)
    _, cache = _forward_two_layer(X, params)
    return params, cache, X, Y


# n_h == n_y in every case, so that W2 @ dZ2 (W2 not transposed) runs and
# gives wrong numbers the checker can recognise; the equations are the same
# for any number of output units.
_BACKWARD_CASES = [_backward_case(0, 3, 2, 2, 5), _backward_case(1, 2, 3, 3, 4),
                   _backward_case(2, 4, 1, 1, 6)]

check_backward_two_layer = Exercise(
    "backward_two_layer",
    _backward_two_layer,
    cases=_BACKWARD_CASES,
    mistakes={
        "no-keepdims": (
            _backward_with(db_of=lambda dZ: np.sum(dZ, axis=1)),
            "db1 has shape (n_h,) and db2 (n_y,): the missing keepdims. "
            "np.sum(dZ, axis=1) drops the summed axis; with keepdims=True db "
            "keeps the shape (n, 1) of b, so that b - α db stays a column."),
        "db-sum-all": (
            _backward_with(db_of=lambda dZ: np.sum(dZ)),
            "your db is one number: np.sum(dZ) adds over the units too. Sum "
            "over the examples only, np.sum(dZ, axis=1, keepdims=True), one "
            "entry per unit."),
        "no-1/m": (
            _backward_with(per_m=False),
            "every gradient is m times too large: the missing 1/m. The cost is "
            "an average over the m examples, and so is each gradient."),
        "W2-not-transposed": (
            _backward_with(back=lambda W2, dZ2: W2 @ dZ2),
            "dZ1 uses W2 @ dZ2: W2 is not transposed. The error goes BACK "
            "through the weights: W2ᵀ dZ2 has one row per hidden unit "
            "(n_h, m). (With n_h ≠ n_y, W2 @ dZ2 fails on the shapes.)"),
        "no-slope": (
            _backward_with(slope=lambda A1, Z1: 1.0),
            "dZ1 is W2ᵀ dZ2 alone: you forgot to multiply by the slope of tanh, "
            "1 − A1², element by element."),
        "sigmoid-slope": (
            _backward_with(slope=lambda A1, Z1: A1 * (1 - A1)),
            "the slope is A1 (1 − A1), the sigmoid's. The hidden layer is tanh, "
            "whose slope is 1 − A1²."),
        "Z1-for-A1": (
            _backward_with(a1_of=lambda c: c["Z1"]),
            "the caches are mixed up: you used Z1 where A1 belongs (in dW2 and "
            "in the slope 1 − A1²). Layer 2 reads the hidden ACTIVATIONS A1."),
        "A1-in-dW1": (
            _backward_with(input_of=lambda X, A1: A1),
            "dW1 uses A1, the output of layer 1. A weight gradient multiplies "
            "the error of its layer by that layer's INPUT: dW1 = (1/m) dZ1 Xᵀ."),
        "sign": (
            _backward_with(dZ2_of=lambda A2, Y: Y - A2),
            "every gradient has the wrong sign: dZ2 = A2 − Y (prediction minus "
            "label), not Y − A2. Gradient descent would climb the cost."),
    },
)


# ---- Exercise: update_two_layer(parameters, grads, learning_rate) -----------------

def _update_two_layer(parameters, grads, learning_rate):
    """A new dict: every parameter minus learning_rate times its gradient."""
    return {k: p - learning_rate * grads["d" + k] for k, p in parameters.items()}


def _update_case(seed, lr):
    X, Y, params = _params_case(seed, 3, 4, 1, 5)
    _, cache = _forward_two_layer(X, params)
    return params, _backward_two_layer(params, cache, X, Y), lr


check_update_two_layer = Exercise(
    "update_two_layer",
    _update_two_layer,
    cases=[_update_case(0, 0.5), _update_case(1, 1.2), _update_case(2, 0.01)],
    mistakes={
        "ascent": (
            lambda p, g, lr: {k: v + lr * g["d" + k] for k, v in p.items()},
            "you ADDED the gradient: that climbs the cost. Gradient descent "
            "steps against it: W = W − α dW."),
        "no-rate": (
            lambda p, g, lr: {k: v - g["d" + k] for k, v in p.items()},
            "the learning rate is missing: multiply each gradient by α."),
        "b-frozen": (
            lambda p, g, lr: {k: v - lr * g["d" + k] if k[0] == "W" else v
                              for k, v in p.items()},
            "the biases are not updated. b1 and b2 are parameters too: "
            "b = b − α db."),
    },
)


# ---- Assignment: nn_model(X, Y, n_h, learning_rate, num_iterations, seed) ---------

def _nn_model(X, Y, n_h, learning_rate=1.2, num_iterations=1000, seed=0):
    """Full-batch gradient descent on the two-layer network: (parameters, costs).

    costs[i] is the cost measured by the forward pass just before update i,
    as in nnlib's fit.
    """
    n_x, n_h, n_y = _layer_sizes(X, Y, n_h)
    parameters = _initialize_two_layer(n_x, n_h, n_y, seed)
    costs = []
    for _ in range(num_iterations):
        A2, cache = _forward_two_layer(X, parameters)
        costs.append(_two_layer_cost(A2, Y))
        grads = _backward_two_layer(parameters, cache, X, Y)
        parameters = _update_two_layer(parameters, grads, learning_rate)
    return parameters, costs


def _nn_model_mistake(init=_initialize_two_layer, early_W2=False,
                      cost_after=False, stale=False):
    """nn_model with one classic mistake built in."""
    def model(X, Y, n_h, learning_rate=1.2, num_iterations=1000, seed=0):
        n_x, n_h, n_y = _layer_sizes(X, Y, n_h)
        p = init(n_x, n_h, n_y, seed)
        costs, m, lr = [], X.shape[1], learning_rate
        _, cache = _forward_two_layer(X, p)
        for _ in range(num_iterations):
            if not stale:
                _, cache = _forward_two_layer(X, p)
            if not cost_after:
                costs.append(_two_layer_cost(cache["A2"], Y))
            if early_W2:     # layer 2 updated before dZ1 is computed from W2
                A1, dZ2 = cache["A1"], cache["A2"] - Y
                p["W2"] = p["W2"] - lr * dZ2 @ A1.T / m
                p["b2"] = p["b2"] - lr * np.sum(dZ2, 1, keepdims=True) / m
                dZ1 = (p["W2"].T @ dZ2) * (1 - A1 ** 2)
                p["W1"] = p["W1"] - lr * dZ1 @ X.T / m
                p["b1"] = p["b1"] - lr * np.sum(dZ1, 1, keepdims=True) / m
            else:
                grads = _backward_two_layer(p, cache, X, Y)
                p = _update_two_layer(p, grads, lr)
            if cost_after:
                costs.append(_two_layer_cost(_forward_two_layer(X, p)[0], Y))
        return p, costs
    return model


def _model_case(seed, n_x, n_h, m, lr, iterations):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_x, m))
    Y = (X[0:1] * X[-1:] > 0).astype(float)      # not linearly separable
    return X, Y, n_h, lr, iterations, seed


check_nn_model = Exercise(
    "nn_model",
    _nn_model,
    cases=[_model_case(0, 2, 3, 12, 0.5, 5), _model_case(1, 3, 4, 10, 1.2, 8),
           _model_case(2, 2, 2, 9, 2.0, 6)],
    builds_on=("layer_sizes", "initialize_two_layer", "forward_two_layer",
               "two_layer_cost", "backward_two_layer", "update_two_layer"),
    mistakes={
        "zero-init": (
            _nn_model_mistake(init=_init_zero_W),
            "your network starts from all-zero weights. Then the hidden units "
            "stay identical (symmetry), and from exact zeros nothing reaches "
            "layer 1 at all: start from initialize_two_layer(n_x, n_h, n_y, "
            "seed)."),
        "W2-updated-early": (
            _nn_model_mistake(early_W2=True),
            "a parameter is updated before every gradient is computed: W2 "
            "changes before dZ1 = W2ᵀ dZ2 ⊙ (1 − A1²) is computed from it, so "
            "layer 1 gets the gradient of a network that never existed. "
            "Compute ALL gradients first (backward_two_layer), then update."),
        "cost-after-update": (
            _nn_model_mistake(cost_after=True),
            "your costs are shifted by one step: you record the cost after the "
            "update. Record the cost of the forward pass that the step uses, "
            "before updating (as nnlib's fit does), so costs[0] is the cost "
            "of the initial parameters."),
        "stale-forward": (
            _nn_model_mistake(stale=True),
            "the forward pass runs once, before the loop, so every step uses "
            "the cache of the initial parameters. Run forward_two_layer at the "
            "start of every iteration, with the current parameters."),
    },
)


# ---- Exercise: predict_two_layer(parameters, X, threshold=0.5) --------------------

def _predict_two_layer(parameters, X, threshold=0.5):
    """(1, m) ints: 1 where A2 >= threshold, else 0."""
    A2, _ = _forward_two_layer(X, parameters)
    return (A2 >= threshold).astype(int)


def _predict_case(seed, m, threshold=None, flat_output=False):
    X, _, params = _params_case(seed, 2, 3, 1, m)
    if flat_output:      # W2 = 0, b2 = 0: every A2 is exactly 0.5
        params["W2"][:] = 0.0
        params["b2"][:] = 0.0
    return (params, X) if threshold is None else (params, X, threshold)


def _predict_with(rule):
    def predict(parameters, X, threshold=0.5):
        A2, cache = _forward_two_layer(X, parameters)
        return rule(A2, cache["Z2"], threshold)
    return predict


check_predict_two_layer = Exercise(
    "predict_two_layer",
    _predict_two_layer,
    cases=[_predict_case(0, 8), _predict_case(1, 6, threshold=0.3),
           _predict_case(2, 5, flat_output=True)],
    builds_on=("forward_two_layer",),
    mistakes={
        "probabilities": (
            _predict_with(lambda A2, Z2, t: A2),
            "you returned the probabilities A2. A prediction is a class: 1 "
            "where A2 >= threshold, 0 elsewhere, as ints."),
        "strict": (
            _predict_with(lambda A2, Z2, t: (A2 > t).astype(int)),
            "an output of exactly 0.5 counts as class 1 (A2 >= threshold, as "
            "nnlib's predict and chapter 3's predict do). Note that np.round "
            "rounds 0.5 down to 0."),
        "Z2": (
            _predict_with(lambda A2, Z2, t: (Z2 >= t).astype(int)),
            "you compared Z2 with the threshold. The threshold is on the "
            "probability A2 = sigmoid(Z2), not on Z2."),
        "fixed-threshold": (
            _predict_with(lambda A2, Z2, t: (A2 >= 0.5).astype(int)),
            "the threshold is always 0.5: use the threshold you were given."),
    },
)
