"""Helpers shared by the course notebooks: run-time set-up, data loaders, plots and
exercise checks.

Importing the package is cheap: TensorFlow is imported only by the functions that
need it. Importing it does set ``TF_CPP_MIN_LOG_LEVEL`` (if unset) so that a later
TensorFlow import stays quiet.
"""

import os as _os

_os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from nbutils.checks import check, reveal  # noqa: E402
from nbutils.runtime import setup, smoke_mode  # noqa: E402

__all__ = ["check", "reveal", "setup", "smoke_mode"]
__version__ = "0.1.0"
