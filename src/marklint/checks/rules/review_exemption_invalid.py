import re

from marklint.checks.context import CheckContext
from marklint.checks.review import review_blocks
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK803", "review-exemption-invalid", ERROR, "a review block's 'Declassify on' names 25X without the exemption's number",
    why='A10, C-11: an exemption from automatic declassification is `25X1` to `25X9` (with a date or event); a bare `25X` names no exemption (32 CFR 2001.26(a)(1)-(3); ICMSRM16 §E.1 p.31, §E.6 p.34).',
    bad="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: 25X\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
    good="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: 25X1, 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
)

_EXEMPTION_RE = re.compile(r"\b25X(?P<digit>\d?)", re.IGNORECASE)


def check(ctx: CheckContext) -> list[Finding]:
    """Review blocks whose 'Declassify on' gives 25X without the exemption's number."""
    findings = []
    for facts, where, _ in ctx.fact(review_blocks):
        exemption = _EXEMPTION_RE.search(facts.get("declassify_on", ""))
        if exemption is not None and not exemption["digit"]:
            findings.append(ctx.finding(RULE, where,
                                        "review block 'Declassify on' gives 25X without its exemption number", None))
    return findings
