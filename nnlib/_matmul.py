"""The layers' matrix products: ``matmul(A, B, out=None)`` is ``A @ B``.

Natively this is NumPy's ``@``, which runs on NumPy's BLAS (OpenBLAS). NumPy in
the browser (Pyodide) has no BLAS: its ``@`` is a plain loop. There, the book's
app installs nnlib with ``_gemm.wasm``, nnlib's own ``_gemm.c`` compiled to
WebAssembly with SIMD (tools/gemm.py), and products of two float32 (or float64)
matrices big enough to matter go to it through ctypes: 2-12x quicker than
NumPy's loop (12x on a 128x784 by 784x100 float32 product). Only the rounding
differs from NumPy's (last bits), and it is the same in every browser: the
kernel adds up in a fixed order, and which path a product takes depends only
on shapes, dtypes and memory layout.
"""
import ctypes
import os
import sys

import numpy as np

MIN_WORK = 32 ** 3    # M·N·K below which (or with M or N = 1) NumPy's loop is as quick
KC, MR = 256, 4       # _gemm.c's blocks: rows of B, rows of C copied at once


class Kernel:
    """``A @ B`` by ``_gemm.c``'s ``nnlib_sgemm``/``nnlib_dgemm`` (a compiled
    ``path``); returns ``None`` where it does not apply, for NumPy to do it."""

    def __init__(self, path):
        library, self._gemm = ctypes.CDLL(path), {}
        for dtype, name in [(np.float32, "nnlib_sgemm"), (np.float64, "nnlib_dgemm")]:
            gemm = getattr(library, name)
            i, p = ctypes.c_int, ctypes.c_void_p
            # M, N, K, A, ra, ca, B, rb, cb, C, work (see _gemm.c)
            gemm.argtypes = [i, i, i, p, i, i, p, i, i, p, p]
            gemm.restype = None
            self._gemm[np.dtype(dtype)] = gemm

    def __call__(self, A, B, out=None):
        gemm = self._gemm.get(A.dtype)
        if (gemm is None or A.ndim != 2 or B.ndim != 2 or B.dtype != A.dtype
                or A.shape[1] != B.shape[0] or A.size * B.shape[1] < MIN_WORK
                or min(A.shape[0], B.shape[1]) < 2       # a matrix times a vector
                or not (_readable(A) and _readable(B))):
            return None
        (M, K), N = A.shape, B.shape[1]
        if out is None:
            out = np.empty((M, N), A.dtype)
        elif (out.shape != (M, N) or out.dtype != A.dtype or not out.flags.c_contiguous
              or not out.flags.writeable                  # NumPy says why
              or np.may_share_memory(out, A) or np.may_share_memory(out, B)):
            return None
        nr = 32 // A.itemsize                             # columns per panel
        work = np.empty(KC * (nr * -(-N // nr) + MR), A.dtype)
        (ra, ca), (rb, cb) = (np.array(X.strides) // A.itemsize for X in (A, B))
        gemm(M, N, K, A.ctypes.data, ra, ca, B.ctypes.data, rb, cb,
             out.ctypes.data, work.ctypes.data)
        return out


def _readable(X):
    """Every element at a whole number of elements from the first (any strides)."""
    return X.flags.aligned and all(s % X.itemsize == 0 for s in X.strides)


def _browser_kernel():
    path = os.path.join(os.path.dirname(__file__), "_gemm.wasm")
    if sys.platform != "emscripten" or not os.path.exists(path):
        return None                         # natively, or nnlib not from the app
    return Kernel(path)


KERNEL = _browser_kernel()                  # None natively


def matmul(A, B, out=None):
    """A @ B (into ``out`` if given): by ``KERNEL`` where it applies, else NumPy."""
    C = KERNEL(A, B, out) if KERNEL is not None else None
    return np.matmul(A, B, out=out) if C is None else C
