"""Chapter 1 (What deep learning is): the house-price neuron and a least-squares line."""
import numpy as np

from ._core import Exercise


def _house_price(size, w, b):
    """One neuron: ReLU(w * size + b), element by element, so no price is negative."""
    return np.maximum(0, w * size + b)


check_house_price = Exercise(
    "house_price",
    _house_price,
    cases=[
        (np.array([10.0, 50.0, 120.0]), 2.0, -50.0),           # a small house below zero
        (np.array([[0.0, 30.0, 80.0, 200.0]]), 1.5, -60.0),    # a (1, m) row keeps its shape
        (np.array([5.0, 40.0, 100.0]), -0.5, 30.0),            # a negative weight
    ],
    mistakes={
        "no-relu": (lambda size, w, b: w * size + b,
                    "some prices are negative: you returned the linear part w*size + b "
                    "without the ReLU. Wrap it in np.maximum(0, ...) so every price is >= 0."),
        "relu-on-weight": (lambda size, w, b: max(0, w) * size + b,
                           "you applied the ReLU to the weight (or to w*size) before adding b. "
                           "The ReLU acts on the whole linear function: max(0, w*size + b)."),
        "minimum": (lambda size, w, b: np.minimum(0, w * size + b),
                    "np.minimum keeps the smaller value, so every price is <= 0. "
                    "The ReLU keeps the larger of 0 and w*size + b: use np.maximum."),
    },
)


def _fit_line(x, y):
    """Least-squares line y = m x + b: returns the tuple (m, b)."""
    x_mean, y_mean = x.mean(), y.mean()
    m = np.sum((x - x_mean) * (y - y_mean)) / np.sum((x - x_mean) ** 2)
    return float(m), float(y_mean - m * x_mean)


def _through_origin(x, y):
    return float(np.sum(x * y) / np.sum(x * x)), 0.0


_rng = np.random.default_rng(1)
_x_noisy = np.sort(_rng.uniform(0, 10, 20))
_y_noisy = 1.8 * _x_noisy + 3.0 + _rng.normal(0, 1.5, 20)

check_fit_line = Exercise(
    "fit_line",
    _fit_line,
    cases=[
        (np.array([0.0, 1.0, 2.0, 3.0, 4.0]), np.array([1.0, 3.0, 5.0, 7.0, 9.0])),   # y = 2x + 1
        (_x_noisy, _y_noisy),
        (np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.0, 1.0, 4.0, 3.0])),
    ],
    mistakes={
        "swapped-order": (lambda x, y: _fit_line(x, y)[::-1],
                          "you returned (b, m): the slope must come first. "
                          "For y = 2x + 1 the answer is (2, 1)."),
        "swapped-xy": (lambda x, y: _fit_line(y, x),
                       "you fitted x as a function of y (x and y swapped). Least squares "
                       "minimises the vertical distances, so regress y on x: m uses "
                       "sum((x - x̄)(y - ȳ)) / sum((x - x̄)²)."),
        "through-origin": (_through_origin,
                           "your line is forced through the origin (b = 0, m = Σxy/Σx²). "
                           "Centre x and y on their means first, then b = ȳ - m·x̄."),
        "returned-array": (lambda x, y: np.array(_fit_line(x, y)),
                           "the numbers are right but you returned one array; return the "
                           "tuple (m, b), e.g. m, b = np.polyfit(x, y, 1); return m, b."),
    },
)
