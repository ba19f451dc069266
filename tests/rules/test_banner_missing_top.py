"""MK101 banner-missing-top: exact findings on its documented examples and its fix."""

from rule_support import found, fixed

from marklint.checks.rules.banner_missing_top import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('banner-missing-top', 1, 1, 'page 1 has no banner at its top'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n'
