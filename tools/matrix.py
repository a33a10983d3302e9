"""Python x NumPy matrix (issue #15): nnlib and every chapter on Python 3.10-3.13, NumPy 2.x.

    python tools/matrix.py                        # every combination, unit tests + chapters
    python tools/matrix.py --quick                # unit tests only
    python tools/matrix.py --only 3.10:2.0.2 3.13:newest 3.12   # 3.12: both of its rows
    python tools/matrix.py --out /tmp/matrix      # venvs and logs there, not in _build/matrix

For each Python, the oldest and the newest NumPy 2.x with wheels for it (MATRIX below;
"newest" is whatever PyPI has today). Each combination gets its own venv,
_build/matrix/py3.10-np2.0.2/ (reused once complete), with requirements.txt minus the
book build and the browser test (jupyter-book, playwright), numpy pinned, plus PyYAML and
nbclient, which tests/test_book.py and test_learner_path.py use and jupyter-book otherwise
brings; pip resolves everything else for that Python and NumPy. Inside it:

1. the unit tests, `pytest tests` without nbval and without the browser, PDF, lite and
   torch tests;
2. (not with --quick) each chapter under strict nbval, with pyproject's addopts -- what
   `python -m pytest` runs -- reading MNIST from $NNLIB_DATA.

Each venv's pytest run sets the environment of tools/reproducible.py (conftest.py at
the root: two BLAS threads, AVX2 kernels on x86-64), computed there with that venv's
NumPy. Python comes from <root>/3.X.N/bin/python, root being
--python-root, else $PYENV_ROOT/versions, else ~/.pyenv/versions; else python3.X on PATH;
a Python found nowhere is skipped and said so. Logs and JUnit XML stay in each venv's
directory. Prints a table; exits 1 if anything failed. Not part of CI: the whole matrix
takes about an hour on 2 cores (README: "Supported Python and NumPy versions").
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[1]
# Python -> pip specifiers of the oldest and the newest NumPy 2.x with wheels for it.
MATRIX = {
    "3.10": ["==2.0.2", "<3"],       # 2.2 is the last NumPy for 3.10
    "3.11": ["==2.0.2", "<3"],
    "3.12": ["==2.0.2", "<3"],
    "3.13": ["<2.2", "<3"],          # 2.0 has no 3.13 wheels: the newest 2.1.x
}
NOT_HERE = {"jupyter-book", "playwright", "numpy"}           # from requirements.txt
NOT_UNIT = ["test_browser.py", "test_pdf.py", "test_lite.py", "test_torch_*.py"]


def find_python(version, root):
    """The newest <root>/3.X.N/bin/python, else python3.X on PATH, else None."""
    found = [p for p in pathlib.Path(root).glob(f"{version}.*/bin/python")
             if re.fullmatch(rf"{re.escape(version)}\.\d+", p.parents[1].name)]
    if found:
        return max(found, key=lambda p: int(p.parents[1].name.split(".")[2]))
    return shutil.which(f"python{version}")


def resolve(python, spec):
    """The NumPy version pip would install for ``python`` from ``numpy<spec>``, wheels only."""
    done = subprocess.run(
        [python, "-m", "pip", "install", "--dry-run", "--quiet", "--report", "-", "--no-deps",
         "--ignore-installed", "--only-binary=:all:", f"numpy{spec}"],
        capture_output=True, text=True)
    if done.returncode:
        return None
    return json.loads(done.stdout)["install"][0]["metadata"]["version"]


def requirements(numpy):
    """requirements.txt for these tests: without NOT_HERE, with numpy pinned, and what
    jupyter-book brings that the tests use: PyYAML and nbclient."""
    args = []
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and re.match(r"[\w.-]*", line).group().lower() not in NOT_HERE:
            args += line.split()                                     # "-e ." -> "-e", "."
    return args + [f"numpy=={numpy}", "pyyaml", "nbclient"]


def venv(python, numpy, where, env):
    """Create and fill the venv unless already complete; its python, or None if pip failed."""
    bin_python = where / "bin" / "python"
    if (where / "complete.txt").is_file() and bin_python.is_file():
        return bin_python
    subprocess.run([str(python), "-m", "venv", "--clear", str(where)], check=True)
    with open(where / "install.log", "w") as log:
        done = subprocess.run([bin_python, "-m", "pip", "install", "--only-binary=numpy",
                               *requirements(numpy)], cwd=ROOT, env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    if done.returncode:
        return None
    freeze = subprocess.run([bin_python, "-m", "pip", "freeze"], capture_output=True,
                            text=True, check=True).stdout
    (where / "complete.txt").write_text(freeze)
    return bin_python


def pytest(python, args, log, env):
    """Run pytest in the venv from the repository root, output to ``log``; True if passed."""
    with open(log, "w") as out:
        return subprocess.run([python, "-m", "pytest", "-rfE", *args], cwd=ROOT, env=env,
                              stdout=out, stderr=subprocess.STDOUT).returncode == 0


def unit_tests(python, where, env):
    ignore = [f"--ignore={p}" for pattern in NOT_UNIT for p in ROOT.glob(f"tests/{pattern}")]
    ok = pytest(python, ["tests", "-o", "addopts=", "-p", "no:cacheprovider", *ignore,
                         f"--junitxml={where / 'unit.xml'}"], where / "unit.log", env)
    suite = ET.parse(where / "unit.xml").getroot().find("testsuite")
    n = {k: int(suite.get(k)) for k in ("tests", "failures", "errors", "skipped")}
    passed = n["tests"] - n["failures"] - n["errors"] - n["skipped"]
    text = f"{passed} passed" + (f", {n['failures'] + n['errors']} failed" if not ok else "")
    return ok, text + (f", {n['skipped']} skipped" if n["skipped"] else "")


def chapters(python, where, env):
    """Each chapter under the repository's nbval settings; the failing ones' numbers."""
    (where / "chapters").mkdir(exist_ok=True)
    paths = sorted((ROOT / "chapters").glob("*.ipynb"))
    failed = []
    for path in paths:
        start = time.perf_counter()
        log = where / "chapters" / f"{path.stem}.log"
        ok = pytest(python, ["-vv", str(path.relative_to(ROOT))], log, env)   # -vv: whole diffs
        print(f"    {path.stem}: {'passed' if ok else f'FAILED, see {log}'} "
              f"({time.perf_counter() - start:.0f} s)", flush=True)
        failed += [] if ok else [path.stem[:2]]
    return not failed, (f"{len(paths) - len(failed)}/{len(paths)}"
                        + (f", failed: {' '.join(failed)}" if failed else ""))


def run(version, spec, root, out, quick):
    """One combination: (ok, row of the table)."""
    python = find_python(version, root)
    if python is None:
        print(f"{version}: skipped, Python {version} is not installed "
              f"(looked in {root}/{version}.* and for python{version} on PATH)")
        return True, [version, spec, "-", "-", "skipped: no interpreter", "-"]
    start = time.perf_counter()
    numpy = resolve(python, spec)
    if numpy is None:
        return False, [version, spec, "-", "no wheel on PyPI", "-", "-"]
    where = out / f"py{version}-np{numpy}"
    env = dict(os.environ, VIRTUAL_ENV=str(where),
               PATH=f"{where / 'bin'}{os.pathsep}{os.environ['PATH']}")
    print(f"{version} x numpy {numpy}: {python}, {where}", flush=True)
    python = venv(python, numpy, where, env)
    if python is None:
        return False, [version, numpy, "-", f"pip failed: {where / 'install.log'}", "-", "-"]
    versions = subprocess.run(
        [python, "-c", "import sys, numpy, matplotlib; "
         "print(sys.version.split()[0], numpy.__version__, matplotlib.__version__)"],
        capture_output=True, text=True, check=True).stdout.split()
    unit_ok, unit = unit_tests(python, where, env)
    print(f"    unit tests: {unit}" + ("" if unit_ok else f", see {where / 'unit.log'}"),
          flush=True)
    chap_ok, chap = (True, "-") if quick else chapters(python, where, env)
    minutes = f"{(time.perf_counter() - start) / 60:.1f}"
    return unit_ok and chap_ok, versions + [unit, chap, minutes]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="unit tests only, no chapters")
    parser.add_argument("--only", nargs="+", metavar="PY[:NUMPY]",
                        help="e.g. 3.10:2.0.2, 3.13:newest, or 3.12 for both its rows")
    parser.add_argument("--python-root", default=pathlib.Path(
        os.environ.get("PYENV_ROOT", pathlib.Path.home() / ".pyenv")) / "versions",
        help="directory holding 3.X.N/bin/python (default: $PYENV_ROOT/versions)")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "_build" / "matrix",
                        help="where the venvs and logs go (default: _build/matrix)")
    args = parser.parse_args()
    combos = [(v, s) for v, specs in MATRIX.items() for s in specs]
    if args.only:
        combos = []
        for item in args.only:
            version, _, numpy = item.partition(":")
            specs = MATRIX.get(version, []) if not numpy else ["<3" if numpy == "newest"
                                                                 else f"=={numpy}"]
            combos += [(version, s) for s in specs]
    if not os.environ.get("NNLIB_DATA") and not args.quick:
        print("NNLIB_DATA is not set: the chapters will look for MNIST in nnlib's cache")
    rows, all_ok = [], True
    for version, spec in combos:
        ok, row = run(version, spec, args.python_root, args.out.resolve(), args.quick)
        rows.append(row + ["" if ok else "FAILED"])
        all_ok &= ok
    header = ["Python", "NumPy", "matplotlib", "unit tests", "chapters", "minutes", ""]
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    print()
    for row in [header] + rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())
    sys.exit(0 if all_ok else 1)


if __name__ == "__main__":
    main()
