"""OCR tolerance: off by default, on with --ocr or for an OCR collection; every tolerant
reading is reported with a confidence below 1; illegible pages are not defects."""

import pytest

from archives_support import REAL, lint_text
from marklint.archives.ocr_words import read_banner, read_word
from marklint.lint import Settings, lint_path

DRAFT = "SEGRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director\nReason: 1.4(c)\n" \
        "Declassify On: 20451231\n\nSECRET\n"


@pytest.mark.parametrize("written, word, confidence", [
    ("SEGRET", "SECRET", 0.9), ("5ECRET", "SECRET", 0.9), ("SECREL", "SECRET", 0.9), ("SECREI", "SECRET", 0.9),
    ("CONFIDENTlAL", "CONFIDENTIAL", 0.9), ("CONFIDENTAL", "CONFIDENTIAL", 0.8), ("SERRET", "SECRET", 0.8),
    ("UNCLASSIF1ED", "UNCLASSIFIED", 0.9), ("N0FORN", "NOFORN", 0.9),
])
def test_one_character_slips_are_read_with_their_confidence(written, word, confidence):
    assert read_word(written) == (word, confidence)


@pytest.mark.parametrize("written", ["SECRETARY", "SEtbeT", "CDCRET", "SECTOR", "TOF", "GLABOIRICATION", "SCREEN"])
def test_words_too_far_from_a_banner_word_are_not_read(written):
    assert read_word(written) is None


def test_a_junk_wrapped_banner_is_read_below_confidence_one():
    assert read_banner("SECRET=", None) == ("SECRET", 0.9)
    assert read_banner(". : SECRET", None) == ("SECRET", 0.9)
    assert read_banner("SECRET", None) is None  # an exact banner needs no tolerance


def test_off_by_default_on_a_draft():
    findings = lint_text(DRAFT).findings
    # the slipped banner on the page's first line is a banner with a misspelt level, as a typist's
    # slip would be (marklint.mark_strings.near_miss_banner), reported with its suggestion
    assert [(f.line, f.column, f.rule, f.message) for f in findings] == [
        (1, 1, "marking-unknown-token", 'unknown classification "SEGRET"; did you mean "SECRET"?')]


def test_on_with_ocr_the_slip_is_a_banner_reported_with_its_confidence():
    result = lint_text(DRAFT, ocr=True)
    assert [(f.line, f.column, f.rule, f.message) for f in result.findings] == [
        (1, 1, "ocr-recognised", 'banner SECRET recognised from "SEGRET" (OCR, confidence 0.90)')]
    assert result.facts["ocr"] is True and result.facts["ocr_readings"] == 1


def test_a_banner_inside_a_line_is_split_out():
    text = "SECRET      CLASSIFIED MESSAGE\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director\n" \
           "Reason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n"
    result = lint_text(text, ocr=True)
    # the form title beside it becomes a block of its own, a title line that needs no mark
    assert [(f.line, f.column, f.rule, f.message) for f in result.findings] == [
        (1, 1, "ocr-recognised", "banner SECRET found inside a line (OCR, confidence 0.90)")]
    assert [f.rule for f in lint_text(text).findings][:1] == ["banner-missing-top"]


def test_lines_are_rejoined_across_ocr_blank_lines():
    body = "\n\n".join(["SECRET", "(S) The convoy leaves at dawn and the escort", "joins it at noon on the",
                        "coast road.", "(S) The route is in", "the annex.", "Classified By: Jane Smith, Director",
                        "Reason: 1.4(c)", "Declassify On: 20451231", "SECRET"]) + "\n"
    assert [f.rule for f in lint_text(body).findings] == ["portion-missing", "portion-missing", "portion-missing"]
    assert lint_text(body, ocr=True).findings == []


