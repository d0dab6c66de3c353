"""Exercise checker: a student passes an answer, the checker says right or wrong and why.

Each notebook's exercises live in ``nbutils/answers/nbNN.py`` as a list ``EXERCISES``
of :class:`Exercise`. Keys look like ``"01.xor-mse"``: the part before the dot names
the notebook. The expected answer is never printed by :func:`check`; :func:`reveal`
prints it when the student asks.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Exercise:
    """One checkable exercise.

    ``expected`` is a number, an array, a string, or a reference function; for a
    function the student's function is compared with it on every input of ``probes``.
    """

    key: str
    question: str
    expected: Any
    explanation: str
    hint: str = ""
    rtol: float = 1e-6
    atol: float = 1e-9
    probes: Sequence[Any] = field(default_factory=tuple)


def _registry(prefix: str) -> dict[str, Exercise]:
    try:
        module = importlib.import_module(f"nbutils.answers.nb{prefix}")
    except ModuleNotFoundError:
        raise ValueError(f"no exercises are registered for notebook {prefix!r}") from None
    return {ex.key: ex for ex in module.EXERCISES}


def get_exercise(key: str) -> Exercise:
    """Look up an exercise by its key, e.g. ``"01.xor-mse"``."""
    if not isinstance(key, str) or "." not in key:
        raise ValueError(f"exercise keys look like '01.xor-mse', got {key!r}")
    exercises = _registry(key.split(".", 1)[0])
    if key not in exercises:
        raise ValueError(f"unknown exercise {key!r}; this notebook has {sorted(exercises)}")
    return exercises[key]


def _compare(expected: Any, answer: Any, rtol: float, atol: float) -> tuple[bool, str]:
    """Compare two values; return (right, reason).

    A reason says what kind of mistake it looks like, never by how much: no ratio,
    difference or value that would let the expected answer be computed from it.
    """
    if isinstance(expected, str):
        if not isinstance(answer, str):
            return False, f"expected a piece of text, got {type(answer).__name__}"
        right = answer.strip().lower() == expected.strip().lower()
        return right, "" if right else "that is not the expected word or phrase"
    try:
        got = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return False, f"expected a number or an array of numbers, got {type(answer).__name__}"
    want = np.asarray(expected, dtype=float)
    if got.shape != want.shape:
        return False, f"expected shape {want.shape}, got shape {got.shape}"
    if not np.all(np.isfinite(got)):
        return False, "your answer contains nan or inf"
    if np.allclose(got, want, rtol=rtol, atol=atol):
        return True, ""
    if np.allclose(-got, want, rtol=rtol, atol=atol):
        return False, "the sign is flipped"
    if np.allclose(got, want, rtol=1e-2, atol=1e-2 * max(1.0, float(np.abs(want).max()))):
        return False, "close, but not within the tolerance: check rounding and small terms"
    if want.size > 1:
        nonzero = np.abs(want) > atol
        if nonzero.sum() > 1 and np.all(np.abs(got[nonzero]) > atol):
            ratio = got[nonzero] / want[nonzero]
            if np.allclose(ratio, ratio.flat[0], rtol=1e-6):
                return False, ("every entry is off by the same factor: look for a missing "
                               "or extra constant factor, such as a half or a mean taken "
                               "where a sum is wanted")
        shift = got - want
        if np.allclose(shift, shift.flat[0], rtol=1e-6, atol=atol):
            return False, ("every entry is off by the same amount: look for a missing or "
                           "extra term, such as an intercept")
        return False, "some entries are not right"
    return False, "not the value"


def evaluate(key: str, answer: Any) -> tuple[bool, str]:
    """Check ``answer`` for exercise ``key`` without printing; return (right, message)."""
    exercise = get_exercise(key)
    if answer is None or answer is Ellipsis:
        return False, "no answer yet: replace the placeholder with your answer and run the cell"
    if callable(exercise.expected):
        if not callable(answer):
            return False, "this exercise asks for a function"
        for probe in exercise.probes:
            try:
                got = answer(probe)
            except Exception as error:  # the student's function may fail in any way
                return False, f"your function raised {type(error).__name__} on input {probe!r}"
            if got is None:
                return False, "your function returns None: write its body and run the cell"
            right, why = _compare(exercise.expected(probe), got, exercise.rtol, exercise.atol)
            if not right:
                return False, f"wrong on input {probe!r}: {why}"
        return True, exercise.explanation
    right, why = _compare(exercise.expected, answer, exercise.rtol, exercise.atol)
    return (True, exercise.explanation) if right else (False, why)


def check(key: str, answer: Any) -> None:
    """Print whether ``answer`` solves exercise ``key``, and why (:func:`evaluate` returns it)."""
    right, message = evaluate(key, answer)
    exercise = get_exercise(key)
    if right:
        print(f"[{key}] Correct. {message}")
    else:
        hint = f" Hint: {exercise.hint}" if exercise.hint and answer is not None else ""
        print(f"[{key}] Not yet: {message}.{hint}")


def reveal(key: str) -> None:
    """Print the expected answer and its explanation (for when you are stuck)."""
    exercise = get_exercise(key)
    expected = exercise.expected
    if callable(expected):
        shown = f"a function; on {list(exercise.probes)} it returns " + str(
            [np.round(np.asarray(expected(p), dtype=float), 6).tolist() for p in exercise.probes])
    else:
        shown = repr(expected) if isinstance(expected, str) else str(np.round(
            np.asarray(expected, dtype=float), 6).tolist())
    print(f"[{key}] {exercise.question}\nAnswer: {shown}\n{exercise.explanation}")
