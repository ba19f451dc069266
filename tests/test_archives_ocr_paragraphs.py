"""OCR tolerance on scans whose OCR put one line a block: marks typed after sentences and run
into them (the FBI's practice), and the pieces of a numbered paragraph the scan set apart, each
paragraph judged once (marklint.archives.garbled_marks, marklint.archives.split_paragraphs)."""

from archives_support import lint_text
from marklint.archives.garbled_marks import glued_practice

# An FBI insert as the OCR leaves it: a blank line after every line, no paragraph numbers, an
# (S) typed after each sentence and run into it (`defectors!S)`, `Department(5)`, `"CENTER" 5)`),
# the first paragraph's sentence set apart from the sentence that carries the mark; the last
# paragraph carries no mark.
FBI_INSERT = """SECRET

SUBJECT: (S) SOVIET DEFECTOR

DETAILS:

On 1/17/83, source was queried concerning any

knowledge he might have of the defector.

He advised that the service never discusses defectors!S) It

is known that an inquiry was held after the defection.

As an aside, source noted that the case would be studied by the

Directorate and by the Department(5) The officers met at

the "CENTER" 5) on the same day.

Source will be recontacted about the matter.

Classified by G-3
Declassify on: OADR

SECRET
"""


def _found(text: str) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.column, f.rule, f.message) for f in lint_text(text, rules="us-eo12356", ocr=True).findings]


def test_marks_run_into_sentences_mark_their_paragraphs_and_the_sentences_set_apart_above():
    unreadable = "unreadable: the portion is marked, its level unknown (OCR)"
    assert _found(FBI_INSERT) == [
        (11, 55, "ocr-recognised", f'portion mark "S)" {unreadable}'),
        (17, 34, "ocr-recognised", f'portion mark "(5)" {unreadable}'),
        (21, 1, "portion-missing", "paragraph has no portion mark")]


def test_two_marks_run_into_sentences_show_no_practice():
    text = FBI_INSERT.replace('"CENTER" 5)', '"CENTER"')
    assert [(line, rule) for line, _, rule, _ in _found(text)] == [
        (7, "portion-missing"), (11, "portion-missing"), (15, "portion-missing"), (21, "portion-missing")]


def test_brackets_closing_what_their_line_opened_or_a_words_last_letter_are_no_marks():
    assert not glued_practice("held at BRUSSELS) 1625\nthe Department (see 5)\nthe CENTER (FILE S)\nREASON 1.4(C)")
    assert glued_practice("held at BRUSSELS(S)\nthe Department.5)\nthe CENTER S)")


# A CIA cable as the OCR leaves it: numbered paragraphs, lines wrapped at a margin, a blank line
# after every line; paragraph 2 has no mark, and the scan set a short piece of it apart after a
# short line that ends a sentence (`W/1 LISTENED CLOSELY` over `AND ASKED ...`).
CABLE = """SECRET

SUBJECT: (S) BRIEFING OF ASSET FOR TRAVEL

1. (S) OFFICERS MET WITH THE ASSET AT HIS RESIDENCE ON THE EVENING OF

18 MAY TO BRIEF HIM ON HIS UPCOMING TRAVEL TO THE CONFERENCE AT THE

INSTITUTE AND TO INTRODUCE HIS FUTURE CASE OFFICER TO HIM.

2. CI BRIEFING: THE ASSET WAS GIVEN AN OVERVIEW OF SECURITY CONCERNS

FOR TRAVELERS TO THE REGION.

W/1 LISTENED CLOSELY

AND ASKED THE APPROPRIATE QUESTIONS WITHOUT APPEARING THREATENED OR

FRIGHTENED BY WHAT HE HEARD FROM THE OFFICERS DURING THE MEETING.

3. (S) THE ASSET DEPARTED ON 21 MAY AND PLANS TO RETURN ON 4 JUNE

AFTER THE CONFERENCE HAS ENDED AND HIS REPORT HAS BEEN WRITTEN UP.

CL BY 2100049
DECL OADR

SECRET
"""


def test_a_piece_set_apart_from_an_unmarked_numbered_paragraph_is_judged_with_it():
    assert _found(CABLE) == [(11, 1, "portion-missing", "list item has no portion mark")]


def test_a_piece_set_apart_below_a_marked_paragraph_is_still_judged():
    text = CABLE.replace("2. CI BRIEFING:", "2. (S) CI BRIEFING:")
    assert [(line, rule) for line, _, rule, _ in _found(text)] == [(15, "portion-missing")]


