"""MK804 review-reason-invalid: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.review_reason_invalid import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('review-reason-invalid', 6, 1, 'review block Reason B3 CIA PERS/ORG is not a classification category 1.4(a)-(h)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
