"""MK707 email-protective-marking (A-09): the Australian e-mail marking in the subject and the
X-Protective-Marking header, exact findings; malformed values are reported, never raised."""

import pytest
from rule_support import found

from marklint.checks.rules.email_protective_marking import RULE

HEAD = "From: jane.citizen@agency.gov.au\nTo: desk@agency.gov.au\n"
ORIGIN = "ORIGIN=jane.citizen@agency.gov.au"


def lint(text: str, rules: str | None = "au") -> list[tuple]:
    return [(line, column, message) for _, line, column, message in found(text, RULE.slug, "email", rules=rules)]


def message(subject: str, header: str | None, body: str) -> str:
    marking = f"X-Protective-Marking: {header}\n" if header is not None else ""
    return f"{HEAD}Subject: {subject}\n{marking}\n{body}\n\nThe figures are attached.\n\n{body}\n"


def test_bad_example():
    assert lint(RULE.bad) == [
        (3, 26, "subject marking [SEC=OFFICIAL] disagrees with the X-Protective-Marking header (SEC=PROTECTED), which wins"),
    ]


def test_near_miss_passes():
    assert lint(RULE.good) == []


def test_only_under_a_scheme_with_an_email_marking():
    assert lint(message("Budget [SEC=OFFICIAL]", None, "SECRET"), rules=None) == []
    assert lint(message("Budget", None, "SECRET"), rules="uk") == []


@pytest.mark.parametrize("subject,header,body", [
    ("Budget [SEC=OFFICIAL:Sensitive, ACCESS=Legal-Privilege]",
     f"VER=2024.1, NS=gov.au, SEC=OFFICIAL:Sensitive, ACCESS=Legal-Privilege, {ORIGIN}", "OFFICIAL: Sensitive Legal-Privilege"),
    ("Budget [SEC=PROTECTED, EXPIRES=2019-07-01, DOWNTO=OFFICIAL]",
     f"VER=2018.4, NS=gov.au, SEC=PROTECTED, EXPIRES=2019-07-01, DOWNTO=OFFICIAL, {ORIGIN}", "PROTECTED"),
    ("Budget [SEC=SECRET, CAVEAT=SH:ACCOUNTABLE-MATERIAL, CAVEAT=RI:AUSTEO]",
     f"VER=2018.4, NS=gov.au, SEC=SECRET, CAVEAT=SH:ACCOUNTABLE-MATERIAL, CAVEAT=RI:AUSTEO, {ORIGIN}",
     "SECRET AUSTEO ACCOUNTABLE MATERIAL"),
    ("RE: Cabinet [SEC=OFFICIAL:Sensitive, CAVEAT=SH:NATIONAL-CABINET]",
     f"VER=2018.4, NS=gov.au, SEC=OFFICIAL:Sensitive, CAVEAT=SH:NATIONAL-CABINET, {ORIGIN}",
     "OFFICIAL: Sensitive NATIONAL CABINET"),
    ("Visit [SEC=PROTECTED, CAVEAT=C:JUNIPER, CAVEAT=RI:REL/AUS/GBR]",
     f"VER=2024.1, NS=gov.au, SEC=PROTECTED, CAVEAT=C:JUNIPER, CAVEAT=RI:REL/AUS/GBR, NOTE=by hand, {ORIGIN}", "PROTECTED"),
    ("Lunch [SEC=UNOFFICIAL]", f"VER=2024.1, NS=gov.au, SEC=UNOFFICIAL, {ORIGIN}", "UNOFFICIAL"),
    # the order of s.7.1's regular expression (ACCESS after DOWNTO) is read too ((d)14)
    ("Pay [SEC=PROTECTED, EXPIRES=2030-01-01, DOWNTO=OFFICIAL:Sensitive, ACCESS=Personal-Privacy]",
     f"VER=2024.1, NS=gov.au, SEC=PROTECTED, ACCESS=Personal-Privacy, EXPIRES=2030-01-01, DOWNTO=OFFICIAL:Sensitive, {ORIGIN}",
     "PROTECTED Personal-Privacy"),
])
def test_correct_markings(subject, header, body):
    assert lint(message(subject, header, body)) == []


