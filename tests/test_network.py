"""NeuralNetwork: construction, forward, training behaviour, dtypes, predictions."""
import numpy as np
import pytest

from nnlib.init import initialize_parameters
from nnlib.layers import layer_backward, layer_forward
from nnlib.network import NeuralNetwork


def blobs(m=120, seed=0):
    """Two separable Gaussian blobs, examples as columns: X (2, m), Y (1, m)."""
    rng = np.random.default_rng(seed)
    Y = (rng.random((1, m)) > 0.5).astype(int)
    X = rng.normal(size=(2, m)) + 2.5 * (2 * Y - 1)
    return X, Y


def three_classes(m=150, seed=0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, m)
    centers = np.array([[0, 3, -3], [3, -2, -2]])
    return centers[:, y] + rng.normal(size=(2, m)), y


def test_attributes_and_shapes():
    net = NeuralNetwork([4, 5, 3, 1], ["relu", "tanh", "sigmoid"], seed=0)
    assert net.L == 3 and net.layer_sizes == [4, 5, 3, 1]
    assert net.activations == ["relu", "tanh", "sigmoid"]
    assert list(net.params) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    assert net.params["W2"].shape == (3, 5) and net.params["b2"].shape == (3, 1)
    A, caches = net.forward(np.ones((4, 7)), return_caches=True)
    assert A.shape == (1, 7) and len(caches) == 3
    assert list(net.gradients(np.ones((4, 7)), np.ones((1, 7)))) == \
        ["dW1", "db1", "dW2", "db2", "dW3", "db3"]


def test_forward_by_hand():
    net = NeuralNetwork([2, 1], ["sigmoid"])
    net.params["W1"][:] = [[1.0, -1.0]]
    net.params["b1"][:] = 0.5
    X = np.array([[1.0, 0.0], [0.5, 2.0]])                  # z = 1.0, -1.5
    np.testing.assert_allclose(net.forward(X), 1 / (1 + np.exp(-np.array([[1.0, -1.5]]))))


def test_network_gradients_equal_chained_layer_functions():
    X, Y = blobs(10)
    net = NeuralNetwork([2, 4, 1], ["tanh", "sigmoid"], seed=3)
    p = net.params
    A1, c1 = layer_forward(X, p["W1"], p["b1"], "tanh")
    A2, c2 = layer_forward(A1, p["W2"], p["b2"], "sigmoid")
    dA2 = -Y / A2 + (1 - Y) / (1 - A2)                       # BCE gradient, per column
    dA1, dW2, db2 = layer_backward(dA2, c2, "sigmoid")
    _, dW1, db1 = layer_backward(dA1, c1, "tanh")
    g = net.gradients(X, Y)
    for name, value in dict(dW1=dW1, db1=db1, dW2=dW2, db2=db2).items():
        np.testing.assert_allclose(g[name], value, rtol=1e-10, atol=1e-14)


def test_initialize_parameters_methods():
    for method, std in (("he", np.sqrt(2 / 400)), ("xavier", np.sqrt(1 / 400)), ("random", 0.01)):
        W = initialize_parameters([400, 300], method, seed=0)["W1"]
        assert W.std() == pytest.approx(std, rel=0.02)
    assert initialize_parameters([400, 300], "random", seed=0, scale=5.0)["W1"].std() == \
        pytest.approx(5.0, rel=0.02)
    p = initialize_parameters([3, 2, 1], "zeros", dtype=np.float32)
    assert not p["W1"].any() and p["b2"].shape == (1, 1) and p["W1"].dtype == np.float32
    a, b = initialize_parameters([3, 2], seed=7), initialize_parameters([3, 2], seed=7)
    np.testing.assert_array_equal(a["W1"], b["W1"])
    with pytest.raises(ValueError, match="valid methods are"):
        initialize_parameters([3, 2], "glorot")


def test_zeros_init_keeps_hidden_units_identical():
    X, Y = blobs()
    net = NeuralNetwork([2, 5, 1], ["tanh", "sigmoid"], init="zeros")
    net.fit(X, Y, learning_rate=0.5, epochs=30)
    W1 = net.params["W1"]
    np.testing.assert_allclose(W1, np.broadcast_to(W1[0], W1.shape))   # all rows equal
    np.testing.assert_allclose(net.params["W2"], net.params["W2"][0, 0])


@pytest.mark.parametrize("batch_size", [None, 1, 16])
@pytest.mark.parametrize("momentum", [0.0, 0.9])
def test_fit_reduces_the_cost(batch_size, momentum):
    X, Y = blobs()
    net = NeuralNetwork([2, 8, 1], ["relu", "sigmoid"], seed=0)
    before = net.cost(X, Y)
    history = net.fit(X, Y, learning_rate=0.1, epochs=15, batch_size=batch_size, momentum=momentum)
    assert len(history) == 15 and all(isinstance(c, float) for c in history)
    assert history[-1] < history[0] and net.cost(X, Y) < before / 2
    assert net.score(X, Y) > 0.95


def test_fit_is_deterministic_and_shuffle_seed_matters():
    X, Y = blobs()
    runs = []
    for seed in (0, 0, 1):
        net = NeuralNetwork([2, 4, 1], ["tanh", "sigmoid"], seed=0)
        runs.append(net.fit(X, Y, learning_rate=0.1, epochs=3, batch_size=8, shuffle_seed=seed))
    assert runs[0] == runs[1] and runs[0] != runs[2]


def test_batch_gd_history_is_the_cost_before_each_step():
    X, Y = blobs(40)
    net = NeuralNetwork([2, 3, 1], ["tanh", "sigmoid"], seed=0)
    first = net.cost(X, Y)
    assert net.fit(X, Y, learning_rate=0.1, epochs=1)[0] == pytest.approx(first)


