"""Exercises of notebook 06 (interpolation and double descent)."""

import numpy as np

from nbutils.checks import Exercise

_N_TOY = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])
_Y_TOY = np.array([1.0, 2.0])


def _ridge_toy(lam):
    """Ridge coefficients of the exercise's 2 x 3 system."""
    gram = _N_TOY.T @ _N_TOY + float(lam) * np.eye(3)
    return np.linalg.solve(gram, _N_TOY.T @ _Y_TOY)


EXERCISES = [
    Exercise(
        key="06.snr-noisier",
        question="With noise sd 0.6 instead of 0.3, what is Var(sin X) / Var(eps) for "
                 "X ~ U[-5, 5]?",
        expected=(0.5 - np.sin(10) / 20) / 0.36,
        rtol=1e-3,
        explanation="Var(sin X) = 1/2 - sin(10)/20 = 0.5272 does not change; the noise "
                    "variance goes from 0.09 to 0.36, so the ratio drops 4-fold to 1.464.",
        hint="the signal variance is the same as in the notebook; only Var(eps) = sd^2 changes.",
    ),
    Exercise(
        key="06.min-norm-by-hand",
        question="The minimum-norm solution of b1 + 2 b2 + 2 b3 = 3.",
        expected=np.array([1.0, 2.0, 2.0]) / 3.0,
        rtol=1e-4,
        atol=1e-6,
        explanation="beta = N^T (N N^T)^{-1} y = (1, 2, 2) * 3 / 9 = (1/3, 2/3, 2/3); "
                    "adding any vector orthogonal to (1, 2, 2) keeps the equation and "
                    "makes beta longer.",
        hint="write beta = c * (1, 2, 2) and choose c so that the equation holds.",
    ),
    Exercise(
        key="06.free-directions",
        question="Dimension of the set of zero-residual coefficient vectors for n = 20, "
                 "d = 42, rank 20.",
        expected=22.0,
        explanation="The null space of a 20 x 42 matrix of rank 20 has dimension "
                    "42 - 20 = 22; every interpolant is the minimum-norm one plus a vector "
                    "from it.",
        hint="rank-nullity: rank + nullity = number of columns.",
    ),
    Exercise(
        key="06.ridge-function",
        question="ridge(lam) for N = [[1, 0, 1], [0, 1, 1]] and y = (1, 2).",
        expected=_ridge_toy,
        probes=(1.0, 0.1, 10.0, 1e-6),
        rtol=1e-5,
        atol=1e-6,
        explanation="(N^T N + lam I)^{-1} N^T y; as lam -> 0 it tends to "
                    "N^+ y = (0, 1, 1) (svd_least_squares(N, y)[0], or np.linalg.pinv(N) @ y), "
                    "the minimum-norm interpolant, even though N^T N itself is singular.",
        hint="build N and y as arrays; N.T @ N is 3 x 3, add lam times the identity and solve."
    ),
]
