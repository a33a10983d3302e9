"""Sliders that work everywhere the book is read.

A slider is a small grid of parameter values and one figure per value.
:func:`slider` draws every frame once; the same output then carries two views:
a live ipywidgets slider (Jupyter, Binder, Colab) and a self-contained
``text/html`` fallback (a range input, the frames inline, a few lines of
JavaScript) that the HTML book picks (``nb_mime_priority_overrides``), so it
can be dragged with no kernel and no network. Both show the same images::

    def draw(ax, w):
        ax.plot(z, sigmoid(w * z))

    slider(draw, w=np.linspace(-3, 3, 13))
"""
import base64
import html
import io
import itertools
import json
import pathlib

import numpy as np

from . import _validate as v

__all__ = ["slider"]

MAX_FRAMES = 64   # every frame is an image in the page: keep pages light
# Runs once per slider in the static page: move the range, swap the image and its alt.
_SLIDER_JS = (pathlib.Path(__file__).with_name("slider.js")).read_text()


def _label(value):
    """How a slider value is printed: short, and the same on every machine."""
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.3g}"
    return str(value)


def _render(draw, values, figsize, dpi, ncols):
    """Call ``draw(ax_or_axes, **values)`` on a fresh figure; return PNG bytes."""
    from matplotlib.figure import Figure   # not pyplot: frames never pop up as figures

    fig = Figure(figsize=figsize, dpi=dpi, layout="constrained")
    axes = fig.subplots(1, ncols)
    draw(axes, **values)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    # Plots use few colours: a 256-colour palette makes each frame about 3x smaller,
    # which is what keeps a page with several sliders light.
    from PIL import Image   # Pillow comes with Matplotlib

    buffer.seek(0)
    image = Image.open(buffer).convert("RGB").quantize(
        colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small = io.BytesIO()
    image.save(small, format="PNG", optimize=True)
    return small.getvalue()


class SliderView:
    """The output of :func:`slider`: precomputed frames plus two ways to show them."""

    def __init__(self, names, grids, frames, initial, alts):
        self.names = names          # slider names, in order
        self.grids = grids          # one sequence of values per slider
        self.frames = frames        # PNG bytes, row-major over the grids
        self.initial = initial      # starting index on each slider
        self.alts = alts            # alt text of each frame: what it shows, with its values

    def frame_index(self, indices):
        """Position in ``frames`` of the frame for one index per slider."""
        return int(np.ravel_multi_index(tuple(indices), [len(g) for g in self.grids]))

    def __repr__(self):
        sizes = ", ".join(f"{n} ({len(g)} values)" for n, g in zip(self.names, self.grids))
        return f"<slider over {sizes}: {len(self.frames)} frames>"

    def _repr_html_(self):
        """The static fallback: range inputs, frames inline, a little JavaScript."""
        encoded = [base64.b64encode(f).decode("ascii") for f in self.frames]
        start = self.frame_index(self.initial)
        controls = []
        for name, grid, i in zip(self.names, self.grids, self.initial):
            labels = html.escape(json.dumps([_label(v) for v in grid]))
            value = html.escape(_label(grid[i]))
            controls.append(
                f'<label style="display:block;font-family:monospace">{html.escape(name)} = '
                f'<output>{value}</output><br>'
                f'<input type="range" min="0" max="{len(grid) - 1}" step="1" value="{i}" '
                f'data-labels="{labels}" aria-valuetext="{value}" style="width:18em"></label>'
            )
        data = json.dumps({"frames": encoded, "alts": self.alts})
        return (
            '<div class="nnlib-slider">'
            + "".join(controls)
            + f'<img class="nnlib-frame" alt="{html.escape(self.alts[start])}" '
            f'src="data:image/png;base64,{encoded[start]}" style="max-width:100%">'
            f'<script type="application/json" class="nnlib-frames">{data}</script>'
            "<script>" + _SLIDER_JS + "</script></div>"
        )

    def caption(self):
        """What the printed book says under the starting frame (Markdown)."""
        values = ", ".join(f"{n} = {_label(g[i])}" for n, g, i in
                           zip(self.names, self.grids, self.initial))
        ranges = "; ".join(f"{n} from {_label(g[0])} to {_label(g[-1])} in {len(g)} steps"
                           for n, g in zip(self.names, self.grids))
        text = (f"(In the web version this figure is a slider: {ranges}. Shown here at "
                f"{values}.)").translate({ord(c): "\\" + c for c in "\\`*_[]<>#$"})
        return f"*{text}*"

    def widget(self):
        """The live ipywidgets view (needs a running kernel to react)."""
        import ipywidgets as widgets

        image = widgets.Image(value=self.frames[self.frame_index(self.initial)], format="png")
        sliders = [
            widgets.SelectionSlider(
                options=[(_label(v), k) for k, v in enumerate(grid)],
                value=i, description=name, continuous_update=True,
                style={"description_width": "initial"},
            )
            for name, grid, i in zip(self.names, self.grids, self.initial)
        ]

        def update(_change):
            image.value = self.frames[self.frame_index([s.value for s in sliders])]

        for s in sliders:
            s.observe(update, names="value")
        return widgets.VBox(sliders + [image])

    def _ipython_display_(self):
        """The slider (web: HTML, Jupyter: widget, print: its starting frame), then
        the caption only the PDF shows (its HTML is empty)."""
        from IPython.display import display
        display(self._repr_mimebundle_(), raw=True)
        display({"text/html": "", "text/markdown": self.caption()}, raw=True)

    def _repr_mimebundle_(self, include=None, exclude=None):
        try:      # the live widget, where ipywidgets can make one
            bundle = self.widget()._repr_mimebundle_()
        except Exception:
            bundle = {}
        start = base64.b64encode(self.frames[self.frame_index(self.initial)]).decode("ascii")
        return dict(bundle, **{"text/plain": repr(self), "text/html": self._repr_html_(),
                               "image/png": start})


def slider(draw, *, figsize=(5.5, 3.4), dpi=80, ncols=1, initial=None, alt=None, **grids):
    """Draw ``draw(ax, **values)`` for every combination of slider values.

    Parameters
    ----------
    draw : callable
        ``draw(ax, name1=value1, ...)`` draws one frame on a Matplotlib Axes
        (an array of Axes when ``ncols > 1``). It must not call ``plt.show``.
    **grids : sequences
        One keyword per slider: the values it steps through, e.g.
        ``w=np.linspace(-3, 3, 13)``.
    initial : dict, optional
        Starting value of each slider (the nearest grid value is used);
        the middle of each grid by default.
    alt : str, optional
        What the figure shows, for readers who cannot see it (each frame's alt
        text adds its slider values). Default: ``draw``'s docstring.

    Returns a :class:`SliderView`; make it the last expression of a cell.
    """
    if not callable(draw):
        raise TypeError(f"draw must be a function draw(ax, **values), got {type(draw).__name__}")
    if not grids:
        raise ValueError("give at least one slider, e.g. slider(draw, w=np.linspace(-3, 3, 13))")
    if not (isinstance(figsize, (tuple, list)) and len(figsize) == 2):
        raise TypeError(f"figsize must be (width, height) in inches, got {figsize!r}")
    figsize = tuple(v.number(x, "figsize", low=0.5, high=40) for x in figsize)
    dpi, ncols = v.integer(dpi, "dpi", 10, 600), v.integer(ncols, "ncols", 1, 12)
    if initial is not None and not isinstance(initial, dict):
        raise TypeError(f"initial must be a dict {{slider name: value}}, got {initial!r}")
    names = list(grids)
    values = []
    for name in names:
        if isinstance(grids[name], (str, bytes)) or not hasattr(grids[name], "__len__"):
            raise TypeError(f"slider {name!r} needs a list of values, got {grids[name]!r}")
        values.append(list(grids[name]))
        if len(values[-1]) < 2:
            raise ValueError(f"slider {name!r} needs at least 2 values, got {len(values[-1])}")
    count = int(np.prod([len(g) for g in values]))
    if count > MAX_FRAMES:
        raise ValueError(f"{count} frames is too many for a light page (at most {MAX_FRAMES}): "
                         "use fewer values per slider")
    initial = initial or {}
    unknown = set(initial) - set(names)
    if unknown:
        raise ValueError(f"initial names {sorted(unknown)} are not sliders; sliders are {names}")
    start = []
    for name, grid in zip(names, values):
        if name in initial and all(isinstance(x, (int, float, np.number)) for x in grid):
            target = v.number(initial[name], f"initial[{name!r}]")
            start.append(int(np.argmin([abs(float(x) - target) for x in grid])))
        elif name in initial:
            if initial[name] not in grid:
                raise ValueError(f"initial[{name!r}] = {initial[name]!r} is not one of its values")
            start.append(grid.index(initial[name]))
        else:
            start.append(len(grid) // 2)
    frames = [
        _render(draw, dict(zip(names, combo)), figsize, dpi, ncols)
        for combo in itertools.product(*values)
    ]
    return SliderView(names, values, frames, start, _alts(alt, draw, names, values))


def _alts(alt, draw, names, values):
    """One alt text per frame: what it shows (``alt``, or ``draw``'s docstring), then
    every slider value, e.g. "Sigmoid curve of w·z + b (w = 2, b = -1)"."""
    if alt is not None and not isinstance(alt, str):
        raise TypeError(f"alt must be a text saying what the figure shows, got {alt!r}")
    what = alt or (draw.__doc__ or "").strip().split("\n")[0] or "A figure"
    return [what + " (" + ", ".join(f"{n} = {_label(x)}" for n, x in zip(names, combo)) + ")"
            for combo in itertools.product(*values)]
