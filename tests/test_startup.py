"""A fresh kernel with a clean environment starts every notebook without a log line,
and papermill can drive a notebook's parameters cell."""

import os
import re

import nbformat
import pytest
from nbclient import NotebookClient

from nbutils.results import results_of
from tests.project import NOTEBOOKS, ROOT, load_notebook, setup_cells, source

LOG_LINE = re.compile(r"(oneDNN|cuda|TF_CPP|rebuild TensorFlow|absl|I0000|W0000|E0000|"
                      r"tensorflow/|WARNING:)")
PAPERMILL_NOTEBOOK = ROOT / "notebooks" / "06_double_descent.ipynb"


def clean_environment(monkeypatch) -> None:
    for name in list(os.environ):
        if name.startswith(("TF_", "KERAS_", "NBUTILS_")):
            monkeypatch.delenv(name)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_set_up_cells_print_no_log_line_in_a_fresh_kernel(path, monkeypatch):
    clean_environment(monkeypatch)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = setup_cells(notebook)
    for cell in notebook.cells:
        cell.outputs = []
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    printed = "".join("".join(out.get("text", "")) for cell in notebook.cells
                      for out in cell.outputs)
    stderr = [out for cell in notebook.cells for out in cell.outputs
              if out.get("name") == "stderr"]
    assert not LOG_LINE.search(printed), printed
    assert not stderr, "".join("".join(out["text"]) for out in stderr)
    assert "mode: full" in printed  # no NBUTILS_FAST: the student's default


def test_papermill_switches_a_notebook_to_smoke_mode(tmp_path, monkeypatch):
    papermill = pytest.importorskip("papermill")
    data = os.environ.get("NBUTILS_DATA_DIR")
    clean_environment(monkeypatch)
    if data:
        monkeypatch.setenv("NBUTILS_DATA_DIR", data)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    out = tmp_path / "run.ipynb"
    papermill.execute_notebook(str(PAPERMILL_NOTEBOOK), str(out), parameters={"FAST": True},
                               cwd=str(PAPERMILL_NOTEBOOK.parent), progress_bar=False,
                               log_output=False)
    ran = load_notebook(out)
    results = results_of(ran)
    assert results and all(r.fast for r in results.values())
    printed = "".join("".join(o.get("text", "")) for c in ran["cells"]
                      for o in c.get("outputs", []) if "nbutils.setup(" in source(c))
    assert "mode: smoke" in printed
