"""Every public function of nnlib, every argument, every class of bad input.

A declarative table lists each public entry point with one good call and the
kind of each argument. For every argument the sweep substitutes each bad value
of its kind -- wrong dtype (float16, complex, strings, objects), NaN and inf,
values too large for float32, empty and 0-d arrays, the wrong number of
dimensions, transposed X, logits for probabilities, non-integer, negative,
infinite or absurdly large sizes, strings and lists where a name or a list is
due -- and asserts that

* only ValueError or TypeError is raised, and its message names the argument;
* nothing comes back (the exception is the only outcome);
* no argument is modified.

The sweep runs every probe once (a NaN or inf in the middle of the array); a
hypothesis property runs 400 probes drawn from the table with the NaN or inf
wherever hypothesis puts it; another property asserts that no function warns
(RuntimeWarning) for inputs with |z| <= 1e4. ``test_probe_count`` prints how many probes the table makes.
"""
import copy
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

import nnlib  # noqa: E402

rng = np.random.default_rng(0)
X = rng.normal(size=(3, 6))
Y = np.array([[0, 1, 1, 0, 1, 0]])
W, b = rng.normal(size=(4, 3)), np.zeros((4, 1))
Z = rng.normal(size=(4, 6))
A_hat = nnlib.sigmoid(rng.normal(size=(1, 6)))
P = nnlib.softmax(rng.normal(size=(3, 6)))
y3 = np.array([0, 2, 1, 1, 0, 2])
X2, Y2 = nnlib.make_flower(m=20)
digits = rng.random((784, 4))


def net(dtype=np.float64):
    return nnlib.NeuralNetwork([3, 4, 1], ["tanh", "sigmoid"], seed=0, dtype=dtype)


def linear_net():
    return nnlib.NeuralNetwork([3, 2, 1], ["relu", "linear"], seed=0)


def draw(ax, w):
    ax.plot([0, 1], [0, w])


# ---- what counts as bad, for each kind of argument -------------------------
class Drawn:
    """A bad value with a free position: ``make(pick)`` builds it, ``pick(n)`` choosing
    an index below n (hypothesis in the property test, the middle in the sweep)."""

    def __init__(self, make):
        self.make = make


def _with(value, fill):
    """A copy of array ``value`` with one entry replaced (hypothesis picks which)."""
    def make(pick):
        bad = np.array(value, dtype=float)
        index = tuple(pick(n) for n in bad.shape)
        bad[index] = fill
        return bad
    return Drawn(make)


def array_bads(good, elementwise=False, shaped=True):
    """Bad versions of a good float array."""
    bads = {
        "float16": good.astype(np.float16), "complex": good.astype(complex),
        "strings": good.astype(str), "objects": good.astype(object),
        "None": None, "a string": "1.0", "a dict": {"a": 1},
        "ragged": [[1.0, 2.0], [3.0]], "nan": _with(good, np.nan),
        "inf": _with(good, np.inf), "-inf": _with(good, -np.inf),
        "empty": np.empty(good.shape[:-1] + (0,)),
    }
    if not elementwise:
        bads["0-d"] = np.float64(0.5)
        bads["3-D"] = good[None]
        if shaped and good.ndim == 2:
            bads["1-D"] = good.ravel()
    return bads


def label_bads(good):
    return {"probabilities": np.full(good.shape, 0.5), "negative": -np.ones_like(good),
            "strings": good.astype(str), "complex": good.astype(complex),
            "one-hot columns": np.eye(3)[:, :2], "a column": np.ones((4, 1)),
            "empty": np.array([], dtype=int), "nan": _with(good, np.nan),
            "None": None, "huge label": np.array([10**13])}


INT_BADS = {"3.7": 3.7, "a string '31'": "31", "negative": -5, "inf": float("inf"),
            "nan": float("nan"), "None": None, "True": True, "a list": [3],
            "complex": 1j}
POSITIVE_INT_BADS = dict(INT_BADS, zero=0)
NUMBER_BADS = {"nan": float("nan"), "inf": float("inf"), "a string": "0.1", "None": None,
               "True": True, "complex": 1 + 2j, "a list": [0.1]}
POSITIVE_BADS = dict(NUMBER_BADS, negative=-1.0, zero=0.0)
DTYPE_BADS = {"int": int, "float16": np.float16, "complex": complex, "object": object,
              "a word": "banana", "longdouble": np.longdouble}
