"""Portion checks (P-01, P-02, P-04, U-09, B-08).

- portion-missing: a block of a kind the rule set names (paragraphs, headings, subject lines,
  list items, table cells) with no portion mark, in a document where portions are required:
  `required: classified` (a classified document, or an unclassified one carrying controls,
  B-08), `marked` (any marked document), `all-or-none` (CUI, U-09: once one portion is marked,
  all are). Administrative elements (letterheads, header fields, greetings, closings,
  signature blocks, the authority block: the structure model, `marklint.layout`) are not
  portions; the message names the block's kind as the model sees it.
- portion-placement: a portion mark at the end of its block instead of its start.
"""

from __future__ import annotations

from marklint.checks.context import CheckContext
from marklint.findings import Finding
from marklint.layout import display_kind

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


def check(ctx: CheckContext) -> list[Finding]:
    """Unmarked portions and misplaced portion marks. A whole-text statement (`SECRET ENTIRE
    TEXT`, `ALL SECRET`; marklint.legacy_forms) stands for every portion's mark."""
    findings = []
    required = portions_required(ctx) and ctx.whole_text is None
    kinds = ctx.ruleset.portions.blocks
    for index, page in enumerate(ctx.pages):
        if required:
            unmarked = [block for block in page.unmarked if block.kind in kinds]
            roles = ctx.roles(index) if unmarked else {}
            for block in unmarked:
                role = roles[id(block)]
                if role.needs_mark:
                    findings.append(ctx.finding(
                        "portion-missing", (block.line, block.column), f"{role.kind} has no portion mark",
                        page.page.number,
                    ))
        if ctx.marked:
            for mark in page.misplaced:
                name = display_kind(mark.block, ctx.doc.format)
                findings.append(ctx.finding(
                    "portion-placement", mark,
                    f"portion mark {mark.text} is at the end of its {name}; put it at the start",
                    mark.page,
                ))
    return findings
