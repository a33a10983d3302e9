"""Chapter 2 (The math toolkit): a numerical derivative, a matrix product, the shape rule."""
import numpy as np

from ._core import Exercise


# ---- Exercise 1: the derivative as the slope of a secant ------------------

def _numerical_derivative(f, a, h):
    """One-sided difference quotient (f(a + h) - f(a)) / h."""
    return (f(a + h) - f(a)) / h


def cube(x):
    return x ** 3


def wave(x):
    return np.sin(x) + 0.5 * x


def parabola(x):
    return 3 * x ** 2 - 2 * x + 1


check_numerical_derivative = Exercise(
    "numerical_derivative",
    _numerical_derivative,
    cases=[(cube, 2.0, 0.1), (wave, 1.0, 0.01), (parabola, -1.5, 0.5)],
    mistakes={
        "divided-by-2h": (lambda f, a, h: (f(a + h) - f(a)) / (2 * h),
                          "your answer is half the slope: the one-sided difference steps from a "
                          "to a + h, a distance of h, so divide by h (2h belongs to the "
                          "two-sided difference (f(a + h) - f(a - h)) / 2h)."),
        "flipped-sign": (lambda f, a, h: (f(a) - f(a + h)) / h,
                         "the sign is flipped: you computed (f(a) - f(a + h)) / h. The slope is "
                         "rise over run, (f(a + h) - f(a)) / h, so a rising function gives a "
                         "positive slope."),
        "two-sided": (lambda f, a, h: (f(a + h) - f(a - h)) / (2 * h),
                      "you used the two-sided (central) difference (f(a + h) - f(a - h)) / 2h. "
                      "It is a fine estimate, but this exercise asks for the one-sided "
                      "definition (f(a + h) - f(a)) / h."),
        "no-division": (lambda f, a, h: f(a + h) - f(a),
                        "you returned the rise f(a + h) - f(a) without dividing by the run h; "
                        "a slope is rise / run."),
    },
)


# ---- Exercise 2: the matrix product, by the row-times-column rule ----------

def _matmul(A, B):
    """C = A B: C[i, j] is row i of A dotted with column j of B."""
    return np.asarray(A) @ np.asarray(B)


_rng = np.random.default_rng(2)

check_matmul = Exercise(
    "matmul",
    _matmul,
    cases=[
        (np.array([[4.0, -1.0], [0.0, 5.0]]), np.array([[1.0, 8.0], [6.0, -2.0]])),
        (_rng.integers(-5, 6, (3, 3)).astype(float), _rng.integers(-5, 6, (3, 3)).astype(float)),
        (_rng.normal(size=(4, 4)), _rng.normal(size=(4, 4))),
    ],
    mistakes={
        "elementwise": (lambda A, B: A * B,
                        "you multiplied entry by entry (A * B). A matrix product combines a "
                        "whole row of A with a whole column of B: C[i, j] = sum over k of "
                        "A[i, k] * B[k, j]."),
        "row-times-row": (lambda A, B: A @ B.T,
                          "you combined row i of A with row j of B (that is A @ B.T). "
                          "Use column j of B: B[k, j], with k running down the column."),
        "column-times-column": (lambda A, B: A.T @ B,
                                "you combined column i of A with column j of B (that is A.T @ B). "
                                "Use row i of A: A[i, k], with k running along the row."),
        "transposed-result": (lambda A, B: (A @ B).T,
                              "your answer is the transpose of A B: you stored row i · column j "
                              "in C[j, i]. Put it in C[i, j]."),
        "wrong-order": (lambda A, B: B @ A,
                        "you computed B A. The order matters: A B is not B A in general. "
                        "Rows come from the left matrix A, columns from the right matrix B."),
    },
)


# ---- Exercise 3: the shape rule --------------------------------------------

def _product_shape(shape_A, shape_B):
    """(n, k) times (k, p) gives (n, p); None when the inner sizes differ."""
    (n, k), (k2, p) = shape_A, shape_B
    return (n, p) if k == k2 else None


check_product_shape = Exercise(
    "product_shape",
    _product_shape,
    cases=[((4, 3), (3, 2)), ((2, 3), (2, 3)), ((4, 3), (3, 5)), ((3, 4), (3, 5)),
           ((1, 784), (784, 1))],
    mistakes={
        "no-check": (lambda a, b: (a[0], b[1]),
                     "you never return None: a product only exists when the number of columns "
                     "of A equals the number of rows of B (the inner sizes)."),
        "wrong-dims-checked": (lambda a, b: (a[0], b[1]) if a[0] == b[1] else None,
                               "you compared the outer sizes. The sizes that must match are the "
                               "inner ones: columns of A (shape_A[1]) and rows of B (shape_B[0])."),
        "inner-kept": (lambda a, b: (a[0], a[1]) if a[1] == b[0] else None,
                       "your result keeps the inner size k, which is summed away. "
                       "(n, k) times (k, p) gives (n, p)."),
        "swapped": (lambda a, b: (b[1], a[0]) if a[1] == b[0] else None,
                    "your result is (p, n), the shape of (A B) transposed. Rows come from A, "
                    "columns from B: (n, k) times (k, p) gives (n, p)."),
    },
)
