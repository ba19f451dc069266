"""MK406 cab-unexpected: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.cab_unexpected import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cab-unexpected', 5, 1, 'classification authority block on an unclassified document (C-01)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
