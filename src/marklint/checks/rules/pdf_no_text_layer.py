from marklint.checks.context import CheckContext
from marklint.checks.rule import WARNING, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK704", "pdf-no-text-layer", WARNING, "a PDF (or PDF page) without a text layer, so its markings cannot be checked",
    why="A scanned PDF has only images; nothing in it can be checked, which is not the same as passing (B-01 still applies to it). Run OCR first. PDF only.",
    example_format="pdf",
)

_WHY = "(a scan?); its markings cannot be checked"


def check(ctx: CheckContext) -> list[Finding]:
    """The pages the PDF reader found without text (`metadata["textless_pages"]`): one finding
    when no page has text, else one per such page."""
    textless = ctx.doc.metadata.get("textless_pages", ())
    if textless and len(textless) == len(ctx.doc.pages):
        return [ctx.finding(RULE, (1, 1), f"the PDF has no text layer {_WHY}", None)]
    return [ctx.finding(RULE, (1, 1), f"page {number} has no text layer {_WHY}", None) for number in textless]
