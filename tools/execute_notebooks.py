"""Execute notebooks top to bottom in a fresh kernel and report the wall time of each.

    python tools/execute_notebooks.py notebooks/01_activations.ipynb [...]
        full mode, outputs written back into the notebook (what is committed), with the
        wall time, the machine and the package versions in its metadata
    python tools/execute_notebooks.py --fast notebooks/*.ipynb
        smoke mode (NBUTILS_FAST=1) on a copy; the notebook file is left as it is

The kernel gets a clean environment: no TF_*, KERAS_* or NBUTILS_* variable except
KERAS_HOME and NBUTILS_DATA_DIR (set the latter first on a machine without internet).
No per-cell timestamps are stored.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.nbrun import execute, machine, versions  # noqa: E402


def run(path: Path, fast: bool, timeout: int, backend: str | None = None) -> float:
    """Run one notebook; in full mode save it with its outputs; return the wall seconds."""
    notebook, seconds = execute(path, fast=fast, timeout=timeout, backend=backend)
    if not fast:
        notebook.metadata["nbutils"] = {"full_mode_seconds": round(seconds),
                                        "machine": machine(), "versions": versions()}
        nbformat.write(notebook, path)
    return seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--fast", action="store_true", help="smoke mode, do not save outputs")
    parser.add_argument("--backend", help="Keras backend for the kernel (smoke mode only)")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    args = parser.parse_args(argv)
    if args.backend and not args.fast:
        parser.error("committed outputs come from the TensorFlow backend: "
                     "use --backend with --fast")
    for path in args.notebooks:
        seconds = run(path, args.fast, args.timeout, args.backend)
        mode = "smoke" if args.fast else "full"
        print(f"{path.name}: {mode} mode, {seconds:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
