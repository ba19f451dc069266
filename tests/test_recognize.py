"""The recognizer: banners, portion marks (where they may sit), misplaced marks, edges."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from marklint.readers import read_document
from marklint.recognize import recognize


def marks(text, is_exempt=lambda line: False):
    pages = recognize(read_document("t.txt", text.encode()), None, is_exempt)
    return pages


def test_banners_top_bottom_and_cable_style():
    (page,) = marks("   S E C R E T\n\n(S) Text.\n\n  SECRET//NOFORN  \n")
    assert [(m.text, m.line, m.column, m.end_column, m.cable) for m in page.banners] == [
        ("SECRET", 1, 4, 15, True), ("SECRET//NOFORN", 5, 3, 17, False)]
    assert (page.top.line, page.bottom.line) == (1, 5)


def test_a_failed_parse_is_a_banner_only_with_slashes():
    (page,) = marks("SECRET//NOFRON\n\nSECRET SERVICE\n")
    assert [m.text for m in page.banners] == ["SECRET//NOFRON"]
    assert page.banners[0].marking is None and page.banners[0].error.rule == "marking-unknown-token"


def test_portion_marks_at_block_start_after_numbering_and_subject():
    text = "(S) One.\n\n12. (C//NF) Two.\n\n(b) (U) Three.\n\nSUBJECT: (U) Four\n\n\u2022 (TS) Five.\n"
    (page,) = marks(text)
    assert [(m.text, m.line, m.column, m.end_column) for m in page.portions] == [
        ("(S)", 1, 1, 4), ("(C//NF)", 3, 5, 12), ("(U)", 5, 5, 8), ("(U)", 7, 10, 13), ("(TS)", 9, 3, 7)]
    assert page.unmarked == [] and page.misplaced == []


def test_a_number_or_letter_may_touch_the_portion_mark():
    (page,) = marks("7.(S) Seven.\n\na)(U) Eight.\n\n(2)(C) Nine.\n\n-(S) Not a bullet.\n")
    assert [(m.text, m.line, m.column) for m in page.portions] == [("(S)", 1, 3), ("(U)", 3, 3), ("(C)", 5, 4)]
    assert [block.line for block in page.unmarked] == [7]


def test_misplaced_marks_and_exempt_blocks():
    text = "The convoy\nleaves at dawn (S//NF).\n\nAttachment: Report (S)\n\nSee Annex (C) for more.\n"
    (page,) = marks(text, is_exempt=lambda line: line.startswith("Attachment:"))
    assert [(m.text, m.line, m.column) for m in page.misplaced] == [("(S//NF)", 2, 16)]
    assert [block.line for block in page.unmarked] == [4, 6]


def test_non_marks():
    (page,) = marks("(C) 2024 Example Corp.\n\n(CMS) guidance.\n\n(S)he said.\n\n(a) item\n")
    assert page.portions == [] and page.banners == [] and page.misplaced == []
    assert len(page.unmarked) == 4


def test_a_reasons_letters_carried_to_the_next_line_are_no_mark():
    # a telegram's `REASON: 1.5(B),` over `(C) AND (D).`: the letters of the reason, not a CONFIDENTIAL portion
    text = ("1. (U) CLASSIFIED BY CHARGE GLYN DAVIES. REASON: 1.5(B),\n(C) AND (D).\n\n"
            "(C), (D) AND (E) OF THE ORDER APPLY.\n\n(C) AND THE TALKS WENT ON.\n")
    (page,) = marks(text)
    assert [(m.text, m.line, m.column) for m in page.portions] == [("(U)", 1, 4), ("(C)", 6, 1)]
    assert [block.line for block in page.unmarked] == [4]


def test_top_and_bottom_skip_page_numbers_and_comments():
    (page,) = marks("# marklint: disable-file x -- y\nSECRET\n\n(S) Text.\n\nSECRET\n\nPage 1 of 1\n")
    assert (page.top.line, page.bottom.line) == (2, 6)
    (page,) = marks("SECRET\n")
    assert page.top.line == 1 and page.bottom is None


def _sequential_portion_at(text):
    """The portion mark search as three matches: at the start, else after list numbering, else
    after a subject label (the reference the one-pattern search must agree with)."""
    from marklint.recognize import _LABEL_PREFIX, _LIST_PREFIX, _QUOTE_PREFIX, _SUBJECT_PREFIX, PORTION_START

    portion_start = re.compile(PORTION_START)
    start = re.match(_QUOTE_PREFIX, text).end()
    match = portion_start.match(text, start)
    if match is not None:
        return start, match.group(0)
    for prefix_pattern in (_LIST_PREFIX, _SUBJECT_PREFIX, _LABEL_PREFIX):
        prefix = re.compile(prefix_pattern).match(text, start)
        match = portion_start.match(text, prefix.end()) if prefix is not None else None
        if match is not None:
            return prefix.end(), match.group(0)
    return None


_PIECES = ["(U)", "(S//NF)", "(C)", "(TS//SI)", "(//NS)", "(1)", "(a)", "(b)", "12.", "a.", "A)", "\u2022",
           "-", "*", "SUBJECT:", "Subject :", "RE:", "Re", "SUBJ", " ", "  ", "\n", "\t", "2024",
           "Copyright", "text", "(CMS)", "(", ")", "S", "/", ":", "."]


@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
@settings(max_examples=500, deadline=None)
def test_one_pattern_finds_the_portion_mark_the_sequential_search_finds(text):
    from marklint.recognize import _PORTION_AT_RE

    match = _PORTION_AT_RE.match(text)
    assert ((match.start(1), match.group(1)) if match else None) == _sequential_portion_at(text)
