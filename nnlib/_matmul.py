"""The layers' matrix products: ``matmul(A, B, out=None)`` is ``A @ B``.

Natively this is NumPy's ``@``, which runs on NumPy's BLAS (OpenBLAS). NumPy in
the browser (Pyodide) has no BLAS: its ``@`` is a plain loop, 2-5x slower than
Pyodide's own OpenBLAS, which the book's in-browser app loads with nnlib. There,
products of two float32 (or float64) matrices big enough to matter go to that
library's ``cblas_?gemm`` through ctypes. Only the rounding can differ (last
bits); which path a product takes depends only on shapes and memory layout.
"""
import ctypes
import sys

import numpy as np

MIN_WORK = 32 ** 3    # M·N·K below which (or with M or N = 1) NumPy's loop is as quick
_ROW_MAJOR, _NO_TRANS, _TRANS = 101, 111, 112          # CBLAS's enum values


class Gemm:
    """``A @ B`` by a BLAS library's sgemm/dgemm; ``None`` where it cannot.

    prefix, suffix, int_type: how the library names and sizes things (Pyodide's:
    ``cblas_sgemm``, C ints; the one in NumPy's wheels, used by the tests:
    ``scipy_cblas_sgemm64_``, 64-bit ints)."""

    def __init__(self, path, prefix="cblas_", suffix="", int_type=ctypes.c_int):
        library, self._gemm = ctypes.CDLL(path), {}
        for dtype, real in [(np.float32, ctypes.c_float), (np.float64, ctypes.c_double)]:
            gemm = getattr(library, f"{prefix}{'sd'[dtype == np.float64]}gemm{suffix}")
            P, n = ctypes.c_void_p, int_type        # order, transA, transB, M, N, K,
            gemm.argtypes = [ctypes.c_int] * 3 + [n] * 3 + [real, P, n, P, n, real, P, n]
            gemm.restype = None                    # alpha, A, lda, B, ldb, beta, C, ldc
            self._gemm[np.dtype(dtype)] = gemm

    def __call__(self, A, B, out=None):
        gemm = self._gemm.get(A.dtype)
        if (gemm is None or A.ndim != 2 or B.ndim != 2 or B.dtype != A.dtype
                or A.shape[1] != B.shape[0] or A.size * B.shape[1] < MIN_WORK
                or min(A.shape[0], B.shape[1]) < 2):       # a matrix times a vector
            return None
        (M, K), N = A.shape, B.shape[1]
        how_A, how_B = _layout(A), _layout(B)
        if how_A is None or how_B is None:
            return None
        if out is None:
            out = np.empty((M, N), A.dtype)
        elif (out.shape != (M, N) or out.dtype != A.dtype or not out.flags.c_contiguous
              or np.may_share_memory(out, A) or np.may_share_memory(out, B)):
            return None
        gemm(_ROW_MAJOR, how_A[0], how_B[0], M, N, K, 1.0, A.ctypes.data, how_A[1],
             B.ctypes.data, how_B[1], 0.0, out.ctypes.data, N)
        return out


def _layout(A):
    """``(trans, ld)`` for a row-major BLAS: rows contiguous (A, or some of its
    columns), or columns contiguous (a transposed view); else None."""
    (rows, cols), (step_row, step_col), size = A.shape, A.strides, A.itemsize
    if rows == 0 or cols == 0 or not A.flags.aligned:
        return None
    if step_col == size or cols == 1:
        ld = step_row // size if rows > 1 else cols
        if step_row % size == 0 and ld >= cols:
            return _NO_TRANS, ld
    if step_row == size or rows == 1:
        ld = step_col // size if cols > 1 else rows
        if step_col % size == 0 and ld >= rows:
            return _TRANS, ld
    return None


def _browser_blas():
    try:                                    # where Pyodide installs its OpenBLAS
        return Gemm("/usr/lib/libopenblas.so") if sys.platform == "emscripten" else None
    except (OSError, AttributeError):       # not loaded, or another library
        return None


BLAS = _browser_blas()                      # None natively


def matmul(A, B, out=None):
    """A @ B (into ``out`` if given): by ``BLAS`` where it applies, else NumPy."""
    C = BLAS(A, B, out) if BLAS is not None else None
    return np.matmul(A, B, out=out) if C is None else C
