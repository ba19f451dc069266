from marklint.checks.banners import differ, faulty_banners, judged
from marklint.checks.context import CheckContext
from marklint.checks.rules.banner_rollup import overall_is_the_slip
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding
from marklint.recognize import Mark, PageMarks

RULE = RuleDoc(
    "MK103", "banner-mismatch", ERROR, "a page's banners disagree with each other or with the overall banner",
    why="B-01, B-02, U-01: a page's top and bottom banners are the same marking, and each page carries either the overall banner or, where per-page banners are allowed, the roll-up of its own portions (32 CFR 2001.21(b)(3); ICMSRM16 §D p.27; CUIHB p.19).",
    bad="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET\n",
    good="SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """Pages whose bottom banner differs from their top banner, and later pages whose banner
    is neither the overall banner nor, where the rule set allows it, their own roll-up (B-02). A
    banner below its page's highest portion is banner-under-classified's alone."""
    if not judged(ctx):
        return []
    findings = []
    overall = ctx.overall
    # a banner with a fault of its own (its marking finding) is not compared again
    faulty = ctx.fact(faulty_banners)
    agreed = _banner_the_others_agree_on(ctx)
    if agreed is not None and id(overall) not in faulty:
        return [ctx.finding(RULE, overall, f"overall banner {overall.text} differs from every other banner "
                                           f"of the document ({agreed.text})", overall.page)]
    for page, portions in zip(ctx.pages, ctx.page_portions):
        number = page.page.number
        banner = page.top or page.bottom
        # a banner below its page's highest portion is banner-under-classified's, reported once
        under = banner is not None and _under_its_portions(ctx, banner, portions)
        wrong = (_page_banner_policy(ctx, page, banner, portions)
                 if banner is not None and overall is not None and banner is not overall and differ(banner, overall)
                 and not {id(banner), id(overall)} & faulty and not under
                 and not overall_is_the_slip(ctx, banner.marking) else [])
        # a top banner found wrong over a bottom banner that is the overall one (or, where the
        # rule set allows it, the page's own roll-up): the top is the slip, reported once, not
        # again as a bottom banner that differs from it
        if (page.top is not None and page.bottom is not None and differ(page.top, page.bottom)
                and not {id(page.top), id(page.bottom)} & faulty
                and not ((wrong or under) and not differ(page.bottom, overall))
                and not (wrong and not _page_banner_policy(ctx, page, page.bottom, portions))
                and not (page.top is overall and overall_is_the_slip(ctx, page.bottom.marking))):
            findings.append(ctx.finding(
                RULE, page.bottom,
                f"page {number} bottom banner {page.bottom.text} differs from its top banner {page.top.text}",
                number,
            ))
        findings.extend(wrong)
    return findings


def _banner_the_others_agree_on(ctx: CheckContext) -> Mark | None:
    """In a document without portion marks (nothing to roll up), the banner every other banner
    agrees on when the overall banner alone differs from it (two others at least): the top
    banner is then the one slip, reported once, not again on every page."""
    if ctx.document_rollup is not None or ctx.overall is None:
        return None
    others = [banner for page in ctx.pages for banner in (page.top, page.bottom)
              if banner is not None and banner is not ctx.overall]
    if len(others) < 2 or not differ(others[0], ctx.overall) or any(differ(b, others[0]) for b in others[1:]):
        return None
    return others[0]


def _under_its_portions(ctx: CheckContext, banner: Mark, portions: list[Mark]) -> bool:
    """Whether a page's banner is lower than the highest portion of its page."""
    highest = ctx.max_portion(portions)
    return banner.marking is not None and highest is not None and highest.marking.rank > banner.marking.rank


def _page_banner_policy(ctx: CheckContext, page: PageMarks, banner: Mark,
                        portions: list[Mark]) -> list[Finding]:
    """B-02: a later page carries the overall banner or, if allowed, its own roll-up."""
    number = page.page.number
    overall = ctx.overall
    if ctx.ruleset.banners.page_banner == "overall-or-page" and banner.marking is not None:
        # a page without portions (`THIS PAGE INTENTIONALLY LEFT BLANK`) holds nothing classified
        expected = ctx.rollup(portions) if portions else None
        own = expected.banner() if expected is not None else "UNCLASSIFIED"
        if banner.marking == expected or (expected is None and banner.text == own):
            return []
        if portions or ctx.ruleset.portions.required != "never":  # a set without paragraph marks has no roll-up to name
            message = (f"page {number} banner {banner.text} is neither the overall banner {overall.text} "
                       f"nor the roll-up of its portions ({own})")
            return [ctx.finding(RULE, banner, message, number)]
    message = f"page {number} banner {banner.text} differs from the overall banner {overall.text}"
    return [ctx.finding(RULE, banner, message, number)]
