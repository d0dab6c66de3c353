"""Tests of nbutils.splines: the natural cubic spline basis and SVD least squares."""

import numpy as np
import pytest

from nbutils.splines import NaturalSpline, natural_spline_basis, svd_least_squares

RNG = np.random.default_rng(0)
X_TRAIN = np.sort(RNG.uniform(-5, 5, 20))
GRID = np.linspace(-8, 8, 801)  # reaches well beyond the boundary knots at -5 and 5


def truncated_power_natural_basis(x, knots):
    """The textbook natural cubic spline basis (ESL eq. 5.4-5.5), knots incl. boundaries."""
    x = np.asarray(x, dtype=float)
    k = len(knots)

    def d(j):
        return (np.maximum(x - knots[j], 0) ** 3 - np.maximum(x - knots[-1], 0) ** 3) / (
            knots[-1] - knots[j])

    cols = [np.ones_like(x), x] + [d(j) - d(k - 2) for j in range(k - 2)]
    return np.column_stack(cols)


def residual_of_fit(basis, target):
    coef, *_ = np.linalg.lstsq(basis, target, rcond=None)
    return np.max(np.abs(basis @ coef - target))


@pytest.mark.parametrize("df", [2, 3, 8, 20, 42, 80])
def test_shape_and_full_rank(df):
    spline = NaturalSpline(df, boundary=(-5, 5)).fit(X_TRAIN)
    knots = np.r_[-5.0, spline.interior_knots_, 5.0]
    points = np.r_[GRID, knots, (knots[1:] + knots[:-1]) / 2]  # a point in every interval
    basis = spline.transform(points)
    assert basis.shape == (points.size, df)
    assert np.linalg.matrix_rank(basis) == df
    assert len(spline.interior_knots_) == df - 2


@pytest.mark.parametrize("df", [8, 20, 42, 80])
def test_rank_at_training_points_is_min_of_df_and_n(df):
    basis = NaturalSpline(df, boundary=(-5, 5)).fit_transform(X_TRAIN)
    assert np.linalg.matrix_rank(basis) == min(df, X_TRAIN.size)


@pytest.mark.parametrize("df", [2, 5, 12, 42])
def test_linear_beyond_the_boundary_knots(df):
    spline = NaturalSpline(df, boundary=(-5, 5)).fit(X_TRAIN)
    for side in (np.linspace(-8, -5, 31), np.linspace(5, 8, 31)):
        basis = spline.transform(side)
        second_diff = basis[2:] - 2 * basis[1:-1] + basis[:-2]
        assert np.max(np.abs(second_diff)) < 1e-10


@pytest.mark.parametrize("df", [2, 5, 12, 42])
def test_continuous_with_continuous_slope_at_the_boundary(df):
    spline = NaturalSpline(df, boundary=(-5, 5)).fit(X_TRAIN)
    h = 1e-7
    for b in (-5.0, 5.0):
        left, mid, right = spline.transform(np.array([b - h, b, b + h]))
        assert np.allclose(left, mid, atol=1e-5) and np.allclose(right, mid, atol=1e-5)
        assert np.allclose((mid - left) / h, (right - mid) / h, atol=1e-4)


@pytest.mark.parametrize("df", [2, 4, 9, 25])
def test_spans_exactly_the_natural_cubic_splines_on_its_knots(df):
    spline = NaturalSpline(df, boundary=(-5, 5)).fit(X_TRAIN)
    knots = np.r_[-5.0, spline.interior_knots_, 5.0]
    reference = truncated_power_natural_basis(GRID, knots)
    ours = spline.transform(GRID)
    # every textbook basis function (cubic inside, linear outside) is reproduced ...
    for j in range(reference.shape[1]):
        scale = np.max(np.abs(reference[:, j]))
        assert residual_of_fit(ours, reference[:, j]) < 1e-8 * max(scale, 1.0)
    # ... and the other way round, so the two spaces are the same
    for j in range(df):
        assert residual_of_fit(reference, ours[:, j]) < 1e-8


def test_reproduces_a_given_natural_spline_and_constants():
    spline = NaturalSpline(10, boundary=(-5, 5)).fit(X_TRAIN)
    knots = np.r_[-5.0, spline.interior_knots_, 5.0]
    theta = np.random.default_rng(1).normal(size=10)
    target = truncated_power_natural_basis(GRID, knots) @ theta
    assert residual_of_fit(spline.transform(GRID), target) < 1e-8 * np.max(np.abs(target))
    assert residual_of_fit(spline.transform(GRID), 3.0 + 0.5 * GRID) < 1e-10


def test_does_not_reproduce_a_cubic_that_is_not_linear_outside():
    spline = NaturalSpline(10, boundary=(-5, 5)).fit(X_TRAIN)
    assert residual_of_fit(spline.transform(GRID), GRID**3) > 1.0
    inside = np.linspace(-4.9, 4.9, 200)
    # x^2 has f'' = 2 at the boundary, so even inside it is only approximated
    assert residual_of_fit(spline.transform(inside), inside**2) > 1e-4


