from marklint.checks.banners import document_judged, judged
from marklint.checks.context import CheckContext
from marklint.checks.formats import at_overall, attachment_markings, raises_banner
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding
from marklint.fixes import raise_banner_fix

RULE = RuleDoc(
    "MK104", "banner-under-classified", ERROR, "a banner lower than the highest portion it covers",
    fixable="unsafe",
    why="B-03, R-01: the banner's classification is at least the highest classification of the portions it covers, per page and for the whole document (32 CFR 2001.21(b)(2); ICMSRM16 §D.2 p.28; ISM22 ISM-ID-00056).",
    bad="SECRET\n\n(TS) The convoy leaves at dawn.\n\nSECRET\n",
    good="TOP SECRET\n\n(TS) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nTOP SECRET\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """A page's banner lower than its highest portion; the overall banner lower than the
    highest portion in the document (unless its page already says so); an e-mail's banner
    lower than an attachment's marking (B-10)."""
    findings = _pages(ctx) if judged(ctx) else []
    if document_judged(ctx):
        overall, banner, highest = ctx.overall, ctx.overall.marking, ctx.max_portion()
        already = any(f.line == overall.line for f in findings)
        if highest.marking.rank > banner.rank and not already:
            findings.append(ctx.finding(
                RULE, overall,
                f"overall banner {banner.classification} is lower than the highest portion in the "
                f"document ({highest.marking.level}, line {highest.line})",
                overall.page,
            ))
    shown = ctx.overall.text if ctx.overall is not None else "no banner"
    for name, marking in ctx.fact(attachment_markings):
        if raises_banner(ctx, marking):
            findings.append(at_overall(
                ctx, RULE, f"message marked {shown} carries attachment {name} marked {marking.banner()} (B-10)"))
    return findings


def _pages(ctx: CheckContext) -> list[Finding]:
    findings = []
    for page, portions in zip(ctx.pages, ctx.page_portions):
        banner = page.top or page.bottom
        if banner is None:
            continue
        highest = ctx.max_portion(portions)
        if banner.marking is not None and highest is not None and highest.marking.rank > banner.marking.rank:
            findings.append(ctx.finding(
                RULE, banner,
                f"page {page.page.number} banner {banner.marking.classification} is lower than its highest "
                f"portion ({highest.marking.level})",
                page.page.number,
            ))
    return findings


fix = raise_banner_fix
