"""Argument checks shared by the nbutils modules.

Each returns the cleaned value or raises an error that names the argument: TypeError
for the wrong kind of value, ValueError for the right kind with a bad value.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def finite_array(value: Any, name: str, ndim: int | None = None,
                 min_size: int = 1) -> np.ndarray:
    """``value`` as a float array of finite numbers (``ndim`` dimensions if given)."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must hold numbers, got {type(value).__name__}") from None
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name} must be a {ndim}-D array, got shape {array.shape}")
    if array.size < min_size:
        raise ValueError(f"{name} must hold at least {min_size} number"
                         f"{'s' if min_size > 1 else ''}, got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must contain finite numbers only (no nan or inf)")
    return array


def count(value: Any, name: str, least: int = 1) -> int:
    """``value`` as an int of at least ``least`` (bools are rejected)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < least:
        raise ValueError(f"{name} must be at least {least}, got {value}")
    return int(value)


def finite_number(value: Any, name: str, positive: bool = False) -> float:
    """``value`` as a finite float, strictly positive if ``positive``."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if not np.isfinite(value) or (positive and value <= 0):
        kind = "a positive finite" if positive else "a finite"
        raise ValueError(f"{name} must be {kind} number, got {value!r}")
    return float(value)
