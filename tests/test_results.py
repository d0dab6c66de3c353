"""nbutils.record: bars with teeth, the stored payload, and the committed seed sweeps."""

import json

import pytest

from nbutils import record, runtime
from nbutils.results import RESULT_MIME, Result, results_of
from tests.project import NOTEBOOKS, ROOT, load_notebook
from tools import nbrun, readme_table

BARS = dict(label="test accuracy", fmt=".2%", target=0.9, sanity=0.6, baseline=0.1,
            baseline_label="the majority class")


@pytest.fixture
def full(monkeypatch):
    monkeypatch.setattr(runtime, "_current", runtime.RunInfo(fast=False, seed=4, versions={}))


@pytest.fixture
def smoke(monkeypatch):
    monkeypatch.setattr(runtime, "_current", runtime.RunInfo(fast=True, seed=4, versions={}))


def test_record_shows_the_value_its_bar_and_baseline(full, capsys):
    assert record("acc", 0.95, reference=0.93, source="ISLR", **BARS) == 0.95
    line = capsys.readouterr().out
    assert "test accuracy: 95.00%" in line and "target ≥ 90.00%: met" in line
    assert "the majority class scores 10.00%" in line and "ISLR: 93.00%" in line


def test_full_mode_asserts_the_target_and_smoke_mode_the_sanity_bar(full, smoke, monkeypatch):
    with pytest.raises(AssertionError, match="misses the smoke-mode sanity bar"):
        record("acc", 0.5, **BARS)
    record("acc", 0.7, **BARS)  # above the sanity bar, below the target: fine in smoke mode
    monkeypatch.setattr(runtime, "_current", runtime.RunInfo(fast=False, seed=4, versions={}))
    with pytest.raises(AssertionError, match="misses the target"):
        record("acc", 0.7, **BARS)


def test_errors_are_judged_from_below(full):
    record("err", 0.02, label="test error", higher_is_better=False, target=0.05,
           baseline=0.9, baseline_label="guessing")
    with pytest.raises(AssertionError):
        record("err", 0.06, label="test error", higher_is_better=False, target=0.05,
               baseline=0.9, baseline_label="guessing")


def test_a_bar_the_baseline_passes_is_refused(full):
    with pytest.raises(ValueError, match="no teeth"):
        record("acc", 0.95, **dict(BARS, sanity=0.05))
    with pytest.raises(ValueError, match="baseline"):
        record("acc", 0.95, label="x", target=0.9)
    with pytest.raises(ValueError, match="name the baseline"):
        record("acc", 0.95, label="x", target=0.9, baseline=0.1)


@pytest.mark.parametrize(("kwargs", "error"), [
    (dict(key="two words"), ValueError), (dict(value="high"), TypeError),
    (dict(value=float("nan")), ValueError), (dict(fmt="%d"), ValueError),
    (dict(reference=0.9), ValueError), (dict(label=""), ValueError)])
def test_bad_arguments(full, kwargs, error):
    arguments = dict(key="acc", value=0.9, label="accuracy") | kwargs
    with pytest.raises(error):
        record(arguments.pop("key"), arguments.pop("value"), **arguments)


def test_record_needs_setup(monkeypatch):
    monkeypatch.setattr(runtime, "_current", None)
    with pytest.raises(RuntimeError, match="nbutils.setup"):
        record("acc", 0.9, label="accuracy")


def test_results_are_read_back_from_a_notebook():
    payload = Result(key="acc", label="accuracy", value=0.9, seed=3).__dict__
    notebook = {"cells": [{"cell_type": "code", "outputs": [
        {"output_type": "display_data", "data": {RESULT_MIME: payload, "text/plain": "x"}}]}]}
    assert results_of(notebook)["acc"].value == 0.9
    notebook["cells"].append(notebook["cells"][0])
    with pytest.raises(ValueError, match="twice"):
        results_of(notebook)


def test_spread_uses_the_worst_side():
    accuracy = Result(key="a", label="a", value=0.9, fmt=".2f")
    error = Result(key="e", label="e", value=0.1, fmt=".2f", higher_is_better=False)
    assert readme_table.spread(accuracy, [0.9, 0.8, 1.0]) == ("0.90 ± 0.10", "0.80")
    assert readme_table.spread(error, [0.1, 0.2, 0.3]) == ("0.20 ± 0.10", "0.30")
    signed = Result(key="d", label="d", value=-0.1, fmt="+.1%")
    assert readme_table.spread(signed, [-0.1, 0.1, 0.3]) == ("+10.0% ± 20.0%", "-10.0%")


SWEEPS = sorted((ROOT / "results").glob("[0-9][0-9]_*.json"))  # one per notebook


def test_the_code_hash_ignores_smoke_values_and_comments_but_not_full_mode_code():
    def notebook(*sources):
        return {"cells": [{"cell_type": "code", "source": "!pip install nbutils"}]
                + [{"cell_type": "code", "source": text} for text in sources]}

    base = nbrun.code_hash(notebook("N = 10 if FAST else 600  # images", "fit(N)"))
    assert nbrun.code_hash(notebook("N = 3 if FAST else 600", "fit(N)")) == base
    assert nbrun.code_hash(notebook("N = 10 if FAST else 600  # other words", "fit(N)")) == base
    assert nbrun.code_hash(notebook("N = 10 if FAST else 500", "fit(N)")) != base
    assert nbrun.code_hash(notebook("N = 10 if FAST else 600", "fit(N, 2)")) != base
    assert nbrun.code_hash(notebook("N = 10 if SLOW else 600", "fit(N)")) != base
    assert nbrun.full_mode_source("%matplotlib inline") == "%matplotlib inline"


@pytest.mark.parametrize("path", SWEEPS, ids=lambda p: p.name)
def test_seed_sweeps_reproduce_and_meet_the_targets_on_every_seed(path):
    sweep = json.loads(path.read_text())
    notebook_path = ROOT / sweep["notebook"]
    assert notebook_path in NOTEBOOKS, f"{path.name} names no notebook"
    notebook = load_notebook(notebook_path)
    if sweep["code"] != nbrun.code_hash(notebook):
        pytest.skip(f"{path.name} was swept with older code: the README marks it out of date")
    committed = results_of(notebook)
    first = sweep["runs"][0]
    assert first["seed"] == sweep["committed_seed"] and first["reproduces_committed"]
    for run in sweep["runs"]:
        assert not run.get("errors"), f"seed {run['seed']}: {run['errors']}"
        for key, value in run["results"].items():
            result = committed[key]
            assert result.meets(result.target, value), (
                f"seed {run['seed']}: {result.label} = {result.show(value)} misses its target")


def test_a_run_that_fails_a_cell_goes_on_when_asked_and_lists_its_errors(tmp_path):
    import nbformat

    path = tmp_path / "fails.ipynb"
    cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("assert x == 2, 'x'"),
             nbformat.v4.new_code_cell("print('after')")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    notebook, _ = nbrun.execute(path, allow_errors=True)
    assert nbrun.errors(notebook) == ["AssertionError: x"]
    assert notebook.cells[2].outputs[0]["text"] == "after\n"
