"""Every checker accepts its reference and diagnoses each mistake it claims to."""
import numpy as np
import pytest

from nnlib.exercises import ALL, Exercise, same

MISTAKES = [(name, key) for name, ex in ALL.items() for key in ex.mistakes]


def test_there_are_checkers():
    assert "check_column_means" in ALL


@pytest.mark.parametrize("name", sorted(ALL))
def test_reference_passes(name):
    outcome = ALL[name].evaluate(ALL[name].reference)
    assert outcome.passed, outcome.message


@pytest.mark.parametrize("name,key", MISTAKES)
def test_each_known_mistake_is_diagnosed(name, key):
    exercise = ALL[name]
    wrong, hint = exercise.mistakes[key]
    outcome = exercise.evaluate(wrong)
    assert not outcome.passed
    assert outcome.mistake == key, f"{name}: {key!r} was diagnosed as {outcome.mistake!r}"
    assert hint in outcome.message


@pytest.mark.parametrize("name", sorted(ALL))
def test_unimplemented_and_crashing_answers(name):
    def todo(*args):
        raise NotImplementedError

    def crash(*args):
        raise ZeroDivisionError("boom")

    assert ALL[name].evaluate(todo).mistake == "not-implemented"
    assert ALL[name].evaluate(crash).mistake == "error"
    assert ALL[name].evaluate(42).mistake == "not-callable"


def test_unknown_wrong_answer_shows_the_first_difference(capsys):
    ex = Exercise("double", lambda x: 2 * x, cases=[(np.ones((2, 1)),)])
    ex(lambda x: 3 * x)
    out = capsys.readouterr().out
    assert out.startswith("Not yet: for the input") and "expected" in out and "but got" in out
    ex(lambda x: x + x)
    assert capsys.readouterr().out == "All checks passed\n"


def test_checker_does_not_let_the_answer_modify_the_inputs():
    ex = Exercise("copy", lambda x: x.sum(), cases=[(np.ones(3),)])

    def sneaky(x):
        x[:] = 0
        return 3.0

    assert ex.evaluate(sneaky).passed  # the reference still saw the original ones


def test_same_is_shape_strict():
    assert same(np.zeros((3, 1)), np.zeros((3, 1)))
    assert not same(np.zeros((3,)), np.zeros((3, 1)))
    assert not same({"W1": 1.0}, {"W1": 1.0, "b1": 0.0})
    assert same((1.0, np.ones(2)), [1.0 + 1e-12, np.ones(2)])
    assert not same(np.array([1.0, np.nan]), np.array([1.0, np.nan]))


def test_non_finite_answers_get_the_stability_hint():
    ex = Exercise("exp_ratio", lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum(),
                  cases=[(np.array([1000.0, 999.0]),)], non_finite_hint="subtract the max")
    naive = lambda z: np.exp(z) / np.exp(z).sum()          # overflows: inf / inf = nan
    outcome = ex.evaluate(naive)
    assert outcome.mistake == "non-finite" and "subtract the max" in outcome.message
    plain = Exercise("exp_ratio", ex.reference, ex.cases)
    assert plain.evaluate(lambda z: z * np.nan).mistake == "wrong"
