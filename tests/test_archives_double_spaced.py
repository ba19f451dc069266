"""Paragraphs of OCR texts (marklint.archives.double_spaced, split_paragraphs): cables and memos
as archives release them, a blank line after every line or not, numbered paragraphs and
sections, redaction gaps, garbled stamps, marks at a paragraph's end or alone on a line. Each fixture is linted with OCR tolerance (the
archive's reading) and without it (a draft's reading, which must not change)."""

from pathlib import Path

import pytest

from archives_support import lint_text
from marklint.archives.double_spaced import shapes
from marklint.lint import Settings, lint_path
from marklint.readers import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "archives" / "double_spaced"


def _findings(name: str, ocr: bool) -> list[tuple[str, int, int]]:
    result = lint_path(str(FIXTURES / name), Settings(rules="auto", use_config=False, ocr=ocr))
    return [(f.rule, f.line, f.column) for f in result.findings if f.rule != "ocr-recognised"]


@pytest.mark.parametrize("name, with_ocr, without_ocr", [
    # sentences run on past long lines; a line a redaction cut (`IF IT HAS NOT BEEN TOLD, HQS
    # WILL`) goes on with paragraph 2; the routing lines under TEXT: are no portions; paragraph
    # 3 is unmarked
    ("cable_bonn_runs_on.txt", [("portion-missing", 41, 1)],
     [("portion-missing", line, 1) for line in (21, 23, 27, 29, 33, 35, 37, 39, 41)]),
    # CIA style, the mark at the paragraph's end; a line opening on a parenthesis that is no mark
    # (`(the Foreign Ministry) which ...`) goes on; paragraph 3 is unmarked, at its first line
    ("memo_trailing_marks.txt",
     [("portion-placement", 9, 37), ("portion-placement", 17, 47), ("portion-placement", 25, 42),
      ("portion-missing", 27, 1), ("portion-placement", 33, 67)],
     [("portion-placement", 9, 37), ("portion-missing", 11, 1), ("portion-missing", 13, 1),
      ("portion-missing", 15, 1), ("portion-placement", 17, 47), ("portion-missing", 19, 1),
      ("portion-missing", 21, 1), ("portion-missing", 23, 1), ("portion-placement", 25, 42),
      ("portion-missing", 27, 1), ("portion-missing", 29, 1), ("portion-missing", 31, 1),
      ("portion-placement", 33, 67)]),
    # marks alone on the line before their paragraphs: the subject carries its own (U), so the
    # (S) below it is paragraph 1's, and each later one the next paragraph's
    ("memo_lone_marks_before.txt", [],
     [("portion-missing", 11, 1), ("portion-missing", 13, 1), ("portion-missing", 17, 1),
      ("portion-missing", 21, 1)]),
    # the same marks alone on the line after their paragraphs: paragraph 3 is unmarked
    ("memo_lone_marks_after.txt",
     [("portion-placement", 13, 1), ("portion-placement", 17, 1), ("portion-missing", 19, 1)],
     [("portion-missing", 9, 1), ("portion-missing", 11, 1), ("portion-missing", 15, 1),
      ("portion-missing", 19, 1)]),
    # a letter without numbered paragraphs: a paragraph after a long line that ends a sentence
    # is a paragraph of its own
    ("letter_unnumbered.txt", [("portion-missing", 11, 1)],
     [("portion-missing", 9, 1), ("portion-missing", 11, 1), ("portion-missing", 15, 1)]),
    # a stamp's fragment in a column beside the banner is no portion; paragraph 2 is unmarked;
    # `cL. BY:` (the scan's case, an abbreviation's period) opens the authority block
    ("memo_stamp_beside_banner.txt", [("portion-missing", 10, 1)],
     [("banner-missing-top", 1, 1), ("portion-missing", 1, 1), ("portion-missing", 10, 1)]),
    # single-spaced: a section's heading (`II.`, `III.`) is judged with the paragraph whose
    # trailing mark follows it; a garbled stamp (`prac thP ...`) is no portion, a paragraph
    # naming DeSOUZA is (it has function words); section IV and its paragraphs are unmarked
    ("memo_sections_stamp_noise.txt",
     [("portion-placement", 11, 37), ("portion-placement", 16, 38), ("portion-placement", 21, 27),
      ("portion-missing", 26, 1), ("portion-missing", 28, 1), ("portion-missing", 31, 1)],
     [("portion-missing", 8, 1), ("portion-placement", 11, 37), ("portion-missing", 13, 1),
      ("portion-placement", 16, 38), ("portion-missing", 18, 1), ("portion-placement", 21, 27),
      ("portion-missing", 23, 1), ("portion-missing", 26, 1), ("portion-missing", 28, 1),
      ("portion-missing", 31, 1)]),
])
def test_double_spaced_paragraphs_are_read_as_their_writer_set_them(name, with_ocr, without_ocr):
    assert _findings(name, ocr=True) == with_ocr
    assert _findings(name, ocr=False) == without_ocr


