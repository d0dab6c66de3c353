"""The exercise checker, and every registered exercise against its own answer and
against many wrong answers, none of whose messages may give the answer away."""

import importlib
import pkgutil
import re

import numpy as np
import pytest

import nbutils.answers
from nbutils import checks


def all_exercises():
    for module in pkgutil.iter_modules(nbutils.answers.__path__):
        yield from importlib.import_module(f"nbutils.answers.{module.name}").EXERCISES


EXERCISES = list(all_exercises())
NUMERIC = [e for e in EXERCISES if not isinstance(e.expected, str)]
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def test_compare_explains_the_mistake_without_numbers():
    assert checks._compare(0.25, 0.25, 1e-6, 1e-9) == (True, "")
    assert "sign" in checks._compare(0.5, -0.5, 1e-6, 1e-9)[1]
    assert "close" in checks._compare(0.25, 0.2501, 1e-6, 1e-9)[1]
    assert checks._compare(0.25, 1.0, 1e-6, 1e-9)[1] == "not the value"
    assert "same factor" in checks._compare([1.0, 2.0], [2.0, 4.0], 1e-6, 1e-9)[1]
    assert "same amount" in checks._compare([1.0, 2.0], [3.0, 4.0], 1e-6, 1e-9)[1]
    assert "shape" in checks._compare([1, 2], [1, 2, 3], 1e-6, 1e-9)[1]
    assert "number" in checks._compare(1.0, "one", 1e-6, 1e-9)[1]
    assert checks._compare("ReLU", " relu ", 0, 0)[0]


def test_bad_keys_are_reported():
    with pytest.raises(ValueError, match="look like"):
        checks.get_exercise("xor")
    with pytest.raises(ValueError, match="no exercises"):
        checks.get_exercise("99.anything")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.key)
def test_each_exercise_accepts_its_answer_and_rejects_others(exercise, capsys):
    answer = exercise.expected
    assert checks.evaluate(exercise.key, answer)[0]
    assert checks.check(exercise.key, answer) is None
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


def wrong_answers(want: np.ndarray):
    """Answers a student might give: scaled, shifted, sign-flipped, rounded, noisy."""
    rng = np.random.default_rng(0)
    scale = max(1.0, float(np.abs(want).max()))
    for factor in (2.0, 0.5, -1.0, -2.0, 3.0, 10.0, 0.1, 1.001, 0.999, 1.05, 4.0, 0.25, 1.5):
        yield want * factor
    for shift in (1.0, -1.0, 0.5, 1e-3 * scale, 0.1 * scale, 7.0):
        yield want + shift
    for digits in (0, 1, 2):
        yield np.round(want, digits)
    for _ in range(5):
        yield want + rng.normal(scale=0.3 * scale, size=want.shape)
    yield np.zeros_like(want)
    yield np.ones_like(want)


def leaks(message: str, answer: np.ndarray, want: np.ndarray, exercise) -> bool:
    """True when a number in the message gives the expected value by one operation."""
    def hit(candidate) -> bool:
        return bool(np.allclose(candidate, want, rtol=max(exercise.rtol, 1e-4),
                                atol=max(exercise.atol, 1e-9)))

    message = re.sub(r"on input .*?\)?:", "on input:", message, flags=re.S)  # inputs, not answers
    message = re.sub(r"shape \([\d, ]*\)", "shape", message)
    for text in NUMBER.findall(message):
        m = float(text)
        candidates = [np.full_like(want, m), answer / m if m else None, answer * m,
                      answer - m, answer + m, m - answer]
        if any(c is not None and np.all(np.isfinite(c)) and hit(c) for c in candidates):
            return True
    return False


@pytest.mark.parametrize("exercise", NUMERIC, ids=lambda e: e.key)
def test_no_wrong_answer_message_gives_the_answer_away(exercise):
    """Probe each exercise with many wrong answers; no message may reveal the expected value."""
    probes = exercise.probes if callable(exercise.expected) else [None]
    for probe in probes:
        want = np.asarray(exercise.expected(probe) if probe is not None else exercise.expected,
                          dtype=float)
        for answer in wrong_answers(want):
            if np.allclose(answer, want, rtol=exercise.rtol, atol=exercise.atol):
                continue
            given = (lambda z, a=answer, p=probe: a if z is p else exercise.expected(z)) \
                if probe is not None else (answer.item() if answer.ndim == 0 else answer)
            right, message = checks.evaluate(exercise.key, given)
            assert not right
            assert not leaks(message, answer, want, exercise), (
                f"{exercise.key}: the message {message!r} for answer {answer} reveals the answer")
    # The hint is the same for every answer: it must not state the answer itself (small
    # whole numbers such as the 2 in "1/2" are too common in hints to count).
    single = want.item() if want.size == 1 else None
    if single is not None and not (single == round(single) and abs(single) < 10):
        values = [float(t) for t in NUMBER.findall(exercise.hint)]
        assert not any(np.isclose(single, v, rtol=1e-6) for v in values), (
            f"{exercise.key}: the hint states the answer")


def test_check_never_prints_the_answer(capsys):
    for exercise in NUMERIC:
        if callable(exercise.expected):
            continue
        checks.check(exercise.key, 123456.0)
        out = capsys.readouterr().out
        assert "Not yet" in out and str(exercise.expected) not in out
    checks.reveal(NUMERIC[0].key)
    assert "Answer:" in capsys.readouterr().out


def test_keys_are_unique_and_prefixed_by_module():
    for module in pkgutil.iter_modules(nbutils.answers.__path__):
        exercises = importlib.import_module(f"nbutils.answers.{module.name}").EXERCISES
        keys = [e.key for e in exercises]
        assert len(keys) == len(set(keys)) >= 3
        assert all(k.startswith(module.name[2:] + ".") for k in keys)


def test_each_question_is_asked_once_in_the_course():
    questions = [re.sub(r"\W+", " ", e.question.lower()).strip() for e in EXERCISES]
    assert len(questions) == len(set(questions))
