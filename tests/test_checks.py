"""Every check: a document that triggers it at an exact position, and a near miss that does not."""

import os

import pytest

from marklint.lint import Settings, lint_document, lint_path
from marklint.readers import read_document

CAB = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"


def doc(*parts):
    return "\n".join(parts) + "\n"


# slug: (document that triggers it, [(line, column, end_column)], near-miss document)
CASES = {
    "marking-syntax": (
        doc("SECRET//NOFORN", "", "(S//NF) Text.", "", CAB, "   SECRET // NOFORN"),
        [(9, 10, 14)],
        doc("SECRET//NOFORN", "", "(S//NF) Text.", "", CAB, "   SECRET//NOFORN"),
    ),
    "marking-unknown-token": (
        doc("      SECRET//NOFRON", "", "1. (S//NF) Text.", "", CAB, "SECRET//NOFORN"),
        [(1, 15, 21)],
        doc("      SECRET//NOFORN", "", "1. (S//NF) Text.", "", CAB, "SECRET//NOFORN"),
    ),
    "marking-order": (
        doc("SECRET//ORCON/NOFORN", "", "SUBJECT: (S//NF/OC) Convoy", "", CAB, "SECRET//ORCON/NOFORN"),
        [(3, 17, 19)],
        doc("SECRET//ORCON/NOFORN", "", "SUBJECT: (S//OC/NF) Convoy", "", CAB, "SECRET//ORCON/NOFORN"),
    ),
    "marking-form": (
        doc("SECRET//NF", "", "(S//NF) Text.", "", CAB, "SECRET//NOFORN"),
        [(1, 9, 11)],
        doc("SECRET//NOFORN", "", "(S//NF) Text.", "", CAB, "SECRET//NOFORN"),
    ),
    "marking-conflict": (
        doc("SECRET//NOFORN", "", "(S//NF/REL TO USA, GBR) Text.", "", CAB, "SECRET//NOFORN"),
        [(3, 8, 23)],
        doc("SECRET//NOFORN", "", "(S//NF) Text.", "", CAB, "SECRET//NOFORN"),
    ),
    "marking-duplicate": (
        doc("SECRET//NOFORN", "", "(S//NF/NF) Text.", "", CAB, "SECRET//NOFORN"),
        [(3, 8, 10)],
        doc("SECRET//NOFORN", "", "(S//NF) Text.", "", CAB, "SECRET//NOFORN"),
    ),
    "legacy-marking": (
        doc("SECRET//WNINTEL", "", "March 3, 2025", "", "(S//WN) Text.", "", CAB, "SECRET//WNINTEL"),
        [(1, 9, 16), (5, 5, 7), (11, 9, 16)],
        doc("SECRET//WNINTEL", "", "March 3, 1986", "", "(S//WN) Text.", "", CAB, "SECRET//WNINTEL"),
    ),
    "banner-missing-top": (
        doc("March 3, 2025", "", "(S) Text.", "", CAB, "SECRET"),
        [(1, 1, 1)],
        doc("SECRET", "", "March 3, 2025", "", "(S) Text.", "", CAB, "SECRET"),
    ),
    "banner-missing-bottom": (
        doc("SECRET", "", "(S) Text.", "", CAB, "Page 1 of 1"),
        [(7, 1, 1)],
        doc("SECRET", "", "(S) Text.", "", CAB, "SECRET", "", "Page 1 of 1"),
    ),
    "banner-mismatch": (
        doc("SECRET//NOFORN", "", "(S//NF) Text.", "", CAB, "SECRET"),
        [(9, 1, 7)],
        doc("SECRET//NOFORN", "", "(S//NF) Text.", "", CAB, "SECRET//NOFORN"),
    ),
    "banner-under-classified": (
        doc("", "CONFIDENTIAL", "", "(C) Text.", "", "(S) More.", "", CAB, "CONFIDENTIAL"),
        [(2, 1, 13)],
        doc("", "SECRET", "", "(C) Text.", "", "(S) More.", "", CAB, "SECRET"),
    ),
    "banner-over-classified": (
        doc("TOP SECRET", "", "(S) Text.", "", "(U) More.", "", CAB, "TOP SECRET"),
        [(1, 1, 11)],
        doc("TOP SECRET", "", "(S) Text.", "", "(U) Classified by compilation.", "", CAB, "TOP SECRET"),
    ),
    "banner-rollup": (
        doc("SECRET//NOFORN", "", "(S) Text.", "", CAB, "SECRET//NOFORN"),
        [(1, 1, 15)],
        doc("SECRET", "", "(S) Text.", "", CAB, "SECRET"),
    ),
    "portion-missing": (
        doc("SECRET", "", "Dear Sir:", "", "(S) Text.", "", "  a. an item", "", "Sincerely,", "", CAB, "SECRET"),
        [(7, 3, 3)],
        doc("SECRET", "", "Dear Sir:", "", "(S) Text.", "", "  a. (U) an item", "", "Sincerely,", "", CAB, "SECRET"),
    ),
    "portion-placement": (
        doc("SECRET", "", "(S) Text.", "", "More text (U).", "", CAB, "SECRET"),
        [(5, 11, 14)],
        doc("SECRET", "", "(S) Text.", "", "(U) More text (see Annex C).", "", CAB, "SECRET"),
    ),
    "cui-designation-missing": (
        doc("CUI", "", "(CUI) Payroll.", "", "CUI"),
        [(1, 1, 4)],
        doc("CUI", "", "Controlled by: Department of Labor, Office of Payroll", "", "(CUI) Payroll.", "", "CUI"),
    ),
    "cui-legacy-mixed": (
        doc("CUI", "", "Controlled by: Department of Labor, Office of Payroll", "", "(CUI) Payroll.", "", "(U//FOUO) Phones.", "", "CUI"),
        [(7, 1, 10)],
        doc("UNCLASSIFIED//FOUO", "", "(U) Payroll.", "", "(U//FOUO) Phones.", "", "UNCLASSIFIED//FOUO"),
    ),
    "transmittal-statement-missing": (
        doc("SECRET", "", "(U) The report is attached.", "", "Attachment: Report", "", CAB, "SECRET"),
        [(1, 1, 7)],
        doc("SECRET", "", "(U) The report is attached.", "", "(U) Upon removal of the attachment, this document is UNCLASSIFIED.", "", "Attachment: Report", "", CAB, "SECRET"),
    ),
}


