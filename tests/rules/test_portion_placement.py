"""MK302 portion-placement: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.portion_placement import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('portion-placement', 5, 27, 'portion mark (U) is at the end of its paragraph; put it at the start'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
