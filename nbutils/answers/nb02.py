"""Answers to the exercises of notebook 02 (backpropagation and optimizers)."""

import math

import numpy as np

from nbutils.checks import Exercise


def _sigmoid_derivative(z):
    s = 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))
    return s * (1.0 - s)


def _relu_derivative(z):
    return (np.asarray(z, dtype=float) > 0).astype(float)


def _quartic_steps(theta0: float, rho: float = 0.1, tol: float = 1e-6) -> int:
    """Gradient-descent steps on section 9's quartic until |R'(theta)| <= tol."""
    d_r = 4 * np.poly1d([-0.46, 0.1, 1.02], r=True)
    theta, steps = theta0, 0
    while steps < 199 and abs(d_r(theta)) > tol:
        theta, steps = theta - rho * d_r(theta), steps + 1
    return steps


def _house_w11(x1: float, x2: float) -> float:
    """dL/dw11 of section 4's 2-2-1 house-price network (its weights, y = 215) at (x1, x2)."""
    W = np.array([[2.17, 2.57], [2.89, 4.34]])
    x, w0 = np.array([x1, x2]), np.array([1.87, 2.09])
    beta, beta0, y = np.array([28.33, 60.17]), 59.0, 215.0
    a = 1.0 / (1.0 + np.exp(-(W @ x + w0)))
    delta = -2.0 * (y - beta0 - beta @ a)
    return float(a[0] * (1 - a[0]) * beta[0] * delta * x[0])


EXERCISES = [
    Exercise(
        key="02.sigmoid-derivative",
        question="Write a function of z that returns the derivative of the logistic function.",
        expected=_sigmoid_derivative,
        probes=(np.array([-3.0, -0.5, 0.0, 0.5, 3.0]), np.array([[1.0, -2.0], [10.0, -10.0]])),
        explanation="sigma'(z) = sigma(z) (1 - sigma(z)); it peaks at 1/4 for z = 0 and is "
                    "nearly 0 once |z| is large, which is why saturated sigmoids pass back "
                    "almost no gradient.",
        hint="compute s = 1 / (1 + np.exp(-z)) first, then combine s with 1 - s.",
    ),
    Exercise(
        key="02.relu-derivative",
        question="Write a function of z that returns the derivative of max(z, 0) (no zeros in z).",
        expected=_relu_derivative,
        probes=(np.array([-2.0, -0.1, 0.1, 5.0]), np.array([[3.0, -1.0], [-7.5, 0.25]])),
        explanation="ReLU'(z) is 1 for z > 0 and 0 for z < 0: a ReLU unit passes the gradient "
                    "through unchanged or blocks it, it never shrinks it.",
        hint="a comparison such as z > 0 gives booleans; turn them into 0.0 and 1.0.",
    ),
    Exercise(
        key="02.house-small",
        question="dL/dw11 in the 2-2-1 house-price network for x = (0.2, 0.1), y = 215.",
        expected=_house_w11(0.2, 0.1),
        rtol=2e-3,
        atol=1e-6,
        explanation="z_1 = 2.17*0.2 + 2.57*0.1 + 1.87 = 2.561, so A_1 = 0.928 is far from "
                    "saturated; with y_hat = 142.88 and delta = -144.24, dL/dw11 = "
                    "sigma'(z_1) beta_1 delta x_1 = about -54.39, some 1,800 times the "
                    "gradient for the house of section 4, whose hidden unit sits at "
                    "z_1 = 11.75 where the sigmoid is flat.",
        hint="redo the forward pass first (z, A, y_hat), then delta = -2 (y - y_hat) and "
             "s_1 = A_1 (1 - A_1) beta_1 delta; the gradient is s_1 x_1.",
    ),
    Exercise(
        key="02.adam-first-step",
        question="theta after one Adam step from (1, 1) with g = (4, -0.02), lr = 0.1.",
        expected=[0.9, 1.1],
        rtol=1e-3,
        atol=1e-4,
        explanation="At t = 1, m_hat = g and v_hat = g^2, so the step is lr * g / |g| = "
                    "lr * sign(g) in every coordinate: (1 - 0.1, 1 + 0.1). Adam's first "
                    "steps have the same length whatever the size of the gradient.",
        hint="work out m_hat = m / (1 - beta1) and v_hat = v / (1 - beta2) after one step.",
    ),
    Exercise(
        key="02.quartic-steps",
        question="Gradient-descent steps (rho = 0.1) from theta0 = 0.09 until |R'(theta)| <= 1e-6.",
        expected=_quartic_steps(0.09),
        explanation="0.09 lies just left of the local maximum at 0.1, where R' > 0, so every "
                    "step moves left, into the local minimum at -0.46, not the global one "
                    "at 1.02. The first steps are tiny because R' is almost 0 near the "
                    "maximum, so the run takes 57 steps, more than the 49 from 0.05.",
        hint="copy section 9's loop and start it at 0.09; count the steps, not the points.",
    ),
    Exercise(
        key="02.symmetric-parameters",
        question="From a constant start, at most how many different values can the 2,410 "
                 "parameters of the 64-32-10 network take after training?",
        expected=85,
        explanation="The 32 hidden units stay copies of each other: W1 has one value per "
                    "input (64), b1 one value (1), W2 one value per output digit (10) and "
                    "b2 ten values (10): 85 in all, the parameter count of a 64-1-10 network.",
        hint="W1[i, j] stays equal for all hidden units j, but can differ between inputs i; "
             "ask the same of b1, W2[j, k] and b2.",
    ),
    Exercise(
        key="02.glorot-limit",
        question="The limit l of glorot_uniform (weights from U[-l, l]) for Dense(128) on "
                 "784 inputs.",
        expected=math.sqrt(6 / (784 + 128)),
        rtol=2e-3,
        explanation="l = sqrt(6 / (n_in + n_out)) = sqrt(6 / 912) = 0.0811, so the variance "
                    "l^2 / 3 is 2 / (784 + 128), Glorot and Bengio's compromise between "
                    "1 / n_in (forward pass) and 1 / n_out (backward pass).",
        hint="the variance of U[-l, l] is l^2 / 3; set it equal to 2 / (n_in + n_out).",
    ),
]
