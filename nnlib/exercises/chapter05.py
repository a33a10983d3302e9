"""Chapter 5 (Gradient descent): one update step, the gradient of a line's
cost, the gradient-descent loop itself, and two predictions about learning
rates on the study-hours bowl."""
import numpy as np

from ..data import load_study_hours
from ._core import Exercise, Question

_rng = np.random.default_rng(5)


# --- Exercise: one step ------------------------------------------------------

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


# --- Exercise: cost and gradient of a line -----------------------------------

def _line_cost_and_gradient(theta, x, y):
    """J(w, b) = (1/m) Σ ½ (w x + b - y)² and its gradient [dJ/dw, dJ/db]."""
    w, b = theta
    r = w * x + b - y                        # residuals ŷ - y, one per example
    cost = float(np.mean(0.5 * r ** 2))
    return cost, np.array([np.mean(r * x), np.mean(r)])


def _line_variant(cost_scale=1.0, grad_scale=1.0, sign=1.0, mean=True,
                  dw_has_x=True, shape=None):
    """The reference with one piece changed: a classic mistake as code."""
    def wrong(theta, x, y):
        w, b = theta
        r = sign * (w * x + b - y)
        avg = np.mean if mean else np.sum
        cost = float(cost_scale * avg(0.5 * r ** 2))
        grad = grad_scale * np.array([avg(r * x) if dw_has_x else avg(r), avg(r)])
        if shape == "column":
            grad = grad.reshape(2, 1)
        elif shape == "tuple":
            grad = (grad[0], grad[1])
        return cost, grad
    return wrong


check_line_cost_and_gradient = Exercise(
    "line_cost_and_gradient",
    _line_cost_and_gradient,
    cases=[
        (np.array([0.5, -0.25]), np.array([0.5, 1.5, 2.5]), np.array([1.0, 2.2, 2.9])),
        (_rng.normal(size=2), _rng.uniform(0, 2, size=6), _rng.uniform(0, 1, size=6)),
        (np.array([-1.2, 0.3]), _rng.normal(size=4), _rng.normal(size=4)),
    ],
    mistakes={
        "sum-not-mean": (_line_variant(mean=False),
                         "you added over the examples but did not divide by m. J is the "
                         "AVERAGE of ½(ŷ - y)², so its derivatives are averages too: "
                         "np.mean, not np.sum."),
        "flipped-residual": (_line_variant(sign=-1.0),
                             "your gradient has the wrong sign: you used y - ŷ. The "
                             "derivative of ½(ŷ - y)² with respect to ŷ is ŷ - y, so the "
                             "residual is w*x + b - y. With y - ŷ, gradient descent climbs."),
        "no-half-in-cost": (_line_variant(cost_scale=2.0),
                            "the gradient is right but your cost is twice too large: you "
                            "dropped the ½. J = (1/m) Σ ½(ŷ - y)²."),
        "gradient-doubled": (_line_variant(grad_scale=2.0),
                             "your gradient is twice too large. The derivative of ½ r² is "
                             "r: the 2 from the square cancels the ½."),
        "dw-without-x": (_line_variant(dw_has_x=False),
                         "your dJ/dw equals dJ/db. By the chain rule ŷ = w x + b changes "
                         "by x when w grows by 1, so dJ/dw averages (ŷ - y) * x; only "
                         "dJ/db averages (ŷ - y) alone."),
        "column-gradient": (_line_variant(shape="column"),
                            "your gradient is a column of shape (2, 1). Give it the shape "
                            "of theta, (2,): otherwise theta - alpha * grad broadcasts a "
                            "(2,) and a (2, 1) into a (2, 2) matrix."),
        "tuple-gradient": (_line_variant(shape="tuple"),
                           "you returned the two derivatives as a tuple. Return one NumPy "
                           "array, np.array([dw, db]), so that theta - alpha * grad works."),
    },
)


# --- Exercise: the gradient-descent loop --------------------------------------

def _gradient_descent(cost_and_gradient, theta, learning_rate, epsilon, max_iter):
    """At most max_iter times: record the cost, stop if ‖∇J‖ < epsilon, else step.

    Returns the last theta and the list of recorded costs (the cost of every
    point where a gradient was taken, the start included). The caller's theta
    is never changed.
    """
    theta = np.array(theta, dtype=float)          # a copy
    costs = []
    for _ in range(max_iter):
        cost, grad = cost_and_gradient(theta)
        costs.append(cost)
        if np.linalg.norm(grad) < epsilon:
            break
        theta = theta - learning_rate * grad
    return theta, costs


