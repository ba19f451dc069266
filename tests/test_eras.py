"""Issue 15: the date of origin as an archivist finds it, the era rule sets chosen by auto, the
older eras' marking and authority forms (accepted in their era, legacy-marking after), the
per-document summary, and `--date`."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from cli_support import run_cli
from marklint.checks.legacy_authority import is_legacy_authority_line
from marklint.dates import date_of_origin
from marklint.legacy_forms import legacy_banner, legacy_portion, whole_text_statement
from marklint.lint import Settings, lint_document
from marklint.readers import read_document


def origin(text: str):
    return date_of_origin(enumerate(re.split(r"\n", text), 1))


def lint(text: str, **settings):
    doc = read_document("t.txt", text.encode("utf-8"))
    return lint_document(doc, Settings(use_config=False, **settings))


def rules_of(result):
    return [(f.rule, f.line) for f in result.findings]


# The date of origin

@pytest.mark.parametrize("text, day, line, kind", [
    ("SECRET\n\nO 160455Z SEP 93\nFM AMEMBASSY X\n", date(1993, 9, 16), 3, "dtg"),
    ("UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n"
     "From: A\nSent: Wednesday, June 23, 2010 7:29 AM\n", date(2010, 6, 23), 3, "labelled"),
    ("DATE OF LAST REVIEW: 07/16/1998\nDATE: 02/24/1977\n", date(1977, 2, 24), 2, "labelled"),
    ("Creation Date: 2022-03-16\n\n8 October 1959\n\nDear Sir:\n", date(1959, 10, 8), 3, "date-line"),
    ("SECRET\n6 AUG 74\n", date(1974, 8, 6), 2, "date-line"),
    ("Case#:NW 56000 Date: 11-04-2021\nDOB: 20 January 1934\n10 September 1969\n", date(1969, 9, 10), 3, "date-line"),
    ("DRV FM: COV 1-82\nDated: 3 September 1991\nOn 4 May 1992 we met.\n", date(1992, 5, 4), 3, "text"),
    ("REVIEW ON 02 JAN 2009\n\nThe 1979 query of March 3, 2011 was answered.\n", None, None, None),
])
def test_date_of_origin(text, day, line, kind):
    found = origin(text).origin
    if day is None:  # a date later than the document's own review date is a stamp's
        assert found is None
    else:
        assert (found.date, found.line, found.kind) == (day, line, kind)


def test_copy_dates_are_recorded_separately():
    dating = origin("2023 RELEASE UNDER THE ACT\nDATE OF LAST REVIEW: 07/16/1998\nDATE: 02/24/1977\n")
    assert [(d.date, d.line, d.kind) for d in dating.copy_dates] == [(date(1998, 7, 16), 2, "review")]


def test_birth_dates_are_never_the_origin():
    assert origin("DPOB. 21 MAY 1944, BIRMINGHAM\nZIMERI WAS BORN 4 MAY 1944.\n").origin is None


def test_ocr_zero_and_cyrillic_look_alikes_in_cable_dates():
    assert origin("• D21330Z JAN 73 RESTRICTED HANDLING\n").origin.date == date(1973, 1, 2)
    assert origin("ДЗ ОСТ 62\n").origin.date == date(1962, 10, 3)


# Rule sets by era

LETTER_1959 = "SECRET\n\nOctober 8, 1959\n\nThe embassy reports the visit.\n\nIt ended well.\n\nSECRET\n"


def test_auto_judges_a_1959_letter_by_eo10501_banners_only():
    result = lint(LETTER_1959, rules="auto")
    assert result.ruleset == "us-eo10501"
    assert result.notices == ["--rules auto chose us-eo10501 (document dated 1959-10-08, date line at line 3)"]
    assert rules_of(result) == []  # no portion marks, no authority block before EO 10964


def test_eo10964_group_legend_required_from_1961():
    text = LETTER_1959.replace("October 8, 1959", "October 3, 1962")
    assert rules_of(lint(text, rules="auto")) == [("cab-missing", 1)]
    grouped = text.replace("It ended well.\n", "It ended well.\n\nGROUP 1\nExcluded from automatic downgrading and declassification\n")
    assert rules_of(lint(grouped, rules="auto")) == []


def test_undated_document_gets_banner_checks_only():
    result = lint("SECRET\n\nThe embassy reports the visit.\n\nTOP SECRET UMBRA\n", rules="auto")
    assert result.ruleset == "banners-only"
    assert result.notices == ["--rules auto: no document date found; banner checks only (rule set banners-only)"]
    assert rules_of(result) == [("banner-mismatch", 5)]


def test_eo11652_authority_lines_and_no_portion_marks():
    text = ("SECRET\n\n6 AUG 1974\n\nThe station reports.\n\nCLASSIFIED BY 010116. EXEMPT FROM GENERAL DECLASSIFICATION\n"
            "SCHEDULE OF E.O. 11652 EXEMPTION CATEGORY 5B (2). IMPOSSIBLE\n\nSECRET\n")
    assert rules_of(lint(text, rules="auto")) == []
    cable = "SECRET\n\n021330Z JAN 73\n\n1. THE STATION REPORTS.\n\nE2 IMPDET CL BY 059876\n\nSECRET\n"
    assert rules_of(lint(cable, rules="auto")) == []
    assert rules_of(lint(cable.replace("E2 IMPDET CL BY 059876", "CL BY 059876"), rules="auto")) == [
        ("cab-incomplete", 7)]


def test_eo12065_review_on_and_portions_are_warnings():
    text = ("CONFIDENTIAL\n\n2 January 1979\n\n(C) The query was answered.\n\nWe checked the records.\n\n"
            "CLASSIFIED BY NSA/CSSM 123-2\nREVIEW ON 02 JAN 1999\n\nCONFIDENTIAL\n")
    result = lint(text, rules="auto")
    assert result.ruleset == "us-eo12065"
    assert [(f.rule, f.line, f.severity.label) for f in result.findings] == [("portion-missing", 7, "warning")]
    late = lint(text.replace("02 JAN 1999", "02 JAN 2009"), rules="auto")
    assert [(f.rule, f.line) for f in late.findings if f.rule != "portion-missing"] == [("cab-declassify-too-late", 10)]


# Legacy marking forms

@pytest.mark.parametrize("line, modern, forms", [
    ("TOP SECRET UMBRA", "TOP SECRET//SI", ["codeword-without-separator"]),
    ("SECRET NOFORN SENSITIVE", "SECRET//NOFORN", ["controls-without-separator", "sensitive"]),
    ("SECRET/SENSITIVE", "SECRET", ["sensitive"]),
    ("S-E-C-R-E-T NO FOREIGN DISSEM", "SECRET//NOFORN", ["cable-spaced", "no-foreign-dissem"]),
    ("END OF MESSAGE SECRET", "SECRET", ["cable-text"]),
    ("PAGE 2 DAR ES SALAAM 1141 SECRET", "SECRET", ["cable-text"]),
    ("PAGE 03 MEXICO CITY 04521 CONFIDENTIAL", "CONFIDENTIAL", ["cable-text"]),
    ("SECRET NODIS", "SECRET//NOFORN//NODIS", ["state-caption"]),
    ("SBU", "UNCLASSIFIED//SBU", ["sbu"]),
    ("SECRET ENTIRE TEXT", "SECRET", ["whole-text-statement"]),
    ("NO FOREIGN DISSEM", None, ["no-foreign-dissem"]),
])
def test_legacy_banners(line, modern, forms):
    found = legacy_banner(line)
    assert (found.modern, [form.name for form in found.forms]) == (modern, forms)


@pytest.mark.parametrize("line", ["SECRET SERVICE", "CONFIDENTIAL INFORMANT", "Secret sauce", "THE SECRET",
                                  "PAGE 2 OF THE SECRET REPORT", "PAGE 2 THE 1141 SECRET SERVICE"])
def test_prose_in_capitals_is_no_legacy_banner(line):
    assert legacy_banner(line) is None


def test_legacy_portions_and_whole_text_statements():
    assert legacy_portion("(U/AIUO)").modern == "(U//FOUO)"
    assert legacy_portion("(SBU)").modern == "(U//SBU)"
    assert legacy_portion("(S)") is None
    assert whole_text_statement("1. SECRET ENTIRE TEXT.\n") == "SECRET"
    assert whole_text_statement("FILE: 201-25 RVW 02 JAN 2000 ALL SECRET\n") == "SECRET"
    assert whole_text_statement("All secret meetings were cancelled.") is None


def test_legacy_form_accepted_in_its_era_and_reported_after():
    cable = "S E C R E T\n\n{day}\n\n(S) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20441231\n\nS E C R E T\n"
    assert rules_of(lint(cable.format(day="March 3, 1985"), rules="us-eo12356")) == []
    late = lint(cable.format(day="March 3, 2020"))
    assert [(f.rule, f.line, f.column, f.message) for f in late.findings] == [
        ("legacy-marking", 1, 1, '"S E C R E T" is a legacy form (cable spaced, current until 2010-06-24); write SECRET'),
        ("legacy-marking", 11, 1, '"S E C R E T" is a legacy form (cable spaced, current until 2010-06-24); write SECRET'),
    ]


def test_legacy_authority_line_in_a_modern_document():
    text = "SECRET\n\nMarch 3, 2020\n\n(S) Text.\n\nCL BY: 0712052\nDECL ON: 20441231\nDRV FRM: COV 2-87\n\nSECRET\n"
    assert [(f.rule, f.line, f.column) for f in lint(text).findings] == [("legacy-marking", 7, 1), ("legacy-marking", 9, 1)]


def test_whole_text_statement_stands_for_portion_marks():
    text = "SECRET\n\nMay 13, 1996\n\n1. SECRET ENTIRE TEXT. CLASSIFIED BY JOYCE RABENS, DAS, EAP. REASON 1.5(D).\n\n2. THE MINISTER SPOKE.\n\nE.O. 12958: DECL: 5/1/06\n\nSECRET\n"
    assert rules_of(lint(text, rules="auto")) == []


def test_repeated_bottom_banner_makes_no_phantom_page():
    result = lint("SECRET\n\n(S) One.\n\nSECRET\n\nSECRET\n\nPAGE: 2\n", rules="banners-only")
    assert result.pages == 1 and rules_of(result) == []


# C-02 (issue 14)

def test_classifier_name_without_position_is_an_error_only_where_required():
    text = "SECRET\n\nMarch 3, {year}\n\n(S) Text.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20441231\n\nSECRET\n"
    assert [(f.rule, f.line, f.column, f.severity.label) for f in lint(text.format(year=2020)).findings] == [
        ("cab-incomplete", 7, 16, "error")]
    assert rules_of(lint(text.format(year=1975), rules="auto")) == []


# --format summary and --date

def test_summary_format_and_date_override(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER_1959)
    code, out, err = run_cli(["--rules", "auto", "--format", "summary", "--no-cache", str(path)])
    assert code == 0 and err.startswith("marklint: ")
    summary = json.loads(out)
    assert {k: summary[k] for k in ("date_of_origin", "date_line", "date_kind", "ruleset", "classification",
                                    "pages", "banners", "authority_block", "findings", "verdict")} == {
        "date_of_origin": "1959-10-08", "date_line": 3, "date_kind": "date-line", "ruleset": "us-eo10501",
        "classification": "SECRET", "pages": 1, "banners": [{"page": 1, "banners": ["SECRET", "SECRET"]}],
        "authority_block": False, "findings": {}, "verdict": "clean"}
    code, out, _ = run_cli(["--rules", "auto", "--date", "2020-01-01", "--format", "summary", "--no-cache", str(path)])
    summary = json.loads(out)
    assert (summary["ruleset"], summary["date_kind"], summary["verdict"]) == ("us-cnsi", "override", "findings")
    assert summary["ruleset_reason"] == "--rules auto chose us-cnsi (document dated 2020-01-01, from --date)"


def test_summary_of_unreadable_and_unmarked_files(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"SECRET\0")
    (tmp_path / "plain.txt").write_text("Lunch is at noon.\n")
    code, out, _ = run_cli(["--format", "summary", "--no-cache", str(tmp_path / "bin.txt"), str(tmp_path / "plain.txt")])
    first, second = map(json.loads, out.splitlines())
    assert code == 2
    assert (first["verdict"], second["verdict"]) == ("unreadable", "unmarked")


def test_bad_date_option_is_a_usage_error():
    code, _, err = run_cli(["--date", "1984-13-01", "x.txt"])
    assert code == 2 and "expected a date YYYY-MM-DD" in err


def test_summary_facts_survive_the_result_cache(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER_1959)
    argv = ["--rules", "auto", "--format", "summary", "--cache-dir", str(tmp_path / "cache"), str(path)]
    first = run_cli(argv)[1]
    path.touch()  # a changed stat, the same content: the result comes from the cache, not a replay
    second = run_cli(argv)[1]
    assert json.loads(first)["date_of_origin"] == "1959-10-08"
    assert second == first


def test_a_cable_continuation_header_carries_its_page_banner():
    """A cable's later pages open with a header line that ends in the level (`PAGE 2 DAR ES
    SALAAM 1141 SECRET`): that is the page's top banner."""
    cable = ("SECRET\n\n021712Z JAN 73\n\n1. STATION REQUESTS TRACES ON SUBJECT.\n\nSECRET\n\f"
             "PAGE 2 DAR ES SALAAM 1141 SECRET\n\n2. WILL ALSO COVER DEVELOPMENT OF CASE.\n\n"
             "E2 IMPDET CL BY 059876\n\nSECRET\n")
    assert rules_of(lint(cable, rules="auto")) == []
    assert rules_of(lint(cable.replace("1141 SECRET", "1141"), rules="auto")) == [("banner-missing-top", 8)]


@pytest.mark.parametrize("line, authority", [
    ("EXEMPT FROM GENERAL DECLASSIFICATION SCHEDULE OF E.O. 11652", True),
    ("* E2 IMPDET CL BY 062028", True),  # a stamp's speck before the label
    ('"Exempt from General Declassification Schedule of E.O. 11652" block;', False),  # quoted: a mention
    ("`XGDS 2, INDEFINITE`; `RVW ... DRV ...`;", False),  # a Markdown code span
])
def test_a_quoted_authority_label_is_a_mention(line, authority):
    assert is_legacy_authority_line(line) is authority


def test_a_1999_telegram_reason_with_a_period_and_a_30_year_date():
    """EO 12958 cables cite `REASON 1.5. (D)` too; a DECL date 30 years out is past the 25-year limit
    (C-08), also when TAGS: and SUBJECT: run onto the DECL line."""
    text = ("SECRET\n\nO 221530Z APR 99\nFM SECSTATE WASHDC\nTO AMEMBASSY OSLO IMMEDIATE\n\n"
            "E.O. 12958: DECL: 04/22/29 TAGS: PREL, NO SUBJECT: (U) CONVERSATION\n\n"
            "1. (S) CLASSIFIED BY: KRISTIE A. KENNEY, EXECUTIVE SECRETARY. REASON 1.5. (D).\n\n"
            "2. (S) THE DEPUTY SECRETARY MET THE MINISTER.\n\nTALBOTT\n\nSECRET\n")
    result = lint_document(read_document("cable.txt", text.encode()), Settings(rules="auto", use_config=False))
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("cab-declassify-too-late", 7, 19)]


def test_a_cables_last_paragraph_may_close_with_e2_impdet_after_a_comma():
    """A 1970s CIA cable ends its text `6. NO FILE. E2, IMPDET.`: the exemption, read with the
    comma the writer set after E2 (its classifier's CL BY still missing)."""
    cable = "SECRET\n\n230013Z SEP 75\n\n1. THE STATION REPORTS.\n\n2. NO FILE. E2, IMPDET.\n\nSECRET\n"
    assert rules_of(lint(cable, rules="auto")) == [("cab-incomplete", 7)]
    assert rules_of(lint(cable.replace("E2, IMPDET.", "E2, IMPDET CL BY 059876."), rules="auto")) == []
    assert rules_of(lint(cable.replace(" E2, IMPDET.", ""), rules="auto")) == [("cab-missing", 1)]


def test_a_date_the_scan_set_under_a_birth_label_is_no_date_of_origin():
    # OCR broke `BORN 28 MAR 44` after the label: the date alone on its line is a birth date
    text = ("SECRET\n\nB. BROWN (201-906614) AKA HAROLD SINGLETON BORN\n\n28 MAR 44.\n\nNEGRO MALE, FIVE FEET SEVEN.\n\n"
            "7 July 1973\n\nE2 IMPDET CL BY 059876\n\nSECRET\n")
    found = origin(text)
    assert (found.origin.date, found.origin.line) == (date(1973, 7, 7), 9)
    assert origin(text.replace("\n\n7 July 1973\n", "\n")).origin is None


@pytest.mark.parametrize("authority, era, named", [
    ("E 2 IMPDET CL BY 059876", "us-eo11652", "E.O. 11652's IMPDET"),
    ("CLASSIFIED BY 010116, XGDS 2, INDEFINITE", "us-eo11652", "E.O. 11652's XGDS"),
    ("CL BY 0061234 DECL OADR DRV HUM 4-82", "us-eo12356", "E.O. 12356's OADR"),
    ("FILE RVW 2000 DRV D9C.1 ALL SECRET", "us-eo12065", "E.O. 12065's RVW"),
])
def test_an_undated_document_is_judged_in_the_era_of_its_authority_formula(authority, era, named):
    result = lint(f"SECRET\n\n1. THE STATION REPORTS.\n\n{authority}\n\nSECRET\n", rules="auto")
    assert result.ruleset == era
    assert result.notices == [f"--rules auto chose {era} (no document date; {named} at line 5)"]


@pytest.mark.parametrize("line, day", [("2 6 NOV 1968", date(1968, 11, 26)), ("17. May 64", date(1964, 5, 17))])
def test_a_date_stamp_the_scan_spaced_or_specked_is_a_date_line(line, day):
    found = origin(f"SECRET\n\nExecutive Registry\n\n{line}\n\nDear Sir Charles:\n")
    assert (found.origin.date, found.origin.line, found.origin.kind) == (day, 5, "date-line")


def test_where_a_voluntary_mark_stands_is_judged_only_once_portion_marking_was_required():
    form = ("CONFIDENTIAL\n\nDISPOSITION FORM\n\n14 November 1958\n\nSUBJECT: US Personnel in Soviet Custody (U)\n\n"
            "1. (C) The subject was released in October.\n\nCONFIDENTIAL\n")
    assert rules_of(lint(form, rules="auto")) == []  # EO 10501: no portion marking, no placement rule
    later = form.replace("14 November 1958", "14 November 1974")
    assert rules_of(lint(later, rules="auto")) == [("cab-missing", 1), ("portion-placement", 7)]


def test_a_printouts_header_date_over_its_page_field_is_the_copys():
    form = ("Date: 07/28/94\nPage: 1\nJFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : FBI\n"
            "DATE: 10/08/59\nPAGES : 2\n")
    found = origin(form)
    assert (found.origin.date, found.origin.line) == (date(1959, 10, 8), 6)
    assert [(copy.date, copy.line, copy.kind) for copy in found.copy_dates] == [(date(1994, 7, 28), 1, "metadata")]
    capitals = form.replace("Date: 07/28/94\nPage: 1", "DATE: 09/12/97\n\nPAGE: 1")  # NSA's printout of the form
    assert (origin(capitals).origin.date, origin(capitals).origin.line) == (date(1959, 10, 8), 7)
    airtel = "Date: 11/25/77\n\nTO: DIRECTOR, FBI\n\nFROM: SAC, PORTLAND\n"  # an airtel's own date stays its date
    assert origin(airtel).origin.date == date(1977, 11, 25)


@pytest.mark.parametrize("value", [": 06/29/54", "06/29/54"])
def test_a_forms_date_field_whose_value_the_scan_set_below_it_is_labelled(value):
    form = f"IDENTIFICATION FORM\nTITLE : LETTER\nDATE\n{value}\nPAGES : 2\n\n14 October 1958 was the release.\n"
    found = origin(form)
    assert (found.origin.date, found.origin.line, found.origin.kind) == (date(1954, 6, 29), 4, "labelled")
    # the printout's own header in title case stays apart
    assert origin(form.replace("DATE\n", "Date\n")).origin.date == date(1958, 10, 14)
