"""Every notebook follows the course conventions: badges and install cell pointing at
the repository, the one start-up cell, an inputs-only parameters cell, checked cells
with stored outputs, executed in order without errors, log noise or timestamps,
recorded results that meet their targets, exercises registered with the checker."""

import re

import pytest

from nbutils.checks import get_exercise
from nbutils.results import results_of
from tests.project import (
    NOTEBOOKS,
    REPO_SLUG,
    ROOT,
    START_CELL,
    code_cells,
    install_cell,
    load_notebook,
    source,
)

MACHINE_PATH = re.compile(r"(/work/|/tmp/|/root/|/home/\w+/)")
LOG_NOISE = re.compile(r"(oneDNN|cuda|TF_CPP|rebuild TensorFlow|I0000|W0000|E0000)")


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks in notebooks/"


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def notebook(request):
    return request.param, load_notebook(request.param)


def test_title_cell_badges_point_at_this_notebook(notebook):
    path, nb = notebook
    title = source(nb["cells"][0])
    assert nb["cells"][0]["cell_type"] == "markdown" and title.startswith("# ")
    colab = f"https://colab.research.google.com/github/{REPO_SLUG}/blob/main/notebooks/{path.name}"
    binder = f"https://mybinder.org/v2/gh/{REPO_SLUG}/main?labpath=notebooks%2F{path.name}"
    assert colab in title, f"Colab badge must link {colab}"
    assert binder in title, f"Binder badge must link {binder}"
    assert title.count("colab.research.google.com/github/") == 1


def test_first_code_cell_is_the_install_cell(notebook):
    _, nb = notebook
    assert source(code_cells(nb)[0]).strip() == install_cell()


def test_start_up_cell_is_the_same_everywhere(notebook):
    _, nb = notebook
    assert source(code_cells(nb)[1]).strip() == START_CELL


def test_parameters_cell_holds_inputs_only(notebook):
    _, nb = notebook
    cells = code_cells(nb)
    tagged = [i for i, c in enumerate(cells)
              if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "want exactly one cell tagged 'parameters'"
    text = source(cells[tagged[0]])
    assert re.search(r"^FAST = nbutils\.smoke_mode\(\)", text, re.M)
    assert re.search(r"^SEED = \d+", text, re.M)
    assert not re.search(r"\bif FAST\b|\bFAST else\b|info\.", text), (
        "sizes derived from FAST belong in the next cell, so papermill can set FAST")
    assert "nbutils.setup(SEED, fast=FAST)" in source(cells[tagged[0] + 1])


def test_no_execution_timestamps(notebook):
    _, nb = notebook
    stamped = [source(c)[:60] for c in code_cells(nb) if "execution" in c.get("metadata", {})]
    assert not stamped, f"{len(stamped)} cells carry execution timestamps"


def test_recorded_results_are_full_mode_and_meet_their_targets(notebook):
    _, nb = notebook
    results = results_of(nb)
    assert results, "the notebook records no headline with nbutils.record"
    for result in results.values():
        assert not result.fast, f"{result.key} was recorded in smoke mode"
        assert result.meets(result.target), f"{result.label} misses its target"
    assert "full_mode_seconds" in nb["metadata"].get("nbutils", {}), (
        "execute the notebook with tools/execute_notebooks.py")


def test_checked_cells_have_outputs(notebook):
    _, nb = notebook
    checked = [c for c in code_cells(nb) if "# NBVAL_CHECK_OUTPUT" in source(c)]
    assert len(checked) >= 3
    for cell in checked:
        assert cell["outputs"], f"checked cell without stored output:\n{source(cell)[:200]}"


def test_executed_in_order_without_errors_or_noise(notebook):
    _, nb = notebook
    cells = [c for c in code_cells(nb) if source(c).strip()]
    counts = [c["execution_count"] for c in cells]
    assert None not in counts and counts == sorted(counts)
    for cell in cells:
        for out in cell["outputs"]:
            assert out["output_type"] != "error", source(cell)[:200]
            if out.get("name") == "stderr":
                assert not LOG_NOISE.search("".join(out["text"])), "".join(out["text"])[:300]


def test_no_machine_paths_and_short_cells(notebook):
    path, nb = notebook
    text = (ROOT / "notebooks" / path.name).read_text()
    assert not MACHINE_PATH.search(text), MACHINE_PATH.search(text).group(0)
    for cell in code_cells(nb):
        assert len(source(cell).splitlines()) <= 40, source(cell)[:200]


def test_exercises_are_registered(notebook):
    path, nb = notebook
    prefix = path.name[:2]
    text = "\n".join(source(c) for c in code_cells(nb))
    keys = set(re.findall(r"check\(\s*[\"'](\d\d\.[\w-]+)[\"']", text))
    assert len(keys) >= 3, "want at least three exercises checked with nbutils.check"
    assert all(k.startswith(prefix + ".") for k in keys)
    for key in keys:
        get_exercise(key)  # raises for an unknown key
    assert re.search(r"^## .*Exercises", "\n".join(source(c) for c in nb["cells"]), re.M)


def test_readme_table_lists_every_notebook():
    readme = (ROOT / "README.md").read_text()
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in readme, f"README does not list {path.name}"


def test_readme_tables_are_generated_from_the_notebooks():
    from tools import readme_table

    readme = (ROOT / "README.md").read_text()
    assert readme_table.render(readme) == readme, "run python tools/readme_table.py"


def test_slow_notebooks_say_how_long_they_take_and_how_to_use_a_gpu():
    from tools import readme_table

    assert not readme_table.stale_notes(), "run python tools/readme_table.py"
