import base64

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlib import plots  # noqa: E402
from nnlib.data import make_flower  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_decision_boundary_with_labels_and_probabilities():
    X, Y = make_flower(m=60)
    predict_labels = lambda G: (G[0:1] > 0).astype(int)  # noqa: E731
    ax = plots.plot_decision_boundary(predict_labels, X, Y, resolution=30, title="split")
    assert ax.get_title() == "split"
    assert len(ax.collections) >= 2  # filled regions + scattered points
    seen = []

    def predict_proba(G):
        seen.append(G.shape)
        return 1 / (1 + np.exp(-G[0:1]))
    _, ax2 = plt.subplots()
    assert plots.plot_decision_boundary(predict_proba, X, Y, ax=ax2, resolution=25) is ax2
    assert seen == [(2, 625)]  # grid points are passed as columns


def test_decision_boundary_multiclass_scores():
    X = np.array([[0.0, 1, 2], [0, 1, 2]])
    scores = lambda G: np.vstack([-G[0], np.zeros(G.shape[1]), G[0]])  # noqa: E731
    plots.plot_decision_boundary(scores, X, np.array([0, 1, 2]), resolution=20)


def test_plot_cost():
    ax = plots.plot_cost([3.0, 2.0, 1.5, 1.2], label="train", logy=True)
    line = ax.get_lines()[0]
    np.testing.assert_array_equal(line.get_xdata(), [1, 2, 3, 4])   # epochs numbered from 1
    assert ax.get_yscale() == "log" and ax.get_xlabel() == "epoch"
    plots.plot_cost([2.0, 1.0], ax=ax, label="other")
    assert len(ax.get_lines()) == 2
    ax2 = plots.plot_cost({"train": [1, 0.5], "test": [1.2, 0.8]}, ylabel="loss")
    assert [t.get_text() for t in ax2.get_legend().get_texts()] == ["train", "test"]


def test_plot_activation_with_callable_and_numeric_derivative():
    ax = plots.plot_activation(np.tanh, derivative=True)
    z, g, dg = ax.get_lines()[0].get_xdata(), ax.get_lines()[0].get_ydata(), ax.get_lines()[1].get_ydata()
    assert z.min() == -6 and z.max() == 6
    np.testing.assert_allclose(g, np.tanh(z))
    np.testing.assert_allclose(dg, 1 - np.tanh(z) ** 2, atol=1e-6)


def test_plot_activation_by_name():
    pytest.importorskip("nnlib.activations")
    ax = plots.plot_activation("sigmoid", derivative=True)
    line = ax.get_lines()[0]
    np.testing.assert_allclose(line.get_ydata(), 1 / (1 + np.exp(-line.get_xdata())), rtol=1e-6)


def test_plot_digits_grid():
    X = np.random.default_rng(0).random((784, 20))
    y, pred = np.arange(20) % 10, (np.arange(20) + (np.arange(20) == 3)) % 10
    axes = plots.plot_digits(X, y, pred, n=10, ncols=4)
    assert len(axes) == 10 and all(len(ax.images) == 1 for ax in axes)
    fig = axes[0].figure
    assert sum(len(ax.images) for ax in fig.axes) == 10  # 12 cells, 2 hidden and empty
    assert axes[3].get_title() == "✗ 3→4"                  # marked, not only coloured
    assert axes[3].title.get_color() == plots.PALETTE[3]
    assert axes[2].get_title() == "2→2"
    assert plots.plot_digits(X[:, :2], y[:2])[1].get_title() == "1"
    assert len(plots.plot_digits(X[:, 0])) == 1  # a single column


def test_plot_confusion_matrix_writes_counts():
    C = np.array([[5, 1], [2, 7]])
    ax = plots.plot_confusion_matrix(C)
    assert sorted(t.get_text() for t in ax.texts) == ["1", "2", "5", "7"]
    assert ax.get_ylabel() == "true class"


def test_plot_probabilities():
    p = np.array([[0.1], [0.7], [0.2]])
    ax = plots.plot_probabilities(p, true_label=2)
    assert len(ax.patches) == 3
    np.testing.assert_allclose([b.get_height() for b in ax.patches], p.ravel())
    assert ax.get_ylim() == (0, 1)
    assert ax.patches[2].get_hatch() == "//"          # the true class, not only a colour
    assert [b.get_hatch() for b in ax.patches[:2]] == [None, None]


def test_book_style_is_colour_blind_safe_with_line_styles():
    cycle = plt.rcParams["axes.prop_cycle"].by_key()
    assert cycle["color"][:4] == plots.PALETTE[:4]
    assert len(set(map(str, cycle["linestyle"]))) == len(cycle["linestyle"])


def test_slider_frames_alt_text_caption_and_print_view():
    from nnlib.widgets import slider

    def draw(ax, w, b):
        """Line y = w·x + b"""
        ax.plot([0, 1], [b, w + b])

    view = slider(draw, w=[1.0, 2.0], b=[0, 5], dpi=20, figsize=(2, 2), initial={"w": 2.0})
    assert view.alts == ["Line y = w·x + b (w = 1, b = 0)", "Line y = w·x + b (w = 1, b = 5)",
                         "Line y = w·x + b (w = 2, b = 0)", "Line y = w·x + b (w = 2, b = 5)"]
    assert 'alt="Line y = w·x + b (w = 2, b = 5)"' in view._repr_html_()   # middle of b
    bundle = view._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]) == view.frames[view.frame_index(view.initial)]
    caption = view.caption()
    assert "In the web version this figure is a slider" in caption
    assert "w from 1 to 2 in 2 steps" in caption and "Shown here at w = 2, b = 5" in caption
    named = slider(draw, w=[1.0, 2.0], b=[0, 5], dpi=20, figsize=(2, 2), alt="A line")
    assert named.alts[0] == "A line (w = 1, b = 0)"
    units = slider(lambda ax, hidden_units: None, hidden_units=[1, 2], dpi=20, figsize=(2, 2))
    assert "hidden\\_units from 1 to 2" in units.caption()      # escaped for Markdown
