"""Longer born-digital documents in binary formats, written as offices write them: a Word
assessment with a title page, contents, numbered sections, a table, footnotes and an annex
page; a PDF report whose last page is unclassified; a CUI workbook whose cover sheet carries the designation; a
CUI slide deck. Correctly marked each gives no finding; damaged (a mark removed, a banner lost)
exactly the finding for it (issue 14, as tests/test_correct_documents.py does for text formats)."""

from __future__ import annotations

from format_builders import WordSection, build_docx, build_pdf
from office_builders import TITLE_ONLY, TITLE_SLIDE, Deck, Sheet, Slide, build_pptx, build_xlsx

from marklint.lint import Settings, lint_bytes

BANNER = "SECRET//NOFORN"
ASSESSMENT = [
    "DEFENSE LOGISTICS AGENCY",                                             # 0: title page
    "(U) Critical Minerals Supply Assessment, 2026",
    "DLA-J3-ASMT-26-04",
    "9 November 2026",
    "Classified By: Linda Shore, Director, DLA Strategic Materials",
    "Derived From: Multiple Sources",
    "Declassify On: 20511109",
    "(U) Contents",                                                         # 7: contents page
    "(U) Executive Summary .................. 1",
    "(U) 1. Supply Risks .................... 2",
    "(U) Annex A. Sources ................... A-1",
    "(U) EXECUTIVE SUMMARY",                                                # 11
    "(S//NF) Two foreign suppliers provide 80 percent of the gallium the stockpile needs.",
    "(U) 1. SUPPLY RISKS",
    "1.1 (U) Gallium. World output fell by a fifth in 2025.",
    "1.2 (S//NF) Germanium. The stockpile holds 14 months of wartime demand.[1]",
    [["(U) Mineral", "(U) Months of supply"], ["(U) Gallium", "(S//NF) 9"], ["(U) Germanium", "(S//NF) 14"]],
    "Table 1. (U) Stockpile cover by mineral",
    "[1] (S//NF) DLA Strategic Materials inventory, 30 September 2026.",
    "(U) ANNEX A. SOURCES",                                                 # 19: annex page
    "(U) 1. U.S. Geological Survey, Mineral Commodity Summaries 2026.",
    "(U) 2. DLA Strategic Materials inventory report, September 2026.",
]


def _lint(name: str, data: bytes, rules: str = "us-cnsi") -> list[tuple[str, int | None, int]]:
    result = lint_bytes(name, data, Settings(rules=rules, use_config=False))
    assert result.error is None, result.error
    return [(f.rule, f.page, f.line) for f in result.findings]


def _assessment(body: list, footer: str | None = BANNER) -> bytes:
    return build_docx([WordSection(body, header=BANNER, footer=footer, page_breaks_before={7, 11, 19})])


def test_a_word_assessment_with_contents_sections_table_and_annex_has_no_finding():
    assert _lint("assessment.docx", _assessment(ASSESSMENT)) == []


def test_an_unmarked_section_paragraph_of_the_word_assessment_is_found():
    body = ASSESSMENT[:14] + ["1.1 Gallium. World output fell by a fifth in 2025."] + ASSESSMENT[15:]
    assert _lint("assessment.docx", _assessment(body)) == [("portion-missing", 3, 17)]


def test_the_word_assessment_without_its_footer_banner_is_found_on_each_page():
    assert [rule for rule, _, _ in _lint("assessment.docx", _assessment(ASSESSMENT, footer=None))] == [
        "banner-missing-bottom"] * 4


REPORT = [
    ["CONFIDENTIAL", "U.S. COAST GUARD, DISTRICT SEVEN", "4 December 2026",
     "MEMORANDUM FOR COMMANDER, SECTOR MIAMI", "SUBJECT: (U) Migrant Vessel Interdictions, November 2026",
     "1. (U) Cutters interdicted 41 vessels in November, up from 33 in October.",
     "2. (C) Two smuggling organizations moved their departure points 40 miles east.",
     "Classified By: CAPT Luis Romero, Chief of Intelligence, D7",
     "Derived From: USCG SCG 5510-2, dated 20240601", "Declassify On: 20361204", "CONFIDENTIAL"],
    ["UNCLASSIFIED", "3. (U) The district will brief the results at the January planning conference.",
     "J. M. HALE", "Chief, Response Division", "UNCLASSIFIED"],
]


def test_a_pdf_memo_whose_last_page_is_unclassified_has_no_finding():
    assert _lint("report.pdf", build_pdf(REPORT)) == []


def test_the_pdf_memo_without_its_first_banner_is_found():
    damaged = [REPORT[0][1:], REPORT[1]]
    assert [rule for rule, _, _ in _lint("report.pdf", build_pdf(damaged))] == ["banner-missing-top"]


CUI_SHEETS = [
    Sheet("Cover", {"A1": "Security Clearance Roster, Office of Inspector General",
                    "A3": "Controlled by: Department of Education", "A4": "Controlled by: Office of Inspector General",
                    "A5": "CUI Category: SP-PRVCY", "A6": "POC: Ruth Ames, (202) 245-0000"},
          header="CUI//SP-PRVCY", footer="CUI//SP-PRVCY"),
    Sheet("Roster", {"A1": "Employee", "B1": "Office", "C1": "Clearance date", "A2": "R. Ames", "B2": "OIG",
                     "C2": "2026-03-01", "A3": "T. Lin", "B3": "OGC", "C3": "2026-05-14"},
          header="CUI//SP-PRVCY", footer="CUI//SP-PRVCY"),
]


def test_a_cui_workbook_with_a_designation_on_its_cover_sheet_has_no_finding():
    assert _lint("roster.xlsx", build_xlsx(CUI_SHEETS), "cui") == []


def test_a_cui_workbook_sheet_without_its_header_banner_is_found():
    damaged = [CUI_SHEETS[0], Sheet(CUI_SHEETS[1].title, CUI_SHEETS[1].cells, footer="CUI//SP-PRVCY")]
    assert [rule for rule, _, _ in _lint("roster.xlsx", build_xlsx(damaged), "cui")] == ["banner-missing-top"]


def _cui_deck(bullet: str = "(CUI//SP-PRVCY) Three claims held for identity checks") -> Deck:
    top = "CUI//SP-PRVCY"
    return Deck([
        Slide(top=top, bottom=top, layout=TITLE_SLIDE, title="(U) Claims Backlog Update",
              subtitle="Office of Disability Operations\n3 December 2026\nControlled by: Social Security Administration\n"
                       "CUI Category: SP-PRVCY\nPOC: Dana Cole, (410) 965-0000"),
        Slide(top=top, bottom=top, layout=TITLE_ONLY, title="(U) Status", body=[bullet, "(U) Backlog fell 12%"]),
    ])


def test_a_cui_deck_with_its_designation_on_the_title_slide_has_no_finding():
    assert _lint("claims.pptx", build_pptx(_cui_deck()), "cui") == []


def test_an_unmarked_bullet_of_the_cui_deck_is_found():
    assert [(rule, page) for rule, page, _ in _lint("claims.pptx", build_pptx(_cui_deck("Three claims held")), "cui")] == [
        ("portion-missing", 2)]
