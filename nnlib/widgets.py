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

import numpy as np

from . import _validate as v

__all__ = ["slider"]

MAX_FRAMES = 64   # every frame is an image in the page: keep pages light


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

    def __init__(self, names, grids, frames, initial):
        self.names = names          # slider names, in order
        self.grids = grids          # one sequence of values per slider
        self.frames = frames        # PNG bytes, row-major over the grids
        self.initial = initial      # starting index on each slider

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
            controls.append(
                f'<label style="display:block;font-family:monospace">{html.escape(name)} = '
                f'<output>{html.escape(_label(grid[i]))}</output><br>'
                f'<input type="range" min="0" max="{len(grid) - 1}" step="1" value="{i}" '
                f'data-labels="{labels}" aria-label="{html.escape(name)}" style="width:18em"></label>'
            )
        return (
            '<div class="nnlib-slider">'
            + "".join(controls)
            + f'<img class="nnlib-frame" alt="figure for the slider value" '
            f'src="data:image/png;base64,{encoded[start]}" style="max-width:100%">'
            f'<script type="application/json" class="nnlib-frames">{json.dumps(encoded)}</script>'
            "<script>" + _SLIDER_JS + "</script></div>"
        )

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

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/plain": repr(self), "text/html": self._repr_html_()}
        try:
            bundle.update(self.widget()._repr_mimebundle_())
        except Exception:   # no widget support here: the fallback is still complete
            pass
        bundle["text/plain"] = repr(self)
        return bundle


def slider(draw, *, figsize=(5.5, 3.4), dpi=80, ncols=1, initial=None, **grids):
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
        raise ValueError(
            f"{count} frames is too many for a light page (at most {MAX_FRAMES}): "
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
    return SliderView(names, values, frames, start)


# Runs once per slider in the static page: move the range, swap the image.
_SLIDER_JS = """
(function (root) {
  var frames = JSON.parse(root.querySelector('script.nnlib-frames').textContent);
  var inputs = root.querySelectorAll('input[type=range]');
  var img = root.querySelector('img.nnlib-frame');
  function show() {
    var index = 0;
    inputs.forEach(function (input) {
      var labels = JSON.parse(input.dataset.labels);
      index = index * labels.length + Number(input.value);
      input.parentElement.querySelector('output').textContent = labels[Number(input.value)];
    });
    img.src = 'data:image/png;base64,' + frames[index];
  }
  inputs.forEach(function (input) { input.addEventListener('input', show); });
})(document.currentScript.parentElement);
"""
