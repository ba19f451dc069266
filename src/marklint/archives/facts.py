"""A minimal per-document facts function for the collection report: what marklint found in
one document, as JSON data (markings, dates, counts; never the text of a portion).

Keys: `date_of_origin` (ISO date or None), `ruleset`, `classification` (the overall banner, or
None), `pages`, `banners` (per page, `{page, banners: [marking, ...]}`), `authority_block`
(true/false), `marked`; after the findings are final, `findings` (counts by rule slug,
suppressed findings left out) and `verdict`. The archival step adds `declassification`, `ocr`,
`ocr_readings` and `illegible_pages` (`marklint.archives.archival.facts`).

Verdicts: `clean` (marked, no finding), `findings`, `unmarked` (no marking, no finding),
`illegible` (OCR tolerance found every page illegible; not a defect) and `unreadable` (the file
could not be read).
"""

from __future__ import annotations

from datetime import date

TYPE_CHECKING = False
if TYPE_CHECKING:
    from marklint.checks.context import CheckContext
    from marklint.findings import Finding

VERDICTS = ("clean", "findings", "unmarked", "illegible", "unreadable")


def document_facts(ctx: CheckContext, doc_date: date | None, authority_block: bool) -> dict[str, object]:
    """The facts of a linted document, but for its findings."""
    overall = ctx.overall
    return {
        "date_of_origin": doc_date.isoformat() if doc_date is not None else None,
        "ruleset": ctx.ruleset.name,
        "classification": overall.text if overall is not None else None,
        "pages": len(ctx.pages),
        "banners": [{"page": page.page.number, "banners": [mark.text for mark in page.banners]}
                    for page in ctx.pages],
        "authority_block": authority_block,
        "marked": ctx.marked,
    }


def add_finding_facts(facts: dict[str, object], findings: list[Finding]) -> None:
    """Add the counts of the reported findings by rule, and the verdict."""
    counts: dict[str, int] = {}
    for finding in findings:
        if finding.suppression is None:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
    facts["findings"] = dict(sorted(counts.items()))
    pages = facts.get("pages") or 0
    if facts.get("illegible_pages") and len(facts["illegible_pages"]) >= pages:
        facts["verdict"] = "illegible"
    elif any(rule != "ocr-recognised" for rule in counts):
        facts["verdict"] = "findings"
    else:
        facts["verdict"] = "clean" if facts.get("marked") else "unmarked"