def test_one_batch_gd_step_is_w_minus_alpha_dw():
    X, Y = blobs(30)
    net = NeuralNetwork([2, 3, 1], ["tanh", "sigmoid"], seed=0)
    before = {k: v.copy() for k, v in net.params.items()}
    g = net.gradients(X, Y)
    net.fit(X, Y, learning_rate=0.3, epochs=1)
    for k in before:
        np.testing.assert_allclose(net.params[k], before[k] - 0.3 * g["d" + k], rtol=1e-12)


def test_momentum_is_an_average_of_gradients():
    """v = β v + (1 − β) dW, W = W − α v: after one step from v = 0, W moved by α(1 − β) dW."""
    X, Y = blobs(30)
    net = NeuralNetwork([2, 3, 1], ["tanh", "sigmoid"], seed=0)
    W = net.params["W1"].copy()
    dW = net.gradients(X, Y)["dW1"]
    net.fit(X, Y, learning_rate=0.5, epochs=1, momentum=0.9)
    np.testing.assert_allclose(net.params["W1"], W - 0.5 * 0.1 * dW, rtol=1e-12)


def test_verbose_prints_deterministic_lines(capsys):
    X, Y = blobs(20)
    net = NeuralNetwork([2, 3, 1], ["tanh", "sigmoid"], seed=0)
    history = net.fit(X, Y, learning_rate=0.1, epochs=20, verbose=10)
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"epoch 10/20  cost {history[9]:.6f}", f"epoch 20/20  cost {history[19]:.6f}"]


def test_progress_is_shown_by_default_only_on_long_runs(capsys, monkeypatch):
    import nnlib.network
    X, Y = blobs(20)
    net = NeuralNetwork([2, 3, 1], ["tanh", "sigmoid"], seed=0)
    net.fit(X, Y, learning_rate=0.1, epochs=30)                 # 30 × 20 × 9 weights: short
    assert capsys.readouterr().out == ""
    monkeypatch.setattr(nnlib.network, "LONG_RUN", 30 * 20 * 9)  # the same run is now "long"
    history = NeuralNetwork([2, 3, 1], ["tanh", "sigmoid"], seed=0).fit(
        X, Y, learning_rate=0.1, epochs=30)
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"epoch {e:>2}/30  cost {history[e - 1]:.6f}" for e in range(3, 31, 3)]
    net.fit(X, Y, learning_rate=0.1, epochs=30, verbose=0)      # 0 silences it
    assert capsys.readouterr().out == ""


def test_divergence_stops_with_a_clear_warning():
    X, _ = blobs(40)
    net = NeuralNetwork([2, 8, 1], ["relu", "linear"], seed=0)
    with pytest.warns(RuntimeWarning, match=r"cost became inf at epoch \d+.*learning rate 5\.0 "
                                             r"is too large"):
        history = net.fit(100 * X, 1000 * X[:1], learning_rate=5.0, epochs=50)
    assert len(history) < 50 and not np.isfinite(history[-1])
    assert all(np.isfinite(history[:-1]))


def test_float32_stays_float32():
    X, y = three_classes()
    net = NeuralNetwork([2, 8, 3], ["relu", "softmax"], seed=0, dtype=np.float32)
    assert all(p.dtype == np.float32 for p in net.params.values())
    A, caches = net.forward(X, return_caches=True)                   # float64 X is converted
    assert A.dtype == np.float32
    assert all(a.dtype == np.float32 for (lin, Z) in caches for a in (*lin, Z))
    assert all(g.dtype == np.float32 for g in net.gradients(X, y).values())
    history = net.fit(X.astype(np.float32), y, learning_rate=np.float64(0.1), epochs=5,
                      batch_size=32, momentum=0.9)
    assert history[-1] < history[0]
    assert all(p.dtype == np.float32 for p in net.params.values())


def test_softmax_classifier_predictions():
    X, y = three_classes()
    net = NeuralNetwork([2, 16, 3], ["relu", "softmax"], seed=0)
    net.fit(X, y, learning_rate=0.1, epochs=30, batch_size=16)
    P = net.predict_proba(X)
    np.testing.assert_allclose(P.sum(axis=0), 1)
    pred = net.predict(X)
    assert pred.shape == (150,) and pred.dtype.kind == "i"
    assert net.score(X, y) > 0.95
    assert net.score(X, np.eye(3)[:, y]) == net.score(X, y)        # one-hot Y works too


def test_sigmoid_predictions_are_01_ints_and_multilabel_allowed():
    X, Y = blobs()
    net = NeuralNetwork([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    pred = net.predict(X)
    assert pred.shape == (1, X.shape[1]) and set(np.unique(pred)) <= {0, 1}
    np.testing.assert_array_equal(pred, (net.predict_proba(X) >= 0.5).astype(int))
    multi = NeuralNetwork([2, 4, 2], ["tanh", "sigmoid"], seed=0)
    Y2 = np.vstack([Y, 1 - Y])
    multi.fit(X, Y2, learning_rate=0.5, epochs=50)
    assert multi.predict(X).shape == (2, X.shape[1]) and multi.score(X, Y2) > 0.95


def test_regression_with_linear_output():
    rng = np.random.default_rng(0)
    X = rng.uniform(-2, 2, size=(1, 200))
    Y = np.sin(X)
    net = NeuralNetwork([1, 16, 1], ["tanh", "linear"], seed=0)
    history = net.fit(X, Y, learning_rate=0.1, epochs=200, batch_size=20)
    assert history[-1] < 0.01 and net.score(X, Y) > 0.95
    np.testing.assert_array_equal(net.predict(X), net.forward(X))


def test_repr():
    assert repr(NeuralNetwork([2, 1], ["sigmoid"])) == "NeuralNetwork([2, 1], ['sigmoid'])"