def test_missing_markings():
    assert lint(message("Budget", None, "PROTECTED")) == [
        (3, 10, "no protective marking: no [SEC=...] in the subject and no X-Protective-Marking header")]
    assert lint(message("Budget [SEC=PROTECTED]", None, "PROTECTED")) == [
        (3, 17, "no X-Protective-Marking header (the subject has a marking)")]
    assert lint(message("Budget", f"VER=2024.1, NS=gov.au, SEC=PROTECTED, {ORIGIN}", "PROTECTED")) == [
        (3, 10, "no [SEC=...] marking in the subject (the X-Protective-Marking header has one)")]


@pytest.mark.parametrize("subject,at,problem", [
    ("[SEC=OFFICIAL: Sensitive]", "OFFICIAL:", "classification OFFICIAL: Sensitive is written OFFICIAL:Sensitive (values are case-sensitive)"),
    ("[SEC=TOP SECRET]", "TOP", "classification TOP SECRET is written TOP-SECRET (values are case-sensitive)"),
    ("[SEC=OFFICIAL, CAVEAT=RI:AUSTEO]", "RI:", "CAVEAT=RI:AUSTEO needs SEC=PROTECTED or higher"),
    ("[SEC=OFFICIAL, ACCESS=Legal-Privilege]", "Legal", "ACCESS=Legal-Privilege needs SEC=OFFICIAL:Sensitive or higher"),
    ("[SEC=PROTECTED, CAVEAT=AUSTEO]", "AUSTEO", "caveat AUSTEO needs its type: RI:AUSTEO"),
    ("[sec=PROTECTED]", "sec", "tag sec is written SEC (tags are case-sensitive)"),
    ("[SEC=PROTECTED, EXPIRES=2030-01-01]", "EXPIRES", "EXPIRES= needs DOWNTO= right after it"),
    ("[SEC=PROTECTED, EXPIRES=2030-01-01, DOWNTO=SECRET]", "DOWNTO", "DOWNTO= must be lower than SEC="),
    ("[SEC=PROTECTED, CAVEAT=SH:UNHEARD-OF]", "SH:", "unknown caveat 'SH:UNHEARD-OF'"),
    ("[SEC=PROTECTED, VER=2024.1]", "VER", "VER= is not used in the subject marking"),
    ("[SEC=PROTECTED, ACCESS=Personal-Privacy, CAVEAT=RI:AUSTEO]", "CAVEAT",
     "CAVEAT= is out of order (the order is SEC, CAVEAT, ACCESS, EXPIRES, DOWNTO)"),
])
def test_malformed_subject_markings(subject, at, problem):
    text = f"{HEAD}Subject: Memo {subject}\n\nBody.\n"
    column = len("Subject: Memo ") + subject.index(at) + 1
    assert (3, column, f"subject marking: {problem} (A-09)") in lint(text)


def test_malformed_header_values_are_reported_at_their_column():
    header = "ver=2018, NS=gov.uk, SEC=Secret, EXPIRES=2020-02-30, DOWNTO=OFFICIAL, ORIGIN=nobody"
    assert lint(message("Memo [SEC=SECRET]", header, "SECRET")) == [
        (3, 16, "subject marking [SEC=SECRET] disagrees with the X-Protective-Marking header "
                "(SEC=SECRET, EXPIRES=2020-02-30, DOWNTO=OFFICIAL), which wins"),
        (4, 23, "X-Protective-Marking: tag ver is written VER (tags are case-sensitive) (A-09)"),
        (4, 27, "X-Protective-Marking: VER=2018 is not a version (such as 2018.4 or 2024.1) (A-09)"),
        (4, 36, "X-Protective-Marking: NS=gov.uk is not the namespace gov.au (A-09)"),
        (4, 48, "X-Protective-Marking: classification Secret is written SECRET (values are case-sensitive) (A-09)"),
        (4, 64, "X-Protective-Marking: EXPIRES=2020-02-30 is not a date (A-09)"),
        (4, 100, "X-Protective-Marking: ORIGIN= is not an e-mail address (A-09)"),
    ]