SEED_BADS = {"negative": -1, "3.5": 3.5, "a string": "0", "True": True}
NAME_BADS = {"typo": "t", "a number": 3, "None": None, "a list": ["relu"]}
SIZES_BADS = {"a string": "31", "3.7": [3, 3.7, 1], "one size": [3], "zero": [3, 0, 1],
              "inf": [3, float("inf"), 1], "None": None, "huge": [3, 10**13, 1],
              "a number": 3}
ACTS_BADS = {"a string": "tanh", "typo": ["t", "sigmoid"], "numbers": [1, 2],
             "too few": ["sigmoid"], "None": None, "softmax hidden": ["softmax", "sigmoid"]}
CALLABLE_BADS = {"a number": 42, "None": None, "a string": "f"}
FLAG_BADS = {"a string": "yes", "a number": 2, "None": None}
AXES_BADS = {"a number": 3, "a string": "ax", "a list": [1, 2]}


def optional(bads):
    """The same bad values for an argument whose default is None (None is fine)."""
    return {k: v for k, v in bads.items() if k != "None"}


def probs(good):
    bads = array_bads(good)
    bads["logits"] = good * 10 - 5
    bads["1-D vector"] = good[:, 0]
    return bads


# ---- the table: name -> (function, good arguments, {argument: bad values}) --
TABLE = {
    "get_activation": (nnlib.get_activation, dict(name="relu"), dict(name=NAME_BADS)),
    "linear_forward": (nnlib.linear_forward, dict(A_prev=X, W=W, b=b),
                       dict(A_prev=array_bads(X) | {"transposed": X.T},
                            W=array_bads(W), b=array_bads(b, shaped=False))),
    "linear_backward": (nnlib.linear_backward, dict(dZ=Z, cache=(X, W, b)),
                        dict(dZ=array_bads(Z), cache={"a list": [X, W, b], "None": None,
                                                      "too short": (X, W)})),
    "activation_forward": (nnlib.activation_forward, dict(Z=Z, activation="relu"),
                           dict(Z=array_bads(Z), activation=NAME_BADS)),
    "activation_backward": (nnlib.activation_backward,
                            dict(dA=Z, cache=Z, activation="tanh"),
                            dict(dA=array_bads(Z), cache=array_bads(Z),
                                 activation=NAME_BADS)),
    "layer_forward": (nnlib.layer_forward, dict(A_prev=X, W=W, b=b, activation="relu"),
                      dict(A_prev=array_bads(X), W=array_bads(W), activation=NAME_BADS)),
    "layer_backward": (nnlib.layer_backward,
                       dict(dA=Z, cache=((X, W, b), Z), activation="relu"),
                       dict(dA=array_bads(Z), cache={"a list": [(X, W, b), Z], "None": None},
                            activation=NAME_BADS)),
    "binary_cross_entropy": (nnlib.binary_cross_entropy, dict(Y_hat=A_hat, Y=Y),
                             dict(Y_hat=probs(A_hat), Y=array_bads(Y.astype(float)))),
    "binary_cross_entropy_gradient": (nnlib.binary_cross_entropy_gradient,
                                      dict(Y_hat=A_hat, Y=Y), dict(Y_hat=probs(A_hat))),
    "categorical_cross_entropy": (nnlib.categorical_cross_entropy, dict(Y_hat=P, Y=y3),
                                  dict(Y_hat=probs(P), Y=label_bads(y3))),
    "categorical_cross_entropy_gradient": (nnlib.categorical_cross_entropy_gradient,
                                           dict(Y_hat=P, Y=y3), dict(Y_hat=probs(P))),
    "mean_squared_error": (nnlib.mean_squared_error, dict(Y_hat=Z[:1], Y=Z[1:2]),
                           dict(Y_hat=array_bads(Z[:1]), Y=array_bads(Z[1:2]))),
    "mean_squared_error_gradient": (nnlib.mean_squared_error_gradient,
                                    dict(Y_hat=Z[:1], Y=Z[1:2]),
                                    dict(Y_hat=array_bads(Z[:1]))),
    "one_hot": (nnlib.one_hot, dict(y=y3, num_classes=3, dtype=np.float64),
                dict(y=label_bads(y3), num_classes=optional(POSITIVE_INT_BADS) | {"huge": 10**13},
                     dtype=DTYPE_BADS)),
    "make_flower": (nnlib.make_flower, dict(m=20, noise=0.2, seed=1),
                    dict(m=POSITIVE_INT_BADS | {"huge": 10**13}, noise=NUMBER_BADS |
                         {"negative": -1.0}, seed=SEED_BADS)),
    "flatten": (nnlib.flatten, dict(images=rng.random((2, 4, 4))),
                dict(images={"complex": np.ones((2, 4, 4), complex), "strings":
                             np.full((2, 4, 4), "a"), "None": None, "2-D": np.ones((4, 4)),
                             "nan": np.full((2, 4, 4), np.nan)})),
    "load_mnist": (nnlib.load_mnist, dict(dtype=np.float32),
                   dict(dtype=DTYPE_BADS, download={"a string": "no"},
                        data_dir={"a number": 3})),
    "initialize_parameters": (nnlib.initialize_parameters,
                              dict(layer_sizes=[3, 4, 1], method="he", seed=0,
                                   dtype=np.float64, scale=0.01),
                              dict(layer_sizes=SIZES_BADS, method=NAME_BADS,
                                   seed=SEED_BADS, dtype=DTYPE_BADS, scale=POSITIVE_BADS)),
    "NeuralNetwork": (nnlib.NeuralNetwork,
                      dict(layer_sizes=[3, 4, 1], activations=["tanh", "sigmoid"],
                           init="he", seed=0, dtype=np.float64),
                      dict(layer_sizes=SIZES_BADS, activations=ACTS_BADS, init=NAME_BADS,
                           seed=SEED_BADS, dtype=DTYPE_BADS)),
    "NeuralNetwork.forward": (lambda **kw: net().forward(**kw), dict(X=X),
                              dict(X=array_bads(X) | {"transposed": X.T})),
    "NeuralNetwork.forward (float32)": (lambda **kw: net(np.float32).forward(**kw),
                                        dict(X=X), dict(X={"too large for float32":
                                                           X * 1e39})),
    "NeuralNetwork.cost": (lambda **kw: net().cost(**kw), dict(X=X, Y=Y),
                           dict(X=array_bads(X), Y=array_bads(Y.astype(float)) |
                                {"labels 2": Y * 2, "flat": Y.ravel()})),
    "NeuralNetwork.gradients": (lambda **kw: net().gradients(**kw), dict(X=X, Y=Y),
                                dict(X=array_bads(X), Y=array_bads(Y.astype(float)))),
    "NeuralNetwork.fit": (lambda **kw: net().fit(**kw),
                          dict(X=X, Y=Y, learning_rate=0.1, epochs=2, batch_size=None,
                               momentum=0.0, shuffle_seed=0, verbose=0),
                          dict(X=array_bads(X), Y=array_bads(Y.astype(float)),
                               learning_rate=POSITIVE_BADS, epochs=POSITIVE_INT_BADS,
                               batch_size=optional(POSITIVE_INT_BADS), momentum=NUMBER_BADS |
                               {"one": 1.0, "negative": -0.1}, shuffle_seed=SEED_BADS,
                               verbose=optional(INT_BADS))),
    "NeuralNetwork.predict": (lambda **kw: net().predict(**kw), dict(X=X),
                              dict(X=array_bads(X))),
    "NeuralNetwork.score": (lambda **kw: net().score(**kw), dict(X=X, Y=Y),
                            dict(X=array_bads(X), Y=array_bads(Y.astype(float)))),
    "NeuralNetwork.score (linear)": (lambda **kw: linear_net().score(**kw),
                                     dict(X=X, Y=Z[:1]),
                                     dict(Y={"constant": np.ones((1, 6))})),
    "gradient_check": (nnlib.gradient_check, dict(network=net(), X=X, Y=Y, epsilon=1e-7),
                       dict(network={"a dict": {"W1": W}, "None": None},
                            X=array_bads(X), epsilon=POSITIVE_BADS | {"huge": 10.0})),
    "numerical_gradients": (nnlib.numerical_gradients,
                            dict(network=net(), X=X, Y=Y, epsilon=1e-7),
                            dict(epsilon=POSITIVE_BADS)),
    "accuracy": (nnlib.accuracy, dict(y_pred=y3, y_true=y3),
                 dict(y_pred=label_bads(y3), y_true=label_bads(y3) |
                      {"shorter": y3[:4]})),
    "confusion_matrix": (nnlib.confusion_matrix, dict(y_true=y3, y_pred=y3, num_classes=3),
                         dict(y_true=label_bads(y3), y_pred=label_bads(y3),
                              num_classes=optional(POSITIVE_INT_BADS) | {"too small": 2})),
    "plot_decision_boundary": (nnlib.plot_decision_boundary,
                               dict(predict=lambda G: (G[0:1] > 0).astype(int), X=X2, Y=Y2,
                                    resolution=20),
                               dict(predict=CALLABLE_BADS, X=array_bads(X2) |
                                    {"(3, m)": np.vstack([X2, X2[:1]]), "transposed": X2.T},
                                    Y=label_bads(Y2[0]) | {"shorter": Y2[:, :5]},
                                    resolution=POSITIVE_INT_BADS)),
    "plot_cost": (nnlib.plot_cost, dict(history=[3.0, 2.0, 1.0], logy=False),
                  dict(history=array_bads(np.array([3.0, 2.0, 1.0])), logy=FLAG_BADS)),
    "plot_activation": (nnlib.plot_activation, dict(name_or_fn="relu", derivative=False),
                        dict(name_or_fn=NAME_BADS | {"a number": 3}, derivative=FLAG_BADS,
                             ax=AXES_BADS)),
    "plot_digits": (nnlib.plot_digits, dict(X=digits, y=np.arange(4), n=4, ncols=2),
                    dict(X=array_bads(digits, shaped=False) | {"transposed": digits.T},
                         y=optional(label_bads(np.arange(4))) | {"too few": np.arange(2)},
                         n=POSITIVE_INT_BADS, ncols=POSITIVE_INT_BADS)),
    "plot_confusion_matrix": (nnlib.plot_confusion_matrix, dict(C=np.eye(3, dtype=int)),
                              dict(C=array_bads(np.eye(3)) | {"not square": np.ones((2, 3)),
                                   "negative": -np.eye(3), "fractions": np.eye(3) / 2})),
    "plot_probabilities": (nnlib.plot_probabilities, dict(p=P[:, 0], true_label=1),
                           dict(p={k: v for k, v in probs(P[:, :1]).items()
                                   if k not in ("1-D", "1-D vector")}
                                | {"(10, 5)": np.full((10, 5), 0.1)},
                                true_label=optional(INT_BADS) | {"-1": -1, "too large": 3})),
    "slider": (nnlib.slider, dict(draw=draw, w=[0.0, 1.0], dpi=20, figsize=(2, 2)),
               dict(draw=CALLABLE_BADS, w={"one value": [1.0], "a string": "ab",
                                            "a number": 3},
                    dpi=POSITIVE_INT_BADS, figsize={"one number": 3, "negative": (-1, 2),
                                                    "strings": ("a", "b")},
                    ncols=POSITIVE_INT_BADS, initial={"a list": [1], "unknown name": {"v": 1},
                                                      "nan": {"w": float("nan")}})),
}
for _name in nnlib.ACTIVATIONS:
    for _fn in (getattr(nnlib, _name), getattr(nnlib, f"{_name}_derivative")):
        _bads = (array_bads(Z, shaped=False) if _name == "softmax"
                 else array_bads(Z, elementwise=True))
        TABLE[_fn.__name__] = (_fn, dict(z=Z), dict(z=_bads))

