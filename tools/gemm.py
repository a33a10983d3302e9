"""Compile nnlib's matrix product for the browser (nnlib/_gemm.c).

``build(out)`` makes the WebAssembly library (128-bit SIMD) that the in-browser
app's nnlib wheel carries as ``nnlib/_gemm.wasm`` (tools/lite.py); it needs clang
and wasm-ld (Debian: ``apt-get install clang-16 lld-16``). ``build(out,
native=True)`` compiles the same file for this machine (``$CC``, else ``cc``):
the tests use it. Both builds use the same flags, with no fused multiply-add,
so they give the same bits (a digest of 16 products matched, in Node's Pyodide
and natively).
"""
import os
import pathlib
import shutil
import subprocess
import tempfile

SOURCE = pathlib.Path(__file__).resolve().parents[1] / "nnlib" / "_gemm.c"
FLAGS = ["-O3", "-ffp-contract=off", "-fPIC"]
VERSIONS = range(20, 13, -1)                   # clang-20 ... clang-14
WASM = ["--target=wasm32-unknown-emscripten", "-msimd128", "-ffreestanding", "-nostdlib"]
EXPORTS = ["--export=nnlib_sgemm", "--export=nnlib_dgemm"]


def _tool(name):
    """``name``, else ``name-20`` ... ``name-14`` (Debian's names), on PATH."""
    for candidate in [name] + [f"{name}-{v}" for v in VERSIONS]:
        found = shutil.which(candidate)
        if found:
            return found
    raise SystemExit(f"{name} is needed to compile nnlib/_gemm.c for the browser: "
                     "on Debian, `apt-get install clang-16 lld-16`")


def build(out, native=False):
    """Compile nnlib/_gemm.c twice (float: nnlib_sgemm; -DDOUBLE: nnlib_dgemm)
    and link both into the shared library ``out``; returns its path."""
    out = pathlib.Path(out)
    if native:
        compiler, link = [os.environ.get("CC", "cc")], None
    else:
        compiler = [_tool("clang")] + WASM
        link = [_tool("wasm-ld"), "--experimental-pic", "-shared"] + EXPORTS
    with tempfile.TemporaryDirectory() as tmp:
        objects = [pathlib.Path(tmp, "sgemm.o"), pathlib.Path(tmp, "dgemm.o")]
        for obj, define in zip(objects, [[], ["-DDOUBLE"]]):
            subprocess.run(compiler + FLAGS + define + ["-c", str(SOURCE), "-o", str(obj)],
                           check=True)
        subprocess.run((link or compiler + ["-shared"]) + [str(o) for o in objects]
                       + ["-o", str(out)], check=True)
    return out
