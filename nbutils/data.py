"""Data loaders for the course: MNIST, Fashion-MNIST, IMDB and the ISLP tables.

The two ISLP tables (Hitters, NYSE) ship inside nbutils and are read from there,
SHA-256 checked: no network at all. The Keras data sets are looked for in this order:

1. the Keras cache (``$KERAS_HOME/datasets``, by default ``~/.keras/datasets``);
2. an offline folder named by the environment variable ``NBUTILS_DATA_DIR``
   (the layout of the course's staged copies: ``mnist.npz``, ``imdb_tokens.npz``,
   ``imdb_word_index.json``, ``fashion-mnist/*.gz``), before any network probe;
3. the official download, checked against its published SHA-256 where one exists,
   tried only when the host answers within a few seconds;

and otherwise raises :class:`DataUnavailableError` with what to do. Only a failed
download counts as "unavailable": any other error is raised as it is. Nothing here
unpickles a file: the one exception is Keras's own IMDB loader, which opens
``imdb.npz`` only after Keras has verified its SHA-256.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
import socket
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

DATA_DIR_ENV = "NBUTILS_DATA_DIR"
KERAS_HOST = "storage.googleapis.com"
KERAS_ORIGIN = f"https://{KERAS_HOST}/tensorflow/tf-keras-datasets/"
MNIST_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"

ISLP_TABLES = {  # name -> SHA-256 of the CSV shipped in nbutils/datasets (= ISLP 0.6.0's)
    "NYSE": "4bb3e2e9872b2f7e6e8701afb8873cd9f4b7e66ee0b1ba62c116ff2b3a2eec60",
    "Hitters": "ebf7b9dff89366b0544fea09c0ac2df9abdbf5b4ce8d96651316c2c12793d952",
}
NYSE_DAYS = ["mon", "tues", "wed", "thur", "fri"]
FASHION_FILES = {
    "x_train": "train-images-idx3-ubyte.gz",
    "y_train": "train-labels-idx1-ubyte.gz",
    "x_test": "t10k-images-idx3-ubyte.gz",
    "y_test": "t10k-labels-idx1-ubyte.gz",
}
FASHION_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                   "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

Arrays = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


class DataUnavailableError(RuntimeError):
    """No cache, no reachable download and no offline copy: the message says what to do."""


# ---------------------------------------------------------------- where data lives
def keras_home() -> Path:
    """Keras's own folder: ``$KERAS_HOME``, by default ``~/.keras``."""
    return Path(os.environ.get("KERAS_HOME", Path.home() / ".keras"))


def keras_cache_dir() -> Path:
    """The folder where Keras keeps downloaded data sets."""
    return keras_home() / "datasets"


def offline_dir() -> Path | None:
    """The folder named by ``NBUTILS_DATA_DIR``, or None when the variable is unset."""
    value = os.environ.get(DATA_DIR_ENV, "").strip()
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.is_dir():
        raise DataUnavailableError(f"{DATA_DIR_ENV} names a folder that does not exist: {value}")
    return path


