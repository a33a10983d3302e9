"""Chapter 10 (Deep L-layer networks): one layer forward and backward, and the shape table."""
import numpy as np

from ._core import Exercise


# ---- Exercise 1: linear_forward(A_prev, W, b) -> Z --------------------------------

def _linear_forward(A_prev, W, b):
    """Z = W A_prev + b: (n[l], n[l-1]) @ (n[l-1], m) + (n[l], 1) -> (n[l], m)."""
    return W @ A_prev + b


def _forward_case(seed, n, n_prev, m):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((n_prev, m)), rng.standard_normal((n, n_prev)),
            rng.standard_normal((n, 1)))


check_linear_forward = Exercise(
    "linear_forward",
    _linear_forward,
    cases=[_forward_case(0, 4, 3, 5), _forward_case(1, 2, 5, 3), _forward_case(2, 1, 4, 6)],
    mistakes={
        "no-bias": (lambda A_prev, W, b: W @ A_prev,
                    "the bias is missing: Z = W A_prev + b. Broadcasting adds the column b to "
                    "every column (example) of W A_prev."),
        "examples-as-rows": (lambda A_prev, W, b: A_prev.T @ W.T + b.T,
                             "your Z has shape (m, n[l]): one ROW per example. The book keeps "
                             "examples as columns: Z = W @ A_prev + b has shape (n[l], m)."),
        "activation-applied": (lambda A_prev, W, b: np.maximum(W @ A_prev + b, 0),
                               "you applied an activation (ReLU). linear_forward is only the "
                               "linear step Z = W A_prev + b; the activation A = g(Z) is the next "
                               "building block."),
    },
)


# ---- Exercise 2: linear_backward(dZ, A_prev, W) -> (dA_prev, dW, db) ---------------

def _linear_backward(dZ, A_prev, W):
    """dW = (1/m) dZ A_prevᵀ, db = (1/m) Σ_columns dZ (keepdims), dA_prev = Wᵀ dZ."""
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = dZ.sum(axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


def _backward_case(seed, n, m):
    # Square W (n[l] = n[l-1]) so that the slip "W instead of W.T" runs and can be
    # recognised instead of crashing with a shape error.
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, m)), rng.standard_normal((n, m)), rng.standard_normal((n, n))


def _bw_no_m(dZ, A_prev, W):
    return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)


def _bw_W_not_T(dZ, A_prev, W):
    m = A_prev.shape[1]
    return W @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def _bw_db_axis0(dZ, A_prev, W):
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=0, keepdims=True) / m


def _bw_db_flat(dZ, A_prev, W):
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1) / m


def _bw_dA_over_m(dZ, A_prev, W):
    m = A_prev.shape[1]
    return W.T @ dZ / m, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def _bw_dW_transposed(dZ, A_prev, W):
    m = A_prev.shape[1]
    return W.T @ dZ, A_prev @ dZ.T / m, dZ.sum(axis=1, keepdims=True) / m


check_linear_backward = Exercise(
    "linear_backward",
    _linear_backward,
    cases=[_backward_case(0, 3, 5), _backward_case(1, 4, 2), _backward_case(2, 2, 7)],
    mistakes={
        "missing-1/m": (_bw_no_m,
                        "dW and db are m times too large: the cost is an AVERAGE over the m "
                        "examples, so dW = (1/m) dZ A_prev.T and db = (1/m) Σ dZ."),
        "W-not-transposed": (_bw_W_not_T,
                             "dA_prev uses W instead of W.T. Going backwards through Z = W A_prev "
                             "multiplies by the transpose: dA_prev = W.T @ dZ, shape (n[l-1], m). "
                             "(With a square W both run, so only the values give it away.)"),
        "db-wrong-axis": (_bw_db_axis0,
                          "db is summed over axis 0 (over the units), giving shape (1, m). "
                          "Sum over the examples, which are the columns: "
                          "dZ.sum(axis=1, keepdims=True) / m, shape (n[l], 1)."),
        "db-no-keepdims": (_bw_db_flat,
                           "db has the right values but shape (n[l],); b has shape (n[l], 1), "
                           "and so must db: use keepdims=True."),
        "dA-prev-over-m": (_bw_dA_over_m,
                           "dA_prev is divided by m. The 1/m belongs only to dW and db, the "
                           "gradients of the averaged cost; dA_prev = W.T @ dZ is passed on per "
                           "example, and the next layer applies its own 1/m."),
        "dW-transposed": (_bw_dW_transposed,
                          "dW is transposed: A_prev @ dZ.T is (n[l-1], n[l]). dW must have the "
                          "shape of W, (n[l], n[l-1]): dW = dZ @ A_prev.T / m."),
    },
)


# ---- Exercise 3: layer_shapes(layer_sizes, m) -> {"W1": (n1, n0), ...} --------------

def _layer_shapes(layer_sizes, m):
    shapes = {}
    for l in range(1, len(layer_sizes)):
        n, n_prev = layer_sizes[l], layer_sizes[l - 1]
        shapes[f"W{l}"] = (n, n_prev)
        shapes[f"b{l}"] = (n, 1)
        shapes[f"Z{l}"] = (n, m)
        shapes[f"A{l}"] = (n, m)
    return shapes


def _shapes_with(W=None, b=None, Z=None):
    def wrong(layer_sizes, m):
        shapes = _layer_shapes(layer_sizes, m)
        for l in range(1, len(layer_sizes)):
            n, n_prev = layer_sizes[l], layer_sizes[l - 1]
            if W:
                shapes[f"W{l}"] = W(n, n_prev)
            if b:
                shapes[f"b{l}"] = b(n)
            if Z:
                shapes[f"Z{l}"] = shapes[f"A{l}"] = Z(n, m)
        return shapes
    return wrong


check_layer_shapes = Exercise(
    "layer_shapes",
    _layer_shapes,
    cases=[([3, 5, 5, 3, 1], 10), ([4, 2, 3], 7), ([2, 6, 1], 5)],
    mistakes={
        "transposed-W": (_shapes_with(W=lambda n, n_prev: (n_prev, n)),
                         "W[l] is transposed: it has one row per unit of layer l and one column "
                         "per unit of layer l-1, shape (n[l], n[l-1]), so that W[l] @ A[l-1] "
                         "works."),
        "flat-b": (_shapes_with(b=lambda n: (n,)),
                   "b[l] has shape (n[l],); the book keeps it as a column, (n[l], 1), so it "
                   "broadcasts across the m columns of Z[l]."),
        "examples-as-rows": (_shapes_with(Z=lambda n, m: (m, n)),
                             "Z[l] and A[l] have shape (m, n[l]); examples are columns, so "
                             "they are (n[l], m)."),
        "W-square": (_shapes_with(W=lambda n, n_prev: (n, n)),
                     "W[l] has shape (n[l], n[l]); its columns match the PREVIOUS layer: "
                     "(n[l], n[l-1])."),
    },
)
