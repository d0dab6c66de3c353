"""Tests of nbutils.evaluation: checked on the numbers, never on pixels."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nbutils.evaluation import (  # noqa: E402
    compare_errors,
    confusion_matrix,
    error_rate,
    most_confident_mistakes,
    plot_confusion_matrix,
)

Y_TRUE = np.array([0, 0, 1, 1, 2, 2, 2])
Y_PRED = np.array([0, 1, 1, 1, 2, 0, 2])


def test_error_rate_counts_mismatches():
    assert error_rate(Y_TRUE, Y_PRED) == pytest.approx(2 / 7)
    assert error_rate([1, 2, 3], [1, 2, 3]) == 0.0


def test_confusion_matrix_counts_each_pair():
    matrix = confusion_matrix(Y_TRUE, Y_PRED)
    expected = np.array([[1, 1, 0], [0, 2, 0], [1, 0, 2]])
    np.testing.assert_array_equal(matrix, expected)
    assert matrix.sum() == len(Y_TRUE)
    assert np.trace(matrix) == np.sum(Y_TRUE == Y_PRED)


def test_confusion_matrix_pads_to_n_classes_and_accepts_whole_floats():
    matrix = confusion_matrix([0.0, 1.0], [1, 1], n_classes=4)
    assert matrix.shape == (4, 4)
    assert matrix[0, 1] == 1 and matrix[1, 1] == 1 and matrix.sum() == 2


@pytest.mark.parametrize(("y_true", "y_pred", "error"), [
    ([0, 1], [0, 1, 1], ValueError),
    ([], [], ValueError),
    ([[0, 1]], [[0, 1]], ValueError),
    ([0, -1], [0, 1], ValueError),
    ([0.5, 1], [0, 1], ValueError),
    (["a", "b"], [0, 1], TypeError),
])
def test_confusion_matrix_rejects_bad_labels(y_true, y_pred, error):
    with pytest.raises(error):
        confusion_matrix(y_true, y_pred)


def test_confusion_matrix_rejects_too_few_classes():
    with pytest.raises(ValueError, match="n_classes"):
        confusion_matrix([0, 3], [0, 3], n_classes=3)
    with pytest.raises(TypeError):
        confusion_matrix([0, 1], [0, 1], n_classes=2.0)


def test_plot_confusion_matrix_returns_drawn_matrix_and_names():
    names = ["cat", "dog", "bird"]
    fig, ax, matrix = plot_confusion_matrix(Y_TRUE, Y_PRED, class_names=names)
    np.testing.assert_array_equal(matrix, confusion_matrix(Y_TRUE, Y_PRED))
    assert [t.get_text() for t in ax.get_yticklabels()] == names
    np.testing.assert_array_equal(ax.images[0].get_array(), matrix)
    assert len(ax.texts) == 9
    plt.close(fig)


def test_plot_confusion_matrix_normalised_rows_sum_to_one_and_default_names():
    fig, ax, matrix = plot_confusion_matrix([0, 0, 1, 3], [0, 1, 1, 3], normalize=True)
    assert matrix.shape == (4, 4)
    np.testing.assert_allclose(matrix.sum(axis=1), [1, 1, 0, 1])
    assert matrix[0, 0] == pytest.approx(0.5)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2", "3"]
    plt.close(fig)


def test_plot_confusion_matrix_on_given_axis_and_many_classes():
    fig, ax = plt.subplots()
    labels = np.arange(30)
    fig2, ax2, matrix = plot_confusion_matrix(labels, labels, ax=ax)
    assert ax2 is ax and fig2 is fig
    assert matrix.shape == (30, 30) and len(ax.texts) == 0  # no numbers when crowded
    plt.close(fig)


def test_plot_confusion_matrix_rejects_bad_names():
    with pytest.raises(TypeError):
        plot_confusion_matrix([0, 1], [0, 1], class_names="ab")
    with pytest.raises(ValueError):
        plot_confusion_matrix([0, 2], [0, 1], class_names=["a", "b"])


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


@pytest.mark.parametrize(("probs", "y_true", "k"), [
    (np.ones(4), [0, 1, 0, 1], 1),
    (np.ones((3, 2)), [0, 1], 1),
    (np.ones((2, 2)), [0, 2], 1),
    (np.ones((2, 2)), [0, 1], 0),
    (np.ones((2, 2)), [0, 1], 1.5),
])
def test_most_confident_mistakes_rejects_bad_input(probs, y_true, k):
    with pytest.raises(ValueError):
        most_confident_mistakes(probs, y_true, k)


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
