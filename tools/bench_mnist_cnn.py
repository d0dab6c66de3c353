"""Benchmark: the MNIST CNN of notebook 04 against the keras-io "simple MNIST convnet".

    NBUTILS_DATA_DIR=... python tools/bench_mnist_cnn.py [--seed 4]

Both networks are trained in the same process on the full MNIST training set and tested
on the full test set:

- keras-io (keras-io/examples/vision/mnist_convnet.py): conv 32 - pool - conv 64 - pool
  - dropout 0.5 - dense 10, Adam, batch 128, 15 epochs, validation split 0.1;
- ours: the network that ``make_cnn`` builds in notebooks/04_cnn.ipynb, trained as the
  notebook trains it. The network cell and the settings (``MNIST_EPOCHS``, ``BATCH``,
  ``MNIST_LR``) are read from the notebook itself, so the two cannot drift.

Both are compiled with ``steps_per_execution`` set to one epoch of batches, as the
notebook compiles its networks, so that the ratio compares the networks and their
training recipes, not the loop that drives them.

The two are trained epoch by epoch in turn (one epoch of one, then one of the other), so
that a slow spell of a shared machine falls on both. It prints each training time, each
test accuracy and the ratio of the times, and writes them to
``results/bench_mnist_cnn.json``, from which tools/readme_table.py builds the README's
benchmark line. Not run by CI: it takes about as long as the notebook. Run it on an
otherwise idle machine (on a shared one, under the same lock as the notebooks).
"""

from __future__ import annotations

import argparse
import ast
import datetime
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nbutils  # noqa: E402  (sets TensorFlow's switches before it loads)
from tools.nbrun import full_mode_source, load, machine, versions  # noqa: E402

NOTEBOOK = ROOT / "notebooks" / "04_cnn.ipynb"
RESULT = ROOT / "results" / "bench_mnist_cnn.json"
MAKE_CNN_CELL = "e84a0798"  # id of the notebook cell that defines make_cnn and augment
SETTINGS = ("MNIST_EPOCHS", "BATCH", "MNIST_LR")
KERAS_IO_EPOCHS, KERAS_IO_BATCH, KERAS_IO_VALIDATION = 15, 128, 0.1


def network_source(notebook: dict | None = None) -> str:
    """The source of the notebook's model-building cell."""
    notebook = notebook or load(NOTEBOOK)
    cell = next(c for c in notebook["cells"] if c.get("id") == MAKE_CNN_CELL)
    return "".join(cell["source"])


def notebook_settings(notebook: dict | None = None) -> dict:
    """The full-mode values of SETTINGS, read from the notebook's assignments."""
    notebook = notebook or load(NOTEBOOK)
    found = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        for node in ast.parse(full_mode_source("".join(cell["source"]))).body:
            if (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and getattr(node.targets[0], "id", None) in SETTINGS):
                found[node.targets[0].id] = ast.literal_eval(node.value)
    missing = [name for name in SETTINGS if name not in found]
    if missing:
        raise ValueError(f"{NOTEBOOK.name} assigns no {', '.join(missing)}")
    return found


def benchmark_hash(notebook: dict | None = None) -> str:
    """A short hash of what the benchmark trains: the network cell and the settings."""
    notebook = notebook or load(NOTEBOOK)  # read once for both parts
    text = full_mode_source(network_source(notebook)) + json.dumps(notebook_settings(notebook),
                                                                   sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def notebook_network() -> dict:
    """Run the notebook's model-building cell; return its namespace (make_cnn, augment, ...)."""
    import keras
    from keras import layers

    namespace = {"keras": keras, "layers": layers}
    exec(network_source(), namespace)  # noqa: S102 - our own notebook's cell
    return namespace


def notebook_cnn():
    """The MNIST CNN of notebook 04, with its augmentation block, as the notebook builds it."""
    network = notebook_network()
    return network["make_cnn"](network["CHANNELS"], "mnist_cnn", augment=network["augment"])


def keras_io_convnet():
    import keras
    from keras import layers

    return keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(10, activation="softmax"),
    ], name="keras_io_convnet")


