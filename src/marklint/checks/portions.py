"""Portion checks (P-01, P-02, P-04, U-09, B-08).

- portion-missing: a block of a kind the rule set names (paragraphs, headings, subject lines,
  list items, table cells) with no portion mark, in a document where portions are required:
  `required: classified` (a classified document, or an unclassified one carrying controls,
  B-08), `marked` (any marked document), `all-or-none` (CUI, U-09: once one portion is marked,
  all are). Administrative elements matched by the rule set's exempt patterns and
  authority-block lines are not portions.
- portion-placement: a portion mark at the end of its block instead of its start.
"""

from __future__ import annotations

from marklint.checks.context import CheckContext
from marklint.findings import Finding

_KIND_NAMES = {
    "paragraph": "paragraph",
    "heading": "heading",
    "subject": "subject line",
    "list-item": "list item",
    "table-cell": "table cell",
    "line": "line",
    "quote": "quotation",
}


def portions_required(ctx: CheckContext) -> bool:
    """Whether this document's portions must carry marks, under the rule set's policy."""
    required = ctx.ruleset.portions.required
    if required == "never":
        return False
    if required == "marked":
        return ctx.marked
    if required == "all-or-none":
        return any(page.portions for page in ctx.pages)
    return any(m.is_classified or (m.has_controls and m.level != "CUI") for m in ctx.markings)


def _first_line(text: str) -> str:
    """The text up to its first line break (without copying the rest of a long block)."""
    end = text.find("\n")
    return text if end < 0 else text[:end]


def check(ctx: CheckContext) -> list[Finding]:
    """Unmarked portions and misplaced portion marks. A whole-text statement (`SECRET ENTIRE
    TEXT`, `ALL SECRET`; marklint.legacy_forms) stands for every portion's mark."""
    findings = []
    required = portions_required(ctx) and ctx.whole_text is None
    kinds = ctx.ruleset.portions.blocks
    is_exempt = ctx.is_exempt
    for page in ctx.pages:
        if required:
            for block in page.unmarked:
                if block.kind in kinds and not is_exempt(_first_line(block.text)):
                    name = _KIND_NAMES.get(block.kind.value, block.kind.value)
                    findings.append(ctx.finding(
                        "portion-missing", (block.line, block.column), f"{name} has no portion mark",
                        page.page.number,
                    ))
        if ctx.marked:
            for mark in page.misplaced:
                name = _KIND_NAMES.get(mark.block.kind.value, mark.block.kind.value)
                findings.append(ctx.finding(
                    "portion-placement", mark,
                    f"portion mark {mark.text} is at the end of its {name}; put it at the start",
                    mark.page,
                ))
    return findings
