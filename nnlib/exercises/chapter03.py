"""Chapter 3 (Binary classification and logistic regression): the sigmoid and flattening images."""
import numpy as np

from ..activations import sigmoid as _nn_sigmoid
from ..data import flatten as _nn_flatten
from ._core import Exercise

_rng = np.random.default_rng(3)


def _quiet(fn):
    """Run a wrong answer without NumPy's overflow/divide warnings (the checker prints its own)."""
    def wrapped(*args):
        with np.errstate(all="ignore"):
            return fn(*args)
    return wrapped


# --- Exercise 1: the sigmoid ------------------------------------------------

_SIGMOID_CASES = [
    (np.array([[0.0, 1.0, -1.0, 2.5, -4.0]]),),
    (_rng.normal(scale=3.0, size=(3, 4)),),
    (np.array([[-1000.0, -30.0, 0.0, 30.0, 1000.0]]),),   # very large |z|: no nan allowed
]

check_sigmoid = Exercise(
    "sigmoid",
    _nn_sigmoid,
    cases=_SIGMOID_CASES,
    mistakes={
        "sign-flip": (_quiet(lambda z: 1 / (1 + np.exp(z))),
                      "you computed 1 / (1 + e^z), which is σ(-z): large positive z gives 0 "
                      "instead of 1. The exponent needs a minus sign: 1 / (1 + np.exp(-z))."),
        "minus-in-denominator": (_quiet(lambda z: 1 / (1 - np.exp(-z))),
                                 "you wrote 1 / (1 - e^(-z)). The denominator is 1 PLUS e^(-z); "
                                 "with a minus it divides by zero at z = 0 and leaves [0, 1]."),
        "precedence": (_quiet(lambda z: 1 / 1 + np.exp(-z)),
                       "you computed 1/1 + e^(-z): Python divides before it adds, so the "
                       "denominator needs brackets: 1 / (1 + np.exp(-z))."),
    },
)


# --- Exercise 2: flattening a batch of images --------------------------------

def _flatten_images(images):
    """(m, h, w) or (m, h, w, c) -> (h*w*c, m): column i is images[i] read row by row."""
    return _nn_flatten(images)


_FLATTEN_CASES = [
    (np.arange(5 * 3 * 4, dtype=float).reshape(5, 3, 4),),
    (_rng.integers(0, 256, size=(6, 4, 3, 2)).astype(float),),   # colour: (m, h, w, c)
    (_rng.random((7, 2, 5)),),
]

check_flatten_images = Exercise(
    "flatten_images",
    _flatten_images,
    cases=_FLATTEN_CASES,
    mistakes={
        "scrambled": (lambda images: images.reshape(-1, images.shape[0]),
                      "the shape (n_x, m) is right but the columns are not your images: "
                      "images.reshape(-1, m) cuts the long run of all pixels into rows of length m, "
                      "so each column mixes pixels from many different images. No error is raised, "
                      "and a classifier trained on such columns silently falls to the accuracy of "
                      "always guessing the majority class. Keep each image together first, then turn "
                      "rows into columns: images.reshape(m, -1).T"),
        "not-transposed": (lambda images: images.reshape(images.shape[0], -1),
                           "each row of your answer is one image, shape (m, n_x). The book stores "
                           "examples as columns, X.shape == (n_x, m): transpose it, "
                           "images.reshape(m, -1).T"),
        "pixel-order": (lambda images: images.T.reshape(-1, images.shape[0]),
                        "each column holds the right image, but its numbers are in another order: "
                        "images.T reversed the axes, so the image is read column by column (and, for "
                        "colour, channel by channel). The book reads every image row by row, the "
                        "order nnlib.flatten and nnlib.plot_digits use: images.reshape(m, -1).T"),
    },
)