class _Bowl:
    """A test cost: J(θ) = ½ (θ - c)ᵀ A (θ - c) + lowest, gradient A (θ - c).

    It also holds the very array the caller starts from. If gradient_descent
    changes that array in place, every cost reported afterwards is NaN: this
    is how the check notices an in-place update, which otherwise leaves the
    returned answers unchanged.
    """

    def __init__(self, A, centre, start, lowest):
        self.A, self.centre, self.lowest = np.asarray(A, float), np.asarray(centre, float), lowest
        self.start, self.original = start, start.copy()

    def __repr__(self):
        return (f"cost_and_gradient (a bowl, lowest cost {self.lowest} at "
                f"{np.round(self.centre.ravel(), 3).tolist()})")

    def __call__(self, theta):
        d = (np.asarray(theta, dtype=float) - self.centre).ravel()
        cost = float(0.5 * d @ self.A @ d + self.lowest)
        if not np.array_equal(self.start, self.original):
            cost = float("nan")
        return cost, (self.A @ d).reshape(np.shape(theta))


def _case(A, centre, start, lowest, learning_rate, epsilon, max_iter):
    start = np.array(start, dtype=float)
    bowl = _Bowl(A, np.reshape(centre, start.shape), start, lowest)
    return (bowl, start, learning_rate, epsilon, max_iter)   # bowl.start is start


_A2 = [[3.0, 1.0], [1.0, 1.0]]
_A3 = [[2.0, 0.5, 0.0], [0.5, 1.0, 0.2], [0.0, 0.2, 0.6]]
_GD_CASES = [
    _case(_A2, [1.0, -2.0], [-1.0, 0.5], 0.1, 0.3, 0.0, 5),       # epsilon 0: exactly 5 steps
    _case(_A2, [1.0, -2.0], [-1.0, 0.5], 0.1, 0.3, 1e-3, 0),      # no budget: no step at all
    _case(_A2, [0.5, 0.5], [2.0, -1.0], 0.1, 0.8, 1e-6, 6),       # too large a rate: grows
    _case(_A2, [1.0, -2.0], [-1.0, 0.5], 0.1, 0.3, 1e-3, 80),     # stops on a short gradient
    _case(_A3, [[2.0], [1.0], [1.5]], [[-1.0], [-2.0], [-1.0]],   # a column; every slope
          0.0, 0.5, 1e-2, 60),                                    # negative at the start
]


def _loop(update=None, stop=None, budget=lambda n: n, record_after=False,
          copy=True, as_array=False):
    """The reference loop with one piece changed: a classic mistake as code."""
    update = update or (lambda theta, lr, g: theta - lr * g)
    stop = stop or (lambda cost, g, eps: np.linalg.norm(g) < eps)

    def wrong(cost_and_gradient, theta, learning_rate, epsilon, max_iter):
        if copy:
            theta = np.array(theta, dtype=float)
        costs = []
        for _ in range(budget(max_iter)):
            cost, grad = cost_and_gradient(theta)
            if not record_after:
                costs.append(cost)
            if stop(cost, grad, epsilon):
                break
            if copy:
                theta = update(theta, learning_rate, grad)
            else:
                theta -= learning_rate * grad         # changes the caller's array
            if record_after:
                costs.append(cost_and_gradient(theta)[0])
        return theta, (np.array(costs) if as_array else costs)
    return wrong


