"""Build the README's notebook and results tables from the committed notebooks, and the
run-time note at the top of each slow notebook.

    python tools/readme_table.py           # rewrite the README tables and the notes
    python tools/readme_table.py --check   # exit 1 when either is not up to date

Nothing in the tables is typed: wall times come from each notebook's metadata (written
by tools/execute_notebooks.py), results from its ``nbutils.record`` outputs, and the
spread over seeds from ``results/<notebook>.json`` (tools/seed_sweep.py). A sweep made
with other code than the committed notebook's is shown as out of date.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from nbutils.results import Result, results_of  # noqa: E402
from tools.nbrun import ROOT, code_hash, load  # noqa: E402

README = ROOT / "README.md"
MARKERS = {"notebook-table": "notebooks_table", "results-table": "results_table",
           "benchmark": "benchmark_table"}
SLOW_SECONDS = 120  # a notebook slower than this on a CPU says so at its top
RUN_TIME = re.compile(r"\n*<!-- run-time -->.*?<!-- /run-time -->", re.S)


def repository_url() -> str:
    text = (ROOT / "pyproject.toml").read_text()
    return re.search(r'^Repository = "(.+)"', text, re.M).group(1)


def notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def title(notebook: dict) -> str:
    first = "".join(notebook["cells"][0]["source"]).splitlines()[0]
    return re.sub(r"^#\s*\d+\s*[·.:-]?\s*", "", first).strip()


def sweep_of(path: Path, notebook: dict) -> dict | None:
    file = ROOT / "results" / f"{path.stem}.json"
    if not file.exists():
        return None
    sweep = json.loads(file.read_text())
    sweep["current"] = sweep.get("code") == code_hash(notebook)
    return sweep


def median_seconds(notebook: dict, sweep: dict | None) -> str:
    seconds = notebook["metadata"].get("nbutils", {}).get("full_mode_seconds")
    if seconds is None:
        return "not measured"
    if sweep and sweep["current"] and len(sweep["runs"]) > 1:
        runs = [run["seconds"] for run in sweep["runs"]]
        return f"{seconds} s (median {statistics.median(runs):.0f} s over {len(runs)} runs)"
    return f"{seconds} s"


def notebooks_table() -> str:
    slug = repository_url().removeprefix("https://github.com/")
    badge = "https://colab.research.google.com/assets/colab-badge.svg"
    rows = ["| # | notebook | open | full-mode CPU time |", "|---|---|---|---|"]
    for path in notebooks():
        notebook = load(path)
        colab = f"https://colab.research.google.com/github/{slug}/blob/main/notebooks/{path.name}"
        rows.append(f"| {path.name[:2]} | [{title(notebook)}](notebooks/{path.name}) | "
                    f"[![Open In Colab]({badge})]({colab}) | "
                    f"{median_seconds(notebook, sweep_of(path, notebook))} |")
    return "\n".join(rows)


def spread(result: Result, values: list[float]) -> tuple[str, str]:
    """'mean ± sd' and the worst value, in the result's format."""
    worst = min(values) if result.higher_is_better else max(values)
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    sd_format = result.fmt.replace("+", "")  # a spread has no sign, even where the value has one
    return (f"{result.show(statistics.mean(values))} ± {format(sd, sd_format)}",
            result.show(worst))


def results_table() -> str:
    rows = ["| # | result | committed | over seeds: mean ± sd | worst seed | seeds | target "
            "| reference |", "|---|---|---|---|---|---|---|---|"]
    for path in notebooks():
        notebook = load(path)
        sweep = sweep_of(path, notebook)
        for key, result in results_of(notebook).items():
            values = [run["results"][key] for run in (sweep or {}).get("runs", [])
                      if key in run["results"]]
            if sweep and not sweep["current"]:
                mean, worst, n = "sweep out of date", "", ""
            elif values:
                (mean, worst), n = spread(result, values), str(len(values))
            else:
                mean, worst, n = "not yet swept", "", ""
            side = "≥" if result.higher_is_better else "≤"
            target = f"{side} {result.show(result.target)}" if result.target is not None else ""
            reference = (f"{result.show(result.reference)} ({result.source})"
                         if result.reference is not None else "")
            label = result.label.replace("|", "\\|")  # a bar inside a cell ends the cell
            rows.append(f"| {path.name[:2]} | {label} | {result.show()} | {mean} | "
                        f"{worst} | {n} | {target} | {reference} |")
    return "\n".join(rows)


