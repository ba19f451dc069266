"""MK106 banner-rollup: exact findings on its documented examples and its fix."""

from rule_support import found, fixed

from marklint.checks.rules.banner_rollup import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('banner-rollup', 1, 1, 'overall banner SECRET lacks NOFORN (roll-up of the portions: SECRET//NOFORN)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n'
