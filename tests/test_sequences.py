"""Tests for nbutils.sequences: the held-out learning-curve callback."""

import keras
import numpy as np
import pytest
from scipy import sparse

from nbutils.sequences import HeldOutCurve


def _model(n_inputs=4, sparse_input=False):
    model = keras.Sequential([keras.Input(shape=(n_inputs,), sparse=sparse_input),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def _data(n=64, n_inputs=4, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, n_inputs)).astype("float32")
    return x, (x[:, 0] > 0).astype("float32")


def test_one_value_per_epoch_and_it_is_the_evaluated_metric():
    keras.utils.set_random_seed(0)
    x, y = _data()
    x_held, y_held = _data(seed=1)
    model = _model()
    curve = HeldOutCurve(x_held, y_held)
    losses = HeldOutCurve(x_held, y_held, metric="loss", batch_size=16)
    model.fit(x, y, epochs=3, batch_size=16, verbose=0, callbacks=[curve, losses])
    assert len(curve.history) == 3 and len(losses.history) == 3
    assert all(isinstance(v, float) and 0 <= v <= 1 for v in curve.history)
    final = model.evaluate(x_held, y_held, verbose=0, return_dict=True)
    assert curve.history[-1] == pytest.approx(final["accuracy"])
    assert losses.history[-1] == pytest.approx(final["loss"], rel=1e-5)


def test_accepts_a_sparse_matrix():
    keras.utils.set_random_seed(0)
    x, y = _data()
    held = sparse.csr_matrix(np.where(np.abs(x) > 1, x, 0))
    model = _model(sparse_input=True)
    curve = HeldOutCurve(held, y)
    model.fit(sparse.csr_matrix(x), y, epochs=2, batch_size=32, verbose=0, callbacks=[curve])
    assert len(curve.history) == 2


def test_an_unknown_metric_says_which_ones_exist():
    x, y = _data()
    model = _model()
    with pytest.raises(ValueError, match="accuracy"):
        model.fit(x, y, epochs=1, verbose=0, callbacks=[HeldOutCurve(x, y, metric="auc")])


def test_rejects_bad_arguments():
    x, y = _data()
    with pytest.raises(ValueError, match="same number of rows"):
        HeldOutCurve(x, y[:-1])
    with pytest.raises(ValueError, match="different numbers of rows"):
        HeldOutCurve([x, x[:-1]], y)
    with pytest.raises(ValueError, match="empty"):
        HeldOutCurve([], y)
    with pytest.raises(TypeError, match="scalar"):
        HeldOutCurve(3.0, y)
    with pytest.raises(TypeError, match="metric"):
        HeldOutCurve(x, y, metric=None)
    with pytest.raises(TypeError, match="batch_size"):
        HeldOutCurve(x, y, batch_size=2.5)
    with pytest.raises(ValueError, match="batch_size"):
        HeldOutCurve(x, y, batch_size=0)
    curve = HeldOutCurve([x, x], list(y))
    assert curve.history == []
