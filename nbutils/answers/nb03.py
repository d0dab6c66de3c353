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
        key="03.steps-per-epoch",
        question="How many gradient steps make one epoch of 50,000 images in mini-batches "
                 "of 256, counting the last, smaller batch?",
        expected=196,
        explanation="50,000 / 256 = 195.3, so 195 full batches and one batch of 80 images: "
                    "196 steps (ISLR's 48,000 / 128 gives exactly 375).",
        hint="round the number of batches up, not to the nearest integer.",
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
]
