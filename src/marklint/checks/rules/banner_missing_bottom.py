from marklint.checks.banners import missing_banners
from marklint.checks.context import CheckContext
from marklint.checks.rule import ERROR, RuleDoc
from marklint.findings import Finding
from marklint.fixes import missing_banner_fix

RULE = RuleDoc(
    "MK102", "banner-missing-bottom", ERROR, "a page has no banner at its bottom",
    fixable="safe when the page's other banner agrees with the roll-up, else unsafe",
    why='B-01, B-02: the banner is repeated at the bottom of every page of a classified document (32 CFR 2001.21(b)(1),(3); ICMSRM16 §D.1 p.27). For CUI the bottom banner is optional (U-01, NARA): a pure CUI document needs none unless the rule set\'s `cui.bottom-banner` asks for it, as us-dod does (DoD marks CUI top and bottom).',
    bad="SECRET\n\n(S) The convoy leaves at dawn.\n",
    good="SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
)


def check(ctx: CheckContext) -> list[Finding]:
    """Pages without a bottom banner (`marklint.checks.banners.missing_banners`)."""
    return missing_banners(ctx, RULE, "bottom")


fix = missing_banner_fix
