"""The book as one PDF (`python tools/nb.py pdf`), read back with poppler-utils.

Every chapter is there, numbered as in the web book (Chapter 0 ... Chapter 12,
the landing page unnumbered before them), every figure and every slider (at its
starting frame) is there, the maths is typeset, and the HTML book links to the
PDF. The PDF is built first when it is missing or older than its sources.
Without XeLaTeX or poppler-utils the test skips with the reason, except where
NNLIB_REQUIRE_PDF is set (CI), where it fails.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
PDF = ROOT / "_build" / "book.pdf"
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
sys.path.insert(0, str(ROOT / "tools"))
import nb  # noqa: E402


def _unavailable(reason):
    if os.environ.get("NNLIB_REQUIRE_PDF"):
        pytest.fail(f"the PDF test is required here but {reason}")
    pytest.skip(reason)


def _sources():
    patterns = ["chapters/*.ipynb", "_ext/*.py", "*.yml", "*.md", "nnlib/widgets.py"]
    return [p for pattern in patterns for p in ROOT.glob(pattern)]


@pytest.fixture(scope="module")
def pdf():
    for tool in ("xelatex", "latexmk", "pdfinfo", "pdftotext", "pdfimages"):
        if not shutil.which(tool):
            _unavailable(f"{tool} is not installed (see README: the PDF)")
    if not PDF.exists() or PDF.stat().st_mtime < max(p.stat().st_mtime for p in _sources()):
        nb.pdf()
    return PDF


def _run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def _title(path):
    cells = json.loads(path.read_text())["cells"]
    first = next(c for c in cells if c["cell_type"] == "markdown")
    return "".join(first["source"]).splitlines()[0].lstrip("# ").strip()


def _figures(path):
    """Image outputs and sliders a chapter shows (each slider prints one frame)."""
    count = 0
    for cell in json.loads(path.read_text())["cells"]:
        if "remove-output" in cell.get("metadata", {}).get("tags", []):
            continue
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            count += "image/png" in data
    return count


def test_pages_chapters_in_order_numbered_from_zero(pdf):
    pages = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(pdf))).group(1))
    assert pages >= 150, pages
    text = _run("pdftotext", "-layout", str(pdf), "-")
    positions = []
    for number, path in enumerate(CHAPTERS):
        title = _title(path)
        heading = re.search(rf"Chapter {number}\.?\s+{re.escape(title[:30])}", text)
        assert heading, f"no 'Chapter {number}' titled {title!r} in the PDF"
        positions.append(heading.start())
    assert positions == sorted(positions), "chapters out of order"
    assert "Chapter 13" not in text, "the landing page must not shift the numbering"
    assert "<slider over" not in text, "a slider printed as text instead of its frame"
    assert "(In the web version this figure is a slider" in text


def test_every_figure_is_in_the_pdf(pdf):
    listed = _run("pdfimages", "-list", str(pdf)).splitlines()[2:]
    images = [line for line in listed if line.split()[2] == "image"]
    expected = sum(_figures(p) for p in CHAPTERS)
    assert len(images) >= expected, f"{len(images)} images in the PDF, {expected} figures"


def test_maths_is_typeset(pdf):
    text = _run("pdftotext", str(pdf), "-")
    assert "$$" not in text, "raw TeX leaked into the PDF"
    assert "∂" in text and ("Σ" in text or "∑" in text)


def test_the_web_book_links_to_the_pdf():
    intro = (ROOT / "intro.md").read_text()
    assert 'href="book.pdf"' in intro
    html = ROOT / "_build" / "html"
    if (html / "index.html").exists() and PDF.exists():
        assert (html / "book.pdf").exists(), "run `python tools/nb.py pdf` after the HTML build"
