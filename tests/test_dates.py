"""The document's date of origin and date helpers."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marklint.dates import DateFound, add_years, datable_lines, date_of_origin, document_date, parse_date, parse_yyyymmdd
from marklint.lint import dating
from marklint.readers import read_document

# A byte-for-byte copy of ../shared/seeds/000_2aaf33a82973c46b.txt, the user's example letter.
SEED = Path(__file__).parent / "fixtures" / "seed_letter.txt"


def test_seed_letter_is_dated_november_22_1984():
    assert document_date(SEED.read_text().splitlines()) == date(1984, 11, 22)


@pytest.mark.parametrize("line, expected", [
    ("November 22, 1984", date(1984, 11, 22)),
    ("Nov. 22, 1984", date(1984, 11, 22)),
    ("Nov 22 1984", date(1984, 11, 22)),
    ("NOVEMBER 22, 1984", date(1984, 11, 22)),
    ("November 22nd, 1984", date(1984, 11, 22)),
    ("22 November 1984", date(1984, 11, 22)),
    ("22 Nov. 1984", date(1984, 11, 22)),
    ("Washington, 1984-11-22", date(1984, 11, 22)),
    ("11/22/1984", date(1984, 11, 22)),
    ("Date: 19841122", date(1984, 11, 22)),
    ("DATE: 19841122", date(1984, 11, 22)),
    ("Sent: Thursday, November 22, 1984 9:14 AM", date(1984, 11, 22)),
])
def test_date_forms(line, expected):
    assert document_date([line]) == expected


@pytest.mark.parametrize("line", [
    "Serial 19841122",               # eight digits only on a date line
    "A statement will be issued November 22nd announcing the talks.",
    "in Geneva on January 7 and 8, 1985",
    "February 30, 2001",             # impossible
    "Declassify On: November 1, 2030",
    "Derived From: Memo, \"Funding Problems,\" October 20, 2008",
    "Declassify On: 20351231",
    "Downgrade To: CONFIDENTIAL on 12/31/2012",
])
def test_not_a_date_of_origin(line):
    assert document_date([line]) is None


def test_first_date_wins_in_line_order_and_within_a_line():
    lines = ["Derived From: Memo, October 20, 2008", "", "On 3 March 2012 and 2011-01-01", "Meet on 1 April 2013"]
    assert document_date(lines) == date(2012, 3, 3)


@pytest.mark.parametrize("lines, expected", [
    (["SECRET", "", "March 1984"], date(1984, 3, 31)),          # read as the month's last day
    (["FEBRUARY 1988"], date(1988, 2, 29)),
    (["Dec. 1999"], date(1999, 12, 31)),
    (["March 1984", "", "April 2, 1984"], date(1984, 4, 2)),     # a full date wins
    (["The talks ended in March 1984 without a text."], None),  # only on a line of its own
    (["Mayday 1984"], None),
])
def test_a_month_and_year_on_a_line_of_its_own_dates_the_document(lines, expected):
    assert document_date(lines) == expected


def test_a_date_line_wins_over_a_date_in_text():
    # Issue 15: an archivist takes the document's own date line, not the first date in a sentence.
    lines = ["On 3 March 2012 and 2011-01-01", "April 1, 2013"]
    assert document_date(lines) == date(2013, 4, 1)


def test_parse_helpers():
    assert parse_yyyymmdd("20351010") == date(2035, 10, 10)
    assert parse_yyyymmdd("20351340") is None
    assert parse_yyyymmdd("2035-10-10") is None
    assert parse_date("October 10, 2035") == date(2035, 10, 10)
    assert parse_date("10/10/2035") == date(2035, 10, 10)
    assert parse_date("Completion of Operation") is None
    assert parse_date("October 10, 2035 or later") is None


def test_add_years_keeps_leap_days_sensible():
    assert add_years(date(2012, 2, 29), 25) == date(2037, 2, 28)
    assert add_years(date(2010, 10, 10), 25) == date(2035, 10, 10)




@given(st.text(alphabet="a1\u0417\r\n x", max_size=40))  # \u0417 is the Cyrillic Ze OCR reads for a 3
def test_datable_lines_are_the_lines_with_a_digit_or_a_cyrillic_letter(text):
    numbered = enumerate(re.split(r"\r\n|\r|\n", text), 1)
    assert list(datable_lines(text)) == [(n, line) for n, line in numbered if re.search(r"[\d\u0400-\u04ff]", line)]


def test_this_month_on_a_line_of_its_own_dates_a_draft():
    """A report's title page dated this month (`December 2026` on December 6) is read as the
    month's last day, as other months are, though that day is still to come."""
    today = date.today()
    last = (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    assert document_date(["SECRET", "", today.strftime("%B %Y"), "", "(U) Figure 1, 1 January 2020"]) == last


def test_a_date_line_after_the_drafts_own_declassify_on_date_still_dates_it():
    """A later date than a declassify-on instruction is a stamp's on a scanned copy; in a draft
    the instruction is the slip (C-08), and the date line stands. A date after today does not."""
    from marklint.dates import date_of_origin

    lines = list(enumerate(["March 3, 1980", "", "(C) Text.", "DECLASSIFY ON: March 3, 1979"], 1))
    assert date_of_origin(lines).origin.date == date(1980, 3, 3)
    assert date_of_origin(lines, ocr=True).origin is None
    future = (date.today() + timedelta(days=400)).strftime("%B %d, %Y").replace(" 0", " ")
    assert document_date([future, "", "(C) Text."]) is None


@pytest.mark.parametrize("line, expected", [
    ("DDO/CI/RA/Joan Paxson (21 May 1982)", date(1982, 5, 21)),
    ("DDO/CI/R&A/O/R.Litviak:po (]8 Sept 75)", date(1975, 9, 18)),  # the day's 1 OCR'd as ]
    ("($ 5502) :aib (25 Novenber 1968)", date(1968, 11, 25)),
])
def test_a_drafters_line_dates_a_memo_whose_prose_names_earlier_days(line, expected):
    # no date line: the prose's dates (the file opened in 1960) are weaker than the drafter's day
    lines = ["MEMORANDUM FOR: Executive Assistant to the DDO", "", "1. The file was first opened on 9 December 1960.",
             "", line]
    assert document_date(lines) == expected


@pytest.mark.parametrize("line", [
    "The station's report reached the Division (12 June 1963) and the Bureau later in the month, as planned.",
    "Meeting of the group (12 June 1963)",  # no office and no typist's initials
])
def test_a_date_in_parentheses_in_prose_is_no_drafters_line(line):
    lines = ["1. The file was first opened on 9 December 1960.", "", line]
    assert document_date(lines) == date(1960, 12, 9)


def test_a_release_stamps_year_alone_bounds_the_date_of_origin():
    """CIA's Historical Review Program stamp gives only its year (`APPROVED FOR RELEASE 1993`,
    OCR: `APPROVER`): the copy was released that year, so a date after it (a transmittal slip's
    `6/22/18`, the scan's 6/22/78) is passed over for the memorandum's own date line."""
    from marklint.dates import DateFound, date_of_origin

    lines = [(1, "APPROVER FOR RELEASE 1993"), (2, "CIA WISTORICAL REVIEW PROGRAM"), (4, "DATE: 6/22/18"),
             (8, "12 June 1978"), (10, "1. (S) The notes are attached.")]
    dating = date_of_origin(lines, ocr=True)
    assert dating.origin == DateFound(date(1978, 6, 12), 8, "date-line")
    assert dating.copy_dates == (DateFound(date(1993, 12, 31), 1, "release"),)
    # without the stamp the slip's date stands; a year inside a release line's words bounds nothing
    assert date_of_origin(lines[1:], ocr=True).origin.date == date(2018, 6, 22)
    act = [(1, "2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992"), *lines[2:]]
    assert date_of_origin(act, ocr=True).origin.date == date(2018, 6, 22)


def test_asciidoc_revdate_and_an_html_date_line_are_the_documents_own_date():
    assert date_of_origin([(4, ":revdate: 2025-04-14")]).origin == DateFound(date(2025, 4, 14), 4, "labelled")
    html = b"<html>\n<body>\n<p>SECRET</p>\n<p>7 July 2025</p>\n<p>(S) The fence failed.</p>\n</body>\n</html>\n"
    assert dating(read_document("memo.html", html, "html")).origin == DateFound(date(2025, 7, 7), 4, "date-line")
