from marklint.checks.context import CheckContext
from marklint.checks.rule import INFO, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK805", "ocr-recognised", INFO, "a banner, portion mark, cable authority line or whole-text statement read with OCR tolerance (a one-character slip, a banner inside a line, a damaged mark at a paragraph's end), with its confidence, or a mark left unreadable",
    why='B-01, B-03 (banners top and bottom) on scanned releases: OCR misreads banner letters (`SEGRET`, `5ECRET`, `CONFIDENTlAL`) and merges columns, which would hide the banner and report it missing. With `--ocr` (or for a collection configured `ocr: true`, such as the NARA JFK collection) marklint reads such a banner and says so, with a confidence below 1, so that a reviewer can check the scan. Not a defect of the document (see docs/archives.md).',
    bad="2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\nSEGRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n",
    good="2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\nSECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """Each banner, portion mark, authority line or whole-text statement the OCR-tolerant reading recognised (`ctx.ocr`, marklint.archives.ocr),
    with its confidence."""
    if ctx.ocr is None:
        return []
    boxes = _legend_boxes(ctx)
    findings = []
    for reading in ctx.ocr.corrections:
        if reading.kind == "banner" and reading.line in boxes:
            continue  # a box of a form's check-box legend (`UNCLASSIFIED®`), read as no banner
        written = reading.written.strip()
        if not reading.read:
            marked = "every portion is marked" if reading.kind == "whole-text statement" else "the portion is marked"
            message = f'{reading.kind} "{written}" unreadable: {marked}, its level unknown (OCR)'
        else:
            how = "found inside a line" if written == reading.read else f'recognised from "{written}"'
            message = f"{reading.kind} {reading.read} {how} (OCR, confidence {reading.confidence:.2f})"
        findings.append(ctx.finding(RULE, (reading.line, reading.column), message, None,
                                    reading.column + len(reading.written)))
    return findings


def _legend_boxes(ctx: CheckContext) -> set[int]:
    """The lines of the pages bearing a form's check-box legend that are none of the pages'
    banners: there a level the OCR-tolerant reading recognised is one of the legend's boxes."""
    legend_pages = [page for page in ctx.pages if page.legend]
    if not legend_pages:
        return set()
    banners = {mark.block.line for page in ctx.pages for mark in page.banners}
    return {line for page in legend_pages for block in page.page.blocks
            for line in range(block.line, block.end_line + 1)} - banners
