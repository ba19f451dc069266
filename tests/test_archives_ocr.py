"""OCR tolerance: off by default, on with --ocr or for an OCR collection; every tolerant
reading is reported with a confidence below 1; illegible pages are not defects."""

import pytest

from archives_support import REAL, lint_text
from marklint.archives.ocr import read_banner, read_word
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
    # slip would be (marklint.recognize.near_miss_banner), reported with its suggestion
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
    assert [(f.line, f.column, f.rule, f.message) for f in lint_text(text, ocr=True).findings] == [
        (1, 6, "ocr-recognised", "banner SECRET//NOFORN found inside a line (OCR, confidence 0.90)"),
        (9, 7, "ocr-recognised", "banner SECRET//NOFORN found inside a line (OCR, confidence 0.90)"),
        (10, 1, "portion-missing", "paragraph has no portion mark")]
    # a word of four letters or more is no speck: prose that names a level stays prose
    prose = lint_text(text.replace("ae i SECRET", "this SECRET"), ocr=True).findings
    assert [(f.line, f.column, f.rule) for f in prose] == [
        (1, 1, "portion-missing"), (9, 7, "ocr-recognised"), (10, 1, "banner-missing-bottom"), (10, 1, "portion-missing")]


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


def test_a_zero_is_no_mark():
    text = "SECRET\n\n16 June 1989\n\nThe court ruled for the Agency. (0)\n\nCL BY 2100049\nDECL OADR\nDRV Multiple\n\nSECRET\n"
    assert [(f.line, f.rule) for f in lint_text(text, rules="auto", ocr=True).findings] == [(5, "portion-missing")]


def test_a_paragraph_number_the_scan_set_apart_opens_the_paragraph_its_trailing_mark_covers():
    text = ("SECRET\n\n16 June 1989\n\n2 ..\n\nBackground.\n\nOn 7 June the Board made a formal determination.\n\n"
            "Counsel will be notified within the period. (U)\n\n"
            "The Board will meet more or less monthly.\n\nCL BY 2100049\nDECL OADR\nDRV Multiple\n\nSECRET\n")
    found = lambda **ocr: [(f.line, f.rule) for f in lint_text(text, rules="auto", **ocr).findings
                           if f.rule == "portion-missing"]
    assert found() == [(5, "portion-missing"), (7, "portion-missing"), (9, "portion-missing"), (13, "portion-missing")]
    assert found(ocr=True) == [(13, "portion-missing")]
