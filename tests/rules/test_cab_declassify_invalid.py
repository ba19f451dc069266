"""MK403 cab-declassify-invalid: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.cab_declassify_invalid import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cab-declassify-invalid', 7, 16, "Declassify On 'OADR' is a retired value, valid only on documents dated on or before 1995-10-14; use the source document's date plus 25 years (C-15, L-04)"),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_a_date_before_the_documents_own_is_invalid():
    memo = ("SECRET\n\nMarch 3, 2025\n\n(S) The convoy leaves at dawn.\n\n"
            "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: {}\n\nSECRET\n")
    assert found(memo.format("20250302"), RULE.slug) == [
        (RULE.slug, 9, 16, "declassification date 20250302 is before the document's date 2025-03-03: the "
                           "information would be declassified before it was classified (C-08)"),
    ]
    assert found(memo.format("20250303"), RULE.slug) == []
    assert [(line, column) for _, line, column, _ in found(memo.format("25X1, 20241231"), RULE.slug)] == [(9, 16)]
