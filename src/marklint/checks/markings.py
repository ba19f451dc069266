"""Marking-level checks: every banner and portion mark found is checked on its own with
`marklint.markings.check` (marking-syntax, marking-unknown-token, marking-order,
marking-form, marking-conflict, marking-duplicate, legacy-marking), and each problem is
reported at its exact column in the file. A cable-style banner (`S E C R E T`) is a
marking-form finding (S-01, S-04: a banner is written as words, not spaced letters)."""

from __future__ import annotations

from marklint.checks.context import CheckContext
from marklint.findings import Finding

_cache: dict[tuple[str, str, int, object], list] = {}


def _problems(text: str, form: str, vocab: object, era: object) -> list:
    key = (text, form, id(vocab), era)
    problems = _cache.get(key)
    if problems is None:
        from marklint.markings import check

        problems = _cache[key] = check(text, form, vocab=vocab, era=era)
    return problems


def check(ctx: CheckContext) -> list[Finding]:
    """The problems of every banner and portion mark in the document."""
    findings = []
    for page in ctx.pages:
        for mark in page.banners + page.portions + page.misplaced:
            if mark.cable:
                findings.append(ctx.finding(
                    "marking-form", mark,
                    f"banner written in spaced letters; write it as {mark.text}", mark.page,
                ))
            # The document's date only matters for legacy tokens (an unparsed marking may hold some).
            era = ctx.date if mark.marking is None or mark.marking.legacy else None
            for problem in _problems(mark.text, mark.form, ctx.vocab, era):
                if mark.cable:
                    column, end_column = mark.column, mark.end_column
                else:
                    column = mark.column + problem.column - 1
                    end_column = mark.column + problem.end_column - 1
                findings.append(ctx.finding(
                    problem.rule, (mark.line, column), problem.message, mark.page, end_column,
                ))
                findings[-1].marking = mark.text
    return findings
