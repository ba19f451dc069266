from marklint.checks.context import CheckContext
from marklint.checks.review import review_blocks, us_date
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK802", "review-declassify-passed", ERROR, "a review block's 'Declassify on' date had already passed when the copy was released",
    why='D-03, A10: information classified (or reclassified) at review needs a declassification date still to come; a `Declassify on` date on or before the release date means the withheld text should already have been declassified (32 CFR 2001.13(b)(4), 2001.21(a)(4)). The release date is the release header\'s `Date:` (else the review date).',
    bad="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: 01/20/2014\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
    good="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """Review blocks whose 'Declassify on' date is on or before the release date (else the
    review date)."""
    findings = []
    for facts, where, released in ctx.fact(review_blocks):
        until = us_date(facts.get("declassify_on", ""))
        reference = released or us_date(facts.get("review_date"))
        if until is not None and reference is not None and until <= reference:
            what = "release" if released else "review"
            findings.append(ctx.finding(
                RULE, where,
                f"review block 'Declassify on' {until.isoformat()} had passed at the {what} date {reference.isoformat()}",
                None))
    return findings
