"""OCR tolerance on cables and teletypes: marks struck through at declassification."""

import pytest

from archives_support import lint_text

# A released NODIS telegram as State's FOIA scans give it: the paragraph marks were struck through
# at declassification and the OCR read them as junk after the paragraph numbers.
STRUCK = ("CONFIDENTIAL\n\nE.O. 12958: DECL: 11/27/06\nTAGS: PREL, TU\nSUBJECT: (C) TALKS WITH THE FOREIGN MINISTER\n\n"
          "1. (U) CLASSIFIED BY: JOHN SMITH, EXECUTIVE SECRETARY. REASON 1.5. (D) .\n\n"
          "2. 4at THE MINISTER SAID HE HAD TWO ISSUES TO RAISE.\n\n"
          "3. .0.0 THE DEPUTY SECRETARY SAID HE WOULD TAKE THE SUGGESTION UNDER ADVISEMENT.\n\n"
          "4. \u2014f-S+\nTHE CALL ENDED AT 1506.\n\nCONFIDENTIAL\n")


def _found(text: str, **settings) -> list[tuple]:
    """(line, column, rule) of each finding but the authority block's."""
    return [(f.line, f.column, f.rule) for f in lint_text(text, rules="auto", **settings).findings
            if not f.rule.startswith("cab-")]


def test_a_struck_mark_read_as_junk_marks_its_paragraph_level_unknown():
    findings = [(f.line, f.column, f.message) for f in lint_text(STRUCK, rules="auto", ocr=True).findings
                if f.rule == "ocr-recognised"]
    assert findings == [
        (9, 4, 'portion mark "4at" unreadable: the portion is marked, its level unknown (OCR)'),
        (11, 4, 'portion mark ".0.0" unreadable: the portion is marked, its level unknown (OCR)'),
        (13, 4, 'portion mark "\u2014f-S+" unreadable: the portion is marked, its level unknown (OCR)')]
    # `REASON 1.5. (D)` is an order's section and its letter, not a mark the scan left unreadable
    assert _found(STRUCK, ocr=True) == [(9, 4, "ocr-recognised"), (11, 4, "ocr-recognised"), (13, 4, "ocr-recognised")]


def test_struck_marks_are_read_only_with_ocr_tolerance():
    assert _found(STRUCK) == [(9, 1, "portion-missing"), (11, 1, "portion-missing"), (13, 1, "portion-missing")]


@pytest.mark.parametrize("opening", ["U.S.", "1ST", "F-16", "$500", "(a)", "OYMEN'S", "1996:"])
def test_what_a_paragraph_really_opens_with_is_no_struck_mark(opening):
    assert _found(STRUCK.replace("4at", opening), ocr=True) == [
        (9, 1, "portion-missing"), (11, 4, "ocr-recognised"), (13, 4, "ocr-recognised")]


def test_junk_is_no_mark_in_a_text_whose_numbered_paragraphs_are_unmarked():
    assert _found(STRUCK.replace("1. (U) ", "1. "), ocr=True) == [
        (9, 1, "portion-missing"), (11, 1, "portion-missing"), (13, 1, "portion-missing")]
