"""The argument checks shared by the nbutils modules."""

import numpy as np
import pytest

from nbutils._args import count, finite_array, finite_number


def test_finite_array_returns_floats_of_the_given_shape():
    array = finite_array([[1, 2], [3, 4]], "a", ndim=2)
    assert array.dtype == float and array.shape == (2, 2)
    assert finite_array(3, "x", min_size=0).shape == ()


@pytest.mark.parametrize("value, kwargs, error, message", [
    (["a", "b"], {}, TypeError, "x must hold numbers"),
    ([1.0, 2.0], {"ndim": 2}, ValueError, r"x must be a 2-D array, got shape \(2,\)"),
    ([1.0], {"min_size": 2}, ValueError, "at least 2 numbers"),
    (np.empty((0, 3)), {"ndim": 2}, ValueError, "at least 1 number,"),
    ([1.0, np.nan], {}, ValueError, "finite numbers only"),
    ([np.inf], {}, ValueError, "finite numbers only"),
])
def test_finite_array_names_the_problem(value, kwargs, error, message):
    with pytest.raises(error, match=message):
        finite_array(value, "x", **kwargs)


def test_count():
    assert count(3, "n") == 3 and type(count(np.int64(3), "n")) is int
    assert count(2, "n", least=2) == 2
    with pytest.raises(TypeError, match="n must be an int, got float"):
        count(3.0, "n")
    with pytest.raises(TypeError, match="got bool"):
        count(True, "n")
    with pytest.raises(ValueError, match="n must be at least 2, got 1"):
        count(1, "n", least=2)


def test_finite_number():
    assert finite_number(np.float32(0.5), "sd", positive=True) == 0.5
    assert finite_number(-2, "mean") == -2.0
    with pytest.raises(TypeError, match="sd must be a number, got str"):
        finite_number("1", "sd")
    with pytest.raises(TypeError, match="got bool"):
        finite_number(True, "sd")
    with pytest.raises(ValueError, match="positive finite number, got 0"):
        finite_number(0, "sd", positive=True)
    with pytest.raises(ValueError, match="a finite number, got nan"):
        finite_number(float("nan"), "mean")
