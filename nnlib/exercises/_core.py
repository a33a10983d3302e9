"""One pattern for every exercise in the book.

An :class:`Exercise` knows a reference solution, a few test inputs, and the
classic mistakes readers make, each written as code together with a hint.
Calling it on the reader's function runs both on every input, prints one
of three things, and returns the function the rest of the chapter should use:

* ``All checks passed`` when the reader's answers match the reference;
* the hint of the known mistake whose answers the reader's function
  reproduces exactly (a missing 1/m, a flipped sign, a transposed reshape...);
* otherwise, the first input where the answers differ, with both answers.

An exercise cell therefore reads ``propagate = check_propagate(propagate)``:
once the reader's function passes, the cells below run *their* function; until
then (not written yet, or still wrong) they run the book's reference, and the
checker says so once. A chapter always runs to the end.

A :class:`Question` is the same idea for a prediction made *before* an
experiment: the reader writes a number, a shape or a letter, and the check
names the likely wrong answers.

Because every mistake is code, the tests can prove that each checker accepts
the reference and recognises every mistake it claims to diagnose.
"""
import copy
import warnings

import numpy as np

__all__ = ["Exercise", "Outcome", "Question", "same"]

PASSED = "All checks passed"
STANDS_IN = ("(Until yours passes, the cells below use the book's {name}, "
             "so the chapter still runs to the end.)")


class Outcome:
    """What a check found: ``passed``, the ``message`` shown, the ``mistake`` key."""

    def __init__(self, passed, message, mistake=None):
        self.passed, self.message, self.mistake = passed, message, mistake

    def __bool__(self):
        return self.passed

    def __repr__(self):
        return f"Outcome(passed={self.passed}, mistake={self.mistake!r})"


def same(a, b, rtol=1e-6, atol=1e-9, equal_nan=False):
    """True when two answers agree: same structure, same shapes, close values.

    Shapes must match exactly -- a ``(n,)`` array is *not* the same as
    ``(n, 1)``, which is precisely the bug broadcasting would hide. A NaN never
    matches the reference; ``equal_nan=True`` lets a reader's NaN match the NaN
    of a known mistake (an overflowing softmax, say), so it can be diagnosed.
    """
    if isinstance(a, dict) or isinstance(b, dict):
        return (isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys()
                and all(same(a[k], b[k], rtol, atol, equal_nan) for k in a))
    if isinstance(a, (tuple, list)) or isinstance(b, (tuple, list)):
        return (isinstance(a, (tuple, list)) and isinstance(b, (tuple, list))
                and len(a) == len(b) and all(same(x, y, rtol, atol, equal_nan) for x, y in zip(a, b)))
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    try:
        a, b = np.asarray(a), np.asarray(b)
    except Exception:
        return False
    if a.shape != b.shape or a.dtype.kind not in "biuf" or b.dtype.kind not in "biuf":
        return a.shape == b.shape and bool(np.all(a == b))
    return bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan))


def _non_finite(answer):
    """True when an answer (or any array inside it) holds NaN or inf."""
    if isinstance(answer, dict):
        return any(_non_finite(v) for v in answer.values())
    if isinstance(answer, (tuple, list)):
        return any(_non_finite(v) for v in answer)
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return False
    return not np.all(np.isfinite(arr))