check_gradient_descent = Exercise(
    "gradient_descent",
    _gradient_descent,
    cases=_GD_CASES,
    mistakes={
        "climbs": (_loop(update=lambda theta, lr, g: theta + lr * g),
                   "you added the step, theta + learning_rate * grad. The gradient points "
                   "uphill, so this climbs: subtract it."),
        "no-learning-rate": (_loop(update=lambda theta, lr, g: theta - g),
                             "you subtracted the whole gradient: the step is "
                             "learning_rate * grad."),
        "stops-on-cost": (_loop(stop=lambda cost, g, eps: cost < eps),
                          "you stop when the COST is below epsilon. The lowest cost is "
                          "rarely 0 (here it is not), so that test may never fire; at the "
                          "bottom it is the slope that vanishes. Test "
                          "np.linalg.norm(grad) < epsilon."),
        "reversed-test": (_loop(stop=lambda cost, g, eps: np.linalg.norm(g) > eps),
                          "your stopping test is the wrong way round: you stop while the "
                          "gradient is still long. Stop when np.linalg.norm(grad) < epsilon."),
        "signed-test": (_loop(stop=lambda cost, g, eps: bool(np.all(g < eps))),
                        "you compared the gradient itself with epsilon. A steep slope "
                        "downhill to the right is negative, hence 'smaller than epsilon', "
                        "but far from flat: compare its length, np.linalg.norm(grad)."),
        "no-early-stop": (_loop(stop=lambda cost, g, eps: False),
                          "your loop always runs max_iter times. Once the gradient is short, "
                          "np.linalg.norm(grad) < epsilon, stop (break) and return."),
        "cost-after-update": (_loop(record_after=True),
                              "you record the cost after the update. Record the cost of the "
                              "point where you took the gradient, before stepping: costs[0] "
                              "is the cost of the start, and costs has one entry per "
                              "gradient computed."),
        "in-place": (_loop(copy=False),
                     "you changed the caller's theta in place (theta -= ...). The start the "
                     "caller passed in is then lost. Write theta = theta - learning_rate * "
                     "grad, which makes a new array (np.asarray does not copy)."),
        "one-extra-step": (_loop(budget=lambda n: n + 1),
                           "your loop runs max_iter + 1 times. With epsilon = 0 it must make "
                           "exactly max_iter updates and record max_iter costs: "
                           "for _ in range(max_iter)."),
        "one-step-short": (_loop(budget=lambda n: max(n - 1, 0)),
                           "your loop runs max_iter - 1 times. With epsilon = 0 it must make "
                           "exactly max_iter updates and record max_iter costs: "
                           "for _ in range(max_iter)."),
        "costs-array": (_loop(as_array=True),
                        "the numbers are right, but return the costs as a Python list "
                        "(costs.append(cost) in the loop), not as an array."),
    },
)


# --- Predictions on the study-hours bowl --------------------------------------
# The chapter's line y ≈ w x + b, x = hours of study / 100: the cost's matrix
# of second derivatives, its curvatures, and runs of the reference loop.

_X, _Y = load_study_hours()
_x, _y = _X[0] / 100, _Y[0]
_flat, _steep = np.linalg.eigvalsh(np.array([[np.mean(_x ** 2), np.mean(_x)],
                                             [np.mean(_x), 1.0]]))
_c1 = float(np.mean(_x ** 2))                      # the one-parameter hill's curvature
_limit = 2 / _steep

check_divergence_rate = Question(
    "the smallest learning rate at which gradient descent on the (w, b) bowl diverges",
    _limit,
    wrong={
        2 / _flat: f"2 / {_flat:.4f} uses the flat direction. Every direction must stay "
                   "stable; the steep one breaks first.",
        1 / _steep: f"at 1 / {_steep:.4f} one step lands exactly on the valley floor in the "
                    "steep direction; above it the path overshoots but still converges "
                    "until the factor 1 - alpha * curvature passes -1.",
        2 / _c1: f"2 / {_c1:.4f} = {2 / _c1:.3f} was the limit for w alone, with b fixed. "
                 "With b free too, the bowl curves more steeply in one direction.",
        1 / _c1: "1/c was the rate of one perfect step for w alone; divergence starts at "
                 "2 / (the steepest curvature).",
        2 / (_flat + _steep): "that rate balances the two directions (the fastest rate); "
                              "the limit is 2 / (the steepest curvature).",
    },
    why=f"Each step multiplies the distance along the steepest direction by "
        f"1 - alpha * {_steep:.4f}; that factor passes -1 at alpha = 2 / {_steep:.4f} "
        f"= {_limit:.3f}.",
    rtol=0.03,
)

_RATES = [0.1, 0.5, 1.0, 1.5, 1.64]
_steps = {a: len(_gradient_descent(lambda t: _line_cost_and_gradient(t, _x, _y),
                                   np.array([-0.6, 0.15]), a, 1e-6, 2000)[1])
          for a in _RATES}
_fastest = min(_RATES, key=_steps.get)


def _factors(a):
    return f"|1 - {a} λ| = {abs(1 - a * _flat):.2f} (flat), {abs(1 - a * _steep):.2f} (steep)"


check_fastest_rate = Question(
    "the learning rate, of " + ", ".join(map(str, _RATES)) + ", that reaches "
    "‖∇J‖ < 1e-6 in the fewest steps",
    _fastest,
    wrong={a: (f"{_factors(a)}. " + (
        "The steep component barely shrinks: it bounces from wall to wall. The "
        "largest stable rate is not the fastest." if a > _fastest else
        "The flat direction, with the larger factor, sets the pace; a larger rate "
        "shrinks it faster, until the steep factor catches up."))
        for a in _RATES if a != _fastest},
    why=f"Both components shrink by about the same factor there, {_factors(_fastest)}; "
        "any other rate leaves one of them shrinking more slowly.",
)
