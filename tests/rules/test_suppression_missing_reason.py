"""MK902 suppression-missing-reason: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.suppression_missing_reason import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('suppression-missing-reason', 5, 1, "'disable-next-line' suppression has no reason; add one after ' -- '"),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
