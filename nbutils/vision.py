"""Image helpers for the convolutional-network notebook: learned filters and feature maps
as image grids, previews of data augmentation, occlusion maps drawn over their images,
and a pretrained ``keras.applications`` network that is left out quietly when its
weights cannot be fetched.

Plot functions return ``(fig, axes)`` and show nothing until the notebook calls
``plt.show()``; matplotlib and Keras are imported on first use.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nbutils._args import count, finite_number
from nbutils.plots import image_grid

WEIGHTS_HOST = "storage.googleapis.com"
"""Host that serves the ``keras.applications`` weight files."""


def _grid(n: int, ncols: int, size: float):
    """Framed panels for ``n`` small images, ``ncols`` per row; returns the n axes."""
    ncols = min(count(ncols, "ncols"), n)
    size = finite_number(size, "size", positive=True)
    nrows = -(-n // ncols)
    fig, axes = image_grid(nrows, ncols, (size * ncols, size * nrows + 0.35), n=n, frame=True)
    return fig, axes.flat[:n]


def plot_filters(kernel, channel: int = 0, ncols: int = 8, size: float = 1.0,
                 cmap: str = "RdBu_r", title: str | None = None):
    """Draw each filter of a ``Conv2D`` kernel (shape kh x kw x in x out) as a small image.

    ``channel`` picks the input channel shown. Every filter uses its own symmetric
    colour scale (red positive, blue negative). Returns ``(fig, axes)``, one axis per filter.
    """
    kernel = np.asarray(kernel, dtype=float)
    if kernel.ndim != 4:
        raise ValueError(f"kernel must have shape (kh, kw, in, out), got {kernel.shape}")
    if not isinstance(channel, int) or not 0 <= channel < kernel.shape[2]:
        raise ValueError(f"channel must be an int in [0, {kernel.shape[2]})")
    fig, axes = _grid(kernel.shape[3], ncols, size)
    for k, ax in enumerate(axes):
        w = kernel[:, :, channel, k]
        limit = float(np.abs(w).max()) or 1.0
        ax.imshow(w, cmap=cmap, vmin=-limit, vmax=limit)
        ax.set_title(str(k), fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig, axes


def feature_maps(model, image, layer_names: Sequence[str]) -> dict[str, np.ndarray]:
    """Outputs of the named layers of a Keras model for one image, each (H, W, channels).

    ``image`` is one input without the batch axis (e.g. 28 x 28 x 1).
    """
    import keras

    if isinstance(layer_names, str) or not layer_names:
        raise TypeError("layer_names must be a non-empty list of layer names")
    known = [layer.name for layer in model.layers]
    unknown = [name for name in layer_names if name not in known]
    if unknown:
        raise ValueError(f"no layers named {unknown}; the model has {known}")
    image = np.asarray(image, dtype="float32")
    if tuple(image.shape) != tuple(model.input_shape[1:]):
        raise ValueError(f"image must have shape {model.input_shape[1:]}, got {image.shape}")
    inputs = model.inputs[0] if len(model.inputs) == 1 else model.inputs
    probe = keras.Model(inputs, [model.get_layer(n).output for n in layer_names])
    outputs = probe(image[None], training=False)
    if not isinstance(outputs, (list, tuple)):
        outputs = [outputs]
    maps = {name: np.asarray(out)[0] for name, out in zip(layer_names, outputs, strict=True)}
    bad = [name for name, m in maps.items() if m.ndim != 3]
    if bad:
        raise ValueError(f"layers {bad} do not output images (H, W, channels)")
    return maps


def plot_feature_maps(maps: np.ndarray, max_maps: int = 16, ncols: int = 8,
                      size: float = 1.0, title: str | None = None, cmap: str = "viridis"):
    """Draw the channels of one feature map (H, W, channels), at most ``max_maps`` of them.

    Returns ``(fig, axes)``, one axis per channel drawn.
    """
    maps = np.asarray(maps, dtype=float)
    if maps.ndim != 3:
        raise ValueError(f"maps must have shape (H, W, channels), got {maps.shape}")
    n = min(count(max_maps, "max_maps"), maps.shape[2])
    fig, axes = _grid(n, ncols, size)
    for k, ax in enumerate(axes):
        ax.imshow(maps[:, :, k], cmap=cmap)
        ax.set_title(str(k), fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig, axes


def augmented_copies(augmenter, images, n_copies: int = 5) -> np.ndarray:
    """Originals and ``n_copies`` random distortions of each image, for a preview.

    ``augmenter`` is a Keras layer or model (e.g. a ``Sequential`` of ``RandomRotation``,
    ``RandomTranslation``, ...), called with ``training=True``. ``images`` has shape
    (N, H, W, C). Returns shape (N, n_copies + 1, H, W, C); column 0 holds the originals.
    """
    if not callable(augmenter):
        raise TypeError("augmenter must be a Keras layer or model")
    images = np.asarray(images, dtype="float32")
    if images.ndim != 4 or len(images) == 0:
        raise ValueError(f"images must have shape (N, H, W, C), got {images.shape}")
    copies = [np.asarray(augmenter(images, training=True))
              for _ in range(count(n_copies, "n_copies"))]
    return np.stack([images, *copies], axis=1)


def plot_augmented(grid: np.ndarray, size: float = 1.1, cmap: str = "gray"):
    """Draw the output of :func:`augmented_copies`: one row per image, originals first.

    Returns ``(fig, axes)`` with axes of shape (rows, columns).
    """
    grid = np.asarray(grid, dtype=float)
    if grid.ndim == 5 and grid.shape[-1] == 1:
        grid = grid[..., 0]
    if grid.ndim not in (4, 5) or grid.shape[1] < 2:
        raise ValueError("grid must have shape (N, copies + 1, H, W[, C]) with copies >= 1")
    size = finite_number(size, "size", positive=True)
    rows, cols = grid.shape[:2]
    fig, axes = image_grid(rows, cols, (size * cols, size * rows + 0.3))
    for i in range(rows):
        for j in range(cols):
            axes[i, j].imshow(grid[i, j], cmap=cmap)
    for j in range(cols):
        axes[0, j].set_title("original" if j == 0 else f"copy {j}", fontsize=8)
    fig.tight_layout()
    return fig, axes


def plot_occlusion(images, maps, titles: Sequence[str] | None = None, size: float = 1.6,
                   alpha: float = 0.55, cmap: str = "RdBu_r"):
    """Draw each image (top row) and its occlusion map laid over it (bottom row).

    ``images`` has shape (N, H, W) or (N, H, W, 1); ``maps`` holds one map per image,
    of any size (it is stretched over the image), for example the drop in the
    probability of the true class when a patch is covered. The colour scale is
    symmetric around 0 and shared by all maps (red: covering this part hurts the
    prediction). Returns ``(fig, axes)`` with axes of shape (2, N).
    """
    images = np.asarray(images, dtype=float)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    maps = np.asarray(maps, dtype=float)
    if images.ndim != 3 or len(images) == 0:
        raise ValueError(f"images must have shape (N, H, W[, 1]), got {images.shape}")
    if maps.ndim != 3 or len(maps) != len(images):
        raise ValueError(f"maps must have shape (N, h, w) with N = {len(images)}, got {maps.shape}")
    if not np.all(np.isfinite(maps)):
        raise ValueError("maps must be finite")
    alpha = finite_number(alpha, "alpha")
    if not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be between 0 and 1, got {alpha}")
    if titles is not None and len(titles) != len(images):
        raise ValueError(f"give one title per image ({len(images)}), got {len(titles)}")
    size = finite_number(size, "size", positive=True)
    n = len(images)
    fig, axes = image_grid(2, n, (size * n, 2 * size + 0.4))
    limit = float(np.abs(maps).max()) or 1.0
    height, width = images.shape[1:]
    for k in range(n):
        axes[0, k].imshow(images[k], cmap="gray")
        axes[1, k].imshow(images[k], cmap="gray")
        axes[1, k].imshow(maps[k], cmap=cmap, vmin=-limit, vmax=limit, alpha=alpha,
                          extent=(-0.5, width - 0.5, height - 0.5, -0.5))
        if titles is not None:
            axes[0, k].set_title(titles[k], fontsize=8)
    fig.tight_layout()
    return fig, axes


def weights_cached(filename: str) -> bool:
    """True when a ``keras.applications`` weight file is already in the Keras cache."""
    if not isinstance(filename, str) or not filename:
        raise ValueError("filename must be a non-empty string")
    from nbutils.data import keras_home

    return (keras_home() / "models" / filename).exists()


def load_pretrained(builder, weights_file: str | None = None, timeout: float = 3.0,
                    **kwargs):
    """Build a ``keras.applications`` network with ImageNet weights, or return None.

    ``builder`` is e.g. ``keras.applications.MobileNetV2``; ``kwargs`` go to it.
    The weights are used from the Keras cache when ``weights_file`` is there;
    otherwise they are downloaded when the weight server answers within ``timeout``
    seconds. When neither works the function says in one line that the weights are
    not available here and returns None, so that a notebook can leave the extra out.
    """
    if not callable(builder):
        raise TypeError("builder must be a keras.applications function, e.g. MobileNetV2")
    from nbutils.data import host_reachable

    name = getattr(builder, "__name__", "the network")
    cached = weights_file is not None and weights_cached(weights_file)
    if not cached and not host_reachable(WEIGHTS_HOST, timeout=timeout):
        print(f"The pretrained {name} weights are not available on this machine (not in "
              f"the Keras cache, and {WEIGHTS_HOST} cannot be reached), so this extra does "
              "not run here; it runs on Colab or on any machine online.")
        return None
    try:
        return builder(weights="imagenet", **kwargs)
    except Exception as error:  # download or file errors differ by platform
        print(f"The pretrained {name} weights could not be loaded ({type(error).__name__}), "
              "so this extra does not run here.")
        return None
