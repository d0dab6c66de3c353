"""Answers to the exercises of notebook 07 (autoencoders and GANs)."""

import numpy as np

from nbutils.checks import Exercise


def _d_star(x):
    """Optimal discriminator for p = N(0, 1) (data) against q = N(2, 1) (generator)."""
    x = np.asarray(x, dtype=float)
    return 1.0 / (1.0 + np.exp(2.0 * x - 2.0))


EXERCISES = [
    Exercise(
        key="07.pca-error",
        question=("A centred data set with p = 5 variables has covariance eigenvalues "
                  "4, 2, 1, 0.5, 0.5. What is the per-coordinate mean squared error of the "
                  "best linear autoencoder with M = 2 code units?"),
        expected=0.4,
        explanation=("The best rank-2 map keeps the top two eigen-directions; the error is the "
                     "sum of the discarded eigenvalues, 1 + 0.5 + 0.5 = 2, divided by p = 5."),
        hint="sum the eigenvalues the code cannot keep, then divide by the number of coordinates",
        rtol=1e-6,
    ),
    Exercise(
        key="07.principal-angle",
        question=("What is the principal angle (in radians) between the line spanned by "
                  "(1, 0, 0) and the line spanned by (1, 1, 0)?"),
        expected=float(np.pi / 4),
        explanation=("Normalise: (1, 1, 0)/sqrt(2). The cosine of the angle is the inner product "
                     "of the unit vectors, 1/sqrt(2), so the angle is pi/4."),
        hint="the cosine is the inner product of the two unit vectors",
        rtol=1e-4,
    ),
    Exercise(
        key="07.d-star",
        question=("Write a function of x (a NumPy array) returning the optimal discriminator "
                  "d*(x) for data p = N(0, 1) against a generator q = N(2, 1)."),
        expected=_d_star,
        probes=(np.array([-1.0, 0.0, 1.0, 2.5]), 0.5),
        explanation=("d* = p / (p + q) = 1 / (1 + q/p), and q(x)/p(x) = exp(2x - 2) for these "
                     "two unit-variance normals: a logistic curve that crosses 1/2 at x = 1."),
        hint=("divide numerator and denominator by p(x); the ratio q/p of two normals "
              "is an exponential"),
        rtol=1e-6,
    ),
    Exercise(
        key="07.value-at-equilibrium",
        question=("If the generator matches the data exactly (q = p) and the discriminator is "
                  "optimal, what is the value of the GAN objective "
                  "E_p[log d(x)] + E_q[log(1 - d(x))]?"),
        expected=float(-np.log(4)),
        explanation=("With q = p, d* = 1/2 everywhere, so the value is log(1/2) + log(1/2) = "
                     "-log 4 = 2 JS - log 4 with JS = 0."),
        hint="what is p / (p + q) when q = p?",
        rtol=1e-5,
    ),
    Exercise(
        key="07.value-disjoint",
        question=("The data p and the generator q have supports that do not overlap and the "
                  "discriminator is optimal. What is the value V(d*) = E_p[log d*(x)] + "
                  "E_q[log(1 - d*(x))]?"),
        expected=0.0,
        explanation=("On the support of p, d* = p / (p + 0) = 1, so log d* = 0; on the support "
                     "of q, d* = 0, so log(1 - d*) = 0. V(d*) = 0 = 2 log 2 - log 4: JS sits at "
                     "its ceiling log 2, whatever the distance between the supports, and the "
                     "discriminator separates the two perfectly."),
        hint="what is p / (p + q) where q is zero, and where p is zero?",
        rtol=0.0,
        atol=1e-6,
    ),
    Exercise(
        key="07.wasserstein-shift",
        question="What is the Wasserstein-1 distance between N(1, 2^2) and N(-1.5, 2^2)?",
        expected=2.5,
        explanation=("Shifting every point of the first distribution by -2.5 gives the second, "
                     "and no plan moves mass less far on average: W = |1 - (-1.5)| = 2.5. The "
                     "spread does not matter when it is the same."),
        hint="how far must each unit of mass travel?",
        rtol=1e-6,
    ),
    Exercise(
        key="07.noise-ridge-alpha",
        question=("Least squares on many noisy copies of a data set with n = 400 observations, "
                  "each input given independent N(0, 0.2^2) noise: which alpha of "
                  "sklearn's Ridge (||y - X b||^2 + alpha ||b||^2) gives the same coefficients "
                  "in the limit?"),
        expected=16.0,
        explanation=("Averaged over the noise, each observation's squared error gains "
                     "sigma^2 ||b||^2; summed over n observations that is alpha = n sigma^2 = "
                     "400 * 0.04 = 16."),
        hint="average the squared error over the noise for one observation, then sum over n",
        rtol=1e-6,
    ),
]