PROBES = [(fn_name, arg, bad) for fn_name, (_, _, args) in TABLE.items()
          for arg, bads in args.items() for bad in bads]


def test_every_public_function_is_swept():
    public = {n for n in dir(nnlib) if callable(getattr(nnlib, n)) and not n.startswith("_")
              and n not in {"load_study_hours"}}       # takes no argument
    swept = {n.split(".")[0].split(" ")[0] for n in TABLE}
    assert public <= swept, public - swept


def test_probe_count(capsys):
    with capsys.disabled():
        print(f"\nbad-input sweep: {len(PROBES)} probes over {len(TABLE)} entry points")
    assert len(PROBES) >= 500


def _snapshot(kwargs):
    return {k: copy.deepcopy(v) for k, v in kwargs.items() if not callable(v)
            and not hasattr(v, "params")}


def _same(a, b):
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(
            a, b, equal_nan=a.dtype.kind in "fc")
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(
            _same(a[k], b[k]) for k in a)
    return a is b or a == b or (a != a and b != b)


def _probe(fn_name, arg, bad, data=None):
    """Call ``fn_name`` with one bad argument; it must refuse clearly and change nothing.
    A NaN or inf goes where hypothesis puts it (``data``), else in the middle."""
    fn, good, args = TABLE[fn_name]
    value = args[arg][bad]
    if isinstance(value, Drawn):
        value = value.make((lambda n: n // 2) if data is None else
                           (lambda n: data.draw(st.integers(0, n - 1))))
    kwargs = dict(good, **{arg: value})
    before = _snapshot(kwargs)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)
            result = fn(**kwargs)
    except (ValueError, TypeError) as err:
        head = arg.split("_or_")[0] if arg == "name_or_fn" else arg
        assert head in str(err), f"{fn_name}({arg}={bad}): the message does not name {arg!r}: {err}"
    else:
        pytest.fail(f"{fn_name}({arg}={bad}) was accepted and returned {type(result).__name__}")
    finally:
        plt.close("all")
    after = _snapshot(kwargs)
    for k in before:
        assert _same(before[k], after[k]), f"{fn_name} modified its argument {k}"


