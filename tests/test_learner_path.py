"""The learner's path, run as a reader would: chapter 5 executed twice.

Once with a wrong ``gradient_descent`` in the exercise cell (it climbs the cost
instead of descending), once with a correct one written differently from the
reference (a ``while`` loop that counts its calls). Both runs must reach the
end of the chapter. The wrong one is diagnosed and the book's function stands
in; the right one passes, the later cells call *it* (its call counter keeps
rising after the check) and they print exactly what the saved chapter prints.
"""
import json
import pathlib
import re

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTER = ROOT / "chapters" / "05_gradient_descent.ipynb"

WRONG = '''
def gradient_descent(cost_and_gradient, theta, learning_rate, epsilon,
                     max_iter):
    costs = []
    for _ in range(max_iter):
        cost, grad = cost_and_gradient(theta)
        costs.append(cost)
        if np.linalg.norm(grad) < epsilon:
            break
        theta = theta + learning_rate * grad      # climbs: the sign is wrong
    return theta, costs
'''

RIGHT = '''
READER_CALLS = 0


def gradient_descent(cost_and_gradient, theta, learning_rate, epsilon,
                     max_iter):
    global READER_CALLS
    READER_CALLS += 1
    theta, costs, k = np.array(theta, dtype=float), [], 0
    while k < max_iter:
        cost, grad = cost_and_gradient(theta)
        costs += [cost]
        if np.sqrt(np.sum(grad * grad)) < epsilon:
            break
        theta = theta - learning_rate * grad
        k += 1
    return theta, costs
'''


def _exercise_index(nb):
    for i, cell in enumerate(nb.cells):
        if "exercise" in cell.metadata.get("tags", []) and \
                "gradient_descent = check_gradient_descent(gradient_descent)" in cell.source:
            return i
    raise AssertionError("chapter 5 has no gradient_descent exercise cell")


def _run(reader_code):
    """Execute chapter 5 with the reader's code in the exercise cell; return the notebook
    and the index of that cell. A probe cell right after it and one at the end print the
    function in use and its call count."""
    from nbclient import NotebookClient

    nb = nbformat.read(CHAPTER, as_version=4)
    i = _exercise_index(nb)
    source = nb.cells[i].source
    head = source[:source.index("def gradient_descent")]
    nb.cells[i].source = head + reader_code + "\ngradient_descent = check_gradient_descent(gradient_descent)\n"
    probe = ("print('PROBE', gradient_descent.__name__, "
             "globals().get('READER_CALLS', '-'))")
    nb.cells.insert(i + 1, nbformat.v4.new_code_cell(probe))
    nb.cells.append(nbformat.v4.new_code_cell(probe))
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(CHAPTER.parent)}}).execute()
    return nb, i


def _text(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o["output_type"] == "stream")


def _masked(text):
    return re.sub(r"⏱[^\n]*", "⏱", text)


@pytest.fixture(scope="module")
def saved():
    return nbformat.read(CHAPTER, as_version=4)


def test_a_wrong_function_is_diagnosed_and_the_chapter_still_runs(saved):
    nb, i = _run(WRONG)
    verdict = _text(nb.cells[i])
    assert "Not yet" in verdict and "climb" in verdict.lower()
    assert "the cells below use the book's gradient_descent" in verdict
    assert _text(nb.cells[i + 1]).split()[1] == "_gradient_descent"     # the reference
    assert _text(nb.cells[-1]).split()[1] == "_gradient_descent"
    # the stand-in gives the saved (reference-path) results after the exercise
    later = [_masked(_text(c)) for c in nb.cells[i + 2:-1]]
    assert later == [_masked(_text(c)) for c in saved.cells[i + 1:]]


def test_a_right_function_written_differently_carries_the_chapter(saved):
    nb, i = _run(RIGHT)
    assert _text(nb.cells[i]).startswith("All checks passed")
    _, name, after_check = _text(nb.cells[i + 1]).split()
    _, name_at_end, at_end = _text(nb.cells[-1]).split()
    assert name == name_at_end == "gradient_descent"                    # the reader's
    assert int(at_end) > int(after_check), "later cells must call the reader's function"
    later = [_masked(_text(c)) for c in nb.cells[i + 2:-1]]
    assert later == [_masked(_text(c)) for c in saved.cells[i + 1:]]
