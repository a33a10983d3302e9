"""The book's structure: every chapter follows the pattern the README describes."""
import json
import pathlib
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
    checks = [c for c in code if "check_" in _text(c)]
    solutions = [c for c in code if "hide-input" in c["metadata"].get("tags", [])
                 and c["metadata"].get("jupyter", {}).get("source_hidden")]
    wanted = 1 if path.stem.startswith("00") else 2
    assert len(solutions) >= wanted, f"at least {wanted} hidden reference solutions"
    assert all("check_" in _text(c) for c in solutions), "each solution is checked"
    assert len({_text(c).split("check_")[1].split("(")[0] for c in checks}) >= wanted
    assert "import nnlib" in "\n".join(_text(c) for c in code) or "from nnlib" in "\n".join(
        _text(c) for c in code)
    for c in code:
        assert "from chapters" not in _text(c) and "import chapters" not in _text(c)


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
    """nnlib must stay readable in an afternoon: at most 1,500 non-blank lines, docstrings
    included (the exercise checkers in nnlib/exercises are book content, not counted)."""
    lines = [line for path in sorted((ROOT / "nnlib").glob("*.py"))
             for line in path.read_text().splitlines() if line.strip()]
    assert len(lines) <= 1500, f"nnlib/*.py has {len(lines)} non-blank lines (at most 1500)"
