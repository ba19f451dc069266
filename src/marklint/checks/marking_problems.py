"""A fact-finder: the problems `marklint.markings.check` finds in every banner and portion mark
of the document (Problems the grammar layer tags with the rule they break: marking-syntax,
marking-unknown-token, marking-order, marking-form, marking-conflict, marking-duplicate,
legacy-marking, marking-unregistered, marking-advisory). Each marking rule's module reports the
problems of its kind, each at its exact column in the file. A marking written in an older era's
form (`marklint.legacy_forms`) is judged by legacy-marking instead; a portion mark whose only
fault is its case (`(s)`) is one marking-form finding, fixed to `(S)`."""

from collections.abc import Callable

from marklint.checks.context import CheckContext
from marklint.checks.rule import RuleDoc
from marklint.findings import Finding
from marklint.legacy_forms import current_legacy_banner
from marklint.recognize import Mark

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


class MarkingProblems:
    """The document's marking problems: (mark, Problem) pairs in document order, and the
    portion marks whose only fault is their case."""

    def __init__(self) -> None:
        self.problems: list[tuple[Mark, object]] = []
        self.wrong_case: list[Mark] = []


def marking_problems(ctx: CheckContext) -> MarkingProblems:
    """The problems of every banner and portion mark in the document (a fact)."""
    found = MarkingProblems()
    vocab, date = ctx.vocab, ctx.date
    current = {form: _problems_of(form, vocab, None) for form in ("banner", "portion")}
    for page in ctx.pages:
        for mark in page.banners + page.portions + page.misplaced:
            if mark.legacy:
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
            if not problems or (date is not None and mark.form == "banner" and current_legacy_banner(mark.text, date)):
                continue
            if wrong_case(mark, problems):
                found.wrong_case.append(mark)
                continue
            found.problems.extend((mark, problem) for problem in problems)
    return found


def wrong_case(mark, problems: list) -> bool:
    """Whether a portion mark's only problems are tokens in lower case (`(s)`, `(S//nf)`)."""
    return mark.form == "portion" and not mark.text.isupper() and bool(problems) and all(
        p.rule == "marking-form" and p.replacement is not None
        and p.replacement == mark.text[p.column - 1:p.end_column - 1].upper() for p in problems)


def problem_findings(ctx: CheckContext, rule: RuleDoc) -> list[Finding]:
    """The findings of one marking rule: the document's marking problems of its kind."""
    findings = []
    for mark, problem in ctx.fact(marking_problems).problems:
        if problem.rule == rule.slug:
            column = mark.column + problem.column - 1
            finding = ctx.finding(rule, (mark.line, column), problem.message, mark.page,
                                  mark.column + problem.end_column - 1)
            finding.marking = mark.text
            findings.append(finding)
    return findings


def problems_of_kind(rule: RuleDoc) -> Callable[[CheckContext], list[Finding]]:
    """The `check` of a marking rule that reports the marking problems of its kind."""
    return lambda ctx: problem_findings(ctx, rule)
