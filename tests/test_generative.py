"""Tests for nbutils.generative: they check the numbers, not the pixels."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nbutils import generative as gen  # noqa: E402


def test_sample_quality_counts():
    probs = np.array([[0.95, 0.05, 0.0], [0.2, 0.7, 0.1], [0.0, 0.05, 0.95], [0.91, 0.09, 0.0]])
    q = gen.sample_quality(probs, threshold=0.9)
    assert q.n == 4
    assert q.share_confident == pytest.approx(0.75)
    assert q.class_counts.tolist() == [2, 1, 1]
    assert q.confident_counts.tolist() == [2, 0, 1]
    assert q.classes_present == 3
    assert q.confident_classes_present == 2
    assert "75.0%" in str(q) and "(2 among the confident ones)" in str(q)


def test_sample_quality_reveals_mode_collapse():
    probs = np.tile([0.0, 1.0, 0.0, 0.0], (50, 1))
    q = gen.sample_quality(probs)
    assert q.share_confident == 1.0
    assert q.classes_present == 1
    assert q.class_counts.tolist() == [0, 50, 0, 0]


def test_sample_quality_unsure_samples_count_no_confident_class():
    probs = np.full((20, 10), 0.1)          # a classifier that says "I don't know"
    q = gen.sample_quality(probs)
    assert q.share_confident == 0.0
    assert q.classes_present == 1 and q.confident_classes_present == 0


@pytest.mark.parametrize("probs, threshold", [
    (np.array([[0.5, 0.6]]), 0.9),       # rows do not sum to 1
    (np.array([[1.5, -0.5]]), 0.9),      # negative entry
    (np.array([[0.5, 0.5]]), 1.0),       # threshold out of range
    (np.array([[0.5, 0.5]]), True),      # threshold not a number
    (np.array([0.5, 0.5]), 0.9),         # 1-D
])
def test_sample_quality_rejects_bad_input(probs, threshold):
    with pytest.raises(ValueError):
        gen.sample_quality(probs, threshold)


def test_plot_sample_grid_draws_each_snapshot_in_a_row():
    snaps = {1: np.zeros((5, 4, 4)), 5: np.ones((6, 4, 4, 1))}
    fig, axes = gen.plot_sample_grid(snaps, n_show=3)
    assert axes.shape == (2, 3)
    np.testing.assert_array_equal(axes[1, 2].images[0].get_array(), np.ones((4, 4)))
    assert axes[0, 0].get_ylabel() == "epoch 1"
    plt.close(fig)


@pytest.mark.parametrize("snaps, n_show", [
    ({}, 2), ([np.zeros((3, 4, 4))], 2), ({1: np.zeros((1, 4, 4))}, 2),
    ({1: np.zeros((3, 4))}, 2), ({1: np.zeros((3, 4, 4))}, 0),
])
def test_plot_sample_grid_rejects_bad_input(snaps, n_show):
    with pytest.raises((TypeError, ValueError)):
        gen.plot_sample_grid(snaps, n_show=n_show)
