"""Plumbing for the sequence notebook: a learning curve on data the model does not train on.

What notebook 05 teaches (the document-term matrix, bigrams, the lagged design, R^2) is
built in the notebook itself; this module only holds the callback that draws its figure.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np

from nbutils._args import count


class HeldOutCurve(keras.callbacks.Callback):
    """After every epoch, evaluate the model on ``(x, y)`` and keep one metric.

    Meant for the figure of a learning curve on the test set: the curve is looked at,
    never used to choose an epoch (that is what validation data are for). ``metric`` is
    a name the model was compiled with (``"accuracy"``, ``"loss"``, ...); the values are
    in :attr:`history`, one per epoch, as Python floats.
    """

    def __init__(self, x: Any, y: Any, metric: str = "accuracy", batch_size: int = 2048):
        super().__init__()
        if not isinstance(metric, str) or not metric:
            raise TypeError("metric must be the name of a compiled metric, such as 'accuracy'")
        n_x, n_y = _length(x, "x"), _length(y, "y")
        if n_x != n_y:
            raise ValueError(f"x and y must have the same number of rows, got {n_x} and {n_y}")
        self.x, self.y, self.metric = x, y, metric
        self.batch_size = count(batch_size, "batch_size")
        self.history: list[float] = []

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        scores = self.model.evaluate(self.x, self.y, batch_size=self.batch_size, verbose=0,
                                     return_dict=True)
        if self.metric not in scores:
            raise ValueError(f"the model reports {sorted(scores)}, not {self.metric!r}: compile "
                           f"it with metrics=[{self.metric!r}] or pick one of those")
        self.history.append(float(scores[self.metric]))


def _length(data: Any, name: str) -> int:
    """Number of rows of an array, a sparse matrix or a list of arrays (several inputs)."""
    if isinstance(data, (list, tuple)):
        if not data:
            raise ValueError(f"{name} is empty")
        if not all(getattr(part, "ndim", np.ndim(part)) >= 1 for part in data):
            return len(data)  # a plain list of numbers: one row each
        lengths = {_length(part, name) for part in data}
        if len(lengths) != 1:
            raise ValueError(f"the arrays in {name} have different numbers of rows")
        return lengths.pop()
    shape = getattr(data, "shape", None)
    if shape is None:
        data = np.asarray(data)
        shape = data.shape
    if len(shape) == 0:
        raise TypeError(f"{name} must be an array with one row per example, not a scalar")
    return int(shape[0])
