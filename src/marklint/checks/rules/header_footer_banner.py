from marklint.checks.context import CheckContext
from marklint.checks.formats import parse_banner
from marklint.checks.rule import ERROR, RuleDoc
from marklint.checks.rules.banner_rollup import overall_is_the_slip
from marklint.findings import Finding

RULE = RuleDoc(
    "MK701", "header-footer-banner", ERROR, "a Word header or footer variant without the overall banner",
    why="B-01, B-02: every page shows the banner at top and bottom (32 CFR 2001.21(b)(1),(3)); in Word the banner lives in the section headers and footers, and each enabled variant (first page, odd/default, even, per section) is what some page shows. Variants that fall on a page the reader can place are checked by banner-missing-top/-bottom and banner-mismatch there; this rule reports the others, naming the variant (\"header (even pages), section 2 has no banner\"). Word files only.",
    example_format="docx",
)


def check(ctx: CheckContext) -> list[Finding]:
    """Word header and footer variants the section settings enable (first page, odd/default,
    even; per section) that fall on no page the reader could place, without a banner or with
    one that differs from the overall banner. Variants on a known page are checked there by
    the ordinary banner rules."""
    findings = []
    overall = ctx.overall_marking
    for variant in ctx.doc.metadata.get("hf_variants", []):
        if variant.pages:
            continue
        if not variant.lines:
            findings.append(ctx.finding(RULE, (1, 1), f"{variant.label} has no banner", None))
            continue
        marking = parse_banner(ctx, variant.lines[0])
        # (a variant that is the portions' roll-up under an overall banner that is not: the
        # overall one is the slip, reported by banner-rollup or banner-under-classified)
        if overall is not None and marking is not None and marking != overall \
                and not overall_is_the_slip(ctx, marking):
            findings.append(ctx.finding(
                RULE, (1, 1),
                f"{variant.label} banner {variant.lines[0]} differs from the overall banner {ctx.overall.text}",
                None,
            ))
    return findings