def benchmark_table() -> str:
    """Notebook 04's MNIST CNN against the keras-io convnet, from tools/bench_mnist_cnn.py."""
    from tools import bench_mnist_cnn

    if not bench_mnist_cnn.RESULT.exists():
        return "Not yet run: `python tools/bench_mnist_cnn.py`."
    bench = json.loads(bench_mnist_cnn.RESULT.read_text())
    if bench["code"] != bench_mnist_cnn.benchmark_hash():
        return ("Out of date (notebook 04's network or its training settings changed): "
                "rerun `python tools/bench_mnist_cnn.py`.")
    names = {"keras_io": "keras-io simple MNIST convnet", "ours": "notebook 04 MNIST CNN"}
    rows = ["| network | epochs | training time | test accuracy |", "|---|---|---|---|"]
    rows += [f"| {label} | {bench['epochs'][key]} | {bench['seconds'][key]:.0f} s | "
             f"{bench['accuracy'][key]:.2%} |" for key, label in names.items()]
    return "\n".join(rows) + (
        f"\n\nTime ratio (ours / keras-io): **{bench['ratio']:.2f}**, measured on "
        f"{bench['date']} on {bench['machine']}, seed {bench['seed']}, the two trained "
        "epoch by epoch in turn.")


def run_time_note(notebook: dict) -> str:
    """The title cell's note on how long the notebook takes, or '' for a quick one."""
    seconds = notebook["metadata"].get("nbutils", {}).get("full_mode_seconds", 0)
    if seconds <= SLOW_SECONDS:
        return ""
    return ("<!-- run-time -->\n**Run time.** In full mode this notebook took about "
            f"{round(seconds / 60)} minutes on a 2-core CPU when its outputs were made (a GPU "
            "time has not been measured yet). On Colab a GPU runtime is much faster: "
            "*Runtime → Change runtime type → T4 GPU*, then *Runtime → Run all*. "
            "`FAST = True` in the parameters cell runs a quick, smaller version."
            "\n<!-- /run-time -->")


def with_run_time_note(notebook: dict) -> str:
    """The notebook's title cell text with its run-time note brought up to date."""
    title = "".join(notebook["cells"][0]["source"])
    note = run_time_note(notebook)
    return RUN_TIME.sub("", title).rstrip("\n") + ("\n\n" + note if note else "")


def stale_notes() -> list[Path]:
    """The notebooks whose title cell does not carry its up-to-date run-time note."""
    return [path for path in notebooks()
            if "".join(load(path)["cells"][0]["source"]) != with_run_time_note(load(path))]


def write_notes() -> None:
    import nbformat

    for path in stale_notes():
        notebook = nbformat.read(path, as_version=4)
        notebook.cells[0].source = with_run_time_note(load(path))
        nbformat.write(notebook, path)


def render(readme: str) -> str:
    """``readme`` with every generated table replaced by a freshly built one."""
    for marker, builder in MARKERS.items():
        pattern = re.compile(rf"(<!-- {marker} -->\n)(?:.*?\n)?(<!-- /{marker} -->)", re.S)
        if not pattern.search(readme):
            raise ValueError(f"README.md has no <!-- {marker} --> ... <!-- /{marker} --> block")
        table = globals()[builder]()
        readme = pattern.sub(lambda m, t=table: m.group(1) + t + "\n" + m.group(2), readme)
    return readme


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    text = README.read_text()
    fresh = render(text)
    if args.check:
        stale = [p.name for p in stale_notes()] + (["README.md"] if fresh != text else [])
        if stale:
            print(f"out of date: {', '.join(stale)}: run python tools/readme_table.py")
        return 1 if stale else 0
    write_notes()
    README.write_text(render(text))  # the titles feed the table: render after the notes
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
