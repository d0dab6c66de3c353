"""NumPy definitions of activation and loss functions, used by the plots and checks.

Notebook 01 writes each formula and each derivative out itself and checks them against
``keras.activations``; this module holds the same definitions for the figures that
draw them (:func:`nbutils.plots.plot_activations`, :func:`nbutils.plots.plot_steps`),
so a plot does not depend on a notebook's cells.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from scipy.special import erf, expit

from nbutils._args import finite_array

LEAKY_SLOPE = 0.2
"""Slope below 0 of ``keras.activations.leaky_relu`` (its default ``negative_slope``).

The layer ``keras.layers.LeakyReLU`` has a different default, 0.3."""

SOFTMAX_FIRST = "softmax: p1 of (z, 0, 0)"
"""Name in :data:`ACTIVATIONS` of the softmax panel: the first of three probabilities."""


def _as_float_array(z) -> np.ndarray:
    return finite_array(z, "inputs", min_size=0)


def sigmoid(z):
    """Logistic function 1 / (1 + e^-z) (SciPy's ``expit``, which does not overflow)."""
    return expit(_as_float_array(z))


def softplus(z):
    """log(1 + e^z), computed without overflow."""
    return np.logaddexp(0.0, _as_float_array(z))


def relu(z):
    """max(z, 0)."""
    return np.maximum(_as_float_array(z), 0.0)


def leaky_relu(z, slope: float = LEAKY_SLOPE):
    """z where z > 0, ``slope * z`` elsewhere."""
    z = _as_float_array(z)
    return np.where(z > 0, z, slope * z)


def normal_cdf(z):
    """Standard normal CDF Phi(z) = (1 + erf(z / sqrt 2)) / 2."""
    return 0.5 * (1.0 + erf(_as_float_array(z) / math.sqrt(2.0)))


def normal_pdf(z):
    """Standard normal density phi(z)."""
    z = _as_float_array(z)
    return np.exp(-0.5 * z**2) / math.sqrt(2.0 * math.pi)


def gelu(z):
    """Exact GELU: z * Phi(z), with Phi the standard normal CDF."""
    z = _as_float_array(z)
    return z * normal_cdf(z)


def softmax(z, axis: int = -1):
    """Softmax along ``axis`` (shifted by the maximum for stability)."""
    z = _as_float_array(z)
    shifted = np.exp(z - z.max(axis=axis, keepdims=True))
    return shifted / shifted.sum(axis=axis, keepdims=True)


def softmax_first(z, n_classes: int = 3):
    """First softmax output when score 1 is ``z`` and the other ``n_classes - 1`` are 0.

    This is what the activation figure draws for softmax, which maps a whole vector of
    scores to probabilities and so has no one-number graph of its own. Its derivative in
    ``z`` is ``p (1 - p)``, the diagonal entry of the softmax Jacobian.
    """
    if isinstance(n_classes, bool) or not isinstance(n_classes, int) or n_classes < 2:
        raise ValueError(f"n_classes must be an int of at least 2, got {n_classes!r}")
    z = _as_float_array(z)
    return expit(z - math.log(n_classes - 1))


def _softmax_first_slope(z):
    p = softmax_first(z)
    return p * (1 - p)


ACTIVATIONS: dict[str, tuple[Callable, Callable]] = {
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z))),
    "tanh": (lambda z: np.tanh(_as_float_array(z)),
             lambda z: 1 - np.tanh(_as_float_array(z)) ** 2),
    "relu": (relu, lambda z: (_as_float_array(z) > 0).astype(float)),
    "leaky_relu": (leaky_relu, lambda z: np.where(_as_float_array(z) > 0, 1.0, LEAKY_SLOPE)),
    "gelu": (gelu, lambda z: normal_cdf(z) + _as_float_array(z) * normal_pdf(z)),
    "softplus": (softplus, sigmoid),
    SOFTMAX_FIRST: (softmax_first, _softmax_first_slope),
}
"""name -> (function, derivative). ReLU's derivative at 0 is taken as 0, as in Keras.

Every entry but the last is an element-wise activation named as in ``keras.activations``;
the last is :func:`softmax_first`, one output of softmax drawn as a function of one score.
"""


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