def findings(text: str, **settings):
    doc = read_document("t.txt", text.encode("utf-8"))
    return lint_document(doc, Settings(use_config=False, **settings)).findings


@pytest.mark.parametrize("slug", sorted(CASES))
def test_check_fires_at_exact_position(slug):
    text, expected, _ = CASES[slug]
    assert [(f.line, f.column, f.end_column) for f in findings(text) if f.rule == slug] == expected


@pytest.mark.parametrize("slug", sorted(CASES))
def test_near_miss_does_not_fire(slug):
    _, _, near_miss = CASES[slug]
    assert [f for f in findings(near_miss) if f.rule == slug] == []


def test_unmarked_document_passes_unless_banners_are_always_required():
    text = doc("Meeting notes", "", "The convoy leaves at dawn.")
    assert findings(text) == []
    required = [(f.rule, f.line, f.column) for f in findings(text, require_banner="always")]
    assert required == [("banner-missing-top", 1, 1), ("banner-missing-bottom", 3, 1)]


def test_messages_name_markings_not_portion_text():
    text, _, _ = CASES["banner-under-classified"]
    (finding,) = [f for f in findings(text) if f.rule == "banner-under-classified"]
    assert finding.message == "page 1 banner CONFIDENTIAL is lower than its highest portion (S)"
    assert finding.marking == "CONFIDENTIAL" and finding.page == 1


FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "lint")


def fixture_findings(name: str):
    result = lint_path(os.path.join(FIXTURES, name), Settings(use_config=False))
    assert result.error is None
    return result.pages, [(f.rule, f.line, f.column, f.page, f.message) for f in result.findings]


def test_missing_bottom_banner_on_page_three_of_four():
    assert fixture_findings("missing-bottom-page3.txt") == (4, [
        ("banner-missing-bottom", 21, 1, 3, "page 3 has no banner at its bottom"),
    ])
    assert fixture_findings("missing-bottom-page3-ok.txt") == (4, [])


def test_unclassified_page_inside_a_secret_document_is_allowed():
    assert fixture_findings("unclassified-page-in-secret.txt") == (2, [])


def test_unclassified_page_banner_over_a_secret_portion():
    assert fixture_findings("unclassified-page-with-secret-portion.txt") == (2, [
        ("banner-mismatch", 15, 1, 2, "page 2 banner UNCLASSIFIED is neither the overall banner SECRET "
                                      "nor the roll-up of its portions (SECRET)"),
        ("banner-under-classified", 15, 1, 2, "page 2 banner UNCLASSIFIED is lower than its highest portion (S)"),
    ])


def test_top_and_bottom_banners_that_disagree():
    assert fixture_findings("top-bottom-disagree.txt") == (2, [
        ("banner-mismatch", 16, 1, 2, "page 2 bottom banner CONFIDENTIAL differs from its top banner SECRET"),
    ])


def test_top_secret_portion_under_a_secret_banner():
    assert fixture_findings("ts-portion-under-secret.txt") == (1, [
        ("banner-under-classified", 1, 1, 1, "page 1 banner SECRET is lower than its highest portion (TS)"),
    ])


def test_noforn_dropped_from_the_banner():
    assert fixture_findings("noforn-dropped.txt") == (1, [
        ("banner-rollup", 1, 1, 1, "overall banner SECRET lacks NOFORN (roll-up of the portions: SECRET//NOFORN)"),
    ])
    assert fixture_findings("noforn-kept.txt") == (1, [])


def test_cui_pages_must_all_carry_the_overall_banner():
    text = "CUI\n\nControlled by: Department of Labor, Office of Payroll\n\n(CUI) Payroll.\n\fCUI//SP-PRVCY\n\n(CUI//SP-PRVCY) Names.\n"
    mismatches = [(f.line, f.column, f.message) for f in findings(text, rules="cui") if f.rule == "banner-mismatch"]
    assert mismatches == [(6, 2, "page 2 banner CUI//SP-PRVCY differs from the overall banner CUI")]
    assert [f for f in findings(text) if f.rule == "banner-mismatch"] == []  # us-cnsi: a page may carry its roll-up
