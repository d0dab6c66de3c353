"""Helpers for autoencoders and GANs: subspace angles, sample-quality summaries,
fixed-latent sample grids and 1-D densities for the optimal-discriminator check.

Everything here is NumPy (matplotlib is imported on first use); no TensorFlow.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from nbutils._args import count, finite_array, finite_number


def orthonormal_basis(a) -> np.ndarray:
    """An orthonormal basis (as columns) of the column space of ``a`` (p x k, rank k)."""
    a = finite_array(a, "a", ndim=2)
    u, s, _ = np.linalg.svd(a, full_matrices=False)
    if s[-1] <= 1e-10 * max(s[0], 1e-300):
        raise ValueError("the columns of the matrix are linearly dependent (rank < number "
                         "of columns): its column space has a smaller dimension")
    return u


def principal_angles(a, b) -> np.ndarray:
    """Principal angles (radians, ascending) between the column spaces of ``a`` and ``b``.

    Both are p x k matrices of full column rank with the same number of rows. The
    angles are ``arccos`` of the singular values of ``Qa.T @ Qb``; there are
    ``min(ka, kb)`` of them, and the largest is 0 exactly when one space contains the other.
    """
    a, b = finite_array(a, "a", ndim=2), finite_array(b, "b", ndim=2)
    if a.shape[0] != b.shape[0]:
        raise ValueError(f"a and b must have the same number of rows, got {a.shape[0]} "
                         f"and {b.shape[0]}")
    qa, qb = orthonormal_basis(a), orthonormal_basis(b)
    if qa.shape[1] < qb.shape[1]:
        qa, qb = qb, qa  # project the smaller space onto the larger one
    cosines = np.sort(np.linalg.svd(qa.T @ qb, compute_uv=False))[::-1]
    # arccos is ill-conditioned near 1, so pair each cosine with its sine
    sines = np.sort(np.linalg.svd(qb - qa @ (qa.T @ qb), compute_uv=False))
    return np.sort(np.arctan2(np.clip(sines, 0, 1), np.clip(cosines, 0, 1)))


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

    def __str__(self) -> str:
        return (f"{self.n} samples: {self.share_confident:.1%} have a class probability "
                f"> {self.threshold:g}; {self.classes_present} of {self.class_counts.size} "
                f"classes appear; counts per class {self.class_counts.tolist()}")


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


def gaussian_pdf(x, mean: float = 0.0, sd: float = 1.0) -> np.ndarray:
    """Density of the normal distribution N(mean, sd^2) at the points ``x``."""
    mean, sd = finite_number(mean, "mean"), finite_number(sd, "sd", positive=True)
    x = np.asarray(x, dtype=float)
    return np.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * np.sqrt(2 * np.pi))


def optimal_discriminator(x, p: tuple[float, float], q: tuple[float, float]) -> np.ndarray:
    """``d*(x) = p(x) / (p(x) + q(x))`` for two normals given as ``(mean, sd)``."""
    px, qx = gaussian_pdf(x, *p), gaussian_pdf(x, *q)
    total = px + qx
    return np.divide(px, total, out=np.full_like(total, 0.5), where=total > 0)


def _grid_for(p: tuple[float, float], q: tuple[float, float], n: int) -> np.ndarray:
    lo = min(p[0] - 12 * p[1], q[0] - 12 * q[1])
    hi = max(p[0] + 12 * p[1], q[0] + 12 * q[1])
    return np.linspace(lo, hi, n)


def kl_gaussians(p: tuple[float, float], q: tuple[float, float]) -> float:
    """KL(p || q) in nats for two normals ``(mean, sd)`` (closed form)."""
    (m1, s1), (m2, s2) = (finite_number(p[0], "mean"), finite_number(p[1], "sd", positive=True)), \
        (finite_number(q[0], "mean"), finite_number(q[1], "sd", positive=True))
    return float(np.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5)


def js_gaussians(p: tuple[float, float], q: tuple[float, float], n: int = 20_001) -> float:
    """Jensen-Shannon divergence (nats, between 0 and log 2) of two normals, by quadrature.

    ``JS = KL(p || m) / 2 + KL(q || m) / 2`` with the mixture ``m = (p + q) / 2``,
    integrated with the trapezoid rule on ``n`` points spanning both densities.
    """
    p = (finite_number(p[0], "mean"), finite_number(p[1], "sd", positive=True))
    q = (finite_number(q[0], "mean"), finite_number(q[1], "sd", positive=True))
    n = count(n, "n (grid points)", least=101)
    x = _grid_for(p, q, n)

    def log_pdf(mean: float, sd: float) -> np.ndarray:
        return -0.5 * ((x - mean) / sd) ** 2 - np.log(sd * np.sqrt(2 * np.pi))

    log_p, log_q = log_pdf(*p), log_pdf(*q)
    log_m = np.logaddexp(log_p, log_q) - np.log(2.0)
    value = 0.5 * (np.trapezoid(np.exp(log_p) * (log_p - log_m), x)
                   + np.trapezoid(np.exp(log_q) * (log_q - log_m), x))
    return float(np.clip(value, 0.0, np.log(2.0)))


def gan_value(d_real, d_fake) -> float:
    """The GAN objective ``E_p[log d(x)] + E_q[log(1 - d(x))]`` from discriminator outputs."""
    d_real = np.asarray(d_real, dtype=float).ravel()
    d_fake = np.asarray(d_fake, dtype=float).ravel()
    for name, d in (("d_real", d_real), ("d_fake", d_fake)):
        if d.size == 0 or np.any((d < 0) | (d > 1)) or not np.all(np.isfinite(d)):
            raise ValueError(f"{name} must be a non-empty array of probabilities in [0, 1]")
    eps = 1e-12
    return float(np.mean(np.log(np.clip(d_real, eps, 1.0)))
                 + np.mean(np.log(np.clip(1.0 - d_fake, eps, 1.0))))


def wasserstein_1d(a, b) -> float:
    """Wasserstein-1 distance between two equal-size 1-D samples (mean gap of sorted values)."""
    a = np.asarray(a, dtype=float).ravel()
    b = np.asarray(b, dtype=float).ravel()
    if a.size == 0 or a.size != b.size:
        raise ValueError(f"a and b must be non-empty samples of the same size, got {a.size} "
                         f"and {b.size}")
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise ValueError("a and b must contain finite numbers only")
    return float(np.mean(np.abs(np.sort(a) - np.sort(b))))
