"""Marking-level checks: every banner and portion mark found is checked on its own with
`marklint.markings.check` (marking-syntax, marking-unknown-token, marking-order,
marking-form, marking-conflict, marking-duplicate, legacy-marking), and each problem is
reported at its exact column in the file. A cable-style banner (`S E C R E T`) is a
marking-form finding (S-01, S-04: a banner is written as words, not spaced letters), and so is
a portion mark whose only fault is its case (`(s)`: one finding for the mark, fixed to `(S)`)."""

from __future__ import annotations

from marklint.checks.context import CheckContext
from marklint.findings import Finding

_cache: dict[tuple[str, int, object], dict[str, list]] = {}


def _problems_of(form: str, vocab: object, era: object) -> dict[str, list]:
    """The memo of `marklint.markings.check` results (marking text -> problems) for one form,
    vocabulary and era: looked up once per form, so each mark costs one string-keyed lookup."""
    key = (form, id(vocab), era)
    table = _cache.get(key)
    if table is None:
        table = _cache[key] = {}
    return table


def _problems(text: str, form: str, vocab: object, era: object, table: dict[str, list]) -> list:
    problems = table.get(text)
    if problems is None:
        from marklint.markings import check

        problems = table[text] = check(text, form, vocab=vocab, era=era)
    return problems


def check(ctx: CheckContext) -> list[Finding]:
    """The problems of every banner and portion mark in the document."""
    findings = []
    vocab, date = ctx.vocab, ctx.date
    current = {form: _problems_of(form, vocab, None) for form in ("banner", "portion")}
    for page in ctx.pages:
        for mark in page.banners + page.portions + page.misplaced:
            # The document's date only matters for legacy tokens (an unparsed marking may hold some).
            marking = mark.marking
            if marking is None or marking.legacy:
                problems = _problems(mark.text, mark.form, vocab, date, _problems_of(mark.form, vocab, date))
            else:
                table = current[mark.form]
                problems = table.get(mark.text)  # the common case, inline: a valid mark seen before
                if problems is None:
                    problems = _problems(mark.text, mark.form, vocab, None, table)
            if not problems and not mark.cable:
                continue
            if wrong_case(mark, problems):
                findings.append(ctx.finding(
                    "marking-form", mark, f"portion mark {mark.text} is in the wrong case; write {mark.text.upper()}",
                    mark.page,
                ))
                continue
            if mark.cable:
                findings.append(ctx.finding(
                    "marking-form", mark,
                    f"banner written in spaced letters; write it as {mark.text}", mark.page,
                ))
            for problem in problems:
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


def wrong_case(mark, problems: list) -> bool:
    """Whether a portion mark's only problems are tokens in lower case (`(s)`, `(S//nf)`)."""
    return mark.form == "portion" and not mark.text.isupper() and bool(problems) and all(
        p.rule == "marking-form" and p.replacement is not None
        and p.replacement == mark.text[p.column - 1:p.end_column - 1].upper() for p in problems)
