"""The `marklint-fix` pre-commit hook: its manifest entry, and its exact command line run the way
pre-commit runs it (entry + the staged file names): it fails when it changed a file, so the
author reviews the change, and passes on the next run."""

import shlex
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
CAB = "Classified By: J. Smith, Director\nDerived From: Memo dated 20240101\nDeclassify On: 20491231\n"


def hooks():
    return {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def test_manifest_declares_the_fix_hook_like_the_lint_hook():
    manifest = hooks()
    fix, lint = manifest["marklint-fix"], manifest["marklint"]
    assert (fix["entry"], fix["language"]) == (
        "marklint --fix-only --exit-non-zero-on-fix --force-exclude --allow-empty", "python")
    assert fix["files"] == lint["files"]
    assert "types" not in fix


def test_hook_command_fails_when_it_fixes_then_passes(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("SECRET // NOFORN\n\n(S//NF) The convoy left at dawn.\n\n" + CAB + "\nSECRET//NOFORN\n")
    entry = shlex.split(hooks()["marklint-fix"]["entry"])
    command = [sys.executable, "-m", "marklint", *entry[1:], "draft.txt"]

    first = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert first.returncode == 1, first.stdout + first.stderr
    assert first.stdout.startswith('draft.txt:1:7: fixed MK001 [marking-syntax] replace " // " with "//"\n')
    assert draft.read_text().startswith("SECRET//NOFORN\n")

    second = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert (second.returncode, second.stderr) == (0, "")
    # --fix-only: what it fixed, not the findings left (the marklint hook reports those)
    assert second.stdout == "fixed 0 findings in 0 files\n"
