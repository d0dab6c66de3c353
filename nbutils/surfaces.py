"""Loss surfaces and optimisation paths: contour plots with trajectories, 1-D objectives
with the points gradient descent visits, and loss curves against steps or seconds.

Each plot function returns ``(fig, ax)`` and shows nothing until the notebook calls
``plt.show()``. matplotlib is imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from nbutils._args import count


def _limits(lim, name: str) -> tuple[float, float]:
    try:
        lo, hi = (float(v) for v in lim)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a pair of numbers (low, high), got {lim!r}") from None
    if not (np.isfinite(lo) and np.isfinite(hi)) or lo >= hi:
        raise ValueError(f"{name} must be finite with low < high, got {lim!r}")
    return lo, hi


def _path(points, name: str, dim: int) -> np.ndarray:
    array = np.asarray(points, dtype=float)
    if dim == 1:
        array = array.reshape(-1)
        ok = array.size >= 1
    else:
        ok = array.ndim == 2 and array.shape[1] == dim and array.shape[0] >= 1
    if not ok:
        shape = "a 1-D sequence of numbers" if dim == 1 else f"an array of shape (steps, {dim})"
        raise ValueError(f"path {name!r} must be {shape}, got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"path {name!r} contains nan or inf (did the optimiser diverge?)")
    return array


def _paths(paths, dim: int) -> dict[str, np.ndarray]:
    if not isinstance(paths, Mapping):
        raise TypeError("paths must be a dict: label -> points")
    return {str(k): _path(v, str(k), dim) for k, v in paths.items()}


def grid_values(f: Callable, xlim: Sequence[float], ylim: Sequence[float],
                n: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Evaluate a vectorised ``f(x, y)`` on an ``n`` x ``n`` grid; return ``(X, Y, Z)``."""
    if not callable(f):
        raise TypeError("f must be a callable f(x, y) that accepts NumPy arrays")
    (x0, x1), (y0, y1) = _limits(xlim, "xlim"), _limits(ylim, "ylim")
    n = count(n, "n", least=2)
    X, Y = np.meshgrid(np.linspace(x0, x1, n), np.linspace(y0, y1, n))
    Z = np.asarray(f(X, Y), dtype=float)
    if Z.shape != X.shape:
        raise ValueError(f"f(x, y) returned shape {Z.shape} on a grid of shape {X.shape}; "
                         "write f with NumPy operations so that it works element-wise")
    return X, Y, Z


def plot_contour_paths(f: Callable, paths: Mapping[str, Sequence], xlim: Sequence[float],
                       ylim: Sequence[float], n: int = 200, levels: int = 25,
                       minimum: Sequence[float] | None = None, ax=None):
    """Contour lines of ``f(x, y)`` (log-spaced) with one optimisation path per label.

    ``paths`` maps a label to an array of points of shape (steps, 2); the first point
    is marked with a circle. ``minimum`` (x, y), if given, is marked with a star.
    """
    paths = _paths(paths, 2)
    levels = count(levels, "levels", least=2)
    X, Y, Z = grid_values(f, xlim, ylim, n)
    if not np.all(np.isfinite(Z)):
        raise ValueError("f returned nan or inf on the grid")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 4.8)) if ax is None else (ax.figure, ax)
    shift = Z.min()
    span = max(float(Z.max() - shift), 1e-12)
    steps = shift + np.geomspace(span * 1e-4, span, levels)
    ax.contour(X, Y, Z, levels=np.unique(steps), colors="0.7", linewidths=0.7)
    for label, points in paths.items():
        (line,) = ax.plot(points[:, 0], points[:, 1], ".-", ms=3, lw=1, label=label)
        ax.plot(points[0, 0], points[0, 1], "o", color=line.get_color(), ms=6)
    if minimum is not None:
        mx, my = (float(v) for v in minimum)
        ax.plot(mx, my, "*", color="black", ms=12, label="minimum")
    ax.set_xlim(*_limits(xlim, "xlim"))
    ax.set_ylim(*_limits(ylim, "ylim"))
    ax.set_xlabel(r"$\theta_1$")
    ax.set_ylabel(r"$\theta_2$")
    if paths or minimum is not None:
        ax.legend(fontsize=8)
    fig.tight_layout()
    return fig, ax


def plot_path_1d(f: Callable, paths: Mapping[str, Sequence[float]], xlim: Sequence[float],
                 n: int = 400, ax=None):
    """Draw a 1-D objective ``f`` and, for each label, the points gradient descent visited."""
    if not callable(f):
        raise TypeError("f must be a callable that accepts a NumPy array")
    paths = _paths(paths, 1)
    lo, hi = _limits(xlim, "xlim")
    grid = np.linspace(lo, hi, count(n, "n", least=2))
    values = np.asarray(f(grid), dtype=float)
    if values.shape != grid.shape:
        raise ValueError("f must work element-wise on a NumPy array")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 3.8)) if ax is None else (ax.figure, ax)
    ax.plot(grid, values, color="black", lw=1.2, label="objective")
    for label, points in paths.items():
        heights = np.asarray(f(points), dtype=float)
        (line,) = ax.plot(points, heights, "o-", ms=4, lw=0.8, alpha=0.8, label=label)
        ax.plot(points[-1], heights[-1], "s", color=line.get_color(), ms=8)
    ax.set_xlim(lo, hi)
    ax.set_xlabel(r"$\theta$")
    ax.set_ylabel(r"$R(\theta)$")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig, ax


def plot_loss_curves(curves: Mapping[str, tuple[Sequence[float], Sequence[float]]],
                     xlabel: str = "step", ylabel: str = "loss", logx: bool = False,
                     logy: bool = True, ax=None):
    """One line per label from ``curves[label] = (x, loss)``, e.g. loss against steps
    or against seconds. Returns ``(fig, ax)``."""
    if not isinstance(curves, Mapping) or not curves:
        raise TypeError("curves must be a non-empty dict: label -> (x, y)")
    data = {}
    for label, pair in curves.items():
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise TypeError(f"curves[{label!r}] must be a pair (x, y)")
        x, y = (np.asarray(v, dtype=float).reshape(-1) for v in pair)
        if x.size == 0 or x.shape != y.shape:
            raise ValueError(f"curves[{label!r}]: x and y must be non-empty and of equal length")
        if logy and np.any(y <= 0):
            raise ValueError(f"curves[{label!r}] has values <= 0; use logy=False")
        data[str(label)] = (x, y)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 3.8)) if ax is None else (ax.figure, ax)
    for label, (x, y) in data.items():
        ax.plot(x, y, lw=1.2, label=label)
    if logx:
        ax.set_xscale("log")
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig, ax
