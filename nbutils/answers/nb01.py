"""Exercises of notebook 01 (activation functions)."""

import numpy as np

from nbutils.checks import Exercise

EXERCISES = [
    Exercise(
        key="01.sigmoid-slope",
        question="What is the derivative of the sigmoid at z = 0?",
        expected=0.25,
        explanation="sigma'(z) = sigma(z)(1 - sigma(z)) = 1/2 * 1/2 at z = 0; it is the "
                    "largest slope the sigmoid ever has, so each sigmoid layer shrinks a "
                    "gradient by at least 4x.",
        hint="use sigma'(z) = sigma(z) * (1 - sigma(z)) and sigma(0) = 1/2.",
    ),
    Exercise(
        key="01.relu-derivative",
        question="Write relu_derivative(z) for a NumPy array z (take the slope at 0 to be 0).",
        expected=lambda z: (np.asarray(z, dtype=float) > 0).astype(float),
        probes=(np.array([-2.0, -0.5, 0.0, 0.5, 3.0]), np.array([[1.0, -1.0], [0.0, 2.0]])),
        explanation="The slope is 1 where the unit is active and 0 where it is off; "
                    "Keras also uses 0 at the kink.",
        hint="compare z with 0 and turn the booleans into floats.",
    ),
    Exercise(
        key="01.xor-sse",
        question="The best linear fit to XOR predicts 1/2 for all four points. What is its "
                 "sum of squared errors (not the mean)?",
        expected=1.0,
        explanation="Each point misses by 1/2, so the sum is 4 x 1/4 = 1 and the mean 1/4: "
                    "the lecture's 'MSE = 1' is the sum.",
        hint="four residuals of size 1/2.",
    ),
    Exercise(
        key="01.interaction-beta",
        question="With g(z) = z^2, hidden weights w1 = (1, 1), w2 = (1, -1) and no biases, "
                 "which output weights (beta1, beta2) make f(X) = X1 * X2?",
        expected=np.array([0.25, -0.25]),
        explanation="(X1 + X2)^2 - (X1 - X2)^2 = 4 X1 X2, so beta = (1/4, -1/4).",
        hint="expand (X1 + X2)^2 - (X1 - X2)^2.",
    ),
    Exercise(
        key="01.step-weights",
        question="A training set has y = (3, 1, 4, 1, 5) at increasing x. Give the output "
                 "weights of the five unit-step neurons that reproduce it.",
        expected=np.array([3.0, -2.0, 3.0, -3.0, 4.0]),
        explanation="The first weight is y1 and each later one is the jump y_i - y_(i-1).",
        hint="at x_i the first i steps are on, so the weights must add up to y_i.",
    ),
    Exercise(
        key="01.parameter-count",
        question="How many parameters has a network with p = 3 inputs, one hidden layer of "
                 "K = 8 units and one output?",
        expected=41,
        explanation="(p + 1) K + (K + 1) = 4 x 8 + 9 = 41: every unit has a weight per "
                    "input plus a bias.",
        hint="count a weight for each input and one bias, in each unit of each layer.",
    ),
]
