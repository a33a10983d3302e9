"""Chapter 7 (Vectorization and broadcasting): logistic regression over all m
examples at once, then the whole model assembled from the reader's functions.

Exercises: ``vectorized_forward``, ``propagate`` (cost and gradients, no loop
over examples), ``optimize`` (gradient descent on (w, b), built on chapter 5's
``gradient_descent``) and ``model``, the assignment built from
``initialize_with_zeros`` and ``predict`` (chapter 3), ``propagate`` and
``optimize``. One prediction: the shape broadcasting gives to (4,) + (4, 1).

The references ``_propagate``, ``_optimize`` and ``_model`` are what
``tests/test_chapter07.py`` compares with ``nnlib.NeuralNetwork.fit``.
"""
import numpy as np

from ..activations import sigmoid
from ._core import Exercise, Question
from .chapter03 import _initialize_with_zeros, _predict
from .chapter05 import _gradient_descent

_rng = np.random.default_rng(7)


# ---- vectorized_forward(w, b, X) -> A of shape (1, m) ------------------------

def _vectorized_forward(w, b, X):
    """A = σ(wᵀX + b): w is (n_x, 1), b a number, X is (n_x, m); A is (1, m)."""
    return sigmoid(w.T @ X + b)


def _forward_column(w, b, X):
    return sigmoid(X.T @ w + b)                          # (m, 1): one row per example


def _forward_rank1(w, b, X):
    return sigmoid(w[:, 0] @ X + b)                      # (m,): the row lost its first axis


def _forward_bias_vector(w, b, X):
    return sigmoid(X.T @ w + np.full(X.shape[1], b))     # (m, 1) + (m,) -> (m, m)


def _forward_no_sigmoid(w, b, X):
    return w.T @ X + b                                   # Z, not A


def _forward_no_bias(w, b, X):
    return sigmoid(w.T @ X)


_FORWARD_CASES = [
    (_rng.normal(size=(3, 1)), 0.5, _rng.normal(size=(3, 5))),
    (_rng.normal(size=(4, 1)), -1.25, _rng.normal(size=(4, 7))),
    (np.array([[2.0], [-1.0]]), 0.3, np.array([[1.0, 0.0, -1.0, 2.0], [0.5, 1.0, 0.0, -2.0]])),
]

check_vectorized_forward = Exercise(
    "vectorized_forward",
    _vectorized_forward,
    cases=_FORWARD_CASES,
    mistakes={
        "column": (_forward_column,
                   "your A has shape (m, 1): one row per example. In this book examples are "
                   "columns, so the m predictions form a row of shape (1, m): compute "
                   "Z = w.T @ X + b (a (1, n_x) row times an (n_x, m) matrix)."),
        "rank-1": (_forward_rank1,
                   "the values are right but A has shape (m,), a 'rank-1 array' with no "
                   "row or column direction. Its transpose is itself, and mixed with (1, m) "
                   "or (m, 1) arrays it broadcasts in surprising ways. Keep w as (n_x, 1) "
                   "and use w.T @ X, which is (1, m)."),
        "bias-vector": (_forward_bias_vector,
                        "your A is an (m, m) matrix. You added a bias vector of shape (m,) to "
                        "a column of shape (m, 1); broadcasting stretched the column across "
                        "m columns and the vector down m rows, with no error. b is one "
                        "number: add it directly, Z = w.T @ X + b, and broadcasting adds it "
                        "to every one of the m entries of the (1, m) row."),
        "no-sigmoid": (_forward_no_sigmoid,
                       "you returned Z = wᵀX + b. The prediction is A = σ(Z): apply the "
                       "sigmoid (nnlib.sigmoid) to Z."),
        "no-bias": (_forward_no_bias,
                    "the bias is missing: Z = wᵀX + b, and b shifts every z by the same amount."),
    },
)


# ---- propagate(w, b, X, Y) -> (cost, dw, db) ---------------------------------

def _propagate(w, b, X, Y):
    """Forward pass, cross-entropy cost and its gradients for all m examples.

    cost = −(1/m) Σ [y log a + (1 − y) log(1 − a)] (a number),
    dw = (1/m) X (A − Y)ᵀ of shape (n_x, 1), db = (1/m) Σ (A − Y) (a number).
    """
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = X @ dZ.T / m
    db = np.sum(dZ) / m
    return float(cost), dw, float(db)


