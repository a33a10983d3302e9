"""Chapter 5 (Gradient descent): one update step, and the rule that ends the loop."""
import numpy as np

from ._core import Exercise

_rng = np.random.default_rng(5)


def _gradient_step(w, b, dw, db, learning_rate):
    """One step downhill: every parameter moves against its own partial derivative."""
    return w - learning_rate * dw, b - learning_rate * db


check_gradient_step = Exercise(
    "gradient_step",
    _gradient_step,
    cases=[
        (_rng.normal(size=(3, 1)), 0.5, _rng.normal(size=(3, 1)), -0.2, 0.1),
        (_rng.normal(size=(2, 3)), _rng.normal(size=(2, 1)), _rng.normal(size=(2, 3)),
         _rng.normal(size=(2, 1)), 0.05),
        (1.5, -0.3, 0.8, 0.4, 0.5),
    ],
    mistakes={
        "plus": (lambda w, b, dw, db, lr: (w + lr * dw, b + lr * db),
                 "you added the step. The gradient points uphill, the direction in which "
                 "the cost grows fastest, so w + learning_rate * dw climbs the hill. "
                 "Subtract it: w - learning_rate * dw."),
        "no-learning-rate": (lambda w, b, dw, db, lr: (w - dw, b - db),
                             "you subtracted the whole gradient. The step is "
                             "learning_rate * gradient: without the learning rate the step "
                             "size is whatever the slope happens to be, which may overshoot."),
        "only-w": (lambda w, b, dw, db, lr: (w - lr * dw, b),
                   "w moved but b did not. Every parameter takes a step: "
                   "b - learning_rate * db as well."),
        "swapped-gradients": (lambda w, b, dw, db, lr: (w - lr * db, b - lr * dw),
                              "each parameter must move against its own partial derivative: "
                              "w with dw = dJ/dw and b with db = dJ/db, not the other way round."),
    },
)


def _should_stop(grad, iteration, tol, max_iter):
    """Stop when the gradient is short (‖∇J‖ < tol) or the budget is spent."""
    return bool(np.linalg.norm(grad) < tol or iteration >= max_iter)


check_should_stop = Exercise(
    "should_stop",
    _should_stop,
    cases=[
        (np.array([0.5, -0.2]), 3, 1e-3, 100),        # keep going
        (np.array([-2.0, -1.0]), 3, 1e-3, 100),       # steep, downhill to the right: keep going
        (np.array([1e-4, -1e-4]), 5, 1e-3, 100),      # flat: stop
        (np.array([1.0, 1.0]), 100, 1e-3, 100),       # budget spent: stop
        (np.array([0.3, -0.3]), 7, 1e-3, 100),        # components cancel, but not flat: keep going
        (np.array([5.0, 5.0]), 101, 1e-3, 100),       # past the budget: stop
        (np.array([2e-4, 0.0, -3e-4]), 100, 1e-3, 100),  # flat and out of budget: stop
    ],
    mistakes={
        "signed": (lambda g, it, tol, mx: bool(np.all(g < tol) or it >= mx),
                   "you compared the gradient itself with tol. A large negative slope is "
                   "smaller than tol but far from flat: compare its length, "
                   "np.linalg.norm(grad) < tol."),
        "and": (lambda g, it, tol, mx: bool(np.linalg.norm(g) < tol and it >= mx),
                "you required both conditions. Either one ends the loop: a flat gradient "
                "means we are done, a spent budget means we give up (use `or`)."),
        "off-by-one": (lambda g, it, tol, mx: bool(np.linalg.norm(g) < tol or it > mx),
                       "with `iteration > max_iter` the loop runs one step more than its "
                       "budget; stop when iteration >= max_iter."),
        "sum-cancels": (lambda g, it, tol, mx: bool(abs(np.sum(g)) < tol or it >= mx),
                        "you added the components of the gradient: a positive and a negative "
                        "slope cancel even when both are steep. Use the norm, "
                        "np.linalg.norm(grad)."),
        "no-budget": (lambda g, it, tol, mx: bool(np.linalg.norm(g) < tol),
                      "you only test the gradient. When the learning rate is too large the "
                      "gradient never gets small and the loop would run forever: stop at "
                      "max_iter too."),
    },
)
