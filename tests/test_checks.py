"""Checks across rules: unmarked documents, content safety of messages, and multi-page fixtures.
Each rule's own exact-position cases are in tests/rules/."""

import os

from marklint.lint import Settings, lint_document, lint_path
from marklint.readers import read_document

CAB = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"


def doc(*parts):
    return "\n".join(parts) + "\n"


def findings(text: str, **settings):
    doc = read_document("t.txt", text.encode("utf-8"))
    return lint_document(doc, Settings(use_config=False, **settings)).findings


def test_unmarked_document_passes_unless_banners_are_always_required():
    text = doc("Meeting notes", "", "The convoy leaves at dawn.")
    assert findings(text) == []
    required = [(f.rule, f.line, f.column) for f in findings(text, require_banner="always")]
    assert required == [("banner-missing-top", 1, 1), ("banner-missing-bottom", 3, 1)]


def test_messages_name_markings_not_portion_text():
    text = doc("", "CONFIDENTIAL", "", "(C) Text.", "", "(S) More.", "", CAB, "CONFIDENTIAL")
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
    text = "CUI//SP-PRVCY\n\nControlled by: Department of Labor, Office of Payroll\n\n(CUI//SP-PRVCY) Names.\n\fCUI\n\n(CUI) Payroll.\n"
    mismatches = [(f.line, f.column, f.message) for f in findings(text, rules="cui") if f.rule == "banner-mismatch"]
    assert mismatches == [(6, 2, "page 2 banner CUI differs from the overall banner CUI//SP-PRVCY")]
    assert [f for f in findings(text) if f.rule == "banner-mismatch"] == []  # us-cnsi: a page may carry its roll-up
    # an overall banner without the category a later page (and the roll-up) carries: the overall
    # banner is the slip, reported once at the top
    lacking = "CUI\n\nControlled by: Department of Labor, Office of Payroll\n\n(CUI) Payroll.\n\fCUI//SP-PRVCY\n\n(CUI//SP-PRVCY) Names.\n"
    assert [(f.rule, f.line, f.column) for f in findings(lacking, rules="cui")] == [("banner-rollup", 1, 1)]
