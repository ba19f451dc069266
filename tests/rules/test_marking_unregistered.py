"""MK008 marking-unregistered: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.marking_unregistered import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-unregistered', 1, 9, '"XYZZY" is not a registered SCI control system (nearest: "XNB"); an unpublished system, or a mistake? (S-13)'),
        ('marking-unregistered', 5, 9, '"XYZZY" is not a registered SCI control system (nearest: "XNB"); an unpublished system, or a mistake? (S-13)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
