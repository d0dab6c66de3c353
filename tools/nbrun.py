"""Run a notebook in a fresh kernel, as a student would, and read back what it recorded."""

from __future__ import annotations

import ast
import contextlib
import hashlib
import json
import os
import platform
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["tensorflow-cpu", "tensorflow", "keras", "jax", "numpy", "pandas", "scikit-learn",
            "scipy", "matplotlib"]
KEPT = {"KERAS_HOME", "NBUTILS_DATA_DIR"}  # where data lives, not how the run behaves


@contextlib.contextmanager
def clean_environment(fast: bool, backend: str | None = None) -> Iterator[None]:
    """The kernel's environment: no TF_*, KERAS_* or NBUTILS_* setting but the data folders,
    and no MPLBACKEND (a non-interactive backend there would keep figures out of the notebook)."""
    saved = dict(os.environ)
    for name in list(os.environ):
        if name.startswith(("TF_", "KERAS_", "NBUTILS_")) and name not in KEPT:
            del os.environ[name]
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend stores the figures
    if fast:
        os.environ["NBUTILS_FAST"] = "1"
    if backend:
        os.environ["KERAS_BACKEND"] = backend
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def parameters_index(notebook) -> int:
    """Index of the cell tagged ``parameters``; raises if there is not exactly one."""
    tagged = [i for i, cell in enumerate(notebook.cells)
              if "parameters" in cell.get("metadata", {}).get("tags", [])]
    if len(tagged) != 1:
        raise ValueError(f"want one cell tagged 'parameters', found {len(tagged)}")
    return tagged[0]


def inject(notebook, parameters: dict) -> None:
    """Add a cell after the parameters cell that sets ``parameters`` (as papermill does)."""
    if parameters:
        lines = [f"{name} = {value!r}" for name, value in parameters.items()]
        cell = nbformat.v4.new_code_cell("# Injected parameters\n" + "\n".join(lines))
        cell.metadata["tags"] = ["injected-parameters"]
        notebook.cells.insert(parameters_index(notebook) + 1, cell)


def strip_timing(notebook) -> None:
    """Remove per-cell execution timestamps, so a rerun's diff shows only real changes."""
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)


def execute(path: Path, fast: bool = False, parameters: dict | None = None,
            timeout: int = 1800, backend: str | None = None, allow_errors: bool = False):
    """Execute a copy of the notebook in a fresh kernel; return (notebook, wall seconds).

    With ``allow_errors`` a failing cell (a missed target, say) does not stop the run, so
    the results recorded up to it can still be read; :func:`errors` lists what failed.
    """
    notebook = nbformat.read(path, as_version=4)
    inject(notebook, parameters or {})
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            record_timing=False, allow_errors=allow_errors,
                            resources={"metadata": {"path": str(Path(path).parent)}})
    with clean_environment(fast, backend):
        start = time.perf_counter()
        client.execute()
        seconds = time.perf_counter() - start
    strip_timing(notebook)
    return notebook, seconds


def errors(notebook) -> list[str]:
    """'Name: message' of each error a run of the notebook raised, in cell order."""
    return [f"{out['ename']}: {out['evalue']}" for cell in notebook["cells"]
            for out in cell.get("outputs", []) if out.get("output_type") == "error"]


class _FullMode(ast.NodeTransformer):
    """Replace every ``a if FAST else b`` by ``b``: what full mode runs."""

    def visit_IfExp(self, node: ast.IfExp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.test, ast.Name) and node.test.id == "FAST":
            return node.orelse
        return node


def full_mode_source(text: str) -> str:
    """The code that full mode runs: smoke-mode values and comments left out.

    A cell that is not plain Python (a magic, say) is returned as it is.
    """
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text
    return ast.unparse(_FullMode().visit(tree))


def code_hash(notebook) -> str:
    """A short hash of the code that a full-mode rerun or a sweep of the notebook runs.

    Comments and the smoke-mode values (``a`` in ``a if FAST else b``) are left out, so
    that a change to smoke mode alone keeps a sweep current. The first code cell, the
    Colab install cell, is left out too: it does nothing where nbutils is installed, and
    a test checks it word for word.
    """
    digest = hashlib.sha256()
    for cell in [c for c in notebook["cells"] if c["cell_type"] == "code"][1:]:
        text = cell["source"]
        digest.update(full_mode_source("".join(text) if isinstance(text, list) else text)
                      .encode())
    return digest.hexdigest()[:12]


def machine() -> str:
    """The processor and core count, e.g. 'x86_64, 2 cores (Intel Xeon ...)'."""
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{platform.machine()}, {cores} cores" + (f" ({model})" if model else "")


def versions() -> dict[str, str]:
    """Installed versions of the packages that decide the numbers."""
    found = {"python": platform.python_version()}
    for name in PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            found[name] = metadata.version(name)
    return found


def load(path: Path) -> dict:
    return json.loads(Path(path).read_text())
