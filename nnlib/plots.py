"""The book's standard pictures, drawn with matplotlib.

Every function draws into the Axes ``ax`` (a new figure is made when it is
None), returns what it drew on, and never calls ``plt.show()`` - Jupyter
shows the figure at the end of the cell.  Data follow the nnlib convention
that examples are columns: ``X`` has shape ``(n_x, m)``.
"""

import matplotlib.pyplot as plt
import numpy as np

from . import _validate as v


def _axes(ax, figsize=(5, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    elif not hasattr(ax, "plot"):
        raise TypeError(f"ax must be a Matplotlib Axes or None, got {type(ax).__name__}")
    return ax


def _to_labels(out):
    """Turn a predictor's output into one label per column.

    ``(C, k)`` scores with ``C > 1`` become ``argmax`` over the rows; a single
    row of non-integer numbers is read as P(class 1) and thresholded at 0.5.
    """
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
    ax.contourf(G0, G1, Z, levels=levels, cmap=plt.cm.Spectral, alpha=0.8,
                vmin=-0.5, vmax=n_classes - 0.5)
    ax.scatter(X[0], X[1], c=y, cmap=plt.cm.Spectral, vmin=-0.5, vmax=n_classes - 0.5,
               s=15, edgecolors="k", linewidths=0.5)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    return ax


def plot_cost(history, ax=None, label=None, ylabel="cost", logy=False):
    """Plot a learning curve: ``history[e - 1]`` is the cost of epoch ``e`` (numbered from 1,
    as ``fit(verbose=...)`` prints them).

    ``history`` is a sequence of numbers, or a dict of such sequences
    (e.g. ``{"train": ..., "test": ...}``), each drawn with its key as label.
    Call again with the same ``ax`` to compare runs.
    """
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

    Titles are the label ``y[i]``, or ``"true→pred"`` when ``predicted`` is
    given (in red when the prediction is wrong).  Returns the array of the
    ``n`` image Axes; spare cells of the grid are hidden.
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
            ax.set_title(f"{true}→{predicted[i]}", color="red" if wrong else "black", fontsize=9)
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

    The most probable class is highlighted; with ``true_label`` its bar is
    green when the prediction is right and red when it is wrong.
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
    colors = ["lightgray"] * len(p)
    colors[int(p.argmax())] = "tab:blue" if true_label is None else "tab:red"
    if true_label is not None:
        colors[int(true_label)] = "tab:green"  # overrides red when the guess is right
    ax.bar(np.arange(len(p)), p, color=colors)
    ax.set_xticks(np.arange(len(p)))
    ax.set_ylim(0, 1)
    ax.set_xlabel("class")
    ax.set_ylabel("probability")
    return ax
