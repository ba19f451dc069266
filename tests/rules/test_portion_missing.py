"""MK301 portion-missing: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.portion_missing import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('portion-missing', 5, 1, 'paragraph has no portion mark'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
