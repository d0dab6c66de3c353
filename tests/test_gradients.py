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


def test_autodiff_gradient_matches_the_formula():
    from keras import ops

    theta = np.array([0.3, -1.2, 2.0])
    # loss = sum(t^3) + t0 * t1, gradient 3 t^2 + (t1, t0, 0)
    grad = gradients.autodiff_gradient(lambda t: ops.sum(t**3) + t[0] * t[1], theta)
    assert grad.dtype == np.float64 and grad.shape == (3,)
    np.testing.assert_allclose(grad, 3 * theta**2 + np.array([-1.2, 0.3, 0.0]), rtol=1e-12)
    with pytest.raises(TypeError, match="function"):
        gradients.autodiff_gradient("loss", theta)
    with pytest.raises(ValueError, match="finite"):
        gradients.autodiff_gradient(lambda t: ops.sum(t), [1.0, np.nan])


def test_allow_float64_is_silent_under_tensorflow(capsys):
    if keras.backend.backend() != "tensorflow":
        pytest.skip("the TensorFlow backend is not in use")
    gradients.allow_float64()
    assert capsys.readouterr().out == ""


def test_compare_gradients_prints_the_table_and_returns_the_gaps(capsys):
    gaps = gradients.compare_gradients(
        ["a", "b"], [1.0, -0.0000001], {"tape": [1.0, 0.0], "fd": [1.00002, 0.0]},
        tolerances={"tape": 1e-6, "fd": 1e-5})
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["by", "hand", "tape", "fd"]
    assert lines[1].split() == ["a", "1.000000", "1.000000", "1.000020"]
    assert lines[2].split() == ["b", "0.000000", "0.000000", "0.000000"]  # no "-0.000000"
    assert lines[3] == ("2 partial derivatives; hand vs tape within 1e-06: PASS; "
                        "hand vs fd within 1e-05: FAIL")
    assert gaps["tape"] == pytest.approx(1e-7) and gaps["fd"] == pytest.approx(2e-5)


def test_compare_gradients_show_picks_rows(capsys):
    gradients.compare_gradients([f"t{i}" for i in range(5)], np.arange(5.0),
                                {"fd": np.arange(5.0)}, tolerances={"fd": 1e-9}, show=[0, 4])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[1:3]] == ["t0", "t4"]
    assert lines[3] == "5 partial derivatives; hand vs fd within 1e-09: PASS"


def test_compare_gradients_rejects_bad_arguments():
    with pytest.raises(ValueError, match="2 values"):
        gradients.compare_gradients(["a"], [1.0], {"fd": [1.0, 2.0]}, {"fd": 1e-5})
    with pytest.raises(ValueError, match="tolerance"):
        gradients.compare_gradients(["a"], [1.0], {"fd": [1.0]}, {})
    with pytest.raises(ValueError, match="names"):
        gradients.compare_gradients(["a", "b"], [1.0], {"fd": [1.0]}, {"fd": 1e-5})
    with pytest.raises(ValueError, match="show"):
        gradients.compare_gradients(["a"], [1.0], {"fd": [1.0]}, {"fd": 1e-5}, show=[3])
    with pytest.raises(TypeError, match="dict"):
        gradients.compare_gradients(["a"], [1.0], [1.0], {"fd": 1e-5})
    with pytest.raises(ValueError, match="positive"):
        gradients.compare_gradients(["a"], [1.0], {"fd": [1.0]}, {"fd": 0.0})