def test_an_illegible_page_is_not_a_defect():
    garbage = "\n".join(["xqzt vbnmr kjhgf plkjh", "wrtzp qwrtz zxcvb", "mnbvc lkjhg"] * 4)
    text = f"SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director\nReason: 1.4(c)\n" \
           f"Declassify On: 20451231\n\nSECRET\n\f{garbage}\n"
    assert {f.rule for f in lint_text(text).findings} >= {"banner-missing-top", "banner-missing-bottom"}
    result = lint_text(text, ocr=True)
    assert result.findings == []
    assert result.facts["illegible_pages"] == [2]


def test_an_ocr_collection_turns_it_on_and_no_ocr_turns_it_off():
    path = REAL / "jfk" / "jfk_1973_cia_cable_dar_es_salaam_e2_impdet.txt"
    on = lint_path(str(path), Settings(use_config=False))
    assert [(f.line, f.message) for f in on.findings if f.rule == "ocr-recognised"] == [
        (15, 'banner SECRET recognised from "SECREI" (OCR, confidence 0.90)')]
    off = lint_path(str(path), Settings(use_config=False, ocr=False))
    assert not [f for f in off.findings if f.rule == "ocr-recognised"]


SLIPS = {  # legible banners hidden by one-character slips on the shared set (from the sidecars)
    "jfk/jfk_1958_cia_cable_havana_guevara_secret.txt": ["LSECRET", "SECREI"],
    "jfk/jfk_1959_fbi_legat_paris_letter_pittman_remarked.txt": ["SECRED", "SECREW", "SERRET"],
    "jfk/jfk_1963_cia_tdcs_vietnam_coup_no_foreign_dissem.txt": ["SECRET:"],
    "jfk/jfk_1964_state_memo_president_lopez_mateos_group2.txt": ["SECREZ"],
    "jfk/jfk_1969_army_letter_berlin_confidential_group3_portion_marked.txt": ["CONFIDENTAL"],
    "jfk/jfk_1973_cia_cable_dar_es_salaam_e2_impdet.txt": ["SECREI"],
    "jfk/jfk_1980_cia_cable_madrid_amlash_rvw_drv.txt": ["SECKET"],
    "jfk/jfk_1994_cia_cable_mexico_city_decl_oadr.txt": ["SECRE"],
}


@pytest.mark.parametrize("name", sorted(SLIPS))
def test_slipped_banners_of_the_shared_set_are_recognised_below_one(name):
    result = lint_path(str(REAL / name), Settings(use_config=False, ocr=True))
    readings = [f.message for f in result.findings if f.rule == "ocr-recognised"]
    for slip in SLIPS[name]:
        assert any(f'from "{slip}"' in message and "confidence 0." in message for message in readings), slip


def test_scanning_noise_is_no_portion_but_authority_lines_and_marks_stay():
    text = ("SECRET\n\n16 June 1989\n\nooMe0oT] :\n\n(S) The convoy leaves at dawn.\n\nPY\n\n;\n\n1.9294445\n\n"
            "CL BY 059876\nDECL OADR\nDRV Multiple\n\nSECRET\n")
    assert [(f.line, f.rule) for f in lint_text(text, rules="auto").findings] == [
        (5, "portion-missing"), (9, "portion-missing"), (11, "portion-missing"), (13, "portion-missing")]
    assert lint_text(text, rules="auto", ocr=True).findings == []


def test_a_block_of_a_few_lines_of_noise_is_set_aside_a_longer_one_is_not():
    noise = "ooMe0oT] :\nA , :"
    text = f"SECRET\n\n16 June 1989\n\n{noise}\n\n(S) The convoy leaves at dawn.\n\nCL BY 059876\nDECL OADR\nDRV Multiple\n\nSECRET\n"
    assert lint_text(text, rules="auto", ocr=True).findings == []
    longer = text.replace(noise, "\n".join([noise] * 2))
    assert [(f.line, f.rule) for f in lint_text(longer, rules="auto", ocr=True).findings] == [(5, "portion-missing")]


