"""Tests for nbutils.generative: they check the numbers, not the pixels."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nbutils import generative as gen  # noqa: E402


def test_principal_angles_known_rotation():
    theta = 0.3
    a = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    b = np.array([[1.0, 0.0], [0.0, np.cos(theta)], [0.0, np.sin(theta)]])
    np.testing.assert_allclose(gen.principal_angles(a, b), [0.0, theta], atol=1e-12)


def test_principal_angles_ignore_basis_and_scale():
    rng = np.random.default_rng(0)
    a = rng.standard_normal((20, 4))
    b = a @ rng.standard_normal((4, 4)) * 7.0  # same column space, other basis
    assert gen.principal_angles(a, b).max() < 1e-7


def test_principal_angles_small_angle_is_accurate():
    eps = 1e-9
    a = np.array([[1.0], [0.0]])
    b = np.array([[1.0], [eps]])
    np.testing.assert_allclose(gen.principal_angles(a, b), [eps], rtol=1e-6)


def test_principal_angles_different_dimensions_and_orthogonal():
    a = np.eye(4)[:, :3]
    b = np.eye(4)[:, 3:]
    np.testing.assert_allclose(gen.principal_angles(a, b), [np.pi / 2])
    np.testing.assert_allclose(gen.principal_angles(b, a), [np.pi / 2])


def test_principal_angles_match_scipy():
    scipy_linalg = pytest.importorskip("scipy.linalg")
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((30, 5)), rng.standard_normal((30, 3))
    np.testing.assert_allclose(gen.principal_angles(a, b),
                               np.sort(scipy_linalg.subspace_angles(a, b)), atol=1e-10)


@pytest.mark.parametrize("a, b", [
    (np.ones((3, 2)), np.eye(3)[:, :2]),          # rank-deficient a
    (np.eye(3)[:, :2], np.eye(4)[:, :2]),         # different row counts
    (np.ones(3), np.eye(3)),                      # 1-D input
    (np.full((3, 1), np.nan), np.eye(3)[:, :1]),  # not finite
])
def test_principal_angles_reject_bad_input(a, b):
    with pytest.raises(ValueError):
        gen.principal_angles(a, b)


def test_sample_quality_counts():
    probs = np.array([[0.95, 0.05, 0.0], [0.2, 0.7, 0.1], [0.0, 0.05, 0.95], [0.91, 0.09, 0.0]])
    q = gen.sample_quality(probs, threshold=0.9)
    assert q.n == 4
    assert q.share_confident == pytest.approx(0.75)
    assert q.class_counts.tolist() == [2, 1, 1]
    assert q.confident_counts.tolist() == [2, 0, 1]
    assert q.classes_present == 3
    assert "75.0%" in str(q)


def test_sample_quality_reveals_mode_collapse():
    probs = np.tile([0.0, 1.0, 0.0, 0.0], (50, 1))
    q = gen.sample_quality(probs)
    assert q.share_confident == 1.0
    assert q.classes_present == 1
    assert q.class_counts.tolist() == [0, 50, 0, 0]


@pytest.mark.parametrize("probs, threshold", [
    (np.array([[0.5, 0.6]]), 0.9),       # rows do not sum to 1
    (np.array([[1.5, -0.5]]), 0.9),      # negative entry
    (np.array([[0.5, 0.5]]), 1.0),       # threshold out of range
    (np.array([[0.5, 0.5]]), True),      # threshold not a number
    (np.array([0.5, 0.5]), 0.9),         # 1-D
])
def test_sample_quality_rejects_bad_input(probs, threshold):
    with pytest.raises(ValueError):
        gen.sample_quality(probs, threshold)


def test_plot_sample_grid_draws_each_snapshot_in_a_row():
    snaps = {1: np.zeros((5, 4, 4)), 5: np.ones((6, 4, 4, 1))}
    fig, axes = gen.plot_sample_grid(snaps, n_show=3)
    assert axes.shape == (2, 3)
    np.testing.assert_array_equal(axes[1, 2].images[0].get_array(), np.ones((4, 4)))
    assert axes[0, 0].get_ylabel() == "epoch 1"
    plt.close(fig)


@pytest.mark.parametrize("snaps, n_show", [
    ({}, 2), ([np.zeros((3, 4, 4))], 2), ({1: np.zeros((1, 4, 4))}, 2),
    ({1: np.zeros((3, 4))}, 2), ({1: np.zeros((3, 4, 4))}, 0),
])
def test_plot_sample_grid_rejects_bad_input(snaps, n_show):
    with pytest.raises((TypeError, ValueError)):
        gen.plot_sample_grid(snaps, n_show=n_show)


def test_gaussian_pdf_integrates_to_one_and_peaks():
    x = np.linspace(-10, 14, 40_001)
    f = gen.gaussian_pdf(x, 2.0, 1.5)
    assert np.trapezoid(f, x) == pytest.approx(1.0, abs=1e-8)
    assert gen.gaussian_pdf(2.0, 2.0, 1.5) == pytest.approx(1 / (1.5 * np.sqrt(2 * np.pi)))


def test_optimal_discriminator_values():
    p, q = (0.0, 1.0), (2.0, 1.0)
    # equal variances: d*(x) is a logistic function of x, 1/2 at the midpoint
    x = np.array([-1.0, 1.0, 3.0])
    np.testing.assert_allclose(gen.optimal_discriminator(x, p, q),
                               1 / (1 + np.exp(2 * x - 2)), rtol=1e-12)
    np.testing.assert_allclose(gen.optimal_discriminator(x, p, p), 0.5)


def test_js_gaussians_limits_and_kl():
    assert gen.js_gaussians((0.0, 1.0), (0.0, 1.0)) == pytest.approx(0.0, abs=1e-12)
    assert gen.js_gaussians((0.0, 0.1), (50.0, 0.1)) == pytest.approx(np.log(2), abs=1e-9)
    js = gen.js_gaussians((0.0, 1.0), (1.0, 2.0))
    assert 0 < js < np.log(2)
    # JS is symmetric and at most half the symmetrised KL
    assert gen.js_gaussians((1.0, 2.0), (0.0, 1.0)) == pytest.approx(js, rel=1e-9)
    kl_sym = gen.kl_gaussians((0.0, 1.0), (1.0, 2.0)) + gen.kl_gaussians((1.0, 2.0), (0.0, 1.0))
    assert js <= kl_sym / 4 + 1e-12
    assert gen.kl_gaussians((0.0, 1.0), (1.0, 1.0)) == pytest.approx(0.5)


def test_gan_value_at_optimal_discriminator_gives_js():
    # E_p log d* + E_q log(1 - d*) = 2 JS - log 4, by quadrature
    p, q = (0.0, 1.0), (1.5, 1.0)
    x = np.linspace(-15, 16.5, 60_001)
    d = gen.optimal_discriminator(x, p, q)
    value = (np.trapezoid(gen.gaussian_pdf(x, *p) * np.log(d), x)
             + np.trapezoid(gen.gaussian_pdf(x, *q) * np.log(1 - d), x))
    assert value == pytest.approx(2 * gen.js_gaussians(p, q) - np.log(4), abs=1e-8)
    assert gen.gan_value([0.5, 0.5], [0.5]) == pytest.approx(-np.log(4))


@pytest.mark.parametrize("call", [
    lambda: gen.gaussian_pdf(0.0, 0.0, 0.0),
    lambda: gen.gaussian_pdf(0.0, np.nan, 1.0),
    lambda: gen.js_gaussians((0.0, 1.0), (0.0, -1.0)),
    lambda: gen.js_gaussians((0.0, 1.0), (0.0, 1.0), n=10),
    lambda: gen.gan_value([1.2], [0.5]),
    lambda: gen.gan_value([], [0.5]),
])
def test_density_helpers_reject_bad_input(call):
    with pytest.raises(ValueError):
        call()


def test_wasserstein_1d():
    rng = np.random.default_rng(0)
    a = rng.standard_normal(1000)
    assert gen.wasserstein_1d(a, a + 3.0) == pytest.approx(3.0)
    assert gen.wasserstein_1d([0.0, 1.0], [1.0, 0.0]) == 0.0
    with pytest.raises(ValueError):
        gen.wasserstein_1d([1.0, 2.0], [1.0])
