"""Chapter housekeeping: `python tools/nb.py sync|run|count|student ...`.

sync [chapters...]   writes the set-up cell (first cell of every chapter, removed
                     from the HTML) from the repository URL in _config.yml -- the
                     one place it is configured.
run [chapters...]    executes chapters in place, top to bottom in a fresh kernel,
                     the way nbval and the book build will, and saves them with
                     their outputs; prints each run time.
count                counts the checked exercises, the multi-step ones, the
                     predictions and the assignments, chapter by chapter.
html                 builds the HTML book into _build/html from the chapters' saved
                     outputs, without executing them (CI does this: nbval executes
                     every chapter and compares it with those outputs).
pdf                  builds the whole book as one PDF, _build/book.pdf (and a copy
                     in _build/html when the HTML book is there, which links to
                     it), from the chapters' saved outputs -- the outputs nbval
                     proves the chapters reproduce. Needs XeLaTeX (see README).
student OUT [--no-build]
                     the edition without solutions, for instructors: writes the
                     book's sources into OUT with every solution cell removed
                     (OUT/chapters/*.ipynb are the notebooks to hand out), then
                     builds its HTML into OUT/_build/html.

Cell conventions (tests/test_book.py holds every chapter to them):
  exercise cell   tag "exercise": the reader's stub, then ``f = check_f(f)``
  solution cell   tags "solution" and "hide-input", metadata
                  jupyter.source_hidden and Colab's cellView "form", first line
                  "# @title Solution ...": defines ``f_solution`` (never ``f``,
                  so running it cannot overwrite the reader's work)
  prediction      tag "prediction": ``check_q(my_guess)`` before an experiment
"""
import ast
import pathlib
import re
import shutil
import subprocess
import sys
import time

import nbformat
import yaml

import reproducible

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "chapters"
SETUP_TAGS = ["remove-cell", "setup"]


