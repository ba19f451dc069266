"""MK003 marking-order: exact findings on its documented examples and its fix."""

from rule_support import found, fixed

from marklint.checks.rules.marking_order import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-order', 1, 16, '"ORCON" goes before "NOFORN" (register order, S-07)'),
        ('marking-order', 5, 16, '"ORCON" goes before "NOFORN" (register order, S-07)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET//ORCON/NOFORN\n\n(S//OC/NF) The convoy leaves at dawn.\n\nSECRET//ORCON/NOFORN\n'
