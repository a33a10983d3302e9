"""The one validation layer every public entry point of nnlib goes through (private).

Each check raises ValueError (a value or shape) or TypeError (a kind of object)
naming the argument and what was expected: ``X`` the wrong way round is told to
use ``X.T``, logits given to a cost are called logits -- never a silent wrong
answer or an error from deep inside NumPy. Inputs are never modified. Numbers
are float32 or float64 (ints and bools become float64); float16, long double
and complex are refused, as they would lose precision or an imaginary part.
"""
import numbers

import numpy as np

FLOATS = (np.dtype(np.float32), np.dtype(np.float64))
MAX_CLASSES = 10**6     # one_hot and confusion matrices: beyond this, memory runs out
MAX_UNITS = 10**6       # units in one layer


def dtype_arg(dtype, name="dtype"):
    """A ``dtype`` argument must be float32 or float64."""
    try:
        dt = None if dtype is None else np.dtype(dtype)
    except TypeError:
        dt = None
    if dt is None or dt not in FLOATS:
        raise TypeError(f"{name} must be np.float32 or np.float64, got {dtype!r}")
    return dt


def array(a, name, dtype=None, ndim=None, finite=True):
    """``a`` as a float32/float64 array (a new one whenever it must be converted).

    dtype: the float type wanted (default: keep float32/float64, ints -> float64).
    ndim: an int or a tuple of allowed numbers of dimensions.
    Refuses non-numeric, complex and unsupported float types (TypeError), the
    wrong number of dimensions, empty arrays, and NaN or inf -- checked after
    the conversion, so 1e39 given as float32 is refused rather than turned into
    inf behind the check.
    """
    if a is None or isinstance(a, (str, bytes, dict, set)):
        raise TypeError(f"{name} must be a numeric array, got {type(a).__name__}")
    try:
        arr = np.asarray(a)
    except (ValueError, TypeError) as err:
        raise ValueError(f"{name} must be a rectangular array of numbers ({err})") from None
    if arr.dtype.kind == "c":
        raise TypeError(f"{name} is complex; nnlib works with real numbers only")
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be a numeric array, got dtype {arr.dtype}")
    if arr.dtype.kind == "f" and arr.dtype not in FLOATS:
        raise TypeError(f"{name} has dtype {arr.dtype}; nnlib supports float32 and float64 "
                        f"only: convert it with .astype(np.float64)")
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in allowed:
            want = " or ".join(f"{n}-D" for n in allowed)
            hint = (f"; for one example use {name}.reshape(-1, 1)"
                    if arr.ndim == 1 and 2 in allowed else "")
            raise ValueError(f"{name} must be {want}, got shape {arr.shape}{hint}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape}); expected at least one value")
    target = dtype_arg(dtype, "dtype") if dtype is not None else (
        arr.dtype if arr.dtype.kind == "f" else np.dtype(np.float64))
    with np.errstate(over="ignore", invalid="ignore"):
        out = arr.astype(target, copy=False)
    if finite and not np.isfinite(out).all():
        if arr.dtype.kind in "iub" or np.isfinite(arr).all():
            raise ValueError(f"{name} holds values too large for {target} "
                             f"(largest magnitude {float(np.max(np.abs(arr))):.3g})")
        raise ValueError(f"{name} contains NaN or inf; clean or impute the data first")
    return out


def integer(value, name, minimum=1, maximum=None):
    """A whole number >= ``minimum`` (an int or NumPy integer; never a float or a bool)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number (int), got {value!r}")
    if value < minimum or (maximum is not None and value > maximum):
        upper = f" and at most {maximum:,}" if maximum is not None else ""
        raise ValueError(f"{name} must be at least {minimum}{upper}, got {value}")
    return int(value)


def seed(value, name="seed"):
    """None or a whole number >= 0 (what ``np.random.default_rng`` takes)."""
    return None if value is None else integer(value, name, minimum=0)


def number(value, name, low=None, high=None, low_open=False, high_open=False):
    """A finite real number in [low, high] (ends open when asked)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}")
    value = float(value)
    bad = not np.isfinite(value)
    bad = bad or (low is not None and (value < low or (low_open and value == low)))
    bad = bad or (high is not None and (value > high or (high_open and value == high)))
    if bad:
        want = [f"{'>' if low_open else '>='} {low}"] if low is not None else []
        want += [f"{'<' if high_open else '<='} {high}"] if high is not None else []
        raise ValueError(f"{name} must be a finite number {' and '.join(want)}, got {value}")
    return value


