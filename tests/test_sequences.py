"""Tests for nbutils.sequences: bag-of-words, lagged designs and R^2."""

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from nbutils.sequences import bag_of_words, lag_matrix, mini_series, r_squared


# ---------------------------------------------------------------- bag_of_words
def test_bag_of_words_is_binary_and_sparse():
    docs = [[1, 4, 4, 2], [3], []]
    x = bag_of_words(docs, num_words=5)
    assert sparse.issparse(x)
    assert x.shape == (3, 5)
    np.testing.assert_array_equal(
        x.toarray(), [[0, 1, 1, 0, 1], [0, 0, 0, 1, 0], [0, 0, 0, 0, 0]])
    assert x.dtype == np.float32
    assert x.nnz == 4  # the repeated word 4 counts once


def test_bag_of_words_accepts_object_arrays_like_keras():
    docs = np.empty(2, dtype=object)
    docs[:] = [[1, 2, 3], [9, 9]]
    x = bag_of_words(docs, num_words=10, dtype=np.int8)
    assert x.dtype == np.int8
    np.testing.assert_array_equal(x.sum(axis=1).A.ravel(), [3, 1])


def test_bag_of_words_rejects_bad_input():
    with pytest.raises(ValueError, match="outside"):
        bag_of_words([[1, 10]], num_words=10)
    with pytest.raises(ValueError, match="outside"):
        bag_of_words([[-1]], num_words=10)
    with pytest.raises(ValueError, match="at least 1"):
        bag_of_words([[1]], num_words=0)
    with pytest.raises(TypeError, match="int"):
        bag_of_words([[1]], num_words=2.5)
    with pytest.raises(TypeError, match="sequences"):
        bag_of_words("abc", num_words=5)


# ---------------------------------------------------------------- mini_series / lag_matrix
def test_mini_series_windows_are_oldest_first():
    values = np.column_stack([np.arange(6), 10 * np.arange(6)])  # T=6, p=2
    x = mini_series(values, lags=2)
    assert x.shape == (4, 2, 2)
    # row 0 goes with the target at time 2 and holds times 0 and 1
    np.testing.assert_array_equal(x[0], [[0, 0], [1, 10]])
    np.testing.assert_array_equal(x[-1], [[3, 30], [4, 40]])


def test_mini_series_one_series():
    x = mini_series([1.0, 2.0, 3.0, 4.0], lags=3)
    assert x.shape == (1, 3, 1)
    np.testing.assert_array_equal(x[:, :, 0], [[1, 2, 3]])


def test_lag_matrix_columns_lag_one_first():
    values = np.column_stack([np.arange(7), 100 + np.arange(7)])
    m = lag_matrix(values, lags=3)
    assert m.shape == (4, 6)
    # target at time 3: lag 1 = time 2, lag 2 = time 1, lag 3 = time 0
    np.testing.assert_array_equal(m[0], [2, 102, 1, 101, 0, 100])
    # AR identity: lag-1 column equals the series shifted by one
    np.testing.assert_array_equal(m[:, 0], values[2:-1, 0])


def test_lag_matrix_dataframe_names_and_index():
    frame = pd.DataFrame({"v": np.arange(6.0), "r": -np.arange(6.0)},
                         index=pd.date_range("2000-01-03", periods=6))
    m = lag_matrix(frame, lags=2)
    assert list(m.columns) == ["v_1", "r_1", "v_2", "r_2"]
    assert m.index[0] == frame.index[2]
    assert m.loc[frame.index[5], "v_2"] == 3.0
    named = lag_matrix(frame.to_numpy(), lags=2, names=["a", "b"])
    assert list(named.columns) == ["a_1", "b_1", "a_2", "b_2"]


def test_lag_matrix_and_mini_series_reject_bad_lags():
    with pytest.raises(ValueError, match="no rows"):
        mini_series(np.arange(3.0), lags=3)
    with pytest.raises(ValueError, match="at least 1"):
        lag_matrix(np.arange(5.0), lags=0)
    with pytest.raises(TypeError, match="int"):
        lag_matrix(np.arange(5.0), lags=True)
    with pytest.raises(ValueError, match="names"):
        lag_matrix(np.ones((5, 2)), lags=1, names=["only-one"])
    with pytest.raises(ValueError, match="1-D"):
        mini_series(np.ones((2, 2, 2)), lags=1)


# ---------------------------------------------------------------- r_squared
def test_r_squared_values():
    y = np.array([1.0, 2.0, 3.0, 4.0])
    assert r_squared(y, y) == 1.0
    assert r_squared(y, np.full(4, y.mean())) == 0.0
    # RSS = 1, TSS = 5 -> 0.8
    assert r_squared(y, [1.0, 2.0, 3.0, 5.0]) == pytest.approx(0.8)


def test_r_squared_rejects_bad_input():
    with pytest.raises(ValueError, match="same length"):
        r_squared([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="constant"):
        r_squared([2, 2, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="two"):
        r_squared([1], [1])
