""""Run in the browser": a launch button that opens the chapter in the book's own
JupyterLite app (issue #15).

`python tools/lite.py build`, run after the HTML build, writes the app into
``_build/html/lite/`` with every chapter under ``chapters/``. This extension
adds, first in each chapter page's launch menu (the rocket, beside Binder and
Colab), a link to ``lite/notebooks/index.html?path=chapters/NN_topic.ipynb``,
relative to the page, so the book works from any folder or host. The link is
only a link: a page loads nothing of the app until the reader follows it.
"""

LITE_DIR = "lite"           # tools/lite.py writes the app here, inside the HTML output
LITE_UI = "notebooks/index.html"   # Notebook 7 interface: one chapter, full width


def lite_url(pagename):
    up = "../" * pagename.count("/")
    return f"{up}{LITE_DIR}/{LITE_UI}?path={pagename}.ipynb"


def add_run_in_browser(app, pagename, templatename, context, doctree):
    if not pagename.startswith("chapters/"):
        return
    for group in context.get("header_buttons") or []:
        if group.get("label") == "launch-buttons":
            group["buttons"].insert(0, {
                "type": "link",
                "text": "Run in the browser",
                "tooltip": "Run this chapter in your browser (JupyterLite: "
                           "no install, no server, works offline)",
                "icon": "_static/images/logo_jupyterlite.svg",
                "url": lite_url(pagename),
                "label": "run-in-browser",
            })


def setup(app):
    # after sphinx-book-theme has built the launch menu (priority 501)
    app.connect("html-page-context", add_run_in_browser, priority=510)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
