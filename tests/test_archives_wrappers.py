"""Archival wrappers: recognised on the real development set, set aside (no finding on them),
their facts recorded, and collections as data that a configuration can extend."""

import subprocess
import sys

import pytest
import yaml

from archives_support import REAL, REAL_DOCUMENTS, lint_text, read
from marklint.archives.collections import load_collections
from marklint.archives.wrappers import find_wrappers
from marklint.lint import Settings, lint_path
from marklint.readers import read_document

EXPECTED = yaml.safe_load((REAL.parent / "wrappers.yaml").read_text())
REVIEW_RULES = {"review-class-form", "review-declassify-passed", "review-exemption-invalid", "review-reason-invalid"}


def _page_of(doc):
    return {block.line + row: page.number for page in doc.pages for block in page.blocks
            for row in range(block.text.count("\n") + 1)}


def test_every_real_document_has_its_expected_wrapper():
    assert sorted(EXPECTED) == sorted(str(p.relative_to(REAL)) for p in REAL_DOCUMENTS)


@pytest.mark.parametrize("path", REAL_DOCUMENTS, ids=lambda p: p.stem)
def test_wrapper_recognised_as_judged(path):
    doc = read(path)
    found = find_wrappers(doc, load_collections())
    pages = _page_of(doc)
    expected = EXPECTED[str(path.relative_to(REAL))]
    assert sorted(found.pages) == expected["pages"]
    assert {line: offset for line, offset in found.spans.items() if pages.get(line) not in found.pages} \
        == expected["lines"]


@pytest.mark.parametrize("rules", [None, "auto"])
@pytest.mark.parametrize("ocr", [None, True, False])
def test_no_finding_on_a_wrapper_page_or_line(rules, ocr):
    # The review-* rules are about the review block itself (a wrapper), so they sit on it.
    on_wrapper = []
    for path in REAL_DOCUMENTS:
        doc = read(path)
        found = find_wrappers(doc, load_collections())
        pages = _page_of(doc)
        for finding in lint_path(str(path), Settings(rules=rules, ocr=ocr, use_config=False)).findings:
            if finding.rule in REVIEW_RULES:
                continue
            if found.spans.get(finding.line) == 0 or pages.get(finding.line) in found.pages:
                on_wrapper.append((path.name, finding.line, finding.rule))
    assert on_wrapper == []


@pytest.mark.parametrize("path", sorted((REAL / "state_foia").glob("*.txt")) + sorted(
    (REAL / "state_talbott_foia").glob("*.txt")), ids=lambda p: p.stem)
def test_release_header_metadata_in_the_facts(path):
    sidecar = yaml.safe_load(path.with_suffix(".yaml").read_text())
    header = next(line for line in path.read_text().splitlines() if "Department of State Case No." in line)
    case = header.split("Case No. ")[1].split()[0]
    released = header.split("Date: ")[1].strip()
    month, day, year = released.split("/")
    facts = lint_path(str(path), Settings(use_config=False)).facts["declassification"]
    assert facts["case_numbers"] == [case]
    assert sidecar["source"]["doc_no"] in facts["document_numbers"]
    assert facts["release_date"] == f"{year}-{month}-{day}"
    assert facts["release_authority"][0] == "US Department of State FOIA"
    assert facts["release_decision"][0] in ("release in part", "release in full")


def test_nara_identification_form_facts():
    path = REAL / "jfk" / "jfk_1964_state_memo_president_lopez_mateos_group2.txt"
    result = lint_path(str(path), Settings(use_config=False))
    facts = result.facts["declassification"]
    assert facts["wrapper_pages"] == [1]
    assert facts["document_numbers"][0] == "177-10002-10069"
    assert facts["review_dates"] == ["1998-04-21"]
    assert facts["release_date"] == "2025"
    assert "President John F. Kennedy Assassination Records Collection Act of 1992" in facts["release_authority"]
    assert all(finding.page != 1 for finding in result.findings)


def test_state_exemptions_and_review_block_recorded():
    path = REAL / "state_foia" / "state_2012_email_donilon_confidential_noforn_14g.txt"
    facts = lint_path(str(path), Settings(use_config=False)).facts["declassification"]
    assert facts["exemptions"] == ["(b)(1)", "1.4(g)", "(b)(5)", "(b)(3)"]
    assert facts["review_blocks"] == [{"line": 14, "review_date": "2016-01-29", "reviewer": "DAS, A/GIS, DoS",
                                       "class": "CONFIDENTIAL/NOFORN", "reason": "1.4(G)",
                                       "declassify_on": "2037-11-09"}]


CREST = """Approved For Release 2001/03/06 : CIA-RDP79-00498A000300040013-4

SECRET

(S) The convoy leaves at dawn.

Classified By: Jane Smith, Director, Office of Plans
Reason: 1.4(c)
Declassify On: 20451231

SECRET

Approved For Release 2001/03/06 : CIA-RDP79-00498A000300040013-4
"""


