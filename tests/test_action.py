"""action.yml, the composite GitHub Action: valid against the GitHub Actions schema, with the
inputs docs/ci.md documents, installing marklint from the action's own checkout, and passing
inputs to the shell only through environment variables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from ci_schemas import validate

REPO = Path(__file__).resolve().parents[1]


def action() -> dict:
    return yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))


def test_action_is_valid_against_the_github_actions_schema():
    assert validate(action(), "github-actions") == []


@pytest.mark.parametrize(("break_it", "where"), [
    (lambda a: a["runs"]["steps"][1].pop("shell"), "runs"),  # a composite run step must name its shell
    (lambda a: a["runs"].update(using="compsite"), "runs"),
    (lambda a: a["inputs"]["paths"].update(requried=True), "inputs/paths"),
    (lambda a: a.pop("description"), ""),
])
def test_the_schema_check_catches_a_broken_action(break_it, where):
    broken = action()
    break_it(broken)
    errors = validate(broken, "github-actions")
    assert len(errors) == 1 and errors[0].startswith(f"{where}: ")


def test_inputs_are_the_documented_ones():
    inputs = action()["inputs"]
    page = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    table = page[page.index("| input | default | meaning |"):]
    documented = re.findall(r"^\| `([a-z-]+)` \| ([^|]+) \|", table, re.M)
    assert [name for name, _ in documented] == list(inputs)
    for name, default in documented:
        expected = "" if default.strip() == "(none)" else default.strip().strip("`")
        assert inputs[name]["default"] == expected, name


def test_steps_install_from_the_action_checkout_and_keep_inputs_out_of_scripts():
    runs = action()["runs"]
    assert runs["using"] == "composite"
    steps = runs["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    install = steps[1]["run"]
    assert '"${GITHUB_ACTION_PATH}[${MARKLINT_EXTRAS}]"' in install and "pip install" in install
    for step in steps:
        assert "${{" not in step.get("run", ""), step  # inputs arrive as env, never spliced in
    assert steps[2]["run"] == "marklint $MARKLINT_ARGS $MARKLINT_PATHS"
    assert "--format sarif --exit-zero" in steps[3]["run"] and "sarif-file" in steps[3]["if"]