def _propagate_variant(cost_mean=True, grads_mean=True, sign=1.0, bias=True,
                       dw_layout="column", db_layout="number",
                       cost_layout="number", cost_sign=-1.0):
    """The reference with one piece changed: a classic mistake as code."""
    def wrong(w, b, X, Y):
        m = X.shape[1]
        A = sigmoid(w.T @ X + (b if bias else 0.0))
        if cost_layout == "matrix":          # Y log Aᵀ as matrix products: (1, 1)
            cost = -(np.log(A) @ Y.T + np.log(1 - A) @ (1 - Y).T) / m
        else:
            total = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
            cost = float(cost_sign * total / (m if cost_mean else 1))
        dZ = sign * (A - Y)
        dw = {"column": X @ dZ.T, "row": dZ @ X.T, "flat": X @ dZ[0]}[dw_layout]
        db = {"number": float(np.sum(dZ)),
              "keepdims": np.sum(dZ, axis=1, keepdims=True),
              "axis0": np.sum(dZ, axis=0)}[db_layout]
        scale = 1 / m if grads_mean else 1.0
        return cost, dw * scale, db * scale
    return wrong


def _propagate_case(n_x, m, b):
    w = _rng.normal(size=(n_x, 1))
    X = _rng.normal(size=(n_x, m))
    Y = (_rng.uniform(size=(1, m)) < 0.5).astype(float)
    Y[0, :2] = [0.0, 1.0]                                # both classes present
    return w, b, X, Y


_PROPAGATE_CASES = [
    _propagate_case(3, 6, 0.5),
    _propagate_case(4, 5, -1.2),
    _propagate_case(2, 9, 0.3),
    (np.zeros((3, 1)), 0.0) + _propagate_case(3, 4, 0.0)[2:],   # the zero start
]

check_propagate = Exercise(
    "propagate",
    _propagate,
    cases=_PROPAGATE_CASES,
    mistakes={
        "cost-no-1/m": (_propagate_variant(cost_mean=False),
                        "your cost is m times too large: you summed the losses of the m "
                        "examples. The cost J is their average: divide the sum by m "
                        "(or use np.mean)."),
        "grads-no-1/m": (_propagate_variant(grads_mean=False),
                         "your dw and db are m times too large: the 1/m is missing. The "
                         "cost is an average over the m examples, so its gradient is one "
                         "too: dw = (1/m) X dZᵀ, db = (1/m) Σ dZ."),
        "no-1/m": (_propagate_variant(cost_mean=False, grads_mean=False),
                   "the cost, dw and db are all m times too large: the 1/m is missing "
                   "everywhere. J is the average loss, and its gradients are averages."),
        "cost-sign": (_propagate_variant(cost_sign=1.0),
                      "your cost is negative: the minus sign in front is missing. log a is "
                      "negative for 0 < a < 1, so J = −(1/m) Σ [y log a + (1 − y) log(1 − a)] "
                      "is positive."),
        "cost-array": (_propagate_variant(cost_layout="matrix"),
                       "the value of your cost is right but it is a (1, 1) array, the "
                       "result of matrix products like np.log(A) @ Y.T. Return a number: "
                       "np.sum(...) / m, or float(...) of your array."),
        "dw-row": (_propagate_variant(dw_layout="row"),
                   "dw is transposed: it has shape (1, n_x) but w has shape (n_x, 1), and "
                   "a gradient always has the shape of its parameter. dZ @ X.T is the "
                   "layout of a weight matrix (one row per unit); for the column w use "
                   "X @ dZ.T."),
        "dw-flat": (_propagate_variant(dw_layout="flat"),
                    "dw has shape (n_x,), a rank-1 array, not (n_x, 1): X @ dZ[0] drops "
                    "an axis. w - learning_rate * dw would then broadcast (n_x, 1) with "
                    "(n_x,) into an (n_x, n_x) matrix. Keep both axes: X @ dZ.T."),
        "db-array": (_propagate_variant(db_layout="keepdims"),
                     "the value of db is right but it is an array of shape (1, 1); b is "
                     "one number, so db must be one too: np.sum(dZ) / m. (nnlib keeps b1 "
                     "as a (1, 1) array; this chapter follows the notes' number b.)"),
        "db-axis": (_propagate_variant(db_layout="axis0"),
                    "db should be one number, but yours has one entry per example: "
                    "np.sum(dZ, axis=0) sums each column of the (1, m) row on its own. "
                    "Sum all m entries: np.sum(dZ) / m."),
        "sign": (_propagate_variant(sign=-1.0),
                 "the gradients have the wrong sign: dZ = A − Y (prediction minus label), "
                 "not Y − A. With the wrong sign gradient descent climbs the cost."),
        "no-bias": (_propagate_variant(bias=False),
                    "the forward pass ignores b: A = σ(wᵀX + b). Without b the cost and the "
                    "gradients are those of another model."),
    },
)


