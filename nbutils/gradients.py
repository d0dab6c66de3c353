"""Per-layer gradient norms of a Keras model, and their plot (vanishing gradients)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np


def layer_gradient_norms(model, x, y, loss: Callable | str) -> list[float]:
    """Euclidean norm of d(loss)/d(kernel) for every layer that has a kernel, in order.

    ``loss`` is a Keras loss object, a callable ``loss(y_true, y_pred)`` or a loss name
    such as ``"mse"``. The model is run in inference mode on the batch ``(x, y)``.
    """
    import keras
    import tensorflow as tf

    loss_fn = keras.losses.get(loss) if isinstance(loss, str) else loss
    if not callable(loss_fn):
        raise TypeError("loss must be a Keras loss, a loss name or a callable")
    kernels = [layer.kernel for layer in model.layers if hasattr(layer, "kernel")]
    if not kernels:
        raise ValueError("the model has no layer with a kernel (Dense, Conv2D, ...)")
    x = tf.convert_to_tensor(x)
    with tf.GradientTape() as tape:
        value = tf.reduce_mean(loss_fn(y, model(x, training=False)))
    grads = tape.gradient(value, kernels)
    return [float(np.linalg.norm(g.numpy())) for g in grads]


def plot_gradient_norms(norms: Mapping[str, Sequence[float]], title: str | None = None):
    """Plot gradient norm against layer depth (log scale), one line per model.

    ``norms`` maps a label to the list returned by :func:`layer_gradient_norms`.
    Returns ``(fig, ax)``.
    """
    if not isinstance(norms, Mapping) or not norms:
        raise TypeError("norms must be a non-empty dict: label -> list of norms")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 3.8))
    for label, values in norms.items():
        values = np.asarray(values, dtype=float)
        if values.ndim != 1 or values.size == 0 or np.any(values < 0):
            raise ValueError(f"norms[{label!r}] must be a non-empty list of non-negative numbers")
        ax.semilogy(np.arange(1, values.size + 1), np.maximum(values, 1e-30), "o-", label=label)
    ax.set_xlabel("layer (1 = nearest the input)")
    ax.set_ylabel("gradient norm of the layer's weights")
    if title:
        ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    return fig, ax
