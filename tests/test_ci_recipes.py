"""The CI recipes of docs/ci.md work as pasted: the workflows and the GitLab job are valid
against their schemas, every recipe installs marklint from MARKLINT_REPO at MARKLINT_REV (not
from a package index), and the pip requirement they use is one pip accepts."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from ci_schemas import validate
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]
PAGE = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
INSTALL = 'pip install "marklint[all] @ git+${MARKLINT_REPO}@${MARKLINT_REV}"'


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", PAGE, re.S)


def workflow(text: str) -> dict:
    """A workflow as GitHub reads it: PyYAML (YAML 1.1) reads the key `on` as True."""
    loaded = yaml.safe_load(text)
    if True in loaded:
        loaded["on"] = loaded.pop(True)
    return loaded


def test_the_page_has_the_recipes():
    assert len(blocks("yaml")) == 4  # pre-commit, the action, the workflow without it, GitLab
    assert len(blocks("sh")) == 1


def test_workflows_are_valid_github_workflows():
    workflows = [workflow(text) for text in blocks("yaml") if "runs-on:" in text]
    assert len(workflows) == 2
    for loaded in workflows:
        assert validate(loaded, "github-workflows") == []


def test_gitlab_job_is_valid_gitlab_ci():
    (job,) = [yaml.safe_load(text) for text in blocks("yaml") if "codequality" in text]
    assert validate(job, "gitlab-ci") == []
    assert job["marklint"]["variables"].keys() == {"MARKLINT_REPO", "MARKLINT_REV"}
    assert INSTALL in job["marklint"]["script"]


def test_recipes_install_from_the_repository_at_a_pinned_revision():
    assert "pip install \"marklint[all]\"" not in PAGE  # needs a package index marklint is not on
    plain = next(workflow(t) for t in blocks("yaml") if "MARKLINT_REV" in t and "runs-on:" in t)
    assert plain["env"].keys() == {"MARKLINT_REPO", "MARKLINT_REV"}
    assert INSTALL in [step.get("run") for step in plain["jobs"]["marklint"]["steps"]]
    (shell,) = blocks("sh")
    assert shell.splitlines()[0].startswith("MARKLINT_REPO=") and shell.splitlines()[1].startswith("MARKLINT_REV=")
    assert INSTALL in shell
    requirement = Requirement(re.search(r'"(.*)"', INSTALL).group(1).replace(
        "${MARKLINT_REPO}", "https://git.example.org/marklint.git").replace("${MARKLINT_REV}", "v0.1.0"))
    assert (requirement.name, requirement.extras, requirement.url) == (
        "marklint", {"all"}, "git+https://git.example.org/marklint.git@v0.1.0")


def test_pre_commit_recipe_names_both_hooks_of_the_manifest():
    config = yaml.safe_load(next(t for t in blocks("yaml") if t.startswith("repos:")))
    manifest = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in config["repos"][0]["hooks"]] == [hook["id"] for hook in reversed(manifest)]


def test_action_recipe_uses_the_documented_inputs():
    (with_action,) = [workflow(t) for t in blocks("yaml") if "OWNER/marklint@" in t]
    step = next(s for s in with_action["jobs"]["marklint"]["steps"] if s.get("uses", "").startswith("OWNER/marklint@"))
    inputs = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))["inputs"]
    assert set(step["with"]) <= set(inputs)
