"""pyproject.toml, environment.yml, constraints.txt, README and CI agree."""

import re

import yaml
from packaging.requirements import Requirement

from tests.project import PYPROJECT, ROOT, requirement_name


def runtime_names() -> set[str]:
    project = PYPROJECT["project"]
    names = {requirement_name(r) for r in project["dependencies"]}
    return names | {requirement_name(r) for r in project["optional-dependencies"]["tensorflow"]}


def environment_names() -> tuple[set[str], list]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {requirement_name(d) for d in env["dependencies"] if isinstance(d, str)}
    pip = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    return conda - {"python", "pip"}, pip


def test_environment_yml_and_pyproject_list_the_same_packages():
    conda, _ = environment_names()
    dev = {requirement_name(r) for r in PYPROJECT["project"]["optional-dependencies"]["dev"]}
    assert runtime_names() <= conda, f"missing from environment.yml: {runtime_names() - conda}"
    assert conda <= runtime_names() | dev, f"not in pyproject: {conda - runtime_names() - dev}"


def test_environment_yml_installs_nbutils():
    _, pip = environment_names()
    assert ["-e ."] in pip


def test_lower_bounds_agree():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {requirement_name(d): d for d in env["dependencies"] if isinstance(d, str)}
    project = PYPROJECT["project"]
    for requirement in project["dependencies"] + project["optional-dependencies"]["tensorflow"]:
        bound = re.search(r">=\s*([\d.]+)", requirement).group(1)
        assert f">={bound}" in conda[requirement_name(requirement)], requirement


def test_constraints_pin_every_dependency():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[name.strip().lower().replace("_", "-")] = version
    project = PYPROJECT["project"]
    wanted = project["dependencies"] + sum(project["optional-dependencies"].values(), [])
    for requirement in map(Requirement, wanted):
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue  # e.g. the macOS/ARM build of TensorFlow on a Linux x86 machine
        assert requirement.name.lower() in pins, f"{requirement.name} is not in constraints.txt"


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"<!-- test-command -->\s*```bash\n(.+?)\n```", readme, re.S)
    assert block, "README must hold the test command in a bash block after <!-- test-command -->"
    return block.group(1).strip()


def test_ci_runs_the_readme_test_command():
    command = readme_test_command()
    assert command in (ROOT / ".ci" / "run").read_text()
    assert "pytest" in command and "constraints.txt" in command
    assert "ci/colab-pins.txt" in (ROOT / ".ci" / "run").read_text()
    assert "KERAS_BACKEND=jax" in (ROOT / ".ci" / "run").read_text()


def pins(path) -> dict[str, str]:
    found = {}
    for line in (ROOT / path).read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            found[requirement_name(name).replace("_", "-")] = version.strip()
    return found


def test_every_lower_bound_is_a_version_some_lane_installs():
    """A claim such as keras>=3.13.2 holds only if some CI lane runs that version."""
    lanes = [pins("constraints.txt"), pins("ci/colab-pins.txt"), pins("ci/colab-test-tools.txt")]
    project = PYPROJECT["project"]
    wanted = project["dependencies"] + sum(project["optional-dependencies"].values(), [])
    for requirement in map(Requirement, wanted):
        bounds = [s.version for s in requirement.specifier if s.operator == ">="]
        assert bounds, f"{requirement} has no lower bound"
        name = requirement_name(requirement.name)  # the CPU build counts as tensorflow
        assert any(lane.get(name) == bounds[0] for lane in lanes), (
            f"{requirement}: no CI lane installs {name}=={bounds[0]}")


def test_colab_pins_name_their_source_and_date():
    header = (ROOT / "ci" / "colab-pins.txt").read_text().splitlines()[0]
    assert "googlecolab/backend-info" in header and re.search(r"\d{4}-\d\d-\d\d", header)
    colab = pins("ci/colab-pins.txt")
    lowest = {requirement_name(r): re.search(r">=\s*([\d.]+)", r).group(1)
              for r in PYPROJECT["project"]["dependencies"]}
    for name, version in colab.items():
        if name in lowest:
            assert lowest[name] == version, f"{name}: pyproject's lower bound is not Colab's"