@pytest.mark.parametrize("fn_name,arg,bad", PROBES)
def test_bad_input_is_refused_clearly(fn_name, arg, bad):
    """The whole table, every probe once."""
    _probe(fn_name, arg, bad)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(probe=st.sampled_from(PROBES), data=st.data())
def test_bad_input_property(probe, data):
    """Property: any probe, with the NaN or inf wherever hypothesis puts it."""
    _probe(*probe, data=data)


@pytest.mark.parametrize("fn_name", sorted(TABLE))
def test_good_calls_modify_nothing(fn_name):
    fn, good, _ = TABLE[fn_name]
    if fn_name in {"load_mnist", "NeuralNetwork.score (linear)"}:
        pytest.skip("needs the data set / covered elsewhere")
    before = _snapshot(good)
    fn(**good)
    plt.close("all")
    for k, v in _snapshot(good).items():
        assert _same(before[k], v), f"{fn_name} modified its argument {k}"


ELEMENTWISE = [getattr(nnlib, n) for n in nnlib.ACTIVATIONS] + [
    getattr(nnlib, f"{n}_derivative") for n in nnlib.ACTIVATIONS]


@settings(max_examples=60, deadline=None)
@given(z=st.lists(st.floats(-1e4, 1e4), min_size=1, max_size=8),
       dtype=st.sampled_from([np.float32, np.float64]))
