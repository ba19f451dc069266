"""MK105 banner-over-classified: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.banner_over_classified import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('banner-over-classified', 1, 1, 'overall banner TOP SECRET is higher than every portion (highest S) and there is no compilation statement'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