def test_columns_are_orthonormal_combinations_of_bsplines():
    from scipy.interpolate import BSpline

    spline = NaturalSpline(12, boundary=(-5, 5)).fit(X_TRAIN)
    t = np.r_[[-5.0] * 4, spline.interior_knots_, [5.0] * 4]
    inside = np.linspace(-5, 5, 400)
    bs = BSpline.design_matrix(inside, t, 3).toarray()
    z, *_ = np.linalg.lstsq(bs, spline.transform(inside), rcond=None)
    assert np.allclose(z.T @ z, np.eye(12), atol=1e-8)


def test_predict_matches_the_basis_matrix():
    spline = NaturalSpline(30, boundary=(-5, 5)).fit(X_TRAIN)
    beta = np.random.default_rng(2).normal(size=30)
    assert np.allclose(spline.predict(GRID, beta), spline.transform(GRID) @ beta)
    betas = np.random.default_rng(3).normal(size=(30, 4))
    assert np.allclose(spline.predict(GRID, betas), spline.transform(GRID) @ betas)


def test_default_boundary_is_the_data_range():
    spline = NaturalSpline(6).fit(X_TRAIN)
    assert spline.boundary_ == (X_TRAIN.min(), X_TRAIN.max())
    assert np.all(np.diff(spline.interior_knots_) > 0)
    assert np.allclose(spline.interior_knots_, np.quantile(X_TRAIN, [0.2, 0.4, 0.6, 0.8]))


def test_function_form_matches_class():
    spline = NaturalSpline(7, boundary=(-5, 5)).fit(X_TRAIN)
    direct = natural_spline_basis(GRID, spline.interior_knots_, (-5, 5))
    assert np.allclose(direct, spline.transform(GRID))


@pytest.mark.parametrize("bad, error", [(1, ValueError), (2.5, TypeError), (True, TypeError),
                                        ("4", TypeError)])
def test_bad_df(bad, error):
    with pytest.raises(error):
        NaturalSpline(bad)


def test_bad_arguments():
    with pytest.raises(ValueError, match="lo < hi"):
        NaturalSpline(4, boundary=(5, -5))
    with pytest.raises(TypeError):
        NaturalSpline(4, boundary=5)
    with pytest.raises(RuntimeError, match="fit"):
        NaturalSpline(4).transform(X_TRAIN)
    with pytest.raises(ValueError, match="inside the boundary"):
        NaturalSpline(4, boundary=(-1, 1)).fit(X_TRAIN)
    with pytest.raises(ValueError, match="finite"):
        NaturalSpline(4).fit(np.r_[X_TRAIN, np.nan])
    with pytest.raises(ValueError, match="distinct"):
        NaturalSpline(4).fit(np.ones(5))
    with pytest.raises(ValueError, match="1-D"):
        NaturalSpline(4).fit(X_TRAIN.reshape(4, 5))
    with pytest.raises(ValueError, match="sorted"):
        natural_spline_basis(GRID, [1.0, 0.0], (-5, 5))
    with pytest.raises(ValueError, match="rows"):
        NaturalSpline(4).fit(X_TRAIN).predict(GRID, np.ones(5))


def test_min_norm_solution_equals_pinv_and_interpolates():
    X = np.random.default_rng(4).normal(size=(20, 42))
    y = np.random.default_rng(5).normal(size=20)
    (beta,) = svd_least_squares(X, y)
    assert np.allclose(beta, np.linalg.pinv(X) @ y)
    assert np.max(np.abs(X @ beta - y)) < 1e-10
    # any other interpolant (add a null-space direction) has a larger norm
    null = np.linalg.svd(X)[2][-1]
    assert np.linalg.norm(beta + 0.1 * null) > np.linalg.norm(beta)


def test_least_squares_equals_ols_when_tall():
    X = np.random.default_rng(6).normal(size=(30, 5))
    Y = np.random.default_rng(7).normal(size=(30, 3))
    (beta,) = svd_least_squares(X, Y)
    assert beta.shape == (5, 3)
    assert np.allclose(beta, np.linalg.solve(X.T @ X, X.T @ Y))


def test_ridge_matches_the_normal_equations():
    X = np.random.default_rng(8).normal(size=(10, 25))
    y = np.random.default_rng(9).normal(size=10)
    lams = [0.01, 1.0, 100.0]
    betas = svd_least_squares(X, y, lams)
    assert betas.shape == (3, 25)
    for lam, beta in zip(lams, betas, strict=True):
        assert np.allclose(beta, np.linalg.solve(X.T @ X + lam * np.eye(25), X.T @ y))
    # the ridge path shrinks the norm and tends to the minimum-norm solution as lam -> 0
    norms = np.linalg.norm(betas, axis=1)
    assert np.all(np.diff(norms) < 0)
    tiny = svd_least_squares(X, y, [1e-10])[0]
    assert np.allclose(tiny, np.linalg.pinv(X) @ y, atol=1e-6)


def test_least_squares_bad_arguments():
    with pytest.raises(ValueError, match="2-D"):
        svd_least_squares(np.ones(3), np.ones(3))
    with pytest.raises(ValueError, match="rows"):
        svd_least_squares(np.ones((3, 2)), np.ones(4))
    with pytest.raises(ValueError, match="penalties"):
        svd_least_squares(np.ones((3, 2)), np.ones(3), [-1.0])
    with pytest.raises(ValueError, match="penalties"):
        svd_least_squares(np.ones((3, 2)), np.ones(3), [])
