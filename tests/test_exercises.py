"""Every checker accepts its reference and diagnoses each mistake it claims to."""
import numpy as np
import pytest

from nnlib.exercises import ALL, Exercise, Question, same

EXERCISES = {name: ex for name, ex in ALL.items() if isinstance(ex, Exercise)}
MISTAKES = [(name, key) for name, ex in EXERCISES.items() for key in ex.mistakes]


def test_there_are_checkers():
    assert "check_column_means" in ALL


@pytest.mark.parametrize("name", sorted(EXERCISES))
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


@pytest.mark.parametrize("name", sorted(EXERCISES))
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


def test_checker_returns_the_function_to_use(capsys):
    ex = Exercise("double", lambda x: 2 * x, cases=[(np.ones((2, 1)),)])

    def mine(x):
        return x + x

    assert ex(mine) is mine                       # passes: the reader's own function
    assert capsys.readouterr().out == "All checks passed\n"
    assert ex(lambda x: 3 * x) is ex.reference    # wrong: the reference stands in
    assert "the cells below use the book's double" in capsys.readouterr().out


QUESTIONS = [(name, key) for name, q in ALL.items() if isinstance(q, Question)
             for key in q.wrong]


@pytest.mark.parametrize("name", sorted(n for n, q in ALL.items() if isinstance(q, Question)))
def test_each_prediction_accepts_its_answer(name):
    q = ALL[name]
    assert q.evaluate(q.answer).passed
    assert q.evaluate(None).mistake == "no-answer"


@pytest.mark.parametrize("name,key", QUESTIONS)
def test_each_likely_wrong_prediction_is_diagnosed(name, key):
    outcome = ALL[name].evaluate(key)
    assert not outcome.passed and outcome.mistake == repr(key)
    assert ALL[name].wrong[key] in outcome.message


def test_question_compares_numbers_shapes_and_letters():
    q = Question("the shape of dW2", (1, 4), {(4, 1): "transposed"}, why="as W2")
    assert q.evaluate((1, 4)).passed and q.evaluate([1, 4]).passed
    assert q.evaluate((4, 1)).mistake == "(4, 1)"
    assert q.evaluate((2, 2)).mistake == "wrong"
    letter = Question("the answer", "b", {"a": "no"})
    assert letter.evaluate(" B ").passed and letter.evaluate("a").mistake == "'a'"
    rate = Question("the rate", 2.0, {1.0: "too small"}, rtol=0.1)
    assert rate.evaluate(2.1).passed and not rate.evaluate("2").passed
