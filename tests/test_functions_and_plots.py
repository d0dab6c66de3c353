"""Activation and loss definitions against Keras, and the data each plot draws."""

import matplotlib

matplotlib.use("Agg")
import keras  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nbutils import functions, plots  # noqa: E402

Z = np.linspace(-4, 4, 81)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu", "gelu", "softplus"])
def test_activations_match_keras(name):
    f, _ = functions.activation(name)
    theirs = keras.ops.convert_to_numpy(getattr(keras.activations, name)(Z.astype("float32")))
    assert np.allclose(f(Z), theirs, atol=1e-5)


@pytest.mark.parametrize("name", list(functions.ACTIVATIONS))
def test_derivatives_match_finite_differences(name):
    f, df = functions.activation(name)
    z = Z[np.abs(Z) > 0.06]  # keep away from ReLU's kink
    h = 1e-5
    assert np.allclose(df(z), (f(z + h) - f(z - h)) / (2 * h), atol=1e-6)


def test_softmax_rows_sum_to_one_and_match_keras():
    logits = np.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0]])
    p = functions.softmax(logits)
    assert np.allclose(p.sum(axis=1), 1) and np.all(np.isfinite(p))
    assert np.allclose(p, keras.ops.convert_to_numpy(keras.activations.softmax(logits)))


def test_softmax_entry_is_the_first_probability_of_three_scores():
    f, df = functions.activation(functions.SOFTMAX_FIRST)
    assert "softmax" not in functions.ACTIVATIONS  # the panel is not softmax itself
    scores = np.column_stack([Z, np.zeros_like(Z), np.zeros_like(Z)])
    assert np.allclose(f(Z), functions.softmax(scores)[:, 0])
    assert np.isclose(functions.softmax_first(0.0), 1 / 3)
    assert np.isclose(functions.softmax_first(0.0, n_classes=2), 0.5)
    assert np.allclose(df(Z), f(Z) * (1 - f(Z)))
    with pytest.raises(ValueError, match="n_classes"):
        functions.softmax_first(Z, n_classes=1)


def test_leaky_slope_is_the_function_default_not_the_layer_default():
    x = np.array([-2.0, 3.0], dtype="float32")
    function = keras.ops.convert_to_numpy(keras.activations.leaky_relu(x))
    layer = keras.ops.convert_to_numpy(keras.layers.LeakyReLU()(x))
    assert np.allclose(function, functions.leaky_relu(x))
    assert np.allclose(layer, functions.leaky_relu(x, slope=0.3))


def test_normal_cdf_and_pdf():
    from scipy.stats import norm

    assert np.allclose(functions.normal_cdf(Z), norm.cdf(Z))
    assert np.allclose(functions.normal_pdf(Z), norm.pdf(Z))


def test_sigmoid_is_stable_for_large_inputs():
    assert functions.sigmoid(np.array([-1000.0, 1000.0])).tolist() == [0.0, 1.0]


def test_unknown_activation_and_bad_input():
    with pytest.raises(ValueError, match="unknown activation"):
        functions.activation("swish2")
    with pytest.raises(ValueError, match="finite"):
        functions.relu([np.nan])


def test_margin_losses_values():
    losses = functions.margin_losses([-1.0, 0.0, 2.0])
    assert losses["hinge"].tolist() == [2.0, 1.0, 0.0]
    assert losses["0-1 (error rate)"].tolist() == [1.0, 1.0, 0.0]
    assert losses["squared"].tolist() == [4.0, 1.0, 1.0]
    assert np.allclose([v[1] for v in losses.values()], 1.0)  # all equal 1 at m = 0


def test_plot_activations_draws_each_function_and_slope():
    fig, axes = plots.plot_activations(Z, names=["relu", "sigmoid"], ncols=2)
    assert len(axes) == 2
    value, slope = axes[1].get_lines()[:2]
    assert np.allclose(value.get_ydata(), functions.sigmoid(Z))
    assert np.isclose(slope.get_ydata().max(), 0.25)
    plt.close(fig)


def test_plot_activations_rejects_bad_arguments():
    with pytest.raises(ValueError, match="unknown activations"):
        plots.plot_activations(Z, names=["nope"])
    with pytest.raises(ValueError, match="1-D"):
        plots.plot_activations([[1.0, 2.0]])
    with pytest.raises(ValueError, match="ncols"):
        plots.plot_activations(Z, ncols=0)


def test_plot_margin_losses_lines():
    fig, ax = plots.plot_margin_losses(Z)
    labels = [line.get_label() for line in ax.get_lines()]
    assert set(functions.MARGIN_LOSSES) <= set(labels)
    plt.close(fig)


def test_steps_accept_float_weights():
    outputs = plots.neuron_outputs([0.0, 0.5, 1.0], [(2.5, -0.25), (1e3, -500.0)])
    assert np.allclose(outputs[0], [0.0, 1.0, 2.25])
    assert np.allclose(outputs[1], [0.0, 0.0, 500.0])
    fig, ax = plots.plot_steps(Z, [(0.5, 0.1), (10, -2)], kind="sigmoid")
    assert ax.get_lines()[0].get_label() == "w=0.5, b=0.1"
    plt.close(fig)
    with pytest.raises(ValueError, match="kind"):
        plots.neuron_outputs(Z, [(1, 0)], kind="tanh")
    with pytest.raises(ValueError, match="pairs"):
        plots.neuron_outputs(Z, [(1, 0, 3)])


def test_plot_history_from_dict():
    history = {"loss": [1.0, 0.5], "val_loss": [1.1, 0.7], "accuracy": [0.5, 0.8],
               "val_accuracy": [0.4, 0.7]}
    fig, axes = plots.plot_history(history, metric="accuracy")
    assert len(axes) == 2
    assert axes[1].get_lines()[1].get_ydata().tolist() == [0.4, 0.7]
    plt.close(fig)
    with pytest.raises(ValueError, match="no \\['auc'\\]"):
        plots.plot_history(history, metric="auc")
    with pytest.raises(TypeError):
        plots.plot_history([1, 2, 3])


def test_show_images_grid():
    images = np.random.default_rng(0).random((7, 8, 8, 1))
    fig, axes = plots.show_images(images, titles=list("abcdefg"), ncols=4)
    assert len(axes) == 7 and axes[6].get_title() == "g"
    plt.close(fig)
    with pytest.raises(ValueError, match="titles"):
        plots.show_images(images, titles=["a"])
    with pytest.raises(ValueError, match="shape"):
        plots.show_images(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="ncols must be at least 1"):
        plots.show_images(images, ncols=0)


def test_image_grid_hides_unused_panels_and_frames_on_request():
    fig, axes = plots.image_grid(2, 3, (3, 2), n=4, frame=True)
    assert axes.shape == (2, 3)
    visible = [ax.axison for ax in axes.flat]
    assert visible == [True] * 4 + [False] * 2
    assert all(len(ax.get_xticks()) == 0 and len(ax.get_yticks()) == 0 for ax in axes.flat[:4])
    plt.close(fig)
    fig, axes = plots.image_grid(1, 2, (2, 1))
    assert not any(ax.axison for ax in axes.flat)
    plt.close(fig)
    with pytest.raises(TypeError, match="nrows must be an int"):
        plots.image_grid(1.5, 2, (2, 1))
    with pytest.raises(ValueError, match="n must be at least 1"):
        plots.image_grid(1, 2, (2, 1), n=0)
