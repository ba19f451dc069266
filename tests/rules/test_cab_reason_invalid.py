"""MK405 cab-reason-invalid: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.cab_reason_invalid import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cab-reason-invalid', 6, 9, "Reason '1.4(i)' is not 1.4 plus one or more of the letters (a)..(h), e.g. '1.4(c)' (C-03)"),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
