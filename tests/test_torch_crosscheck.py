"""nnlib's gradients agree with PyTorch autograd (skipped when torch is not installed)."""
import numpy as np
import pytest

from nnlib.network import NeuralNetwork

torch = pytest.importorskip("torch")

TORCH_ACT = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
             "leaky_relu": lambda z: torch.nn.functional.leaky_relu(z, 0.01),
             "linear": lambda z: z}


def torch_cost(net, X, Y):
    """The same forward pass and cost, written with torch ops on examples-as-columns."""
    params = {k: torch.tensor(v, requires_grad=True) for k, v in net.params.items()}
    A = torch.tensor(X)
    for l, g in enumerate(net.activations, start=1):
        Z = params[f"W{l}"] @ A + params[f"b{l}"]
        A = Z if g in ("softmax", "sigmoid") and l == net.L else TORCH_ACT[g](Z)
    m = X.shape[1]
    if net.output == "softmax":
        J = torch.nn.functional.cross_entropy(A.T, torch.tensor(Y))
    elif net.output == "sigmoid":
        J = torch.nn.functional.binary_cross_entropy_with_logits(A, torch.tensor(Y, dtype=A.dtype),
                                                                 reduction="sum") / m
    else:
        J = 0.5 * torch.sum((A - torch.tensor(Y)) ** 2) / m
    J.backward()
    return float(J.detach()), {"d" + k: p.grad.numpy() for k, p in params.items()}


@pytest.mark.parametrize("sizes, acts", [
    ([5, 8, 1], ["relu", "sigmoid"]),
    ([5, 8, 6, 4], ["tanh", "leaky_relu", "softmax"]),
    ([5, 7, 7, 2], ["sigmoid", "relu", "linear"]),
    ([5, 3], ["softmax"]),
])
def test_gradients_match_torch_autograd(sizes, acts):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(5, 12))
    if acts[-1] == "softmax":
        Y = rng.integers(0, sizes[-1], 12)
    elif acts[-1] == "sigmoid":
        Y = (rng.random((1, 12)) > 0.5).astype(np.float64)
    else:
        Y = rng.normal(size=(sizes[-1], 12))
    net = NeuralNetwork(sizes, acts, seed=1)
    J, expected = torch_cost(net, X, Y)
    assert net.cost(X, Y) == pytest.approx(J, rel=1e-12)
    ours = net.gradients(X, Y)
    assert list(ours) == list(expected)
    for k in ours:
        np.testing.assert_allclose(ours[k], expected[k], rtol=1e-10, atol=1e-12)