def host_reachable(host: str, port: int = 443, timeout: float = 3.0) -> bool:
    """True when a TCP connection to ``host`` opens within ``timeout`` seconds."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _report(name: str, source: str, verbose: bool) -> None:
    if verbose:
        print(f"{name}: loaded from {source}")


def _unavailable(name: str, files: str, host: str) -> DataUnavailableError:
    return DataUnavailableError(
        f"{name} is not available: it is not in the Keras cache, {host} cannot be reached, "
        f"and no offline copy was found. Either connect to the internet and run the cell "
        f"again (the file is then cached for next time), or put {files} in a folder and "
        f"set the environment variable {DATA_DIR_ENV} to that folder before starting "
        f"Jupyter (in a notebook: import os; os.environ['{DATA_DIR_ENV}'] = '/path/to/folder')."
    )


def _first_source(name: str, files: str, host: str,
                  online: Callable[[], Any] | None, cached: bool,
                  offline: Callable[[Path], Any], offline_file: str, verbose: bool) -> Any:
    """The Keras cache, then the offline folder, then the download; else a clear error.

    Only the failure of a download (``OSError``, which covers network errors, or the
    ``ValueError`` Keras raises for a damaged file) falls through; any other error is
    a bug and is raised.
    """
    if online is not None and cached:
        with contextlib.redirect_stdout(io.StringIO()):
            result = online()
        _report(name, "the Keras cache", verbose)
        return result
    folder = offline_dir()
    if folder is not None and (folder / offline_file).exists():
        result = offline(folder)
        _report(name, f"the offline copy (${DATA_DIR_ENV})", verbose)
        return result
    if online is not None and host_reachable(host):
        if verbose:
            print(f"{name}: downloading from {host} (once; it is cached for next time) ...")
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # no progress-bar noise
                result = online()
        except (OSError, ValueError) as error:
            raise _unavailable(name, files, host) from error
        _report(name, f"a download from {host}", verbose)
        return result
    raise _unavailable(name, files, host)


def _check_hash(path: Path, expected: str) -> Path:
    if sha256(path) != expected:
        raise DataUnavailableError(f"{path.name} does not have the expected SHA-256; "
                                   "the copy is damaged: replace it.")
    return path


# ---------------------------------------------------------------- MNIST
def _read_mnist_npz(path: Path) -> Arrays:
    with np.load(path, allow_pickle=False) as f:
        return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])


def load_mnist(verbose: bool = True) -> Arrays:
    """MNIST digits as uint8 arrays: ``(x_train, y_train), (x_test, y_test)``.

    The same arrays as ``keras.datasets.mnist.load_data()``: 60,000 and 10,000
    images of 28x28 pixels in 0..255, labels 0..9.
    """
    import keras

    def online() -> Arrays:
        path = keras.utils.get_file("mnist.npz", origin=KERAS_ORIGIN + "mnist.npz",
                                    file_hash=MNIST_SHA256)
        return _read_mnist_npz(Path(path))

    return _first_source(
        "MNIST", "mnist.npz", KERAS_HOST, online, (keras_cache_dir() / "mnist.npz").exists(),
        lambda d: _read_mnist_npz(d / "mnist.npz"), "mnist.npz", verbose)


# ---------------------------------------------------------------- Fashion-MNIST
def read_idx_gz(path: Path) -> np.ndarray:
    """Read a gzip-compressed IDX file (the MNIST format) into a uint8 array."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    if raw[:2] != b"\x00\x00" or raw[2] != 0x08:
        raise ValueError(f"{Path(path).name} is not an unsigned-byte IDX file")
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if data.size != int(np.prod(shape)):
        raise ValueError(f"{Path(path).name} is truncated: expected shape {shape}")
    return data.reshape(shape)


def _read_fashion(folder: Path) -> Arrays:
    arrays = {key: read_idx_gz(folder / name) for key, name in FASHION_FILES.items()}
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])


def load_fashion_mnist(verbose: bool = True) -> Arrays:
    """Fashion-MNIST as uint8 arrays: ``(x_train, y_train), (x_test, y_test)``.

    60,000 and 10,000 grey images of 28x28 pixels; class names in ``FASHION_CLASSES``.
    """
    import keras

    cache = keras_cache_dir() / "fashion-mnist"
    cached = all((cache / name).exists() for name in FASHION_FILES.values())
    return _first_source(
        "Fashion-MNIST", "the four fashion-mnist/*.gz files", KERAS_HOST,
        keras.datasets.fashion_mnist.load_data, cached,
        lambda d: _read_fashion(d / "fashion-mnist"),
        "fashion-mnist/" + FASHION_FILES["x_train"], verbose)


# ---------------------------------------------------------------- IMDB
def _imdb_from_tokens(path: Path, num_words: int | None, skip_top: int, maxlen: int | None,
                      seed: int, start_char: int | None, oov_char: int | None,
                      index_from: int) -> Arrays:
    """Rebuild exactly what ``keras.datasets.imdb.load_data`` returns, from flat tokens."""
    rng = np.random.RandomState(seed)
    splits = {}
    with np.load(path, allow_pickle=False) as f:
        for split in ("train", "test"):
            tokens, offsets = f[f"x_{split}_tokens"], f[f"x_{split}_offsets"]
            order = np.arange(len(offsets) - 1)
            rng.shuffle(order)  # Keras shuffles train, then test, with one RandomState
            seqs = [tokens[offsets[i]:offsets[i + 1]].astype(np.int64) + index_from
                    for i in order]
            if start_char is not None:
                seqs = [np.concatenate([[start_char], s]) for s in seqs]
            labels = f[f"y_{split}"][order]
            if maxlen:
                keep = [i for i, s in enumerate(seqs) if len(s) < maxlen]
                seqs, labels = [seqs[i] for i in keep], labels[keep]
            splits[split] = (seqs, labels)
    if not num_words:
        num_words = max(int(s.max()) for part in splits.values() for s in part[0] if len(s))
    out = []
    for seqs, labels in splits.values():
        cleaned = []
        for s in seqs:
            inside = (s >= skip_top) & (s < num_words)
            s = np.where(inside, s, oov_char) if oov_char is not None else s[inside]
            cleaned.append(s.tolist())
        array = np.empty(len(cleaned), dtype=object)
        array[:] = cleaned
        out.append((array, labels))
    return out[0], out[1]


