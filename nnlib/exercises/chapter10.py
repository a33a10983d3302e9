"""Chapter 10 (Deep L-layer networks): the reader builds an L-layer network.

The pieces, in the order the chapter asks for them::

    initialize_parameters_deep(layer_dims, seed=0)      -> parameters
    linear_forward(A_prev, W, b)                         -> (Z, cache)
    linear_activation_forward(A_prev, W, b, activation)  -> (A, cache)
    L_model_forward(X, parameters, activations)          -> (AL, caches)
    linear_backward(dZ, cache)                           -> (dA_prev, dW, db)
    linear_activation_backward(dA, cache, activation)    -> (dA_prev, dW, db)
    L_model_backward(AL, Y, caches, activations)         -> grads
    update_parameters(parameters, grads, learning_rate)  -> new parameters
    L_layer_model(X, Y, layer_dims, activations, learning_rate,
                  num_iterations, seed=0)                -> (parameters, costs)

Caches: ``linear_forward`` keeps ``(A_prev, W, b)``; ``linear_activation_forward``
keeps ``(linear_cache, Z)``; ``L_model_forward`` returns the list of those,
``caches[l - 1]`` for layer l. This is ``nnlib.layers``' layout, and
``_L_layer_model`` gives exactly ``NeuralNetwork(layer_dims, activations,
init="he", seed=seed).fit(X, Y, learning_rate, epochs=num_iterations)``.

The references (``_initialize_parameters_deep``, ``_linear_forward``,
``_linear_activation_forward``, ``_L_model_forward``, ``_linear_backward``,
``_linear_activation_backward``, ``_L_model_backward``, ``_update_parameters``,
``_L_layer_model``) are imported by later chapters' checkers: keep their names.
"""
import numpy as np

from ..activations import ACTIVATIONS, sigmoid_derivative, softmax
from ..costs import COSTS
from ..layers import activation_backward
from ._core import Exercise, Question


def _rng(seed):
    return np.random.default_rng(seed)


# ---- Prediction: the shape of W3 in the notes' network [3, 5, 5, 3, 1] --------

check_shape_of_W3 = Question(
    "the shape of W3 in the network [3, 5, 5, 3, 1]",
    (3, 5),
    wrong={(5, 3): "that is transposed. W3 computes z[3] = W3 a[2] + b3: z[3] has "
                   "n[3] = 3 entries and a[2] has n[2] = 5, so W3 needs 3 rows and 5 "
                   "columns.",
           (3, 3): "W3 has one row per unit of layer 3 (3 rows), but one column per "
                   "unit of the layer BEFORE it, layer 2, which has 5 units.",
           (5, 5): "(5, 5) is W2, the weights from layer 1 to layer 2. Layers are counted "
                   "from the input, layer 0; W3 maps layer 2 (5 units) to layer 3 (3).",
           (1, 3): "(1, 3) is W4, the output layer's weights. W3 maps layer 2 (5 units) "
                   "to layer 3 (3 units).",
           (3, 1): "(3, 1) is the shape of b3, one bias per unit of layer 3. W3 has "
                   "a column for each of the 5 units of layer 2."},
    why="W3 has one row per unit of layer 3 and one column per unit of layer 2: "
        "(n[3], n[2]) = (3, 5), so that W3 @ A2 works for A2 of shape (5, m).")


# ---- Prediction: how many parameters does [2, 5, 5, 1] have? -------------------

check_deep_parameter_count = Question(
    "the number of parameters of the network [2, 5, 5, 1]",
    51,
    wrong={40: "40 counts the weights only (10 + 25 + 5). Every unit also has a bias: "
               "5 + 5 + 1 more.",
           11: "11 counts the biases only, one per unit outside the input layer. The "
               "weights are many more: one per pair of connected units.",
           13: "13 is the number of units. A network learns a weight for every "
               "connection between two consecutive layers, plus a bias per unit.",
           50: "50 multiplies all the sizes together (2 x 5 x 5 x 1). Each layer has "
               "its own W[l], with n[l] x n[l-1] entries, and its own b[l]: add them up.",
           53: "53 gives the 2 input units biases too. The input layer only holds x; "
               "biases belong to layers 1 to L."},
    why="W1 (5, 2), b1 (5, 1), W2 (5, 5), b2 (5, 1), W3 (1, 5), b3 (1, 1): "
        "10 + 5 + 25 + 5 + 5 + 1 = 51 numbers to learn.")