def test_widths_are_measured_on_the_document_and_numbering_on_each_page():
    path = FIXTURES / "cable_bonn_runs_on.txt"
    shape = shapes(read_document(str(path), path.read_bytes()))[1]
    assert shape.numbered and shape.full_width == 67  # the upper quartile of its lines of prose
    assert shape.long("THE HOTEL. STATION SHOULD NOT ATTEMPT ANY CONTACT DURING THE VISIT.")
    assert not shape.long("IF IT HAS NOT BEEN TOLD, HQS WILL")
    letter = FIXTURES / "letter_unnumbered.txt"
    assert not shapes(read_document(str(letter), letter.read_bytes()))[1].numbered


def _cable(second_paragraph: list[str], last_line: str = "FOR THREE DAYS.") -> str:
    lines = ["SECRET", "TEXT:", "1. (S) THE STATION HAS LEARNED THAT THE DELEGATION WILL ARRIVE ON 12 MAY",
             "AND WILL STAY AT THE EMBASSY RESIDENCE IN THE CAPITAL WITH ITS STAFF", last_line,
             *second_paragraph, "3. (S) THE STATION WILL REPORT ANY CONTACT BY THE DELEGATION WITH THE",
             "SERVICE AT ONCE.", "CL BY 0712052. DECL OADR DRV HUM 4-82.", "SECRET"]
    return "\n\n".join(lines) + "\n"


def _unmarked(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, ocr=True, rules="us-eo12356").findings
    return [(f.line, f.column) for f in findings if f.rule == "portion-missing"]


@pytest.mark.parametrize("second, found", [
    # numbered and marked: nothing to report
    (["2. (C) THE CHAIRMAN WILL MEET THE MINISTER ON THE SECOND DAY OF THE VISIT."], []),
    # numbered and unmarked: reported at its first line, its next sentence going on with it
    (["2. THE CHAIRMAN WILL MEET THE MINISTER ON THE SECOND DAY OF THE VISIT",
      "AT THE MINISTRY, AS THE AMBASSADOR HAS ARRANGED WITH THE FOREIGN OFFICE.",
      "THE MEETING WILL NOT BE ANNOUNCED."], [(11, 1)]),
    # its number lost to the scan, after a short line that ends a sentence: a paragraph of its own
    (["THE CHAIRMAN WILL MEET THE MINISTER ON THE SECOND DAY OF THE VISIT."], [(11, 1)]),
    # a line a redaction cut short, stopping mid-sentence: paragraph 1's
    (["THE MINISTER WILL", "MEET THE CHAIRMAN ON THE SECOND DAY OF THE VISIT IN THE CAPITAL."], []),
    # a short line over a numbered paragraph is a heading, no line a redaction cut: unmarked
    (["OTHER MATTERS OF THE VISIT", "2. (C) THE CHAIRMAN WILL MEET THE MINISTER ON THE SECOND DAY."], [(11, 1)]),
    # a mark alone above paragraph 2, paragraph 1 having its own: paragraph 2's
    (["(C)", "2. THE CHAIRMAN WILL MEET THE MINISTER ON THE SECOND DAY OF THE VISIT."], []),
])
def test_a_numbered_cable_reports_each_unmarked_paragraph_once(second, found):
    assert _unmarked(_cable(second)) == found


def test_a_sentence_after_a_long_line_goes_on_only_where_paragraphs_are_numbered():
    long_line = "FOR THE THREE DAYS OF ITS VISIT, AS THE AMBASSADOR HAS ASKED THE SERVICE."
    numbered = _cable(["THE CHAIRMAN WILL MEET THE MINISTER."], long_line)
    assert _unmarked(numbered) == []  # paragraph 1's next sentence
    unnumbered = numbered.replace("1. (S) ", "(S) ").replace("3. (S) ", "(S) ")
    assert _unmarked(unnumbered) == [(11, 1)]
    assert _unmarked(_cable(["THE CHAIRMAN WILL MEET THE MINISTER."])) == [(11, 1)]  # after a short line


def test_a_text_of_one_paragraph_a_line_has_no_margin_to_measure():
    # each paragraph on one line, ending a sentence: no line runs on after another
    paragraphs = ["(S) The convoy leaves at dawn and the escort joins it at noon on the coast road, as planned.",
                  "The route is given in the annex, with the times at which each unit reaches its post.",
                  "(S) The escort returns to base the next morning and reports to the duty officer."]
    text = "\n\n".join(["SECRET", *(f"{n}. {p}" if p.startswith("(") else p for n, p in enumerate(paragraphs, 1)),
                        "CL BY 0712052. DECL OADR DRV HUM 4-82.", "SECRET"]) + "\n"
    assert _unmarked(text) == [(5, 1)]


