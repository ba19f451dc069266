"""Marking-level checks: every banner and portion mark found is checked on its own with
`marklint.markings.check` (marking-syntax, marking-unknown-token, marking-order,
marking-form, marking-conflict, marking-duplicate, legacy-marking), and each problem is
reported at its exact column in the file. A marking written in an older era's form (a cable's
spaced letters `S E C R E T`, `TOP SECRET UMBRA`, `(U/AIUO)`, `NO FOREIGN DISSEM`; see
`marklint.legacy_forms`) is read as the modern marking it means: each form is accepted on a
document dated while it was current, and reported as legacy-marking, with its modern form,
on a later (or undated) document.
A portion mark whose only fault is its case (`(s)`) is one marking-form finding, fixed to `(S)`."""

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
            if mark.legacy:
                findings.extend(_legacy_forms(ctx, mark))
                continue
            # The document's date only matters for legacy tokens (an unparsed marking may hold some).
            marking = mark.marking
            if marking is None or marking.legacy:
                problems = _problems(mark.text, mark.form, vocab, date, _problems_of(mark.form, vocab, date))
            else:
                table = current[mark.form]
                problems = table.get(mark.text)  # the common case, inline: a valid mark seen before
                if problems is None:
                    problems = _problems(mark.text, mark.form, vocab, None, table)
            if not problems:
                continue
            if wrong_case(mark, problems):
                findings.append(ctx.finding(
                    "marking-form", mark, f"portion mark {mark.text} is in the wrong case; write {mark.text.upper()}",
                    mark.page,
                ))
                continue
            for problem in problems:
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


def _legacy_forms(ctx: CheckContext, mark) -> list[Finding]:
    """legacy-marking for each legacy form of a mark that was no longer current on the
    document's date (today's, for an undated document)."""
    import datetime

    day = ctx.date or datetime.date.today()
    found = []
    for form in mark.legacy:
        if form.current_on(day):
            continue
        finding = ctx.finding(
            "legacy-marking", mark,
            f'"{form.written}" is a legacy form ({form.name.replace("-", " ")}, current until '
            f"{form.until.isoformat()}); write {form.modern}", mark.page,
        )
        found.append(finding)
    return found
