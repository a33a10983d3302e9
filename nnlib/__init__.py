"""nnlib: the small NumPy neural-network library this book builds and uses.

Notation (the course notes'): examples are columns, ``X.shape == (n_x, m)``,
``Y.shape == (1, m)`` (or ``(C, m)`` one-hot); layer ``l`` has ``W[l]`` of shape
``(n[l], n[l-1])`` and ``b[l]`` of shape ``(n[l], 1)``; ``Z[l] = W[l] A[l-1] + b[l]``,
``A[l] = g[l](Z[l])``, ``A[0] = X``, ``ŷ = A[L]``.

One module per idea the book teaches:

=================  ==========================================================
``activations``    sigmoid, tanh, ReLU, leaky ReLU, softmax and derivatives
``costs``          cross-entropy and squared-error costs and their gradients
``init``           zeros, small random, He and Xavier initialisation
``layers``         building blocks: linear/activation forward and backward
``network``        ``NeuralNetwork``: forward, gradients, fit, predict
``gradcheck``      numerical gradient checking
``data``           MNIST, the flower data set, the study-hours table
``metrics``        accuracy, confusion matrix
``plots``          the figures the chapters share
``widgets``        sliders that work in Jupyter and in the static HTML book
``exercises``      the one-call exercise checkers
=================  ==========================================================
"""
from .activations import (ACTIVATIONS, get_activation, leaky_relu, leaky_relu_derivative,
                          linear, linear_derivative, relu, relu_derivative, sigmoid,
                          sigmoid_derivative, softmax, softmax_derivative, tanh,
                          tanh_derivative)
from .costs import (COSTS, binary_cross_entropy, binary_cross_entropy_gradient,
                    categorical_cross_entropy, categorical_cross_entropy_gradient,
                    mean_squared_error, mean_squared_error_gradient)
from .data import flatten, load_mnist, load_study_hours, make_flower, one_hot
from .gradcheck import gradient_check, numerical_gradients
from .init import initialize_parameters
from .layers import (activation_backward, activation_forward, layer_backward, layer_forward,
                     linear_backward, linear_forward)
from .metrics import accuracy, confusion_matrix
from .network import NeuralNetwork
from .plots import (plot_activation, plot_confusion_matrix, plot_cost, plot_decision_boundary,
                    plot_digits, plot_probabilities)
from .widgets import slider

__version__ = "0.1.0"
