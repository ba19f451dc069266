"""MK401 cab-missing: exact findings on its documented examples and its fix."""

from rule_support import found, fixed

from marklint.checks.rules.cab_missing import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cab-missing', 1, 1, 'classified document has no classification authority block (Classified By / Derived From / Declassify On) (C-01)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By:\nDerived From:\nDeclassify On:\n\nSECRET\n'
