"""The book's structure: every chapter follows the pattern the README describes."""
import json
import pathlib
import re
import sys

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import nb  # noqa: E402  (tools/nb.py: the set-up cell generator)

CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text())


def _cells(path):
    return json.loads(path.read_text())["cells"]


def _text(cell):
    return "".join(cell["source"])


def _headings(markdown):
    """Heading lines of a markdown text, skipping fenced code blocks."""
    fenced, found = False, []
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            found.append(line)
    return found


def test_toc_lists_every_chapter_in_order():
    listed = [entry["file"] for entry in TOC["chapters"]]
    on_disk = [f"chapters/{p.stem}" for p in CHAPTERS]
    assert listed == sorted(listed), "chapters must be listed in reading order"
    assert listed == on_disk, "every chapter on disk is in _toc.yml and vice versa"


def test_project_files_are_there():
    for name in ["_config.yml", "_toc.yml", "intro.md", "README.md", "requirements.txt",
                 "pyproject.toml", ".ci/run", "tests/sanitize.cfg"]:
        assert (ROOT / name).exists(), name
    assert "-e ." in (ROOT / "requirements.txt").read_text().splitlines()
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert config["execute"]["execute_notebooks"] == "force"
    assert config["launch_buttons"]["binderhub_url"] and config["launch_buttons"]["colab_url"]


def _tags(cell):
    return cell["metadata"].get("tags", [])


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_follows_the_pattern(path):
    cells = _cells(path)
    first = cells[0]
    assert _text(first) == nb.setup_source(), "first cell must be the synced set-up cell (tools/nb.py sync)"
    assert "remove-cell" in first["metadata"].get("tags", [])
    markdown = "\n".join(_text(c) for c in cells if c["cell_type"] == "markdown")
    code = [c for c in cells[1:] if c["cell_type"] == "code"]
    assert markdown.lstrip().startswith("# "), "a chapter opens with its # title"
    assert sum(h.startswith("# ") for h in _headings(markdown)) == 1, "exactly one # title"
    assert "What you will learn" in markdown and "## Summary" in markdown
    assert any("slider(" in _text(c) for c in code), "at least one slider"
    assert "import nnlib" in "\n".join(_text(c) for c in code) or "from nnlib" in "\n".join(
        _text(c) for c in code)
    for c in code:
        assert "from chapters" not in _text(c) and "import chapters" not in _text(c)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_exercises_follow_the_conventions(path):
    """Exercise, solution and prediction cells as tools/nb.py describes them:
    the reader's function carries the chapter forward, solutions stay hidden
    (HTML toggle, JupyterLab, Colab form) and never overwrite the reader's work."""
    cells = [c for c in _cells(path) if c["cell_type"] == "code"]
    exercises = [c for c in cells if "exercise" in _tags(c)]
    solutions = [c for c in cells if "solution" in _tags(c)]
    predictions = [c for c in cells if "prediction" in _tags(c)]
    chapter = int(path.stem[:2])
    wanted = 1 if chapter == 0 else 2 if chapter < 3 else 3
    checked = {n for c in exercises for n in nb._checkers(_text(c))}
    own = nb.count([path])[0][0][1]
    assert len(own) >= wanted, f"at least {wanted} checked exercises of its own"
    if chapter >= 3:
        assert predictions, "at least one prediction checked before its experiment"
    for c in exercises:
        for name in nb._checkers(_text(c)):
            assert re.search(rf"^{name} = check_{name}\(\s*{name}\s*\)", _text(c), re.M), (
                f"an exercise cell keeps the function it gets back: "
                f"`{name} = check_{name}({name})`")
    for c in solutions:
        text = _text(c)
        assert "hide-input" in _tags(c), "a solution is behind the HTML toggle"
        assert c["metadata"].get("jupyter", {}).get("source_hidden"), "collapsed in Jupyter"
        assert c["metadata"].get("cellView") == "form", "hidden in Colab (a form cell)"
        assert text.startswith("# @title"), "Colab shows a form cell's title"
        names = nb._checkers(_text(c))
        assert names, "each solution is checked"
        for name in names:
            assert re.search(rf"^def {name}_solution\(", text, re.M), (
                f"the solution defines {name}_solution, never {name} itself")
            assert not re.search(rf"^def {name}\(", text, re.M)
    others = "\n".join(_text(c) for c in cells if "solution" not in _tags(c))
    assert "_solution" not in others, "no cell depends on a solution cell"
    assert len(solutions) >= len(checked), "every exercise has its hidden solution"


def test_learner_path_counts():
    """Issue #11's counts: 40 checked exercises, 15 multi-step, assignments."""
    from nnlib.exercises import ALL
    rows, totals = nb.count(CHAPTERS)
    assert totals["exercises"] >= 40 and totals["multi-step"] >= 15, totals
    written = set()
    for chapter, exercises, multi, questions, built in rows:
        written.update(exercises)
        if chapter in {"07", "09", "10", "11"}:
            assert built, f"chapter {chapter} assembles an assignment"
            for name in built:
                used = ALL[f"check_{name}"].builds_on
                assert set(used) <= written, (name, set(used) - written)


def test_student_edition_has_no_solutions(tmp_path):
    out = nb.student(tmp_path / "student", build=False)
    for path in CHAPTERS:
        original = _cells(path)
        stripped = _cells(out / "chapters" / path.name)
        kept = [c for c in original if "solution" not in _tags(c)]
        assert not any("solution" in _tags(c) for c in stripped)
        assert [_text(c) for c in stripped] == [_text(c) for c in kept]
    for name in ["_config.yml", "_toc.yml", "intro.md"]:
        assert (out / name).exists()


def test_a_chapter_runs_without_its_solutions(tmp_path):
    """The student edition still runs: the checkers' references stand in."""
    from nbclient import NotebookClient
    import nbformat

    out = nb.student(tmp_path / "student", build=False)
    path = out / "chapters" / "05_gradient_descent.ipynb"
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    printed = "".join(o.get("text", "") for c in notebook.cells
                      for o in c.get("outputs", []))
    assert "the cells below use the book's gradient_descent" in printed


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_is_saved_executed_in_order(path):
    code = [c for c in _cells(path) if c["cell_type"] == "code" and _text(c).strip()]
    counts = [c["execution_count"] for c in code]
    assert None not in counts, "every code cell is saved with its outputs"
    assert counts == list(range(1, len(code) + 1)), "run top to bottom from a fresh kernel"
    for c in code:
        for out in c.get("outputs", []):
            assert out["output_type"] != "error", "a chapter is saved without errors"


def test_library_stays_small():
    """nnlib must stay readable in an afternoon: at most 1,575 non-blank lines, docstrings
    included (the exercise checkers in nnlib/exercises are book content, not counted).
    The bound was 1,500 until the browser's matrix products (_matmul.py, 62 lines; its
    WebAssembly kernel, _gemm.c, is 85 non-blank lines of C, not counted here)."""
    lines = [line for path in sorted((ROOT / "nnlib").glob("*.py"))
             for line in path.read_text().splitlines() if line.strip()]
    assert len(lines) <= 1575, f"nnlib/*.py has {len(lines)} non-blank lines (at most 1575)"


def test_no_code_line_is_longer_than_79_characters():
    long_lines = {}
    for path in CHAPTERS:
        for cell in _cells(path):
            if cell["cell_type"] == "code":
                for line in "".join(cell["source"]).splitlines():
                    if len(line) > 79:
                        long_lines.setdefault(path.name, []).append(line)
    assert long_lines == {}