# ---- optimize(w, b, X, Y, num_iterations, learning_rate) -> (w, b, costs) ----

def _optimize(w, b, X, Y, num_iterations, learning_rate):
    """Gradient descent on (w, b), with chapter 5's loop.

    (w, b) is packed into one column theta = [w; b] of n_x + 1 numbers, and
    propagate supplies the cost and the gradient [dw; db] at any theta.
    epsilon = 0: exactly num_iterations updates, one cost recorded before each.
    """
    def cost_and_gradient(theta):
        cost, dw, db = _propagate(theta[:-1], float(theta[-1, 0]), X, Y)
        return cost, np.vstack([dw, [[db]]])

    theta = np.vstack([w, [[b]]])
    theta, costs = _gradient_descent(cost_and_gradient, theta, learning_rate,
                                     0.0, num_iterations)
    return theta[:-1], float(theta[-1, 0]), costs


def _optimize_loop(w_first=False, sign=1.0, record_after=False, b_shape=None,
                   w_flat=False):
    """optimize written as its own loop, with one piece changed."""
    def wrong(w, b, X, Y, num_iterations, learning_rate):
        costs = []
        for _ in range(num_iterations):
            cost, dw, db = _propagate(w, b, X, Y)
            if w_first:                      # db taken again at the new w
                w = w - learning_rate * dw
                _, _, db = _propagate(w, b, X, Y)
            else:
                w = w - sign * learning_rate * dw
            b = b - sign * learning_rate * db
            costs.append(_propagate(w, b, X, Y)[0] if record_after else cost)
        if b_shape is not None:
            b = np.full(b_shape, b)
        if w_flat:
            w = w[:, 0]
        return w, b, costs
    return wrong


def _optimize_case(n_x, m, num_iterations, learning_rate, zero_start):
    w, b, X, Y = _propagate_case(n_x, m, 0.0 if zero_start else 0.4)
    if zero_start:
        w = np.zeros((n_x, 1))
    return w, b, X, Y, num_iterations, learning_rate


check_optimize = Exercise(
    "optimize",
    _optimize,
    cases=[_optimize_case(3, 8, 5, 0.5, True),
           _optimize_case(2, 6, 4, 1.0, False),
           _optimize_case(4, 5, 1, 0.3, False)],
    builds_on=("propagate", "gradient_descent"),
    mistakes={
        "w-before-db": (_optimize_loop(w_first=True),
                        "you updated w before computing db, so db was measured at the new "
                        "w. Gradient descent moves every parameter from the same point: "
                        "compute all the gradients first (one call to propagate), then "
                        "update w and b."),
        "climbs": (_optimize_loop(sign=-1.0),
                   "you added the gradient: w + learning_rate * dw climbs the cost. Step "
                   "against the gradient: w - learning_rate * dw, b - learning_rate * db."),
        "cost-after-update": (_optimize_loop(record_after=True),
                              "your costs are shifted by one step: you recorded the cost "
                              "after each update. Record the cost that propagate returns "
                              "with the gradient, before the update; costs[0] is the cost "
                              "of the starting point."),
        "b-array": (_optimize_loop(b_shape=(1,)),
                    "b has the wrong shape: it is an array of shape (1,), as theta[-1] "
                    "gives. b is one number: float(theta[-1, 0])."),
        "b-matrix": (_optimize_loop(b_shape=(1, 1)),
                     "b has the wrong shape: it is a (1, 1) array, as theta[-1:] gives. "
                     "b is one number: float(theta[-1, 0])."),
        "w-flat": (_optimize_loop(w_flat=True),
                   "w has shape (n_x,), not (n_x, 1): a flat theta (np.append flattens) "
                   "or theta[:-1, 0] loses the column axis. Keep theta a column, "
                   "np.vstack([w, [[b]]]), and take w = theta[:-1]."),
    },
)


