"""Plumbing for sequence data: bag-of-words matrices, lagged time-series designs, R^2.

The ideas (what a document-term matrix is, what a lag is) are taught in the notebooks;
these functions only build the arrays so that the notebooks stay short.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np

from nbutils._args import count


def bag_of_words(sequences: Sequence[Sequence[int]], num_words: int, dtype: Any = np.float32):
    """Sparse binary document-term matrix: entry (i, j) is 1 when word j occurs in document i.

    ``sequences`` holds word indices (as from ``nbutils.data.load_imdb``); indices at or
    above ``num_words`` raise an error. Returns a ``scipy.sparse.csr_matrix`` of shape
    ``(len(sequences), num_words)``.
    """
    from scipy import sparse

    num_words = count(num_words, "num_words")
    if isinstance(sequences, (str, bytes)) or not hasattr(sequences, "__len__"):
        raise TypeError("sequences must be a list or array of integer sequences")
    lengths = np.fromiter((len(seq) for seq in sequences), dtype=np.int64,
                          count=len(sequences))
    words = np.fromiter(itertools.chain.from_iterable(sequences), dtype=np.int64,
                        count=int(lengths.sum()))
    if words.size and (words.min() < 0 or words.max() >= num_words):
        bad = int(np.searchsorted(np.cumsum(lengths),
                                  np.flatnonzero((words < 0) | (words >= num_words))[0],
                                  side="right"))
        raise ValueError(f"document {bad} has word indices outside 0..{num_words - 1}; "
                         "load the data with the same num_words")
    rows = np.repeat(np.arange(len(sequences), dtype=np.int64), lengths)
    matrix = sparse.csr_matrix((np.ones(words.size, dtype=dtype), (rows, words)),
                               shape=(len(sequences), num_words))
    matrix.sum_duplicates()
    matrix.data[:] = 1  # presence, not counts
    return matrix


def _as_2d(values: Any, name: str = "values") -> np.ndarray:
    array = np.asarray(values, dtype=float)
    if array.ndim == 1:
        array = array[:, None]
    if array.ndim != 2:
        raise ValueError(f"{name} must be 1-D (one series) or 2-D (time x variables)")
    return array


def mini_series(values: Any, lags: int) -> np.ndarray:
    """Stack the windows of the ``lags`` previous time steps: shape ``(T - lags, lags, p)``.

    Row ``i`` holds times ``i, ..., i + lags - 1`` (oldest first) and goes with the
    target at time ``i + lags``; this is the 3-D input a Keras recurrent layer expects.
    """
    lags = count(lags, "lags")
    array = _as_2d(values)
    if lags >= len(array):
        raise ValueError(f"lags={lags} leaves no rows: the series has {len(array)} time steps")
    windows = np.lib.stride_tricks.sliding_window_view(array, lags, axis=0)  # (T-L+1, p, L)
    return np.ascontiguousarray(windows[:-1].transpose(0, 2, 1))


def lag_matrix(values: Any, lags: int, names: Sequence[str] | None = None):
    """Flattened lagged design: columns lag 1 of every variable, then lag 2, ... lag ``lags``.

    Row ``i`` goes with the target at time ``i + lags``; no intercept column is added.
    A pandas DataFrame (or ``names``) gives a DataFrame with columns ``"<name>_<lag>"``
    (and, for a DataFrame, the target rows' index); otherwise a 2-D array of shape
    ``(T - lags, lags * p)``.
    """
    import pandas as pd

    windows = mini_series(values, lags)  # oldest first
    flat = windows[:, ::-1, :].reshape(len(windows), -1)  # lag 1 first
    frame = isinstance(values, pd.DataFrame)
    if names is None and not frame:
        return flat
    names = list(values.columns) if names is None else list(names)
    if len(names) != windows.shape[2]:
        raise ValueError(f"names has {len(names)} entries for {windows.shape[2]} variables")
    columns = [f"{name}_{lag}" for lag in range(1, lags + 1) for name in names]
    index = values.index[lags:] if frame else None
    return pd.DataFrame(flat, columns=columns, index=index)


def r_squared(y: Any, y_hat: Any) -> float:
    """Share of the variance of ``y`` explained by ``y_hat``: 1 - RSS / TSS (TSS about mean(y))."""
    y = np.asarray(y, dtype=float).ravel()
    y_hat = np.asarray(y_hat, dtype=float).ravel()
    if y.shape != y_hat.shape:
        raise ValueError(f"y and y_hat must have the same length, got {y.size} and {y_hat.size}")
    if y.size < 2:
        raise ValueError("R^2 needs at least two observations")
    tss = float(np.sum((y - y.mean()) ** 2))
    if tss == 0:
        raise ValueError("y is constant, so R^2 is undefined")
    return 1.0 - float(np.sum((y - y_hat) ** 2)) / tss
