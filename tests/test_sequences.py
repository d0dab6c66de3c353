"""Tests for nbutils.sequences: dense batches of a sparse matrix, the held-out curve."""

import keras
import numpy as np
import pytest
from scipy import sparse

from nbutils.sequences import DenseBatches, HeldOutCurve


def _model(n_inputs=4):
    model = keras.Sequential([keras.Input(shape=(n_inputs,)),
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


def test_accepts_a_sparse_matrix_and_scores_it_as_the_dense_one():
    keras.utils.set_random_seed(0)
    x, y = _data()
    held = np.where(np.abs(x) > 1, x, 0).astype("float32")
    model = _model()
    curve = HeldOutCurve(sparse.csr_matrix(held), y, metric="loss")
    model.fit(DenseBatches(sparse.csr_matrix(x), y, 32, shuffle_seed=0), epochs=2, verbose=0,
              callbacks=[curve])
    assert len(curve.history) == 2
    dense = model.evaluate(held, y, verbose=0, return_dict=True)["loss"]
    assert curve.history[-1] == pytest.approx(dense, rel=1e-5)


def test_dense_batches_hold_every_row_once_per_epoch_in_a_seeded_order():
    x = sparse.csr_matrix(np.arange(30, dtype="float32").reshape(10, 3))
    y = np.arange(10)
    batches = DenseBatches(x, y, batch_size=4, shuffle_seed=1)
    assert len(batches) == 3
    first = [batches[i] for i in range(3)]
    assert [b[0].shape for b in first] == [(4, 3), (4, 3), (2, 3)]
    assert all(b[0].dtype == np.float32 and not sparse.issparse(b[0]) for b in first)
    labels = np.concatenate([b[1] for b in first])
    assert sorted(labels) == list(range(10)) and list(labels) != list(range(10))
    for xb, yb in first:  # each row travels with its label
        np.testing.assert_array_equal(xb[:, 0], 3 * yb)
    batches.on_epoch_end()
    again = np.concatenate([batches[i][1] for i in range(3)])
    assert sorted(again) == list(range(10)) and list(again) != list(labels)
    replay = DenseBatches(x, y, batch_size=4, shuffle_seed=1)
    np.testing.assert_array_equal(np.concatenate([replay[i][1] for i in range(3)]), labels)
    in_order = DenseBatches(x, batch_size=4)
    np.testing.assert_array_equal(np.vstack([in_order[i] for i in range(3)]), x.toarray())


def test_dense_batches_reject_bad_arguments():
    x = sparse.csr_matrix(np.eye(4, dtype="float32"))
    with pytest.raises(TypeError, match="sparse"):
        DenseBatches(np.eye(4))
    with pytest.raises(ValueError, match="4 rows but y has 3"):
        DenseBatches(x, np.arange(3))
    with pytest.raises(ValueError, match="batch_size"):
        DenseBatches(x, batch_size=0)
    with pytest.raises(TypeError, match="shuffle_seed"):
        DenseBatches(x, shuffle_seed=0.5)
    with pytest.raises(IndexError):
        DenseBatches(x, batch_size=2)[2]


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
