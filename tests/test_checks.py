"""The exercise checker, and every registered exercise against its own answer."""

import importlib
import pkgutil

import numpy as np
import pytest

import nbutils.answers
from nbutils import checks


def all_exercises():
    for module in pkgutil.iter_modules(nbutils.answers.__path__):
        yield from importlib.import_module(f"nbutils.answers.{module.name}").EXERCISES


def test_compare_explains_the_mistake():
    assert checks._compare(0.25, 0.25, 1e-6, 1e-9) == (True, "")
    assert "sign" in checks._compare(0.5, -0.5, 1e-6, 1e-9)[1]
    assert "factor (4" in checks._compare(0.25, 1.0, 1e-6, 1e-9)[1]
    assert "shape" in checks._compare([1, 2], [1, 2, 3], 1e-6, 1e-9)[1]
    assert "number" in checks._compare(1.0, "one", 1e-6, 1e-9)[1]
    assert checks._compare("ReLU", " relu ", 0, 0)[0]


def test_bad_keys_are_reported():
    with pytest.raises(ValueError, match="look like"):
        checks.get_exercise("xor")
    with pytest.raises(ValueError, match="no exercises"):
        checks.get_exercise("99.anything")


@pytest.mark.parametrize("exercise", list(all_exercises()), ids=lambda e: e.key)
def test_each_exercise_accepts_its_answer_and_rejects_others(exercise, capsys):
    answer = exercise.expected
    assert checks.evaluate(exercise.key, answer)[0]
    assert checks.check(exercise.key, answer) is True
    assert "Correct" in capsys.readouterr().out
    assert checks.evaluate(exercise.key, None) == (
        False, "no answer yet: replace the placeholder with your answer and run the cell")
    if callable(answer):
        assert not checks.evaluate(exercise.key, lambda z: np.full_like(
            np.asarray(exercise.expected(z), dtype=float), 12345.0))[0]
    elif isinstance(answer, str):
        assert not checks.evaluate(exercise.key, answer + " not")[0]
    else:
        assert not checks.evaluate(exercise.key, np.asarray(answer, dtype=float) * 1.5 + 1)[0]
    assert exercise.question and exercise.explanation


def test_check_never_prints_the_answer(capsys):
    exercise = next(all_exercises())
    if callable(exercise.expected) or isinstance(exercise.expected, str):
        pytest.skip("first exercise is not numeric")
    checks.check(exercise.key, 123456.0)
    out = capsys.readouterr().out
    assert "Not yet" in out and str(exercise.expected) not in out
    checks.reveal(exercise.key)
    assert "Answer:" in capsys.readouterr().out


def test_keys_are_unique_and_prefixed_by_module():
    for module in pkgutil.iter_modules(nbutils.answers.__path__):
        exercises = importlib.import_module(f"nbutils.answers.{module.name}").EXERCISES
        keys = [e.key for e in exercises]
        assert len(keys) == len(set(keys)) >= 3
        assert all(k.startswith(module.name[2:] + ".") for k in keys)