# ---- Exercise: initialize_parameters_deep(layer_dims, seed=0) -------------------

def _initialize_parameters_deep(layer_dims, seed=0):
    """He initialisation, drawn exactly as ``nnlib.initialize_parameters(.., "he", seed)``:
    one generator, W[l] = randn(n[l], n[l-1]) * sqrt(2 / n[l-1]) for l = 1..L, b[l] = 0."""
    rng = _rng(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = rng.standard_normal((n, n_prev)) * np.sqrt(2 / n_prev)
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


def _init_with(std=None, W_shape=None, b_shape=None, reseed=False, legacy=False,
               first=1):
    """A wrong initialisation: the reference with one piece changed."""
    def wrong(layer_dims, seed=0):
        rng = _rng(seed)
        if legacy:
            rng = np.random.RandomState(seed)
        parameters = {}
        for l in range(1, len(layer_dims)):
            n, n_prev = layer_dims[l], layer_dims[l - 1]
            if reseed:
                rng = _rng(seed)
            scale = np.sqrt(2 / n_prev) if std is None else std(n, n_prev)
            shape = (n, n_prev) if W_shape is None else W_shape(n, n_prev)
            draw = rng.randn(*shape) if legacy else rng.standard_normal(shape)
            key = l - 1 + first
            parameters[f"W{key}"] = draw * scale
            parameters[f"b{key}"] = np.zeros((n, 1) if b_shape is None else b_shape(n))
        return parameters
    return wrong


check_initialize_parameters_deep = Exercise(
    "initialize_parameters_deep",
    _initialize_parameters_deep,
    cases=[([3, 5, 5, 3, 1], 0), ([2, 4, 1], 3), ([4, 3, 2], 1)],
    mistakes={
        "transposed-W": (_init_with(W_shape=lambda n, n_prev: (n_prev, n)),
                         "W[l] is transposed. It maps the n[l-1] activations of the layer "
                         "before to the n[l] units of layer l, so its shape is "
                         "(n[l], n[l-1]): W[l] @ A[l-1] must work."),
        "flat-b": (_init_with(b_shape=lambda n: (n,)),
                   "b[l] has shape (n[l],). Keep it a column, np.zeros((n[l], 1)), so that "
                   "it is added to every column (example) of W[l] @ A[l-1]."),
        "xavier-scale": (_init_with(std=lambda n, n_prev: np.sqrt(1 / n_prev)),
                         "your weights are a factor sqrt(2) too small: that is Xavier's "
                         "sqrt(1 / n[l-1]). He initialisation, for ReLU layers, uses "
                         "sqrt(2 / n[l-1])."),
        "fan-out": (_init_with(std=lambda n, n_prev: np.sqrt(2 / n)),
                    "the scale uses n[l], the units of the layer itself. It must use the "
                    "number of INPUTS of each unit, n[l-1]: sqrt(2 / n[l-1])."),
        "no-scale": (_init_with(std=lambda n, n_prev: 1.0),
                     "the weights are standard normal, not scaled. Multiply layer l's "
                     "draw by sqrt(2 / n[l-1]), so that the activations keep about the "
                     "same size from layer to layer."),
        "scale-0.01": (_init_with(std=lambda n, n_prev: 0.01),
                       "you scaled by 0.01, chapter 9's small random start. In a deep "
                       "network the signal shrinks at every such layer; He "
                       "initialisation scales by sqrt(2 / n[l-1]) instead."),
        "reseeded": (_init_with(reseed=True),
                     "every layer starts from the same random numbers: you made a new "
                     "generator with the same seed for each layer. Make ONE "
                     "rng = np.random.default_rng(seed) before the loop."),
        "legacy-randn": (_init_with(legacy=True),
                         "these are the numbers of np.random.seed / np.random.randn (the old "
                         "global generator). Use rng = np.random.default_rng(seed) and "
                         "rng.standard_normal((n[l], n[l-1])), as nnlib does."),
        "keys-from-0": (_init_with(first=0),
                        "the layers are numbered from 0 (W0, b0, ...). Layer 0 is the input "
                        "and has no parameters: the keys are W1, b1, ..., WL, bL."),
    },
)


# ---- Exercise: linear_forward(A_prev, W, b) -> (Z, cache) -----------------------

def _linear_forward(A_prev, W, b):
    """Z = W A_prev + b, and the cache (A_prev, W, b) the backward step needs."""
    Z = W @ A_prev + b
    return Z, (A_prev, W, b)


def _forward_case(seed, n, n_prev, m):
    rng = _rng(seed)
    return (rng.standard_normal((n_prev, m)), rng.standard_normal((n, n_prev)),
            rng.standard_normal((n, 1)))


check_linear_forward = Exercise(
    "linear_forward",
    _linear_forward,
    cases=[_forward_case(0, 4, 3, 5), _forward_case(1, 2, 5, 3), _forward_case(2, 1, 4, 6)],
    mistakes={
        "no-bias": (lambda A_prev, W, b: (W @ A_prev, (A_prev, W, b)),
                    "the bias is missing: Z = W A_prev + b. Broadcasting adds the column b "
                    "to every column (example) of W A_prev."),
        "examples-as-rows": (lambda A_prev, W, b: (A_prev.T @ W.T + b.T, (A_prev, W, b)),
                             "your Z has shape (m, n[l]): one ROW per example. The book "
                             "keeps examples as columns: Z = W @ A_prev + b has shape "
                             "(n[l], m)."),
        "activation-applied": (lambda A_prev, W, b: (np.maximum(W @ A_prev + b, 0),
                                                     (A_prev, W, b)),
                               "you applied an activation (ReLU). linear_forward is only "
                               "the linear step Z = W A_prev + b; A = g(Z) comes in "
                               "linear_activation_forward."),
        "cache-order": (lambda A_prev, W, b: (W @ A_prev + b, (W, A_prev, b)),
                        "Z is right, but the cache must be the tuple (A_prev, W, b), in that "
                        "order: linear_backward unpacks it as A_prev, W, b = cache."),
        "cache-Z": (lambda A_prev, W, b: (W @ A_prev + b, (W @ A_prev + b, W, b)),
                    "the cache holds Z where A_prev belongs. The backward step needs the "
                    "layer's INPUT A_prev (for dW = dZ A_prevᵀ / m): cache = (A_prev, W, b)."),
    },
)


# ---- Exercise: linear_activation_forward(A_prev, W, b, activation) -------------

def _linear_activation_forward(A_prev, W, b, activation):
    """A = g(W A_prev + b); cache = (linear_cache, Z)."""
    Z, linear_cache = _linear_forward(A_prev, W, b)
    g, _ = ACTIVATIONS[activation]
    return g(Z), (linear_cache, Z)


def _laf_cache_A(A_prev, W, b, activation):
    A, (linear_cache, Z) = _linear_activation_forward(A_prev, W, b, activation)
    return A, (linear_cache, A)


def _laf_linear_cache_only(A_prev, W, b, activation):
    A, (linear_cache, Z) = _linear_activation_forward(A_prev, W, b, activation)
    return A, linear_cache


def _laf_flat_cache(A_prev, W, b, activation):
    A, (linear_cache, Z) = _linear_activation_forward(A_prev, W, b, activation)
    return A, (A_prev, W, b, Z)


def _laf_always_relu(A_prev, W, b, activation):
    return _linear_activation_forward(A_prev, W, b, "relu")


def _laf_no_activation(A_prev, W, b, activation):
    Z, linear_cache = _linear_forward(A_prev, W, b)
    return Z, (linear_cache, Z)


check_linear_activation_forward = Exercise(
    "linear_activation_forward",
    _linear_activation_forward,
    cases=[_forward_case(3, 4, 3, 5) + ("relu",), _forward_case(4, 1, 4, 6) + ("sigmoid",),
           _forward_case(5, 3, 2, 4) + ("softmax",), _forward_case(6, 2, 3, 3) + ("tanh",),
           _forward_case(7, 2, 2, 3) + ("linear",)],
    mistakes={
        "cache-holds-A": (_laf_cache_A,
                          "the cache keeps A where Z belongs. The backward step needs "
                          "g'(Z), the slope at the layer's INPUT Z: cache = (linear_cache, Z)."),
        "linear-cache-only": (_laf_linear_cache_only,
                              "the cache is only linear_forward's (A_prev, W, b). Keep Z as "
                              "well, cache = (linear_cache, Z): the backward step needs it "
                              "for g'(Z)."),
        "flat-cache": (_laf_flat_cache,
                       "the cache is flattened into (A_prev, W, b, Z). Keep the two parts "
                       "apart, cache = (linear_cache, Z), so the backward step can hand "
                       "linear_cache to linear_backward as it is."),
        "always-relu": (_laf_always_relu,
                        "you applied ReLU whatever the activation argument says. Look the "
                        "function up by its name: g, g_prime = nnlib.ACTIVATIONS[activation]."),
        "no-activation": (_laf_no_activation,
                          "A equals Z: the activation is never applied. A = g(Z), with g the "
                          "function named by activation."),
    },
)


# ---- Exercise: L_model_forward(X, parameters, activations) -> (AL, caches) -----

def _L_model_forward(X, parameters, activations):
    """A[0] = X; for l = 1..L: A[l], cache = linear_activation_forward(...); caches in order."""
    A, caches = X, []
    for l in range(1, len(activations) + 1):
        A, cache = _linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                              activations[l - 1])
        caches.append(cache)
    return A, caches


