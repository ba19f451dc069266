"""MK103 banner-mismatch: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.banner_mismatch import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('banner-mismatch', 5, 1, 'page 1 bottom banner SECRET differs from its top banner SECRET//NOFORN'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
