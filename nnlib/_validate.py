"""Input checks shared by nnlib (private).

Every check raises ``ValueError`` or ``TypeError`` with a message that says
what was expected, so that a reader who passes ``X`` the wrong way round gets
told to write ``X.T`` instead of getting a shape error from deep inside NumPy.
"""
import numpy as np

from .data import one_hot


def as_array(a, name):
    """``np.asarray(a)``, refusing non-numeric, empty, NaN and inf input."""
    a = np.asarray(a)
    if not (np.issubdtype(a.dtype, np.number) or a.dtype == bool):
        raise TypeError(f"{name} must be a numeric array, got dtype {a.dtype}")
    if a.size == 0:
        raise ValueError(f"{name} is empty (shape {a.shape}); expected at least one example")
    if not np.isfinite(a).all():
        raise ValueError(f"{name} contains NaN or inf; clean or impute the data first")
    return a


def as_float(a, name, dtype=None):
    """``as_array`` then a float dtype: ``dtype`` if given, else keep float (ints -> float64)."""
    a = as_array(a, name)
    if dtype is None:
        dtype = a.dtype if np.issubdtype(a.dtype, np.floating) else np.float64
    return a.astype(dtype, copy=False)


def check_X(X, n_x, dtype=None):
    """X must be (n_x, m): one example per column."""
    X = as_float(X, "X", dtype)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D with shape (n_x={n_x}, m), got shape {X.shape}"
                         + ("; for a single example use X.reshape(-1, 1)" if X.ndim == 1 else ""))
    if X.shape[0] != n_x:
        if X.shape[1] == n_x:
            raise ValueError(f"X has shape {X.shape}, which looks like (m, n_x): nnlib stores "
                             f"examples as columns, so pass X.T (shape (n_x={n_x}, m))")
        raise ValueError(f"X has shape {X.shape}; expected (n_x={n_x}, m) with n_x rows")
    return X


def _refuse_flat_Y(Y, n_out):
    if Y.ndim == 1:
        raise ValueError(f"Y has shape {Y.shape} but ({n_out}, m) is expected; nnlib never "
                         "broadcasts a flat Y silently: use Y.reshape(1, -1)")
    if Y.ndim != 2:
        raise ValueError(f"Y must be 2-D with shape ({n_out}, m), got shape {Y.shape}")


def check_binary_labels(Y):
    """Targets of a sigmoid output must be 0 or 1."""
    if not np.isin(Y, (0, 1)).all():
        bad = np.unique(Y[~np.isin(Y, (0, 1))])[:5]
        raise ValueError(f"binary labels must be 0 or 1, found {bad.tolist()}")


def check_one_hot(Y):
    """Each column of a (C, m) target must be a probability vector (usually one-hot)."""
    if (Y < 0).any() or not np.allclose(Y.sum(axis=0), 1, atol=1e-5):
        raise ValueError("a (C, m) Y for softmax must have columns that are one-hot "
                         "(or probabilities summing to 1); pass integer labels as shape (m,)")


def check_Y(Y, m, n_out, kind, dtype):
    """Targets for ``m`` examples and an output of ``n_out`` units.

    kind: "binary" (sigmoid output), "multiclass" (softmax) or "real" (linear).
    Returns Y as a (n_out, m) float array of ``dtype`` (integer labels become one-hot).
    """
    Y = as_array(Y, "Y")
    if kind == "multiclass" and (Y.ndim == 1 or (Y.ndim == 2 and Y.shape[0] == 1)):
        if Y.size != m:
            raise ValueError(f"X has m={m} examples (columns) but Y has {Y.size} labels")
        return one_hot(Y, n_out, dtype)
    _refuse_flat_Y(Y, n_out)
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


def check_activation(name, valid):
    """An activation name must be one of ``valid``."""
    if not isinstance(name, str) or name not in valid:
        raise ValueError(f"unknown activation {name!r}; valid names are: {', '.join(valid)}")
    return name
