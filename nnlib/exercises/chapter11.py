"""Chapter 11 (Multi-class classification on digits): the reader trains the digit network.

A stable softmax, one-hot labels, the categorical cross-entropy, a validation
split, shuffled mini-batches, and the assignment ``mini_batch_model``: a
mini-batch training loop with momentum, assembled from the reader's chapter 10
functions (``initialize_parameters_deep``, ``L_model_forward``,
``L_model_backward``, ``update_parameters``) and this chapter's
``random_mini_batches`` and ``categorical_cross_entropy``. With the same seeds
and settings in float64 it gives exactly the numbers of
``NeuralNetwork(layer_dims, activations, init="he", seed=seed).fit(X, Y,
learning_rate, epochs=num_epochs, batch_size=batch_size, momentum=beta,
shuffle_seed=shuffle_seed)``. Then ``choose_hyperparameters`` picks a setting
from a sweep, by validation accuracy.
"""
import numpy as np

from ..activations import softmax
from ..costs import categorical_cross_entropy
from ..data import one_hot
from ._core import Exercise, Question
from .chapter10 import (_initialize_parameters_deep, _L_model_backward,
                        _L_model_forward, _update_parameters)


# ---- Exercise: softmax(Z) -------------------------------------------------------------
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


# ---- Exercise: one_hot(y, num_classes) ------------------------------------------------
# labels y of shape (m,), digits 0..C-1 -> Y of shape (C, m), one column per example.

def _one_hot(y, num_classes):
    return one_hot(y, num_classes)


check_one_hot = Exercise(
    "one_hot",
    _one_hot,
    cases=[(np.array([5, 0, 4, 1, 9]), 10),
           (np.array([2, 0, 1, 1, 2, 0]), 4),       # class 3 never occurs
           (np.array([3, 3, 0]), 6)],
    mistakes={
        "transposed": (lambda y, C: one_hot(y, C).T,
                       "your Y has one ROW per example, shape (m, C). In this book examples "
                       "are columns: Y has shape (C, m), like the output A[L] it is "
                       "compared with in dZ[L] = A[L] − Y."),
        "classes-from-labels": (lambda y, C: one_hot(y, int(y.max()) + 1),
                                "you took the number of rows from the labels present "
                                "(max(y) + 1). A mini-batch or a small set may lack the "
                                "highest class, and Y would get too few rows: use "
                                "num_classes."),
        "one-based": (lambda y, C: np.roll(one_hot(y, C), -1, axis=0),
                      "your 1 sits one row too high: row y − 1, as if the classes were "
                      "numbered 1 to C like the notes' p1 … p10. Row c is the digit c, so "
                      "the 1 of label y goes into row y."),
    },
)


# ---- Exercise: categorical_cross_entropy(Y_hat, Y) ------------------------------------
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


# ---- Exercise: validation_split(X, y, n_val, rng) -------------------------------------
# perm = rng.permutation(m); the first n_val indices of perm are the validation set,
# the others (in the order of perm) the training set. X: (n, m), y: (m,).

def _validation_split(X, y, n_val, rng):
    perm = rng.permutation(X.shape[1])
    val, train = perm[:n_val], perm[n_val:]
    return X[:, train], y[train], X[:, val], y[val]


def _split_labels_unshuffled(X, y, n_val, rng):
    perm = rng.permutation(X.shape[1])
    return X[:, perm[n_val:]], y[n_val:], X[:, perm[:n_val]], y[:n_val]


def _split_overlap(X, y, n_val, rng):
    perm = rng.permutation(X.shape[1])
    return X[:, perm], y[perm], X[:, perm[:n_val]], y[perm[:n_val]]


def _split_in_order(X, y, n_val, rng):
    return X[:, n_val:], y[n_val:], X[:, :n_val], y[:n_val]


def _split_case(n, m, n_val, seed):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, m)), rng.integers(0, 10, size=m), n_val, rng


