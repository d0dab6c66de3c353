"""Run-time set-up for a notebook: quiet TensorFlow, seeds, smoke mode, versions."""

from __future__ import annotations

import os
import platform
import random
import warnings
from dataclasses import dataclass

SMOKE_ENV = "NBUTILS_FAST"
"""Environment variable that switches the notebooks to smoke mode when set to ``1``."""

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


def smoke_mode() -> bool:
    """Return True when ``NBUTILS_FAST`` asks for smoke mode (small data, few epochs)."""
    value = os.environ.get(SMOKE_ENV, "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{SMOKE_ENV}={value!r} is not understood: use 1 (smoke mode) or 0 (full).")


def quiet_tensorflow() -> None:
    """Silence TensorFlow's C++ and Python start-up logs (call before importing it)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    import absl.logging

    absl.logging.set_verbosity(absl.logging.ERROR)
    import tensorflow as tf

    tf.get_logger().setLevel("ERROR")
    tf.autograph.set_verbosity(0)
    warnings.filterwarnings("ignore", module="keras")


def set_seeds(seed: int = 0, deterministic: bool = True) -> None:
    """Seed Python, NumPy and Keras/TensorFlow; optionally make TF ops deterministic."""
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative int, got {seed!r}")
    import keras
    import numpy as np

    random.seed(seed)
    np.random.seed(seed)
    keras.utils.set_random_seed(seed)
    if deterministic:
        import tensorflow as tf

        tf.config.experimental.enable_op_determinism()


@dataclass(frozen=True)
class RunInfo:
    """What :func:`setup` did, for the notebook to show and use."""

    fast: bool
    seed: int
    versions: dict[str, str]

    def __str__(self) -> str:
        mode = "smoke (NBUTILS_FAST=1)" if self.fast else "full"
        libs = ", ".join(f"{k} {v}" for k, v in self.versions.items())
        return f"{libs}\nmode: {mode}; seed: {self.seed}"


def versions() -> dict[str, str]:
    """Versions of Python and the main libraries, for the set-up cell's printout."""
    import keras
    import matplotlib
    import numpy as np
    import sklearn
    import tensorflow as tf

    return {
        "Python": platform.python_version(),
        "TensorFlow": tf.__version__,
        "Keras": keras.__version__,
        "NumPy": np.__version__,
        "scikit-learn": sklearn.__version__,
        "matplotlib": matplotlib.__version__,
    }


def setup(seed: int = 0, deterministic: bool = True, show: bool = True) -> RunInfo:
    """Prepare a notebook: quiet logs, seeds everywhere, smoke-mode flag, versions.

    Call it once, in the set-up cell, before building any model.
    """
    quiet_tensorflow()
    set_seeds(seed, deterministic)
    info = RunInfo(fast=smoke_mode(), seed=seed, versions=versions())
    if show:
        print(info)
    return info
