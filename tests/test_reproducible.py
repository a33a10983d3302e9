"""tools/reproducible.py: the environment reaches a fresh process, and does what it says.

The notebook kernels nbval starts are such fresh processes; what a child reports
here is what a chapter computes with.
"""
import json
import os
import platform
import subprocess
import sys

import numpy as np
import pytest

import reproducible

CHILD = r"""
import ctypes, glob, json, os, numpy as np
cpu = np._core._multiarray_umath
report = {"wide": sorted(f for f in cpu.__cpu_dispatch__
                         if cpu.__cpu_features__.get(f)
                         and (f.startswith("AVX512") or f == "X86_V4"))}
found = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir,
                               "numpy.libs", "libscipy_openblas64_*.so"))
if found:
    name = ctypes.CDLL(found[0]).scipy_openblas_get_corename64_
    name.restype = ctypes.c_char_p
    report["corename"] = name().decode()
print(json.dumps(report))
"""


def _child(env):
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, check=True,
                         capture_output=True, text=True)
    assert out.stderr == "", out.stderr      # NumPy accepted every name it was given
    return json.loads(out.stdout)


def test_threads_are_always_pinned():
    assert {reproducible.settings()[n] for n in reproducible.THREADS} == {"2"}


def test_a_variable_already_set_is_kept():
    environ = {"OPENBLAS_NUM_THREADS": "1"}
    reproducible.apply(environ)
    assert environ["OPENBLAS_NUM_THREADS"] == "1"
    assert environ["OMP_NUM_THREADS"] == "2"


@pytest.mark.skipif(platform.machine().lower() not in ("x86_64", "amd64"),
                    reason="the CPU pins are for x86-64")
def test_a_fresh_process_computes_with_avx2_only():
    have = np._core._multiarray_umath.__cpu_features__
    if not (have.get("AVX2") and have.get("FMA3")):
        pytest.skip("this CPU has no AVX2: nothing is pinned")
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENBLAS_CORETYPE", "NPY_DISABLE_CPU_FEATURES")}
    reproducible.apply(env)
    report = _child(env)
    assert report["wide"] == []
    if "corename" in report:            # NumPy's own OpenBLAS, when it has one
        assert report["corename"].lower() == "haswell"


def test_the_settings_switch_off_exactly_what_this_machine_would_use():
    """Without them a fresh process here would use what they switch off (on a CPU
    without AVX-512: nothing, and they switch nothing off)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENBLAS_CORETYPE", "NPY_DISABLE_CPU_FEATURES")}
    plain = _child(env)
    pinned = reproducible.settings().get("NPY_DISABLE_CPU_FEATURES", "").split()
    assert plain["wide"] == sorted(pinned)
