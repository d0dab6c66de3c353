"""Evaluating classifiers and training runs: the most confident mistakes, a table of
measured test errors next to reference figures, and the first epoch at which a learning
curve reaches a level.

The confusion matrix and the error rate come from scikit-learn
(``sklearn.metrics.confusion_matrix``, ``ConfusionMatrixDisplay``, ``zero_one_loss``);
this module holds only what scikit-learn and Keras do not provide. pandas is imported on
first use.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from nbutils._args import finite_array, finite_number


def _labels(y, name: str) -> np.ndarray:
    """Validate a 1-D array of non-negative integer class labels."""
    array = np.asarray(y)
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array of class labels, "
                         f"got shape {array.shape}")
    if array.dtype.kind == "f":
        if not np.all(np.isfinite(array)) or not np.all(array == np.round(array)):
            raise ValueError(f"{name} must hold whole-number class labels")
        array = array.astype(int)
    elif array.dtype.kind not in "iu":
        raise TypeError(f"{name} must hold integer class labels, got dtype {array.dtype}")
    if array.min() < 0:
        raise ValueError(f"{name} must hold labels 0, 1, 2, ...; got a negative label")
    return array.astype(int)


def most_confident_mistakes(probs, y_true, k: int = 10) -> np.ndarray:
    """Indices of the ``k`` wrongly classified examples whose predicted class got the
    highest probability, most confident first (fewer if there are fewer mistakes).

    ``probs`` is an ``(n, n_classes)`` array of predicted class probabilities.
    """
    probs = np.asarray(probs, dtype=float)
    if probs.ndim != 2 or probs.shape[0] == 0 or probs.shape[1] < 2:
        raise ValueError(f"probs must have shape (n, n_classes) with n_classes >= 2, "
                         f"got {probs.shape}")
    y_true = _labels(y_true, "y_true")
    if y_true.size != probs.shape[0]:
        raise ValueError(f"probs has {probs.shape[0]} rows but y_true has {y_true.size} labels")
    if y_true.max() >= probs.shape[1]:
        raise ValueError(f"label {y_true.max()} has no column in probs "
                         f"({probs.shape[1]} classes)")
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 1:
        raise ValueError(f"k must be a positive int, got {k!r}")
    predicted = probs.argmax(axis=1)
    wrong = np.flatnonzero(predicted != y_true)
    confidence = probs[wrong, predicted[wrong]]
    order = np.argsort(-confidence, kind="stable")
    return wrong[order[:k]]


def first_epoch_at_or_below(curve, level: float) -> int | None:
    """The first epoch (counted from 1) at which ``curve`` is at or below ``level``.

    ``curve`` holds one value per epoch, e.g. ``history.history["loss"]``; returns None
    when the curve never gets that low.
    """
    values = finite_array(curve, "curve", ndim=1)
    level = finite_number(level, "level")
    reached = np.flatnonzero(values <= level)
    return int(reached[0]) + 1 if reached.size else None


def compare_errors(measured: Mapping[str, float], reference: Mapping[str, float] | None = None,
                   n_params: Mapping[str, int] | None = None, percent: bool = True):
    """A table (pandas DataFrame, one row per model) of measured test errors, with the
    reference figures (e.g. a book's) and parameter counts where given.

    Errors are fractions in ``[0, 1]``; with ``percent=True`` they are shown in percent.
    Models missing from ``reference`` or ``n_params`` get an empty cell.
    """
    if not isinstance(measured, Mapping) or not measured:
        raise TypeError("measured must be a non-empty dict {model name: test error}")
    for name, extra in (("reference", reference), ("n_params", n_params)):
        if extra is not None and not isinstance(extra, Mapping):
            raise TypeError(f"{name} must be a dict keyed by model name, or None")
        unknown = sorted(set(extra or {}) - set(measured))
        if unknown:
            raise ValueError(f"{name} names models that were not measured: {unknown}")
    for name, value in {**measured, **(reference or {})}.items():
        if not np.isfinite(value) or not 0 <= value <= 1:
            raise ValueError(f"error of {name!r} must be a fraction in [0, 1], got {value!r}")
    import pandas as pd

    scale, unit = (100.0, " (%)") if percent else (1.0, "")
    table = pd.DataFrame({f"test error{unit}": {m: scale * float(e) for m, e in measured.items()}})
    if reference is not None:
        table[f"reference{unit}"] = [scale * reference[m] if m in reference else np.nan
                                     for m in table.index]
    if n_params is not None:
        table["parameters"] = pd.array([n_params.get(m) for m in table.index], dtype="Int64")
    table.index.name = "model"
    return table
