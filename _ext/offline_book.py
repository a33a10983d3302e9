"""Keep every page of the book self-contained, light and free of console errors.

Thebe (live code in the page) is not used by this book -- the launch buttons open
Binder and Colab instead -- but Jupyter Book always loads sphinx-thebe, whose
configuration script names a CDN and, with Sphinx 7, is added twice, which is a
JavaScript error on every page. This extension leaves those scripts out.

myst-nb attaches the ipywidgets JavaScript (about 3.6 MB, served from
``vendor/ipywidgets``) and the saved widget state to every page whose notebook
ever created a widget. Our sliders render their static fallback in HTML, so a
page only needs that JavaScript when it really shows a widget view; on all
other pages this extension drops the scripts and the state.

Accessibility (axe-core's label-content-name-mismatch): the theme's search
buttons and sphinx-togglebutton's "Show code cell source" toggles carry an
aria-label that differs from their visible text, so a speech-input user
saying what they see would not reach them; the colour-mode button's icons
carry titles that read as its content. After the build this extension drops
those aria-labels (the visible text is then the name) and the icons' titles,
and hides the icons from assistive technology (the button keeps its
aria-label).

In the PDF (the LaTeX builder), the landing page's sections come before
chapter 0 and would be numbered as chapters 1-4, shifting every chapter's
number. This extension makes them unnumbered front matter and starts the
chapter counter so that the first chapter of the table of contents is
Chapter 0, as in the HTML book.
"""
import pathlib
import re

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _is_widget_script(script):
    name = getattr(script, "filename", None) or ""
    attributes = getattr(script, "attributes", {}) or {}
    return ("ipywidgets/" in name
            or attributes.get("type") == "application/vnd.jupyter.widget-state+json")


def _is_thebe_script(script):
    name = getattr(script, "filename", None) or ""
    body = (getattr(script, "attributes", {}) or {}).get("body", "")
    return name.endswith("sphinx-thebe.js") or "THEBE_JS_URL" in body


def drop_unused_scripts(app, pagename, templatename, context, doctree):
    needs_widgets = WIDGET_VIEW in context.get("body", "")
    scripts = context.get("script_files") or []
    context["script_files"] = [
        s for s in scripts
        if not _is_thebe_script(s) and (needs_widgets or not _is_widget_script(s))
    ]


def number_chapters_like_the_web_book(app, exception):
    """Edit the written .tex before it is compiled: intro unnumbered, chapter 0 first."""
    if exception or app.builder.name != "latex":
        return
    first = app.env.toctree_includes[app.config.root_doc][0]
    for document in app.config.latex_documents:
        tex = pathlib.Path(app.outdir, document[1])
        text = tex.read_text(encoding="utf-8")
        start = text.index(r"\label{\detokenize{%s::doc}}" % first)
        start = text.rindex(r"\chapter{", 0, start)
        intro = re.sub(r"\\chapter\{([^}]*)\}",
                       lambda m: r"\chapter*{%s}\addcontentsline{toc}{chapter}{%s}"
                       % (m.group(1), m.group(1)), text[:start])
        tex.write_text(intro + "\\setcounter{chapter}{-1}\n" + text[start:], encoding="utf-8")


ACCESSIBLE_NAMES = [   # (pattern, replacement)
    (r'<summary aria-label="Toggle hidden content">', "<summary>"),
    (r'title="Search" aria-label="Search" ', 'title="Search" '),
    # Font Awesome turns each icon's title into an SVG <title>, read as the button's text
    (r'<i (?:aria-hidden="true" )?(class="theme-switch [^"]*" data-mode="\w+")\s+title="[^"]*"', r'<i aria-hidden="true" \1'),
]


def name_controls_by_their_visible_text(app, exception):
    """Rewrite the written pages: see ACCESSIBLE_NAMES (HTML builder only)."""
    if exception or app.builder.format != "html":
        return
    for page in pathlib.Path(app.outdir).rglob("*.html"):
        text = original = page.read_text(encoding="utf-8")
        for pattern, replacement in ACCESSIBLE_NAMES:
            text = re.sub(pattern, replacement, text)
        if text != original:
            page.write_text(text, encoding="utf-8")


def setup(app):
    app.connect("build-finished", name_controls_by_their_visible_text)
    app.connect("build-finished", number_chapters_like_the_web_book)
    # after myst-nb has added its per-page scripts (default priority 500)
    app.connect("html-page-context", drop_unused_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