# A CIA memorandum as the scan gives it: numbered paragraphs broken into blocks, each mark at
# its paragraph's end (a warning under EO 12356), and one paragraph with no mark at all.
SPLIT = ("SECRET\n\n15 March 1989\n\n"
         "2. Background. On 7 June the Board made a formal determination to release the files.\n\n"
         "Appeals procedures also require that the Agency advise Counsel within seven days.\n\n"
         "Counsel will be notified within the period. (U)\n\n"
         "The Board will meet more or less monthly and is likely to press for release.\n\n"
         "3. Recommendation. That you approve the release of both files. (S)\n\n"
         "CL BY 2100049\nDECL OADR\nDRV Multiple\n\nSECRET\n")


def test_a_trailing_mark_covers_its_paragraph_split_by_the_scan():
    found = lambda **ocr: [(f.line, f.rule) for f in lint_text(SPLIT, rules="auto", **ocr).findings]
    assert found() == [(5, "portion-missing"), (7, "portion-missing"), (9, "portion-placement"),
                       (11, "portion-missing"), (13, "portion-placement")]
    # paragraph 2 is one portion; the unnumbered block after its mark is a paragraph of its own
    assert found(ocr=True) == [(9, "portion-placement"), (11, "portion-missing"), (13, "portion-placement")]


def test_a_legacy_mark_at_a_paragraphs_end_is_its_mark():
    text = "SECRET\n\n12 May 1992\n\n1. The meeting was short. (AIUO)\n\n2. (S) The budget was cut.\n\n" \
           "CL BY 2100049\nDECL OADR\nDRV Multiple\n\nSECRET\n"
    assert [(f.line, f.column, f.rule) for f in lint_text(text, rules="auto").findings] == [
        (5, 27, "portion-placement")]


def test_a_banner_among_specks_is_read_also_atop_a_longer_block():
    text = ("ae i SECRET//NOFORN\n\n(S//NF) The station was told.\n\nClassified By: Jane Smith, Director\n"
            "Reason: 1.4(c)\nDeclassify On: 20451231\n\nr i : SECRET//NOFORN\nATTORNEY CLIENT PRIVILEGED MATERIAL\n")
    # the privilege legend below the bottom banner is no portion: nothing of the text follows it
    assert [(f.line, f.column, f.rule, f.message) for f in lint_text(text, ocr=True).findings] == [
        (1, 6, "ocr-recognised", "banner SECRET//NOFORN found inside a line (OCR, confidence 0.90)"),
        (9, 7, "ocr-recognised", "banner SECRET//NOFORN found inside a line (OCR, confidence 0.90)")]
    # a word of four letters or more is no speck: prose that names a level stays prose; the page's
    # one banner, nearer its bottom than its top, is its bottom banner
    prose = lint_text(text.replace("ae i SECRET", "this SECRET"), ocr=True).findings
    assert [(f.line, f.column, f.rule) for f in prose] == [
        (1, 1, "banner-missing-top"), (1, 1, "portion-missing"), (9, 7, "ocr-recognised")]


def test_a_cia_release_is_read_with_ocr_tolerance():
    """CIA's releases are scans with an OCR text layer: its collection is configured `ocr: true`."""
    path = REAL / "jfk" / "jfk_1979_cia_olc_comments_hsca_drafts_confidential_noisy.txt"
    assert lint_path(str(path), Settings(use_config=False)).facts["ocr"] is True
    assert lint_path(str(path), Settings(use_config=False, ocr=False)).facts["ocr"] is False


@pytest.mark.parametrize("written, read, confidence", [
    ("(Cc)", "(C)", "0.90"), ("(8S)", "(S)", "0.85"), ("(5)", "(S)", "0.90"), ("(U", "(U)", "0.90"),
    ("(U) c", "(U)", "0.90")])