# A teletype's text in capitals, one line a block: the (S) after each sentence run into it, its
# opening bracket lost (`LANGUAGES S)`, `MATTERS 5)`) or its closing one at a line's end
# (`TEHRAN(S`); the sentence the scan set apart above a mark is judged with it, the last
# paragraph carries no mark.
TELETYPE = """SECRET

SUBJECT: (S) SOVIET DEFECTOR

DETAILS:

HE WAS RECRUITED WHILE STUDYING PERSIAN.

(WITH ENGLISH AS HIS SECOND LANGUAGE) AT THE MOSCOW SCHOOL

OF ORIENTAL LANGUAGES S) HIS CAREER HAS BEEN DEVOTED TO

IRANIAN MATTERS 5)

COMMENT:

HE WAS A MAJOR IN THE DIRECTORATE, HIS LAST POST BEING HEAD OF

THE LINE IN TEHRAN(S

DETAILS:

HE IS NOW LIVING IN THE WASHINGTON AREA AND HAS BEEN

INTERVIEWED BY THE OFFICE ON TWO OCCASIONS SINCE THEN.

CLASSIFIED BY G-3
DECLASSIFY ON: OADR

SECRET
"""


def test_a_teletypes_marks_that_lost_a_bracket_mark_its_capitals_text():
    assert [(line, column, rule) for line, column, rule, _ in _found(TELETYPE)] == [
        (11, 23, "ocr-recognised"), (19, 19, "ocr-recognised"), (23, 1, "portion-missing")]


def test_a_teletype_without_the_practice_has_each_unmarked_block_judged():
    text = TELETYPE.replace("MATTERS 5)", "MATTERS.")
    assert [(line, rule) for line, _, rule, _ in _found(text)] == [
        (7, "portion-missing"), (9, "portion-missing"), (17, "portion-missing"), (23, "portion-missing")]


# A cable's highlights as the OCR leaves them, no paragraph numbers: sub-paragraphs opened by a
# dash, the first unmarked, a short piece of it set apart after a sentence's end (`PER ADDO,`).
HIGHLIGHTS = """SECRET

SUBJECT: (S) WEEKLY HIGHLIGHTS

(S) FOLLOWING ARE THE MAIN HIGHLIGHTS OF THE STAFF MEETING OF 29 JUNE:

- THE ADDO MET 30 MEMBERS OF THE PRESS FOR A BACKGROUND

NEWS CONFERENCE AT HEADQUARTERS ON THE MORNING OF 28 JUNE.

PER ADDO,

THE BRIEFINGS WENT QUITE WELL AND WILL BE HELD AGAIN IN THE FALL.

- (S) THE STAFF WILL MEET AGAIN ON 6 JULY TO DISCUSS THE BUDGET PLAN

FOR THE COMING YEAR AND THE NEW OFFICE.

CL BY 2100049
DECL OADR

SECRET
"""


def test_a_piece_set_apart_from_an_unmarked_dash_item_is_judged_with_it():
    assert _found(HIGHLIGHTS) == [(7, 1, "portion-missing", "list item has no portion mark")]
    marked = HIGHLIGHTS.replace("- THE ADDO MET", "- (S) THE ADDO MET")
    assert [(line, rule) for line, _, rule, _ in _found(marked)] == [(11, "portion-missing")]


# A memorandum that opens its paragraphs with their marks; the scan garbled paragraph 2's
# ((C) read `(0)`), the text going on after it on its line.
OPENING_MARKS = """TOP SECRET

SUBJECT: (U) Records Search for the Committee

(U) On 9 November the office received a call concerning retrieval of records.

(0) On 13 November, the staff met to discuss the search and its results.

(U) Retired records storage was ruled out as a possible source.

(U) It was agreed that a review of the documents would follow.

CL BY 2100049
DECL OADR

TOP SECRET
"""


def test_an_opening_mark_the_scan_garbled_marks_its_paragraph_where_the_document_opens_them_so():
    assert _found(OPENING_MARKS) == [
        (7, 1, "ocr-recognised", 'portion mark "(0)" unreadable: the portion is marked, its level unknown (OCR)')]
    fewer = OPENING_MARKS.replace("(U) Retired", "Retired").replace("(U) It was", "It was")
    assert [(line, rule) for line, _, rule, _ in _found(fewer)] == [
        (7, "portion-missing"), (9, "portion-missing"), (11, "portion-missing")]
