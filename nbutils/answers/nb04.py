"""Exercises of notebook 04 (convolutional networks)."""

import numpy as np
from scipy.signal import correlate2d

from nbutils.checks import Exercise


def _max_pool(x) -> np.ndarray:
    """2 x 2 max pooling of an array with even sides."""
    x = np.asarray(x, dtype=float)
    h, w = x.shape
    return x.reshape(h // 2, 2, w // 2, 2).max(axis=(1, 3))


SLIDE_IMAGE = np.array([[2, 0, 1, 3], [1, 4, 0, 2], [0, 1, 5, 1]])
SLIDE_KERNEL = np.array([[1, -1], [2, 0]])

EXERCISES = [
    Exercise(
        key="04.slide",
        question="Slide the filter [[1, -1], [2, 0]] over the image "
                 "[[2, 0, 1, 3], [1, 4, 0, 2], [0, 1, 5, 1]] (no padding, stride 1, no "
                 "flipping, as Conv2D does). Give the 2 x 3 result as an array.",
        expected=correlate2d(SLIDE_IMAGE, SLIDE_KERNEL, mode="valid"),
        explanation="Top-left: 2*1 + 0*(-1) + 1*2 + 4*0 = 4; each entry is the dot product "
                    "of the filter with the 2 x 2 patch under it.",
        hint="the output has (3 - 2 + 1) x (4 - 2 + 1) entries; start at the top-left patch "
             "[[2, 0], [1, 4]].",
    ),
    Exercise(
        key="04.output-side",
        question="A 32 x 32 image goes through a 5 x 5 convolution with no padding and "
                 "stride 1, then a 2 x 2 max pool. What is the side of the result?",
        expected=14,
        explanation="The convolution gives 32 - 5 + 1 = 28; pooling halves it to 14.",
        hint="L - l + 1 for the convolution, then divide by 2.",
    ),
    Exercise(
        key="04.same-padding",
        question="How many pixels of padding p on each side keep a 7 x 7 convolution from "
                 "shrinking the image (stride 1)?",
        expected=3,
        explanation="L + 2p - l + 1 = L gives p = (l - 1)/2 = 3.",
        hint="solve L + 2p - l + 1 = L for p.",
    ),
    Exercise(
        key="04.conv-params",
        question="How many trainable parameters has Conv2D(64, 3) applied to an input with "
                 "32 channels (with biases)?",
        expected=18_496,
        explanation="Each of the 64 filters has 3 x 3 x 32 = 288 weights and one bias: "
                    "(288 + 1) x 64 = 18,496, whatever the size of the image.",
        hint="a filter spans all input channels; count its weights, add a bias, times filters.",
    ),
    Exercise(
        key="04.max-pool",
        question="Write max_pool(x) that returns the 2 x 2 max pooling of a NumPy array x "
                 "whose sides are even.",
        expected=_max_pool,
        probes=(np.array([[1, 2, 5, 3], [3, 0, 1, 2], [2, 1, 3, 4], [1, 1, 2, 0]]),
                np.arange(24.0).reshape(4, 6) * np.array([1, -1, 1, -1, 1, -1]),
                np.array([[-1.0, -2.0], [-3.0, -4.0]])),
        explanation="Reshaping (H, W) to (H/2, 2, W/2, 2) puts each block on axes 1 and 3; "
                    "the maximum over them is the pooled image.",
        hint="x.reshape(h // 2, 2, w // 2, 2) and a max over two axes, or two loops.",
    ),
    Exercise(
        key="04.bn-weights",
        question="A BatchNormalization layer follows a convolution with 64 filters. How many "
                 "weights does it hold in all, and how many does gradient descent train? "
                 "Answer with a pair (total, trained).",
        expected=(256, 128),
        explanation="Per channel it holds a scale gamma and a shift beta, which are trained, "
                    "and a moving mean and a moving variance, which are updated as running "
                    "averages during training but not by gradient descent: 4 x 64 = 256 in "
                    "all, 2 x 64 = 128 trained.",
        hint="count what the layer keeps per channel: what it learns, and what it only "
             "averages for inference.",
    ),
]
