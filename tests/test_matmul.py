"""nnlib._matmul: the layers' products, by nnlib's own kernel in the browser.

In the browser the kernel is nnlib/_gemm.c compiled to WebAssembly
(tools/gemm.py; tests/test_lite.py runs the chapters there). Here the same
source is compiled natively with the same flags (no fused multiply-add), which
gives the same bits, so its arithmetic, every memory layout, ``out=`` and the
layers' use of it are checked natively.
"""
import importlib.util
import os
import re
import subprocess

import numpy as np
import pytest

import nnlib
from nnlib import _matmul
from nnlib._matmul import KC, Kernel

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("gemm", os.path.join(ROOT, "tools", "gemm.py"))
gemm_build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gemm_build)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    try:
        path = gemm_build.build(tmp_path_factory.mktemp("gemm") / "gemm.so", native=True)
    except (OSError, subprocess.CalledProcessError) as e:
        if os.environ.get("NNLIB_REQUIRE_LITE"):
            raise
        pytest.skip(f"no C compiler to build nnlib/_gemm.c natively ({e})")
    return Kernel(str(path))


def test_native_nnlib_uses_numpy():
    assert _matmul.KERNEL is None


def test_python_sizes_the_work_space_as_the_kernel_uses_it():
    """_matmul.py allocates the kernel's work space from KC and MR: they must be
    _gemm.c's (a smaller one would let the kernel write past its end)."""
    source = (gemm_build.SOURCE).read_text()
    defined = dict(re.findall(r"^#define (KC|MR) (\d+)", source, re.MULTILINE))
    assert {"KC": KC, "MR": _matmul.MR} == {k: int(v) for k, v in defined.items()}
    assert "#define NR (2 * LANES)" in source    # 32 bytes: 32 // itemsize in Python


VIEWS = {
    "c": lambda x: x,
    "transposed": lambda x: np.ascontiguousarray(x.T).T,       # columns contiguous
    "some columns": lambda x: np.concatenate([x, x], axis=1)[:, :x.shape[1]],
    "every other column": lambda x: np.repeat(x, 2, axis=1)[:, ::2],
    "reversed": lambda x: np.ascontiguousarray(x[::-1, ::-1])[::-1, ::-1],
}


@pytest.mark.parametrize("dtype, rtol", [(np.float32, 2e-5), (np.float64, 1e-12)])
@pytest.mark.parametrize("a_view", VIEWS)
@pytest.mark.parametrize("b_view", ["c", "transposed", "every other column"])
def test_kernel_equals_numpy_for_every_layout(kernel, dtype, rtol, a_view, b_view):
    """Sizes that are no multiple of the 4 x 8 blocks, K over two of KC's blocks."""
    rng = np.random.default_rng(0)
    M, K, N = 37, 2 * KC + 19, 45
    A = VIEWS[a_view](rng.standard_normal((M, K)).astype(dtype))
    B = VIEWS[b_view](rng.standard_normal((K, N)).astype(dtype))
    C = kernel(A, B)
    assert C is not None and C.dtype == dtype and C.flags.c_contiguous
    np.testing.assert_allclose(C, A @ B, rtol=rtol, atol=rtol * 10)


def test_layout_does_not_change_a_single_bit(kernel):
    """The kernel copies both operands into its own blocks first: the same numbers
    in another layout give the same bits (NumPy's BLAS need not)."""
    rng = np.random.default_rng(3)
    A = rng.standard_normal((64, 300)).astype(np.float32)
    B = rng.standard_normal((300, 50)).astype(np.float32)
    reference = kernel(A, B)
    for view in VIEWS.values():
        assert kernel(view(A), view(B)).tobytes() == reference.tobytes()


