"""Exercises of notebook 01 (activation functions)."""

import numpy as np

from nbutils.checks import Exercise

EXERCISES = [
    Exercise(
        key="01.softplus-slope",
        question="What is the slope of softplus, g(z) = log(1 + e^z), at z = log 3?",
        expected=0.75,
        explanation="softplus'(z) = sigma(z) = 1 / (1 + e^-z), and e^-log 3 = 1/3, so the "
                    "slope is 1 / (1 + 1/3) = 3/4.",
        hint="the derivative of softplus is another activation in the table.",
    ),
    Exercise(
        key="01.collapse-line",
        question="A 1-1-1 network with g(z) = z computes a = 3x + 1 and then f = -2a + 4. "
                 "Give the single line f = slope * x + intercept as [slope, intercept].",
        expected=np.array([-6.0, 2.0]),
        explanation="f = -2(3x + 1) + 4 = -6x + 2: the slope is the product of the weights "
                    "and the intercept W2 b1 + b2, as in section 2.",
        hint="substitute a into f and collect the terms in x.",
    ),
    Exercise(
        key="01.housing-price",
        question="With the hand-set weights of the housing network, what price (in $10,000s) "
                 "does it give a house of 2,000 sq ft with 3 bedrooms, 18 km from the centre, "
                 "in a neighbourhood with median income $100,000?",
        expected=32.6,
        explanation="Family size max(0, 0.5*2 + 0.8*3 - 1) = 2.4, walkability "
                    "max(0, 8 - 0.5*18) = 0 (the unit is off beyond 16 km), school quality "
                    "max(0, 0.6*10 - 0.2*18 - 1) = 1.4; price 5 + 8*2.4 + 4*0 + 6*1.4 = 32.6.",
        hint="compute the three hidden units first; a ReLU unit with a negative score "
             "outputs 0, not the negative number.",
    ),
    Exercise(
        key="01.interaction-weights",
        question="With g(z) = z^2, hidden weights w1 = (1, 2), w2 = (1, -2) and no biases, "
                 "which output weights [beta1, beta2] make f(X) = X1 * X2?",
        expected=np.array([0.125, -0.125]),
        explanation="(X1 + 2 X2)^2 - (X1 - 2 X2)^2 = 8 X1 X2, so beta = (1/8, -1/8).",
        hint="expand both squares; the X1^2 and X2^2 terms must cancel.",
    ),
    Exercise(
        key="01.call-portfolio",
        question="A payoff is 0 for S <= 0, rises with slope 2 up to S = 1, falls with slope "
                 "1 from S = 1 to S = 3 and is flat after that. How many calls with strikes "
                 "0, 1 and 3 replicate it? Give [n0, n1, n3] (negative: calls sold).",
        expected=np.array([2.0, -3.0, 1.0]),
        explanation="Each call adds its amount to the slope from its strike on: 2 calls at 0 "
                    "give slope 2, selling 3 at 1 brings it to -1, buying 1 at 3 brings it "
                    "to 0.",
        hint="the amount at each strike is the change of slope there.",
    ),
    Exercise(
        key="01.step-weights",
        question="A training set has y = (3, 1, 4, 1, 5) at increasing x. Give the output "
                 "weights of the five unit-step neurons that reproduce it.",
        expected=np.array([3.0, -2.0, 3.0, -3.0, 4.0]),
        explanation="The first weight is y1 and each later one is the jump y_i - y_(i-1).",
        hint="at x_i the first i steps are on, so the weights must add up to y_i.",
    ),
]
