"""Activation functions g(z) and their derivatives g'(z).

Every function acts on an array ``Z`` of pre-activations, one example per
column (shape ``(n[l], m)``), and returns an array of the same shape and dtype
(float32 in, float32 out; integers are promoted to float64).

They are collected in one table, ``ACTIVATIONS = {name: (g, g_prime)}``, and
``get_activation(name)`` looks a pair up::

    g, g_prime = get_activation("relu")
    A = g(Z)                    # forward:  A[l] = g(Z[l])
    dZ = dA * g_prime(Z)        # backward: dZ[l] = dA[l] * g'(Z[l])

Softmax is the exception: each output depends on the whole column, so its
derivative is a Jacobian (see ``softmax_derivative``).

Inputs are checked once, at the door (``nnlib._validate.array``): a number
or an array of float32/float64 (ints become float64), not empty, with no NaN
or inf. The training loop calls the unchecked kernels (``g.kernel``) on
arrays it has already checked.

Numerical care: exponentials never overflow (we only take ``exp`` of
non-positive numbers) and never underflow either: arguments are clipped at a
floor of about ½·log(tiny) of the dtype, so sigmoid and softmax outputs are
never below ~1e-19 (float32) or ~1e-154 (float64) instead of even tinier true
values. So inputs as large as ±1e4 raise no warning even under
``np.errstate(all="raise")``.
"""
import functools

import numpy as np

from ._validate import activation as check_activation, array


def checked(kernel=None, ndim=None):
    """Decorator: the public function validates ``z``, then runs ``kernel``,
    which stays reachable, unchecked, as ``function.kernel``."""
    if kernel is None:
        return functools.partial(checked, ndim=ndim)

    @functools.wraps(kernel)
    def public(z):
        return kernel(array(z, "z", ndim=ndim))
    public.kernel = kernel
    return public


@functools.lru_cache
def _exp_floor(dtype, n=1):
    """Exponent floor f: (e^f / n)² is still a normal float, so neither e^f / n nor
    the products s·s of derivatives underflow."""
    return 0.5 * float(np.log(np.finfo(dtype).tiny)) + float(np.log(n)) + 1.0


@checked
def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), elementwise.

    Stable form: with e = e^(−|z|) ≤ 1, σ(z) = 1/(1+e) for z ≥ 0 and e/(1+e) for z < 0.
    """
    e = np.exp(np.maximum(-np.abs(z), _exp_floor(z.dtype)))
    r = 1 / (1 + e)
    return np.where(z >= 0, r, e * r)


@checked
def sigmoid_derivative(z):
    """σ'(z) = σ(z) (1 − σ(z))."""
    s = sigmoid.kernel(z)
    return s * (1 - s)


@checked
def tanh(z):
    """tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)), elementwise."""
    return np.tanh(z)


@checked
def tanh_derivative(z):
    """tanh'(z) = 1 − tanh²(z)."""
    t = np.tanh(z)
    return 1 - t * t


@checked
def relu(z):
    """ReLU(z) = max(0, z), elementwise."""
    return np.maximum(z, 0)


@checked
def relu_derivative(z):
    """ReLU'(z) = 1 if z > 0 else 0.

    ReLU has no derivative at z = 0; we choose ReLU'(0) = 0 (as PyTorch does),
    so a unit whose input is exactly 0 passes no gradient back.
    """
    return (z > 0).astype(z.dtype)


@checked
def leaky_relu(z):
    """LeakyReLU(z) = max(0.01 z, z): slope 1 for z > 0, slope 0.01 for z ≤ 0."""
    return np.maximum(0.01 * z, z)


@checked
def leaky_relu_derivative(z):
    """LeakyReLU'(z) = 1 if z > 0 else 0.01 (we choose 0.01 at z = 0)."""
    return np.where(z > 0, 1, 0.01).astype(z.dtype)


@checked
def linear(z):
    """Identity g(z) = z (used for regression outputs)."""
    return z.copy()


@checked
def linear_derivative(z):
    """g'(z) = 1."""
    return np.ones_like(z)


@checked(ndim=(1, 2))
def softmax(z):
    """softmax(z)_i = e^(z_i) / Σ_j e^(z_j), over axis 0: each column sums to 1.

    We subtract each column's maximum first, which does not change the result
    (softmax(z + c) = softmax(z)) but keeps every exponent ≤ 0, so nothing overflows.
    A 1-D ``z`` is treated as a single column.
    """
    e = z - z.max(axis=0, keepdims=True)
    np.maximum(e, _exp_floor(z.dtype, z.shape[0]), out=e)
    np.exp(e, out=e)
    e /= e.sum(axis=0, keepdims=True)
    return e


@checked(ndim=(1, 2))
def softmax_derivative(z):
    """Jacobian of softmax for every column: J[i, j, k] = ∂s_i/∂z_j = s_i (δ_ij − s_j).

    For Z of shape (C, m) the result has shape (C, C, m): one C×C matrix per example.
    (Backprop never builds it: ``layers.activation_backward`` uses the product
    Jᵀ dA = s * (dA − Σ_i s_i dA_i) directly.)
    """
    s = softmax.kernel(z)
    if s.ndim == 1:
        s = s[:, None]
    eye = np.eye(s.shape[0], dtype=s.dtype)[:, :, None]
    return s[:, None, :] * (eye - s[None, :, :])


ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "relu": (relu, relu_derivative),
    "leaky_relu": (leaky_relu, leaky_relu_derivative),
    "softmax": (softmax, softmax_derivative),
    "linear": (linear, linear_derivative),
}


# The unchecked pairs, for loops whose arrays are already checked (layers, network).
KERNELS = {name: (g.kernel, g_prime.kernel) for name, (g, g_prime) in ACTIVATIONS.items()}


def get_activation(name):
    """Return the pair ``(g, g_prime)`` for an activation name; ValueError lists the valid names."""
    check_activation(name, list(ACTIVATIONS), "name")
    return ACTIVATIONS[name]
