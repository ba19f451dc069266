"""CUI checks (U-10, U-16).

- cui-designation-missing: a document that carries CUI without its designation indicator on
  the first page (a line matching the rule set's designation patterns, e.g. `Controlled by:`).
- cui-legacy-mixed: FOUO, SBU or LES (and their NOFORN forms) in a document that carries CUI.
"""

from __future__ import annotations

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
            "CUI document has no designation indicator on its first page (e.g. a 'Controlled by:' line)",
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


def _has_designation(ctx: CheckContext, policy) -> bool:
    for block in ctx.pages[0].page.blocks:
        for line in block.text.split("\n"):
            stripped = line.strip()
            if any(p.regex.search(stripped) for p in policy.designation_patterns):
                return True
    return False