def setup_source():
    """The first cell of every chapter: install nnlib where it is missing (Colab).
    Lines stay within 79 characters, however long the repository URL is."""
    repo = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]
    spec = f"nnlib @ git+{repo['url']}@{repo.get('branch', 'main')}"
    pieces = [spec[i:i + 60] for i in range(0, len(spec), 60)]
    quoted = "\n".join(f'        "{p}"' for p in pieces)
    return (
        "# Set-up for Colab and other fresh environments:\n"
        "# install nnlib if it is missing.\n"
        "import importlib.util\n"
        "import subprocess\n"
        "import sys\n"
        "\n"
        "if importlib.util.find_spec(\"nnlib\") is None:\n"
        "    package = (\n"
        f"{quoted}\n"
        "    )\n"
        "    subprocess.check_call(\n"
        "        [sys.executable, \"-m\", \"pip\", \"install\", \"-q\", package])"
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

    reproducible.apply()       # as conftest.py does: saved outputs = tested outputs

    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(nb, path)
    return time.perf_counter() - start


def _tagged(nb, tag):
    return [c for c in nb.cells if tag in c.metadata.get("tags", [])]


def _checkers(source):
    """The names ``x`` of the ``check_x(`` calls in a cell's source."""
    return re.findall(r"\bcheck_(\w+)\(", source)


def logic_lines(source, name):
    """Lines of logic in function ``name`` of ``source``: its body's code lines,
    without the docstring, blank lines and comments."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(
                    getattr(body[0], "value", None), ast.Constant):
                body = body[1:]
            lines = set()
            for stmt in body:
                for sub in ast.walk(stmt):
                    if hasattr(sub, "lineno"):
                        lines.update(range(sub.lineno, sub.end_lineno + 1))
            text = source.splitlines()
            return sum(1 for n in lines if text[n - 1].strip()
                       and not text[n - 1].strip().startswith("#"))
    return 0


def count(paths):
    """Per chapter: the exercises it introduces (its checker module defines
    them; re-checking an earlier chapter's function does not count again),
    the multi-step ones (a solution of 5+ lines of logic), predictions, and
    assignments (built on 3+ of the reader's earlier functions)."""
    import importlib

    from nnlib.exercises import ALL, Exercise, Question

    rows, totals = [], {"exercises": 0, "multi-step": 0, "predictions": 0}
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        try:
            own = vars(importlib.import_module(f"nnlib.exercises.chapter{path.stem[:2]}"))
        except ImportError:
            own = {}
        solutions = {}
        for cell in _tagged(nb, "solution"):
            for name in _checkers(cell.source):
                solutions[name] = logic_lines(cell.source, f"{name}_solution")
        exercises = sorted({n for c in _tagged(nb, "exercise") for n in _checkers(c.source)
                            if isinstance(own.get(f"check_{n}"), Exercise)})
        questions = sorted({n for c in _tagged(nb, "prediction") for n in _checkers(c.source)
                            if isinstance(ALL.get(f"check_{n}"), Question)})
        multi = [n for n in exercises if solutions.get(n, 0) >= 5]
        built = [n for n in exercises if len(ALL[f"check_{n}"].builds_on) >= 3]
        rows.append((path.stem[:2], exercises, multi, questions, built))
        totals["exercises"] += len(exercises)
        totals["multi-step"] += len(multi)
        totals["predictions"] += len(questions)
    return rows, totals


def student(out, build=True):
    """Copy the book's sources to ``out`` without solution cells; build it."""
    out = pathlib.Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    for name in ["_config.yml", "_toc.yml", "intro.md", "images", "vendor", "_ext"]:
        src, dst = ROOT / name, out / name
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dst)
    (out / "chapters").mkdir(exist_ok=True)
    for path in sorted(CHAPTERS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        nb.cells = [c for c in nb.cells if "solution" not in c.metadata.get("tags", [])]
        nbformat.write(nb, out / "chapters" / path.name)
    if build:
        subprocess.run(["jupyter-book", "build", str(out), "--builder", "html"],
                       check=True)
    return out


def _build_saved(builder, out, *options):
    """jupyter-book build with the chapters' saved, tested outputs (no execution)."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["execute"]["execute_notebooks"] = "off"       # the saved, tested outputs
    temporary = ROOT / "_saved_config.yml"               # beside _config.yml: same paths
    temporary.write_text(yaml.safe_dump(config, sort_keys=False))
    try:
        subprocess.run(["jupyter-book", "build", str(ROOT), "--builder", builder,
                        "--config", str(temporary), *options, *out], check=True)
    finally:
        temporary.unlink()
    return config


def html():
    """Build _build/html from the chapters' saved outputs, as the PDF is built (CI:
    nbval re-executes every chapter and compares it with these outputs)."""
    _build_saved("html", [], "-W", "-n", "--keep-going")
    return ROOT / "_build" / "html"


def pdf():
    """Build _build/book.pdf with Jupyter Book's pdflatex builder (XeLaTeX)."""
    config = _build_saved("pdflatex", ["--path-output", str(ROOT / "_build" / "pdf")])
    target = config["latex"]["latex_documents"]["targetname"].replace(".tex", ".pdf")
    built = ROOT / "_build" / "pdf" / "_build" / "latex" / target
    shutil.copy2(built, ROOT / "_build" / "book.pdf")
    if (ROOT / "_build" / "html").is_dir():
        shutil.copy2(built, ROOT / "_build" / "html" / "book.pdf")
    return ROOT / "_build" / "book.pdf"


def main(argv):
    if not argv or argv[0] not in {"sync", "run", "count", "student", "pdf", "html"}:
        sys.exit(__doc__)
    if argv[0] in ("pdf", "html"):
        start = time.perf_counter()
        path = pdf() if argv[0] == "pdf" else html()
        print(f"{path} built in {time.perf_counter() - start:.0f} s")
        return
    if argv[0] == "student":
        if len(argv) < 2:
            sys.exit(__doc__)
        out = student(argv[1], build="--no-build" not in argv)
        print(f"notebooks without solutions in {out / 'chapters'}")
        return
    if argv[0] == "count":
        rows, totals = count(sorted(CHAPTERS.glob("*.ipynb")))
        for ch, exercises, multi, questions, built in rows:
            print(f"ch {ch}: {len(exercises):2d} exercises ({len(multi)} multi-step), "
                  f"{len(questions)} predictions, assignments: {', '.join(built) or '-'}")
        print("total: " + ", ".join(f"{v} {k}" for k, v in totals.items()))
        return
    paths = [pathlib.Path(p).resolve() for p in argv[1:]] or sorted(CHAPTERS.glob("*.ipynb"))
    for path in paths:
        if argv[0] == "sync":
            sync(path)
            print(f"synced {path.name}")
        else:
            print(f"{path.name}: ran in {run(path):.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
