"""The rule registry: every rule's code, slug, default severity and documentation.

Slugs are a public contract (configuration, suppressions and baselines name them); codes are
stable once published. `bad` and `good` are small plain-text documents: the test suite lints
each rule's `bad` example and expects the rule to fire, and its `good` example and expects it
not to. `marklint rule SLUG|CODE` prints an entry; the README's rule table is generated from
this module (`python -m marklint.checks.registry --markdown`).
"""

from __future__ import annotations

from dataclasses import dataclass

from marklint.findings import Severity


@dataclass(frozen=True)
class RuleDoc:
    """Documentation and defaults of one rule."""

    code: str
    slug: str
    severity: Severity
    summary: str
    why: str  # the reason, with citations of marking-rules.md ids and the primary source
    bad: str  # a plain-text document on which the rule fires
    good: str  # a near-miss plain-text document on which it does not
    fixable: str = ""  # "", "safe" or "unsafe"


RULES: tuple[RuleDoc, ...] = ()  # filled below by the owners of each family


def by_key(key: str) -> RuleDoc | None:
    """Find a rule by slug or code (case-insensitive for codes)."""
    for rule in RULES:
        if rule.slug == key or rule.code == key.upper():
            return rule
    return None