def test_a_damaged_mark_at_a_paragraphs_end_is_read_with_its_confidence(written, read, confidence):
    text = (f"SECRET\n\n16 June 1989\n\nThe court ruled for the Agency. {written}\n\n"
            "CL BY 2100049\nDECL OADR\nDRV Multiple\n\nSECRET\n")
    found = [(f.rule, f.message) for f in lint_text(text, rules="auto", ocr=True).findings if f.line == 5]
    assert [rule for rule, _ in found] == ["portion-placement", "ocr-recognised"]
    assert found[1][1].startswith(f"portion mark {read} ") and found[1][1].endswith(f"(OCR, confidence {confidence})")
    assert [f.rule for f in lint_text(text, rules="auto").findings if f.line == 5] == ["portion-missing"]


def test_a_zero_is_read_as_no_level():
    # a 0 is as likely O or D as C: the mark after the last sentence is unreadable, not missing
    text = "SECRET\n\n16 June 1989\n\nThe court ruled for the Agency. (0)\n\nCL BY 2100049\nDECL OADR\nDRV Multiple\n\nSECRET\n"
    assert [(f.line, f.column, f.rule, f.message) for f in lint_text(text, rules="auto", ocr=True).findings] == [
        (5, 33, "ocr-recognised", 'portion mark "(0)" unreadable: the portion is marked, its level unknown (OCR)')]


def test_a_paragraph_number_the_scan_set_apart_opens_the_paragraph_its_trailing_mark_covers():
    text = ("SECRET\n\n16 June 1989\n\n2 ..\n\nBackground.\n\nOn 7 June the Board made a formal determination.\n\n"
            "Counsel will be notified within the period. (U)\n\n"
            "The Board will meet more or less monthly.\n\nCL BY 2100049\nDECL OADR\nDRV Multiple\n\nSECRET\n")
    found = lambda **ocr: [(f.line, f.rule) for f in lint_text(text, rules="auto", **ocr).findings
                           if f.rule == "portion-missing"]
    # ("Background." alone on its line is a section label, not a portion)
    assert found() == [(5, "portion-missing"), (9, "portion-missing"), (13, "portion-missing")]
    assert found(ocr=True) == [(13, "portion-missing")]


@pytest.mark.parametrize("written, confidence", [("SECRIK", 0.6), ("SEtbeT", 0.7), ("SECREZ", 0.8)])
def test_a_banner_word_alone_on_its_line_is_read_through_two_slips(written, confidence):
    assert read_banner(written, None) == ("SECRET", confidence)


@pytest.mark.parametrize("written", ["REGRET", "DECREE", "SACRED", "Sacred", "SECURE", "SELECT", "SECRIK NOFORN",
                                     "SECDEF", "SECDEF."])
def test_two_slips_need_a_lone_word_in_capitals_with_its_first_two_letters_intact(written):
    assert read_banner(written, None) is None


# A scanned page whose bottom banner the OCR set one letter a line, losing the C.
VERTICAL = "\n\n".join(["SECRET", "(S) The convoy leaves at dawn.", "(U) The escort joins it at noon.",
                        "Classified By: Jane Smith, Director", "Reason: 1.4(c)", "Declassify On: 20451231",
                        "S", "E", "R", "E", "T"]) + "\n"


def test_a_banner_set_one_letter_a_line_is_read():
    result = lint_text(VERTICAL, ocr=True)
    assert [(f.line, f.column, f.rule, f.message) for f in result.findings] == [
        (13, 1, "ocr-recognised", 'banner SECRET recognised from "S / E / R / E / T" (OCR, confidence 0.80)')]
    assert [(f.line, f.rule) for f in lint_text(VERTICAL).findings] == [(21, "banner-missing-bottom")]


