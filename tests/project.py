"""Facts about the repository that several tests read: root, pyproject, notebooks."""

import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
REPO_URL = PYPROJECT["project"]["urls"]["Repository"]
REPO_SLUG = REPO_URL.removeprefix("https://github.com/")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def requirement_name(requirement: str) -> str:
    """'scikit-learn>=1.3; marker' -> 'scikit-learn'; tensorflow-cpu counts as tensorflow."""
    name = re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0].lower()
    return "tensorflow" if name == "tensorflow-cpu" else name


def load_notebook(path: Path) -> dict:
    return json.loads(path.read_text())


def source(cell: dict) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


START_CELL = (
    "# Start-up, the same in every notebook: importing nbutils first sets TensorFlow's\n"
    "# switches and loads it quietly, before any other import can.\n"
    "import nbutils"
)
"""The second code cell of every notebook, word for word."""


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def setup_cells(nb: dict) -> list[dict]:
    """The code cells up to and including the one that calls ``nbutils.setup``."""
    cells = code_cells(nb)
    last = next(i for i, c in enumerate(cells) if "nbutils.setup(" in source(c))
    return cells[: last + 1]


def install_cell() -> str:
    """The one install cell every notebook carries (built from the repository URL)."""
    return (
        "# Colab: install the course helpers (nbutils) if they are missing; "
        "locally this does nothing.\n"
        "import importlib.util\n"
        "import subprocess\n"
        "import sys\n"
        "\n"
        'if importlib.util.find_spec("nbutils") is None:\n'
        '    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",\n'
        f'                    "git+{REPO_URL}"], check=True)'
    )
