"""Helpers for judging generative models: a classifier's verdict on generated samples
(confident share, class histogram) and a grid of samples from fixed latent points.

The formulas the course teaches (the optimal discriminator, the GAN value, the
Jensen-Shannon divergence) are written in notebook 07 itself; subspace angles, normal
densities and the 1-D Wasserstein distance come from SciPy. Everything here is NumPy
(matplotlib is imported on first use); no TensorFlow.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from nbutils._args import count, finite_array


@dataclass(frozen=True)
class SampleQuality:
    """What a classifier says about generated samples."""

    n: int
    threshold: float
    share_confident: float
    class_counts: np.ndarray
    confident_counts: np.ndarray

    @property
    def classes_present(self) -> int:
        """Number of classes that at least one sample is assigned to."""
        return int(np.count_nonzero(self.class_counts))

    @property
    def confident_classes_present(self) -> int:
        """Number of classes that at least one confident sample is assigned to."""
        return int(np.count_nonzero(self.confident_counts))

    def __str__(self) -> str:
        return (f"{self.n} samples: {self.share_confident:.1%} have a class probability "
                f"> {self.threshold:g}; {self.classes_present} of {self.class_counts.size} "
                f"classes appear ({self.confident_classes_present} among the confident ones); "
                f"counts per class {self.class_counts.tolist()}")


def sample_quality(probs, threshold: float = 0.9) -> SampleQuality:
    """Summarise classifier probabilities (n x K) of generated samples.

    Returns the share of samples whose top class probability exceeds ``threshold``,
    the count of samples per predicted class (a flat histogram means no mode
    collapse), and the same count among the confident samples only.
    """
    p = finite_array(probs, "probs", ndim=2)
    if np.any(p < -1e-6) or not np.allclose(p.sum(axis=1), 1.0, atol=1e-3):
        raise ValueError("probs must hold probabilities: non-negative rows that sum to 1 "
                         "(use a softmax output)")
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) \
            or not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be a number strictly between 0 and 1, got {threshold!r}")
    top, label = p.max(axis=1), p.argmax(axis=1)
    k = p.shape[1]
    confident = top > threshold
    return SampleQuality(
        n=p.shape[0], threshold=float(threshold), share_confident=float(confident.mean()),
        class_counts=np.bincount(label, minlength=k),
        confident_counts=np.bincount(label[confident], minlength=k))


def plot_sample_grid(snapshots: Mapping[int, np.ndarray], n_show: int = 10,
                     size: float = 0.9):
    """Samples from one fixed latent batch, one row per epoch (``{epoch: images}``).

    Each value is an array of images (N x H x W or N x H x W x 1) made from the same
    latent vectors, so a column follows one latent point through training.
    Returns ``(fig, axes)`` with axes of shape (epochs, n_show).
    """
    if not isinstance(snapshots, Mapping) or not snapshots:
        raise TypeError("snapshots must be a non-empty dict: epoch -> array of images")
    count(n_show, "n_show")
    rows = []
    for epoch, images in snapshots.items():
        images = np.asarray(images, dtype=float)
        if images.ndim == 4 and images.shape[-1] == 1:
            images = images[..., 0]
        if images.ndim != 3 or len(images) < n_show:
            raise ValueError(f"snapshots[{epoch!r}] must hold at least {n_show} images of "
                             f"shape (H, W), got shape {images.shape}")
        rows.append((epoch, images[:n_show]))
    from nbutils.plots import image_grid

    fig, axes = image_grid(len(rows), n_show, (size * n_show, size * len(rows)), frame=True)
    for r, (epoch, images) in enumerate(rows):
        for c in range(n_show):
            axes[r, c].imshow(images[c], cmap="gray")
        axes[r, 0].set_ylabel(f"epoch {epoch}", rotation=0, ha="right", va="center",
                              fontsize=8)
    fig.subplots_adjust(wspace=0.05, hspace=0.05)
    return fig, axes
