"""Plumbing for the sequence notebook: sparse rows fed to Keras in dense mini-batches,
token sequences fed in batches padded only as far as they need, and a learning curve on
data the model does not train on.

What notebook 05 teaches (the document-term matrix, bigrams, the lagged design, R^2) is
built in the notebook itself; this module only holds the feeding and the callback.
"""

from __future__ import annotations

import time
from typing import Any

import keras
import numpy as np
from scipy import sparse

from nbutils._args import count


def _shuffler(shuffle_seed: Any) -> np.random.Generator | None:
    """The random generator that reshuffles a dataset's batches, or None for a fixed order."""
    if shuffle_seed is None:
        return None
    if not isinstance(shuffle_seed, (int, np.integer)):
        raise TypeError("shuffle_seed must be an int or None")
    return np.random.default_rng(shuffle_seed)


class DenseBatches(keras.utils.PyDataset):
    """Mini-batches of the rows of a SciPy sparse matrix, each made dense when it is read.

    A dense copy of a whole document-term matrix can take a gigabyte; one batch takes a few
    megabytes. Every batch has the same shape, which matters under JAX: it compiles one
    program per input shape, and a sparse batch's shape changes with its number of
    non-zeros. With ``shuffle_seed`` the rows are reshuffled before every epoch (Keras does
    not shuffle a dataset object itself), reproducibly; without it they stay in order, as
    ``predict`` and ``evaluate`` need.
    """

    def __init__(self, x: Any, y: Any = None, batch_size: int = 512,
                 shuffle_seed: int | None = None):
        super().__init__()
        if not sparse.issparse(x):
            raise TypeError(f"x must be a SciPy sparse matrix, got {type(x).__name__}")
        self.x = sparse.csr_matrix(x)
        self.y = None if y is None else np.asarray(y)
        if self.y is not None and len(self.y) != self.x.shape[0]:
            raise ValueError(f"x has {self.x.shape[0]} rows but y has {len(self.y)}")
        self.batch_size = count(batch_size, "batch_size")
        self._rng = _shuffler(shuffle_seed)
        self._order = np.arange(self.x.shape[0])
        self.on_epoch_end()

    def __len__(self) -> int:
        return -(-self.x.shape[0] // self.batch_size)

    def __getitem__(self, index: int):
        if not 0 <= index < len(self):
            raise IndexError(f"batch {index} of {len(self)}")
        rows = self._order[index * self.batch_size:(index + 1) * self.batch_size]
        batch = self.x[rows].toarray().astype("float32")
        return batch if self.y is None else (batch, self.y[rows])

    def on_epoch_end(self) -> None:
        if self._rng is not None:
            self._order = self._rng.permutation(self.x.shape[0])


class PaddedBatches(keras.utils.PyDataset):
    """Mini-batches of integer sequences, each batch padded only to the length it needs.

    Padding every review to ``maxlen`` makes a recurrent layer step through the padding of
    the short ones. Here there are ``n_lengths`` padded lengths, ``maxlen * k / n_lengths``
    rounded up for k = 1, ..., n_lengths; each sequence gets the shortest that holds its
    last ``maxlen`` tokens, each batch is cut from sequences of one length and padded in
    front as ``keras.utils.pad_sequences`` does. Few lengths mean few programs to compile
    under JAX (one per input shape). With
    ``shuffle_seed`` the members of each batch and the order of the batches are redrawn
    before every epoch, reproducibly; without it both stay fixed, as ``predict`` needs.
    :meth:`in_input_order` puts the rows of a prediction back in the order of the input.
    """

    def __init__(self, sequences: Any, y: Any = None, batch_size: int = 128,
                 maxlen: int = 500, n_lengths: int = 2, shuffle_seed: int | None = None):
        super().__init__()
        if isinstance(sequences, (str, bytes)) or not hasattr(sequences, "__len__"):
            raise TypeError("sequences must be a list (or array) of integer sequences")
        self.sequences = list(sequences)
        if not self.sequences:
            raise ValueError("sequences is empty")
        self.y = None if y is None else np.asarray(y)
        if self.y is not None and len(self.y) != len(self.sequences):
            raise ValueError(f"{len(self.sequences)} sequences but {len(self.y)} labels")
        self.batch_size = count(batch_size, "batch_size")
        self.maxlen = count(maxlen, "maxlen")
        n_lengths = count(n_lengths, "n_lengths")
        if n_lengths > self.maxlen:
            raise ValueError(f"n_lengths ({n_lengths}) cannot exceed maxlen ({self.maxlen})")
        lengths = np.array([min(len(s), self.maxlen) for s in self.sequences])
        widths = -(-np.arange(1, n_lengths + 1) * self.maxlen // n_lengths)  # ceilings
        #: padded length of each sequence: the shortest of the widths that holds it
        self.padded_length = widths[np.searchsorted(widths, lengths)]
        self._rng = _shuffler(shuffle_seed)
        self._arrange()

    def _arrange(self) -> None:
        n = len(self.sequences)
        rows = np.arange(n) if self._rng is None else self._rng.permutation(n)
        rows = rows[np.argsort(self.padded_length[rows], kind="stable")]  # group by length
        groups = np.split(rows, np.flatnonzero(np.diff(self.padded_length[rows])) + 1)
        self._batches = [group[start:start + self.batch_size] for group in groups
                         for start in range(0, len(group), self.batch_size)]
        if self._rng is not None:
            self._batches = [self._batches[k] for k in self._rng.permutation(len(self._batches))]
        # Under TensorFlow, Keras reads the input shape off the first two batches: one of
        # another length in second place makes it expect a variable length.
        widths = [self.padded_length[batch[0]] for batch in self._batches]
        other = next((k for k, width in enumerate(widths) if width != widths[0]), None)
        if other is not None:
            self._batches.insert(1, self._batches.pop(other))
        #: the input row of each row of the batches, batch after batch
        self.order = np.concatenate(self._batches)

    def __len__(self) -> int:
        return len(self._batches)

    def __getitem__(self, index: int):
        if not 0 <= index < len(self):
            raise IndexError(f"batch {index} of {len(self)}")
        rows = self._batches[index]
        width = int(self.padded_length[rows].max())
        batch = keras.utils.pad_sequences([self.sequences[r] for r in rows], maxlen=width)
        return batch if self.y is None else (batch, self.y[rows])

    def on_epoch_end(self) -> None:
        if self._rng is not None:
            self._arrange()

    def in_input_order(self, predictions: Any) -> np.ndarray:
        """Rows of ``predictions`` (made batch after batch) in the order of the input."""
        predictions = np.asarray(predictions)
        if len(predictions) != len(self.order):
            raise ValueError(f"{len(predictions)} predictions for {len(self.order)} sequences")
        ordered = np.empty_like(predictions)
        ordered[self.order] = predictions
        return ordered


class HeldOutCurve(keras.callbacks.Callback):
    """After every epoch, evaluate the model on ``(x, y)`` and keep one metric.

    Meant for the figure of a learning curve on the test set: the curve is looked at,
    never used to choose an epoch (that is what validation data are for). ``metric`` is
    a name the model was compiled with (``"accuracy"``, ``"loss"``, ...); the values are
    in :attr:`history`, one per epoch, as Python floats; :attr:`seconds` is the time
    spent scoring, so that a training time can leave it out.
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
        self.seconds = 0.0
        # a sparse x is scored in dense batches (see DenseBatches), built once for every epoch
        self._batches = DenseBatches(x, y, self.batch_size) if sparse.issparse(x) else None

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        start = time.perf_counter()
        if self._batches is not None:
            scores = self.model.evaluate(self._batches, verbose=0, return_dict=True)
        else:
            scores = self.model.evaluate(self.x, self.y, batch_size=self.batch_size, verbose=0,
                                         return_dict=True)
        if self.metric not in scores:
            raise ValueError(f"the model reports {sorted(scores)}, not {self.metric!r}: compile "
                           f"it with metrics=[{self.metric!r}] or pick one of those")
        self.history.append(float(scores[self.metric]))
        self.seconds += time.perf_counter() - start


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
