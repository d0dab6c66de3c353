"""Recorded results: each headline number of a notebook, checked against its bars.

:func:`record` prints one line for the reader and stores the same result, with its
target, its trivial baseline and its published reference, as a machine-readable output
(MIME type :data:`RESULT_MIME`). :func:`results_of` reads them back from a notebook:
the tools use it to build the README tables (``tools/readme_table.py``), compare reruns
(``tools/rerun.py``) and collect seed sweeps (``tools/seed_sweep.py``).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from nbutils import runtime

RESULT_MIME = "application/vnd.nbutils.result+json"


@dataclass(frozen=True)
class Result:
    """One recorded number and what it is judged against."""

    key: str
    label: str
    value: float
    fmt: str = ".4g"
    higher_is_better: bool = True
    target: float | None = None
    sanity: float | None = None
    baseline: float | None = None
    baseline_label: str | None = None
    reference: float | None = None
    source: str | None = None
    tolerance: float = 0.0
    fast: bool = False
    seed: int = 0

    def show(self, value: float | None = None) -> str:
        """``value`` (by default this result's) in the result's format."""
        return format(self.value if value is None else value, self.fmt)

    def meets(self, bar: float | None, value: float | None = None) -> bool:
        """True when ``value`` (by default this result's) is on the right side of ``bar``."""
        value = self.value if value is None else value
        if bar is None:
            return True
        return value >= bar if self.higher_is_better else value <= bar

    def line(self) -> str:
        """The sentence a reader sees."""
        side = "≥" if self.higher_is_better else "≤"
        bar, kind = (self.sanity, "smoke-mode sanity bar") if self.fast else (
            self.target, "target")
        parts = [f"{self.label}: {self.show()}"]
        if bar is not None:
            parts.append(f"{kind} {side} {self.show(bar)}: "
                         f"{'met' if self.meets(bar) else 'MISSED'}")
        if self.baseline is not None:
            parts.append(f"{self.baseline_label} scores {self.show(self.baseline)}")
        if self.reference is not None:
            parts.append(f"{self.source}: {self.show(self.reference)}")
        return parts[0] + (" (" + "; ".join(parts[1:]) + ")" if len(parts) > 1 else "")


def _number(value: Any, name: str) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {number!r}")
    return number


def record(key: str, value: Any, *, label: str, fmt: str = ".4g",
           higher_is_better: bool = True, target: float | None = None,
           sanity: float | None = None, baseline: float | None = None,
           baseline_label: str | None = None, reference: float | None = None,
           source: str | None = None, tolerance: float = 0.0) -> float:
    """Record a headline result, check it against its bar and show it; return the value.

    ``target`` is the bar asserted in full mode and ``sanity`` the one asserted in smoke
    mode. A bar needs a ``baseline`` (what a trivial model scores, named by
    ``baseline_label``) that misses it, so that no bar passes for a model that learned
    nothing. ``reference`` is a published figure, named by ``source``. ``tolerance`` is
    how far a full-mode rerun on the same kind of machine may move the value.
    """
    if not isinstance(key, str) or not key.replace("_", "").isalnum():
        raise ValueError(f"key must be a word such as 'test_accuracy', got {key!r}")
    if not isinstance(label, str) or not label:
        raise ValueError("label must be a short description of the number")
    format(1.0, fmt)  # raises ValueError for a bad format
    info = runtime.current()
    result = Result(
        key=key, label=label, value=_number(value, "value"), fmt=fmt,
        higher_is_better=bool(higher_is_better), target=_number(target, "target"),
        sanity=_number(sanity, "sanity"), baseline=_number(baseline, "baseline"),
        baseline_label=baseline_label, reference=_number(reference, "reference"),
        source=source, tolerance=_number(tolerance, "tolerance"), fast=info.fast,
        seed=info.seed)
    if (reference is None) != (source is None):
        raise ValueError("give reference and source together")
    if (result.target is not None or result.sanity is not None) and result.baseline is None:
        raise ValueError(f"{key}: a bar needs the baseline it must beat (baseline=...)")
    if result.baseline is not None and not baseline_label:
        raise ValueError(f"{key}: name the baseline (baseline_label=...)")
    for name, bar in (("target", result.target), ("sanity", result.sanity)):
        if bar is not None and result.meets(bar, result.baseline):
            raise ValueError(f"{key}: the {name} bar {result.show(bar)} is met by "
                             f"{baseline_label} ({result.show(result.baseline)}): "
                             "it has no teeth")
    _publish(result)
    bar = result.sanity if result.fast else result.target
    kind = "smoke-mode sanity bar" if result.fast else "target"
    assert result.meets(bar), f"{label} = {result.show()} misses the {kind} {result.show(bar)}"
    return result.value


def _publish(result: Result) -> None:
    """Show the result's line; in a notebook also store it for the tools to read."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        display({"text/plain": result.line(), RESULT_MIME: asdict(result)}, raw=True)
    else:
        print(result.line())


def results_of(notebook: dict) -> dict[str, Result]:
    """The results a notebook (as read by ``json`` or ``nbformat``) recorded, by key."""
    found: dict[str, Result] = {}
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            payload = output.get("data", {}).get(RESULT_MIME)
            if payload is not None:
                if payload["key"] in found:
                    raise ValueError(f"result {payload['key']!r} is recorded twice")
                found[payload["key"]] = Result(**payload)
    return found
