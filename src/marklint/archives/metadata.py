"""The declassification metadata a document's wrapper records: what the archive says about the
released copy (never about the document's origin)."""

from __future__ import annotations

import re

from marklint.archives.wrappers import Wrappers

_EXEMPTION_RE = re.compile(
    r"\(b\)\s?\((?P<foia>\d)\)|\bB(?P<short>\d)\b|\b1\.4\s?\((?P<reason>[A-Ha-h])\)|\b(?P<x>(?:25|50|75)X\d)\b")


def exemptions_in(text: str) -> list[str]:
    """The exemptions named in a release stamp: FOIA `(b)(1)`-`(b)(9)` (written `B1`), EO 13526
    categories `1.4(a)`-`1.4(h)` and exemptions from automatic declassification (`25X1`)."""
    found = []
    for match in _EXEMPTION_RE.finditer(text):
        if match["foia"] or match["short"]:
            found.append(f"(b)({match['foia'] or match['short']})")
        elif match["reason"]:
            found.append(f"1.4({match['reason'].lower()})")
        else:
            found.append(match["x"].upper())
    return found


_NUMERIC_DATE_RE = re.compile(r"(?P<m>\d{1,2})[/-](?P<d>\d{1,2})[/-](?P<y>\d{4}|\d{2})$")


def iso_date(text: str) -> str:
    """A wrapper's US numeric date (`08/31/2015`, `11-04-2021`, `9/10/00`) in ISO form; any
    other value (a year, an impossible date such as OCR's `00-15-2023`) as written."""
    from datetime import date

    match = _NUMERIC_DATE_RE.match(text.strip())
    if match is None:
        return text
    year = int(match["y"])
    if len(match["y"]) == 2:
        year += 1900 if year > 40 else 2000
    try:
        return date(year, int(match["m"]), int(match["d"])).isoformat()
    except ValueError:
        return text


def _unique(values) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def declassification_metadata(wrappers: Wrappers) -> dict[str, object]:
    """The facts of a document's wrapper, as JSON-ready data: the collections recognised, the
    wrapper pages and number of wrapper lines, release authorities, case and document numbers,
    release date, review dates, reviewers, release decisions, exemptions and review blocks."""
    facts = [fact.facts for fact in wrappers.facts]

    def values(*keys: str) -> list[str]:
        return _unique(fact[key] for fact in facts for key in keys if key in fact)

    exemptions: list[str] = []
    for fact in wrappers.facts:
        if "exemptions" in fact.facts:
            exemptions.extend(exemptions_in(fact.facts["exemptions"]))
    release = [iso_date(value) for value in values("release_date")] or values("release_year")
    return {
        "collections": list(wrappers.collections),
        "wrapper_pages": sorted(wrappers.pages),
        "wrapper_lines": len(wrappers.spans),
        "release_authority": values("authority"),
        "case_numbers": values("case"),
        "document_numbers": values("doc", "record", "docid"),
        "release_date": release[0] if release else None,
        "review_dates": _unique(iso_date(value) for value in values("review_date")),
        "reviewers": values("reviewer"),
        "release_decision": [value.lower() for value in values("decision")],
        "exemptions": _unique(exemptions),
        "review_blocks": [
            {"line": fact.line, **{key: iso_date(fact.facts[key]) if key in ("review_date", "declassify_on")
                                   else fact.facts[key]
                                   for key in ("review_date", "reviewer", "class", "reason", "declassify_on")
                                   if key in fact.facts}}
            for fact in wrappers.facts if fact.kind == "review-block"
        ],
    }