def test_no_runtime_warning_for_moderate_inputs(z, dtype):
    Zc = np.array(z, dtype=dtype).reshape(-1, 1)
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise",
                                                 invalid="raise"):
        warnings.simplefilter("error", RuntimeWarning)
        for fn in ELEMENTWISE:
            out = fn(Zc)
            assert np.all(np.isfinite(out)) and out.dtype == dtype
        A = nnlib.sigmoid(Zc.T)
        nnlib.binary_cross_entropy(A, (Zc.T > 0).astype(int))
        S = nnlib.softmax(Zc)
        nnlib.categorical_cross_entropy(S, np.eye(len(z), 1, dtype=dtype))


def test_blow_up_in_the_last_epoch_is_reported():
    """The cost of an epoch is measured before its updates, so a step that sends
    the weights to inf in the very last epoch must be caught from the weights."""
    network = nnlib.NeuralNetwork([3, 1], ["sigmoid"], seed=0)
    with pytest.warns(RuntimeWarning, match="weights became inf or NaN at epoch 1"):
        network.fit(X * 1e300, Y, learning_rate=1e10, epochs=1, verbose=0)


def test_gradient_check_never_passes_a_nan():
    network = net()
    network.gradients = lambda X, Y: {k: np.full_like(p, np.nan) for k, p in
                                      [("d" + k, p) for k, p in network.params.items()]}
    with pytest.raises(ValueError, match="backprop gradient dW1 contains NaN"):
        nnlib.gradient_check(network, X, Y)
