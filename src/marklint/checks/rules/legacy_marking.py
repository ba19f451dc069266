from marklint.checks.authority import judged
from marklint.checks.context import CheckContext
from marklint.checks.marking_problems import problem_findings
from marklint.checks.rule import WARNING, RuleDoc
from marklint.findings import Finding
from marklint.fixes import marking_fix

RULE = RuleDoc(
    "MK007", "legacy-marking", WARNING, "a retired token or form",
    why="L-06, L-07, K-03: retired tokens and forms (WNINTEL and NOCONTRACT, eliminated in 1995; pre-2005 comma separators; bare HCS) are not used in new documents (DCID 1/7; ICMSRM16 §I Table 8 p.192-193). Older eras' forms are read the same way (docs/eras.md): cable letters `S E C R E T`, codewords and controls after the level without `//`, NO FOREIGN DISSEM, AIUO, whole-text statements, and authority lines such as CL BY, DRV, RVW, GDS, XGDS, E2 IMPDET and Group legends. The document's date decides: a token or form valid at that date is not reported; the message gives the modern form.",
    bad="SECRET//WNINTEL\n\nMarch 3, 2025\n\n(S//WN) The convoy leaves at dawn.\n\nSECRET//WNINTEL\n",
    good="SECRET\n\nMarch 3, 2025\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """Retired tokens (the marking problems of this kind), each legacy form of a mark that was
    no longer current on the document's date (`CheckContext.legacy_day` for an undated one),
    and authority lines in a retired form (`marklint.checks.authority`)."""
    findings = problem_findings(ctx, RULE)
    day = ctx.legacy_day()
    for page in ctx.pages:
        for mark in page.banners + page.portions + page.misplaced:
            for form in mark.legacy:
                if not form.current_on(day):
                    findings.append(ctx.finding(
                        RULE, mark,
                        f'"{form.written}" is a legacy form ({form.name.replace("-", " ")}, current until '
                        f"{form.until.isoformat()}); write {form.modern}", mark.page,
                    ))
    return findings + judged(ctx, RULE)


fix = marking_fix
