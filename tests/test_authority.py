"""The classification authority block: recognition, and each cab-* rule with exact positions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marklint.checks.authority import check_authority
from marklint.checks.authority_block import find_authority_block, is_authority_line
from marklint.dates import document_date
from marklint.document import Block, BlockKind, Document, Page
from marklint.findings import Severity
from marklint.markings.model import Aea, Marking
from marklint.ruleset import load_ruleset

FIXTURES = Path(__file__).parent / "fixtures" / "authority"
# A byte-for-byte copy of ../shared/seeds/000_2aaf33a82973c46b.txt, the user's example letter.
SEED = Path(__file__).parent / "fixtures" / "seed_letter.txt"
SECRET = Marking("us", "S")
FOUO = Marking("us", "U", dissem=frozenset({"FOUO"}))


def make_doc(text: str, path: str = "doc.txt") -> Document:
    """One page; blocks are runs of non-blank lines (positions as the text reader gives them)."""
    blocks, lines, start = [], [], 0
    for number, line in enumerate(text.split("\n") + [""], 1):
        if line.strip():
            start = start if lines else number
            lines.append(line)
        elif lines:
            kind = BlockKind.LINE if len(lines) == 1 else BlockKind.PARAGRAPH
            blocks.append(Block(kind, "\n".join(lines), start))
            lines = []
    return Document(path, "text", [Page(1, blocks)], text)


def lint(name: str, overall: Marking | None = SECRET, ruleset: str = "us-cnsi"):
    text = (FIXTURES / name).read_text()
    doc = make_doc(text, name)
    findings = check_authority(doc, find_authority_block(doc), overall, document_date(text.splitlines()),
                               load_ruleset(ruleset))
    return [(f.rule, f.line, f.column, f.end_column, f.severity.label, f.message) for f in findings]


def test_block_lines_values_and_positions():
    doc = make_doc((FIXTURES / "original-ok.txt").read_text())
    cab = find_authority_block(doc)
    assert [(l.key, l.value, l.line, l.column, l.value_line, l.value_column) for l in cab.lines] == [
        ("classified-by", "David Smith, Chief, Division 5", 7, 1, 7, 16),
        ("reason", "1.4(a)(c)", 8, 1, 8, 9),
        ("declassify-on", "20220303", 9, 1, 9, 16),
    ]
    assert cab.derivative is False and len(cab.blocks) == 1


def test_linear_block_and_lookalike_label():
    doc = make_doc((FIXTURES / "linear.txt").read_text())
    cab = find_authority_block(doc)
    assert [(l.key, l.label, l.value, l.column, l.value_column, l.lookalike) for l in cab.lines] == [
        ("classified-by", "Classified By", "D. Smith", 1, 16, False),
        ("reason", "Reason", "1.4(c)", 27, 35, False),
        ("declassify-on", "Declass On", "20220303", 44, 56, True),
    ]


@pytest.mark.parametrize("line", [
    "Classified By: David Smith", "CLASSIFIED BY: ID#IMNO1", "Derived From: Multiple Sources",
    "Reason: 1.4(c)", "Declassify On: 20351231", "Declassify on: OADR", "DECL: OADR", "DECL ON: X1",
    "Downgrade To: CONFIDENTIAL on 20121231", "Declass On: 20301231", "Derived Form: Memo",
    "Classified By: A | Derived From: B | Declassify On: 20351231",
])
def test_is_authority_line(line):
    assert is_authority_line(line)


@pytest.mark.parametrize("line", [
    "The reason: budgets.", "Declassified by David Smith, Chief, Division 5, August 17, 2008",
    "Declassified on: August 17, 2008", "SUBJECT: (U) Weekly report", "Dear Margaret:",
    "(S) Classified By the end of the day, the plan changes.", "Classification: SECRET",
])
def test_is_not_authority_line(line):
    assert not is_authority_line(line)


def test_cable_form_of_the_legacy_label():
    doc = make_doc("SECRET\n\nE.O. 12356: DECL: OADR\n\nSECRET\n")
    cab = find_authority_block(doc)
    assert [(l.key, l.label, l.value, l.line, l.column, l.value_column) for l in cab.lines] == [
        ("declassify-on", "DECL", "OADR", 3, 1, 19), ("telegram", "E.O. 12356", "", 3, 1, 12)]
    assert is_authority_line("EO 12958: DECL: X1")


def test_reason_alone_is_not_a_block():
    doc = make_doc((FIXTURES / "unclassified-ok.txt").read_text())
    assert find_authority_block(doc) is None


def test_block_comes_from_the_first_page_that_has_one():
    first = [Block(BlockKind.LINE, "SECRET", 1)]
    second = [Block(BlockKind.PARAGRAPH, "Classified By: A\nReason: 1.4(c)\nDeclassify On: 20301231", 5)]
    third = [Block(BlockKind.LINE, "Declassify On: 20401231", 9)]
    doc = Document("d.txt", "text", [Page(1, first), Page(2, second), Page(3, third)])
    cab = find_authority_block(doc)
    assert [(l.key, l.line, l.page) for l in cab.lines] == [
        ("classified-by", 5, 2), ("reason", 6, 2), ("declassify-on", 7, 2)]


# cab-missing (C-01)

def test_cab_missing():
    assert lint("missing.txt") == [
        ("cab-missing", 1, 1, 1, "error",
         "classified document has no classification authority block "
         "(Classified By / Derived From / Declassify On) (C-01)"),
    ]


def test_cab_missing_near_miss_complete_original_block():
    assert lint("original-ok.txt") == []


def test_cab_missing_on_the_seed_letter_is_an_error_under_us_cnsi_and_a_warning_under_eo12356():
    text = SEED.read_text()
    doc = make_doc(text, "seed.txt")
    cab = find_authority_block(doc)
    assert cab is None and document_date(text.splitlines()) == date(1984, 11, 22)
    strict = check_authority(doc, cab, SECRET, date(1984, 11, 22), load_ruleset("us-cnsi"))
    legacy = check_authority(doc, cab, SECRET, date(1984, 11, 22), load_ruleset("us-eo12356"))
    assert [(f.rule, f.line, f.column, f.severity) for f in strict] == [("cab-missing", 3, 1, Severity.ERROR)]
    assert [(f.rule, f.line, f.column, f.severity) for f in legacy] == [("cab-missing", 3, 1, Severity.WARNING)]


def test_cab_missing_off_when_the_rule_set_does_not_require_a_block(tmp_path):
    rules = tmp_path / "no-cab.yaml"
    rules.write_text("extends: us-cnsi\nauthority:\n  required: false\n")
    doc = make_doc((FIXTURES / "missing.txt").read_text())
    assert check_authority(doc, None, SECRET, None, load_ruleset(str(rules))) == []


# cab-unexpected (C-01)

def test_cab_unexpected():
    assert lint("unexpected.txt", FOUO) == [
        ("cab-unexpected", 7, 1, 1, "error", "classification authority block on an unclassified document (C-01)"),
    ]


def test_cab_unexpected_near_miss_unclassified_without_block():
    assert lint("unclassified-ok.txt", FOUO) == []


def test_cab_unexpected_on_an_unmarked_document():
    assert lint("unexpected.txt", None)[0][-1] == "classification authority block on an unmarked document (C-01)"


# cab-incomplete (C-02..C-05, C-18)

def test_cab_incomplete_original_without_reason():
    assert lint("incomplete-original.txt") == [
        ("cab-incomplete", 7, 1, 1, "error",
         "authority block has no Reason: line (original classification needs Classified By, "
         "Reason, Declassify On) and no Derived From: line (derivative classification) (C-02..C-05)"),
    ]


def test_cab_incomplete_derivative_empty_classified_by_no_declassify_and_a_reason():
    assert lint("incomplete-derivative.txt") == [
        ("cab-incomplete", 7, 1, 1, "error", "Classified By: line is empty (C-02..C-05)"),
        ("cab-incomplete", 7, 1, 1, "error",
         "authority block has no Declassify On: line (derivative classification needs Classified By, "
         "Derived From, Declassify On) (C-02..C-05)"),
        ("cab-incomplete", 9, 1, 1, "warning",
         "a derivative authority block does not carry the original Reason forward (C-04)"),
    ]


def test_cab_incomplete_near_miss_complete_derivative():
    assert lint("derivative-ok.txt") == []


def test_lookalike_label_is_a_warning_and_still_read():
    # `D. Smith` names no position or office: C-02 (issue 14) asks for both.
    assert lint("linear.txt") == [
        ("cab-incomplete", 7, 44, 55, "warning",
         "unknown authority-block label 'Declass On:'; did you mean 'Declassify On:'? (C-18)"),
        ("cab-incomplete", 7, 16, 24, "error",
         "Classified By names a person but no position or office; give both, or a personal identifier (C-02)"),
    ]


# cab-reason-invalid (C-03)

def test_cab_reason_invalid():
    assert lint("reason-invalid.txt") == [
        ("cab-reason-invalid", 8, 9, 15, "error",
         "Reason '1.4(i)' is not 1.4 plus one or more of the letters (a)..(h), e.g. '1.4(c)' (C-03)"),
    ]



def test_free_text_values_are_not_quoted(tmp_path):
    """A Reason or Declassify On written as prose may itself be sensitive: messages name the line,
    not its text (content safety); short codes such as '1.4(i)' above are quoted."""
    text = (FIXTURES / "reason-invalid.txt").read_text().replace("1.4(i)", "sources in the capital")
    text = text.replace("Completion of Operation", "20301231 or when the sources retire")
    doc = make_doc(text)
    findings = check_authority(doc, find_authority_block(doc), SECRET, date(2012, 3, 3), load_ruleset("us-cnsi"))
    messages = [f.message for f in findings]
    assert messages == [
        "Reason value is not 1.4 plus one or more of the letters (a)..(h), e.g. '1.4(c)' (C-03)",
        "Declassify On value holds more than one value; give exactly one date or event (C-06)",
    ]
    assert not any("capital" in m or "retire" in m for m in messages)

def test_cab_reason_invalid_off_under_eo12356():
    assert [f[0] for f in lint("reason-invalid.txt", ruleset="us-eo12356")] == []


# cab-declassify-invalid and cab-declassify-too-late: whole files

def test_cab_declassify_invalid_numeric_date():
    assert lint("declassify-invalid.txt") == [
        ("cab-declassify-invalid", 9, 16, 26, "error",
         "numeric date '10/10/2035' must be written YYYYMMDD (20351010) (C-07)"),
    ]


def test_cab_declassify_too_late():
    assert lint("too-late.txt") == [
        ("cab-declassify-too-late", 9, 16, 24, "error",
         "declassification date 20401010 is more than 25 years after the document's date 2010-10-10 "
         "(latest 20351010) (C-08)"),
    ]


def test_cab_declassify_too_late_near_miss_exactly_25_years():
    assert lint("limit-ok.txt") == []


def test_legacy_1984_letter_with_oadr():
    assert lint("legacy-1984.txt", ruleset="us-eo12356") == []
    # us-cnsi accepts OADR on a 1984 document (L-04) but wants a Reason line (C-03)
    assert [f[0] for f in lint("legacy-1984.txt")] == ["cab-incomplete"]


# Declassify On values, one at a time (C-06, C-07, C-10..C-12, C-14, C-15, L-04)

TEMPLATE = "SECRET\n\n{date}\n\n(S) Text.\n\nClassified By: D. Smith, Chief, Division 5\nReason: 1.4(c)\nDeclassify On: {value}\n\nSECRET\n"


def declassify(value: str, day: str = "March 3, 2012", overall: Marking = SECRET, ruleset: str = "us-cnsi"):
    text = TEMPLATE.format(date=day, value=value)
    doc = make_doc(text)
    findings = check_authority(doc, find_authority_block(doc), overall, document_date(text.splitlines()),
                               load_ruleset(ruleset))
    return [(f.rule, f.line, f.column, f.message) for f in findings]


@pytest.mark.parametrize("value", [
    "20220303", "Completion of Operation", "50X1-HUM", "50X2-WMD", "25X4, 20501001", "25X1, EO 12951",
    "50X6, 20701231", "75X1, 20801231",
])
def test_valid_declassify_values(value):
    assert declassify(value) == []


def test_a_spelled_out_declassify_date_is_a_warning():
    """C-07: the CFR prescribes YYYYMMDD for numeric dates only; a spelled-out date is a
    warning (W), under the rule sets that ask for YYYYMMDD."""
    doc = make_doc(TEMPLATE.format(date="March 3, 2012", value="October 10, 2035"))
    found = check_authority(doc, find_authority_block(doc), SECRET, date(2012, 3, 3), load_ruleset("us-cnsi"))
    assert [(f.rule, f.line, f.column, f.severity.name, f.message) for f in found] == [
        ("cab-declassify-invalid", 9, 16, "WARNING", "date 'October 10, 2035' is spelled out: write it 20351010 (C-07)")]
    assert declassify("October 10, 2035", ruleset="us-eo12958") == []


@pytest.mark.parametrize("value, message", [
    ("20301231 or Completion of Operation",
     "Declassify On value holds more than one value; give exactly one date or event (C-06)"),
    ("2035-10-10", "numeric date '2035-10-10' must be written YYYYMMDD (20351010) (C-07)"),
    ("20351340", "'20351340' is not a valid date (C-07)"),
    ("50X1-HUM, 20600101", "50X1-HUM takes no date or event (C-10)"),
    ("25X1", "exemption 25X1 needs a date or event: '25X1, YYYYMMDD' (C-11, C-12)"),
    ("50X6", "exemption 50X6 needs a date or event: '50X6, YYYYMMDD' (C-11, C-12)"),
    ("OADR", "Declassify On 'OADR' is a retired value, valid only on documents dated on or before 1995-10-14; "
             "use the source document's date plus 25 years (C-15, L-04)"),
    ("X3", "Declassify On 'X3' is a retired value, valid only on documents dated on or before 2003-09-21; "
           "use the source document's date plus 25 years (C-15, L-04)"),
    ("Manual Review", "Declassify On 'Manual Review' is a retired value, never valid; "
                      "use the source document's date plus 25 years (C-15, L-04)"),
    ("25X1-human", "Declassify On '25X1-human' is a retired value, valid only on documents dated on or before 2010-06-24; "
                   "use 50X1-HUM (C-15, L-04)"),
    ("Subject to treaty or international agreement",
     "Declassify On 'Subject to treaty or international agreement' is a retired value, never valid (C-15, L-04)"),
])
def test_invalid_declassify_values(value, message):
    assert declassify(value) == [("cab-declassify-invalid", 9, 16, message)]


def test_several_exemptions_on_one_line_are_a_warning():
    text = TEMPLATE.format(date="March 3, 2012", value="25X1 25X3, 20351231")
    doc = make_doc(text)
    findings = check_authority(doc, find_authority_block(doc), SECRET, date(2012, 3, 3), load_ruleset("us-cnsi"))
    assert [(f.rule, f.line, f.column, f.severity, f.message) for f in findings] == [
        ("cab-declassify-invalid", 9, 16, Severity.WARNING,
         "several exemptions (25X1 25X3) on one Declassify On line; the IC register allows a single value (C-06)")]


def test_exemption_limits_are_counted_from_the_document_date():
    assert declassify("25X4, 20620303") == []
    assert declassify("25X4, 20620304") == [
        ("cab-declassify-too-late", 9, 16,
         "25X4 date 20620304 is more than 50 years after the document's date 2012-03-03 (latest 20620303) (C-08)")]


def test_no_limit_without_a_document_date():
    assert declassify("20991231", day="") == []


def test_retired_value_valid_on_old_documents():
    assert declassify("X3", day="June 1, 2001") == []
    assert declassify("OADR", day="June 1, 1990") == []


def test_rd_document_takes_the_na_statement():
    rd = Marking("us", "S", aea=(Aea("RD"),))
    assert declassify("N/A to RD/FRD portions. See source list for NSI portions.", overall=rd) == []
    assert declassify("20301231", overall=rd) == [
        ("cab-declassify-invalid", 9, 16,
         "a document with RD/FRD/TFNI information takes no declassification date or event: "
         "'N/A to RD/FRD/TFNI portions. See source list for NSI portions.' (C-14)")]


def test_eo12356_accepts_any_numeric_date_and_oadr():
    assert declassify("10/10/1994", day="November 22, 1984", ruleset="us-eo12356") == []
    assert declassify("OADR", day="November 22, 1984", ruleset="us-eo12356") == []


def test_two_declassify_lines():
    text = TEMPLATE.format(date="March 3, 2012", value="20220303") + "Declassify On: 20230303\n"
    text = text.replace("\n\nSECRET\nDeclassify", "\nDeclassify")
    doc = make_doc(text)
    findings = check_authority(doc, find_authority_block(doc), SECRET, date(2012, 3, 3), load_ruleset("us-cnsi"))
    assert [(f.rule, f.line, f.column, f.message) for f in findings] == [
        ("cab-declassify-invalid", 10, 1,
         "more than one Declassify On line; the block takes exactly one value (C-06)")]


def test_a_telegrams_next_heading_run_onto_the_decl_line_ends_its_value():
    """A printout or scan runs TAGS: and SUBJECT: onto the authority line; the DECL value is
    the date before them."""
    doc = make_doc("SECRET\n\nE.O. 12958: DECL: 04/22/29 TAGS: PREL, PGOV, NO SUBJECT: MEETING\n\nSECRET\n")
    cab = find_authority_block(doc)
    assert [(l.key, l.value, l.value_column) for l in cab.lines] == [
        ("declassify-on", "04/22/29", 19), ("telegram", "", 12)]


@pytest.mark.parametrize("text", ["1. (U) Classified by Deputy Secretary Talbott; reason\n1.5(D).",
                                  "1. (U) Classified by Deputy Secretary Talbott; reason \n1.5(D).",
                                  "1. CLASSIFIED BY DEPUTY\nSECRETARY OF STATE JOHN SMITH. REASONS: 1.5 (B)."])
def test_a_telegrams_first_paragraph_names_classifier_and_reason_however_wrapped(text):
    doc = make_doc(f"CONFIDENTIAL\n\nE.O. 12958: DECL: 12/5/06\n\n{text}\n\n2. (C) TEXT.\n\nCONFIDENTIAL\n")
    assert {line.key for line in find_authority_block(doc).lines} == {
        "declassify-on", "telegram", "classified-by", "reason"}


def test_a_reason_is_no_wrapped_reason_when_the_next_line_holds_no_category():
    doc = make_doc("CONFIDENTIAL\n\nE.O. 12958: DECL: 12/5/06\n\n1. (U) Classified by John Smith; reason\nunknown.\n"
                   "\nCONFIDENTIAL\n")
    assert "reason" not in {line.key for line in find_authority_block(doc).lines}