# A scanned CIA report as the OCR gives it: a paragraph broken by a blank line, one running over
# a page break (banner, page number, banner) and closed by its trailing mark on the next page,
# one whose mark stands alone on the line below, and an unmarked one split in two.
SPLIT_BY_SCAN = """SECRET
16 June 1989
ITEMS OF MAJOR INTEREST

(U) The court ruled for the Agency in the FOIA case, and
now the plaintiff

has petitioned for a rehearing of his appeal, which the
Litigation Division is answering.

After reviewing the offer we advised DOJ that the only issue
of interest was notice to former

SECRET
2

SECRET

employees of the deletion of the term from the forms and
of their obligations under the agreements. (U)

The Under Secretary wrote to the Judge in support of the
testimony on the impact of disclosures.
(S)

Judge Rambo dismissed the complaint against the Agency and
certified that any appeal

would be frivolous and not taken in good faith, as the
order says.

(a) the order of 30 May

CL BY 2100049
DECL OADR
DRV Multiple
SECRET
"""


def test_paragraphs_the_scan_split_are_judged_once():
    result = lint_text(SPLIT_BY_SCAN, rules="us-eo12356", ocr=True)
    # the lower-case blocks go on with the paragraphs above them (across the page break too);
    # the trailing (U) covers the piece before the break, the (S) below its paragraph is its mark
    assert [(f.line, f.column, f.rule) for f in result.findings] == [
        (20, 44, "portion-placement"), (24, 1, "portion-placement"), (26, 1, "portion-missing"),
        (32, 1, "portion-missing")]
    # without OCR tolerance each piece is a paragraph of its own, the lone mark a portion
    assert [(f.line, f.rule) for f in lint_text(SPLIT_BY_SCAN, rules="us-eo12356").findings] == [
        (8, "portion-missing"), (11, "portion-missing"), (20, "portion-placement"), (22, "portion-missing"),
        (26, "portion-missing"), (29, "portion-missing"), (32, "portion-missing")]


@pytest.mark.parametrize("before, after, missing", [
    ("the Litigation Division is handling", "the appeal of the ruling", []),  # goes on: the (U) covers it
    ("the Litigation Division is handling it.", "the Agency will appeal the ruling.", [7]),  # a sentence ended
    ("the Litigation Division is handling", "in part", [7]),  # no piece of a sentence
    ("the case is Civil No. 89-0161", "the court dismissed it at once", [7]),  # broken off at a number
    ("the orders were", "(a) the order of 30 May", [7]),  # a lettered item
])
def test_a_lower_case_block_goes_on_with_a_paragraph_broken_off_mid_sentence_only(before, after, missing):
    # paragraphs of two lines: not the layout where the OCR puts a blank line after every line
    text = (f"SECRET\n16 June 1989\n\n(U) The court ruled for the Agency in the case,\nand {before}\n\n{after}\n"
            f"as the order says.\n\nSECRET\n")
    assert [(f.line, f.rule) for f in lint_text(text, rules="us-eo12356", ocr=True).findings
            if f.rule == "portion-missing"] == [(line, "portion-missing") for line in missing]


# A scanned memo whose header labels the scan set apart from their values.
LABELS_APART = """SECRET
26 June 1995

MEMORANDUM FOR:

Director of Central Intelligence

SUBJECT:

JFK Review Board Actions on CIA Records

D. Other possible items:

(S) The Board will meet on the 22nd and review the files.

APPROVED:

CL BY 0712052
DECL OADR
DRV HUM 4-82
SECRET
"""


def test_a_header_label_alone_on_its_line_is_no_portion_its_value_is():
    found = lambda **ocr: [(f.line, f.rule) for f in lint_text(LABELS_APART, rules="us-eo12356", **ocr).findings]
    assert found(ocr=True) == [(10, "portion-missing"), (12, "portion-missing")]
    assert found() == [(8, "portion-missing"), (10, "portion-missing"), (12, "portion-missing"),
                       (16, "portion-missing")]


