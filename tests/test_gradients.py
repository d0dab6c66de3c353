"""Per-layer gradient norms."""

import matplotlib

matplotlib.use("Agg")
import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nbutils import gradients  # noqa: E402


def test_norms_match_a_hand_computed_gradient():
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, use_bias=False)])
    model.layers[0].kernel.assign(np.array([[1.0], [2.0]], dtype="float32"))
    x = np.array([[1.0, 1.0]], dtype="float32")
    y = np.array([[0.0]], dtype="float32")
    # loss = (w1 + w2)^2, gradient 2 * 3 * (1, 1), norm 6 * sqrt(2)
    norms = gradients.layer_gradient_norms(model, x, y, "mse")
    assert np.isclose(norms[0], 6 * np.sqrt(2), rtol=1e-5)


def test_one_norm_per_kernel_layer_and_errors():
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation="relu"),
                              keras.layers.Dropout(0.1), keras.layers.Dense(1)])
    x, y = np.ones((5, 3), "float32"), np.zeros((5, 1), "float32")
    assert len(gradients.layer_gradient_norms(model, x, y, keras.losses.MeanSquaredError())) == 2
    with pytest.raises(TypeError):
        gradients.layer_gradient_norms(model, x, y, 3)
    empty = keras.Sequential([keras.Input((3,)), keras.layers.Activation("relu")])
    with pytest.raises(ValueError, match="kernel"):
        gradients.layer_gradient_norms(empty, x, y, "mse")


def test_plot_gradient_norms():
    fig, ax = gradients.plot_gradient_norms({"plain": [1e-6, 1e-3, 1.0], "res": [1, 1, 1]})
    assert [line.get_label() for line in ax.get_lines()] == ["plain", "res"]
    with pytest.raises(ValueError):
        gradients.plot_gradient_norms({"bad": [-1.0]})
    with pytest.raises(TypeError):
        gradients.plot_gradient_norms([1, 2])
