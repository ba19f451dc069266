"""Helpers of the per-rule tests: lint a small document and keep one rule's findings, or apply
that rule's fixes."""

import sys
from pathlib import Path

from marklint.checks.registry import by_key
from marklint.fix import allowed, apply_fixes
from marklint.lint import Settings, lint_document
from marklint.readers import read_document


def findings(text: str | bytes, rule: str, fmt: str = "text", path: str = "example", rules: str | None = None) -> list:
    """The unsuppressed findings of `rule` in a document, with the default settings (or the
    rule set `rules`)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    doc = read_document(path, data, fmt)
    return [f for f in lint_document(doc, Settings(use_config=False, rules=rules)).findings
            if f.rule == rule and f.suppression is None]


def found(text: str | bytes, rule: str, fmt: str = "text", path: str = "example", rules: str | None = None) -> list[tuple]:
    """(rule, line, column, message) of each finding of `rule` in a document."""
    return [(f.rule, f.line, f.column, f.message) for f in findings(text, rule, fmt, path, rules)]


def fixed(text: str, rule: str) -> str:
    """The document after one pass of `rule`'s fixes (unsafe ones too when the rule's are)."""
    unsafe = not by_key(rule).fixable.startswith("safe")
    fixes = [f.fix for f in findings(text, rule) if allowed(f.fix, unsafe)]
    return apply_fixes(text, fixes)[0]


# The builders of Word, PDF and e-mail files live with the reader tests.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "readers"))

CAB = ["Classified By: J. Smith, Director", "Derived From: Multiple Sources", "Declassify On: 20501231"]
