"""MK002 marking-unknown-token: exact findings on its documented examples and its fix."""

from rule_support import found, fixed

from marklint.checks.rules.marking_unknown_token import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-unknown-token', 1, 9, 'unknown dissemination control "NOFRON"; did you mean "NOFORN"?'),
        ('marking-unknown-token', 5, 9, 'unknown dissemination control "NOFRON"; did you mean "NOFORN"?'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n'
