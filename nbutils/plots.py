"""Figures that several notebooks draw. Each returns ``(fig, axes)``; nothing is shown
until the notebook calls ``plt.show()``. matplotlib is imported on first use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from nbutils._args import count, finite_array
from nbutils.functions import ACTIVATIONS, margin_losses


def _pyplot():
    import matplotlib.pyplot as plt

    return plt


def plot_activations(z, names: Sequence[str] | None = None, ncols: int = 4):
    """Draw each activation (solid) and its derivative (dashed) on its own panel.

    ``z`` is the grid of inputs; ``names`` picks from ``nbutils.functions.ACTIVATIONS``.
    Returns ``(fig, axes)`` with one axis per activation.
    """
    z = finite_array(z, "z", ndim=1, min_size=2)
    names = list(ACTIVATIONS) if names is None else list(names)
    unknown = [n for n in names if n not in ACTIVATIONS]
    if unknown or not names:
        raise ValueError(f"unknown activations {unknown}; choose from {list(ACTIVATIONS)}")
    if not isinstance(ncols, int) or ncols < 1:
        raise ValueError("ncols must be a positive int")
    plt = _pyplot()
    nrows = -(-len(names) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.2 * ncols, 2.8 * nrows), squeeze=False)
    for ax, name in zip(axes.flat, names, strict=False):
        f, df = ACTIVATIONS[name]
        ax.plot(z, f(z), label="g(z)")
        ax.plot(z, df(z), "--", label="g'(z)")
        ax.axhline(0, color="grey", lw=0.5)
        ax.axvline(0, color="grey", lw=0.5)
        ax.set_title(name)
        ax.set_xlabel("z")
    for ax in axes.flat[len(names):]:
        ax.axis("off")
    axes.flat[0].legend(loc="upper left")
    fig.tight_layout()
    return fig, axes.flat[: len(names)]


def plot_margin_losses(margin, ylim: tuple[float, float] = (0.0, 4.0)):
    """Plot the classification losses of ``nbutils.functions.MARGIN_LOSSES`` against the
    margin ``m = y f(x)``. Returns ``(fig, ax)``."""
    m = finite_array(margin, "margin", ndim=1, min_size=2)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.5, 4))
    for name, values in margin_losses(m).items():
        style = {"drawstyle": "steps-post"} if name.startswith("0-1") else {}
        ax.plot(m, values, label=name, **style)
    ax.axvline(0, color="grey", lw=0.5)
    ax.set_ylim(*ylim)
    ax.set_xlabel("margin  m = y f(x)   (negative: wrong side)")
    ax.set_ylabel("loss")
    ax.legend()
    fig.tight_layout()
    return fig, ax


def neuron_outputs(x, neurons: Sequence[tuple[float, float]], kind: str = "relu") -> np.ndarray:
    """Outputs ``g(w x + b)`` of single neurons, one row per ``(w, b)`` pair."""
    x = finite_array(x, "x", ndim=1, min_size=2)
    if kind not in ("relu", "sigmoid"):
        raise ValueError("kind must be 'relu' or 'sigmoid'")
    pairs = [tuple(p) for p in neurons]
    if not pairs or any(len(p) != 2 for p in pairs):
        raise ValueError("neurons must be a non-empty sequence of (w, b) pairs")
    g = ACTIVATIONS[kind][0]
    return np.array([g(float(w) * x + float(b)) for w, b in pairs])


def plot_steps(x, neurons: Sequence[tuple[float, float]], kind: str = "relu",
               ylim: tuple[float, float] | None = (-0.1, 2.0)):
    """Plot the outputs of single neurons ``g(w x + b)`` for each ``(w, b)`` pair.

    Weights and biases may be any floats. Returns ``(fig, ax)``.
    """
    x = finite_array(x, "x", ndim=1, min_size=2)
    outputs = neuron_outputs(x, neurons, kind)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.5, 3.8))
    for (w, b), y in zip(neurons, outputs, strict=True):
        ax.plot(x, y, label=f"w={float(w):g}, b={float(b):g}")
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlabel("x")
    ax.set_ylabel(f"{kind}(w x + b)")
    ax.legend()
    fig.tight_layout()
    return fig, ax


def _history_dict(history) -> dict[str, list[float]]:
    data = getattr(history, "history", history)
    if not isinstance(data, Mapping) or not data:
        raise TypeError("history must be a keras History or a non-empty dict of lists")
    return {k: list(map(float, v)) for k, v in data.items()}


def plot_history(history, metric: str | None = None, title: str | None = None):
    """Training and validation loss (and ``metric``, if given) against epoch.

    ``history`` is what ``model.fit`` returns, or its ``.history`` dict.
    Returns ``(fig, axes)`` with one axis per quantity.
    """
    data = _history_dict(history)
    keys = ["loss"] + ([metric] if metric else [])
    missing = [k for k in keys if k not in data]
    if missing:
        raise ValueError(f"history has no {missing}; it has {sorted(data)}")
    plt = _pyplot()
    fig, axes = plt.subplots(1, len(keys), figsize=(5.5 * len(keys), 3.6), squeeze=False)
    for ax, key in zip(axes.flat, keys, strict=True):
        epochs = np.arange(1, len(data[key]) + 1)
        ax.plot(epochs, data[key], "o-", ms=3, label="training")
        if f"val_{key}" in data:
            ax.plot(epochs, data[f"val_{key}"], "s-", ms=3, label="validation")
        ax.set_xlabel("epoch")
        ax.set_ylabel(key)
        ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig, axes.flat


def image_grid(nrows: int, ncols: int, figsize: tuple[float, float], n: int | None = None,
               frame: bool = False):
    """A figure of ``nrows`` x ``ncols`` panels for images: no ticks, a thin frame only if
    ``frame``; panels past the first ``n`` are hidden. Returns ``(fig, axes)`` (2-D axes).
    """
    nrows, ncols = count(nrows, "nrows"), count(ncols, "ncols")
    n = nrows * ncols if n is None else count(n, "n")
    plt = _pyplot()
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize, squeeze=False)
    for i, ax in enumerate(axes.flat):
        if frame and i < n:
            ax.set_xticks([])
            ax.set_yticks([])
        else:
            ax.axis("off")
    return fig, axes


def show_images(images, titles: Sequence[str] | None = None, ncols: int = 10,
                cmap: str = "gray", size: float = 1.2):
    """Draw a grid of images (N x H x W, or N x H x W x 1). Returns ``(fig, axes)``."""
    images = np.asarray(images)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    if images.ndim not in (3, 4) or len(images) == 0:
        raise ValueError("images must be a non-empty array of shape (N, H, W) or (N, H, W, C)")
    if titles is not None and len(titles) != len(images):
        raise ValueError(f"got {len(titles)} titles for {len(images)} images")
    ncols = min(count(ncols, "ncols"), len(images))
    nrows = -(-len(images) // ncols)
    fig, axes = image_grid(nrows, ncols, (size * ncols, size * nrows + 0.3 * nrows),
                           n=len(images))
    for i, ax in enumerate(axes.flat[: len(images)]):
        ax.imshow(images[i], cmap=cmap)
        if titles is not None:
            ax.set_title(titles[i], fontsize=8)
    fig.tight_layout()
    return fig, axes.flat[: len(images)]