def _fwd_with(layer_activation=None, layers=None, reverse=False):
    def wrong(X, parameters, activations):
        L = len(activations)
        A, caches = X, []
        for l in range(1, (L if layers is None else layers(L)) + 1):
            g = activations[l - 1] if layer_activation is None else layer_activation(
                activations, l)
            A, cache = _linear_activation_forward(A, parameters[f"W{l}"],
                                                  parameters[f"b{l}"], g)
            caches.append(cache)
        return A, caches[::-1] if reverse else caches
    return wrong


def _deep_case(seed, dims, activations, m):
    rng = _rng(seed + 100)
    return (rng.standard_normal((dims[0], m)), _initialize_parameters_deep(dims, seed),
            list(activations))


check_L_model_forward = Exercise(
    "L_model_forward",
    _L_model_forward,
    cases=[_deep_case(0, [3, 4, 2, 1], ["relu", "tanh", "sigmoid"], 5),
           _deep_case(1, [2, 3, 3], ["relu", "softmax"], 4),
           _deep_case(2, [4, 5, 5, 3, 1], ["relu", "relu", "relu", "sigmoid"], 6)],
    mistakes={
        "reversed-caches": (_fwd_with(reverse=True),
                            "AL is right, but the caches are in reverse order. caches[l - 1] "
                            "must belong to layer l: append each layer's cache as the loop "
                            "goes forward (not caches.insert(0, ...)), so the backward pass "
                            "finds layer L's at caches[-1]."),
        "missing-last-layer": (_fwd_with(layers=lambda L: L - 1),
                               "the loop stops one layer early (off by one): AL is A[L-1]. "
                               "With layers numbered 1..L, loop over range(1, L + 1)."),
        "output-activation-everywhere": (_fwd_with(layer_activation=lambda acts, l: acts[-1]),
                                         "every layer uses the output's activation. Layer l "
                                         "uses activations[l - 1]: the hidden layers have "
                                         "their own."),
        "hidden-activation-everywhere": (_fwd_with(layer_activation=lambda acts, l: acts[0]),
                                         "the output layer uses the hidden layers' "
                                         "activation (the first one for every layer). Layer "
                                         "l uses activations[l - 1], so the last layer gets "
                                         "activations[-1] (sigmoid, softmax...)."),
        "activations-reversed": (_fwd_with(layer_activation=lambda acts, l: acts[-l]),
                                 "the activations are applied to the wrong layers, in "
                                 "reverse order (layer 1 got the output's). Layer l uses "
                                 "activations[l - 1]."),
    },
)


