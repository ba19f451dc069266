"""MK403 cab-declassify-invalid: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.cab_declassify_invalid import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cab-declassify-invalid', 7, 16, "Declassify On 'OADR' is a retired value, valid only on documents dated on or before 1995-10-14; use the source document's date plus 25 years (C-15, L-04)"),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