def test_release_stamps_do_not_block_banner_detection():
    result = lint_text(CREST)
    assert [(f.line, f.rule) for f in result.findings] == []
    facts = result.facts["declassification"]
    assert facts["document_numbers"] == ["CIA-RDP79-00498A000300040013-4"]
    assert facts["release_date"] == "2001/03/06"
    assert facts["wrapper_lines"] == 2
    # without the wrapper set aside the stamps would be the page's first and last lines
    bare = lint_text(CREST.replace("Approved For Release", "Approved for use"))
    assert {f.rule for f in bare.findings} >= {"banner-missing-top", "banner-missing-bottom"}


def test_nara_declassified_legend_is_a_wrapper():
    text = "DECLASSIFIED Authority NND 917017\n\nCONFIDENTIAL\n\n(C) The talks went well.\n\nCONFIDENTIAL\n"
    result = lint_text(text, rules="us-eo12356")
    assert [f.rule for f in result.findings if f.line == 1] == []
    assert result.facts["declassification"]["release_authority"] == ["NND 917017"]


RIGHT_COLUMN = (
    "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n"
    "\n"
    "SECRET\n"
    "\n"
    "From:    Smith, Jane                       Classified by DAS, A/GIS, DoS on 08/31/2015 — Class: SECRET —\n"
    "Sent:    Friday, January 21, 2011 7:49 PM  Reason: 1.4(D) — Declassify on: 01/20/2036\n"
    "\n"
    "(S) The talks went well.\n"
    "\n"
    "The talks will go on.\n"
    "\n"
    "SECRET\n"
    "\n"
    "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 08/31/2015\n"
)


def test_a_right_hand_review_block_leaves_the_left_column_as_document_text():
    doc = read_document_text(RIGHT_COLUMN)
    found = find_wrappers(doc, load_collections())
    assert found.spans == {1: 0, 5: 43, 6: 43, 14: 0}
    result = lint_text(RIGHT_COLUMN)
    # the banners are the page's top and bottom once the release headers are set aside, the
    # From/Sent header stays document text (no mark needed); the findings are the document's own
    assert [(f.line, f.column, f.rule) for f in result.findings] == [
        (3, 1, "cab-missing"), (10, 1, "portion-missing")]
    assert result.facts["declassification"]["review_blocks"][0]["class"] == "SECRET"


def read_document_text(text):
    from marklint.readers import read_document

    return read_document("doc.txt", text.encode("utf-8"))


def test_a_configured_collection_adds_its_own_wrappers(tmp_path):
    (tmp_path / "archive.yaml").write_text(
        "name: county-archive\nhint: 'COUNTY RECORDS'\n"
        "lines:\n  - kind: release-line\n"
        "    pattern: '^COUNTY RECORDS OFFICE RELEASE (?P<release_date>\\d{4}-\\d{2}-\\d{2})$'\n"
        "    set: {authority: County Records Office}\n")
    (tmp_path / ".marklint.yaml").write_text("archive-collections: [archive.yaml]\n")
    doc = tmp_path / "doc.txt"
    doc.write_text("COUNTY RECORDS OFFICE RELEASE 2020-01-02\n\nSECRET\n\n(S) The convoy leaves at dawn.\n\n"
                   "Classified By: Jane Smith, Director\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n")
    result = lint_path(str(doc), Settings())
    assert result.findings == []
    assert result.facts["declassification"]["release_authority"] == ["County Records Office"]
    assert result.facts["declassification"]["collections"] == ["county-archive"]


