from marklint.checks.context import CheckContext, carries_cui, controls
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK502", "cui-legacy-mixed", ERROR, "FOUO, SBU or LES in a document that carries CUI",
    why='U-16: legacy markings such as FOUO, SBU and LES are not used in a document that contains CUI; reused legacy material is re-marked as CUI (CUIHB p.31-32, 32 CFR 2002.36; ISM22 ISM-ID-00486).',
    bad="CUI\n\nControlled by: Department of Good Works, Office of Payroll\n\n(CUI) Payroll records for March.\n\n(U//FOUO) Office phone list.\n\nCUI\n",
    good="CUI\n\nControlled by: Department of Good Works, Office of Payroll\n\n(CUI) Payroll records for March.\n\n(U) Office phone list.\n\nCUI\n",
)

LEGACY = frozenset({"FOUO", "SBU", "LES", "SBU NOFORN", "LES NOFORN", "SBU-NF", "LES-NF"})


def check(ctx: CheckContext) -> list[Finding]:
    """FOUO, SBU or LES (and their NOFORN forms) in the marks of a document that carries CUI; a
    mark that holds CUI itself (`CUI//SP-CTI//FOUO`) is the marking's own conflict (marking-conflict, U-16)."""
    if not any(carries_cui(marking) for marking in ctx.markings):
        return []
    # Legacy tokens are a property of the marking: ask each distinct one, then only their marks.
    legacy_of = {id(marking): sorted(LEGACY & controls(marking)) if not carries_cui(marking) else []
                 for marking in ctx.markings}
    if not any(legacy_of.values()):
        return []
    findings = []
    for page in ctx.pages:
        for mark in page.banners + page.portions + page.misplaced:
            legacy = legacy_of[id(mark.marking)] if mark.marking is not None else None
            if legacy:
                findings.append(ctx.finding(
                    RULE, mark, f"{'/'.join(legacy)} in {mark.text} is a legacy marking in a document that carries CUI",
                    mark.page,
                ))
    return findings
