"""Chapter 11: the reader's mini-batch loop is exactly nnlib's ``fit``.

The chapter's assignment ``mini_batch_model`` is assembled from the reader's
functions; here its reference, built from the checker modules' references
(chapter 10's initialisation, forward, backward and update, chapter 11's
mini-batches and cost), is compared with ``NeuralNetwork.fit`` in float64:
cost history and parameters equal to 1e-10, with and without momentum, with a
last partial batch and with a full batch.
"""
import numpy as np
import pytest

import nnlib
from nnlib.exercises import chapter11 as ch11


def _data(n_x, C, m, seed):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_x, m))
    return X, nnlib.one_hot(rng.integers(0, C, size=m), C)


@pytest.mark.parametrize("sizes,activations,m,batch_size,beta", [
    ([20, 16, 12, 5], ["relu", "relu", "softmax"], 300, 32, 0.9),   # partial last batch
    ([20, 16, 12, 5], ["relu", "relu", "softmax"], 256, 64, 0.0),   # no momentum
    ([8, 10, 3], ["tanh", "softmax"], 90, 90, 0.5),                  # full batch
    ([8, 6, 6, 4], ["leaky_relu", "sigmoid", "softmax"], 101, 1, 0.9),  # stochastic
])
def test_reader_loop_equals_fit(sizes, activations, m, batch_size, beta):
    X, Y = _data(sizes[0], sizes[-1], m, seed=len(sizes) + m)
    lr, epochs, seed, shuffle_seed = 0.3, 4, 3, 7
    params, costs = ch11._mini_batch_model(X, Y, sizes, activations, lr, epochs,
                                           batch_size, beta, seed, shuffle_seed)
    net = nnlib.NeuralNetwork(sizes, activations, init="he", seed=seed)
    history = net.fit(X, Y, learning_rate=lr, epochs=epochs, batch_size=batch_size,
                      momentum=beta, shuffle_seed=shuffle_seed, verbose=0)
    assert len(costs) == len(history) == epochs
    assert np.allclose(costs, history, rtol=0, atol=1e-10)
    assert params.keys() == net.params.keys()
    for key in params:
        assert params[key].dtype == np.float64
        assert np.allclose(params[key], net.params[key], rtol=0, atol=1e-10), key


def test_mini_batches_follow_fits_order():
    """random_mini_batches draws the permutation nnlib's fit draws, epoch after epoch."""
    X, Y = _data(3, 4, 10, seed=0)
    rng = np.random.default_rng(5)
    same = np.random.default_rng(5)
    for _ in range(3):
        batches = ch11._random_mini_batches(X, Y, 4, rng)
        perm = same.permutation(10)
        assert [b[0].shape[1] for b in batches] == [4, 4, 2]
        assert np.array_equal(np.hstack([b[0] for b in batches]), X[:, perm])
        assert np.array_equal(np.hstack([b[1] for b in batches]), Y[:, perm])


def test_float32_data_trains_in_float32():
    X, Y = _data(6, 3, 40, seed=1)
    params, costs = ch11._mini_batch_model(X.astype(np.float32), Y.astype(np.float32),
                                           [6, 5, 3], ["relu", "softmax"], 0.5, 2, 16,
                                           0.9, 0, 0)
    assert all(p.dtype == np.float32 for p in params.values())
    assert np.all(np.isfinite(costs))


def test_a_loop_written_differently_passes_the_checker():
    """The checker accepts a correct loop that does not copy the reference: in-place
    velocity, batches sliced from one shuffled copy, the epoch cost as a running sum."""
    from nnlib.exercises import chapter10 as ch10

    def batches(X, Y, batch_size, rng):
        perm = rng.permutation(X.shape[1])
        Xs, Ys = X[:, perm], Y[:, perm]
        return [(Xs[:, k:k + batch_size], Ys[:, k:k + batch_size])
                for k in range(0, X.shape[1], batch_size)]

    def model(X, Y, dims, acts, lr, epochs, batch_size, beta=0.0, seed=0, shuffle_seed=0):
        params = ch10._initialize_parameters_deep(dims, seed)
        v = {"d" + k: np.zeros_like(p) for k, p in params.items()}
        rng, costs = np.random.default_rng(shuffle_seed), []
        for _ in range(epochs):
            total, count = 0.0, 0
            for Xb, Yb in batches(X, Y, batch_size, rng):
                AL, caches = ch10._L_model_forward(Xb, params, acts)
                total, count = total + nnlib.categorical_cross_entropy(AL, Yb), count + 1
                grads = ch10._L_model_backward(AL, Yb, caches, acts)
                for key in v:
                    v[key] *= beta
                    v[key] += (1 - beta) * grads[key]
                    params[key[1:]] = params[key[1:]] - lr * v[key]
            costs.append(total / count)
        return params, costs

    assert ch11.check_mini_batch_model.evaluate(model).passed
    assert ch11.check_random_mini_batches.evaluate(batches).passed
