"""The per-document facts: what marklint found in one document, as JSON data.

`document_facts` is called once per linted document (marklint.lint); `add_finding_facts` adds
the counts of its findings and the verdict once they are final. The facts travel in
`FileResult.facts` (and the result cache), and are written by `--format summary` (one JSON
object per document) and in SARIF run properties. They hold markings, dates, line numbers and
kinds, never the text of a portion.

Fields (a consumer must ignore fields it does not know; new ones are only ever added):

- `date_of_origin` (ISO date or null), `date_line` (its 1-based line; 0 for `--date`),
  `date_kind` (`date-line`, `labelled`, `dtg`, `text`, `override`)
- `copy_dates`: the dates of the copy (release, review, declassification, metadata stamps),
  each `{date, line, kind}`; never taken for the date of origin
- `ruleset` and `ruleset_reason` (why it was chosen)
- `classification`: the overall classification found (the banner form), or null
- `pages` and `banners`: per page, `{page, banners: [marking, ...]}`, with each banner's
  legacy form (`legacy`) when it was written in an older era's way
- `authority_block` (true/false) and `authority_lines`: the kinds of its lines in order
  (`classified-by`, `derived-from`, `declassify-on`, `review-on`, `group`, `gds`, `exempt`...)
- `findings`: counts by rule slug (suppressed findings left out)
- `declassification`, `ocr`, `ocr_readings`, `illegible_pages`: what the archival step found
  (`marklint.archives.archival.facts`)
- `verdict`: `clean` (marked, no finding but OCR readings), `findings`, `unmarked` (no marking
  at all, no finding), `illegible` (OCR tolerance found every page illegible; not a defect) or
  `unreadable` (the file could not be read; see `error`)
"""

from __future__ import annotations

from marklint.excerpt import excerpt

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.checks.authority_block import AuthorityBlock
    from marklint.checks.context import CheckContext
    from marklint.dates import Dating
    from marklint.findings import FileResult, Finding

VERDICTS = ("clean", "findings", "unmarked", "illegible", "unreadable")


def document_facts(ctx: CheckContext, dating: Dating, why: str, cab: AuthorityBlock | None) -> dict:
    """The facts of a linted document (everything but its findings; see the module docstring).
    `why` says why its rule set was chosen (the --rules auto note, or how it was named)."""
    origin = dating.origin
    classification = ctx.classification
    return {
        "date_of_origin": origin.date.isoformat() if origin is not None else None,
        "date_line": origin.line if origin is not None else None,
        "date_kind": origin.kind if origin is not None else None,
        "copy_dates": [{"date": found.date.isoformat(), "line": found.line, "kind": found.kind}
                       for found in dating.copy_dates],
        "ruleset": ctx.ruleset.name,
        "ruleset_reason": why,
        "classification": classification.banner() if classification is not None else None,
        "pages": len(ctx.pages),
        "banners": [{"page": page.page.number, "banners": [_banner(mark) for mark in page.banners]}
                    for page in ctx.pages],
        "authority_block": cab is not None,
        "authority_lines": [line.key for line in cab.lines] if cab is not None else [],
        "marked": ctx.marked,
    }


def _banner(mark) -> dict | str:
    """A banner as the facts give it: its marking only, never text sharing its line."""
    written = excerpt(mark.text)
    legacy = getattr(mark, "legacy", None)
    if not legacy:
        return written
    return {"marking": written, "legacy": [form.name for form in legacy]}


def add_finding_facts(facts: dict, findings: list[Finding]) -> None:
    """Add the counts of the reported findings by rule, and the verdict."""
    counts: dict[str, int] = {}
    for finding in findings:
        if finding.suppression is None:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
    facts["findings"] = dict(sorted(counts.items()))
    pages = facts.get("pages") or 0
    if facts.get("illegible_pages") and len(facts["illegible_pages"]) >= pages:
        facts["verdict"] = "illegible"
    elif any(rule != "ocr-recognised" for rule in counts):  # an OCR reading is information, not a defect
        facts["verdict"] = "findings"
    else:
        facts["verdict"] = "clean" if facts.get("marked") else "unmarked"


def summary_of(result: FileResult, path: str) -> dict:
    """The summary object of one file as `--format summary` writes it (`path` as shown)."""
    if result.error is not None:
        return {"path": path, "verdict": "unreadable", "error": result.error}
    facts = dict(result.facts or {})
    facts.pop("marked", None)
    return {"path": path, **facts}