# ---- model(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate) --

def _model(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate):
    """Logistic regression from start to finish, from the reader's pieces."""
    w, b = _initialize_with_zeros(X_train.shape[0])
    w, b, costs = _optimize(w, b, X_train, Y_train, num_iterations,
                            learning_rate)
    train_accuracy = np.mean(_predict(w, b, X_train) == Y_train)
    test_accuracy = np.mean(_predict(w, b, X_test) == Y_test)
    return {"w": w, "b": b, "costs": costs,
            "train_accuracy": float(train_accuracy),
            "test_accuracy": float(test_accuracy)}


def _model_variant(same_data=False, keep_start=False, strict=False):
    def wrong(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate):
        w0, b0 = _initialize_with_zeros(X_train.shape[0])
        w, b, costs = _optimize(w0, b0, X_train, Y_train, num_iterations,
                                learning_rate)
        if keep_start:                       # optimize's answer thrown away
            w, b = w0, b0
        if same_data:
            X_test, Y_test = X_train, Y_train
        decide = ((lambda w, b, X: (sigmoid(w.T @ X + b) > 0.5).astype(int))
                  if strict else _predict)
        return {"w": w, "b": b, "costs": costs,
                "train_accuracy": float(np.mean(decide(w, b, X_train) == Y_train)),
                "test_accuracy": float(np.mean(decide(w, b, X_test) == Y_test))}
    return wrong


def _model_case(n_x, m_train, m_test, num_iterations, learning_rate):
    centre = _rng.normal(size=(n_x, 1))

    def draw(m):
        Y = (_rng.uniform(size=(1, m)) < 0.5).astype(float)
        Y[0, :2] = [0.0, 1.0]
        X = _rng.normal(size=(n_x, m)) + np.where(Y == 1, centre, -centre)
        return X, Y

    (X_train, Y_train), (X_test, Y_test) = draw(m_train), draw(m_test)
    return X_train, Y_train, X_test, Y_test, num_iterations, learning_rate


check_model = Exercise(
    "model",
    _model,
    cases=[_model_case(3, 12, 7, 20, 0.5),
           _model_case(2, 9, 10, 10, 1.0),
           _model_case(4, 6, 5, 0, 0.5)],        # no training: every ŷ is exactly 0.5
    builds_on=("initialize_with_zeros", "propagate", "optimize", "predict"),
    mistakes={
        "same-data": (_model_variant(same_data=True),
                      "your test accuracy is measured on the training data. The test set "
                      "is there to tell how the model does on images it never saw: "
                      "predict on X_test and compare with Y_test."),
        "kept-start": (_model_variant(keep_start=True),
                       "your w and b are still the zeros you started from: optimize "
                       "returns the trained parameters, it does not change yours. Keep "
                       "them: w, b, costs = optimize(...)."),
        "strict": (_model_variant(strict=True),
                   "you predicted with > instead of >=: a ŷ of exactly 0.5 (every "
                   "example, before any training) must count as class 1. Use predict, "
                   "which compares ŷ >= 0.5."),
    },
)


# ---- a prediction: broadcasting (4,) with (4, 1) --------------------------------

check_row_plus_column_shape = Question(
    "the shape of an array of shape (4,) plus an array of shape (4, 1)",
    (4, 4),
    wrong={
        (4, 1): "broadcasting does not keep the column as it is: the (4,) array is "
                "padded on the left to (1, 4), a row, and a row plus a column stretches "
                "both into a table.",
        (4,): "the result has as many axes as the longer shape: (4, 1) has two, so "
              "the result has two.",
        (1, 4): "the column (4, 1) is stretched too: its size-1 axis is repeated 4 "
                "times, like the row's.",
        "error": "no error: after padding, (1, 4) and (4, 1) are compatible on both "
                 "axes, because on each axis one of the sizes is 1.",
    },
    why="(4,) is padded on the left to (1, 4), a row; a row (1, 4) and a column "
        "(4, 1) are both stretched into a 4 × 4 table, entry (i, j) = column[i] + "
        "row[j]. No error, and no warning.",
)
