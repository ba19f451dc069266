"""MK802 review-declassify-passed: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.review_declassify_passed import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('review-declassify-passed', 6, 1, "review block 'Declassify on' 2014-01-20 had passed at the release date 2015-08-31"),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
