"""Every common mistake raises ValueError/TypeError with a message that says what to do."""
import numpy as np
import pytest

from nnlib.costs import binary_cross_entropy, categorical_cross_entropy, mean_squared_error
from nnlib.network import NeuralNetwork

rng = np.random.default_rng(0)
X = rng.normal(size=(3, 10))
Y = (rng.random((1, 10)) > 0.5).astype(int)


@pytest.fixture
def net():
    return NeuralNetwork([3, 4, 1], ["relu", "sigmoid"], seed=0)


@pytest.fixture
def clf():
    return NeuralNetwork([3, 4, 3], ["relu", "softmax"], seed=0)


def test_X_with_examples_as_rows_suggests_transpose(net):
    for call in (lambda: net.forward(X.T), lambda: net.fit(X.T, Y), lambda: net.predict(X.T)):
        with pytest.raises(ValueError, match=r"looks like \(m, n_x\).*pass X\.T"):
            call()


def test_X_with_wrong_number_of_features(net):
    with pytest.raises(ValueError, match=r"expected \(n_x=3, m\)"):
        net.forward(np.ones((5, 4)))
    with pytest.raises(ValueError, match=r"X.reshape\(-1, 1\)"):
        net.forward(np.ones(3))


def test_flat_Y_is_refused_not_broadcast(net):
    for call in (lambda: net.fit(X, Y.ravel()), lambda: net.cost(X, Y.ravel()),
                 lambda: net.gradients(X, Y.ravel()), lambda: net.score(X, Y.ravel())):
        with pytest.raises(ValueError, match=r"Y.reshape\(1, -1\)"):
            call()


def test_integer_labels_of_shape_m_are_fine_for_softmax(clf):
    y = rng.integers(0, 3, 10)
    assert np.isfinite(clf.cost(X, y)) and clf.cost(X, y) == clf.cost(X, y.reshape(1, -1))


def test_m_mismatch(net, clf):
    with pytest.raises(ValueError, match="m=10 examples.*9 examples"):
        net.fit(X, Y[:, :9])
    with pytest.raises(ValueError, match="m=10 examples.*9 labels"):
        clf.fit(X, np.zeros(9, int))


def test_nan_and_inf(net):
    Xbad = X.copy()
    Xbad[1, 2] = np.nan
    with pytest.raises(ValueError, match="X contains NaN or inf"):
        net.fit(Xbad, Y)
    Ybad = Y.astype(float)
    Ybad[0, 0] = np.inf
    with pytest.raises(ValueError, match="Y contains NaN or inf"):
        net.fit(X, Ybad)
    with pytest.raises(ValueError, match="NaN or inf"):
        mean_squared_error(np.array([[np.nan]]), np.array([[1.0]]))


def test_labels_outside_range(net, clf):
    with pytest.raises(ValueError, match=r"binary labels must be 0 or 1, found \[2\]"):
        net.fit(X, np.where(Y == 1, 2, 0))
    with pytest.raises(ValueError, match=r"class labels must be in 0\.\.2 \(C=3\)"):
        clf.fit(X, np.arange(10) % 4)
    with pytest.raises(ValueError, match="class labels must be in"):
        clf.fit(X, -np.ones(10, int))
    with pytest.raises(ValueError, match="integers"):
        clf.fit(X, np.full(10, 0.5))
    with pytest.raises(ValueError, match="must be 0 or 1"):
        binary_cross_entropy(np.full((1, 2), 0.5), np.array([[0, -1]]))
    with pytest.raises(ValueError, match="class labels"):
        categorical_cross_entropy(np.full((3, 2), 1 / 3), np.array([5, 0]))


def test_empty_arrays(net):
    with pytest.raises(ValueError, match="X is empty"):
        net.fit(np.empty((3, 0)), np.empty((1, 0)))
    with pytest.raises(ValueError, match="Y_hat is empty"):
        binary_cross_entropy(np.empty((1, 0)), np.empty((1, 0)))


def test_non_arrays(net):
    assert net.forward([[1.0], [2.0], [3.0]]).shape == (1, 1)       # lists are fine
    with pytest.raises(TypeError, match="numeric array"):
        net.forward(np.array([["a"], ["b"], ["c"]]))


def test_unknown_or_misplaced_activations():
    with pytest.raises(ValueError, match="unknown activation 'swish'; valid names are: sigmoid"):
        NeuralNetwork([3, 4, 1], ["swish", "sigmoid"])
    with pytest.raises(ValueError, match="only allowed on the output layer"):
        NeuralNetwork([3, 4, 2], ["softmax", "softmax"])
    with pytest.raises(ValueError, match="valid names are: sigmoid, softmax, linear"):
        NeuralNetwork([3, 4, 1], ["relu", "relu"])
    with pytest.raises(ValueError, match="one activation per layer"):
        NeuralNetwork([3, 4, 1], ["relu"])
    with pytest.raises(ValueError, match="at least 2 units"):
        NeuralNetwork([3, 1], ["softmax"])


def test_bad_training_options(net):
    with pytest.raises(ValueError, match="batch_size"):
        net.fit(X, Y, batch_size=0)
    with pytest.raises(ValueError, match="learning_rate must be a finite number > 0"):
        net.fit(X, Y, learning_rate=-1)
    with pytest.raises(ValueError, match="momentum"):
        net.fit(X, Y, momentum=1.0)


def test_cost_shape_mismatch():
    with pytest.raises(ValueError, match=r"Y_hat has shape \(1, 3\) but Y has shape \(1, 2\)"):
        mean_squared_error(np.zeros((1, 3)), np.zeros((1, 2)))


def test_wrong_Y_rows(net):
    with pytest.raises(ValueError, match=r"expected \(1, m\)"):
        net.fit(X, np.zeros((2, 10)))
