"""Test-session settings shared by the unit tests and the nbval run of the chapters.

BLAS thread count: a float32 matrix product sums in an order that depends on how
many threads OpenBLAS splits it across, and chapter 11 trains for eleven epochs,
so its printed accuracies can move in the second decimal with the thread count.
The chapters are saved from a 2-thread run; pinning the count here (the notebook
kernels inherit this environment) makes nbval compare like with like on any
machine. Set the variables yourself to override.
"""
import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "2")
