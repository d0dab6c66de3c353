"""Helpers shared by the course notebooks: start-up, seeds, recorded results, data
loaders, plots and exercise checks.

Importing the package sets TensorFlow's start-up switches and loads TensorFlow quietly
(see :func:`nbutils.runtime.start`), so ``import nbutils`` comes before any other
import that could load TensorFlow.
"""

from nbutils.runtime import start as _start

_start()

from nbutils.checks import check, reveal  # noqa: E402
from nbutils.results import record  # noqa: E402
from nbutils.runtime import setup, smoke_mode, tensorflow_only  # noqa: E402

__all__ = ["check", "record", "reveal", "setup", "smoke_mode", "tensorflow_only"]
__version__ = "0.2.0"