# ---- Exercise: linear_backward(dZ, cache) -> (dA_prev, dW, db) -----------------

def _linear_backward(dZ, cache):
    """dW = (1/m) dZ A_prevᵀ, db = (1/m) Σ_columns dZ (keepdims), dA_prev = Wᵀ dZ."""
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = dZ.sum(axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


def _backward_case(seed, n, m):
    # Square W (n[l] = n[l-1]) so that the slip "W instead of W.T" runs and can be
    # recognised instead of crashing with a shape error.
    rng = _rng(seed)
    dZ, A_prev = rng.standard_normal((n, m)), rng.standard_normal((n, m))
    return dZ, (A_prev, rng.standard_normal((n, n)), rng.standard_normal((n, 1)))


def _lb_with(dA=None, dW=None, db=None):
    def wrong(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        ref = _linear_backward(dZ, cache)
        return (ref[0] if dA is None else dA(dZ, A_prev, W, m),
                ref[1] if dW is None else dW(dZ, A_prev, W, m),
                ref[2] if db is None else db(dZ, A_prev, W, m))
    return wrong


check_linear_backward = Exercise(
    "linear_backward",
    _linear_backward,
    cases=[_backward_case(0, 3, 5), _backward_case(1, 4, 2), _backward_case(2, 2, 7)],
    mistakes={
        "missing-1/m": (_lb_with(dW=lambda dZ, A, W, m: dZ @ A.T,
                                 db=lambda dZ, A, W, m: dZ.sum(axis=1, keepdims=True)),
                        "dW and db are m times too large: the cost is an AVERAGE over the m "
                        "examples, so dW = (1/m) dZ A_prev.T and db = (1/m) Σ dZ."),
        "dW-missing-1/m": (_lb_with(dW=lambda dZ, A, W, m: dZ @ A.T),
                           "db is right but dW is m times too large: the cost averages over "
                           "the m examples, so dW = (1/m) dZ A_prev.T too."),
        "W-not-transposed": (_lb_with(dA=lambda dZ, A, W, m: W @ dZ),
                             "dA_prev uses W instead of W.T. Going backwards through "
                             "Z = W A_prev multiplies by the transpose: dA_prev = W.T @ dZ, "
                             "shape (n[l-1], m). (With a square W both run, so only the "
                             "values give it away.)"),
        "db-wrong-axis": (_lb_with(db=lambda dZ, A, W, m: dZ.sum(axis=0, keepdims=True) / m),
                          "db is summed over axis 0 (over the units), giving shape (1, m). "
                          "Sum over the examples, which are the columns: "
                          "dZ.sum(axis=1, keepdims=True) / m, shape (n[l], 1)."),
        "db-no-keepdims": (_lb_with(db=lambda dZ, A, W, m: dZ.sum(axis=1) / m),
                           "db has the right values but shape (n[l],); b has shape "
                           "(n[l], 1), and so must db: use keepdims=True."),
        "dA-prev-over-m": (_lb_with(dA=lambda dZ, A, W, m: W.T @ dZ / m),
                           "dA_prev is divided by m. The 1/m belongs only to dW and db, the "
                           "gradients of the averaged cost; dA_prev = W.T @ dZ is passed on "
                           "per example, and the layer below applies its own 1/m."),
        "dW-transposed": (_lb_with(dW=lambda dZ, A, W, m: A @ dZ.T / m),
                          "dW is transposed: A_prev @ dZ.T is (n[l-1], n[l]). dW must have "
                          "the shape of W, (n[l], n[l-1]): dW = dZ @ A_prev.T / m."),
    },
)


# ---- Exercise: linear_activation_backward(dA, cache, activation) ---------------

def _linear_activation_backward(dA, cache, activation):
    """dZ = dA * g'(Z) (for softmax the product with its Jacobian), then linear_backward."""
    linear_cache, Z = cache
    dZ = activation_backward(dA, Z, activation)
    return _linear_backward(dZ, linear_cache)


def _lab_case(seed, n, m, activation):
    rng = _rng(seed)
    dA, (A_prev, W, b) = _backward_case(seed + 10, n, m)
    Z = rng.standard_normal((n, m))
    return dA, ((A_prev, W, b), Z), activation


def _lab_with(dZ_of):
    def wrong(dA, cache, activation):
        linear_cache, Z = cache
        return _linear_backward(dZ_of(dA, Z, activation), linear_cache)
    return wrong


def _dZ_at_A(dA, Z, activation):
    if activation == "softmax":
        return activation_backward(dA, Z, activation)
    g, g_prime = ACTIVATIONS[activation]
    return dA * g_prime(g(Z))


def _dZ_softmax_elementwise(dA, Z, activation):
    if activation == "softmax":
        s = softmax(Z)
        return dA * s * (1 - s)
    return activation_backward(dA, Z, activation)


check_linear_activation_backward = Exercise(
    "linear_activation_backward",
    _linear_activation_backward,
    cases=[_lab_case(0, 3, 4, "relu"), _lab_case(1, 2, 5, "sigmoid"),
           _lab_case(2, 3, 3, "tanh"), _lab_case(3, 4, 3, "softmax"),
           _lab_case(4, 2, 4, "leaky_relu"), _lab_case(5, 2, 3, "linear")],
    mistakes={
        "no-derivative": (_lab_with(lambda dA, Z, act: dA),
                          "you passed dA straight to linear_backward. First go back through "
                          "the activation: dZ = dA * g'(Z), elementwise."),
        "derivative-at-A": (_lab_with(_dZ_at_A),
                            "the derivative is taken at A = g(Z) instead of at Z. The cache "
                            "keeps Z for this: dZ = dA * g'(Z)."),
        "g-not-g-prime": (_lab_with(lambda dA, Z, act: dA * ACTIVATIONS[act][0](Z)
                                    if act != "softmax" else activation_backward(dA, Z, act)),
                          "you multiplied by g(Z), the activation itself. The chain rule "
                          "needs its slope: dZ = dA * g'(Z)."),
        "always-relu": (_lab_with(lambda dA, Z, act: activation_backward(dA, Z, "relu")),
                        "you used ReLU's derivative whatever the activation argument says. "
                        "Look up the pair by name: g, g_prime = nnlib.ACTIVATIONS[activation]."),
        "softmax-elementwise": (_lab_with(_dZ_softmax_elementwise),
                                "softmax is treated as elementwise, dZ = dA * s (1 - s). Each "
                                "softmax output depends on the whole column, so "
                                "dZ = s * (dA - Σ_rows s * dA), the sum taken per column "
                                "(axis=0, keepdims=True)."),
    },
)


# ---- Exercise: L_model_backward(AL, Y, caches, activations) -> grads -----------

def _L_model_backward(AL, Y, caches, activations):
    """dZ[L] = AL - Y, then layer by layer down to 1; grads dW1, db1, ..., dWL, dbL."""
    L = len(caches)
    grads = {}
    dA_prev, grads[f"dW{L}"], grads[f"db{L}"] = _linear_backward(AL - Y, caches[L - 1][0])
    for l in range(L - 1, 0, -1):
        dA_prev, grads[f"dW{l}"], grads[f"db{l}"] = _linear_activation_backward(
            dA_prev, caches[l - 1], activations[l - 1])
    return grads


def _bwd_with(dZ_L=None, cache_of=None, activation_of=None, last=1):
    def wrong(AL, Y, caches, activations):
        L = len(caches)
        cache = (lambda l: caches[l - 1]) if cache_of is None else (
            lambda l: cache_of(caches, l))
        g = (lambda l: activations[l - 1]) if activation_of is None else (
            lambda l: activation_of(activations, l))
        dZ = AL - Y if dZ_L is None else dZ_L(AL, Y, caches[L - 1][1], activations[-1])
        grads = {}
        dA_prev, grads[f"dW{L}"], grads[f"db{L}"] = _linear_backward(dZ, cache(L)[0])
        for l in range(L - 1, last - 1, -1):
            dA_prev, grads[f"dW{l}"], grads[f"db{l}"] = _linear_activation_backward(
                dA_prev, cache(l), g(l))
        return grads
    return wrong


def _backward_model_case(seed, dims, activations, m, output):
    X, parameters, acts = _deep_case(seed, dims, activations, m)
    AL, caches = _L_model_forward(X, parameters, acts)
    rng = _rng(seed + 200)
    if output == "binary":
        Y = (rng.random(AL.shape) < 0.5).astype(float)
    elif output == "classes":
        Y = np.eye(dims[-1])[:, rng.integers(0, dims[-1], m)]
    else:
        Y = rng.standard_normal(AL.shape)
    return AL, Y, caches, acts


check_L_model_backward = Exercise(
    "L_model_backward",
    _L_model_backward,
    # Layers of equal width, so that reading the caches from the wrong end runs
    # (and is recognised) instead of stopping at a shape error.
    cases=[_backward_model_case(0, [2, 2, 2], ["tanh", "sigmoid"], 5, "binary"),
           _backward_model_case(1, [3, 3, 3, 3], ["relu", "leaky_relu", "softmax"], 4,
                                "classes"),
           _backward_model_case(2, [4, 4, 4, 4], ["sigmoid", "tanh", "linear"], 3, "real")],
    mistakes={
        "reversed-caches": (_bwd_with(cache_of=lambda caches, l: caches[len(caches) - l]),
                            "the caches are read from the wrong end: layer l's cache is "
                            "caches[l - 1] (the forward pass appended them for l = 1..L), so "
                            "layer L's is caches[L - 1], the last one."),
        "flipped-sign": (_bwd_with(dZ_L=lambda AL, Y, Z, g: Y - AL),
                         "every gradient has the wrong sign: dZ[L] = AL - Y, not Y - AL. "
                         "(Gradient descent would then climb the cost.)"),
        "output-derivative-twice": (_bwd_with(dZ_L=lambda AL, Y, Z, g: activation_backward(
                                        AL - Y, Z, g)),
                                    "you multiplied AL - Y by the output activation's "
                                    "derivative. AL - Y already IS dZ[L] (the derivative of "
                                    "the cost through the output activation): hand it to "
                                    "linear_backward directly."),
        "activation-off-by-one": (_bwd_with(activation_of=lambda acts, l: acts[l]),
                                  "layer l goes back through activations[l], the activation "
                                  "of the layer ABOVE it (off by one). Layer l's activation "
                                  "is activations[l - 1]."),
        "missing-layer-1": (_bwd_with(last=2),
                            "the loop stops before layer 1 (off by one): there is no dW1 or "
                            "db1. Go down to layer 1: range(L - 1, 0, -1)."),
    },
)


# ---- Exercise: update_parameters(parameters, grads, learning_rate) -------------

def _update_parameters(parameters, grads, learning_rate):
    """A new dict: W[l] - α dW[l], b[l] - α db[l]; the inputs are left as they were."""
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        updated[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return updated


def _update_in_place(parameters, grads, learning_rate):
    for key, value in parameters.items():
        value -= learning_rate * grads["d" + key]
    return parameters


def _update_plus(parameters, grads, learning_rate):
    return {k: v + learning_rate * grads["d" + k] for k, v in parameters.items()}


def _update_W_only(parameters, grads, learning_rate):
    return {k: v - learning_rate * grads["d" + k] if k[0] == "W" else v.copy()
            for k, v in parameters.items()}


def _update_case(seed, dims, learning_rate, tied=False):
    parameters = _initialize_parameters_deep(dims, seed)
    rng = _rng(seed + 300)
    grads = {"d" + k: rng.standard_normal(v.shape) for k, v in parameters.items()}
    if tied:     # two layers share one weight matrix (weight tying): the same array object
        parameters["W2"] = parameters["W1"]
    return parameters, grads, learning_rate


check_update_parameters = Exercise(
    "update_parameters",
    _update_parameters,
    cases=[_update_case(0, [3, 4, 1], 0.1), _update_case(1, [2, 3, 2, 1], 0.5),
           _update_case(2, [3, 3, 3], 0.2, tied=True)],
    mistakes={
        "flipped-sign": (_update_plus,
                         "you added the gradient. The gradient points uphill; gradient "
                         "descent steps the other way: W = W - α dW."),
        "b-not-updated": (_update_W_only,
                          "the biases are not updated. Every parameter takes a step: "
                          "b[l] = b[l] - α db[l] too."),
        "in-place": (_update_in_place,
                     "your update changes the arrays it was given (W -= α dW works in "
                     "place). The checker's last test has two layers sharing one weight "
                     "array, which your update then moved twice. Return a NEW dict, "
                     "W_new = W - α dW, and leave the inputs as they were."),
    },
)


# ---- Assignment: L_layer_model(X, Y, layer_dims, activations, ...) -------------

def _L_layer_model(X, Y, layer_dims, activations, learning_rate, num_iterations, seed=0):
    """Full-batch gradient descent: init, then per iteration forward, cost, backward, update.

    Equal to NeuralNetwork(layer_dims, activations, init="he", seed=seed).fit(
    X, Y, learning_rate, epochs=num_iterations): the same parameters and cost history.
    """
    parameters = _initialize_parameters_deep(layer_dims, seed)
    cost_of = COSTS[activations[-1]]
    costs = []
    for _ in range(num_iterations):
        AL, caches = _L_model_forward(X, parameters, activations)
        costs.append(cost_of(AL, Y))
        grads = _L_model_backward(AL, Y, caches, activations)
        parameters = _update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def _model_update_during_backward(X, Y, layer_dims, activations, learning_rate,
                                  num_iterations, seed=0):
    parameters = _initialize_parameters_deep(layer_dims, seed)
    cost_of = COSTS[activations[-1]]
    costs, L = [], len(activations)
    for _ in range(num_iterations):
        AL, caches = _L_model_forward(X, parameters, activations)
        costs.append(cost_of(AL, Y))
        dZ = AL - Y
        for l in range(L, 0, -1):
            (A_prev, W, b), Z = caches[l - 1]
            if l < L:
                dZ = activation_backward(dA, Z, activations[l - 1])
            m = A_prev.shape[1]
            W -= learning_rate * (dZ @ A_prev.T / m)            # updated at once...
            b -= learning_rate * dZ.sum(axis=1, keepdims=True) / m
            dA = W.T @ dZ                                       # ...then used again
    return parameters, costs


def _model_cost_after_update(X, Y, layer_dims, activations, learning_rate,
                             num_iterations, seed=0):
    parameters = _initialize_parameters_deep(layer_dims, seed)
    cost_of = COSTS[activations[-1]]
    costs = []
    for _ in range(num_iterations):
        AL, caches = _L_model_forward(X, parameters, activations)
        grads = _L_model_backward(AL, Y, caches, activations)
        parameters = _update_parameters(parameters, grads, learning_rate)
        costs.append(cost_of(_L_model_forward(X, parameters, activations)[0], Y))
    return parameters, costs


def _model_update_discarded(X, Y, layer_dims, activations, learning_rate,
                            num_iterations, seed=0):
    parameters = _initialize_parameters_deep(layer_dims, seed)
    cost_of = COSTS[activations[-1]]
    costs = []
    for _ in range(num_iterations):
        AL, caches = _L_model_forward(X, parameters, activations)
        costs.append(cost_of(AL, Y))
        grads = _L_model_backward(AL, Y, caches, activations)
        _update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def _model_fixed_seed(X, Y, layer_dims, activations, learning_rate, num_iterations,
                      seed=0):
    return _L_layer_model(X, Y, layer_dims, activations, learning_rate, num_iterations)


def _model_case(seed, dims, activations, m, output, learning_rate, iterations):
    rng = _rng(seed + 400)
    X = rng.standard_normal((dims[0], m))
    if output == "binary":
        Y = (X[:1] * X[-1:] > 0).astype(float)
    elif output == "classes":
        Y = np.eye(dims[-1])[:, rng.integers(0, dims[-1], m)]
    else:
        Y = np.sin(X[:1])
    return X, Y, list(dims), list(activations), learning_rate, iterations, seed


check_L_layer_model = Exercise(
    "L_layer_model",
    _L_layer_model,
    cases=[_model_case(1, [2, 4, 3, 1], ["relu", "relu", "sigmoid"], 8, "binary", 0.3, 6),
           _model_case(2, [3, 4, 3], ["tanh", "softmax"], 6, "classes", 0.5, 5),
           _model_case(3, [2, 3, 1], ["relu", "linear"], 5, "real", 0.1, 4)],
    mistakes={
        "update-during-backward": (_model_update_during_backward,
                                   "each layer's W is updated as soon as its gradient is "
                                   "known, and the updated W is then used for dA_prev = "
                                   "Wᵀ dZ. Compute EVERY gradient first (L_model_backward), "
                                   "then update all parameters at once."),
        "cost-after-update": (_model_cost_after_update,
                              "your costs are those after each update, one iteration "
                              "late. Record the cost of the forward pass that the gradients "
                              "come from, before updating: costs[0] is the cost at the "
                              "starting weights."),
        "update-discarded": (_model_update_discarded,
                             "the parameters never change: update_parameters returns a NEW "
                             "dict, and you did not keep it. Write "
                             "parameters = update_parameters(parameters, grads, learning_rate)."),
        "seed-ignored": (_model_fixed_seed,
                         "the seed argument is not used: initialise with "
                         "initialize_parameters_deep(layer_dims, seed)."),
    },
    builds_on=("initialize_parameters_deep", "L_model_forward", "L_model_backward",
               "update_parameters"),
)
