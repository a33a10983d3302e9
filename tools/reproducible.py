"""The environment the chapters' outputs are saved in, and compared in.

A chapter's printed digits depend on more than its code: on the order in which
NumPy and its BLAS library add numbers up, and that depends on the machine. A
difference in the last bit of a sum can grow, over a training run, into another
printed cost or accuracy. Three things move it:

- the number of BLAS threads (a float32 product is summed in an order that
  depends on how it is split): pinned to 2;
- the CPU kernels OpenBLAS picks for the machine: AVX-512 ones on a recent x86
  CPU, AVX2 ones ("Haswell") on the machine the chapters were saved on. On any
  x86-64 CPU with AVX2 and FMA, the Haswell kernels are asked for;
- NumPy's own SIMD loops (exp, tanh, sums, ...), which have AVX-512 versions:
  on such a CPU those are switched off, so the AVX2 ones run.

``tools/nb.py run`` saves the chapters in this environment and
``conftest.py`` (at the root) sets it for every test run (the notebook kernels inherit it),
so nbval compares like with like on any x86-64 machine with AVX2. Elsewhere (an
ARM machine, say) only the thread count is pinned, and the digits of the
chapters that train on MNIST may differ. A variable already set is left alone,
so any of them can be overridden.
"""
import os
import platform

THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def settings():
    """The variables, for this machine and this NumPy, as a dict."""
    import numpy as np

    env = dict.fromkeys(THREADS, "2")
    cpu = np._core._multiarray_umath          # NumPy 2's record of the CPU's features
    have = cpu.__cpu_features__
    if (platform.machine().lower() in ("x86_64", "amd64")
            and have.get("AVX2") and have.get("FMA3")):
        env["OPENBLAS_CORETYPE"] = "Haswell"
        wide = sorted(f for f in cpu.__cpu_dispatch__
                      if have.get(f) and (f.startswith("AVX512") or f == "X86_V4"))
        if wide:
            env["NPY_DISABLE_CPU_FEATURES"] = " ".join(wide)
    return env


def apply(environ=os.environ):
    """Set every variable of ``settings()`` that is not set already."""
    for name, value in settings().items():
        environ.setdefault(name, value)
