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
"""
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


def setup(app):
    # after myst-nb has added its per-page scripts (default priority 500)
    app.connect("html-page-context", drop_unused_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