# A capitals-only cable as the OCR gives it: lines set apart, index marks (`*`) before names.
CABLE = """SECRET
300324Z NOV 94
DIRECTOR 932873

1. ACTION REQUESTED: SEE BELOW. THE REVIEW INCLUDES INFORMATION
ALREADY RELEASED BY THE AGENCY AND THE FINDINGS OF THE

* <ASSASSINATION.>

2. THE HOUSE COMMITTEE DEPOSED NUMEROUS STATION PERSONNEL.
THE NAME WAS USED IN AN INTERVIEW CONDUCTED BY THE

* <HSCA.> HQS IS INTERESTED IN DETERMINING WHETHER THE NOC IS

(A) STILL IN MEXICO WHERE HE WAS LIVING IN THE

B. THE TAPES WERE FROM A JOINT OPERATION.

CL BY 0712052
DECL OADR
DRV HUM 4-82
SECRET
"""


def test_a_line_ending_at_a_word_no_sentence_ends_with_goes_on_in_any_case():
    found = lambda **ocr: [(f.line, f.rule) for f in lint_text(CABLE, rules="us-eo12356", **ocr).findings
                           if f.rule == "portion-missing"]
    # the fragments after "OF THE" and "BY THE" are their paragraphs'; a parenthesis and a
    # lettered paragraph open anew
    assert found(ocr=True) == [(5, "portion-missing"), (10, "portion-missing"), (15, "portion-missing"),
                               (17, "portion-missing")]
    assert found() == [(5, "portion-missing"), (8, "portion-missing"), (10, "portion-missing"),
                       (13, "portion-missing"), (15, "portion-missing"), (17, "portion-missing")]


# A scanned memo whose trailing marks the scan damaged beyond reading: `(100)` after the last
# sentence with underline specks around it, `{)`; paragraph 9's (S) is lost, so the banner
# stands above every mark that reads. A parenthesis inside a sentence is no mark.
UNREADABLE = """SECRET NOFORN
12 May 1992

7. The DDA reported that the spill was in 1990 and was smaller
than reported in the article. (U)

8. The DD/OCA announced that the Director will testify
tomorrow before the Committee on Saturday. _(100)_--

10. The DDA reported that the new building was finished
on time and under budget. {)

11. The DDCI concluded the meeting (see the minutes (2)).
and gave no date.

CL BY 2100049
DECL OADR
DRV Multiple
SECRET NOFORN
"""


def test_a_trailing_mark_the_scan_left_unreadable_marks_its_paragraph_level_unknown():
    result = lint_text(UNREADABLE, rules="us-eo12356", ocr=True)
    assert [(f.line, f.column, f.rule, f.message) for f in result.findings if f.rule != "portion-placement"] == [
        (8, 45, "ocr-recognised", 'portion mark "(100)" unreadable: the portion is marked, its level unknown (OCR)'),
        (11, 27, "ocr-recognised", 'portion mark "{)" unreadable: the portion is marked, its level unknown (OCR)'),
        (13, 1, "portion-missing", "list item has no portion mark")]
    # without tolerance: unmarked paragraphs (the banner's level and controls may be theirs)
    assert [(f.line, f.rule) for f in lint_text(UNREADABLE, rules="us-eo12356").findings
            if f.rule != "portion-placement"] == [(7, "portion-missing"), (10, "portion-missing"), (13, "portion-missing")]


# An operations centre's report: its items open with their marks and close with the source they
# cite in parentheses, a wire service's initials among them; item 3 has no mark but the source.
SITREP = """SECRET NOFORN
12 May 1992

1. (S) Protesters gathered outside the embassy on 13 September. (AFP)

2. (U) Police used tear gas to disperse them. Leaders urged
calm. (AP)

3. The embassy closed at noon on the same day. (AP)

CL BY 2100049
DECL OADR
DRV Multiple
SECRET NOFORN
"""


def test_a_source_cited_after_a_paragraph_opened_by_its_mark_is_no_unreadable_mark():
    assert [(f.line, f.column, f.rule, f.message) for f in lint_text(SITREP, rules="us-eo12356", ocr=True).findings] == [
        (9, 48, "ocr-recognised", 'portion mark "(AP)" unreadable: the portion is marked, its level unknown (OCR)')]


