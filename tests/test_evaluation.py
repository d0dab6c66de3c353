"""Tests of nbutils.evaluation: checked on the numbers it returns."""

import numpy as np
import pytest

from nbutils.evaluation import compare_errors, first_epoch_at_or_below, most_confident_mistakes


def test_most_confident_mistakes_orders_by_confidence():
    probs = np.array([
        [0.9, 0.1],   # right
        [0.2, 0.8],   # wrong (true 0), confidence 0.8
        [0.4, 0.6],   # wrong (true 0), confidence 0.6
        [0.95, 0.05],  # wrong (true 1), confidence 0.95
        [0.3, 0.7],   # right
    ])
    y_true = np.array([0, 0, 0, 1, 1])
    np.testing.assert_array_equal(most_confident_mistakes(probs, y_true, k=2), [3, 1])
    np.testing.assert_array_equal(most_confident_mistakes(probs, y_true, k=10), [3, 1, 2])


def test_most_confident_mistakes_with_no_mistakes_is_empty():
    probs = np.eye(3)
    assert most_confident_mistakes(probs, [0, 1, 2], k=5).size == 0


def test_most_confident_mistakes_accepts_whole_float_labels():
    probs = np.array([[0.1, 0.9], [0.8, 0.2]])
    np.testing.assert_array_equal(most_confident_mistakes(probs, [0.0, 0.0], k=3), [0])


@pytest.mark.parametrize(("probs", "y_true", "k"), [
    (np.ones(4), [0, 1, 0, 1], 1),
    (np.ones((3, 2)), [0, 1], 1),
    (np.ones((2, 2)), [0, 2], 1),
    (np.ones((2, 2)), [0, 1], 0),
    (np.ones((2, 2)), [0, 1], 1.5),
    (np.ones((2, 2)), [0, -1], 1),
    (np.ones((2, 2)), [0.5, 1], 1),
    (np.ones((0, 2)), [], 1),
])
def test_most_confident_mistakes_rejects_bad_input(probs, y_true, k):
    with pytest.raises(ValueError):
        most_confident_mistakes(probs, y_true, k)


def test_most_confident_mistakes_rejects_text_labels():
    with pytest.raises(TypeError):
        most_confident_mistakes(np.ones((2, 2)), ["a", "b"], 1)


def test_first_epoch_at_or_below_counts_from_one():
    curve = [0.9, 0.5, 0.31, 0.3, 0.2]
    assert first_epoch_at_or_below(curve, 0.9) == 1
    assert first_epoch_at_or_below(curve, 0.3) == 4
    assert first_epoch_at_or_below(np.array(curve), 0.25) == 5
    assert first_epoch_at_or_below(curve, 0.1) is None


def test_first_epoch_at_or_below_takes_the_first_crossing_of_a_curve_that_rises():
    assert first_epoch_at_or_below([0.5, 0.2, 0.6, 0.1], 0.3) == 2


@pytest.mark.parametrize(("curve", "level", "error"), [
    ([], 0.1, ValueError),
    ([[0.1, 0.2]], 0.1, ValueError),
    ([0.1, float("nan")], 0.1, ValueError),
    ([0.1], float("inf"), ValueError),
    ([0.1], "0.1", TypeError),
    (["a"], 0.1, TypeError),
])
def test_first_epoch_at_or_below_rejects_bad_input(curve, level, error):
    with pytest.raises(error):
        first_epoch_at_or_below(curve, level)


def test_compare_errors_builds_table_in_percent():
    table = compare_errors({"A": 0.018, "B": 0.5}, reference={"A": 0.023},
                           n_params={"A": 100, "B": 7})
    assert list(table.index) == ["A", "B"]
    assert table.loc["A", "test error (%)"] == pytest.approx(1.8)
    assert table.loc["A", "reference (%)"] == pytest.approx(2.3)
    assert np.isnan(table.loc["B", "reference (%)"])
    assert int(table.loc["B", "parameters"]) == 7


def test_compare_errors_fractions_and_optional_columns():
    table = compare_errors({"A": 0.25}, percent=False)
    assert list(table.columns) == ["test error"]
    assert table.loc["A", "test error"] == pytest.approx(0.25)


@pytest.mark.parametrize(("measured", "reference", "error"), [
    ({}, None, TypeError),
    ({"A": 1.8}, None, ValueError),
    ({"A": 0.1}, {"B": 0.1}, ValueError),
    ({"A": 0.1}, [0.1], TypeError),
    ({"A": float("nan")}, None, ValueError),
])
def test_compare_errors_rejects_bad_input(measured, reference, error):
    with pytest.raises(error):
        compare_errors(measured, reference)
