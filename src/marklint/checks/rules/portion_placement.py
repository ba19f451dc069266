from marklint.checks.context import CheckContext
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding
from marklint.layout import display_kind

RULE = RuleDoc(
    "MK302", "portion-placement", ERROR, "a portion mark that is not at the start of its block",
    why='P-02, P-04: a portion mark is placed immediately before the text it covers, not after it (32 CFR 2001.21(c), 2001.23(b)(4); ICMSRM16 §A.6 p.15, §C.1 p.25).',
    bad="SECRET\n\n(S) The convoy leaves at dawn.\n\nThe escort joins at noon. (U)\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\n(U) The escort joins at noon.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """Portion marks at the end of their block, in a marked document."""
    if not ctx.marked:
        return []
    return [ctx.finding(RULE, mark,
                        f"portion mark {mark.text} is at the end of its {display_kind(mark.block, ctx.doc.format)}; "
                        "put it at the start", mark.page)
            for page in ctx.pages for mark in page.misplaced]
