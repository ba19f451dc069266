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


def test_a_review_on_value_not_yet_in_use_on_the_documents_date():
    # EO 12065's review line with OADR, which came in with EO 12356 (1982): as a Declassify On line's
    text = ("SECRET\n\nMarch 3, 1979\n\n1. (S) The convoy leaves at dawn.\n\nClassified by: Z. Brzezinski\n"
            "Review on: {value}\n\nSECRET\n")
    assert found(text.format(value="March 3, 1999"), RULE.slug, rules="us-eo12065") == []
    assert found(text.format(value="OADR"), RULE.slug, rules="us-eo12065") == [
        (RULE.slug, 8, 12, "Review On 'OADR' was not yet in use: valid only on documents dated from 1982-04-02 (L-01, L-04)")]
