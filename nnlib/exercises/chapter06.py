"""Chapter 6 (Backpropagation): a computation graph by hand, the gradients of
logistic regression with a loop over the examples, and the backward pass of a
two-layer network; two predictions (the shape of dW2, the forward passes that
finite differences need)."""
import numpy as np

from ..activations import sigmoid
from ._core import Exercise, Question


# ---- the computation graph J = 3(a + bc) ----------------------------------

def _graph_derivatives(a, b, c):
    """J = 3(a + bc): u = bc, v = a + u, J = 3v; returns (dJ/da, dJ/db, dJ/dc)."""
    dv = 3.0            # J = 3v
    du = dv * 1.0       # v = a + u
    return dv * 1.0, du * c, du * b


check_graph_derivatives = Exercise(
    "graph_derivatives",
    _graph_derivatives,
    cases=[(5.0, 3.0, 2.0), (1.0, -2.0, 4.0), (0.5, 7.0, -1.5)],
    mistakes={
        "forgot-3": (lambda a, b, c: (1.0, c, b),
                     "every derivative is missing the factor 3. The last node is J = 3v, so "
                     "dJ/dv = 3, and the chain rule multiplies every derivative to its left by it."),
        "swapped-b-c": (lambda a, b, c: (3.0, 3.0 * b, 3.0 * c),
                        "dJ/db and dJ/dc are swapped. u = bc, so du/db = c (what b is multiplied "
                        "by) and du/dc = b: dJ/db = 3c and dJ/dc = 3b."),
        "v-is-a-times-u": (lambda a, b, c: (3.0 * b * c, 3.0 * a * c, 3.0 * a * b),
                           "these are the derivatives of J = 3·a·b·c, i.e. v = a·u. In this graph "
                           "v = a + u (that is how J = 3(5 + 3·2) = 33), so dv/da = dv/du = 1."),
        "forward-values": (lambda a, b, c: (3.0 * a, 3.0 * b * c, 3.0 * b * c),
                           "these look like values of the forward pass, not derivatives. Go right "
                           "to left: dJ/dv = 3, dJ/du = 3·1, then dJ/da = 3, dJ/db = 3c, dJ/dc = 3b."),
    },
)


# ---- logistic regression, one example at a time ----------------------------

def _loop(w, b, X, Y, sign=1.0, cost_sign=-1.0, grad_mean=True, cost_mean=True,
          accumulate=True, dw_shape=None, db_array=False):
    """The loop over the examples, with switches that reproduce classic slips."""
    n_x, m = X.shape
    cost, dw, db = 0.0, np.zeros((n_x, 1)), 0.0
    for i in range(m):
        x, y = X[:, i:i + 1], Y[0, i]
        a = float(sigmoid((w.T @ x).item() + b))
        cost += cost_sign * (y * np.log(a) + (1 - y) * np.log(1 - a))
        dz = sign * (a - y)
        if accumulate:
            dw, db = dw + x * dz, db + dz
        else:                           # dw = ... instead of dw += ...
            dw, db = x * dz, dz
    if grad_mean:
        dw, db = dw / m, db / m
    if cost_mean:
        cost = cost / m
    if dw_shape is not None:
        dw = dw.reshape(dw_shape)
    return float(cost), dw, (np.array([[db]]) if db_array else float(db))


def _propagate_loop(w, b, X, Y):
    """(cost, dw, db) of logistic regression, one example at a time.

    For each column x of X with label y: z = wᵀx + b, a = σ(z), the loss
    −(y log a + (1 − y) log(1 − a)), dz = a − y, then dw += x dz, db += dz.
    Cost, dw and db are averages over the m examples: cost a float, dw of
    shape (n_x, 1) like w, db a float like b.
    """
    return _loop(w, b, X, Y)


def _case(n_x, m, seed):
    rng = np.random.default_rng(seed)
    w = rng.normal(size=(n_x, 1))
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return w, float(rng.normal()), X, Y