@pytest.mark.parametrize("written, read", [
    ("DoRISEGRET SABRE", ("SECRET SABRE", 0.9)), ("SEGRET SABRE", ("SECRET SABRE", 0.9)), ("SEGRET MEETING", None),
    ("DORISEGRET", None), ("Do-SEGRET", None),
])
def test_a_banner_under_a_stamp_is_read_once_the_fragment_is_dropped(written, read):
    assert read_banner(written, None) == read


def test_a_banner_beside_a_stamps_number_is_read_with_its_slip():
    text = ("SECRET\n\n16 June 1989\n\n(S) The convoy leaves at dawn.\n\nCL BY 059876\nDECL OADR\nDRV Multiple\n\n"
            "2/24492, SEXRET\n")
    assert [(f.line, f.column, f.rule, f.message) for f in lint_text(text, rules="auto", ocr=True).findings] == [
        (11, 10, "ocr-recognised", 'banner SECRET recognised from "SEXRET" (OCR, confidence 0.80)')]
    # a word of four letters or more beside it is no speck
    assert [(f.line, f.rule) for f in lint_text(text.replace("2/24492,", "Filed"), rules="auto",
                                                 ocr=True).findings] == [(11, "banner-missing-bottom")]


def test_a_forms_field_number_after_its_label_is_no_damaged_portion_mark():
    # a cable form's boxes: `NFD (8)` is field 8, not an (S) the scan damaged
    cable = ("SECRET\n\nROUTING\n\nCABLE IDEN (11)\n\nNFD (8)\n\n230013Z SEP 75\n\n"
             "1. (S) THE STATION REPORTS THAT THE ARTICLE APPEARED.\n\n"
             "2. (S) THE AMBASSADOR WILL NOT COMMENT ON IT (8)\n\nE2 IMPDET CL BY 059876\n\nSECRET\n")
    result = lint_text(cable, rules="us-eo11652", ocr=True)
    assert [(f.rule, f.line, f.column, f.message) for f in result.findings] == [
        ("ocr-recognised", 13, 46, 'portion mark (S) recognised from "(8)" (OCR, confidence 0.90)')]


@pytest.mark.parametrize("written, read", [
    ("S-E-C-R-E-I", ("S-E-C-R-E-T", 0.9)), ("5-I-C-R-E-T", ("S-E-C-R-E-T", 0.7)),
    ("5-2-C-2-E-T", ("S-E-C-R-E-T", 0.5)), ("S E C R I I", ("S E C R E T", 0.7)),
    ("C-O-N-F-1-D-E-N-T-I-A-L", ("C-O-N-F-I-D-E-N-T-I-A-L", 0.9)),
    ("S-E-C-R-E-T", None), ("S-Д-С-2-I-T", None), ("A-B-C-D-E-F", None), ("S-E-C-R-E", None), ("S-E C-R-E-I", None),
])
def test_a_level_typed_in_spaced_letters_is_read_letter_by_letter(written, read):
    assert read_banner(written, None) == read


# A 1960 memo typed with hyphenated banners, each letter misread on its own by the scan.
HYPHENATED = ("S-E-C-R-E-I\n\n20 September 1960\n\nMEMORANDUM FOR: DIRECTOR OF CENTRAL INTELLIGENCE\n\n"
              "1. The station mounted the operation in May.\n\n5-I-C-R-E-T\n")


def test_spaced_banners_with_slips_are_the_pages_banners():
    result = lint_text(HYPHENATED, ocr=True, rules="auto")
    assert result.ruleset == "us-eo10501"
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("ocr-recognised", 1, 1), ("ocr-recognised", 9, 1)]
    assert lint_text(HYPHENATED, rules="auto").facts["classification"] is None  # unread: no banner at all


