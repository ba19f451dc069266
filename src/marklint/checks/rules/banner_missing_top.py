from marklint.checks.banners import missing_banners
from marklint.checks.context import CheckContext
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding
from marklint.fixes import missing_banner_fix

RULE = RuleDoc(
    "MK101", "banner-missing-top", ERROR, "a page has no banner at its top",
    fixable="safe when the page's other banner agrees with the roll-up, else unsafe",
    why='B-01, B-02, U-01: a classified document carries its banner at the top and bottom of every page (32 CFR 2001.21(b)(1),(3); ICMSRM16 §D.1 p.27); a CUI document at least at the top (CUIHB p.6-7).',
    bad="(S) The convoy leaves at dawn.\n\nSECRET\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """Pages without a top banner (`marklint.checks.banners.missing_banners`)."""
    return missing_banners(ctx, RULE, "top")


fix = missing_banner_fix
