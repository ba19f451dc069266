"""MK001 marking-syntax: exact findings on its documented examples and its fix."""

from rule_support import found, fixed

from marklint.checks.rules.marking_syntax import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-syntax', 5, 7, 'no spaces around "//" (S-04)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n'