def load_imdb(num_words: int | None = 10_000, skip_top: int = 0, maxlen: int | None = None,
              seed: int = 113, start_char: int | None = 1, oov_char: int | None = 2,
              index_from: int = 3, verbose: bool = True) -> Arrays:
    """IMDB reviews as word-index sequences, exactly as ``keras.datasets.imdb.load_data``.

    25,000 training and 25,000 test reviews, labels 1 (positive) and 0 (negative).
    Index 0 is padding, 1 marks the start, 2 an out-of-vocabulary word, and word
    rank ``r`` of :func:`load_imdb_word_index` appears as ``r + index_from``.
    """
    if num_words is not None and (not isinstance(num_words, int) or num_words < 1):
        raise ValueError(f"num_words must be a positive int or None, got {num_words!r}")
    import keras

    options = dict(num_words=num_words, skip_top=skip_top, maxlen=maxlen, seed=seed,
                   start_char=start_char, oov_char=oov_char, index_from=index_from)
    return _first_source(
        "IMDB", "imdb_tokens.npz", KERAS_HOST,
        lambda: keras.datasets.imdb.load_data(**options),
        (keras_cache_dir() / "imdb.npz").exists(),
        lambda d: _imdb_from_tokens(d / "imdb_tokens.npz", **options),
        "imdb_tokens.npz", verbose)


def load_imdb_word_index(verbose: bool = True) -> dict[str, int]:
    """The IMDB word index: word -> frequency rank (1 = most frequent)."""
    import keras

    def offline(folder: Path) -> dict[str, int]:
        with open(folder / "imdb_word_index.json", encoding="utf-8") as f:
            return json.load(f)

    return _first_source(
        "IMDB word index", "imdb_word_index.json", KERAS_HOST,
        keras.datasets.imdb.get_word_index,
        (keras_cache_dir() / "imdb_word_index.json").exists(),
        offline, "imdb_word_index.json", verbose)


def decode_review(sequence, word_index: dict[str, int], index_from: int = 3) -> str:
    """Turn a sequence from :func:`load_imdb` back into words (``?`` for unknown)."""
    if not isinstance(word_index, dict):
        raise TypeError("word_index must be the dict returned by load_imdb_word_index()")
    reverse = {rank + index_from: word for word, rank in word_index.items()}
    specials = {0: "<pad>", 1: "<start>", 2: "?"}
    return " ".join(reverse.get(int(i), specials.get(int(i), "?")) for i in sequence)


# ---------------------------------------------------------------- ISLP tables
def _islp_frame(path_or_buffer, name: str):
    """Read an ISLP CSV and give it the dtypes and index that ``ISLP.load_data`` gives."""
    import pandas as pd

    frame = pd.read_csv(path_or_buffer)
    if name == "NYSE":
        frame["day_of_week"] = pd.Categorical(frame["day_of_week"], categories=NYSE_DAYS)
        frame = frame.set_index("date")
    else:
        for column in ("League", "Division", "NewLeague"):
            frame[column] = pd.Categorical(frame[column])
    return frame


def load_islp(name: str, verbose: bool = True):
    """An ISLP data set (``"NYSE"`` or ``"Hitters"``) as the frame ``ISLP.load_data`` gives.

    The CSV ships inside nbutils (the same bytes as in the ISLP 0.6.0 package, SHA-256
    checked), so this needs no network and no ISLP package.
    """
    if name not in ISLP_TABLES:
        raise ValueError(f"unknown ISLP data set {name!r}; choose from {sorted(ISLP_TABLES)}")
    with resources.as_file(resources.files("nbutils") / "datasets" / f"{name}.csv") as path:
        frame = _islp_frame(_check_hash(path, ISLP_TABLES[name]), name)
    _report(name, "the copy shipped with nbutils (from the ISLP package)", verbose)
    return frame


def load_nyse(verbose: bool = True):
    """NYSE daily series 1962-1986 (ISLR section 10.5): indexed by date."""
    return load_islp("NYSE", verbose)


def load_hitters(verbose: bool = True):
    """Major-league baseball players (ISLR chapter 10 lab): 322 rows, Salary has NaNs."""
    return load_islp("Hitters", verbose)
