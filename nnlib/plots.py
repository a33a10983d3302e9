"""The book's standard pictures, drawn with matplotlib.

Every function draws into the Axes ``ax`` (a new figure when None), returns it,
and never calls ``plt.show()``. Examples are columns: ``X`` is ``(n_x, m)``.

The book's look, set on import: the Okabe-Ito palette, which colour-blind
readers can tell apart, and a line style of its own for each colour, so that
no curve is told from another by colour alone (classes get markers too).
"""
import matplotlib.pyplot as plt
import numpy as np
from cycler import cycler
from matplotlib.colors import ListedColormap

from . import _validate as v

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
STYLES = ["-", "--", ":", "-.", (0, (5, 1)), (0, (3, 1, 1, 1)), (0, (1, 3)), (0, (8, 2))]
plt.rcParams["axes.prop_cycle"] = cycler(color=PALETTE) + cycler(linestyle=STYLES)


def _axes(ax, figsize=(5, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    elif not hasattr(ax, "plot"):
        raise TypeError(f"ax must be a Matplotlib Axes or None, got {type(ax).__name__}")
    return ax


def _to_labels(out):
    """One label per column: argmax of (C, k) scores; a row of fractions is P(class 1)."""
    out = np.asarray(out)
    if out.ndim == 2 and out.shape[0] > 1:
        return out.argmax(axis=0)
    out = out.ravel()
    if out.dtype.kind == "f" and not np.all(out == np.round(out)):
        return (out > 0.5).astype(int)
    return out.astype(int)


def plot_decision_boundary(predict, X, Y, ax=None, resolution=200, title=None):
    """Colour the plane by the class ``predict`` assigns, and overlay the data.

    ``predict`` receives a ``(2, k)`` array of grid points as columns and
    returns labels ``(1, k)``/``(k,)``, probabilities of class 1, or ``(C, k)``
    class scores.  ``X`` is ``(2, m)``; ``Y`` holds the ``m`` true labels.
    """
    if not callable(predict):
        raise TypeError(f"predict must be a function of a (2, k) array, got {predict!r}")
    X = v.check_X(X, 2)
    y = v.labels(Y, "Y")
    if y.size != X.shape[1]:
        raise ValueError(f"X has m={X.shape[1]} examples (columns) but Y has {y.size} labels")
    resolution = v.integer(resolution, "resolution", 2, 2000)
    ax = _axes(ax)
    x0 = np.linspace(X[0].min() - 1, X[0].max() + 1, resolution)
    x1 = np.linspace(X[1].min() - 1, X[1].max() + 1, resolution)
    G0, G1 = np.meshgrid(x0, x1)
    grid = np.vstack([G0.ravel(), G1.ravel()])  # (2, resolution**2): one point per column
    Z = _to_labels(predict(grid)).reshape(G0.shape)
    n_classes = int(max(Z.max(), y.max())) + 1
    levels = np.arange(n_classes + 1) - 0.5
    ax.contourf(G0, G1, Z, levels=levels, cmap=ListedColormap(PALETTE[:n_classes]),
                alpha=0.35, vmin=-0.5, vmax=n_classes - 0.5)
    for k in range(n_classes):      # each class its own colour *and* marker
        ax.scatter(X[0, y == k], X[1, y == k], color=PALETTE[k % 8], marker="os^vD<>p"[k % 8],
                   s=15, edgecolors="k", linewidths=0.5, label=f"class {k}")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    return ax


def plot_cost(history, ax=None, label=None, ylabel="cost", logy=False):
    """Plot a learning curve: ``history[e - 1]`` is the cost of epoch ``e`` (from 1, as
    ``fit`` prints). ``history`` may be a dict of curves ({"train": ..., "test": ...})."""
    curves = history.items() if isinstance(history, dict) else [(label, history)]
    curves = [(name, v.array(values, "history", ndim=1)) for name, values in curves]
    v.flag(logy, "logy")
    ax = _axes(ax)
    for name, values in curves:
        ax.plot(np.arange(1, len(values) + 1), values, label=name)
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel(ylabel)
    if any(name is not None for name, _ in curves):
        ax.legend()
    return ax


def plot_activation(name_or_fn, z=None, ax=None, derivative=False):
    """Plot an activation ``g(z)``, and optionally ``g'(z)``, over ``[-6, 6]``.

    ``name_or_fn`` is a name known to :func:`nnlib.activations.get_activation`
    (such as ``"sigmoid"``) or a callable ``g``.  For a callable, ``g'`` is
    estimated with the central difference ``(g(z+h) - g(z-h)) / 2h``.
    """
    z = np.linspace(-6, 6, 601) if z is None else v.array(z, "z", ndim=1)
    v.flag(derivative, "derivative")
    if not (isinstance(name_or_fn, str) or callable(name_or_fn)):
        raise TypeError(f"name_or_fn must be an activation name or a function, got {name_or_fn!r}")
    ax = _axes(ax)
    if isinstance(name_or_fn, str):
        from nnlib.activations import get_activation
        g, g_prime = get_activation(name_or_fn)
        label = name_or_fn
    else:
        g, h = name_or_fn, 1e-5
        g_prime = lambda z: (g(z + h) - g(z - h)) / (2 * h)  # noqa: E731
        label = getattr(name_or_fn, "__name__", "g")
    ax.plot(z, g(z), label=f"{label}(z)")
    if derivative:
        ax.plot(z, g_prime(z), "--", label=f"{label}'(z)")
    ax.axhline(0, color="gray", lw=0.5)
    ax.axvline(0, color="gray", lw=0.5)
    ax.set_xlabel("z")
    ax.legend()
    return ax


def plot_digits(X, y=None, predicted=None, n=16, ncols=8, fig=None):
    """Show the first ``n`` columns of ``X`` (784, m) as 28x28 images in a grid.

    Titles are the label ``y[i]``, or ``"true→pred"`` when ``predicted`` is given
    (a wrong one is marked ✗ and coloured). Returns the ``n`` image Axes.
    """
    X = v.array(X, "X", ndim=(1, 2))
    X = v.check_X(X[:, None] if X.ndim == 1 else X, 784)
    n = min(v.integer(n, "n", 1), X.shape[1])
    ncols = min(v.integer(ncols, "ncols", 1), n)
    nrows = -(-n // ncols)  # ceiling division
    if fig is None:
        fig = plt.figure(figsize=(1.2 * ncols, 1.4 * nrows))
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    y = None if y is None else v.labels(y, "y")
    predicted = None if predicted is None else v.labels(predicted, "predicted")
    for name, labels in (("y", y), ("predicted", predicted)):
        if labels is not None and labels.size < n:
            raise ValueError(f"{name} has {labels.size} labels for {n} images")
    for i, ax in enumerate(axes):
        ax.axis("off")
        if i >= n:
            continue
        ax.imshow(X[:, i].reshape(28, 28), cmap="gray_r", vmin=0, vmax=1)
        true = "" if y is None else f"{y[i]}"
        if predicted is None:
            ax.set_title(true, fontsize=9)
        else:
            wrong = y is not None and predicted[i] != y[i]
            ax.set_title(f"{'✗ ' if wrong else ''}{true}→{predicted[i]}",
                         color=PALETTE[3] if wrong else "black", fontsize=9)
    return axes[:n]


def plot_confusion_matrix(C, ax=None):
    """Show a confusion matrix (rows = true class, columns = prediction) with its counts."""
    C = v.array(C, "C", ndim=2)
    if C.shape[0] != C.shape[1] or (C < 0).any() or (C != np.round(C)).any():
        raise ValueError(f"C must be a square matrix of counts (whole numbers >= 0), "
                         f"got shape {C.shape}")
    C = C.astype(np.int64)
    ax = _axes(ax, figsize=(6, 5))
    k = C.shape[0]
    image = ax.imshow(C, cmap="Blues")
    threshold = C.max() / 2 if C.size else 0
    for i in range(k):
        for j in range(C.shape[1]):
            ax.text(j, i, str(C[i, j]), ha="center", va="center", fontsize=8,
                    color="white" if C[i, j] > threshold else "black")
    ax.set_xticks(range(C.shape[1]))
    ax.set_yticks(range(k))
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.figure.colorbar(image, ax=ax)
    return ax


def plot_probabilities(p, ax=None, true_label=None):
    """Bar chart of a probability vector over classes (shape ``(C,)`` or ``(C, 1)``).

    The most probable class is coloured; with ``true_label`` the true class's bar
    is hatched, and the guess is blue when right, vermillion when wrong.
    """
    p = v.array(p, "p", ndim=(1, 2))
    if p.ndim == 2 and p.shape[1] != 1:
        raise ValueError(f"p must be one probability vector, shape (C,) or (C, 1), got "
                         f"{p.shape}; for column i of a (C, m) array pass A[:, i]")
    v.probabilities(p, "p")
    p = p.ravel()
    if true_label is not None:
        true_label = v.integer(true_label, "true_label", 0, len(p) - 1)
    ax = _axes(ax, figsize=(5, 3))
    colors = ["0.8"] * len(p)
    guess = int(p.argmax())
    colors[guess] = PALETTE[0] if true_label in (None, guess) else PALETTE[3]
    bars = ax.bar(np.arange(len(p)), p, color=colors, edgecolor="black", linewidth=0.5)
    if true_label is not None:
        bars[true_label].set_hatch("//")
    ax.set_xticks(np.arange(len(p)))
    ax.set_ylim(0, 1)
    ax.set_xlabel("class")
    ax.set_ylabel("probability")
    return ax
