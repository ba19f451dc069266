"""MK402 cab-incomplete: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.cab_incomplete import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cab-incomplete', 5, 1, 'authority block has no Reason: line (original classification needs Classified By, Reason, Declassify On) and no Derived From: line (derivative classification) (C-02..C-05)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