def test_a_word_in_capitals_atop_a_memo_is_a_heading_not_a_cable_routing_line():
    memo = "\n\n".join(["SECRET", "SUBJECT: (U) Travel of the delegation", "12 May 1987", "BACKGROUND",
                        "1. (S) The Station has learned that the delegation will arrive on 12 May and",
                        "will stay at the Embassy residence for three days.",
                        "2. (S) The Station will report any contact by the delegation at once.",
                        "CL BY 0712052", "DECL OADR",
                        "SECRET"]) + "\n"
    assert _unmarked(memo) == [(7, 1)]
    cable = memo.replace("SUBJECT: (U) Travel of the delegation", "TEXT:")
    assert _unmarked(cable) == []


def test_a_level_that_ends_a_sentence_on_a_line_of_its_own_is_no_banner():
    # the scan set the sentence's last words apart: `... downgraded to CONFIDENTIAL from` over `TOP SECRET.`
    memo = "\n\n".join(["CONFIDENTIAL", "23 December 1975", "MEMORANDUM FOR: Chief, Information and Privacy Staff",
                        "a. The memorandum of 22 April 1964 on the trip to Mexico City",
                        "should be downgraded to CONFIDENTIAL from", "TOP SECRET.",
                        "b. The memorandum of 22 July 1964 for Mr. Willens can be released.",
                        "E2 IMPDET", "CL BY 012170", "CONFIDENTIAL"]) + "\n"
    result = lint_text(memo, ocr=True, rules="us-eo11652")
    assert [(f.rule, f.line) for f in result.findings] == []
    assert result.facts["classification"] == "CONFIDENTIAL"
    # at the page's end the same line is its bottom banner (a page may break a sentence off)
    cut = memo.split("\n\nb. ", 1)[0] + "\n"
    assert [(f.rule, f.line, f.column) for f in lint_text(cut, ocr=True, rules="us-eo11652").findings] == [
        ("cab-missing", 1, 1), ("banner-mismatch", 11, 1), ("ocr-recognised", 11, 1)]


def test_a_short_line_running_on_after_a_sentence_is_the_rest_of_a_typed_line_numbered_or_not():
    # a letter without numbers: `He was variously` is the rest of the typed line that ends
    # `until August 1965.`, not a paragraph's first line (which would run the full width)
    letter = "\n\n".join([
        "SECRET", "21 May 1982",
        "Regarding your letter of 10 May 1982, our records indicate that he traveled to",
        "Mexico, the U.S. and Cuba during the period 1959-61 and was assigned to Mexico",
        "City as a consular officer and served there until August 1965.", "He was variously",
        "described as a translator, vice-consul, and attache, and he met often with them.",
        "In September 1963, the subject approached the Embassy in Mexico City in an attempt",
        "to get a visa allowing him to return to the USSR.", "SECRET"]) + "\n"
    assert _unmarked(letter) == [(5, 1), (15, 1)]
    # a long line there is the next paragraph's first line
    opened = letter.replace("He was variously\n\ndescribed", "He was variously described as a translator and a vice-consul")
    assert _unmarked(opened) == [(5, 1), (11, 1), (13, 1)]


# A contact report cable: lettered items whose labels end their line, the value on the next.
CONTACT = "\n\n".join([
    "SECRET", "271531Z DEC 94 STAFF", "TEXT:", "1.", "A. DATE OF MEETING: 30 NOV 94", "B.", "TIME OF MEETING:",
    "1600 TO 2000 HOURS", "C. OPERATIONAL:", "SEE REF A FOR INFORMATION ON THE PLANS FOR THE SUMMER.",
    "2. FILE: 201-1224541. DECL OADR DRV HUM 4-82.", "SECRET"]) + "\n"


def test_an_item_labels_value_on_the_next_line_goes_with_its_item():
    result = lint_text(CONTACT, ocr=True, rules="auto")
    assert [(f.rule, f.line) for f in result.findings] == [("portion-missing", 13), ("portion-missing", 17)]
    # the same items in a memo (no cable): the values stay lines of their own
    memo = lint_text(CONTACT.replace("271531Z DEC 94 STAFF\n\nTEXT:\n\n1.\n\n", "27 December 1994\n\n"), ocr=True,
                     rules="auto")
    assert [(f.rule, f.line) for f in memo.findings] == [
        ("portion-missing", 5), ("portion-missing", 11), ("portion-missing", 13), ("portion-missing", 15)]
