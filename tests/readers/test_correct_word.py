"""Word documents written as offices write them, with the banner in the page header and footer
(B-01..B-03): correctly marked ones give no finding, the same ones with a seeded defect exactly
the finding for it (issue 14, as tests/test_correct_documents.py does for text formats)."""

from __future__ import annotations

import pytest
from format_builders import WordSection, build_docx

from marklint.lint import Settings, lint_bytes

MEMO = [
    "DEPARTMENT OF THE AIR FORCE",
    "HEADQUARTERS AIR COMBAT COMMAND",
    "JOINT BASE LANGLEY-EUSTIS VA",
    "7 April 2025",
    "MEMORANDUM FOR ACC/A3",
    "FROM: ACC/A2",
    "SUBJECT: (U) Threat Update for the Red Flag 25-3 Scenario",
    "1. (U) This memorandum gives the threat update for the Red Flag 25-3 scenario.",
    "2. (S//NF) The adversary's newest surface-to-air system can engage targets at twice the range used in the last scenario.",
    [["(U) System", "(U) Range"], ["(S//NF) SA-X", "(S//NF) 400 km"]],
    "3. (U) The A2 staff will brief the planners on 14 April.",
    "SARAH L. BENNETT, Colonel, USAF",
    "Director of Intelligence",
    "Classified By: Col Sarah L. Bennett, ACC/A2",
    "Derived From: ACC SCG 21-1, dated 20210301",
    "Declassify On: 20500407",
]
CUI_LETTER = [
    "U.S. DEPARTMENT OF ENERGY",
    "Office of Science",
    "May 20, 2025",
    "Dr. Maria Lopez",
    "Director, Materials Research Laboratory",
    "Dear Dr. Lopez:",
    "The review panel finished its assessment of the proposal. The proprietary cost data in the "
    "budget section were shared only with the panel.",
    "Please send the revised budget by June 15.",
    "Sincerely,",
    "James Wu",
    "Program Manager",
    "Controlled by: Department of Energy, Office of Science",
    "CUI Category: PROPIN",
    "POC: James Wu, (301) 555-0112",
]


def lint(data: bytes) -> list[tuple[str, int, int]]:
    result = lint_bytes("memo.docx", data, Settings(rules="us-cnsi", use_config=False))
    assert result.error is None, result.error
    return [(f.rule, f.page, f.line) for f in result.findings]


def memo(body: list, header: str | None = "SECRET//NOFORN", footer: str | None = "SECRET//NOFORN") -> bytes:
    return build_docx([WordSection(body, header=header, footer=footer, page_breaks_before={10})])


def test_a_word_memo_with_header_and_footer_banners_has_no_finding():
    assert lint(memo(MEMO)) == []


def test_a_cui_word_letter_with_a_designation_block_has_no_finding():
    assert lint(build_docx([WordSection(CUI_LETTER, header="CUI", footer="CUI")])) == []


def test_an_unmarked_paragraph_in_a_word_memo_is_found():
    body = MEMO[:8] + ["The planners will receive the full threat library separately."] + MEMO[8:]
    assert lint(memo(body)) == [("portion-missing", 1, 9)]


def test_a_word_memo_without_its_footer_banner_is_found_on_each_page():
    assert lint(memo(MEMO, footer=None)) == [("banner-missing-bottom", 1, 13), ("banner-missing-bottom", 2, 20)]


@pytest.mark.parametrize(("banner", "rule"), [("SECRET", "banner-rollup"),
                                              ("CONFIDENTIAL//NOFORN", "banner-under-classified")])
def test_a_word_memo_bannered_below_its_portions_is_found(banner, rule):
    assert lint(memo(MEMO, header=banner, footer=banner)) == [(rule, 1, 1)]


_WORD_BODY = ["(S) The convoy leaves at dawn.", "(U) The escort joins at noon.", "Classified By: J. Smith, Director",
              "Derived From: Multiple Sources", "Declassify On: 20451231"]


def _word_findings(**texts) -> list[tuple]:
    result = lint_bytes("memo.docx", build_docx([WordSection(body=_WORD_BODY, **texts)]),
                        Settings(rules="us-cnsi", use_config=False))
    return [(f.rule, f.line, f.column) for f in result.findings]


def test_a_misspelt_banner_in_a_word_header_is_a_banner_with_an_unknown_level():
    assert _word_findings(header="SECERT", footer="SECRET") == [("marking-unknown-token", 1, 1)]
    assert _word_findings(header="SECRET", footer="SECERT") == [("marking-unknown-token", 5, 1)]


def test_a_first_page_header_that_is_the_slip_is_reported_once():
    # the first page's header below its portions, the other variants the roll-up: the first-page
    # header is wrong (banner-under-classified), not the variants that differ from it
    assert _word_findings(header="SECRET", footer="SECRET", first_header="CONFIDENTIAL", first_footer="SECRET") == [
        ("banner-under-classified", 1, 1)]
