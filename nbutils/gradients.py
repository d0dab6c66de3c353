"""Gradients for the notebooks: automatic differentiation under any Keras backend, a table
that sets a hand-derived gradient beside other computations of it, per-layer gradient
norms of a Keras model and their plot (vanishing gradients).

Keras, TensorFlow and JAX are imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from nbutils._args import finite_array, finite_number


def _backend() -> str:
    import keras

    return keras.backend.backend()


def allow_float64() -> None:
    """Let the backend compute in float64 where a model or variable asks for it.

    TensorFlow computes in the dtype it is given, so this does nothing there. JAX turns
    float64 into float32 unless its ``jax_enable_x64`` option is on: under JAX this turns
    it on for the rest of the session and says so. Keras's default float type stays
    float32 either way.
    """
    if _backend() != "jax":
        return
    import jax

    jax.config.update("jax_enable_x64", True)
    print("JAX backend: 64-bit floats switched on (jax_enable_x64), as the float64 "
          "comparisons below need")


def autodiff_gradient(loss: Callable, theta) -> np.ndarray:
    """Gradient of the scalar ``loss(theta)`` by automatic differentiation, in float64.

    ``loss`` is written with ``keras.ops`` so that it runs under every backend; under
    TensorFlow the gradient comes from ``tf.GradientTape``, under JAX from ``jax.grad``.
    Returns an array of the shape of ``theta``.
    """
    if not callable(loss):
        raise TypeError("loss must be a function of the parameter vector")
    theta = finite_array(theta, "theta").astype(np.float64)
    name = _backend()
    if name == "tensorflow":
        import tensorflow as tf

        variable = tf.Variable(theta)
        with tf.GradientTape() as tape:
            value = loss(variable)
        grad = tape.gradient(value, variable)
        return np.zeros_like(theta) if grad is None else np.asarray(grad, dtype=np.float64)
    if name == "jax":
        import jax

        with jax.enable_x64(True):
            grad = jax.grad(loss)(jax.numpy.asarray(theta))
            return np.asarray(grad, dtype=np.float64)
    raise NotImplementedError(f"autodiff_gradient supports the tensorflow and jax backends, "
                              f"not {name!r}")


def compare_gradients(names: Sequence[str], hand, others: Mapping[str, object],
                      tolerances: Mapping[str, float], show: Sequence[int] | None = None,
                      ) -> dict[str, float]:
    """Print ``hand`` beside each column of ``others`` and PASS/FAIL for each tolerance.

    ``others`` maps a column title (e.g. ``"autodiff"``) to the same gradient computed
    another way; ``tolerances`` gives, per title, the largest absolute difference from
    ``hand`` that passes. ``show`` picks the rows printed (all by default). Values are
    printed rounded to 6 decimals. Returns the largest absolute difference per title.
    """
    hand = finite_array(hand, "hand").ravel()
    if not isinstance(others, Mapping) or not others:
        raise TypeError("others must be a non-empty dict: column title -> gradient")
    columns = {}
    for title, values in others.items():
        values = finite_array(values, f"others[{title!r}]").ravel()
        if values.shape != hand.shape:
            raise ValueError(f"others[{title!r}] has {values.size} values, hand has {hand.size}")
        if title not in tolerances:
            raise ValueError(f"give a tolerance for {title!r}")
        finite_number(tolerances[title], f"tolerances[{title!r}]", positive=True)
        columns[str(title)] = values
    names = [str(n) for n in names]
    if len(names) != hand.size:
        raise ValueError(f"{len(names)} names for {hand.size} partial derivatives")
    rows = range(hand.size) if show is None else [int(i) for i in show]
    if any(not 0 <= i < hand.size for i in rows):
        raise ValueError(f"show must pick rows between 0 and {hand.size - 1}")

    def cell(v: float) -> str:
        return f"{round(float(v), 6) + 0.0:>15.6f}"  # + 0.0 prints -0.0 as 0.0

    width = max(10, *(len(names[i]) + 1 for i in rows))
    print(f"{'':>{width}}{'by hand':>15}" + "".join(f"{t:>15}" for t in columns))
    for i in rows:
        row = "".join(cell(values[i]) for values in columns.values())
        print(f"{names[i]:>{width}}" + cell(hand[i]) + row)
    gaps = {title: float(np.max(np.abs(hand - values))) for title, values in columns.items()}
    verdicts = [f"hand vs {title} within {tolerances[title]:g}: "
                f"{'PASS' if gaps[title] <= tolerances[title] else 'FAIL'}" for title in columns]
    plural = "s" if hand.size > 1 else ""
    print(f"{hand.size} partial derivative{plural}; " + "; ".join(verdicts))
    return gaps


def layer_gradient_norms(model, x, y, loss: Callable | str) -> list[float]:
    """Euclidean norm of d(loss)/d(kernel) for every layer that has a kernel, in order.

    ``loss`` is a Keras loss object, a callable ``loss(y_true, y_pred)`` or a loss name
    such as ``"mse"``. The model is run in inference mode on the batch ``(x, y)``.
    Works under the TensorFlow and JAX backends.
    """
    import keras

    loss_fn = keras.losses.get(loss) if isinstance(loss, str) else loss
    if not callable(loss_fn):
        raise TypeError("loss must be a Keras loss, a loss name or a callable")
    kernels = [layer.kernel for layer in model.layers if hasattr(layer, "kernel")]
    if not kernels:
        raise ValueError("the model has no layer with a kernel (Dense, Conv2D, ...)")
    name = _backend()
    if name == "tensorflow":
        import tensorflow as tf

        x = tf.convert_to_tensor(x)
        with tf.GradientTape() as tape:
            value = tf.reduce_mean(loss_fn(y, model(x, training=False)))
        grads = tape.gradient(value, kernels)
    elif name == "jax":
        import jax

        trainable = model.trainable_variables
        position = {id(v): i for i, v in enumerate(trainable)}
        fixed = [v.value for v in model.non_trainable_variables]

        def value(weights):
            y_pred, _ = model.stateless_call(weights, fixed, x, training=False)
            return keras.ops.mean(loss_fn(y, y_pred))

        all_grads = jax.grad(value)([v.value for v in trainable])
        grads = [all_grads[position[id(k)]] for k in kernels]
    else:
        raise NotImplementedError(f"layer_gradient_norms supports the tensorflow and jax "
                                  f"backends, not {name!r}")
    return [float(np.linalg.norm(np.asarray(g))) for g in grads]


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