check_propagate_loop = Exercise(
    "propagate_loop",
    _propagate_loop,
    cases=[_case(3, 5, 1), _case(2, 4, 2), _case(4, 7, 3)],
    mistakes={
        "no-1/m": (lambda w, b, X, Y: _loop(w, b, X, Y, grad_mean=False),
                   "dw and db are m times too large (your cost is right): the cost is the "
                   "*average* loss, J = (1/m) Σ L, so its gradient is the average of the "
                   "examples' gradients: divide the sums by m after the loop."),
        "cost-no-1/m": (lambda w, b, X, Y: _loop(w, b, X, Y, cost_mean=False),
                        "the cost is m times too large (your gradients are right): the cost is "
                        "the *average* of the losses, so divide the summed loss by m too."),
        "sign-flip": (lambda w, b, X, Y: _loop(w, b, X, Y, sign=-1.0),
                      "the sign of dw and db is flipped: dz = a − y (prediction minus label), "
                      "not y − a. With y − a, gradient descent would climb the cost."),
        "cost-sign": (lambda w, b, X, Y: _loop(w, b, X, Y, cost_sign=1.0),
                      "your cost is negative: the loss is −(y log a + (1 − y) log(1 − a)), "
                      "with a minus sign in front (log a < 0, so the loss is positive)."),
        "last-example-only": (lambda w, b, X, Y: _loop(w, b, X, Y, accumulate=False),
                              "dw and db hold only the last example's share: inside the loop "
                              "*add* each example's x·dz to dw (dw += ...), do not overwrite it."),
        "dw-row": (lambda w, b, X, Y: _loop(w, b, X, Y, dw_shape=(1, -1)),
                   "dw has shape (1, n_x), but it must have the shape of w, (n_x, 1): add the "
                   "column x = X[:, i:i+1] (shape (n_x, 1)) times dz."),
        "dw-flat": (lambda w, b, X, Y: _loop(w, b, X, Y, dw_shape=(-1,)),
                    "dw has shape (n_x,), but it must have the shape of w, (n_x, 1): start "
                    "from np.zeros((n_x, 1)) and add the column X[:, i:i+1] times dz."),
        "db-array": (lambda w, b, X, Y: _loop(w, b, X, Y, db_array=True),
                     "db is an array of shape (1, 1); b is a single number, so db should be "
                     "one too (a float)."),
    },
)


# ---- the backward pass of a two-layer network ------------------------------

def _backward(X, Y, params, cache, dZ2_of=lambda A2, Y: A2 - Y,
              dA1_of=lambda W2, dZ2: W2.T @ dZ2,
              slope_of=lambda A1, Z1: 1 - A1 ** 2,
              dW_of=lambda dZ, A_prev, m: dZ @ A_prev.T / m,
              db_of=lambda dZ, m: np.sum(dZ, axis=1, keepdims=True) / m):
    """The backward pass, with each step replaceable to reproduce a classic slip."""
    m = X.shape[1]
    dZ2 = dZ2_of(cache["A2"], Y)
    dW2, db2 = dW_of(dZ2, cache["A1"], m), db_of(dZ2, m)
    dZ1 = dA1_of(params["W2"], dZ2) * slope_of(cache["A1"], cache["Z1"])
    dW1, db1 = dW_of(dZ1, X, m), db_of(dZ1, m)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def _two_layer_backward(X, Y, params, cache):
    """Gradients of the cost of a tanh-sigmoid network, from the forward cache.

    Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = σ(Z2), binary
    cross-entropy averaged over the m columns. cache holds Z1, A1, Z2, A2.
        dZ2 = A2 − Y
        dW2 = (1/m) dZ2 A1ᵀ,        db2 = (1/m) Σ_columns dZ2
        dZ1 = W2ᵀ dZ2 ⊙ (1 − A1²)
        dW1 = (1/m) dZ1 Xᵀ,         db1 = (1/m) Σ_columns dZ1
    """
    return _backward(X, Y, params, cache)


