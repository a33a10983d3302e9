"""nnlib._matmul: the layers' products, by BLAS through ctypes in the browser.

In the browser the library is Pyodide's OpenBLAS compiled to WebAssembly
(tests/test_lite.py runs the chapters there). Here the same wrapper drives the
OpenBLAS inside NumPy's own wheel (64-bit integers, ``scipy_`` names), so the
layout logic, the ``out=`` path and the layers' use of it are checked natively.
"""
import ctypes
import glob
import os

import numpy as np
import pytest

import nnlib
from nnlib import _matmul
from nnlib._matmul import _NO_TRANS, _TRANS, Gemm, _layout


def _numpy_openblas():
    folder = os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs")
    found = glob.glob(os.path.join(folder, "libscipy_openblas64_*.so"))
    if not found:
        pytest.skip("this NumPy wheel carries no libscipy_openblas64_ to test with")
    return Gemm(found[0], prefix="scipy_cblas_", suffix="64_", int_type=ctypes.c_int64)


@pytest.fixture(scope="module")
def gemm():
    return _numpy_openblas()


def test_native_nnlib_uses_numpy():
    assert _matmul.BLAS is None


@pytest.mark.parametrize("make, expected", [
    (lambda a: a, (_NO_TRANS, 7)),                      # rows contiguous
    (lambda a: a.T, (_TRANS, 7)),                       # a transposed view
    (lambda a: a[:, :4], (_NO_TRANS, 7)),               # some columns: ld 7
    (lambda a: a[1:4], (_NO_TRANS, 7)),                 # some rows
    (lambda a: a[:, :4].T, (_TRANS, 7)),
    (lambda a: np.asfortranarray(a), (_TRANS, 5)),      # column-major copy
    (lambda a: a[:1], (_NO_TRANS, 7)),                  # one row
    (lambda a: a[:, :1], (_NO_TRANS, 7)),               # one column, stride 7
    (lambda a: a[:, ::2], None),                        # every other column
    (lambda a: a[::-1], None),                          # reversed rows
    (lambda a: a[:, :0], None),                         # empty
    (lambda a: np.broadcast_to(a[:1], (5, 7)), None),   # stride 0
])
def test_layout(make, expected):
    assert _layout(make(np.zeros((5, 7), np.float32))) == expected


@pytest.mark.parametrize("dtype, rtol", [(np.float32, 1e-5), (np.float64, 1e-12)])
@pytest.mark.parametrize("a_view, b_view", [
    ("c", "c"), ("t", "c"), ("c", "t"), ("t", "t"), ("cols", "c"), ("c", "cols")])
def test_gemm_equals_numpy_for_every_layout(gemm, dtype, rtol, a_view, b_view):
    rng = np.random.default_rng(0)
    views = {"c": lambda x: x, "t": lambda x: np.ascontiguousarray(x.T).T,
             "cols": lambda x: np.concatenate([x, x], axis=1)[:, :x.shape[1]]}
    A = views[a_view](rng.standard_normal((40, 50)).astype(dtype))
    B = views[b_view](rng.standard_normal((50, 60)).astype(dtype))
    C = gemm(A, B)
    assert C is not None and C.dtype == dtype and C.flags.c_contiguous
    np.testing.assert_allclose(C, A @ B, rtol=rtol, atol=rtol * 10)


def test_gemm_writes_into_out(gemm):
    rng = np.random.default_rng(1)
    A, B = rng.standard_normal((64, 48)), rng.standard_normal((48, 32))
    out = np.full((64, 32), np.nan)
    assert gemm(A, B, out) is out
    np.testing.assert_allclose(out, A @ B, rtol=1e-12)


@pytest.mark.parametrize("case", ["small", "row times matrix", "matrix times column",
                                  "mixed dtypes", "integers", "3-d",
                                  "shapes", "strided", "out overlaps", "out F-order"])
def test_gemm_declines_and_numpy_does_it(gemm, case):
    """Whatever the wrapper cannot take, it declines (None): matmul then asks NumPy."""
    A, B = np.ones((64, 48)), np.ones((48, 32))
    out = None
    if case == "small":
        A, B = np.ones((4, 4)), np.ones((4, 4))
    elif case == "row times matrix":
        A = np.ones((1, 48 * 64))
        B = np.ones((48 * 64, 32))
    elif case == "matrix times column":
        B = np.ones((48, 1))
        A = np.ones((4096, 48))
    elif case == "mixed dtypes":
        B = B.astype(np.float32)
    elif case == "integers":
        A, B = A.astype(int), B.astype(int)
    elif case == "3-d":
        A = np.ones((2, 64, 48))
    elif case == "shapes":
        B = np.ones((47, 32))
    elif case == "strided":
        A = np.ones((64, 96))[:, ::2]
    elif case == "out overlaps":
        A = np.ones((64, 64))
        B, out = A[:, :64], A
    elif case == "out F-order":
        out = np.empty((64, 32), order="F")
    assert gemm(A, B, out) is None


def test_matmul_falls_back_to_numpy_where_blas_declines(gemm, monkeypatch):
    monkeypatch.setattr(_matmul, "BLAS", gemm)
    A, B = np.arange(12.0).reshape(3, 4), np.arange(8.0).reshape(4, 2)    # too small
    np.testing.assert_array_equal(_matmul.matmul(A, B), A @ B)
    out = np.empty((3, 2))
    assert _matmul.matmul(A, B, out=out) is out
    np.testing.assert_array_equal(out, A @ B)
    with pytest.raises(ValueError):                 # NumPy's own error for bad shapes
        _matmul.matmul(A, A)


def test_layers_go_through_blas_when_it_is_there(gemm, monkeypatch):
    """A network trained with BLAS calls the library and learns the same weights."""
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
        C = gemm(A, B, out)
        calls.append(C is not None)
        return C

    monkeypatch.setattr(_matmul, "BLAS", counting)
    net = train()
    assert sum(calls) >= 9      # 3 epochs x 3 batches x (forward + dW) at least
    for name, p in reference.params.items():
        np.testing.assert_allclose(net.params[name], p, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(net.forward(X), reference.forward(X), rtol=1e-4,
                               atol=1e-6)
