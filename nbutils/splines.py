"""Natural cubic splines and least squares through the SVD, for the double-descent notebook.

A natural cubic spline is a cubic between knots, has two continuous derivatives, and is
linear beyond the two boundary knots. :class:`NaturalSpline` builds a basis of such
functions with ``df`` columns the way R's ``splines::ns(x, df, intercept=TRUE)`` and
``ISLP.transforms.NaturalSpline(df=df, intercept=True)`` do (the tests compare it with
the latter): the cubic B-splines of :mod:`scipy.interpolate` on the knots, projected
onto the functions whose second derivative is zero at both boundary knots, and continued
linearly outside them. :func:`svd_least_squares` returns the least-squares
coefficients (the minimum-norm one when the fit is not unique) and ridge coefficients
for several penalties from one SVD.
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Real

import numpy as np

from nbutils._args import count, finite_array

DEGREE = 3


def _as_1d(x, name: str = "x") -> np.ndarray:
    """``x`` (a number or a 1-D sequence) as a finite 1-D float array."""
    return finite_array(np.reshape(x, -1) if np.ndim(x) == 0 else x, name, ndim=1)


def _bspline_values(x: np.ndarray, t: np.ndarray, nu: int = 0) -> np.ndarray:
    """Values (or derivative ``nu``) of every cubic B-spline on knots ``t`` at ``x``."""
    from scipy.interpolate import BSpline

    n_basis = len(t) - DEGREE - 1
    return BSpline(t, np.eye(n_basis), DEGREE, extrapolate=False)(x, nu=nu)


def _knot_vector(interior_knots: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """The full cubic knot vector: each boundary knot four times, the interior ones once."""
    if interior_knots.size and (interior_knots[0] <= lo or interior_knots[-1] >= hi):
        raise ValueError("the interior knots must lie strictly inside the boundary: give "
                         "fit() more distinct x values or use a smaller df")
    return np.r_[[lo] * (DEGREE + 1), interior_knots, [hi] * (DEGREE + 1)]


def _natural_projection(t: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Orthonormal basis (columns) of the B-spline coefficients with f'' = 0 at lo and hi."""
    q, _ = np.linalg.qr(_bspline_values(np.array([lo, hi]), t, nu=2).T, mode="complete")
    return q[:, 2:]


def _evaluate(x: np.ndarray, t: np.ndarray, lo: float, hi: float, coef: np.ndarray) -> np.ndarray:
    """Evaluate B-spline coefficients ``coef`` (rows = B-splines) at x, linear outside."""
    from scipy.interpolate import BSpline

    spline = BSpline(t, coef, DEGREE, extrapolate=False)
    out = np.asarray(spline(np.clip(x, lo, hi)))
    below, above = x < lo, x > hi
    if below.any() or above.any():  # straight lines touching the spline at lo and hi
        ends = np.array([lo, hi])
        value, slope = spline(ends), spline(ends, nu=1)
        out[below] = value[0] + np.multiply.outer(x[below] - lo, slope[0])
        out[above] = value[1] + np.multiply.outer(x[above] - hi, slope[1])
    return out


class NaturalSpline:
    """Natural cubic spline basis with ``df`` columns, knots at quantiles of the fitted x.

    ``df - 2`` interior knots sit at equally spaced quantiles of the data given to
    :meth:`fit`; the boundary knots are ``boundary`` or, when it is None, the data range.
    Like ``ns(x, df, intercept=TRUE)`` in R: the columns span the constant too.
    """

    def __init__(self, df: int, boundary: tuple[float, float] | None = None) -> None:
        count(df, "df", least=2)  # 2 columns: a straight line
        if boundary is not None:
            if not isinstance(boundary, (tuple, list)) or len(boundary) != 2 or not all(
                    isinstance(b, Real) for b in boundary):
                raise TypeError(f"boundary must be None or a pair of numbers, got {boundary!r}")
            if not boundary[0] < boundary[1]:
                raise ValueError(f"boundary must satisfy lo < hi, got {boundary!r}")
        self.df = int(df)
        self.boundary = None if boundary is None else (float(boundary[0]), float(boundary[1]))
        self.interior_knots_: np.ndarray | None = None
        self.boundary_: tuple[float, float] | None = None

    def fit(self, x) -> NaturalSpline:
        """Place the knots from the training inputs ``x``; return self."""
        x = _as_1d(x)
        if x.size < 2 or np.ptp(x) == 0:
            raise ValueError("fit needs at least two distinct x values")
        lo, hi = self.boundary if self.boundary is not None else (x.min(), x.max())
        if x.min() < lo or x.max() > hi:
            raise ValueError(f"training x must lie inside the boundary {self.boundary}")
        probs = np.linspace(0.0, 1.0, self.df)[1:-1]
        self.interior_knots_ = np.quantile(x, probs)
        self.boundary_ = (float(lo), float(hi))
        self._t = _knot_vector(self.interior_knots_, *self.boundary_)
        self._z = _natural_projection(self._t, *self.boundary_)
        return self

    def transform(self, x) -> np.ndarray:
        """Basis matrix at ``x``: shape ``(len(x), df)``."""
        if self.interior_knots_ is None:
            raise RuntimeError("call fit(x_train) before transform")
        return _evaluate(_as_1d(x), self._t, *self.boundary_, self._z)

    def predict(self, x, beta) -> np.ndarray:
        """The spline ``sum_j beta_j N_j(x)`` at ``x`` (fast: one spline, not the matrix)."""
        if self.interior_knots_ is None:
            raise RuntimeError("call fit(x_train) before predict")
        beta = np.asarray(beta, dtype=float)
        if beta.ndim not in (1, 2) or beta.shape[0] != self.df:
            raise ValueError(f"beta must have {self.df} rows (one per column), got {beta.shape}")
        return _evaluate(_as_1d(x), self._t, *self.boundary_, self._z @ beta)

    def fit_transform(self, x) -> np.ndarray:
        """Fit the knots on ``x`` and return the basis at ``x``."""
        return self.fit(x).transform(x)


def svd_least_squares(X, Y, penalties: Sequence[float] = (0.0,),
                      rcond: float = 1e-10) -> np.ndarray:
    """Ridge coefficients ``argmin |Y - X b|^2 + lam |b|^2`` for each ``lam`` in ``penalties``.

    ``lam = 0`` gives the minimum-norm least-squares solution ``pinv(X) @ Y`` (singular
    values below ``rcond`` times the largest count as zero). Returns an array of shape
    ``(len(penalties),) + (X.shape[1],) + Y.shape[1:]``.
    """
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D matrix, got shape {X.shape}")
    if Y.ndim not in (1, 2) or Y.shape[0] != X.shape[0]:
        raise ValueError(f"Y must have {X.shape[0]} rows (one per row of X), got shape {Y.shape}")
    lams = np.asarray(penalties, dtype=float).reshape(-1)
    if lams.size == 0 or np.any(lams < 0) or not np.all(np.isfinite(lams)):
        raise ValueError("penalties must be a non-empty list of finite numbers >= 0")
    u, s, vt = np.linalg.svd(X, full_matrices=False)
    uty = u.T @ Y
    keep = s > rcond * (s[0] if s.size else 0.0)
    out = []
    for lam in lams:
        inverse = np.where(keep, 1.0 / np.where(keep, s, 1.0), 0.0)
        gain = inverse if lam == 0 else s / (s**2 + lam)
        out.append(vt.T @ (gain.reshape((-1,) + (1,) * (Y.ndim - 1)) * uty))
    return np.stack(out)