def flag(value, name):
    """True or False."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def layer_sizes(sizes, name="layer_sizes"):
    """[n[0], ..., n[L]]: at least two whole numbers >= 1."""
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
        raise TypeError(f"{name} must be a list of whole numbers [n0, ..., nL], got {sizes!r}")
    if len(sizes) < 2:
        raise ValueError(f"{name} must list at least 2 sizes [n0, ..., nL], got {list(sizes)}")
    return [integer(n, f"{name}[{i}]", 1, MAX_UNITS) for i, n in enumerate(sizes)]


def activation(name, valid, arg="activation"):
    """An activation name must be one of ``valid``."""
    if not isinstance(name, str) or name not in valid:
        raise ValueError(f"{arg}: unknown activation {name!r}; valid names are: {', '.join(valid)}")
    return name


def activation_list(names, count, valid, arg="activations"):
    """One activation name per layer, as a list (a lone string is refused)."""
    if not isinstance(names, (list, tuple)):
        raise TypeError(f"{arg} must be a list with one name per layer, e.g. "
                        f"{['relu'] * (count - 1) + ['sigmoid']}, not {names!r}")
    if len(names) != count:
        raise ValueError(f"{arg}: need one activation per layer after the input, {count} in "
                         f"all, got {len(names)}")
    return [activation(n, valid, f"{arg}[{i}]") for i, n in enumerate(names)]


def labels(y, name, num_classes=None):
    """Class labels of shape (m,) or (1, m) as int64 (m,): whole numbers >= 0."""
    arr = array(y, name, ndim=(1, 2))
    if arr.ndim == 2 and arr.shape[0] != 1:
        raise ValueError(f"{name} must be labels of shape (m,) or (1, m), got {arr.shape}, "
                         "which looks like one-hot or probability columns (C, m) (or one "
                         "example's, (C, 1)); use .argmax(axis=0) to get labels")
    arr = arr.ravel()
    if np.any(arr != np.round(arr)):
        raise ValueError(f"{name} must hold class labels (integers 0..C-1); these look like "
                         "probabilities: turn them into labels first, e.g. (A >= 0.5)")
    if arr.min() < 0 or (num_classes is not None and arr.max() >= num_classes):
        span = f"0..{num_classes - 1} (C={num_classes})" if num_classes else "0..C-1"
        raise ValueError(f"{name}: class labels must be in {span}, found values from "
                         f"{int(arr.min())} to {int(arr.max())}")
    if arr.max() >= MAX_CLASSES:
        raise ValueError(f"{name}: a label of {int(arr.max())} needs over {MAX_CLASSES:,} classes")
    return arr.astype(np.int64)


def probabilities(A, name):
    """Predicted probabilities lie in [0, 1]; anything else is most likely logits."""
    lo, hi = float(A.min()), float(A.max())
    if lo < 0 or hi > 1:
        raise ValueError(f"{name} must hold probabilities in [0, 1], but its values run from "
                         f"{lo:.4g} to {hi:.4g}: these look like logits Z; pass the output "
                         "activation's A = sigmoid(Z) or softmax(Z)")


def check_X(X, n_x, dtype=None, name="X"):
    """X must be (n_x, m): one example per column."""
    X = array(X, name, dtype, ndim=2)
    if X.shape[0] != n_x:
        if X.shape[1] == n_x:
            raise ValueError(f"{name} has shape {X.shape}, which looks like (m, n_x): nnlib "
                             f"stores examples as columns, so pass {name}.T "
                             f"(shape (n_x={n_x}, m))")
        raise ValueError(f"{name} has shape {X.shape}; expected (n_x={n_x}, m) with "
                         f"n_x rows")
    return X


def check_binary_labels(Y, name="Y"):
    """Targets of a sigmoid output must be 0 or 1."""
    if not np.isin(Y, (0, 1)).all():
        bad = np.unique(Y[~np.isin(Y, (0, 1))])[:5]
        raise ValueError(f"{name}: binary labels must be 0 or 1, found "
                         f"[{', '.join(f'{x:g}' for x in bad)}]")


def check_one_hot(Y, name="Y"):
    """Each column of a (C, m) target must be a probability vector (usually one-hot)."""
    if (Y < 0).any() or not np.allclose(Y.sum(axis=0), 1, atol=1e-5):
        raise ValueError(f"{name}: a (C, m) target for softmax must have columns that are "
                         "one-hot (or probabilities summing to 1); pass integer labels as "
                         "shape (m,)")


def check_Y(Y, m, n_out, kind, dtype):
    """Targets for ``m`` examples and an output of ``n_out`` units.

    kind: "binary" (sigmoid output), "multiclass" (softmax) or "real" (linear).
    Returns Y as a (n_out, m) float array of ``dtype`` (integer labels become one-hot).
    """
    Y = array(Y, "Y", ndim=(1, 2))
    if kind == "multiclass" and (Y.ndim == 1 or Y.shape[0] == 1):
        if Y.size != m:
            raise ValueError(f"X has m={m} examples (columns) but Y has {Y.size} labels")
        from .data import one_hot
        return one_hot(Y, n_out, dtype)
    if Y.ndim == 1:
        raise ValueError(f"Y has shape {Y.shape} but ({n_out}, m) is expected; nnlib never "
                         "broadcasts a flat Y silently: use Y.reshape(1, -1)")
    if Y.shape[1] != m:
        raise ValueError(f"X has m={m} examples (columns) but Y has shape {Y.shape}, "
                         f"i.e. {Y.shape[1]} examples; expected ({n_out}, {m})")
    if Y.shape[0] != n_out:
        raise ValueError(f"Y has shape {Y.shape}; expected ({n_out}, m) to match "
                         f"the {n_out} output unit(s)")
    if kind == "binary":
        check_binary_labels(Y)
    elif kind == "multiclass":
        check_one_hot(Y)
    return Y.astype(dtype, copy=False)


def check_same_shape(Y_hat, Y):
    """Costs compare Y_hat and Y element by element: shapes must agree exactly."""
    if Y_hat.shape != Y.shape:
        hint = ("; use Y.reshape(1, -1)" if Y.ndim == 1 and Y_hat.shape == (1, Y.size) else "")
        raise ValueError(f"Y_hat has shape {Y_hat.shape} but Y has shape {Y.shape}; "
                         f"they must match{hint}")
