"""Documents of 1951-1982 judged by the rules of their own day (`--rules auto`): a marking that
was wrong in its day is found with its rule, line and column; what that day did not ask for
(a Classified By line under EO 10501, a Reason line or YYYYMMDD dates before 2003, portion marks
before 1978) is not asked for; and the era's own forms (RESTRICTED and `SECURITY INFORMATION`
under EO 10290, `SECRET/NODIS/XGDS`, a telegram's `GP-3`, EO 12065's `GDS 2/12/85` / `RDS-1` /
`XDS-3` schedules, `(C - ENTIRE TEXT)`) are read as what they mean.

tests/fixtures/era_defects/ holds the documents, each named by the era it was written in.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marklint.checks.legacy_authority import legacy_parts
from marklint.legacy_forms import legacy_banner, whole_text_statement
from marklint.lint import Settings, lint_bytes
from marklint.markings import check

DEFECTS = Path(__file__).parent / "fixtures" / "era_defects"

# file -> (the rule set auto picks, the findings: rule, line, column)
EXPECTED = {
    # EO 10290 (1951-1953): the category top and bottom of each page, nothing more
    "10290_no_bottom.txt": ("us-eo10290", [("banner-missing-bottom", 11, 1)]),
    "10290_no_top.txt": ("us-eo10290", [("banner-missing-top", 1, 1)]),
    "10290_caption_lost_at_bottom.txt": ("us-eo10290", [("banner-missing-bottom", 12, 1)]),
    # EO 10501: RESTRICTED abolished, a Group legend from 20 September 1961 (EO 10964)
    "10501_mismatch.txt": ("us-eo10501", [("banner-mismatch", 11, 1)]),
    "10501_misspelt.txt": ("us-eo10501", [("marking-unknown-token", 1, 1), ("marking-unknown-token", 9, 1)]),
    "10501_no_group_1965.txt": ("us-eo10501", [("cab-missing", 1, 1)]),
    "10501_page1_no_bottom.txt": ("us-eo10501", [("banner-missing-bottom", 7, 1)]),
    "10501_restricted_1955.txt": ("us-eo10501", [("marking-conflict", 1, 1), ("marking-conflict", 11, 1)]),
    "10501_security_information_1955.txt": ("us-eo10501", [("legacy-marking", 1, 1), ("legacy-marking", 9, 1)]),
    # EO 11652: the classifier and the General Declassification Schedule or its exemption
    "11652_classifier_no_decl.txt": ("us-eo11652", [("cab-incomplete", 13, 1)]),
    "11652_gds_no_classifier.txt": ("us-eo11652", [("cab-incomplete", 13, 1)]),
    "11652_gp_1975.txt": ("us-eo11652", [("legacy-marking", 9, 1), ("cab-incomplete", 9, 1),
                                         ("cab-incomplete", 9, 1)]),
    "11652_group_1975.txt": ("us-eo11652", [("legacy-marking", 11, 1), ("cab-incomplete", 11, 1),
                                            ("cab-incomplete", 11, 1)]),
    "11652_no_block.txt": ("us-eo11652", [("cab-missing", 1, 1)]),
    "11652_oadr_1975.txt": ("us-eo11652", [("cab-declassify-invalid", 12, 16)]),
    "11652_portion_over.txt": ("us-eo11652", [("banner-under-classified", 1, 1)]),
    "11652_gds_full_no_classifier.txt": ("us-eo11652", [("cab-incomplete", 11, 1)]),
    "11652_banner_gds_no_classifier.txt": ("us-eo11652", [("cab-incomplete", 20, 16)]),
    "11652_gds_year_before.txt": ("us-eo11652", [("cab-declassify-invalid", 12, 5)]),
    "11652_gds_year_too_late.txt": ("us-eo11652", [("cab-declassify-too-late", 12, 5)]),
    # EO 12065: portions marked, declassification or review at most 20 years out
    # a declassify-on date before the memo's own date (C-08): the date line still dates it
    "12065_declassify_before_date.txt": ("us-eo12065", [("cab-declassify-invalid", 14, 16)]),
    "12065_caption_missing_at_bottom.txt": ("us-eo12065", [("banner-mismatch", 16, 1)]),
    "12065_noforn_portion_banner_without.txt": ("us-eo12065", [("banner-rollup", 1, 1)]),
    "12065_cable_eo11652.txt": ("us-eo12065", [("legacy-marking", 9, 13), ("cab-incomplete", 9, 13)]),
    "12065_decl_too_late.txt": ("us-eo12065", [("cab-declassify-too-late", 12, 16)]),
    "12065_gds_too_late.txt": ("us-eo12065", [("cab-declassify-too-late", 9, 17)]),
    "12065_no_decl.txt": ("us-eo12065", [("cab-incomplete", 11, 1)]),
    "12065_no_portion_marks.txt": ("us-eo12065", [("portion-missing", 7, 1), ("portion-missing", 9, 1)]),
    "12065_oadr_1980.txt": ("us-eo12065", [("cab-declassify-invalid", 12, 16)]),
    "12065_page2_no_top.txt": ("us-eo12065", [("banner-missing-top", 11, 1)]),
    "12065_portion_over.txt": ("us-eo12065", [("banner-under-classified", 1, 1)]),
    "12065_rds_too_late.txt": ("us-eo12065", [("cab-declassify-too-late", 9, 19)]),
    "12065_review_too_late.txt": ("us-eo12065", [("cab-declassify-too-late", 12, 12)]),
    "12065_unmarked_portion.txt": ("us-eo12065", [("portion-missing", 9, 1)]),
    "12065_x1_1981.txt": ("us-eo12065", [("cab-declassify-invalid", 10, 16)]),
    "12065_xgds_1980.txt": ("us-eo12065", [("cab-incomplete", 11, 1), ("legacy-marking", 12, 1)]),
    # what the day did not ask for is not asked for
    "10290_no_authority.txt": ("us-eo10290", []),
    "10290_restricted_caption_ok.txt": ("us-eo10290", []),
    "10501_1958_no_group.txt": ("us-eo10501", []),
    "10501_no_classified_by.txt": ("us-eo10501", []),
    "11652_no_reason_no_yyyymmdd.txt": ("us-eo11652", []),
    "12065_derivative_no_classifier.txt": ("us-eo12065", []),
}


def lint(path: Path):
    return lint_bytes(str(path), path.read_bytes(), Settings(rules="auto", use_config=False))


def auto(text: str):
    """The result of linting `text` under the rule set of its date."""
    return lint_bytes("m.txt", text.encode(), Settings(rules="auto", use_config=False))


def test_every_document_has_its_expectation():
    assert sorted(p.name for p in DEFECTS.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_document_is_judged_by_the_rules_of_its_day(name):
    result = lint(DEFECTS / name)
    ruleset, findings = EXPECTED[name]
    assert result.ruleset == ruleset
    assert [(f.rule, f.line, f.column) for f in result.findings] == findings


def test_oadr_and_x1_before_the_orders_that_brought_them_in_say_so():
    messages = [f.message for f in lint(DEFECTS / "11652_oadr_1975.txt").findings]
    assert messages == ["Declassify On 'OADR' was not yet in use: valid only on documents dated from 1982-04-02 "
                        "(L-01, L-04)"]
    assert "from 1995-10-14" in lint(DEFECTS / "12065_x1_1981.txt").findings[0].message


def test_restricted_was_a_us_level_until_eo_10501():
    assert check("RESTRICTED", "banner", era=date(1953, 12, 14)) == []
    assert [p.rule for p in check("RESTRICTED", "banner", era=date(1953, 12, 15))] == ["marking-conflict"]


@pytest.mark.parametrize("text, modern, forms", [
    ("SECRET - NO FOREIGN DISSEM", "SECRET//NOFORN", ["no-foreign-dissem"]),
    ("SECRET-NOFORN", "SECRET//NOFORN", ["controls-without-separator"]),
    ("SECRET/NODIS/XGDS", "SECRET//NOFORN//NODIS", ["state-caption", "gds-in-banner"]),
    ("TOP SECRET/SENSITIVE/XGDS", "TOP SECRET", ["sensitive", "gds-in-banner"]),
    ("CONFIDENTIAL - GDS", "CONFIDENTIAL", ["gds-in-banner"]),
    ("TOP SECRET EYES ONLY", "TOP SECRET", ["eyes-only"]),
    ("SECRET SECURITY INFORMATION", "SECRET", ["security-information"]),
    ("SECURITY INFORMATION", None, ["security-information"]),
    ("EYES ONLY", None, ["eyes-only"]),
    ("LIMITED OFFICIAL USE", "UNCLASSIFIED//SBU", ["limited-official-use"]),
])
def test_older_banner_forms(text, modern, forms):
    found = legacy_banner(text)
    assert (found.modern, [form.name for form in found.forms]) == (modern, forms)


@pytest.mark.parametrize("line, parts", [
    ("E.O. 12065: GDS 2/12/85 (SULLIVAN, W.H.) OR-M", [("declassify-on", "GDS", "2/12/85")]),
    ("E.O. 12065: ADS 6/1/80 (SMITH, J.)", [("declassify-on", "ADS", "6/1/80")]),
    ("E.O. 12065: RDS-1 4/14/00 (SAUNDERS, HAROLD H.)", [("review-on", "RDS-1", "4/14/00")]),
    ("E.O. 12065: XDS-3 6/1/99 (TOON, MALCOLM) OR-M", [("review-on", "XDS-3", "6/1/99")]),
    ("E.O. 11652: GDS", [("gds", "GDS", "")]),  # EO 11652's schedule names no date
    ("GP-3", [("group", "GP-3", "")]),
    ("GP-1. RUSK", [("group", "GP-1", "RUSK")]),
    ("WILL FOLLOW. GP-4.", [("group", "GP-4", "")]),
    ("CONFIDENTIAL - GDS", [("gds", "GDS", "")]),  # the schedule at the end of a banner
    ("SECRET/GDS 1979", [("gds", "GDS", "1979")]),
    ("THE GDS", []),
    ("The GP-3 engine failed.", []),
    ("C BY 7585, DECL: OADR.", [("classified-by", "C BY", "7585"), ("declassify-on", "DECL", "OADR")]),
    ("C BY THE RIVER", []),
    ("ADS were placed in the paper.", []),
])
def test_telegram_schedules_and_groups(line, parts):
    assert [(key, label, value) for key, label, value, *_ in legacy_parts(line)] == parts


@pytest.mark.parametrize("text, level", [
    ("1. (C - ENTIRE TEXT)\n", "CONFIDENTIAL"),
    ("1. S-ENTIRE TEXT.\n", "SECRET"),
    ("1. (C) ENTIRE TEXT.\n", "CONFIDENTIAL"),
    ("1. The C-130 left.\n", None),
    ('THIS DOCUMENT IS CLASSIFIED "CONFIDENTIAL" IN ITS ENTIRETY.\n', "CONFIDENTIAL"),
    ("The report was classified in its entirety.\n", None),
])
def test_a_1980s_cables_whole_text_statement(text, level):
    assert whole_text_statement(text) == level


def test_the_schedule_in_a_banner_joins_the_block_on_a_later_page():
    """`TOP SECRET/SENSITIVE/XGDS` on every page and `CLASSIFIED BY` at the end of the last: one block."""
    text = ("TOP SECRET/SENSITIVE/XGDS\n\nDate: May 14, 1975\n\nThe meeting opened.\n\nTOP SECRET/SENSITIVE/XGDS\n"
            "\fTOP SECRET/SENSITIVE/XGDS\n\nThe meeting ended.\n\nCLASSIFIED BY: Brent Scowcroft\n\n"
            "TOP SECRET/SENSITIVE/XGDS\n")
    result = auto(text)
    assert (result.ruleset, result.findings) == ("us-eo11652", [])
    without = text.replace("CLASSIFIED BY: Brent Scowcroft\n\n", "")
    result = auto(without)
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("cab-incomplete", 1, 22)]


def test_a_caption_under_the_bottom_banner_leaves_it_the_bottom():
    text = "TOP SECRET\nEYES ONLY\n\nOctober 30, 1956\n\nThe President spoke.\n\nTOP SECRET\nEYES ONLY\n"
    result = auto(text)
    assert result.findings == []
    # a caption line after a blank line is no part of the banner: the page ends without one
    spaced = text[:-len("TOP SECRET\nEYES ONLY\n")] + "TOP SECRET\n\nEYES ONLY\n"
    result = auto(spaced)
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("banner-missing-bottom", 10, 1)]


def test_a_caption_line_is_part_of_its_banner():
    """`SECRET` over `NOFORN` (or `NO FOREIGN DISSEM`) is the banner SECRET//NOFORN at the top and
    the bottom; the 1960s phrase is legacy-marking on a document of 1990."""
    text = ("SECRET\n{c}\n\n14 July {y}\n\n1. (S/NF) Three incidents were reported.\n\n"
            "Classified by: J. Smith, Chief, Division B\nDeclassify on: 14 July {z}\n\nSECRET\n{c}\n")
    for caption in ("NOFORN", "NO FOREIGN DISSEM"):
        result = auto(text.format(c=caption, y=1981, z=1987))
        assert result.findings == []
    result = auto(text.format(c="NO FOREIGN DISSEM", y=1990, z="1996"))
    # reported at the banner the caption belongs to, as `SECRET NO FOREIGN DISSEM` on one line is
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("legacy-marking", 1, 1),
                                                                     ("legacy-marking", 11, 1)]


def test_the_wnintel_notice_under_a_banner_is_a_caption_not_a_portion():
    notice = "WARNING NOTICE\nSENSITIVE INTELLIGENCE SOURCES\nAND METHODS INVOLVED\n"
    text = (f"SECRET\n{notice}\n2 June 1980\n\n1. (S) The source reported on the talks.\n\n"
            f"Derivative CL BY 012345\nReview on 2 June 2000\nDerived from FHB 70-12\n\nSECRET\n{notice}")
    result = auto(text)
    assert (result.ruleset, result.findings) == ("us-eo12065", [])


def test_states_limited_official_use_until_sbu():
    """`LIMITED OFFICIAL USE` and `(LOU)`, State's control before SBU: accepted in 1985, legacy in 2015."""
    text = "LIMITED OFFICIAL USE\n\nMarch 3, {y}\n\n(LOU) The talks went well.\n\nLIMITED OFFICIAL USE\n"
    assert auto(text.format(y=1985)).findings == []
    found = auto(text.format(y=2015)).findings
    assert [(f.rule, f.line, f.column) for f in found] == [("legacy-marking", 1, 1), ("legacy-marking", 5, 1),
                                                           ("legacy-marking", 7, 1)]
