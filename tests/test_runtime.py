"""Smoke-mode flag, seeding and set-up."""

import numpy as np
import pytest

from nbutils import runtime


@pytest.mark.parametrize(("value", "fast"), [("1", True), ("true", True), ("0", False),
                                             ("", False)])
def test_smoke_mode_flag(monkeypatch, value, fast):
    monkeypatch.setenv(runtime.SMOKE_ENV, value)
    assert runtime.smoke_mode() is fast


def test_smoke_mode_rejects_unclear_values(monkeypatch):
    monkeypatch.setenv(runtime.SMOKE_ENV, "maybe")
    with pytest.raises(ValueError, match="NBUTILS_FAST"):
        runtime.smoke_mode()


def test_seeds_make_keras_reproducible():
    import keras

    def draw():
        runtime.set_seeds(7)
        layer = keras.layers.Dense(3)
        layer.build((None, 4))
        return np.random.rand(), keras.ops.convert_to_numpy(layer.kernel)

    (a, ka), (b, kb) = draw(), draw()
    assert a == b and np.array_equal(ka, kb)


@pytest.mark.parametrize("seed", [-1, 1.5, "3", True])
def test_bad_seed(seed):
    with pytest.raises(ValueError, match="seed"):
        runtime.set_seeds(seed)


def test_setup_reports_versions(monkeypatch, capsys):
    monkeypatch.setenv(runtime.SMOKE_ENV, "1")
    info = runtime.setup(seed=3)
    out = capsys.readouterr().out
    assert info.fast and info.seed == 3 and "TensorFlow" in info.versions
    assert "mode: smoke" in out and "Keras" in out
