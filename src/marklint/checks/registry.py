"""The rule registry: every rule's code, slug, default severity and documentation.

Slugs are a public contract (configuration, suppressions and baselines name them); codes are
stable once published. `bad` and `good` are small plain-text documents: the test suite lints
each rule's `bad` example and expects the rule to fire, and its `good` example and expects it
not to. `marklint rule SLUG|CODE` prints an entry; the README's rule table is generated from
this module (`python -m marklint.checks.registry --markdown`).
"""

from __future__ import annotations

from dataclasses import dataclass

from marklint.findings import Finding, Severity



@dataclass(frozen=True)
class RuleDoc:
    """Documentation and defaults of one rule."""

    code: str
    slug: str
    severity: Severity
    summary: str
    why: str = ""  # the reason, with citations of marking-rules.md ids and the primary source
    bad: str = ""  # a plain-text document on which the rule fires
    good: str = ""  # a near-miss plain-text document on which it does not
    fixable: str = ""  # "", "safe" or "unsafe"



E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

# Code blocks: MK0xx single markings, MK1xx banners, MK3xx portions, MK4xx authority block,
# MK5xx CUI, MK6xx transmittals, MK7xx format-specific, MK9xx suppressions and inputs.
RULES: tuple[RuleDoc, ...] = (
    RuleDoc("MK001", "marking-syntax", E, "a marking that cannot be parsed (separators, spacing, empty or stray parts)"),
    RuleDoc("MK002", "marking-unknown-token", E, "a word that is not in the vocabulary"),
    RuleDoc("MK003", "marking-order", E, "categories or values out of register order"),
    RuleDoc("MK004", "marking-form", E, "a token in the wrong form for a banner or a portion"),
    RuleDoc("MK005", "marking-conflict", E, "mutually exclusive tokens, a token not allowed at this level, or a missing companion"),
    RuleDoc("MK006", "marking-duplicate", E, "the same token twice in one marking"),
    RuleDoc("MK007", "legacy-marking", W, "a retired token or form"),
    RuleDoc("MK101", "banner-missing-top", E, "a page has no banner at its top"),
    RuleDoc("MK102", "banner-missing-bottom", E, "a page has no banner at its bottom"),
    RuleDoc("MK103", "banner-mismatch", E, "a page's banners disagree with each other or with the overall banner"),
    RuleDoc("MK104", "banner-under-classified", E, "a banner lower than the highest portion it covers"),
    RuleDoc("MK105", "banner-over-classified", W, "an overall banner higher than every portion, without a compilation statement"),
    RuleDoc("MK106", "banner-rollup", E, "a banner whose controls differ from the roll-up of its portions"),
    RuleDoc("MK301", "portion-missing", E, "a block that needs a portion mark has none"),
    RuleDoc("MK302", "portion-placement", E, "a portion mark that is not at the start of its block"),
    RuleDoc("MK401", "cab-missing", E, "a classified document with no classification authority block"),
    RuleDoc("MK402", "cab-incomplete", E, "an authority block missing a required line"),
    RuleDoc("MK403", "cab-declassify-invalid", E, "a Declassify On value of the wrong shape or retired"),
    RuleDoc("MK404", "cab-declassify-too-late", E, "a declassification date beyond the regime's limit"),
    RuleDoc("MK405", "cab-reason-invalid", E, "a Reason that is not 1.4(a)..(h)"),
    RuleDoc("MK406", "cab-unexpected", E, "an authority block on an unclassified document"),
    RuleDoc("MK501", "cui-designation-missing", E, "a CUI document without its designation indicator"),
    RuleDoc("MK502", "cui-legacy-mixed", E, "FOUO, SBU or LES in a document that carries CUI"),
    RuleDoc("MK601", "transmittal-statement-missing", E, "a transmittal with no 'upon removal' statement"),
    RuleDoc("MK901", "suppression-unused", W, "a suppression comment that suppresses nothing"),
    RuleDoc("MK902", "suppression-missing-reason", W, "a suppression comment without a reason"),
)


def by_key(key: str) -> RuleDoc | None:
    """Find a rule by slug or code (case-insensitive for codes)."""
    for rule in RULES:
        if rule.slug == key or rule.code == key.upper():
            return rule
    return None


def make_finding(slug: str, *, path: str, line: int, column: int, message: str, **extra) -> Finding:
    """Build a Finding for a registered rule with its code and default severity.

    The lint pipeline later applies the rule set's and configuration's severity overrides.
    """
    rule = by_key(slug)
    if rule is None:
        raise KeyError(f"unregistered rule {slug!r}")
    return Finding(
        path=path, line=line, column=column, code=rule.code, rule=rule.slug,
        severity=rule.severity, message=message, **extra,
    )