@pytest.mark.parametrize("content, message", [
    ("name: x\nhint: 'A'\nlines:\n  - kind: k\n    pattern: '(a)\\1'\n", "archive.yaml:5:5: 'pattern': invalid regular expression"),
    ("name: x\nlines: []\n", "archive.yaml:1:1: a collection needs a 'hint'"),
    ("name: x\nhint: 'A'\nstamps:\n  - kind: k\n    start: 'A'\n", "archive.yaml:4:5: a rule of 'stamps' needs 'continue'"),
    ("name: x\nhint: 'A'\nlines:\n  - kind: k\n    patern: 'A'\n", "archive.yaml:5:5: unknown key in a rule of 'lines'; did you mean 'pattern'?"),
])
def test_a_bad_collection_file_is_one_line_naming_file_and_line(tmp_path, content, message):
    (tmp_path / "archive.yaml").write_text(content)
    (tmp_path / ".marklint.yaml").write_text("archive-collections: [archive.yaml]\n")
    (tmp_path / "doc.txt").write_text("SECRET\n")
    run = subprocess.run([sys.executable, "-m", "marklint", "--no-cache", str(tmp_path / "doc.txt")],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2
    assert message in run.stderr
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def test_editing_a_configured_collection_invalidates_cached_results(tmp_path):
    collection = tmp_path / "archive.yaml"
    collection.write_text("name: county\nhint: 'COUNTY'\nlines:\n  - kind: release-line\n    pattern: '^COUNTY RELEASE$'\n")
    (tmp_path / ".marklint.yaml").write_text("archive-collections: [archive.yaml]\n")
    (tmp_path / "doc.txt").write_text("COUNTY RELEASE\n\nSECRET\n\n(S) The convoy leaves at dawn.\n\n"
                                      "Classified By: Jane Smith, Director\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n")

    def run():
        return subprocess.run([sys.executable, "-m", "marklint", "doc.txt"], capture_output=True, text=True,
                              cwd=tmp_path)

    assert run().returncode == 0
    collection.write_text("name: county\nhint: 'COUNTY'\nlines:\n  - kind: release-line\n    pattern: '^NOTHING$'\n")
    second = run()
    assert "banner-missing-top" in second.stdout and second.returncode == 1


COVER_LETTER = """Office of Information Programs and Services
Washington, D.C. 20520

March 3, 2016

Dear Requester:

This responds to your Freedom of Information Act request, FOIA Request No. F-2014-20439.
We have processed 12 documents. Ten are released in full and two are released in part;
the withheld material is exempt under exemptions (b)(1) and (b)(6).

Sincerely,
Jane Smith, Chief
\fSECRET

(S) The convoy leaves at dawn.

Classified By: Jane Smith, Director
Reason: 1.4(c)
Declassify On: 20451231

SECRET
"""


def test_a_foia_cover_letter_is_a_wrapper_page():
    result = lint_text(COVER_LETTER)
    assert result.findings == []
    facts = result.facts["declassification"]
    assert facts["wrapper_pages"] == [1]
    assert facts["case_numbers"] == ["F-2014-20439"]
    assert facts["exemptions"] == ["(b)(1)", "(b)(6)"]
    # the date of origin is not the letter's
    assert result.facts["date_of_origin"] is None


def test_a_memo_about_foia_litigation_is_no_cover_letter():
    text = ("SECRET\n\nMarch 3, 1989\n\nMEMORANDUM FOR: General Counsel\n\n(S) In the FOIA case Knight v. CIA the "
            "court ruled for the Agency.\n\nSECRET\n")
    assert lint_text(text, rules="us-eo12356").facts["declassification"] is None


DECAPTIONED = (
    "UNCLASSIFIED U.S. Department of State Case No. F-2017-13804 Doc No. C06800467 Date: 08/26/2019\n"
    "\n"
    "DECLASSIFIED\n"
    "\n"
    "O 271738Z NOV 96\n"
    "FM SECSTATE WASHDC\n"
    "TO AMEMBASSY ANKARA IMMEDIATE\n"
    "\n"
    "E.O. 12958: DECL: 11/27/06\n"
    "TAGS: PREL, TU\n"
    "SUBJECT: TELCON WITH FOREIGN MINISTER\n"
    "\n"
    "1. THE DEPUTY SECRETARY CALLED THE MINISTER ON NOVEMBER 26.\n"
)


def test_an_authority_block_on_a_released_copy_is_not_unexpected():
    """Its caption was struck at declassification (or lost to the scan): the block is the
    origin's. Without the wrapper, the same text is an unmarked document with a block."""
    assert [f.rule for f in lint_text(DECAPTIONED, rules="auto").findings] == []
    bare = DECAPTIONED.split("\n", 4)[4]
    assert [(f.rule, f.line) for f in lint_text(bare, rules="auto").findings] == [("cab-unexpected", 5)]


# A faxed copy as release files hold it: the sending office's cover sheet, then the document
# with the fax machine's header atop each page (a month the scan misread, the stamp beside it).
FAXED = """CONFIDENTIAL
FACSIMILE TRANSMITTAL FORM

SENDING TELEPHONE NUMBER: 703-555-0100 DATE: 3 MAR 98
RECEIVING TELEPHONE NUMBER: 202-555-0199
NUMBER OF PAGES: 2 (including this Transmittal Form)
FROM: OCA/CL
TO: ARRB (Mr. Gunn)
SPECIAL INSTRUCTIONS: none

RECEIVING STATION USE ONLY
\fMAR 03 '98 09:41AM
CONFIDENTIAL

11 May 1992

(C) The convoy leaves at dawn.

Classified By: 0791385
Reason: 1.5(c)
Declassify On: OADR

CONFIDENTIAL
\f13-00000 eaR 03 "98 @9:42AM
CONFIDENTIAL

(U) The escort is ready.

CONFIDENTIAL
\f05/11/92 14:32 FAX 202 555 0100 CIA OCA @003
CONFIDENTIAL

(U) The convoy is back.

CONFIDENTIAL
"""


def test_a_fax_cover_sheet_and_fax_headers_are_wrappers():
    result = lint_text(FAXED, rules="us-eo12356")
    assert [(f.rule, f.line) for f in result.findings] == []
    facts = result.facts["declassification"]
    assert facts["wrapper_pages"] == [1]
    assert facts["collections"] == ["fax"]
    found = find_wrappers(read_document("doc.txt", FAXED.encode()), load_collections())
    assert sorted(found.pages) == [1]
    assert {line: offset for line, offset in found.spans.items() if line > 12} == {24: 0, 30: 0}
    assert found.spans[12] == 0
    # the fax's dates are the copy's: the date of origin is the memo's
    assert result.facts["date_of_origin"] == "1992-05-11"


def test_a_memo_naming_a_fax_is_no_cover_sheet():
    text = ("CONFIDENTIAL\n\n11 May 1992\n\nSUBJECT: Fax transmittal of the cables\n\n(C) Number of pages sent by "
            "fax transmission: four; the telephone number is on file.\n\nCONFIDENTIAL\n")
    result = lint_text(text, rules="us-eo12356")
    assert result.facts["declassification"] is None


# A State release of a scanned telegram whose captions were removed at declassification: each
# page carries the release header (re-marked UNCLASSIFIED), the text keeps its portion marks.
REMARKED = (
    "UNCLASSIFIED U.S. Department of State Case No. F-2017-13804 Doc No. C06698642 Date: 08/26/2019\n"
    "O 272023Z NOV 96\nFM SECSTATE WASHDC\nTO AMEMBASSY ANKARA IMMEDIATE\n\n"
    "E.O. 12958: DECL: 11/27/06\nTAGS: PREL, TU\nSUBJECT: (C) TELCON WITH FOREIGN MINISTER\n\n"
    "1. (C) THE DEPUTY SECRETARY CALLED THE MINISTER ON NOVEMBER 26.\n"
    "UNCLASSIFIED U.S. Department of State Case No. F-2017-13804 Doc No. C06698642 Date: 08/26/2019\n"
    "\f"
    "UNCLASSIFIED U.S. Department of State Case No. F-2017-13804 Doc No. C06698642 Date: 08/26/2019\n"
    "2. (U) THE CALL ENDED AT 1506 EST.\n"
    "UNCLASSIFIED U.S. Department of State Case No. F-2017-13804 Doc No. C06698642 Date: 08/26/2019\n"
)


def test_a_copy_re_marked_on_every_page_at_release_is_not_judged_missing_its_banners():
    assert [f.rule for f in lint_text(REMARKED, rules="us-eo12958").findings
            if f.rule.startswith("banner-missing")] == []
    # the release header once, on the first line only: the copy is not re-marked throughout
    header = REMARKED.splitlines()[0] + "\n"
    once = header + REMARKED[len(header):].replace(header, "")
    assert [(f.rule, f.line, f.page) for f in lint_text(once, rules="us-eo12958").findings
            if f.rule.startswith("banner-missing")] == [
        ("banner-missing-top", 2, 1), ("banner-missing-bottom", 10, 1), ("banner-missing-top", 11, 2),
        ("banner-missing-bottom", 11, 2)]


# A NODIS telegram as State's 2020 releases give it: the OCR ran the release header's words
# together, the paragraph marks were struck through (the scan left `~` or junk) but for `(U)`.
RUN_TOGETHER = ("UNCLASSIFIED U.S. Departmentof StateCase No. F-2017-13804 Doc No. C06815073 Date: 11/18/2020\n"
                "O 131740Z DEC 00\nFM SECSTATE WASHDC\nTO AMEMBASSY MADRID IMMEDIATE\nSTATE 236019\nNODIS\n"
                "E.O. 12958: DECL: 12/10/30\nTAGS: PREL, PGOV\nSUBJECT: ~ TALKS WITH THE AMBASSADOR\n"
                "1. (U) CLASSIFIED BY: KRISTIE A. KENNEY, EXECUTIVE SECRETARY. REASON 1.5 (D).\n"
                "2. ~ THE ACTING SECRETARY CALLED THE AMBASSADOR.\n3. (U) END TEXT.\n"
                "DeclassificationAuthority:GeoffreyW. Chapman, SeniorReviewer,A/GIS/IPS\n"
                "UNCLASSIFIED U.S. Departmentof StateCase No. F-2017-13804 Doc No. C06815073 Date: 11/18/2020\n")


def test_a_release_header_whose_words_the_ocr_ran_together_is_a_wrapper():
    result = lint_text(RUN_TOGETHER)
    assert [(f.line, f.rule) for f in result.findings] == [(9, "ocr-recognised"), (11, "ocr-recognised")]
    assert result.facts["declassification"]["document_numbers"] == ["C06815073"]
    # its (U) paragraphs say nothing of the level its struck marks and banners had
    assert result.facts["classification"] is None
    assert lint_text(RUN_TOGETHER.replace("~", "(U)")).facts["classification"] == "UNCLASSIFIED"


@pytest.mark.parametrize(("code", "found"), [("1 4(D)1", []), ("1 4 (D) is", [(13, "portion-missing")])])
def test_a_margin_exemption_code_that_lost_its_dot_is_a_release_stamp(code, found):
    text = RUN_TOGETHER.replace("~", "(C)").replace("AMBASSADOR.\n", f"AMBASSADOR.\n\n{code}\n\n")
    assert [(f.line, f.rule) for f in lint_text(text).findings if f.rule == "portion-missing"] == found


@pytest.mark.parametrize(("before", "found"), [("WHO WAS", []), ("WHO WAS.", [(15, "portion-missing")])])
def test_a_telegrams_paragraph_split_by_a_withheld_passage_is_judged_once(before, found):
    text = RUN_TOGETHER.replace("~", "(C)").replace(
        "CALLED THE AMBASSADOR.\n", f"CALLED THE AMBASSADOR {before}\nRELEASE IN PART\n1.4(B)\nB1\n"
        "AT HOME IN WASHINGTON AND HAD HEARD OF THE ARREST.\n")
    assert [(f.line, f.rule) for f in lint_text(text).findings if f.rule == "portion-missing"] == found


@pytest.mark.parametrize(("right", "slip", "read"), [
    ("Departmentof StateCase", "Department.of StateCase", ["C06815073"]), ("Doc No.", "Doe No.", ["C06815073"]),
    ("11/18/2020", "11/18/202Q", ["C06815073"]), ("C06815073", "CQ6815073", []),
    ("U.S. Departmentof", "ll&Departmentof", ["C06815073"]), ("Doc No. C06815073", "DocNo.006815073", []),
    ("F-2017", "F:2017", ["C06815073"]), ("F-2017", "Fa-2017", ["C06815073"]), ("F-2017", "FT2017", ["C06815073"])])
def test_a_release_header_with_the_ocrs_slips_is_a_wrapper_its_garbled_number_no_fact(right, slip, read):
    # a later scan read `Doe` for `Doc`, a dot for a space or none, `ll&` for `U.S.`, a speck or a letter for the
    # case number's dash, a Q for a 0, a 0 for the C
    header = RUN_TOGETHER.splitlines()[0]
    slipped = header.replace(right, slip)
    closing = RUN_TOGETHER[:-len(header) - 1] + slipped + "\n"
    result = lint_text(closing)
    assert [(f.line, f.rule) for f in result.findings] == [(9, "ocr-recognised"), (11, "ocr-recognised")]
    assert result.facts["declassification"]["document_numbers"] == ["C06815073"]
    both = lint_text(closing.replace(header, slipped))
    assert [(f.line, f.rule) for f in both.findings] == [(9, "ocr-recognised"), (11, "ocr-recognised")]
    assert both.facts["declassification"]["document_numbers"] == read


def test_a_telegrams_paragraph_ending_a_page_in_quotes_goes_on_under_the_next_pages_header():
    header = RUN_TOGETHER.splitlines()[0] + "\n"
    text = RUN_TOGETHER.replace("~", "(C)").replace(
        "CALLED THE AMBASSADOR.\n", 'CALLED THE AMBASSADOR "TOO LATE"\n' + header + "\f" + header
        + "IN THE EVENING, HE SAID.\n")
    assert [(f.line, f.rule) for f in lint_text(text).findings if f.rule == "portion-missing"] == []
    closed = text.replace('"TOO LATE"', '"TOO LATE."')
    assert [(f.line, f.rule) for f in lint_text(closed).findings if f.rule == "portion-missing"] == [
        (14, "portion-missing")]


# The foot of a 2000 telegram's POEMS printout: its routing, then its caption lines (`EXDIS`, `NOFORN`)
# over the E.O. line and the tags.
_LONDON = "UNCLASSIFIED U.S. Departmentof StateCase No. F-2017-13804 Doc No. C06815071 Date: 11/18/2020\n"
CAPTIONED = (_LONDON + "20. (C) RICKETTS SUGGESTS THE U.S. ASK ITALY AND SPAIN.\n"
             "21. (U) DAS ASMUS CLEARED THIS CABLE.\nDAVIES\n-PAGE 01 LONDON 00506 00 OF 04 211723Z\n"
             "@INFO: C(01) CMS{01) D(01) EUR(01} G(01)\n"
             "211243L JAN QO ATK (TOTAL COPIES:012)\n'INFO: SS(00) WO(00)\n211735Z JAN 00 STePS (TOTAL COPIES:000)\n"
             "ACTION SS-00\nINFO LOG-00 SAS-00 /000W.\n-2936FA 211737Z /38\n0 211722Z JAN 00\nFM AMEMBASSY LONDON\n"
             "TO SECSTATE WASHDC IMMEDIATE 2497\nINFO NATO EU COLLECTIVE PRIORITY\nLONDON 000506\nEXDIS\nNOFORN\n"
             "E.O. 12958: DECL 5X5,6\nTAGS: PARM MARR NATO EUN PINR PGOV UK FR GM TU CA IT SP ZS\n" + _LONDON)


def test_a_telegrams_caption_alone_on_its_line_over_the_eo_line_is_no_portion():
    assert [(f.line, f.rule) for f in lint_text(CAPTIONED).findings if f.rule == "portion-missing"] == []
    # a line that only opens with the caption's word is text
    text = CAPTIONED.replace("NOFORN\n", "NOFORN TALKS\n")
    assert [(f.line, f.column, f.rule) for f in lint_text(text).findings if f.rule == "portion-missing"] == [
        (19, 1, "portion-missing")]


def test_a_record_number_alone_opening_the_text_names_the_jfk_collection():
    # no release line, no page stamp: the record number (with its frame's bracket) is the wrapper
    form = "7104-10004-10248]\n\nCONFIDENTIAL\n\n(When Filled In)\n\nINCIDENT REPORT\n\nThe caller reported.\n\nCONFIDENTIAL\n"
    result = lint_text(form, rules="banners-only")
    assert [(f.rule, f.line) for f in result.findings] == []
    assert result.facts["declassification"]["collections"] == ["nara-jfk"]
    # in prose further down, a number of that shape names no collection
    assert lint_text("CONFIDENTIAL\n\nSee record 104-10004-10248.\n\nCONFIDENTIAL\n",
                     rules="banners-only").facts.get("declassification") is None


@pytest.mark.parametrize("stamp", ["13.00000", "13-00000 .", "13-00000-", "14-00000"])
def test_the_page_stamp_with_the_scans_slips_is_a_wrapper(stamp):
    text = f"104-10012-10056\n\nCONFIDENTIAL\n\n1. The file was opened.\n\nCONFIDENTIAL\n\f{stamp}\n\nCONFIDENTIAL\n\n2. It holds two reports.\n\nCONFIDENTIAL\n"
    assert [(f.rule, f.line) for f in lint_text(text, rules="banners-only").findings] == []


@pytest.mark.parametrize("record", ["1104-10004-10081", "1104-10004-100€"])
def test_a_release_page_with_its_cut_record_number_and_box_number_needs_no_banner(record):
    cable = (f"{record}\n\n2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\n"
             "Box 8.\n\f13-00000\n\nSECRET\n\n1. The airline has not yet answered.\n\nSECRET\n")
    assert [(f.rule, f.line) for f in lint_text(cable, rules="banners-only").findings] == []
    noted = cable.replace("Box 8.", "Box 8 holds the airline's answer.")
    assert [(f.rule, f.line, f.column) for f in lint_text(noted, rules="banners-only").findings] == [
        ("banner-missing-top", 5, 1), ("banner-missing-bottom", 5, 1)]


def test_a_blank_page_bearing_only_the_archives_stamp_needs_no_banner():
    memo = ("104-10003-10220\n\nSECRET\n\n1. The photograph was found in Minsk.\n\nSECRET\n\f13-00000\n\n"
            "SECRET\n\nATTACHMENT A\n\nSECRET\n\f13-00000\n")
    assert [(f.rule, f.line) for f in lint_text(memo, rules="banners-only").findings] == []
    unstamped = memo.replace("\f13-00000\n", "\fATTACHMENT B\n")
    assert [(f.rule, f.line) for f in lint_text(unstamped, rules="banners-only").findings] == [
        ("banner-missing-top", 15), ("banner-missing-bottom", 15)]


@pytest.mark.parametrize("stamp", ["Document Number 843361\n\nJUL 1976\n\nfor FOlA Review on",
                                   "Document Number\n\n843-361\n\nfor FOIA Review on\n\nJUL 1976",
                                   "for FOIA: Review on SEP 1976",
                                   # its month under the line, the scan's slips in its words
                                   "Decument Numbar 755-324 A\n\nfor FOlA Review on\n\nJUN 1976",
                                   "fOr FOlA Rovor 011\n\nJUN 1976"])
def test_the_1976_foia_review_stamp_is_a_wrapper_whose_date_is_no_date_of_origin(stamp):
    memo = ("104-10005-10182\n\nSECRET\n\nMEMORANDUM FOR: Mr. J. Lee Rankin\n\n"
            "1. Reference is made to your memorandum of 19 May 1964.\n\n" + stamp + "\n\nSECRET\n")
    result = lint_text(memo, rules="auto")
    assert result.ruleset == "us-eo10501"
    assert "cia" in result.facts["declassification"]["collections"]


def test_an_identification_form_atop_the_document_on_one_page_sets_aside_only_the_form():
    # a text whose pages the scan did not separate: the record's form, then its document
    form = ("176-10036-10142\n\nJFK ASSASSINATION SYSTEM\n\nIDENTIFICATION FORM\n\nAGENCY : NARA\n\n"
            "RECORD NUMBER : 176-10036-10142\n\nRECORD SERIES : National Security Files\n\n"
            "ORIGINATOR : CIA\n\nTITLE : CIA Information Report\n\n"
            "DATE : 9/24/1963\n\nCOMMENTS : National Security Files, Box 200\n\n")
    report = "\n\n".join(["SECRET", "REPORT NO. TDCS DB-3/656,830", *(f"{n}. THE SOURCE REPORTED ITEM {n}." for n in range(1, 10)),
                          "GROUP 1", "Excluded from automatic downgrading and declassification", "SECRET"]) + "\n"
    result = lint_text(form + report, rules="auto")
    assert (result.ruleset, result.facts["classification"], result.findings) == ("us-eo10501", "SECRET", [])
    # the document is judged: a bottom banner that disagrees with its top
    mismatched = lint_text(form + report.replace("declassification\n\nSECRET", "declassification\n\nCONFIDENTIAL"),
                           rules="auto")
    assert [(f.rule, f.line) for f in mismatched.findings] == [("banner-mismatch", 47)]
    # the form alone on its page is the wrapper page, as before
    alone = lint_text(form.rstrip("\n") + "\n\f" + report, rules="auto")
    assert alone.facts["declassification"]["wrapper_pages"] == [1]


# A Top Secret memorandum under CIA's control and cover sheet: the sheet's printed fields, its
# own legend cut by the scan; the memorandum's pages after it.
COVERED = """fied when filled in form is detached from controlled document.
CONTROL AND COVER SHEET FOR TOP SECRET DOCUMENT.
DOCUMENT DESCRIPTION
REGISTRY
CIA CONTROL NO.
SEEN BY
NOTICE OF DETACHMENT:
DOWNGRADED
DESTROYED
\fTOP SECRET

23 April 1963

The Director reported on reconnaissance over Cuba.

GROUP 1
Excluded from automatic downgrading and declassification

TOP SECRET
"""


def test_a_top_secret_control_and_cover_sheet_is_a_wrapper_page():
    result = lint_text(COVERED, rules="auto")
    assert [(f.rule, f.line) for f in result.findings] == []
    assert result.facts["declassification"]["wrapper_pages"] == [1]
    named = lint_text(COVERED.replace("CONTROL AND COVER SHEET FOR TOP SECRET DOCUMENT.", "CONTROL SHEET"), rules="auto")
    assert [(f.rule, f.line) for f in named.findings] == [("banner-missing-top", 1), ("banner-missing-bottom", 9)]


# An e-mail as State produced it to the House Select Committee on Benghazi: a five-line release
# header atop and at the foot of the page (its Date: the production's), the committee's legend
# beside it; the e-mail itself is of March 2010 and marks its paragraphs (SBU).
COMMITTEE = (
    "UNCLASSIFIED                    STATE DEPT. - PRODUCED TO HOUSE SELECT BENGHAZI COMM.\n"
    "U.S. Department of State   SUBJECT TO AGREEMENT ON SENSITIVE INFORMATION & REDACTIONS. NO FOIA WAIVER.\n"
    "Case No. F-2015-04841\nDoc No. C05739564\nDate: 05/13/2015\n"
    "                                                                   RELEASE IN FULL\n\n"
    "From: Feltman, Jeffrey\nSent: Sunday, March 14, 2010 10:27 AM\nSubject: Calls on Libya\n\n"
    "(SBU) The foreign minister called this morning about the Council.\n\n"
    "(SBU) He urged us to recognize it.\n\n"
    "UNCLASSIFIED\nU.S. Department of State\nCase No. F-2015-04841\n"
    "Doc No. C05739564               STATE DEPT. - PRODUCED TO HOUSE SELECT BENGHAZI COMM.\n"
    "Date: 05/13/2015     SUBJECT TO AGREEMENT ON SENSITIVE INFORMATION & REDACTIONS. NO FOIA WAIVER.   STATE-SCB0045011\n"
)


def test_a_committee_production_header_is_a_release_header_not_the_documents_banner_or_date():
    result = lint_text(COMMITTEE, rules="auto")
    assert (result.ruleset, result.findings) == ("us-eo12958", [])
    assert result.facts["declassification"]["document_numbers"] == ["C05739564"]
    # without the header's lines under it, the UNCLASSIFIED atop the page is the e-mail's banner
    bare = COMMITTEE.replace("Case No. F-2015-04841\nDoc No. C05739564\nDate: 05/13/2015\n", "")
    assert "banner-rollup" in [f.rule for f in lint_text(bare, rules="us-eo12958").findings if f.line == 1]


def test_the_stamps_part_line_under_a_committee_headers_date_line_is_a_release_stamp():
    # `RELEASE IN` ends the header's Date line, `PART B6` stands alone under it; the memo below is CONFIDENTIAL
    stamp = "Date: 05/13/2015\n" + " " * 67 + "RELEASE IN FULL\n"
    text = COMMITTEE.replace(stamp, "Date: 05/13/2015                              RELEASE IN\n"
                             "                                              PART B5,B6\n\nCONFIDENTIAL\n")
    assert "PART B5,B6" in text
    result = lint_text(text, rules="auto")
    assert [(f.line, f.column, f.rule) for f in result.findings if f.rule == "cab-missing"] == [(8, 1, "cab-missing")]
    assert result.facts["declassification"]["release_decision"] == ["release in part"]
    assert result.facts["declassification"]["exemptions"] == ["(b)(5)", "(b)(6)"]


@pytest.mark.parametrize(("stamp", "decision", "exemptions"), [
    ("RELEASE IN\n   PART B5,B6", ["release in part"], ["(b)(5)", "(b)(6)"]),
    ("RELEASE\n   IN PART\n   B5", ["release in part"], ["(b)(5)"]),
    ("RELEASE IN\n   FULL", ["release in full"], []),
])
def test_a_release_stamp_printed_over_short_lines_is_read_whole(stamp, decision, exemptions):
    header = "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05770663 Date: 01/07/2016\n"
    text = (header + "\n" + "\n".join("                                        " + line.strip() for line in stamp.split("\n"))
            + "\n\nFrom: Mills, Cheryl D\nSent: Friday, May 14, 2010 3:41 AM\nSubject: Fw: Wash Post\n\nSee below.\n\n"
            + header)
    result = lint_text(text)
    assert (result.findings, result.facts["declassification"]["release_decision"],
            result.facts["declassification"]["exemptions"]) == ([], decision, exemptions)


# An FBI airtel of 1992 as the 2017 release scanned it: the form's printed boxes, the release
# line over two lines, the 1998 review stamp with its reason, and the form's foot.
AIRTEL = ("R\u00e9leased under the John F. Kennedy Assassination Records Collection Act of 1992 (44 USC 2107\n\n"
          "Note). DATE: 11-14-2017\n\nFD-36 (Rev. 8-29-85)*\n\nTRANSMIT VIA:\n\nTeletype\n\nFacsimile\n\nAIRTEL\n\n"
          "PRECEDENCE:\n\n\u2022 Immediate\n\nPriority\n\nRoutine\n\nCLASSIFICATION:\n\nTOP SECRET\n\nSECRET\n\n"
          "CONFIDENTIAL\n\nUNCLAS EFT O\n\nUNCLAS\n\nJanuary 21, 1992\n\nSECRET\n\n"
          "(S) Enclosed are two copies of an insert from a source.\n\n"
          "Classified by: G-3\nDeclassify on: OADR\n\n., CLASSIFIED BY: 5668 SLS/GCL\n\nREASON:\n\n(cd )\n\n"
          "DECLASSIFY ON: X. (a)(6)\n\n(JFK) 3/17/98\n\n- Transmitted\n\n(Number)\n\nPer\n\n(Time)\n\nSECRET\n")


def test_an_fbi_airtels_form_release_line_and_review_stamp_are_wrappers():
    result = lint_text(AIRTEL, rules="auto")
    assert result.ruleset == "us-eo12356"
    assert [(f.line, f.rule) for f in result.findings] == []
    collections = result.facts["declassification"]["collections"]
    assert "fbi" in collections and "nara-jfk" in collections


def test_the_printed_boxes_alone_are_no_form_legend():
    # the box words are also a memo's words: only after TRANSMIT VIA: do they make the legend
    memo = AIRTEL.replace("TRANSMIT VIA:\n\n", "")
    assert ("portion-missing", 7) in [(f.rule, f.line) for f in lint_text(memo, rules="auto").findings]


# NSA's record of 1978 as the 2018 release gives it: its identification form, then the memo on
# the same page (no page stamp), its level cut by the scan's edges, its pages' document numbers
# and NSA's release line over five lines.
NSA_FORM = ("Doc ID: 6606906\n\nDATE: 10/05/98\n\nPAGE: 1\n\nJFK ASSASSINATION SYSTEM\n\nIDENTIFICATION FORM\n\n"
            "AGENCY INFORMATION\n\nAGENCY : NSA\n\nRECORD NUMBER\n\n144-10001-10179\n\nDOCUMENT INFORMATION\n\n"
            "DATE: 11/10/78\n\nDOCUMENT TYPE : MEMORANDUM\n\nOPENING CRITERIA\n\n"
            "ORIGINATING AGENCY'S DETERMINATION REQUIRED\n\nCOMMENTS\n\nCONTAINS SENSITIVE COMPARTMENTED INFORMATION\n\n"
            "[R] - ITEM IS RESTRICTED\n\n")
NSA_MEMO = ("Doc ID: 6606906\n\nONFIDENTI\n\n10 November 1978\n\nMEMORANDUM FOR THE RECORD\n\n"
            "1. On 8 November, Ed Sapp visited the Chief Counsel of the Committee to receive its questions.\n\n"
            "2. The Chief Counsel indicated that a former airman had written to a friend of his about it.\n\n"
            "3. At that time the airman was assigned to a station in Scotland and worked as an interceptor.\n\n"
            "4. The Chief Counsel stated that the agency had already acknowledged the station's existence.\n\n"
            "5. The Chief Counsel asked for the responses, or a status of what can be provided, by Monday.\n\n"
            "Released on 11-02-2017\n\nunder the John F.\n\nKennedy Assassination\n\nRecords Collection Act of\n\n"
            "1992 (44 USC 2017 Note)\n\nCONFIDENTIAL\n")


def test_a_form_over_an_unmarked_or_garbled_document_on_one_page_sets_aside_only_the_form():
    result = lint_text(NSA_FORM + NSA_MEMO, rules="auto")
    assert (result.ruleset, result.facts["classification"]) == ("us-eo11652", "CONFIDENTIAL")
    assert [(f.rule, f.line) for f in result.findings] == [("cab-missing", 37), ("ocr-recognised", 37)]
    # without prose under it, the form's page stays whole
    short = NSA_FORM + "Doc ID: 6606906\n\nONFIDENTI\n\n" + "\n\n".join(["44USC2107(5)(g)(2)(D)"] * 10) + "\n"
    assert lint_text(short, rules="auto").facts["declassification"]["wrapper_pages"] == [1]


def test_a_forms_date_above_its_document_information_heading_is_the_printouts():
    # the scan lost the printout's PAGE line and set its DATE among the agency fields
    form = NSA_FORM.replace("DATE: 10/05/98\n\nPAGE: 1\n\n", "").replace(
        "144-10001-10179\n\n", "144-10001-10179\n\nDATE: 03/01/97\n\n")
    assert lint_text(form + NSA_MEMO, rules="auto").ruleset == "us-eo11652"
    # without the heading every DATE field of the form is the document's, the first one first
    assert lint_text(form.replace("DOCUMENT INFORMATION", "DOCUMENT") + NSA_MEMO, rules="auto").ruleset == "us-eo12958"
