"""Chapter 2 (The math toolkit): a numerical derivative, the length of a
vector (its norm), a matrix product with loops, the shape rule."""
import numpy as np

from ._core import Exercise


# ---- Exercise: the derivative as the slope of a secant -------------------

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
    cases=[(cube, 2.0, 0.1), (wave, 1.0, 0.01), (parabola, -1.5, 0.5),
           (cube, 1.0, np.array([0.5, 0.1, 0.01]))],       # one slope per step
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


# ---- Exercise: the norm, the length of a vector (or of any array) ---------

def _vector_norm(v):
    """Euclidean norm: the square root of the sum of the squares of all entries."""
    return float(np.sqrt(np.sum(np.asarray(v, dtype=float) ** 2)))


_rng_norm = np.random.default_rng(20)

check_vector_norm = Exercise(
    "vector_norm",
    _vector_norm,
    cases=[
        (np.array([3.0, 4.0]),),                          # the 3-4-5 triangle
        (np.array([[1.0], [-2.0], [2.0]]),),              # a column (n, 1)
        (_rng_norm.normal(size=(2, 3)),),                 # a whole matrix
        (np.array([-1.5, 0.5, 2.0, -3.0]),),
    ],
    mistakes={
        "no-sqrt": (lambda v: float(np.sum(v ** 2)),
                    "you returned the sum of the squares, which is ||v||², the "
                    "squared length. Take its square root: for (3, 4) the "
                    "length is 5, not 25."),
        "abs-sum": (lambda v: float(np.sum(np.abs(v))),
                    "you added the sizes |v_i| of the entries. The Euclidean "
                    "length squares each entry, adds the squares, then takes "
                    "the square root: for (3, 4) that is 5, not 7."),
        "mean-not-sum": (lambda v: float(np.sqrt(np.mean(v ** 2))),
                         "you averaged the squares (divided by the number of "
                         "entries) before the square root. The norm adds them: "
                         "sqrt(sum of v_i²)."),
        "per-column": (lambda v: np.sqrt(np.sum(v ** 2, axis=0)),
                       "for a matrix you returned one length per column "
                       "(axis=0). The norm of a whole array squares and adds "
                       "every entry, so leave out the axis: one number."),
        "max-abs": (lambda v: float(np.max(np.abs(v))),
                    "you returned the largest |v_i|. The length combines every "
                    "entry: sqrt(v_1² + v_2² + ... + v_n²)."),
    },
)


# ---- Exercise: the matrix product, by the row-times-column rule ------------
# Loops make the loop bounds the classic slips: n, k and p are easy to mix up
# when every test matrix is square, so two cases are not square (the notes'
# 2 x 2 by 2 x 3 example among them).

def _matmul(A, B):
    """C = A B: C[i, j] is row i of A dotted with column j of B."""
    return np.asarray(A) @ np.asarray(B)


_rng = np.random.default_rng(2)

check_matmul = Exercise(
    "matmul",
    _matmul,
    cases=[
        (np.array([[4.0, -1.0], [0.0, 5.0]]),
         np.array([[1.0, 8.0, 0.0], [6.0, -2.0, 3.0]])),      # the notes' example
        (_rng.integers(-5, 6, (3, 3)).astype(float),
         _rng.integers(-5, 6, (3, 3)).astype(float)),
        (_rng.normal(size=(2, 3)), _rng.normal(size=(3, 4))),   # n, k, p all differ
        (_rng.normal(size=(4, 4)), _rng.normal(size=(4, 4))),
    ],
    mistakes={
        "not-accumulated": (lambda A, B: np.outer(A[:, -1], B[-1, :]),
                            "each C[i, j] holds only the last product "
                            "A[i, k-1] * B[k-1, j]: you assigned (=) inside the "
                            "loop over the shared index instead of adding (+=) "
                            "to a sum that starts at 0."),
        "p-from-A": (lambda A, B: (A @ B)[:, :A.shape[0]],
                     "your product has as many columns as A has rows. An (n, k) "
                     "times (k, p) product has shape (n, p): the columns come "
                     "from B, p = B.shape[1]."),
        "sum-over-n": (lambda A, B: A[:, :A.shape[0]] @ B[:A.shape[0], :],
                       "your sums stop too early: the sum for C[i, j] runs over "
                       "all k entries of row i of A, k = A.shape[1] = B.shape[0], "
                       "not over n = A.shape[0]."),
        "transposed-result": (lambda A, B: (A @ B).T,
                              "your answer is the transpose of A B: you stored row i "
                              "· column j in C[j, i]. Put it in C[i, j]."),
    },
)


# ---- Exercise: the shape rule --------------------------------------------------

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
