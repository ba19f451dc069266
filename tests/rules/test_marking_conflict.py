"""MK005 marking-conflict: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.marking_conflict import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-conflict', 3, 21, '"NOFORN" and "REL TO" are never used together'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