check_validation_split = Exercise(
    "validation_split",
    _validation_split,
    cases=[_split_case(3, 10, 3, 0), _split_case(2, 7, 2, 1), _split_case(4, 12, 5, 2)],
    mistakes={
        "labels-not-shuffled": (_split_labels_unshuffled,
                                "your images were shuffled but the labels were not: y[:n_val] "
                                "no longer belongs to the images X[:, perm[:n_val]]. Index X "
                                "and y with the SAME indices."),
        "overlap": (_split_overlap,
                    "your training set still holds all m examples, the validation ones "
                    "included. A validation image the network trained on measures memory, "
                    "not generalisation: train on perm[n_val:] only."),
        "no-shuffle": (_split_in_order,
                       "you took the first n_val examples in their stored order. If the data "
                       "are sorted (by label, by writer, by date) that set is unlike the rest; "
                       "split along a random permutation, rng.permutation(m)."),
    },
)


# ---- Exercise: random_mini_batches(X, Y, batch_size, rng) -----------------------------
# One epoch's mini-batches: perm = rng.permutation(m), then columns perm[k:k+batch_size]
# for k = 0, batch_size, 2·batch_size, ...; the last batch is smaller when batch_size
# does not divide m. Returns a list of (X_batch, Y_batch) pairs.

def _random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    batches = []
    for k in range(0, m, batch_size):
        idx = perm[k:k + batch_size]
        batches.append((X[:, idx], Y[:, idx]))
    return batches


def _mb_labels_unshuffled(X, Y, batch_size, rng):
    perm = rng.permutation(X.shape[1])
    return [(X[:, perm[k:k + batch_size]], Y[:, k:k + batch_size])
            for k in range(0, X.shape[1], batch_size)]


def _mb_two_permutations(X, Y, batch_size, rng):
    Xs, Ys = X[:, rng.permutation(X.shape[1])], Y[:, rng.permutation(X.shape[1])]
    return [(Xs[:, k:k + batch_size], Ys[:, k:k + batch_size])
            for k in range(0, X.shape[1], batch_size)]


def _mb_drop_last(X, Y, batch_size, rng):
    return _random_mini_batches(X, Y, batch_size, rng)[:X.shape[1] // batch_size]


def _mb_no_shuffle(X, Y, batch_size, rng):
    return [(X[:, k:k + batch_size], Y[:, k:k + batch_size])
            for k in range(0, X.shape[1], batch_size)]


def _mb_own_generator(X, Y, batch_size, rng):
    return _random_mini_batches(X, Y, batch_size, np.random.default_rng(0))


def _mb_rows_shuffled(X, Y, batch_size, rng):
    Xs, Ys = rng.permutation(X), rng.permutation(Y)       # permutes axis 0: the rows
    return [(Xs[:, k:k + batch_size], Ys[:, k:k + batch_size])
            for k in range(0, X.shape[1], batch_size)]


def _mb_case(n, C, m, batch_size, seed):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, m))
    return X, one_hot(rng.integers(0, C, size=m), C), batch_size, rng


check_random_mini_batches = Exercise(
    "random_mini_batches",
    _random_mini_batches,
    cases=[_mb_case(3, 4, 10, 4, 1), _mb_case(2, 3, 7, 3, 2), _mb_case(3, 4, 10, 5, 3)],
    mistakes={
        "labels-not-shuffled": (_mb_labels_unshuffled,
                                "the images are shuffled but the labels are not: each batch "
                                "pairs images with the labels of other images. Take X and Y "
                                "with the same indices, X[:, idx] and Y[:, idx]."),
        "two-permutations": (_mb_two_permutations,
                             "you drew one permutation for X and another for Y, so the labels "
                             "no longer belong to their images. Draw ONE permutation and "
                             "index both X and Y with it."),
        "last-batch-dropped": (_mb_drop_last,
                               "the last, smaller batch is missing: when batch_size does not "
                               "divide m, the m mod batch_size examples left over still form "
                               "a batch (otherwise they are never trained on in that epoch). "
                               "Loop over range(0, m, batch_size)."),
        "no-shuffle": (_mb_no_shuffle,
                       "your batches keep the stored order: every epoch would then see the "
                       "same batches in the same order. Shuffle the columns with "
                       "rng.permutation(m) first."),
        "own-generator": (_mb_own_generator,
                          "you made a new generator inside the function, so every call, that "
                          "is every epoch, gives the same order: no reshuffle between epochs. "
                          "Draw from the rng you are given; it moves on with each call."),
        "rows-shuffled": (_mb_rows_shuffled,
                          "you shuffled the ROWS: rng.permutation(X) permutes axis 0, which "
                          "here is the features (pixels), and for Y the classes. Examples are "
                          "columns: permute the column indices, rng.permutation(m)."),
    },
)


