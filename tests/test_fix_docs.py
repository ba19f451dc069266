"""The fix-mode page (docs/fixing.md) shows real runs: its example drafts, run through the commands it
names, give exactly the outputs, diffs and fixed files it shows."""

import re
from pathlib import Path

from cli_support import run_cli

FIX_PAGE = Path(__file__).resolve().parents[1] / "docs" / "fixing.md"


def fix_section() -> str:
    """The page "Fixing markings automatically"."""
    return FIX_PAGE.read_text(encoding="utf-8")


def run(argv):
    return run_cli(argv)


def test_examples_are_real(tmp_path, monkeypatch):
    blocks = re.findall(r"```(?:diff)?\n(.*?)```", fix_section(), re.S)
    memo = blocks[1]
    index = next(i for i, block in enumerate(blocks) if block.startswith("CONFIDENTIAL"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "memo.txt").write_text(memo)
    (tmp_path / "draft.txt").write_text(blocks[index])

    assert run(["memo.txt"]) == (1, blocks[2], "")
    assert run(["--diff", "--show-source", "memo.txt"]) == (1, blocks[3], blocks[4])
    assert run(["--fix", "memo.txt"]) == (0, blocks[5], "")
    assert (tmp_path / "memo.txt").read_text() == blocks[6]
    assert run(["--fix", "draft.txt"]) == (1, blocks[index + 1], "")
    assert run(["--diff", "--show-source", "--unsafe-fixes", "draft.txt"])[:2] == (1, blocks[index + 2])
    assert run(["--fix", "--unsafe-fixes", "draft.txt"]) == (1, blocks[index + 3], "")
