"""The loaders, run against the offline folder (NBUTILS_DATA_DIR) with an empty Keras
cache and no network, the ISLP tables shipped inside nbutils, and the failure when
nothing is available."""

import hashlib
import os
import socket
import time
from importlib import resources

import numpy as np
import pandas as pd
import pytest

from nbutils import data

OFFLINE = os.environ.get(data.DATA_DIR_ENV)
needs_offline = pytest.mark.skipif(
    not OFFLINE, reason=f"{data.DATA_DIR_ENV} is not set (CI points it at the staged data)")


@pytest.fixture
def offline_only(monkeypatch, tmp_path):
    """Empty Keras cache, no network: the loaders must use the offline folder."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    monkeypatch.setattr(data, "host_reachable", lambda *a, **k: False)


@pytest.fixture
def nothing_available(monkeypatch, tmp_path):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)


@pytest.fixture
def no_connections(monkeypatch):
    """Any attempt to open a network connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"a network connection was attempted: {args!r}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@needs_offline
def test_mnist_offline(offline_only, capsys):
    (x_train, y_train), (x_test, y_test) = data.load_mnist()
    assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)
    assert x_train.dtype == np.uint8 and y_train.dtype == np.uint8
    assert np.bincount(y_train).tolist() == [5923, 6742, 5958, 6131, 5842,
                                             5421, 5918, 6265, 5851, 5949]
    assert np.bincount(y_test).sum() == 10000 and y_train[:5].tolist() == [5, 0, 4, 1, 9]
    assert abs(x_train.mean() / 255 - 0.1307) < 1e-3
    assert "offline copy" in capsys.readouterr().out


@needs_offline
def test_fashion_mnist_offline(offline_only):
    (x_train, y_train), (x_test, y_test) = data.load_fashion_mnist()
    assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)
    assert x_train.dtype == np.uint8 and x_train.max() == 255
    assert np.bincount(y_train).tolist() == [6000] * 10
    assert np.bincount(y_test).tolist() == [1000] * 10
    assert len(data.FASHION_CLASSES) == 10


@needs_offline
def test_imdb_offline_matches_keras_conventions(offline_only):
    (x_train, y_train), (x_test, y_test) = data.load_imdb(num_words=10_000)
    assert x_train.shape == (25000,) and x_test.shape == (25000,) and x_train.dtype == object
    assert np.bincount(y_train).tolist() == [12500, 12500]
    assert np.bincount(y_test).tolist() == [12500, 12500]
    # Keras's published first training review: 218 tokens starting like this.
    assert len(x_train[0]) == 218 and x_train[0][:6] == [1, 14, 22, 16, 43, 530]
    assert max(max(s) for s in x_train) == 9999 and min(min(s) for s in x_train) >= 1
    assert all(s[0] == 1 for s in x_test[:100])


@needs_offline
def test_imdb_options(offline_only):
    (x_train, _), (x_test, _) = data.load_imdb(num_words=None, maxlen=100, oov_char=None)
    assert all(len(s) < 100 for s in x_train) and 0 < len(x_train) < 25000
    # the rare words of review 0 (as Keras publishes it) survive without a vocabulary limit
    (full, _), _ = data.load_imdb(num_words=None)
    assert {22665, 21631, 19193, 31050} <= set(full[0])


@needs_offline
def test_word_index_and_decoding(offline_only):
    index = data.load_imdb_word_index()
    assert len(index) == 88584 and index["the"] == 1 and index["br"] == 7
    assert data.decode_review([1, 14, 22, 16, 2, 0], index) == "<start> this film was ? <pad>"
    with pytest.raises(TypeError):
        data.decode_review([1, 2], ["not", "a", "dict"])


@needs_offline
@pytest.mark.parametrize("loader", [data.load_mnist, data.load_fashion_mnist, data.load_imdb,
                                    data.load_imdb_word_index])
def test_no_connection_is_attempted_when_the_offline_folder_is_set(monkeypatch, tmp_path,
                                                                   no_connections, loader):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))  # empty cache, real probe
    loader()


def test_islp_tables_ship_with_nbutils_and_need_no_network(no_connections, capsys):
    for name, digest in data.ISLP_TABLES.items():
        shipped = resources.files("nbutils") / "datasets" / f"{name}.csv"
        assert hashlib.sha256(shipped.read_bytes()).hexdigest() == digest
    data.load_hitters()
    assert "shipped with nbutils" in capsys.readouterr().out