check_batches_per_epoch = Question(
    "the number of mini-batches in one epoch on the 50,000 training images with "
    "batch_size = 128",
    391,
    wrong={
        390: "that drops the 80 images left over after 390 full batches (390 · 128 = "
             "49,920). They form a 391st, smaller batch.",
        390.625: "a batch holds a whole number of images: 50,000 / 128 = 390.625 means "
                 "390 full batches and one more of the 80 images left over.",
        469: "that is ⌈60,000 / 128⌉, the whole MNIST training set. 10,000 of those "
             "images went to the validation set: 50,000 remain.",
        50000: "that would be one update per image (batch_size = 1, stochastic gradient "
               "descent). A batch here holds 128 images.",
        1: "that is batch gradient descent, one batch of all 50,000 images.",
    },
    why="⌈50,000 / 128⌉ = 391: 390 full batches of 128 and a last one of 80 images.",
)


# ---- Assignment: mini_batch_model ------------------------------------------------------
# mini_batch_model(X, Y, layer_dims, activations, learning_rate, num_epochs, batch_size,
#                  beta=0.0, seed=0, shuffle_seed=0) -> (parameters, costs)
# softmax output, categorical cross-entropy; costs[e] = mean of epoch e's batch costs,
# each measured by the forward pass just before that batch's update; momentum
# v = β v + (1 − β) dW, W = W − α v, with v kept from one epoch to the next.

def _train(X, Y, layer_dims, activations, learning_rate, num_epochs, batch_size, beta,
           seed, shuffle_seed, same_order=False, reset_velocity=False, no_damping=False,
           last_cost=False, plain_step=False):
    """The loop; each flag turns on one classic mistake (for the checker)."""
    parameters = {k: p.astype(X.dtype)
                  for k, p in _initialize_parameters_deep(layer_dims, seed).items()}
    velocity = {"d" + k: np.zeros_like(p) for k, p in parameters.items()}
    rng = np.random.default_rng(shuffle_seed)
    first = _random_mini_batches(X, Y, batch_size, rng) if same_order else None
    costs = []
    for _ in range(num_epochs):
        if reset_velocity:
            velocity = {k: np.zeros_like(v) for k, v in velocity.items()}
        batch_costs = []
        for X_batch, Y_batch in first or _random_mini_batches(X, Y, batch_size, rng):
            AL, caches = _L_model_forward(X_batch, parameters, activations)
            batch_costs.append(categorical_cross_entropy(AL, Y_batch))
            grads = _L_model_backward(AL, Y_batch, caches, activations)
            damping = 1.0 if no_damping else 1 - beta
            velocity = {k: beta * velocity[k] + damping * grads[k] for k in grads}
            step = grads if plain_step else velocity
            parameters = _update_parameters(parameters, step, learning_rate)
        costs.append(float(batch_costs[-1] if last_cost else np.mean(batch_costs)))
    return parameters, costs


def _mini_batch_model(X, Y, layer_dims, activations, learning_rate, num_epochs,
                      batch_size, beta=0.0, seed=0, shuffle_seed=0):
    return _train(X, Y, layer_dims, activations, learning_rate, num_epochs, batch_size,
                  beta, seed, shuffle_seed)


def _model_mistake(**flag):
    return lambda *args: _train(*args, **flag)


def _model_case(sizes, activations, m, lr, epochs, batch_size, beta, seed):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((sizes[0], m))
    Y = one_hot(rng.integers(0, sizes[-1], size=m), sizes[-1])
    return X, Y, sizes, activations, lr, epochs, batch_size, beta, seed, seed + 1


