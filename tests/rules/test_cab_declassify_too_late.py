"""MK404 cab-declassify-too-late: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.cab_declassify_too_late import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cab-declassify-too-late', 9, 16, "declassification date 20451231 is more than 25 years after the document's date 2012-03-03 (latest 20370303) (C-08)"),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_the_limit_is_the_day_twenty_five_years_on():
    text = ("SECRET\n\nMarch 3, 2012\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director, "
            "Office of Plans\nReason: 1.4(c)\nDeclassify On: {day}\n\nSECRET\n")
    assert found(text.format(day="20370303"), RULE.slug) == []
    assert found(text.format(day="20370304"), RULE.slug) == [
        (RULE.slug, 9, 16, "declassification date 20370304 is more than 25 years after the document's date "
                           "2012-03-03 (latest 20370303) (C-08)"),
    ]
