"""Evaluating a classifier: confusion matrix (counted and drawn), the most confident
mistakes, and a small table that puts measured test errors next to reference figures.

Everything works for any number of classes; class names are optional. Plots return
``(fig, ax)`` plus the data they draw and show nothing until the notebook calls
``plt.show()``. matplotlib and pandas are imported on first use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from nbutils._args import count


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


def _pair(y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    y_true, y_pred = _labels(y_true, "y_true"), _labels(y_pred, "y_pred")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred differ in length: {y_true.size} and {y_pred.size}")
    return y_true, y_pred


def error_rate(y_true, y_pred) -> float:
    """Fraction of predictions that differ from the true labels (1 - accuracy)."""
    y_true, y_pred = _pair(y_true, y_pred)
    return float(np.mean(y_true != y_pred))


def confusion_matrix(y_true, y_pred, n_classes: int | None = None) -> np.ndarray:
    """Counts ``C[i, j]`` of examples of true class ``i`` predicted as class ``j``.

    ``n_classes`` defaults to one more than the largest label seen.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    seen = int(max(y_true.max(), y_pred.max())) + 1
    if n_classes is None:
        n_classes = seen
    elif count(n_classes, "n_classes") < seen:
        raise ValueError(f"n_classes={n_classes} but a label {seen - 1} occurs")
    matrix = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix


def plot_confusion_matrix(y_true, y_pred, class_names: Sequence[str] | None = None,
                          normalize: bool = False, ax=None):
    """Draw the confusion matrix as a heat map with the count in each cell.

    ``class_names`` label the axes (default: 0, 1, 2, ...); with ``normalize=True`` each
    row is divided by its total, so the diagonal shows the recall of each class.
    Returns ``(fig, ax, matrix)``; ``matrix`` is what is drawn (counts or row fractions).
    """
    n_classes = None if class_names is None else len(class_names)
    if class_names is not None and (isinstance(class_names, str) or n_classes == 0):
        raise TypeError("class_names must be a non-empty sequence of names, one per class")
    matrix = confusion_matrix(y_true, y_pred, n_classes)
    names = [str(i) for i in range(len(matrix))] if class_names is None else list(class_names)
    if normalize:
        totals = matrix.sum(axis=1, keepdims=True)
        matrix = np.divide(matrix, totals, out=np.zeros(matrix.shape), where=totals > 0)
    import matplotlib.pyplot as plt

    k = len(matrix)
    if ax is None:
        side = max(3.5, 0.45 * k + 1.5)
        fig, ax = plt.subplots(figsize=(side + 0.8, side))
    else:
        fig = ax.figure
    image = ax.imshow(matrix, cmap="Blues")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    ax.set_xticks(range(k), names, rotation=45 if max(map(len, names)) > 2 else 0,
                  ha="right" if max(map(len, names)) > 2 else "center")
    ax.set_yticks(range(k), names)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    if k <= 20:
        high = matrix.max() / 2 if matrix.max() > 0 else 1
        for i in range(k):
            for j in range(k):
                text = f"{matrix[i, j]:.2f}" if normalize else f"{matrix[i, j]:d}"
                ax.text(j, i, text, ha="center", va="center", fontsize=7,
                        color="white" if matrix[i, j] > high else "black")
    fig.tight_layout()
    return fig, ax, matrix


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
