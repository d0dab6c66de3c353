"""Tests for nbutils.sequences: dense batches of a sparse matrix, the held-out curve."""

import time

import keras
import numpy as np
import pytest
from scipy import sparse

from nbutils.sequences import DenseBatches, HeldOutCurve, PaddedBatches


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


def test_counts_the_seconds_it_spends_scoring():
    x, y = _data()
    curve = HeldOutCurve(x, y)
    assert curve.seconds == 0.0
    start = time.perf_counter()
    _model().fit(x, y, epochs=2, batch_size=16, verbose=0, callbacks=[curve])
    assert 0 < curve.seconds < time.perf_counter() - start


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


def _sequences(n=50, seed=0):
    rng = np.random.default_rng(seed)
    return [list(rng.integers(1, 30, size=rng.integers(1, 23))) for _ in range(n)]


def test_padded_batches_hold_every_sequence_once_padded_only_as_far_as_needed():
    seqs = _sequences()
    batches = PaddedBatches(seqs, np.arange(len(seqs)), batch_size=8, maxlen=20, n_lengths=4)
    seen = []
    for k in range(len(batches)):
        x, rows = batches[k]
        assert x.shape[1] in (5, 10, 15, 20) and len(rows) <= 8
        for row, label in zip(x, rows, strict=True):
            wanted = keras.utils.pad_sequences([seqs[label]], maxlen=20)[0]
            np.testing.assert_array_equal(row, wanted[-x.shape[1]:])  # same last tokens
            assert x.shape[1] - len(seqs[label][-20:]) < 5  # no longer than it needs
        seen.extend(rows)
    assert sorted(seen) == list(range(len(seqs)))
    np.testing.assert_array_equal(batches.order, seen)
    # the first two batches differ in length, so that Keras expects a variable length
    assert batches[0][0].shape[1] != batches[1][0].shape[1]


def test_padded_batches_reshuffle_reproducibly_and_keep_order_without_a_seed():
    seqs = _sequences()
    a = PaddedBatches(seqs, batch_size=8, maxlen=20, shuffle_seed=3)
    b = PaddedBatches(seqs, batch_size=8, maxlen=20, shuffle_seed=3)
    np.testing.assert_array_equal(a.order, b.order)
    first = a.order.copy()
    a.on_epoch_end()
    assert not np.array_equal(first, a.order) and sorted(a.order) == list(range(len(seqs)))
    fixed = PaddedBatches(seqs, batch_size=8, maxlen=20)
    before = fixed.order.copy()
    fixed.on_epoch_end()
    np.testing.assert_array_equal(before, fixed.order)


def test_predictions_come_back_in_input_order_and_match_padding_to_maxlen():
    keras.utils.set_random_seed(0)
    seqs = _sequences()
    labels = np.array([len(s) > 10 for s in seqs], dtype="float32")
    model = keras.Sequential([keras.Input(shape=(None,)),
                              keras.layers.Embedding(30, 4, mask_zero=True),
                              keras.layers.GlobalAveragePooling1D(),  # ignores the padding
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile("adam", "binary_crossentropy")
    model.fit(PaddedBatches(seqs, labels, 8, maxlen=20, n_lengths=4, shuffle_seed=0), epochs=2,
              verbose=0)
    batches = PaddedBatches(seqs, batch_size=16, maxlen=20, n_lengths=4)
    by_batch = batches.in_input_order(model.predict(batches, verbose=0))
    padded = model.predict(keras.utils.pad_sequences(seqs, maxlen=20), verbose=0)
    np.testing.assert_allclose(by_batch, padded, rtol=1e-5, atol=1e-6)
    with pytest.raises(ValueError, match="predictions"):
        batches.in_input_order(padded[:-1])


def test_padded_batches_reject_bad_arguments():
    seqs = _sequences(5)
    with pytest.raises(ValueError, match="n_lengths"):
        PaddedBatches(seqs, maxlen=3, n_lengths=4)
    with pytest.raises(ValueError, match="labels"):
        PaddedBatches(seqs, np.zeros(4))
    with pytest.raises(ValueError, match="empty"):
        PaddedBatches([])
    with pytest.raises(TypeError, match="shuffle_seed"):
        PaddedBatches(seqs, shuffle_seed=1.5)
    with pytest.raises(TypeError, match="sequences"):
        PaddedBatches("abc")
    with pytest.raises(IndexError):
        PaddedBatches(seqs, batch_size=2)[3]
