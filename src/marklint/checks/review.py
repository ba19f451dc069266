"""The review block of a sanitized copy, checked on its own terms (the rules of the review, not
of the document's origin): a released copy whose withheld text was classified at review carries
a block `Classified by ... on DATE - Class: LEVEL - Reason: 1.4(x) - Declassify on: DATE`.

The block is wrapper text (`marklint.archives`), so no other check sees it; these rules read the
facts the wrapper recognition took from it.
"""

from __future__ import annotations

import re
from datetime import date

from marklint.archives.wrappers import Fact, Wrappers
from marklint.checks.context import CheckContext
from marklint.findings import Finding

_REASON_RE = re.compile(r"1\.4\s?\([a-h]\)", re.IGNORECASE)
_REASON_SPLIT_RE = re.compile(r"\s*,\s*")
_EXEMPTION_RE = re.compile(r"\b25X(?P<digit>\d?)", re.IGNORECASE)
_US_DATE_RE = re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})")


def _us_date(text: str | None) -> date | None:
    match = _US_DATE_RE.search(text or "")
    if match is None:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _release_date(wrappers: Wrappers) -> date | None:
    """The copy's release date: the release header's date, the first one found."""
    for fact in wrappers.facts:
        found = _us_date(fact.facts.get("release_date"))
        if found is not None:
            return found
    return None


def check(ctx: CheckContext, wrappers: Wrappers) -> list[Finding]:
    """The findings on every review block of the document's wrapper."""
    released = _release_date(wrappers)
    findings: list[Finding] = []
    for fact in wrappers.facts:
        if fact.kind == "review-block":
            findings.extend(_check_block(ctx, fact, released))
    return findings


def _check_block(ctx: CheckContext, fact: Fact, released: date | None) -> list[Finding]:
    from marklint.markings import check as check_marking

    facts = fact.facts
    where = (fact.line, fact.column)
    findings = []
    level = facts.get("class")
    reviewed = _us_date(facts.get("review_date"))
    problems = check_marking(level, "banner", vocab=ctx.vocab, era=reviewed) if level else []
    if problems:
        findings.append(ctx.finding("review-class-form", where,
                                    f"review block class {level}: {problems[0].message}", None))
    declassify = facts.get("declassify_on", "")
    exemption = _EXEMPTION_RE.search(declassify)
    if exemption is not None and not exemption["digit"]:
        findings.append(ctx.finding("review-exemption-invalid", where,
                                    "review block 'Declassify on' gives 25X without its exemption number", None))
    until = _us_date(declassify)
    reference = released or _us_date(facts.get("review_date"))
    if until is not None and reference is not None and until <= reference:
        what = "release" if released else "review"
        findings.append(ctx.finding(
            "review-declassify-passed", where,
            f"review block 'Declassify on' {until.isoformat()} had passed at the {what} date {reference.isoformat()}",
            None))
    reason = facts.get("reason")
    if reason:
        invalid = [part for part in _REASON_SPLIT_RE.split(reason.strip()) if part and not _REASON_RE.fullmatch(part)]
        if invalid:
            findings.append(ctx.finding(
                "review-reason-invalid", where,
                f"review block Reason {', '.join(invalid)} is not a classification category 1.4(a)-(h)", None))
    return findings
