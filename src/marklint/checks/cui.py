"""CUI checks (U-10, U-16).

- cui-designation-missing: a document that carries CUI without a designation indicator that
  names the designating agency on its first page (U-10): a designation line (the rule set's
  designation patterns, e.g. `Controlled by:`), the letterhead, a `FROM:` line or the signature
  block, naming an agency (the rule set's `cui.agency-patterns`: `Department of ...`, `...
  Agency`, `Office of the Secretary`, DoD, ...). An office alone (`Chief, Licensing Branch`)
  does not name one.
- cui-legacy-mixed: FOUO, SBU or LES (and their NOFORN forms) in a document that carries CUI.
"""

from __future__ import annotations

import re

from marklint.checks.context import CheckContext, carries_cui, controls
from marklint.findings import Finding

LEGACY = frozenset({"FOUO", "SBU", "LES", "SBU NOFORN", "LES NOFORN", "SBU-NF", "LES-NF"})


def check(ctx: CheckContext) -> list[Finding]:
    """CUI designation indicator and legacy-marking mixing findings."""
    if not any(carries_cui(marking) for marking in ctx.markings):
        return []
    marks = [m for page in ctx.pages for m in page.banners + page.portions + page.misplaced]
    findings = []
    policy = ctx.ruleset.cui
    if policy.designation_required and ctx.pages and not _has_designation(ctx, policy):
        anchor = ctx.overall or next(m for m in marks if carries_cui(m.marking))
        findings.append(ctx.finding(
            "cui-designation-missing", anchor,
            "CUI document has no designation indicator naming the designating agency on its first page "
            "(a 'Controlled by:' line, letterhead or signature block naming the agency; an office alone does "
            "not) (U-10)",
            anchor.page,
        ))
    # Legacy tokens are a property of the marking: ask each distinct one, then only their marks.
    legacy_of = {id(marking): sorted(LEGACY & controls(marking)) for marking in ctx.markings}
    if not any(legacy_of.values()):
        return findings
    for mark in marks:
        if mark.marking is None:
            continue
        legacy = legacy_of[id(mark.marking)]
        if legacy:
            findings.append(ctx.finding(
                "cui-legacy-mixed", mark,
                f"{'/'.join(legacy)} in {mark.text} is a legacy marking in a document that carries CUI",
                mark.page,
            ))
    return findings


_AGENCY_ROLES = ("letterhead", "signature", "address")
_LABEL_RE = re.compile(r"^[A-Za-z /]{1,40}:\s*")  # `Designating Agency:` names no agency by itself


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
