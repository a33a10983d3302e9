"""The built HTML book, opened as a reader would: headless Chromium on localhost.

Every page loads with no console error and no request to any other host, maths is
rendered, every static slider changes its figure when moved, and chapter pages carry
the Binder and Colab launch buttons. For issue #14: axe-core (from npm) finds no
serious or critical violation on any page in light or dark mode, every figure and
slider frame has alt text saying what it shows (a frame names its values), figures
are dark in dark mode, and no page scrolls sideways on a 390 px phone. The book is
built first if `_build/html` is
missing or older than its sources. Without Chromium the test skips with the reason,
except where NNLIB_REQUIRE_BROWSER is set (CI), where it fails.
"""
import functools
import http.server
import os
import pathlib
import re
import shutil
import subprocess
import threading
from urllib.parse import urlparse

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update"]
BUILD = ["jupyter-book", "build", str(ROOT), "--builder", "html", "-W", "-n", "--keep-going"]


def _unavailable(reason):
    if os.environ.get("NNLIB_REQUIRE_BROWSER"):
        pytest.fail(f"browser test required here but {reason}")
    pytest.skip(reason)


def _sources():
    patterns = ["chapters/*.ipynb", "nnlib/**/*.py", "_ext/**/*", "*.yml", "*.md"]
    return [p for pattern in patterns for p in ROOT.glob(pattern)]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    """Serve the built book on 127.0.0.1; build it first when it is stale."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright package is not installed (pip install playwright)")
    if not os.path.exists(CHROMIUM):
        _unavailable("no Chromium at /usr/bin/chromium (Debian: apt-get install chromium)")
    index = HTML / "index.html"
    if not index.exists() or index.stat().st_mtime < max(p.stat().st_mtime for p in _sources()):
        for part in ["html", "jupyter_execute", ".doctrees"]:   # from scratch: every chapter
            shutil.rmtree(ROOT / "_build" / part, ignore_errors=True)   # re-executed
        build = subprocess.run(BUILD, cwd=ROOT, capture_output=True, text=True)
        assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(HTML)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def _pages():
    # lite/ is the in-browser app (tools/lite.py), tested by tests/test_lite.py
    return sorted(p.relative_to(HTML).as_posix() for p in HTML.rglob("*.html")
                  if not p.relative_to(HTML).parts[0].startswith("_")
                  and p.relative_to(HTML).parts[0] != "lite")


def _chapter_pages():
    return sorted(f"chapters/{p.stem}.html" for p in (ROOT / "chapters").glob("*.ipynb"))


def _open(browser, url):
    """Open url; return the page and the problems seen while it loaded."""
    page = browser.new_page()
    problems = []
    host = urlparse(url).hostname

    def route(r):
        if urlparse(r.request.url).hostname not in (host, None) and not r.request.url.startswith("data:"):
            problems.append(f"request to another host: {r.request.url}")
            r.abort()
        else:
            r.continue_()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and problems.append(f"console error: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    page.goto(url, wait_until="networkidle")
    return page, problems


def test_every_page_loads_cleanly_and_renders_math(site, browser):
    pages = _pages()
    assert "intro.html" in pages and len(pages) >= 3
    problems = {}
    for path in pages:
        page, seen = _open(browser, f"{site}/{path}")
        if page.locator("span.math, div.math").count():
            try:
                page.wait_for_selector("mjx-container", state="attached", timeout=20000)
            except Exception:
                seen.append("maths was not rendered")
        page.close()
        if seen:
            problems[path] = seen
    assert problems == {}


@pytest.mark.parametrize("path", _chapter_pages())
def test_chapter_sliders_move_and_launch_buttons_exist(site, browser, path):
    page, problems = _open(browser, f"{site}/{path}")
    html = page.content()
    assert "mybinder.org/v2/gh/" in html, "no Binder launch button"
    assert "colab.research.google.com/github/" in html, "no Colab launch button"
    sliders = page.locator(".nnlib-slider")
    assert sliders.count() >= 1, "a chapter needs at least one slider"
    for i in range(sliders.count()):
        box = sliders.nth(i)
        img = box.locator("img.nnlib-frame")
        for j in range(box.locator("input[type=range]").count()):
            before = img.get_attribute("src")
            rng = box.locator("input[type=range]").nth(j)
            rng.focus()
            at_end = rng.evaluate("r => r.value === r.max")
            rng.press("Home" if at_end else "End")   # as a reader moving it with the keyboard
            assert img.get_attribute("src") != before, f"slider {i} input {j} did not change its figure"
    page.close()
    assert problems == []


# ---- accessibility, dark mode, narrow screens (issue #14) ---------------------------
AXE = ROOT / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
GENERIC_ALT = re.compile(r"^$|^[0-9a-f]{16,}(\.png)?$|^figure for the slider value$|^image$",
                         re.I)
SERIOUS = """async () => {
    const r = await axe.run(document, {resultTypes: ['violations']});
    return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                       .map(v => v.id + ' (' + v.nodes.length + ')');
}"""

SETTLED = """() => document.getAnimations().every(
    a => !(a instanceof CSSTransition) || a.playState !== 'running')"""


def _lightness(png):
    import io

    import numpy as np
    from PIL import Image

    return float(np.asarray(Image.open(io.BytesIO(png)).convert("L")).mean()) / 255


@pytest.fixture(scope="module")
def reports(site, browser):
    """Each page visited once: axe in light and in dark mode, alt texts, figure
    lightness in dark mode, and the page width on a 390 px phone."""
    if not AXE.exists():
        _unavailable("axe-core is not installed (npm install --no-save --prefix .axe axe-core@4)")
    source, found = AXE.read_text(), {}
    for path in _pages():
        page = browser.new_page(color_scheme="light")
        page.goto(f"{site}/{path}", wait_until="networkidle")
        page.add_script_tag(content=source)
        report = {"light": page.evaluate(SERIOUS),
                  "alts": page.eval_on_selector_all(".bd-content img", "es => es.map(e => e.alt)"),
                  "frames": page.eval_on_selector_all(
                      ".nnlib-slider", "es => es.map(e => [e.querySelector('img').alt, "
                      "Array.from(e.querySelectorAll('output')).map(o => o.textContent)])")}
        page.emulate_media(color_scheme="dark")
        page.wait_for_function("document.documentElement.dataset.theme === 'dark'")
        # the theme fades colours over 0.15-0.25 s: judge the page once they have settled
        # (a loaded machine caught a link half-way, failing colour contrast)
        page.wait_for_function(SETTLED)
        report["dark"] = page.evaluate(SERIOUS)
        figures = page.locator(".bd-content .cell_output img, .bd-content img.nnlib-frame")
        report["lightness"] = []
        for i in range(figures.count()):
            figures.nth(i).scroll_into_view_if_needed()
            report["lightness"].append(_lightness(figures.nth(i).screenshot()))
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_timeout(200)
        report["width"] = page.evaluate("document.documentElement.scrollWidth")
        page.close()
        found[path] = report
    return found


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_serious_violation(reports, mode):
    assert {path: r[mode] for path, r in reports.items() if r[mode]} == {}


def test_every_figure_has_meaningful_alt_text(reports):
    missing = {}
    for path, r in reports.items():
        bad = [a for a in r["alts"] if GENERIC_ALT.match(a.strip())]
        bad += [alt for alt, values in r["frames"] if not all(v in alt for v in values)]
        if bad:
            missing[path] = bad
    assert missing == {}, "figures without alt text saying what they show"


def test_figures_are_dark_in_dark_mode(reports):
    """No bright white card: every figure's rendered mean lightness is below one half."""
    bright = {path: [round(x, 2) for x in r["lightness"] if x > 0.5]
              for path, r in reports.items()}
    assert {path: b for path, b in bright.items() if b} == {}


def test_no_page_scrolls_sideways_on_a_phone(reports):
    assert {path: r["width"] for path, r in reports.items() if r["width"] > 390} == {}


def test_slider_frames_name_their_values_after_a_move(site, browser):
    page = browser.new_page()
    page.goto(f"{site}/{_chapter_pages()[0]}", wait_until="networkidle")
    box = page.locator(".nnlib-slider").first
    box.locator("input[type=range]").first.focus()
    box.locator("input[type=range]").first.press("End")
    alt = box.locator("img").get_attribute("alt")
    value = box.locator("output").first.text_content()
    page.close()
    assert value in alt