def test_kernel_handles_inf_and_nan_as_numpy_does(kernel):
    A, B = np.ones((40, 40)), np.ones((40, 40))
    A[0, 0], A[1, 1], B[2, 2] = np.inf, np.nan, -np.inf
    C = kernel(A, B)
    with np.errstate(invalid="ignore"):             # inf - inf in NumPy's product
        expected = A @ B
    np.testing.assert_array_equal(np.isnan(C), np.isnan(expected))
    np.testing.assert_array_equal(C, expected)      # inf, -inf and numbers alike


def test_kernel_writes_into_out(kernel):
    rng = np.random.default_rng(1)
    A, B = rng.standard_normal((64, 48)), rng.standard_normal((48, 32))
    out = np.full((64, 32), np.nan)
    assert kernel(A, B, out) is out
    np.testing.assert_allclose(out, A @ B, rtol=1e-12)


@pytest.mark.parametrize("case", ["small", "row times matrix", "matrix times column",
                                  "mixed dtypes", "integers", "3-d", "shapes",
                                  "misaligned", "out overlaps", "out F-order",
                                  "out read-only"])
def test_kernel_declines_and_numpy_does_it(kernel, case):
    """Whatever the kernel should not take, it declines (None): matmul asks NumPy."""
    A, B = np.ones((64, 48)), np.ones((48, 32))
    out = None
    if case == "small":
        A, B = np.ones((4, 4)), np.ones((4, 4))
    elif case == "row times matrix":
        A, B = np.ones((1, 48 * 64)), np.ones((48 * 64, 32))
    elif case == "matrix times column":
        A, B = np.ones((4096, 48)), np.ones((48, 1))
    elif case == "mixed dtypes":
        B = B.astype(np.float32)
    elif case == "integers":
        A, B = A.astype(int), B.astype(int)
    elif case == "3-d":
        A = np.ones((2, 64, 48))
    elif case == "shapes":
        B = np.ones((47, 32))
    elif case == "misaligned":                  # 8-byte numbers 1 byte apart
        A = np.frombuffer(bytes(64 * 48 * 8 + 1), offset=1).reshape(64, 48)
    elif case == "out overlaps":
        A = np.ones((64, 64))
        B, out = A[:, :64], A
    elif case == "out F-order":
        out = np.empty((64, 32), order="F")
    elif case == "out read-only":
        out = np.empty((64, 32))
        out.flags.writeable = False
    assert kernel(A, B, out) is None


def test_matmul_falls_back_to_numpy_where_the_kernel_declines(kernel, monkeypatch):
    monkeypatch.setattr(_matmul, "KERNEL", kernel)
    A, B = np.arange(12.0).reshape(3, 4), np.arange(8.0).reshape(4, 2)    # too small
    np.testing.assert_array_equal(_matmul.matmul(A, B), A @ B)
    out = np.empty((3, 2))
    assert _matmul.matmul(A, B, out=out) is out
    np.testing.assert_array_equal(out, A @ B)
    with pytest.raises(ValueError):                 # NumPy's own error for bad shapes
        _matmul.matmul(A, A)


def test_layers_go_through_the_kernel_when_it_is_there(kernel, monkeypatch):
    """A network trained with the kernel calls it and learns the same weights."""
    rng = np.random.default_rng(2)
    X = rng.standard_normal((50, 300)).astype(np.float32)
    Y = nnlib.one_hot(rng.integers(0, 4, 300), 4).astype(np.float32)

    def train():
        net = nnlib.NeuralNetwork([50, 40, 4], ["relu", "softmax"], seed=0,
                                  dtype=np.float32)
        net.fit(X, Y, learning_rate=0.1, epochs=3, batch_size=100)
        return net

    reference = train()
    calls = []

    def counting(A, B, out=None):
        C = kernel(A, B, out)
        calls.append(C is not None)
        return C

    monkeypatch.setattr(_matmul, "KERNEL", counting)
    net = train()
    assert sum(calls) >= 9      # 3 epochs x 3 batches x (forward + dW) at least
    for name, p in reference.params.items():
        np.testing.assert_allclose(net.params[name], p, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(net.forward(X), reference.forward(X), rtol=1e-4,
                               atol=1e-6)
