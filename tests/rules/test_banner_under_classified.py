"""MK104 banner-under-classified: exact findings on its documented examples and its fix."""

from rule_support import found, fixed

from marklint.checks.rules.banner_under_classified import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('banner-under-classified', 1, 1, 'page 1 banner SECRET is lower than its highest portion (TS)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'TOP SECRET\n\n(TS) The convoy leaves at dawn.\n\nTOP SECRET\n'
