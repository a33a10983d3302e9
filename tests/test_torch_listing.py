"""Chapter 12's PyTorch listing is real code: it runs, and it computes what nnlib computes.

The listing is shown in the chapter as a markdown code block (the book never needs
torch). ``LISTING`` below is that very text: the first test checks the notebook still
shows exactly this code, so the two cannot drift apart; the others execute it (when
torch is installed) and compare it with nnlib in float64:

* same parameters in, same cost and same gradients out as ``NeuralNetwork.gradients``;
* a few epochs of the listing's ``train`` (full batch, momentum 0.9) end at the same
  parameters as ``NeuralNetwork.fit``, which checks the learning-rate mapping
  ``lr = α(1 − β)`` between the two forms of momentum.
"""
import json
import pathlib
import re

import numpy as np
import pytest

import nnlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "chapters" / "12_the_whole_recipe.ipynb"

LAYER_SIZES = [784, 256, 256, 10]
ACTIVATIONS = ["relu", "relu", "softmax"]

LISTING = '''\
import torch
from torch import nn

def make_model():
    """784 -> 256 -> 256 -> 10 with ReLU: the network of chapter 11."""
    return nn.Sequential(
        nn.Linear(784, 256), nn.ReLU(),    # W1 (256, 784), b1 (256,)
        nn.Linear(256, 256), nn.ReLU(),    # W2 (256, 256), b2 (256,)
        nn.Linear(256, 10),                # W3 (10, 256),  b3 (10,): the logits Z3
    )

# Softmax + categorical cross-entropy in one step, averaged over the batch.
# The model outputs logits; the softmax lives inside the loss.
loss_fn = nn.CrossEntropyLoss()

def copy_from_nnlib(model, params):
    """Load nnlib's W1, b1, ... into the model: W keeps its shape, b is flattened."""
    linears = [layer for layer in model if isinstance(layer, nn.Linear)]
    with torch.no_grad():
        for l, layer in enumerate(linears, start=1):
            layer.weight.copy_(torch.from_numpy(params[f"W{l}"]))
            layer.bias.copy_(torch.from_numpy(params[f"b{l}"].ravel()))

def train(model, X, y, learning_rate, epochs, batch_size=128, momentum=0.9, seed=0):
    """X: (m, 784) -- in PyTorch examples are ROWS; y: (m,) labels 0..9."""
    # nnlib's momentum (v = b*v + (1-b)*dW, W -= a*v) is PyTorch's with lr = a*(1-b)
    optimizer = torch.optim.SGD(model.parameters(),
                                lr=learning_rate * (1 - momentum), momentum=momentum)
    generator = torch.Generator().manual_seed(seed)
    m = X.shape[0]
    for epoch in range(epochs):
        order = torch.randperm(m, generator=generator)
        for start in range(0, m, batch_size):
            batch = order[start:start + batch_size]
            loss = loss_fn(model(X[batch]), y[batch])   # forward pass and cost
            optimizer.zero_grad()                       # forget the last gradients
            loss.backward()                             # backpropagation, automatic
            optimizer.step()                            # W := W - step, for every W and b
    return model
'''


def listing_blocks_in_notebook():
    """Every ```python block of the chapter's markdown that imports torch."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    blocks = []
    for cell in cells:
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"])
            blocks += re.findall(r"```python\n(.*?)```", text, flags=re.S)
    return [b for b in blocks if "import torch" in b]


def test_the_notebook_shows_exactly_this_listing():
    assert listing_blocks_in_notebook() == [LISTING]


@pytest.fixture(scope="module")
def listing():
    torch = pytest.importorskip("torch")
    namespace = {}
    exec(compile(LISTING, "chapter 12 listing", "exec"), namespace)
    return torch, namespace


def _data(m, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((784, m)), rng.integers(0, 10, size=m)      # X (784, m), labels (m,)


def _model_like(net, torch, ns):
    model = ns["make_model"]().double()
    ns["copy_from_nnlib"](model, net.params)
    return model


def test_the_listing_builds_the_chapter_11_network(listing):
    torch, ns = listing
    linears = [layer for layer in ns["make_model"]() if isinstance(layer, torch.nn.Linear)]
    shapes = [tuple(layer.weight.shape) for layer in linears]
    net = nnlib.NeuralNetwork(LAYER_SIZES, ACTIVATIONS, seed=0)
    assert shapes == [net.params[f"W{l}"].shape for l in range(1, 4)]
    assert [tuple(layer.bias.shape) for layer in linears] == [(256,), (256,), (10,)]


def test_same_parameters_give_the_same_cost_and_gradients(listing):
    torch, ns = listing
    net = nnlib.NeuralNetwork(LAYER_SIZES, ACTIVATIONS, seed=3)          # float64
    model = _model_like(net, torch, ns)
    X, y = _data(16)
    loss = ns["loss_fn"](model(torch.from_numpy(X.T)), torch.from_numpy(y))
    loss.backward()
    np.testing.assert_allclose(loss.item(), net.cost(X, y), rtol=1e-10)
    grads = net.gradients(X, y)
    linears = [layer for layer in model if isinstance(layer, torch.nn.Linear)]
    for l, layer in enumerate(linears, start=1):
        np.testing.assert_allclose(layer.weight.grad.numpy(), grads[f"dW{l}"], rtol=1e-5, atol=1e-12)
        np.testing.assert_allclose(layer.bias.grad.numpy(), grads[f"db{l}"].ravel(), rtol=1e-5,
                                   atol=1e-12)


def test_training_with_momentum_matches_nnlib_fit(listing):
    torch, ns = listing
    net = nnlib.NeuralNetwork(LAYER_SIZES, ACTIVATIONS, seed=4)
    model = _model_like(net, torch, ns)
    X, y = _data(64, seed=1)
    m = X.shape[1]
    # one batch of all m examples: the shuffling order cannot matter
    ns["train"](model, torch.from_numpy(X.T), torch.from_numpy(y), learning_rate=0.5,
                epochs=4, batch_size=m, momentum=0.9)
    net.fit(X, y, learning_rate=0.5, epochs=4, batch_size=None, momentum=0.9)
    linears = [layer for layer in model if isinstance(layer, torch.nn.Linear)]
    for l, layer in enumerate(linears, start=1):
        np.testing.assert_allclose(layer.weight.detach().numpy(), net.params[f"W{l}"], rtol=1e-5,
                                   atol=1e-10)
        np.testing.assert_allclose(layer.bias.detach().numpy(), net.params[f"b{l}"].ravel(),
                                   rtol=1e-5, atol=1e-10)
