"""The pre-commit hook end to end, with the real pre-commit package.

A temporary project points its `.pre-commit-config.yaml` at this repository (its local path)
and its HEAD commit; pre-commit clones that commit. On a clean clone, as in CI, HEAD is the
working tree; uncommitted edits are not seen. pre-commit builds the hook's virtualenv with
`pip install .`; to keep that offline the test first builds a wheelhouse of marklint's build
and runtime dependencies and the hook's additional_dependencies (with pip's normal
configuration) and runs pre-commit with PIP_NO_INDEX=1 and PIP_FIND_LINKS=<wheelhouse>.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import docx
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]

needs_git_checkout = pytest.mark.skipif(
    shutil.which("git") is None or not (REPO / ".git").exists(),
    reason="needs git and a git checkout of marklint",
)

GIT_ENV = {
    "GIT_AUTHOR_NAME": "marklint test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "marklint test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
}

CLEAN = """\
SECRET

(U) This memorandum sets out the schedule for the review.

(S) The review covers the northern sites.

Classified By: J. Smith, Director
Derived From: Multiple Sources
Declassify On: 20501231

SECRET
"""

# The banner is lower than the SECRET portion it covers.
BAD = CLEAN.replace("SECRET\n", "CONFIDENTIAL\n")


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a command, failing the test with its output if it cannot start."""
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def git(cwd: Path, *args: str) -> str:
    result = run(["git", *args], cwd, {**os.environ, **GIT_ENV})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory) -> Path:
    """Wheels of everything `pip install .` of marklint needs, so the hook installs offline."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    requirements = (
        project["build-system"]["requires"] + project["project"]["dependencies"] + ["wheel"]
        + [dep for hook in hooks for dep in hook.get("additional_dependencies", [])]
    )
    target = tmp_path_factory.mktemp("wheelhouse")
    result = run([sys.executable, "-m", "pip", "wheel", "-q", "--retries", "0", "-w", str(target), *requirements], REPO)
    assert result.returncode == 0, result.stderr
    return target


def pre_commit(project: Path, home: Path, wheels: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "PIP_NO_INDEX": "1",
           "PIP_FIND_LINKS": str(wheels), "PRE_COMMIT_COLOR": "never"}
    env.pop("GITHUB_ACTIONS", None)  # keep marklint's text output
    return run([sys.executable, "-m", "pre_commit", "run", "--all-files"], project, env)


def write_docx(path: Path, text: str) -> None:
    """A Word draft with one paragraph per non-empty line of `text`."""
    document = docx.Document()
    for line in text.splitlines():
        if line:
            document.add_paragraph(line)
    document.save(str(path))


def test_manifest_hook_covers_every_format_marklint_reads():
    hook = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert (hook["id"], hook["entry"], hook["language"]) == (
        "marklint", "marklint --force-exclude --allow-empty", "python")
    assert "types" not in hook
    files = re.compile(hook["files"])
    for name in ("a.txt", "b/c.md", "d.markdown", "e.rst", "f.adoc", "g.html", "h.htm",
                 "i.docx", "j.pdf", "k.eml", "SHOUT.DOCX"):
        assert files.search(name), name
    for name in ("a.py", "b.doc", "c.txt.bak", "d.mdx", "e.yaml"):
        assert not files.search(name), name


@needs_git_checkout
def test_hook_fails_on_bad_drafts_and_passes_once_fixed(tmp_path, wheelhouse):
    rev = git(REPO, "rev-parse", "HEAD")
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: marklint\n",
        encoding="utf-8",
    )
    (project / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (project / "draft.txt").write_text(BAD, encoding="utf-8")
    write_docx(project / "draft.docx", BAD)
    (project / "notes.py").write_text("print('not a draft')\n", encoding="utf-8")
    git(project, "add", "-A")
    home = tmp_path / "pre-commit-home"

    failed = pre_commit(project, home, wheelhouse)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"^marklint\.+Failed$", failed.stdout, re.M), failed.stdout
    assert "draft.txt:1:1: MK104 [banner-under-classified] page 1 banner CONFIDENTIAL" in failed.stdout
    assert "draft.docx:1:1: MK104 [banner-under-classified] page 1 banner CONFIDENTIAL" in failed.stdout
    assert "clean.txt: 1 page, 0 errors, 0 warnings" in failed.stdout
    assert not re.search(r"^clean\.txt:\d", failed.stdout, re.M)
    assert "notes.py" not in failed.stdout

    (project / "draft.txt").write_text(CLEAN, encoding="utf-8")
    write_docx(project / "draft.docx", CLEAN)
    git(project, "add", "-A")
    passed = pre_commit(project, home, wheelhouse)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"^marklint\.+Passed$", passed.stdout, re.M), passed.stdout
