import re

from marklint.checks.context import CheckContext, carries_cui
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK501", "cui-designation-missing", ERROR, "a CUI document whose first page names no designating agency",
    why="U-10: the first page of a CUI document identifies the designating agency (a letterhead, signature block or `Controlled by:` line) (CUIHB p.13, 32 CFR 2002.20(a); ISM22 ISM-ID-00497..00500). An office alone (`Chief, Licensing Branch`) does not identify it: the line must name an agency, per the rule set's `cui.agency-patterns` (docs/structure.md).",
    bad="CUI\n\n(CUI) Payroll records for March.\n\nCUI\n",
    good="CUI\n\nControlled by: Department of Good Works, Office of Payroll\n\n(CUI) Payroll records for March.\n\nCUI\n",
)

_AGENCY_ROLES = ("letterhead", "signature", "address")
_LABEL_RE = re.compile(r"^[A-Za-z /]{1,40}:\s*")  # `Designating Agency:` names no agency by itself


def check(ctx: CheckContext) -> list[Finding]:
    """A document that carries CUI with no designation indicator naming the designating agency
    on its first page: a designation line (the rule set's designation patterns, `Controlled
    by:`), the letterhead, a `FROM:` line or the signature block, naming an agency (the rule
    set's `cui.agency-patterns`). An office alone (`Chief, Licensing Branch`) names none."""
    policy = ctx.ruleset.cui
    if not policy.designation_required or not ctx.pages or not any(carries_cui(m) for m in ctx.markings):
        return []
    if _has_designation(ctx, policy):
        return []
    anchor = ctx.overall or next(m for page in ctx.pages for m in page.banners + page.portions + page.misplaced
                                 if carries_cui(m.marking))
    return [ctx.finding(
        RULE, anchor,
        "CUI document has no designation indicator naming the designating agency on its first page "
        "(a 'Controlled by:' line, letterhead or signature block naming the agency; an office alone does "
        "not) (U-10)",
        anchor.page,
    )]


def _has_designation(ctx: CheckContext, policy) -> bool:
    """Whether a designation line, the letterhead, a FROM: line or the signature block of the
    first page names an agency."""
    first = ctx.pages[0]
    roles = ctx.roles(0)
    for block in first.page.blocks:
        role = roles.get(id(block))
        by_role = role is not None and role.kind in _AGENCY_ROLES
        for line in block.text.split("\n"):
            stripped = line.strip()
            designation = by_role or stripped.upper().startswith("FROM:") or any(
                p.regex.search(stripped) for p in policy.designation_patterns)
            if designation and policy.names_agency(_LABEL_RE.sub("", stripped)):
                return True
    return False
