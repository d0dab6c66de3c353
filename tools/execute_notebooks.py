"""Execute notebooks top to bottom and report the wall time of each.

    python tools/execute_notebooks.py notebooks/01_activations.ipynb [...]
        full mode, outputs written back into the notebook (what is committed)
    python tools/execute_notebooks.py --fast notebooks/*.ipynb
        smoke mode (NBUTILS_FAST=1) on a copy; the notebook file is left as it is

Set NBUTILS_DATA_DIR first on a machine without internet access.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path, fast: bool, timeout: int) -> float:
    """Run one notebook in its own folder; return the wall time in seconds."""
    notebook = nbformat.read(path, as_version=4)
    os.environ["NBUTILS_FAST"] = "1" if fast else "0"
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    if not fast:
        nbformat.write(notebook, path)
    return seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--fast", action="store_true", help="smoke mode, do not save outputs")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    args = parser.parse_args(argv)
    for path in args.notebooks:
        seconds = execute(path, args.fast, args.timeout)
        mode = "smoke" if args.fast else "full"
        print(f"{path.name}: {mode} mode, {seconds:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
