"""Tests of nbutils.splines: the natural cubic spline basis and SVD least squares."""

import numpy as np
import pytest

from nbutils.splines import NaturalSpline, svd_least_squares

RNG = np.random.default_rng(0)
X_TRAIN = np.sort(RNG.uniform(-5, 5, 20))
GRID = np.linspace(-8, 8, 801)  # reaches well beyond the boundary knots at -5 and 5


@pytest.mark.parametrize("df", [2, 3, 4, 8, 20, 42, 80, 100])
def test_same_basis_as_islp(df):
    """The oracle: ISLP's NaturalSpline (the ISLR labs' port of R's ``ns``), inside and
    beyond the boundary knots. ISLP declares heavy dependencies (torch among them) that
    this import does not need, so install it with ``pip install --no-deps ISLP``."""
    islp = pytest.importorskip("ISLP.transforms", reason="ISLP is not installed")
    theirs = islp.NaturalSpline(df=df, intercept=True, lower_bound=-5, upper_bound=5)
    ours = NaturalSpline(df, boundary=(-5, 5)).fit(X_TRAIN)
    assert np.allclose(ours.interior_knots_, theirs.fit(X_TRAIN).internal_knots_)
    assert np.max(np.abs(ours.transform(GRID) - theirs.transform(GRID))) < 1e-12


@pytest.mark.parametrize("df", [2, 3, 8, 20, 42, 80])
def test_shape_and_rank(df):
    spline = NaturalSpline(df, boundary=(-5, 5)).fit(X_TRAIN)
    knots = np.r_[-5.0, spline.interior_knots_, 5.0]
    points = np.r_[GRID, knots, (knots[1:] + knots[:-1]) / 2]  # a point in every interval
    assert spline.transform(points).shape == (points.size, df)
    assert np.linalg.matrix_rank(spline.transform(points)) == df
    # at the 20 training points the rank is min(df, n): the notebook's interpolation threshold
    assert np.linalg.matrix_rank(spline.transform(X_TRAIN)) == min(df, X_TRAIN.size)


@pytest.mark.parametrize("df", [2, 5, 12, 42])
def test_straight_beyond_the_boundary_knots(df):
    spline = NaturalSpline(df, boundary=(-5, 5)).fit(X_TRAIN)
    for side in (np.linspace(-8, -5, 31), np.linspace(5, 8, 31)):
        basis = spline.transform(side)
        assert np.max(np.abs(basis[2:] - 2 * basis[1:-1] + basis[:-2])) < 1e-10


def test_reproduces_straight_lines_but_not_a_cubic():
    spline = NaturalSpline(10, boundary=(-5, 5)).fit(X_TRAIN)
    basis = spline.transform(GRID)

    def residual(target):
        coef = np.linalg.lstsq(basis, target, rcond=None)[0]
        return np.max(np.abs(basis @ coef - target))

    assert residual(3.0 + 0.5 * GRID) < 1e-10
    assert residual(GRID**3) > 1.0  # a cubic is not straight beyond the boundary


def test_columns_are_orthonormal_combinations_of_bsplines():
    """What makes |beta| the length of the B-spline coefficients (the notebook's norm)."""
    from scipy.interpolate import BSpline

    spline = NaturalSpline(12, boundary=(-5, 5)).fit(X_TRAIN)
    t = np.r_[[-5.0] * 4, spline.interior_knots_, [5.0] * 4]
    inside = np.linspace(-5, 5, 400)
    bs = BSpline.design_matrix(inside, t, 3).toarray()
    z = np.linalg.lstsq(bs, spline.transform(inside), rcond=None)[0]
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
    assert np.allclose(spline.interior_knots_, np.quantile(X_TRAIN, [0.2, 0.4, 0.6, 0.8]))


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
    with pytest.raises(ValueError, match="strictly inside"):
        NaturalSpline(6).fit([0.0, 0.0, 0.0, 0.0, 1.0])  # the quantile knots hit the boundary
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
    assert np.all(np.diff(np.linalg.norm(betas, axis=1)) < 0)
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
