"""MK801 review-class-form: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.review_class_form import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('review-class-form', 6, 1, 'review block class CONFIDENTIAL/NOFORN: categories are separated by "//" (S-04)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