def test_islp_tables_have_islp_dtypes():
    """What ISLP.load_data gives: categorical columns, NYSE indexed by date."""
    nyse = data.load_nyse()
    assert nyse.shape == (6051, 5) and nyse.index.name == "date"
    assert list(nyse.columns) == ["day_of_week", "DJ_return", "log_volume",
                                  "log_volatility", "train"]
    assert list(nyse["day_of_week"].cat.categories) == data.NYSE_DAYS
    assert int(nyse["train"].sum()) == 4281
    hitters = data.load_hitters()
    assert hitters.shape == (322, 20) and int(hitters["Salary"].isna().sum()) == 59
    for column in ("League", "Division", "NewLeague"):
        assert isinstance(hitters[column].dtype, pd.CategoricalDtype)
        assert not hitters[column].cat.ordered
    assert not nyse["day_of_week"].cat.ordered and nyse["train"].dtype == bool
    assert hitters["AtBat"].dtype == np.int64 and hitters["Salary"].dtype == np.float64
    assert isinstance(hitters.index, pd.RangeIndex) and pd.api.types.is_string_dtype(nyse.index)


def test_islp_tables_equal_islp_load_data_where_islp_is_installed():
    islp = pytest.importorskip("ISLP")
    for name in data.ISLP_TABLES:
        pd.testing.assert_frame_equal(data.load_islp(name), islp.load_data(name))


def test_unknown_islp_table():
    with pytest.raises(ValueError, match="unknown ISLP data set"):
        data.load_islp("Boston")


def test_bad_num_words():
    with pytest.raises(ValueError, match="num_words"):
        data.load_imdb(num_words=-5)


def test_data_dir_that_does_not_exist(monkeypatch, tmp_path):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path / "missing"))
    with pytest.raises(data.DataUnavailableError, match="does not exist"):
        data.offline_dir()


@pytest.mark.parametrize("loader", [data.load_mnist, data.load_fashion_mnist, data.load_imdb,
                                    data.load_imdb_word_index])
def test_fails_fast_with_advice_when_nothing_is_available(nothing_available, monkeypatch,
                                                          loader):
    monkeypatch.setattr(data, "host_reachable", lambda *a, **k: False)
    start = time.perf_counter()
    with pytest.raises(data.DataUnavailableError) as error:
        loader()
    assert time.perf_counter() - start < 10
    assert data.DATA_DIR_ENV in str(error.value) and "internet" in str(error.value)


def test_probe_of_an_unreachable_host_is_quick():
    """With no network the real probe answers in seconds, not a long network time-out."""
    start = time.perf_counter()
    data.host_reachable("host.invalid", timeout=3.0)
    assert time.perf_counter() - start < 10


def test_real_failure_without_network(nothing_available):
    if data.host_reachable(data.KERAS_HOST):
        pytest.skip("this machine can reach the download host")
    start = time.perf_counter()
    with pytest.raises(data.DataUnavailableError):
        data.load_mnist()
    assert time.perf_counter() - start < 10


def test_idx_reader_rejects_other_files(tmp_path):
    import gzip

    bad = tmp_path / "bad.gz"
    with gzip.open(bad, "wb") as f:
        f.write(b"\x00\x00\x0d\x01" + (3).to_bytes(4, "big") + b"abc")
    with pytest.raises(ValueError, match="unsigned-byte IDX"):
        data.read_idx_gz(bad)
    good = tmp_path / "good.gz"
    with gzip.open(good, "wb") as f:
        f.write(b"\x00\x00\x08\x02" + (2).to_bytes(4, "big") + (3).to_bytes(4, "big")
                + bytes(range(6)))
    assert data.read_idx_gz(good).tolist() == [[0, 1, 2], [3, 4, 5]]


def test_offline_hash_is_checked(monkeypatch, tmp_path):
    damaged = tmp_path / "NYSE.csv"
    damaged.write_text("date,day_of_week\n")
    with pytest.raises(data.DataUnavailableError, match="SHA-256"):
        data._check_hash(damaged, data.ISLP_TABLES["NYSE"])


def test_a_bug_in_a_download_is_not_reported_as_unavailable(nothing_available, monkeypatch):
    """Only a failed download means 'unavailable'; other errors surface as they are."""
    monkeypatch.setattr(data, "host_reachable", lambda *a, **k: True)

    def broken(*args, **kwargs):
        raise KeyError("a bug")

    import keras

    monkeypatch.setattr(keras.utils, "get_file", broken)
    with pytest.raises(KeyError, match="a bug"):
        data.load_mnist(verbose=False)

    def offline(*args, **kwargs):
        raise OSError("network is unreachable")

    monkeypatch.setattr(keras.utils, "get_file", offline)
    with pytest.raises(data.DataUnavailableError):
        data.load_mnist(verbose=False)