def batches_per_epoch(n: int, batch: int) -> int:
    return -(-n // batch)  # ceil(n / batch)


def timed_epoch(model, epoch: int, **fit_options) -> float:
    """Seconds for one more epoch of ``model.fit``."""
    start = time.perf_counter()
    model.fit(epochs=epoch + 1, initial_epoch=epoch, verbose=0, **fit_options)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args(argv)
    settings = notebook_settings()

    import keras

    from nbutils import data

    (x_train, y_train), (x_test, y_test) = data.load_mnist()
    x_train = (x_train[:, :, :, None] / 255.0).astype("float32")
    x_test = (x_test[:, :, :, None] / 255.0).astype("float32")

    nbutils.setup(args.seed, fast=False)
    reference = keras_io_convnet()
    n_fit = len(x_train) - int(KERAS_IO_VALIDATION * len(x_train))  # what fit trains on
    reference.compile(loss="sparse_categorical_crossentropy", optimizer="adam",
                      metrics=["accuracy"],
                      steps_per_execution=batches_per_epoch(n_fit, KERAS_IO_BATCH))
    ours = notebook_cnn()
    epochs, batch = settings["MNIST_EPOCHS"], settings["BATCH"]
    per_epoch = batches_per_epoch(len(x_train), batch)
    ours.compile(optimizer=keras.optimizers.Adam(
        keras.optimizers.schedules.CosineDecay(settings["MNIST_LR"], epochs * per_epoch)),
        loss="sparse_categorical_crossentropy", metrics=["accuracy"],
        steps_per_execution=per_epoch)
    times = {"keras_io": [], "ours": []}
    for epoch in range(max(KERAS_IO_EPOCHS, epochs)):
        if epoch < KERAS_IO_EPOCHS:
            times["keras_io"].append(timed_epoch(reference, epoch, x=x_train, y=y_train,
                                                 batch_size=KERAS_IO_BATCH,
                                                 validation_split=KERAS_IO_VALIDATION))
        if epoch < epochs:
            times["ours"].append(timed_epoch(ours, epoch, x=x_train, y=y_train,
                                             batch_size=batch))
        print(f"epoch {epoch + 1}: " + ", ".join(f"{name} {t[-1]:.1f} s"
                                                  for name, t in times.items() if len(t) > epoch),
              flush=True)
    accuracy = {"keras_io": reference.evaluate(x_test, y_test, verbose=0)[1],
                "ours": ours.evaluate(x_test, y_test, verbose=0)[1]}
    seconds = {name: sum(t) for name, t in times.items()}
    ratio = seconds["ours"] / seconds["keras_io"]
    print(f"keras-io simple MNIST convnet: {seconds['keras_io']:6.1f} s, test accuracy "
          f"{accuracy['keras_io']:.4f} ({KERAS_IO_EPOCHS} epochs, batch {KERAS_IO_BATCH})")
    print(f"notebook 04 MNIST CNN:         {seconds['ours']:6.1f} s, test accuracy "
          f"{accuracy['ours']:.4f} ({epochs} epochs, batch {batch})")
    print(f"time ratio (ours / keras-io): {ratio:.2f}")
    RESULT.parent.mkdir(exist_ok=True)
    RESULT.write_text(json.dumps({
        "benchmark": "tools/bench_mnist_cnn.py", "code": benchmark_hash(), "seed": args.seed,
        "date": datetime.date.today().isoformat(), "machine": machine(), "versions": versions(),
        "settings": settings, "epochs": {"keras_io": KERAS_IO_EPOCHS, "ours": epochs},
        "epoch_seconds": times, "seconds": seconds, "accuracy": accuracy, "ratio": ratio,
    }, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