@pytest.mark.parametrize("header", ["", "garbage", "=,=,,", "SEC", "VER=2024.1, NS=gov.au, SEC=\u00e9, ORIGIN=a@b.gov.au",
                                    "SEC=PROTECTED" * 100])
def test_garbage_headers_give_findings_not_errors(header):
    assert lint(message("Memo [SEC=PROTECTED]", header, "PROTECTED"))


def test_subject_and_header_disagree_and_the_header_wins_against_the_body():
    header = f"VER=2024.1, NS=gov.au, SEC=SECRET, {ORIGIN}"
    assert lint(message("Memo [SEC=PROTECTED]", header, "PROTECTED")) == [
        (3, 16, "subject marking [SEC=PROTECTED] disagrees with the X-Protective-Marking header (SEC=SECRET), which wins"),
        (4, 46, "the e-mail marking (SEC=SECRET) does not match the body's highest marking PROTECTED"),
    ]


def test_caveats_of_the_body_must_be_in_the_email_marking():
    header = f"VER=2024.1, NS=gov.au, SEC=PROTECTED, {ORIGIN}"
    assert lint(message("Memo [SEC=PROTECTED]", header, "PROTECTED AUSTEO")) == [
        (4, 46, "the e-mail marking (SEC=PROTECTED) does not match the body's highest marking PROTECTED AUSTEO")]


def test_body_paragraphs_raise_the_required_marking():
    header = f"VER=2024.1, NS=gov.au, SEC=OFFICIAL:Sensitive, {ORIGIN}"
    text = (f"{HEAD}Subject: Memo [SEC=OFFICIAL:Sensitive]\nX-Protective-Marking: {header}\n\n"
            "OFFICIAL: Sensitive\n\n(OFFICIAL: Sensitive) One.\n\n(PROTECTED) Two.\n\nOFFICIAL: Sensitive\n")
    assert (4, 46, "the e-mail marking (SEC=OFFICIAL:Sensitive) does not match the body's highest marking PROTECTED") \
        in lint(text)


def test_folded_header_positions_and_second_markings():
    text = (f"{HEAD}Subject: Memo [SEC=PROTECTED] [SEC=PROTECTED]\n"
            "X-Protective-Marking: VER=2024.1, NS=gov.au,\n SEC=PROTECTED, CAVEAT=RI:AUSTEO,\n ORIGIN=a@b.gov.au\n"
            "X-Protective-Marking: VER=2024.1, NS=gov.au, SEC=PROTECTED, ORIGIN=a@b.gov.au\n\n"
            "PROTECTED\n\nBody.\n\nPROTECTED\n")
    assert lint(text) == [
        (3, 16, "subject marking [SEC=PROTECTED] disagrees with the X-Protective-Marking header "
                "(SEC=PROTECTED, CAVEAT=RI:AUSTEO), which wins"),
        (3, 31, "a second marking in the subject (at most one)"),
        (5, 2, "the e-mail marking (SEC=PROTECTED, CAVEAT=RI:AUSTEO) does not match the body's highest marking PROTECTED"),
        (7, 23, "a second X-Protective-Marking header (at most one)"),
    ]


def test_unclosed_subject_marking():
    text = f"{HEAD}Subject: Memo [SEC=PROTECTED\nX-Protective-Marking: VER=2024.1, NS=gov.au, SEC=PROTECTED, {ORIGIN}\n\nBody.\n"
    assert lint(text) == [(3, 15, "the subject marking is not closed with ]")]
