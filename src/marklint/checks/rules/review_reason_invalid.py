import re

from marklint.checks.context import CheckContext
from marklint.checks.review import review_blocks
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK804", "review-reason-invalid", ERROR, "a review block's Reason is not a classification category 1.4(a)-(h)",
    why='C-03, A9: the Reason of a classification decision is `1.4` with one of the letters a to h (32 CFR 2001.21(a)(3)); a FOIA exemption such as `B3 CIA PERS/ORG` or `B6` belongs to the release stamp, not to the Reason.',
    bad="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(B), B3 CIA PERS/ORG — Declassify on: 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
    good="UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n\nRELEASE IN PART\nB1,1.4(D)\n\nClassified by DAS, A/GIS, DoS on 08/31/2015 — Class: CONFIDENTIAL — Reason: 1.4(D) — Declassify on: 01/20/2036\n\nFrom: Sullivan, Jacob J\nSent: Friday, January 21, 2011 7:49 PM\nSubject: Talks\n\nThe talks went well.\n\nUNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n",
)

_REASON_RE = re.compile(r"1\.4\s?\([a-h]\)", re.IGNORECASE)
_REASON_SPLIT_RE = re.compile(r"\s*,\s*")


def check(ctx: CheckContext) -> list[Finding]:
    """Review blocks whose Reason names something other than a category 1.4(a)-(h)."""
    findings = []
    for facts, where, _ in ctx.fact(review_blocks):
        reason = facts.get("reason")
        invalid = [part for part in _REASON_SPLIT_RE.split(reason.strip()) if part and not _REASON_RE.fullmatch(part)] \
            if reason else []
        if invalid:
            findings.append(ctx.finding(
                RULE, where, f"review block Reason {', '.join(invalid)} is not a classification category 1.4(a)-(h)",
                None))
    return findings
