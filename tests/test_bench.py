"""The MNIST benchmark script builds what it times from notebook 04 itself."""

import json

import pytest

from tools import bench_mnist_cnn, nbrun


def test_the_benchmark_builds_the_notebook_cnn_and_the_keras_io_convnet():
    ours = bench_mnist_cnn.notebook_cnn()
    assert ours.name == "mnist_cnn"
    assert ours.input_shape == (None, 28, 28, 1) and ours.output_shape == (None, 10)
    reference = bench_mnist_cnn.keras_io_convnet()
    assert reference.count_params() == 34_826  # as printed in the keras-io example


def test_the_benchmark_trains_with_the_settings_the_notebook_trains_with():
    settings = bench_mnist_cnn.notebook_settings()
    assert isinstance(settings["MNIST_EPOCHS"], int) and settings["MNIST_EPOCHS"] > 2
    assert isinstance(settings["BATCH"], int) and 0 < settings["MNIST_LR"] < 1
    notebook = nbrun.load(bench_mnist_cnn.NOTEBOOK)
    training = [c for c in notebook["cells"]
                if "cnn.fit(x_train" in "".join(c["source"])]
    assert len(training) == 1
    source = "".join(training[0]["source"])
    assert "cosine_adam(MNIST_LR, MNIST_EPOCHS" in source and "batch_size=BATCH" in source
    assert "steps_per_execution=batches_per_epoch(len(x_train))" in source


def test_the_benchmark_hash_follows_the_network_cell_and_the_settings():
    notebook = nbrun.load(bench_mnist_cnn.NOTEBOOK)
    before = bench_mnist_cnn.benchmark_hash(notebook)
    cell = next(c for c in notebook["cells"] if c.get("id") == bench_mnist_cnn.MAKE_CNN_CELL)
    cell["source"] = "".join(cell["source"]).replace("CHANNELS = (", "CHANNELS = (2 * 0 + ")
    assert bench_mnist_cnn.benchmark_hash(notebook) != before


def test_a_notebook_without_the_settings_is_refused():
    with pytest.raises(ValueError, match="assigns no"):
        bench_mnist_cnn.notebook_settings({"cells": [{"cell_type": "code", "source": "x = 1"}]})


def test_the_readme_benchmark_line_comes_from_a_current_result(tmp_path, monkeypatch):
    from tools import readme_table

    result = tmp_path / "bench.json"
    monkeypatch.setattr(bench_mnist_cnn, "RESULT", result)
    assert "Not yet run" in readme_table.benchmark_table()
    bench = {"code": bench_mnist_cnn.benchmark_hash(), "seed": 4, "date": "2026-12-01",
             "machine": "x86_64, 2 cores", "epochs": {"keras_io": 15, "ours": 6},
             "seconds": {"keras_io": 200.0, "ours": 100.0},
             "accuracy": {"keras_io": 0.9921, "ours": 0.995}, "ratio": 0.5}
    result.write_text(json.dumps(bench))
    table = readme_table.benchmark_table()
    assert "| notebook 04 MNIST CNN | 6 | 100 s | 99.50% |" in table and "**0.50**" in table
    result.write_text(json.dumps({**bench, "code": "stale"}))
    assert "Out of date" in readme_table.benchmark_table()