# An FBI memo's trailer: the typist's reference line over the number of copies made, `(5)`.
FBI_TRAILER = ("SECRET\n\nJuly 5, 1963\n\nThe Liaison Agent was instructed to obtain more information.\n\n"
               "1 - Mr. Papich\n\nSJP : gp\n\n(5)\n\nSECRET\n")


def test_the_number_of_copies_under_a_typists_reference_line_is_no_mark():
    result = lint_text(FBI_TRAILER, ocr=True, rules="auto")
    assert [(f.rule, f.line) for f in result.findings] == [("cab-missing", 1)]  # no Group legend (EO 10964)
    assert result.facts["classification"] == "SECRET"
    mark = lint_text(FBI_TRAILER.replace("SJP : gp\n\n(5)", "The source is reliable. (5)"), ocr=True, rules="auto")
    assert [(f.rule, f.line) for f in mark.findings if f.rule == "ocr-recognised"] == [("ocr-recognised", 9)]


# A 1963 information report: its Group legend's 1 read as I, the legend's words garbled.
GROUP_I = ("SECRET\n\n23 SEPTEMBER 1963\n\n1. THE COUP GROUP IS PLANNING CAREFULLY.\n\nSECDEF. NSA NIC\n\n"
           "GROUP I\n\nEscluded team\n\ndoungroding and\n\ndeclasslirarion\n\nSECRET\n")


def test_a_group_label_whose_1_the_scan_read_as_i_is_the_group_legend():
    result = lint_text(GROUP_I, ocr=True, rules="auto")
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("ocr-recognised", 9, 1)]
    assert [(f.rule, f.line) for f in lint_text(GROUP_I.replace("GROUP I", "GROUP X"), ocr=True, rules="auto").findings] \
        == [("cab-missing", 1)]


@pytest.mark.parametrize("written, read", [
    ("TOP CZARET", ("TOP SECRET", 0.4)), ("TOP CZARET DINAR", ("TOP SECRET DINAR", 0.4)),
    ("TOP BUDGET", None), ("TOP SCRIPT", None), ("STOP CZARET", None), ("TOP Czaret", None),
])
def test_the_word_after_top_is_read_as_secret_through_more_slips(written, read):
    assert read_banner(written, None) == read


@pytest.mark.parametrize(("written", "level", "confidence"), [("ONFIDENTI", "CONFIDENTIAL", 0.4),
                                                               ("NCLASSIFIE", "UNCLASSIFIED", 0.6)])
def test_a_long_level_the_scans_edges_cut_at_both_ends_is_read(written, level, confidence):
    assert read_banner(written, None) == (level, confidence)


@pytest.mark.parametrize("written", ["CLASSIFIED", "CONFIDENT", "ONFIDEN", "onfidenti"])
def test_a_run_keeping_an_end_or_too_short_or_in_small_letters_is_no_cropped_level(written):
    assert read_banner(written, None) is None


def test_a_translators_note_in_doubled_brackets_is_no_unreadable_mark():
    report = ("TOP SECRET DINAR\n\n24 Nov 63\n\n2. The Protocol Chief is bringing a morning coat for the\n"
              "Foreign Minister. Would you please secure a silk vest. ((A))\n\nTOP SECRET DINAR\n")
    assert "ocr-recognised" not in [f.rule for f in lint_text(report, rules="auto", ocr=True).findings]
    assert "ocr-recognised" in [f.rule for f in lint_text(report.replace("((A))", "(A)"), rules="auto", ocr=True).findings]


@pytest.mark.parametrize(("written", "read"), [("FOP SECRET", ("TOP SECRET", 0.9)), ("IOP SECRET DINAR", ("TOP SECRET DINAR", 0.9)),
                                               ("FOP CONFIDENTIAL", None), ("SOP SECRET", None)])
def test_top_with_its_t_misread_before_secret_is_read(written, read):
    assert read_banner(written, None) == read
