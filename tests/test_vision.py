"""Tests for nbutils.vision: checked on the numbers and on the data drawn, not on pixels."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from scipy.signal import correlate2d as scipy_correlate2d  # noqa: E402

from nbutils import vision  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_plot_filters_draws_each_filter_of_the_channel():
    kernel = np.random.default_rng(2).normal(size=(3, 3, 2, 5))
    fig, axes = vision.plot_filters(kernel, channel=1, ncols=3)
    assert len(axes) == 5
    for k, ax in enumerate(axes):
        np.testing.assert_allclose(ax.images[0].get_array(), kernel[:, :, 1, k])
        low, high = ax.images[0].get_clim()
        assert low == pytest.approx(-high)
    assert fig is axes[0].figure


def test_plot_filters_rejects_bad_arguments():
    with pytest.raises(ValueError, match="kh, kw, in, out"):
        vision.plot_filters(np.ones((3, 3, 4)))
    with pytest.raises(ValueError, match="channel"):
        vision.plot_filters(np.ones((3, 3, 1, 4)), channel=1)
    with pytest.raises(ValueError, match="ncols"):
        vision.plot_filters(np.ones((3, 3, 1, 4)), ncols=0)


def test_plot_feature_maps_caps_the_number_drawn():
    maps = np.random.default_rng(3).normal(size=(6, 6, 10))
    _, axes = vision.plot_feature_maps(maps, max_maps=4, ncols=2)
    assert len(axes) == 4
    np.testing.assert_allclose(axes[3].images[0].get_array(), maps[:, :, 3])
    with pytest.raises(ValueError, match="H, W, channels"):
        vision.plot_feature_maps(np.ones((6, 6)))
    with pytest.raises(ValueError, match="max_maps"):
        vision.plot_feature_maps(maps, max_maps=0)


def _tiny_model():
    import keras

    inputs = keras.Input((8, 8, 1))
    x = keras.layers.Conv2D(3, 3, padding="same", name="conv")(inputs)
    x = keras.layers.MaxPooling2D(name="pool")(x)
    x = keras.layers.Flatten(name="flat")(x)
    return keras.Model(inputs, keras.layers.Dense(2, name="out")(x))


def test_feature_maps_returns_layer_outputs_for_one_image():
    model = _tiny_model()
    image = np.random.default_rng(4).normal(size=(8, 8, 1)).astype("float32")
    maps = vision.feature_maps(model, image, ["conv", "pool"])
    assert maps["conv"].shape == (8, 8, 3)
    assert maps["pool"].shape == (4, 4, 3)
    kernel, bias = model.get_layer("conv").get_weights()
    by_hand = scipy_correlate2d(image[:, :, 0], kernel[:, :, 0, 1], mode="same") + bias[1]
    np.testing.assert_allclose(maps["conv"][:, :, 1], by_hand, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(maps["pool"][0, 0], maps["conv"][:2, :2].max(axis=(0, 1)),
                               rtol=1e-6)


def test_feature_maps_rejects_bad_arguments():
    model = _tiny_model()
    image = np.zeros((8, 8, 1))
    with pytest.raises(ValueError, match="no layers named"):
        vision.feature_maps(model, image, ["nope"])
    with pytest.raises(TypeError, match="list of layer names"):
        vision.feature_maps(model, image, "conv")
    with pytest.raises(ValueError, match="shape"):
        vision.feature_maps(model, np.zeros((8, 8)), ["conv"])
    with pytest.raises(ValueError, match="do not output images"):
        vision.feature_maps(model, image, ["flat"])


def test_augmented_copies_keeps_originals_first():
    def shift(x, training=False):
        return np.roll(x, 1, axis=2) if training else x

    images = np.random.default_rng(5).random((3, 4, 4, 1))
    grid = vision.augmented_copies(shift, images, n_copies=2)
    assert grid.shape == (3, 3, 4, 4, 1)
    np.testing.assert_allclose(grid[:, 0], images, rtol=1e-6)
    np.testing.assert_allclose(grid[:, 2], np.roll(images, 1, axis=2), rtol=1e-6)
    _, axes = vision.plot_augmented(grid)
    assert axes.shape == (3, 3)
    np.testing.assert_allclose(axes[1, 1].images[0].get_array(), grid[1, 1, :, :, 0])


def test_augmented_copies_rejects_bad_arguments():
    with pytest.raises(TypeError, match="augmenter"):
        vision.augmented_copies(3, np.zeros((1, 4, 4, 1)))
    with pytest.raises(ValueError, match="N, H, W, C"):
        vision.augmented_copies(lambda x, training: x, np.zeros((4, 4)))
    with pytest.raises(ValueError, match="n_copies"):
        vision.augmented_copies(lambda x, training: x, np.zeros((1, 4, 4, 1)), n_copies=0)
    with pytest.raises(ValueError, match="copies"):
        vision.plot_augmented(np.zeros((2, 1, 4, 4)))


def test_plot_occlusion_overlays_each_map_on_its_image():
    rng = np.random.default_rng(6)
    images, maps = rng.random((3, 8, 8, 1)), rng.normal(size=(3, 4, 4))
    fig, axes = vision.plot_occlusion(images, maps, titles=["a", "b", "c"])
    assert axes.shape == (2, 3)
    for k in range(3):
        np.testing.assert_allclose(axes[0, k].images[0].get_array(), images[k, :, :, 0])
        overlay = axes[1, k].images[1]
        np.testing.assert_allclose(overlay.get_array(), maps[k])
        assert overlay.get_extent() == [-0.5, 7.5, 7.5, -0.5]
        low, high = overlay.get_clim()
        assert low == pytest.approx(-high) and high == pytest.approx(np.abs(maps).max())
    assert axes[0, 1].get_title() == "b"


def test_plot_occlusion_rejects_bad_arguments():
    images = np.zeros((2, 8, 8))
    with pytest.raises(ValueError, match="images"):
        vision.plot_occlusion(np.zeros((8, 8)), np.zeros((1, 4, 4)))
    with pytest.raises(ValueError, match="one map per image|maps must have shape"):
        vision.plot_occlusion(images, np.zeros((3, 4, 4)))
    with pytest.raises(ValueError, match="finite"):
        vision.plot_occlusion(images, np.full((2, 4, 4), np.nan))
    with pytest.raises(ValueError, match="alpha"):
        vision.plot_occlusion(images, np.zeros((2, 4, 4)), alpha=2)
    with pytest.raises(ValueError, match="title"):
        vision.plot_occlusion(images, np.zeros((2, 4, 4)), titles=["x"])


def test_load_pretrained_says_it_is_unavailable_when_offline(monkeypatch, tmp_path, capsys):
    import nbutils.data

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(nbutils.data, "host_reachable", lambda *a, **k: False)
    called = []

    def builder(**kwargs):
        called.append(kwargs)

    assert vision.load_pretrained(builder, weights_file="w.h5") is None
    assert called == []
    out = capsys.readouterr().out
    assert "not available" in out and not out.startswith("Skipped")


def test_load_pretrained_uses_cache_and_reports_failures(monkeypatch, tmp_path, capsys):
    import nbutils.data

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "w.h5").write_bytes(b"")
    monkeypatch.setattr(nbutils.data, "host_reachable", lambda *a, **k: False)
    assert vision.weights_cached("w.h5")
    assert vision.load_pretrained(lambda **kw: ("model", kw), "w.h5", alpha=0.35) == (
        "model", {"weights": "imagenet", "alpha": 0.35})

    def broken(**kwargs):
        raise OSError("truncated file")

    assert vision.load_pretrained(broken, "w.h5") is None
    assert "OSError" in capsys.readouterr().out
    with pytest.raises(TypeError, match="builder"):
        vision.load_pretrained("MobileNetV2")
    with pytest.raises(ValueError, match="filename"):
        vision.weights_cached("")
