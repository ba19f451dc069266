from marklint.checks.context import CheckContext
from marklint.checks.review import review_blocks, us_date
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK801", "review-class-form", ERROR, "a sanitized copy's review block gives its class in a form that is not a valid marking",
    why='S-04, D-03: the review block of a sanitized copy records the level (and controls) at which withheld text was classified at review, and is itself a marking of EO 13526\'s time: categories are separated by `//` (ICMSRM16 §A.6 p.15-16; 32 CFR 2001.13(b)(4)). `CONFIDENTIAL/NOFORN` with one slash is a malformed marking. The block is checked under the rules of the review, not of the document\'s origin (see docs/archives.md).',
    bad="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL/NOFORN — Reason: 1.4(D) — Declassify on: 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
    good="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL//NOFORN — Reason: 1.4(D) — Declassify on: 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """Review blocks whose class is not a valid marking of the review's time."""
    findings = []
    for facts, where, _ in ctx.fact(review_blocks):
        level = facts.get("class")
        if not level:
            continue
        from marklint.markings import check as check_marking

        problems = check_marking(level, "banner", vocab=ctx.vocab, era=us_date(facts.get("review_date")))
        if problems:
            findings.append(ctx.finding(RULE, where, f"review block class {level}: {problems[0].message}", None))
    return findings
