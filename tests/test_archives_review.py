"""The review block of a sanitized copy, checked on its own terms (MK801-MK804)."""

import pytest

from archives_support import REAL, lint_text
from marklint.lint import Settings, lint_path

HEADER = "UNCLASSIFIED U.S. Department of State Case No. F-2016-00001 Doc No. C01234567 Date: 03/15/2017\n"


def _copy(block: str) -> str:
    return f"{HEADER}\nRELEASE IN PART B1\n\n{block}\n\nFrom: Smith, Jane\nSubject: Talks\n\nThe talks went well.\n\n{HEADER}"


@pytest.mark.parametrize("block, expected", [
    ("Classified by DAS, A/GIS, DoS on 03/15/2017 - Class: SECRET//NOFORN - Reason: 1.4(C) - Declassify on: 03/15/2042",
     []),
    ("Classified by DAS, A/GIS, DoS on 03/15/2017 - Class: SECRET/NOFORN - Reason: 1.4(C) - Declassify on: 03/15/2042",
     [("review-class-form", 'review block class SECRET/NOFORN: categories are separated by "//" (S-04)')]),
    ("Classified by DAS, A/GIS, DoS on 03/15/2017 - Class: SECRET - Reason: 1.4(C) - Declassify on: 03/14/2017",
     [("review-declassify-passed", "review block 'Declassify on' 2017-03-14 had passed at the release date 2017-03-15")]),
    ("Classified by DAS, A/GIS, DoS on 03/15/2017 - Class: SECRET - Reason: 1.4(C) - Declassify on: 25X",
     [("review-exemption-invalid", "review block 'Declassify on' gives 25X without its exemption number")]),
    ("Classified by DAS, A/GIS, DoS on 03/15/2017 - Class: SECRET - Reason: 1.4(C), B6 - Declassify on: 03/15/2042",
     [("review-reason-invalid", "review block Reason B6 is not a classification category 1.4(a)-(h)")]),
    ("Classified by DAS, A/GIS, DoS on 03/15/2017 - Class: SECRET - Reason: 1.4(I) - Declassify on: 03/15/2042",
     [("review-reason-invalid", "review block Reason 1.4(I) is not a classification category 1.4(a)-(h)")]),
])
def test_review_block_rules(block, expected):
    findings = lint_text(_copy(block)).findings
    assert [(f.line, f.column, f.rule, f.message) for f in findings] == [(5, 1, *e) for e in expected]


def test_a_wrapped_review_block_is_one_block():
    block = ("Classified by DAS, A/GIS, DoS on\n03/15/2017 — Class:\nCONFIDENTIAL/NOFORN — Reason:\n"
             "1.4(G) — Declassify on: 11/09/2037")
    findings = lint_text(_copy(block)).findings
    assert [(f.line, f.rule) for f in findings] == [(5, "review-class-form")]


@pytest.mark.parametrize("name, expected", [
    ("state_foia/state_2012_email_donilon_confidential_noforn_14g.txt", [(14, 72, "review-class-form")]),
    ("state_foia/state_2012_email_mikati_sbu_portions_confidential_reason_mismatch.txt",
     [(24, 48, "review-reason-invalid")]),
    ("jfk/jfk_1977_fbi_teletype_caracas_xgds_remarked.txt", [(222, 1, "review-exemption-invalid")]),
    ("jfk/jfk_1959_fbi_legat_paris_letter_pittman_remarked.txt", [(388, 1, "review-exemption-invalid")]),
    ("state_foia/state_2011_email_sullivan_istanbul_p5plus1_secret.txt", []),
])
def test_review_findings_on_the_shared_set(name, expected):
    findings = lint_path(str(REAL / name), Settings(use_config=False)).findings
    assert [(f.line, f.column, f.rule) for f in findings if f.rule.startswith("review-")] == expected
