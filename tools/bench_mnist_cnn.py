"""Benchmark: the MNIST CNN of notebook 04 against the keras-io "simple MNIST convnet".

    NBUTILS_DATA_DIR=... python tools/bench_mnist_cnn.py [--seed 4] [--epochs 8]

Both networks are trained in the same process on the same machine, one after the other,
on the full MNIST training set, and tested on the full test set:

- keras-io (keras-io/examples/vision/mnist_convnet.py): conv 32 - pool - conv 64 - pool
  - dropout 0.5 - dense 10, Adam, batch 128, 15 epochs, validation split 0.1;
- ours: the network that ``make_cnn`` builds in notebooks/04_cnn.ipynb (the function and
  the augmentation block are read from the notebook itself, so the two cannot drift),
  trained as the notebook trains it (batch 128, Adam with a cosine decay from 0.002,
  ``--epochs`` epochs, no validation split).

It prints each training time, each test accuracy and the ratio of the times. Not run by
CI: it takes a few minutes on a CPU. Run it on an otherwise idle machine (on a shared
one, under the same lock as the notebooks).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nbutils  # noqa: E402  (sets TensorFlow's switches before it loads)

MAKE_CNN_CELL = "e84a0798"  # id of the notebook cell that defines make_cnn and augment


def notebook_network() -> dict:
    """Run the notebook's model-building cell; return its namespace (make_cnn, augment, ...)."""
    import keras
    from keras import layers

    notebook = json.loads((ROOT / "notebooks" / "04_cnn.ipynb").read_text())
    cell = next(c for c in notebook["cells"] if c.get("id") == MAKE_CNN_CELL)
    namespace = {"keras": keras, "layers": layers}
    exec("".join(cell["source"]), namespace)  # noqa: S102 - our own notebook's cell
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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=10, help="epochs of our network")
    args = parser.parse_args(argv)

    import keras
    import numpy as np

    from nbutils import data

    (x_train, y_train), (x_test, y_test) = data.load_mnist()
    x_train = (x_train[:, :, :, None] / 255.0).astype("float32")
    x_test = (x_test[:, :, :, None] / 255.0).astype("float32")

    nbutils.setup(args.seed, fast=False)
    reference = keras_io_convnet()
    reference.compile(loss="sparse_categorical_crossentropy", optimizer="adam",
                      metrics=["accuracy"])
    start = time.perf_counter()
    reference.fit(x_train, y_train, batch_size=128, epochs=15, validation_split=0.1, verbose=2)
    reference_seconds = time.perf_counter() - start
    reference_acc = reference.evaluate(x_test, y_test, verbose=0)[1]

    nbutils.setup(args.seed, fast=False, show=False)
    ours = notebook_cnn()
    batch = 128
    steps = args.epochs * int(np.ceil(len(x_train) / batch))
    ours.compile(optimizer=keras.optimizers.Adam(
        keras.optimizers.schedules.CosineDecay(2e-3, steps)),
        loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    start = time.perf_counter()
    ours.fit(x_train, y_train, batch_size=batch, epochs=args.epochs, verbose=2)
    our_seconds = time.perf_counter() - start
    our_acc = ours.evaluate(x_test, y_test, verbose=0)[1]

    print(f"keras-io simple MNIST convnet: {reference_seconds:6.1f} s, test accuracy "
          f"{reference_acc:.4f} (15 epochs, batch 128)")
    print(f"notebook 04 MNIST CNN:         {our_seconds:6.1f} s, test accuracy "
          f"{our_acc:.4f} ({args.epochs} epochs, batch {batch})")
    print(f"time ratio (ours / keras-io): {our_seconds / reference_seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
