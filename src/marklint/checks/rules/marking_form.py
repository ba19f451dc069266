from marklint.checks.context import CheckContext
from marklint.checks.marking_problems import marking_problems, problem_findings
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding
from marklint.fixes import marking_fix

RULE = RuleDoc(
    "MK004", "marking-form", ERROR, "a token in the wrong form for a banner or a portion",
    fixable="safe",
    why='S-01, S-02, S-09, F-04: banners are upper case and spell the level out; portion marks use the abbreviated level and the authorized portion marks (ICMSRM16 §A.6 p.15, §D.1 p.27, §G Table 4; 32 CFR 2001.21(c)(1)). A banner in spaced letters (`S E C R E T`, cable style) is reported here too.',
    bad="SECRET//NOFORN\n\n(S//NOFORN) The convoy leaves at dawn.\n\nSECRET//NOFORN\n",
    good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """The document's marking-form problems, and each portion mark in the wrong case as one."""
    findings = problem_findings(ctx, RULE)
    for mark in ctx.fact(marking_problems).wrong_case:
        findings.append(ctx.finding(
            RULE, mark, f"portion mark {mark.text} is in the wrong case; write {mark.text.upper()}", mark.page))
    return findings


fix = marking_fix
