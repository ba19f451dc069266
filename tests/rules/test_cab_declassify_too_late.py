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


UNDATED_MEMO = ("SECRET\n\nMEMORANDUM FOR THE RECORD\n\nSUBJECT: (U) Review of the Pacific Fuel Study\n\n"
                "(S) The 1998 fuel study found storage afloat short by a third. On 4 March 1999 the\n"
                "board accepted its findings.\n\n(U) The working group meets monthly.\n\n"
                "Classified By: Jane Roe, Director, J4\nDerived From: Multiple Sources\nDeclassify On: {day}\n\nSECRET\n")


def test_a_date_inside_the_text_is_an_event_the_document_may_be_written_long_after():
    # With no date of its own, the date is read from a portion's sentence (`On 4 March 1999 the
    # board ...`): the memo is no older than that, but may be far younger, so no limit is counted.
    assert found(UNDATED_MEMO.format(day="20501231"), RULE.slug) == []
    assert found(UNDATED_MEMO.format(day="20501231"), "cab-declassify-invalid") == []


def test_a_declassify_on_date_before_the_date_inside_the_text_is_still_reported():
    # The document is no older than the event it reports, so a date before the event is a slip.
    assert found(UNDATED_MEMO.format(day="19981231"), "cab-declassify-invalid") == [
        ("cab-declassify-invalid", 14, 16, "declassification date 19981231 is before the document's date "
                                           "1999-03-04: the information would be declassified before it was "
                                           "classified (C-08)"),
    ]


def test_a_date_line_still_counts_the_limit():
    dated = UNDATED_MEMO.replace("MEMORANDUM FOR THE RECORD\n", "MEMORANDUM FOR THE RECORD\n\n12 May 2010\n")
    assert found(dated.format(day="20501231"), RULE.slug) == [
        (RULE.slug, 16, 16, "declassification date 20501231 is more than 25 years after the document's date "
                            "2010-05-12 (latest 20350512) (C-08)"),
    ]


def test_a_date_in_the_heading_matter_counts_the_limit_though_not_on_a_line_of_its_own():
    # An office symbol and the date on one line (an Army memorandum) is the document's own date.
    dated = UNDATED_MEMO.replace("MEMORANDUM FOR THE RECORD\n", "ABCD-EF                                  12 May 2010\n\n"
                                 "MEMORANDUM FOR THE RECORD\n")
    assert found(dated.format(day="20501231"), RULE.slug) == [
        (RULE.slug, 16, 16, "declassification date 20501231 is more than 25 years after the document's date "
                            "2010-05-12 (latest 20350512) (C-08)"),
    ]