check_mini_batch_model = Exercise(
    "mini_batch_model",
    _mini_batch_model,
    cases=[_model_case([4, 5, 3], ["relu", "softmax"], 10, 0.5, 3, 4, 0.9, 0),
           _model_case([3, 4, 4, 3], ["relu", "relu", "softmax"], 7, 0.3, 2, 3, 0.0, 1),
           _model_case([2, 3, 4], ["tanh", "softmax"], 9, 1.0, 3, 9, 0.5, 2)],
    mistakes={
        "same-order-every-epoch": (
            _model_mistake(same_order=True),
            "every epoch sees the same batches in the same order: no reshuffle between "
            "epochs. Create the generator once, before the epochs, and call "
            "random_mini_batches(X, Y, batch_size, rng) at the start of EVERY epoch "
            "(not once before the loop, and not with a new default_rng(shuffle_seed) "
            "each epoch)."),
        "velocity-reset": (
            _model_mistake(reset_velocity=True),
            "your velocity starts from zero again in every epoch. Momentum is one "
            "running average over all the steps: set v = 0 once, before the first "
            "epoch, and carry it on."),
        "no-1-beta": (
            _model_mistake(no_damping=True),
            "your velocity is v = β v + dW, without the (1 − β). This book averages the "
            "gradients, v = β v + (1 − β) dW, as nnlib's fit does (then the same α means "
            "the same step size with or without momentum)."),
        "plain-step": (
            _model_mistake(plain_step=True),
            "with momentum your parameters still move by α·dW: the velocity is computed "
            "but not used. Step with it: W = W − α v (pass the velocity to "
            "update_parameters in place of the gradients)."),
        "last-batch-cost": (
            _model_mistake(last_cost=True),
            "your cost of an epoch is the cost of its last batch only. Record the mean "
            "of all the batch costs of the epoch, each measured just before its update."),
    },
    builds_on=("initialize_parameters_deep", "random_mini_batches", "L_model_forward",
               "categorical_cross_entropy", "L_model_backward", "update_parameters"),
)


# ---- Exercise: choose_hyperparameters(results) ----------------------------------------
# results = {setting: {"train_accuracy": ..., "val_accuracy": ..., maybe more}}: return
# the setting with the highest validation accuracy.

def _choose_hyperparameters(results):
    return max(results, key=lambda setting: results[setting]["val_accuracy"])


def _choose_by(measure, best=max):
    return lambda results: best(results, key=lambda s: results[s][measure])


_CASES_CHOOSE = [
    # a lab notebook that also (wrongly) recorded the test accuracy of every run
    ({0.01: {"train_accuracy": 0.91, "val_accuracy": 0.905, "test_accuracy": 0.912},
      0.1: {"train_accuracy": 0.97, "val_accuracy": 0.951, "test_accuracy": 0.948},
      1.0: {"train_accuracy": 0.99, "val_accuracy": 0.947, "test_accuracy": 0.953},
      10.0: {"train_accuracy": 0.10, "val_accuracy": 0.098, "test_accuracy": 0.101}},),
    ({0.3: {"train_accuracy": 0.95, "val_accuracy": 0.925, "test_accuracy": 0.944},
      1.0: {"train_accuracy": 0.96, "val_accuracy": 0.943, "test_accuracy": 0.939},
      3.0: {"train_accuracy": 0.98, "val_accuracy": 0.931, "test_accuracy": 0.946}},),
    # settings may be tuples: (learning rate, batch size)
    ({(0.1, 32): {"train_accuracy": 0.99, "val_accuracy": 0.962, "test_accuracy": 0.958},
      (0.1, 128): {"train_accuracy": 0.97, "val_accuracy": 0.965, "test_accuracy": 0.961},
      (1.0, 128): {"train_accuracy": 0.98, "val_accuracy": 0.960, "test_accuracy": 0.963}},),
]

check_choose_hyperparameters = Exercise(
    "choose_hyperparameters",
    _choose_hyperparameters,
    cases=_CASES_CHOOSE,
    mistakes={
        "test-set": (_choose_by("test_accuracy"),
                     "you chose by TEST accuracy: that is tuning on the test set. The test "
                     "accuracy of the winner is then an optimistic, biased estimate, and no "
                     "untouched data is left to measure the final network. Choose by "
                     "val_accuracy; look at the test set once, at the very end."),
        "training-set": (_choose_by("train_accuracy"),
                         "you chose by TRAINING accuracy, which rewards memorising: the "
                         "network scores well on images it trained on. Choose by accuracy "
                         "on the held-out validation images, val_accuracy."),
        "lowest": (_choose_by("val_accuracy", min),
                   "you chose the LOWEST validation accuracy; we want the highest: max(..., "
                   "key=...), not min."),
        "largest-setting": (lambda results: max(results),
                            "you chose the largest setting itself, not the one that did best. "
                            "Compare the runs by results[setting]['val_accuracy']."),
    },
)
