"""MK901 suppression-unused: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.suppression_unused import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('suppression-unused', 3, 1, 'suppression of portion-missing suppresses nothing'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
