"""Test-session settings shared by the unit tests and the nbval run of the chapters
(at the root, so that `pytest chapters/05_gradient_descent.ipynb` gets them too).

The chapters' saved outputs were made in the environment of tools/reproducible.py
(two BLAS threads; on x86-64, OpenBLAS's AVX2 kernels and NumPy's AVX2 loops even
on a CPU with AVX-512): the same digits need the same order of additions. It is
set here, before any notebook kernel starts (the kernels inherit it), so nbval
compares like with like on any x86-64 machine with AVX2. Set a variable yourself
to override it.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "tools"))

import reproducible  # noqa: E402

reproducible.apply()
