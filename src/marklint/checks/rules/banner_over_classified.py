from marklint.checks.banners import document_judged, justified, portions_read, rollup_known
from marklint.checks.context import CheckContext
from marklint.checks.rule import WARNING, RuleDoc
from marklint.checks.rules.portion_missing import has_unmarked_portions
from marklint.findings import Finding

RULE = RuleDoc(
    "MK105", "banner-over-classified", WARNING, "an overall banner higher than every portion, without a compilation statement",
    why='B-03, T-03, R-09: the overall banner equals the highest portion; a higher banner needs a statement that the document is classified by compilation (32 CFR 2001.24(g), 2001.13(c); ISM22 ISM-ID-00108..00110). Judged per document: B-02 lets a page carry the overall banner above its own portions.',
    bad="TOP SECRET\n\n(S) The convoy leaves at dawn.\n\nTOP SECRET\n",
    good="TOP SECRET\n\n(S) The convoy leaves at dawn.\n\n(U) Classified by compilation: together these facts reveal the plan.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nTOP SECRET\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """The overall banner higher than every portion (and their roll-up) without a compilation
    statement, judged per document; a transmittal is left to transmittal-statement-missing."""
    finding = ctx.fact(overall_over_classified)
    return [finding] if finding is not None else []


def overall_over_classified(ctx: CheckContext) -> Finding | None:
    """The finding for an overall banner higher than every portion without a compilation
    statement, or None (a fact: banner-mismatch asks whether the top banner is the slip)."""
    # an unmarked portion (portion-missing) or one that does not read may be the one as high as the banner
    if not document_judged(ctx) or not rollup_known(ctx) or has_unmarked_portions(ctx) or not portions_read(ctx):
        return None
    overall, banner, highest = ctx.overall, ctx.overall.marking, ctx.max_portion()
    # a foreign RESTRICTED portion rolls up to the rule set's US level (restricted-level)
    if max(highest.marking.rank, ctx.document_rollup.rank) < banner.rank and not justified(ctx):
        return ctx.finding(
            RULE, overall,
            f"overall banner {banner.classification} is higher than every portion (highest "
            f"{highest.marking.level}) and there is no compilation statement",
            overall.page,
        )
    return None
