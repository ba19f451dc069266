"""Helpers of the seeded-defect tables (test_seeded_defects_more.py, test_seeded_defects_round3.py):
a correct document with one stated edit, linted under its folder's rule set."""

from __future__ import annotations

from pathlib import Path

from marklint.lint import Settings, lint_bytes

CORRECT = Path(__file__).parent / "fixtures" / "correct"


def seeded(document: str, old: str, new: str) -> tuple[Path, bytes]:
    """The correct document `document` (under tests/fixtures/correct) with `old`, found once, replaced by `new`."""
    path = CORRECT / document
    text = path.read_text()
    assert text.count(old) == 1
    return path, text.replace(old, new).encode()


def lint_seed(path: Path, data: bytes, rules: str, name: str | None = None) -> list[tuple[str, int, int]]:
    """(rule, line, column) of each finding in `data`, read as the file `name` (or `path`) under `rules`."""
    result = lint_bytes(name or str(path), data, Settings(rules=rules, use_config=False))
    assert result.error is None, result.error
    return [(f.rule, f.line, f.column) for f in result.findings]


def assert_found_once(document: str, old: str, new: str, expected: list) -> None:
    """The seed's findings are `expected` under its folder's rule set and, in an era's folder,
    under the rule set of its date (`--rules auto`) too."""
    path, data = seeded(document, old, new)
    assert lint_seed(path, data, path.parent.name) == expected
    if path.parent.name.startswith("us-eo"):
        assert lint_seed(path, data, "auto") == expected
