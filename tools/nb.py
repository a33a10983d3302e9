"""Chapter housekeeping: `python tools/nb.py sync|run [chapters...]`.

sync  writes the set-up cell (first cell of every chapter, removed from the HTML)
      from the repository URL in _config.yml -- the one place it is configured.
run   executes chapters in place, top to bottom in a fresh kernel, the way nbval and
      the book build will, and saves them with their outputs; prints each run time.
"""
import os
import pathlib
import sys
import time

import nbformat
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "chapters"
SETUP_TAGS = ["remove-cell", "setup"]


def setup_source():
    """The first cell of every chapter: install nnlib where it is missing (Colab)."""
    repo = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]
    url = f"git+{repo['url']}@{repo.get('branch', 'main')}"
    return (
        "# Set-up for Colab and other fresh environments: install nnlib if it is missing.\n"
        "import importlib.util, subprocess, sys\n"
        "if importlib.util.find_spec(\"nnlib\") is None:\n"
        f"    subprocess.check_call([sys.executable, \"-m\", \"pip\", \"install\", \"-q\", \"nnlib @ {url}\"])"
    )


def sync(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0] if nb.cells else None
    if first is not None and "setup" in first.metadata.get("tags", []):
        first.source = setup_source()
        first.metadata["tags"] = SETUP_TAGS
    else:
        cell = nbformat.v4.new_code_cell(setup_source(), metadata={"tags": SETUP_TAGS})
        nb.cells.insert(0, cell)
    nbformat.write(nb, path)


def run(path):
    from nbclient import NotebookClient

    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "2")     # as in tests/conftest.py: saved outputs = tested outputs

    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(argv):
    if not argv or argv[0] not in {"sync", "run"}:
        sys.exit(__doc__)
    paths = [pathlib.Path(p).resolve() for p in argv[1:]] or sorted(CHAPTERS.glob("*.ipynb"))
    for path in paths:
        if argv[0] == "sync":
            sync(path)
            print(f"synced {path.name}")
        else:
            print(f"{path.name}: ran in {run(path):.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
