from marklint.checks.context import CheckContext
from marklint.checks.formats import parse_banner
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding

RULE = RuleDoc(
    "MK703", "front-matter-mismatch", ERROR, "a Markdown front-matter classification that the banners do not match",
    why="B-01, B-03: the overall banner states the document's classification (32 CFR 2001.21(b)(1)); a Markdown file whose YAML front matter declares `classification: SECRET//NOFORN` must carry that banner. Reported when the banner differs, when there is none, or when the declared value is not a marking. Markdown only.",
    bad="---\nclassification: SECRET//NOFORN\n---\n\n**SECRET**\n\n(S) The convoy leaves at dawn.\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\n**SECRET**\n",
    good="---\nclassification: SECRET\n---\n\n**SECRET**\n\n(S) The convoy leaves at dawn.\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\n**SECRET**\n",
    example_format="markdown",
)


def check(ctx: CheckContext) -> list[Finding]:
    """A Markdown front matter's `classification` that is not a marking, that the overall
    banner differs from, or that a document without a banner declares."""
    declared = ctx.doc.metadata.get("classification")
    if declared is None:
        return []
    position = (int(ctx.doc.metadata.get("classification_line", 1)), 1)
    marking = parse_banner(ctx, str(declared))
    if marking is None:
        return [ctx.finding(RULE, position, f"front matter classification {declared} is not a valid banner marking", None)]
    if ctx.overall is None:
        return [ctx.finding(RULE, position, f"front matter declares {declared} but the document has no banner", None)]
    if ctx.overall_marking is not None and ctx.overall_marking != marking:
        message = f"overall banner {ctx.overall.text} differs from the front matter classification {declared}"
        return [ctx.finding(RULE, ctx.overall, message, ctx.overall.page)]
    return []