def _two_layer_case(n_x, n_h, n_y, m, seed):
    """X, Y, params and the forward cache of a tanh-sigmoid network."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((n_y, m)) < 0.5).astype(float)
    params = {"W1": rng.normal(size=(n_h, n_x)), "b1": rng.normal(size=(n_h, 1)),
              "W2": rng.normal(size=(n_y, n_h)), "b2": rng.normal(size=(n_y, 1))}
    Z1 = params["W1"] @ X + params["b1"]
    A1 = np.tanh(Z1)
    Z2 = params["W2"] @ A1 + params["b2"]
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": sigmoid(Z2)}
    return X, Y, params, cache


def _slip(**step):
    return lambda X, Y, params, cache: _backward(X, Y, params, cache, **step)


check_two_layer_backward = Exercise(
    "two_layer_backward",
    _two_layer_backward,
    # n[2] = n[1] in every case, so that a W2 left untransposed still runs and
    # can be named; with one output unit W2ᵀ dZ2 equals W2.T * dZ2 and hides it.
    cases=[_two_layer_case(3, 2, 2, 5, 1), _two_layer_case(2, 3, 3, 4, 2),
           _two_layer_case(4, 1, 1, 6, 3)],
    mistakes={
        "no-1/m": (_slip(dW_of=lambda dZ, A_prev, m: dZ @ A_prev.T,
                         db_of=lambda dZ, m: np.sum(dZ, axis=1, keepdims=True)),
                   "every gradient is m times too large: the cost is the *average* loss over "
                   "the m examples, so dW = (1/m) dZ A_prevᵀ and db = (1/m) Σ_columns dZ."),
        "sign-flip": (_slip(dZ2_of=lambda A2, Y: Y - A2),
                      "the sign is flipped: dZ2 = A2 − Y (prediction minus label), not "
                      "Y − A2; every gradient then points uphill."),
        "W2-not-transposed": (_slip(dA1_of=lambda W2, dZ2: W2 @ dZ2),
                              "dZ1 uses W2 @ dZ2, but W2 has shape (n[2], n[1]): going back "
                              "from the outputs to the hidden units needs W2ᵀ dZ2, of shape "
                              "(n[1], m) like A1. (With a single output unit the two can "
                              "even look alike, which is why the checker uses two.)"),
        "dW-transposed": (_slip(dW_of=lambda dZ, A_prev, m: A_prev @ dZ.T / m),
                          "your dW1 and dW2 are transposed: dW must have the shape of W, "
                          "(n[l], n[l-1]), so it is dZ @ A_prev.T / m, not A_prev @ dZ.T / m."),
        "db-wrong-axis": (_slip(db_of=lambda dZ, m: np.sum(dZ, axis=0, keepdims=True) / m),
                          "db is summed over the wrong axis: axis=0 adds up the units and "
                          "keeps one number per example. Sum each unit over the examples "
                          "(the columns): np.sum(dZ, axis=1, keepdims=True) / m, shape "
                          "(n[l], 1) like b."),
        "db-no-keepdims": (_slip(db_of=lambda dZ, m: np.sum(dZ, axis=1) / m),
                           "db has shape (n[l],) instead of (n[l], 1): add keepdims=True to "
                           "the sum, so that db has the shape of b."),
        "db-total": (_slip(db_of=lambda dZ, m: np.sum(dZ) / m),
                     "db is a single number: np.sum(dZ) adds up every unit *and* every "
                     "example. b has one entry per unit: np.sum(dZ, axis=1, keepdims=True) / m."),
        "no-tanh-derivative": (_slip(slope_of=lambda A1, Z1: 1.0),
                               "dZ1 is missing the tanh's derivative: the chain rule through "
                               "A1 = tanh(Z1) multiplies by tanh'(Z1) = 1 − A1², element by "
                               "element: dZ1 = (W2ᵀ dZ2) * (1 - A1**2)."),
        "tanh-of-Z": (_slip(slope_of=lambda A1, Z1: 1 - Z1 ** 2),
                      "you used 1 − Z1²; the derivative of tanh is 1 − tanh(Z1)² = 1 − A1²."),
        "sigmoid-derivative": (_slip(slope_of=lambda A1, Z1: A1 * (1 - A1)),
                               "A1(1 − A1) is the *sigmoid's* derivative; the hidden layer is "
                               "tanh, whose derivative is 1 − A1²."),
        "dA1-divided-by-m": (_slip(dA1_of=lambda W2, dZ2: W2.T @ dZ2 / dZ2.shape[1]),
                             "dW1 and db1 are m times too small: you divided W2ᵀ dZ2 by m, and "
                             "dW1 = (1/m) dZ1 Xᵀ divides again. The 1/m belongs only in dW and "
                             "db (it comes from the average in the cost), once per layer."),
    },
)


# ---- predictions ------------------------------------------------------------

check_backprop_dW2_shape = Question(
    "the shape of dW2 for the network [3, 4, 1] on 8 examples",
    (1, 4),
    wrong={(4, 1): "that is the shape of W2ᵀ. Each gradient has the shape of its parameter, "
                   "and W2 maps 4 hidden units to 1 output: (n[2], n[1]) = (1, 4).",
           (1, 8): "that is the shape of dZ2, one number per example. dW2 averages over the "
                   "8 examples and has the shape of W2: (1, 4).",
           (4, 8): "that is the shape of A1 (and of dZ1). dW2 has the shape of W2: (1, 4).",
           (4, 3): "that is the shape of W1 (and dW1). W2 is (n[2], n[1]) = (1, 4).",
           (8, 4): "that is the shape of A1ᵀ. dW2 = (1/m) dZ2 A1ᵀ is (1, 8)·(8, 4) = (1, 4)."},
    why="Every gradient has the shape of its parameter: dW2 is (n[2], n[1]) = (1, 4), "
        "whatever the number of examples.",
)

check_gradcheck_forward_passes = Question(
    "the number of forward passes numerical_gradients makes for the network [3, 4, 1]",
    42,
    wrong={21: "one per parameter is the one-sided difference. The two-sided difference "
               "evaluates the cost at θ + ε and at θ − ε: two forward passes per parameter.",
           2: "two per parameter, not two in all: each of the 21 parameters is nudged "
              "separately, up and down.",
           1: "one forward pass is what backpropagation needs (plus one backward pass). "
              "Finite differences nudge each of the 21 parameters up and down.",
           16: "count the biases too: W1 (12), b1 (4), W2 (4), b2 (1) make 21 parameters, "
               "each nudged up and down.",
           32: "count every parameter: W1 (12), b1 (4), W2 (4), b2 (1) make 21, each nudged "
               "up and down."},
    why="The network has 4·3 + 4 + 1·4 + 1 = 21 parameters; each is nudged up and down, "
        "so 2 × 21 = 42 forward passes.",
)
