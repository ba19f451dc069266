"""MK803 review-exemption-invalid: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.review_exemption_invalid import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('review-exemption-invalid', 6, 1, "review block 'Declassify on' gives 25X without its exemption number"),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
