"""NumPy definitions of activation and loss functions, used by the plots and checks.

The notebooks write each formula out in LaTeX and compare these definitions with
``keras.activations`` and ``keras.losses``; this module only saves retyping them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from nbutils._args import finite_array

LEAKY_SLOPE = 0.2  # keras.activations.leaky_relu's default negative_slope


def _as_float_array(z) -> np.ndarray:
    return finite_array(z, "inputs", min_size=0)


def sigmoid(z):
    """Logistic function 1 / (1 + e^-z), computed without overflow."""
    z = _as_float_array(z)
    return np.exp(-np.logaddexp(0.0, -z))


def softplus(z):
    """log(1 + e^z), computed without overflow."""
    return np.logaddexp(0.0, _as_float_array(z))


def relu(z):
    return np.maximum(_as_float_array(z), 0.0)


def leaky_relu(z, slope: float = LEAKY_SLOPE):
    z = _as_float_array(z)
    return np.where(z > 0, z, slope * z)


def _erf(z: np.ndarray) -> np.ndarray:
    return np.vectorize(math.erf, otypes=[float])(z)


def gelu(z):
    """Exact GELU: z * Phi(z), with Phi the standard normal CDF."""
    z = _as_float_array(z)
    return z * 0.5 * (1.0 + _erf(z / math.sqrt(2.0)))


def softmax(z, axis: int = -1):
    """Softmax along ``axis`` (shifted by the maximum for stability)."""
    z = _as_float_array(z)
    shifted = np.exp(z - z.max(axis=axis, keepdims=True))
    return shifted / shifted.sum(axis=axis, keepdims=True)


def softmax_first(z, n_classes: int = 3):
    """First softmax output when logit 1 is ``z`` and the other ``n_classes - 1`` are 0."""
    z = _as_float_array(z)
    return np.exp(z) / (np.exp(z) + (n_classes - 1))


ACTIVATIONS: dict[str, tuple[Callable, Callable]] = {
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z))),
    "tanh": (lambda z: np.tanh(_as_float_array(z)),
             lambda z: 1 - np.tanh(_as_float_array(z)) ** 2),
    "relu": (relu, lambda z: (_as_float_array(z) > 0).astype(float)),
    "leaky_relu": (leaky_relu, lambda z: np.where(_as_float_array(z) > 0, 1.0, LEAKY_SLOPE)),
    "gelu": (gelu, lambda z: 0.5 * (1 + _erf(_as_float_array(z) / math.sqrt(2)))
             + _as_float_array(z) * np.exp(-_as_float_array(z) ** 2 / 2) / math.sqrt(2 * math.pi)),
    "softplus": (softplus, sigmoid),
    "softmax": (softmax_first, lambda z: softmax_first(z) * (1 - softmax_first(z))),
}
"""name -> (function, derivative). ReLU's derivative at 0 is taken as 0, as in Keras."""


def activation(name: str) -> tuple[Callable, Callable]:
    """Return ``(function, derivative)`` for one of :data:`ACTIVATIONS`."""
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose from {list(ACTIVATIONS)}")
    return ACTIVATIONS[name]


MARGIN_LOSSES: dict[str, Callable] = {
    "0-1 (error rate)": lambda m: (m <= 0).astype(float),
    "hinge": lambda m: np.maximum(0.0, 1.0 - m),
    "exponential": lambda m: np.exp(-m),
    "squared": lambda m: (1.0 - m) ** 2,
    "cross-entropy": lambda m: np.logaddexp(0.0, -m) / np.log(2.0),
}
"""Losses of a classifier with labels y in {-1, +1} as functions of the margin m = y f(x).

Cross-entropy is in bits (base-2 logarithm), so every loss equals 1 at m = 0.
"""


def margin_losses(margin) -> dict[str, np.ndarray]:
    """Evaluate every loss in :data:`MARGIN_LOSSES` at the given margins."""
    m = _as_float_array(margin)
    return {name: loss(m) for name, loss in MARGIN_LOSSES.items()}