def _describe(value):
    """A short, readable rendering of an answer for a failure message."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_describe(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(_describe(v) for v in value) + ")"
    arr = np.asarray(value) if not isinstance(value, str) else None
    if arr is not None and arr.dtype.kind in "biuf":
        if arr.ndim == 0:
            return f"{float(arr):.6g}"
        text = np.array2string(arr, precision=4, threshold=8, edgeitems=2).replace("\n", "")
        return f"array of shape {arr.shape}: {text}"
    return repr(value)


class Exercise:
    """A checker: ``Exercise(name, reference, cases, mistakes)``.

    name : str
        What the reader implements, used in messages.
    reference : callable
        The reference solution.
    cases : list of tuples
        Arguments to call both functions with (each call gets a fresh copy,
        so a function that modifies its input cannot fool the check).
    mistakes : dict
        ``{key: (wrong_function, hint)}`` -- a classic mistake, as code, and
        what to tell a reader whose answers match it.
    non_finite_hint : str, optional
        For exercises about numerical stability: what to tell a reader whose
        answer holds NaN or inf and matches no known mistake. NumPy's overflow
        warnings are then silenced too, since the hint explains them.
    overflow_hint : str, optional
        For exercises about numerical stability: once the answers are right,
        the reader's function runs again with NumPy's overflow, divide and
        invalid warnings turned into errors, and an error there is reported as
        the mistake "overflow" with this hint (right values reached through an
        overflow, e.g. 1 / (1 + e^1000) = 0.0, cannot be one of ``mistakes``).
    builds_on : tuple of str, optional
        The names of the reader's earlier functions this one calls (an
        assignment assembled from them); documentation, counted by
        ``tools/nb.py count``.
    """

    def __init__(self, name, reference, cases, mistakes=None, rtol=1e-6, atol=1e-9,
                 non_finite_hint=None, overflow_hint=None, builds_on=()):
        self.name, self.reference, self.cases = name, reference, list(cases)
        self.mistakes = dict(mistakes or {})
        self.rtol, self.atol = rtol, atol
        self.non_finite_hint, self.overflow_hint = non_finite_hint, overflow_hint
        self.builds_on = tuple(builds_on)

    def _answers(self, fn, quiet=False):
        if not quiet:
            return [fn(*copy.deepcopy(args)) for args in self.cases]
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [fn(*copy.deepcopy(args)) for args in self.cases]

    def evaluate(self, fn):
        """Check ``fn`` without printing; returns an :class:`Outcome`."""
        if not callable(fn):
            return Outcome(False, f"Pass your function itself, e.g. check({self.name}), "
                                  f"not {type(fn).__name__}.", "not-callable")
        try:
            answers = self._answers(fn, quiet=self.non_finite_hint is not None)
        except NotImplementedError:
            return Outcome(False, f"{self.name} is not implemented yet: replace the "
                                  "`raise NotImplementedError` with your code.", "not-implemented")
        except Exception as exc:  # the reader's code crashed: say where and why
            return Outcome(False, f"{self.name} raised {type(exc).__name__}: {exc}", "error")
        expected = self._answers(self.reference)
        if all(same(a, e, self.rtol, self.atol) for a, e in zip(answers, expected)):
            return self._overflow_check(fn)
        for key, (wrong, hint) in self.mistakes.items():
            try:
                wrong_answers = self._answers(wrong, quiet=True)   # may overflow on purpose
            except Exception:
                continue
            if all(same(a, w, self.rtol, self.atol, equal_nan=True)
                   for a, w in zip(answers, wrong_answers)):
                return Outcome(False, f"Not yet: {hint}", key)
        if self.non_finite_hint and any(_non_finite(a) for a in answers):
            return Outcome(False, f"Not yet: {self.non_finite_hint}", "non-finite")
        for args, a, e in zip(self.cases, answers, expected):
            if not same(a, e, self.rtol, self.atol):
                inputs = ", ".join(_describe(x) for x in args)
                return Outcome(False, f"Not yet: for the input {inputs}\n"
                                      f"  expected {_describe(e)}\n  but got  {_describe(a)}",
                               "wrong")
        raise AssertionError("unreachable: some answer differed")

    def _overflow_check(self, fn):
        """Right answers; with ``overflow_hint``, also reached without an overflow?"""
        if self.overflow_hint:
            try:
                with np.errstate(over="raise", divide="raise", invalid="raise"):
                    self._answers(fn)
            except FloatingPointError as err:
                return Outcome(False, f"Not yet: {self.overflow_hint} (NumPy: {err}.)",
                               "overflow")
        return Outcome(True, PASSED)

    def __call__(self, fn):
        """Check the reader's function, print the verdict, return the function to use.

        That is ``fn`` itself once it passes, otherwise the reference (and the
        message says so), so ``f = check_f(f)`` keeps the chapter running.
        """
        outcome = self.evaluate(fn)
        if outcome.passed:
            print(outcome.message)
            return fn
        print(outcome.message + "\n" + STANDS_IN.format(name=self.name))
        return self.reference

    def __repr__(self):
        return f"<exercise check for {self.name}: {len(self.mistakes)} known mistakes>"


class Question:
    """A prediction to check: ``Question(name, answer, wrong, why, rtol=0)``.

    name : str
        What is predicted, used in messages ("the shape of dW2").
    answer
        The right answer: a number, a tuple (a shape), or a string (a letter
        of a multiple choice; compared without case or spaces).
    wrong : dict
        ``{likely_wrong_answer: hint}``: what to tell a reader who gives it.
    why : str
        The explanation shown with a right answer.
    rtol : float
        Relative tolerance for a numeric answer (0: exact).
    """

    def __init__(self, name, answer, wrong=None, why="", rtol=0.0):
        self.name, self.answer, self.why, self.rtol = name, answer, why, rtol
        self.wrong = dict(wrong or {})

    def _matches(self, guess, value):
        if isinstance(value, str):
            return isinstance(guess, str) and guess.strip().lower() == value.strip().lower()
        if isinstance(guess, str):
            return False
        return same(guess, value, rtol=self.rtol, atol=0.0)

    def evaluate(self, guess):
        """Check a prediction without printing; returns an :class:`Outcome`."""
        if guess is None or guess is Ellipsis:
            return Outcome(False, f"Make your prediction first: replace None with your "
                                  f"answer for {self.name}, then run the cell again.",
                           "no-answer")
        if self._matches(guess, self.answer):
            return Outcome(True, f"Right. {self.why}".strip())
        for key, hint in self.wrong.items():
            if self._matches(guess, key):
                return Outcome(False, f"Not quite: {hint}", repr(key))
        return Outcome(False, f"Not quite: {guess!r} is not {self.name}. Think it through "
                              "once more; the experiment below shows the answer.", "wrong")

    def __call__(self, guess):
        """Check the reader's prediction and print the verdict."""
        print(self.evaluate(guess).message)

    def __repr__(self):
        return f"<prediction check for {self.name}: {len(self.wrong)} known wrong answers>"
