"""`copy_date_kind`: a line matching any one pattern of the list passes the first, combined
search and gets the kind of the first pattern that matches."""

from __future__ import annotations

import re

import pytest

from marklint.copydates import COPY_DATE_LINES, copy_date_kind


EXAMPLES = [
    ("RELEASED IN FULL 2008/07/14", "release"),
    ("Approved for Release 2005/03/24 : CIA-RDP80B01676R", "release"),
    ("APPROVER FOR RELEASE 1993", "release"),  # the Historical Review Program stamp as OCR left it
    ("Case No. F-2008-01234 Doc No. C05123456 Date: 07/14/2009", "release"),
    ("Released under the John F. Kennedy Assassination Records Collection Act of 1992", "release"),
    ("Senior Reviewer 1999", "review"),
    ("Declassified Authority: NND 968014", "declassification"),
    ("Portions reclassified 3/4/1995", "declassification"),
    ("Classified by: J. Smith on 12/3/2002", "declassification"),
    ("Date printed: 12/04/2003", "metadata"),
    ("docid: 12345", "metadata"),
    ("Agency File Number: 124-10001", "metadata"),
    ("  DATE 05-16-2023 BY NSICG", "metadata"),
    ("automatically declassified on December 31, 1990", None),
    ("(S) The meeting of 12 March 1984 went well.", None),
]


@pytest.mark.parametrize(("line", "kind"), EXAMPLES)
def test_each_kind_of_copy_date_line(line, kind):
    assert copy_date_kind(line) == kind


def test_every_pattern_has_an_example_above():
    for _, pattern in COPY_DATE_LINES:
        assert any(re.search(pattern, line, re.IGNORECASE) for line, _ in EXAMPLES), pattern
