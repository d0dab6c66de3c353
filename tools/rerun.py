"""Re-execute notebooks in full mode in a fresh kernel and compare their recorded results
with the committed ones (each within its stated tolerance); the files are left as they are.

    python tools/rerun.py notebooks/01_activations.ipynb [...]

Exit status 1 when any result moved by more than its tolerance.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from nbutils.results import results_of  # noqa: E402
from tools.nbrun import execute, load  # noqa: E402


def compare(path: Path, timeout: int) -> bool:
    """Rerun one notebook, print each result old and new; True when all reproduce."""
    committed = results_of(load(path))
    notebook, seconds = execute(path, timeout=timeout)
    rerun = results_of(notebook)
    print(f"{path.name}: rerun in {seconds:.0f} s")
    same = True
    for key, old in committed.items():
        new = rerun.get(key)
        ok = new is not None and abs(new.value - old.value) <= old.tolerance
        same = same and ok
        shown = new.show() if new else "missing"
        print(f"  {'same' if ok else 'MOVED'}  {old.label}: committed {old.show()}, rerun "
              f"{shown} (tolerance {old.tolerance:g})")
    return same


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    args = parser.parse_args(argv)
    results = [compare(path, args.timeout) for path in args.notebooks]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
