"""Answers to the exercises of notebook 03 (first Keras models, the MNIST multilayer perceptron)."""

import numpy as np

from nbutils.checks import Exercise


def _error_from_confusion(C):
    C = np.asarray(C, dtype=float)
    return 1.0 - np.trace(C) / C.sum()


EXERCISES = [
    Exercise(
        key="03.params-784-512-10",
        question="How many parameters does a 784-512-10 network (with biases) have?",
        expected=407_050,
        explanation="(784 + 1) * 512 + (512 + 1) * 10 = 401,920 + 5,130 = 407,050: more "
                    "than the 235,146 of the two-hidden-layer network, with one layer fewer.",
        hint="each Dense layer with p inputs and K units has (p + 1) * K parameters.",
    ),
    Exercise(
        key="03.islr-steps",
        question="How many gradient steps are 30 epochs of 48,000 images in mini-batches "
                 "of 128?",
        expected=11_250,
        explanation="48,000 / 128 = 375 steps per epoch (no smaller last batch here), and "
                    "375 * 30 = 11,250 steps in all.",
        hint="first the steps of one epoch (images divided by batch size), then the epochs.",
    ),
    Exercise(
        key="03.dropout-scale",
        question="With dropout rate 0.3, by what factor are the kept units multiplied "
                 "during training?",
        expected=1 / 0.7,
        rtol=5e-3,
        explanation="1 / (1 - 0.3) = 1.4286: a unit survives with probability 0.7, so scaling "
                    "the survivors by 1/0.7 keeps the expected input of the next layer the "
                    "same as at prediction time, when nothing is dropped.",
        hint="the factor undoes, on average, the fraction of units that were removed.",
    ),
    Exercise(
        key="03.error-from-confusion",
        question="Write error_from_confusion(C): the error rate from a confusion matrix.",
        expected=_error_from_confusion,
        probes=(
            [[5, 1], [2, 12]],
            [[10, 0, 0], [0, 7, 3], [1, 0, 9]],
            [[4, 0, 0], [0, 4, 0], [0, 0, 4]],
            [[0, 3], [2, 0]],
        ),
        explanation="error = 1 - trace(C) / sum(C): the diagonal counts the correct answers, "
                    "everything else is a mistake.",
        hint="the correct predictions are on the diagonal (np.trace).",
    ),
    Exercise(
        key="03.logistic-iris",
        question="How many identifiable parameters does multinomial logistic regression of "
                 "the three iris species on the four measurements have?",
        expected=10,
        explanation="(4 + 1) * (3 - 1) = 10: each class but the baseline has an intercept and "
                    "four slopes, just as MNIST gives (784 + 1) * 9 = 7,065.",
        hint="inputs plus one intercept, times the number of classes minus one.",
    ),
    Exercise(
        key="03.test-error-se",
        question="Standard error of the test error rate of a classifier that makes 100 "
                 "mistakes on 2,000 test images (as a fraction).",
        expected=float(np.sqrt(0.05 * 0.95 / 2000)),
        rtol=1e-3,
        explanation="p = 100 / 2000 = 0.05 and SE = sqrt(0.05 * 0.95 / 2000) = 0.00487, about "
                    "half a percentage point: a rival model's error has to differ by about "
                    "two of these before the difference is more than test-set luck.",
        hint="the error rate is a sample proportion: sqrt(p (1 - p) / n).",
    ),
    Exercise(
        key="03.equal-budget-width",
        question="Smallest K for which a 784-K-10 network has at least as many parameters as "
                 "the 784-256-128-10 network (235,146).",
        expected=296,
        explanation="784-K-10 has (784 + 1) K + (K + 1) 10 = 795 K + 10 parameters; "
                    "795 K + 10 >= 235,146 gives K >= 295.8, so K = 296 (235,330 parameters). "
                    "One layer of 296 units has the same budget as the 256-128 pair.",
        hint="write the parameter count of 784-K-10 as a linear function of K and solve.",
    ),
]
