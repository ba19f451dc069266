"""Generic rules a security office defines in its rule set, without Python.

- `forbidden-token`: a pattern that must not appear in banners, portion marks or the text
  (its `scope`). The finding points at the match; the message is the rule's own, and the
  matched text is not quoted (in the text scope it may be document content).
- `required-line`: a line matching a pattern must exist when the rule's condition holds on
  the document's overall banner (`when: {contains: [NOFORN], min-level: SECRET}`; every given
  clause must hold). Without `when`, the line is required in every marked document. The
  finding points at the overall banner (or line 1, column 1).
- Either kind applies only to documents dated on or after `when: {dated-from: YYYY-MM-DD}`
  when it is given (an undated document is judged on the last day of the rule set's era, or
  today: `CheckContext.legacy_day`), and only to documents that carry no CUI marking with
  `when: {without-cui: true}` (a legacy marking beside CUI is cui-legacy-mixed's, U-16).

Findings carry the rule's `id` as their slug and its `code`; the rule set's `rules:` section
and the configuration can change their severity like any other rule's.
"""

from __future__ import annotations

from marklint.checks.context import carries_cui
from marklint.document import BlockKind
from marklint.levels import LEVEL_NAMES, LEVEL_RANKS
from marklint.findings import Finding

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.checks.context import CheckContext
    from marklint.markings import Marking
    from marklint.ruleset import Condition, GenericRule, RuleSet


def check_generic(ctx: CheckContext, ruleset: RuleSet) -> list[Finding]:
    """Findings of the rule set's generic rules on one document."""
    findings: list[Finding] = []
    for rule in ruleset.generic:
        if rule.when is not None and rule.when.dated_from is not None and ctx.legacy_day() < rule.when.dated_from:
            continue  # a document older than the rule (an undated one: the end of the set's era, or today)
        if rule.when is not None and rule.when.without_cui and any(carries_cui(m) for m in ctx.markings):
            continue
        if rule.type == "forbidden-token":
            findings.extend(_forbidden(ctx, rule))
        elif _applies(rule.when, ctx.overall_marking, ctx.marked) and not _has_line(ctx, rule):
            anchor = ctx.overall
            line, column, page = (anchor.line, anchor.column, anchor.page) if anchor else (1, 1, 1)
            findings.append(_finding(ctx, rule, line, column, column, page, None))
    return findings


def _finding(ctx: CheckContext, rule: GenericRule, line: int, column: int, end_column: int,
             page: int, marking: str | None) -> Finding:
    return Finding(path=ctx.doc.path, line=line, column=column, code=rule.code, rule=rule.id,
                   severity=rule.severity, message=rule.message, end_column=end_column, page=page,
                   marking=marking)


def _forbidden(ctx: CheckContext, rule: GenericRule) -> list[Finding]:
    found: dict[tuple[int, int], Finding] = {}
    marks = []
    for page in ctx.pages:
        if "banners" in rule.scope:
            marks.extend(page.banners)
        if "portions" in rule.scope:
            marks.extend(page.portions + page.misplaced)
    for mark in marks:
        match = rule.pattern.search(mark.text)
        if match:
            column = mark.column + match.start()
            found[(mark.line, column)] = _finding(ctx, rule, mark.line, column, mark.column + match.end(),
                                                  mark.page, mark.text)
    if "text" in rule.scope:
        for page, block in ctx.doc.blocks():
            if block.kind is BlockKind.COMMENT:
                continue
            offset = 0
            for text in block.text.split("\n"):
                match = rule.pattern.search(text)
                if match:
                    line, column = block.position_of(offset + match.start())
                    found.setdefault((line, column), _finding(ctx, rule, line, column,
                                                              column + match.end() - match.start(),
                                                              page.number, None))
                offset += len(text) + 1
    return list(found.values())


def _applies(when: Condition | None, overall: Marking | None, marked: bool) -> bool:
    if when is None:
        return marked
    if overall is None:
        return False
    if when.min_level is not None and overall.rank < LEVEL_RANKS[LEVEL_NAMES[when.min_level]]:
        return False
    if when.contains:
        controls = overall.controls()
        return any(token in controls or any(c.startswith(token + " ") for c in controls)
                   for token in when.contains)
    return True


def _has_line(ctx: CheckContext, rule: GenericRule) -> bool:
    return any(
        rule.pattern.search(text)
        for _, block in ctx.doc.blocks() if block.kind is not BlockKind.COMMENT
        for text in block.text.split("\n")
    )
