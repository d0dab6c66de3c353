"""Run-time set-up for a notebook: TensorFlow's start-up switches, seeds, smoke mode.

``import nbutils`` calls :func:`start` before anything else can load TensorFlow, so
every notebook starts the same way; :func:`setup` then seeds the run and prints what it
runs on.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import platform
import random
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

SMOKE_ENV = "NBUTILS_FAST"
"""Environment variable that switches the notebooks to smoke mode when set to ``1``."""

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}

# oneDNN stays on (TensorFlow's default on x86 CPUs). Measured side by side on a 2-core
# CPU, three alternating runs each: a small MNIST CNN trained 1.7 times faster with it
# (median 11.4 s against 19.2 s) and a dense network 1.3 times faster (3.8 s against
# 5.1 s), and with op determinism on, every rerun gave bit-identical weights either way.
# Its only cost is the "oneDNN custom operations are on" line that TensorFlow writes
# to the process's stderr while it loads, which TF_CPP_MIN_LOG_LEVEL does not silence:
# :func:`start` loads TensorFlow with that stream muted.
START_ENV = {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "1"}


def smoke_mode() -> bool:
    """Return True when ``NBUTILS_FAST`` asks for smoke mode (small data, few epochs)."""
    value = os.environ.get(SMOKE_ENV, "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{SMOKE_ENV}={value!r} is not understood: use 1 (smoke mode) or 0 (full).")


@contextlib.contextmanager
def _muted_stderr_fd() -> Iterator[None]:
    """Send file descriptor 2 to the null device (C++ start-up lines), then restore it."""
    try:
        saved = os.dup(2)
    except OSError:  # no usable stderr at all: nothing to mute
        yield
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


def start() -> None:
    """Set TensorFlow's switches and load it quietly, once, before anything else does.

    A value the user has already set in the environment is kept. Python errors during
    the import are raised as usual; only the C++ start-up lines are muted.
    """
    for name, value in START_ENV.items():
        os.environ.setdefault(name, value)
    if "tensorflow" in sys.modules or importlib.util.find_spec("tensorflow") is None:
        return
    with _muted_stderr_fd():
        import tensorflow as tf
    import absl.logging

    absl.logging.set_verbosity(absl.logging.ERROR)
    tf.get_logger().setLevel("ERROR")
    tf.autograph.set_verbosity(0)
    warnings.filterwarnings("ignore", module="keras")


def backend() -> str:
    """The Keras backend in use ("tensorflow", "jax", "torch", ...)."""
    import keras

    return keras.backend.backend()


def tensorflow_only(lesson: str) -> bool:
    """True under the TensorFlow backend; otherwise say why the cell is skipped.

    Guards a cell whose lesson is TensorFlow's own API (``GradientTape``, a TF
    ``train_step``): ``if nbutils.tensorflow_only("GradientTape"): ...``.
    """
    if not isinstance(lesson, str) or not lesson:
        raise ValueError("name the TensorFlow feature the cell teaches")
    name = backend()
    if name == "tensorflow":
        return True
    print(f"This cell teaches {lesson}, which belongs to TensorFlow; the Keras backend here is "
          f"{name}, so it does not run. Set KERAS_BACKEND=tensorflow before starting Jupyter "
          "to run it.")
    return False


def set_seeds(seed: int = 0, deterministic: bool = True) -> None:
    """Seed Python, NumPy and Keras; under TensorFlow optionally make its ops deterministic."""
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative int, got {seed!r}")
    import keras
    import numpy as np

    random.seed(seed)
    np.random.seed(seed)
    keras.utils.set_random_seed(seed)
    if deterministic and backend() == "tensorflow":
        import tensorflow as tf

        tf.config.experimental.enable_op_determinism()


def accelerator() -> str:
    """A short description of the device the Keras backend computes on."""
    name = backend()
    if name == "tensorflow":
        import tensorflow as tf

        gpus = tf.config.list_physical_devices("GPU")
        return f"GPU ({len(gpus)})" if gpus else "CPU"
    if name == "jax":
        import jax

        return jax.devices()[0].platform.upper()
    return "CPU"


@dataclass(frozen=True)
class RunInfo:
    """What :func:`setup` did, for the notebook to show and use."""

    fast: bool
    seed: int
    versions: dict[str, str]
    device: str = "CPU"

    def __str__(self) -> str:
        mode = "smoke" if self.fast else "full"
        libs = ", ".join(f"{k} {v}" for k, v in self.versions.items())
        return f"{libs}\nmode: {mode}; seed: {self.seed}; device: {self.device}"


_current: RunInfo | None = None


def current() -> RunInfo:
    """The :class:`RunInfo` of this run; raises if :func:`setup` has not been called."""
    if _current is None:
        raise RuntimeError("call nbutils.setup(SEED, fast=FAST) in the set-up cell first")
    return _current


def versions() -> dict[str, str]:
    """Versions of Python, the Keras backend and the main libraries."""
    import keras
    import matplotlib
    import numpy as np
    import sklearn

    found = {"Python": platform.python_version()}
    name = backend()
    if name == "tensorflow":
        import tensorflow as tf

        found["TensorFlow"] = tf.__version__
    elif name == "jax":
        import jax

        found["JAX"] = jax.__version__
    else:
        found[name] = importlib.import_module(name).__version__
    found.update({"Keras": keras.__version__, "NumPy": np.__version__,
                  "scikit-learn": sklearn.__version__, "matplotlib": matplotlib.__version__})
    return found


def setup(seed: int = 0, fast: bool | None = None, deterministic: bool = True,
          show: bool = True) -> RunInfo:
    """Seed the run, fix its mode and print what it runs on; call it once per notebook.

    ``fast`` is the smoke-mode flag of the parameters cell (by default ``NBUTILS_FAST``).
    """
    global _current
    if fast is None:
        fast = smoke_mode()
    if not isinstance(fast, bool):
        raise TypeError(f"fast must be True or False, got {fast!r}")
    set_seeds(seed, deterministic)
    _current = RunInfo(fast=fast, seed=seed, versions=versions(), device=accelerator())
    if show:
        print(_current)
    return _current
