"""OCR tolerance on cables, teletypes and forms: marks struck through at declassification, a cable's
garbled file line (its authority labels and whole-text statement), a teletype's continuation header
whose spaced level the scan cut, a lone mark left unreadable, a form's level and dissemination boxes
run together, and an EO 11652 authority line typed at the text's end below a form's blank lines."""

from datetime import date

import pytest

from archives_support import lint_text
from marklint.archives.exemption_line import read_exemption_line
from marklint.archives.file_line import read_labels
from marklint.archives.ocr_words import edit_cost
from marklint.archives.teletype import spaced_level
from marklint.dates import date_of_origin

# A released NODIS telegram as State's FOIA scans give it: the paragraph marks were struck through
# at declassification and the OCR read them as junk after the paragraph numbers.
STRUCK = ("CONFIDENTIAL\n\nE.O. 12958: DECL: 11/27/06\nTAGS: PREL, TU\nSUBJECT: (C) TALKS WITH THE FOREIGN MINISTER\n\n"
          "1. (U) CLASSIFIED BY: JOHN SMITH, EXECUTIVE SECRETARY. REASON 1.5. (D) .\n\n"
          "2. 4at THE MINISTER SAID HE HAD TWO ISSUES TO RAISE.\n\n"
          "3. .0.0 THE DEPUTY SECRETARY SAID HE WOULD TAKE THE SUGGESTION UNDER ADVISEMENT.\n\n"
          "4. \u2014f-S+\nTHE CALL ENDED AT 1506.\n\nCONFIDENTIAL\n")


def _messages(text: str, **settings) -> list[tuple]:
    """(line, column, rule, message) of each finding, the document linted by its era's rules."""
    return [(f.line, f.column, f.rule, f.message) for f in lint_text(text, rules="auto", **settings).findings]


def _found(text: str, **settings) -> list[tuple]:
    """(line, column, rule) of each finding but the authority block's."""
    return [found[:3] for found in _messages(text, **settings) if not found[2].startswith("cab-")]


def test_a_struck_mark_read_as_junk_marks_its_paragraph_level_unknown():
    findings = [(f.line, f.column, f.message) for f in lint_text(STRUCK, rules="auto", ocr=True).findings
                if f.rule == "ocr-recognised"]
    assert findings == [
        (9, 4, 'portion mark "4at" unreadable: the portion is marked, its level unknown (OCR)'),
        (11, 4, 'portion mark ".0.0" unreadable: the portion is marked, its level unknown (OCR)'),
        (13, 4, 'portion mark "\u2014f-S+" unreadable: the portion is marked, its level unknown (OCR)')]
    # `REASON 1.5. (D)` is an order's section and its letter, not a mark the scan left unreadable
    assert _found(STRUCK, ocr=True) == [(9, 4, "ocr-recognised"), (11, 4, "ocr-recognised"), (13, 4, "ocr-recognised")]


def test_struck_marks_are_read_only_with_ocr_tolerance():
    assert _found(STRUCK) == [(9, 1, "portion-missing"), (11, 1, "portion-missing"), (13, 1, "portion-missing")]


@pytest.mark.parametrize("opening", ["U.S.", "1ST", "F-16", "$500", "(a)", "OYMEN'S", "1996:", "[REDACTED]", "\"THE"])
def test_what_a_paragraph_really_opens_with_is_no_struck_mark(opening):
    assert _found(STRUCK.replace("4at", opening), ocr=True) == [
        (9, 1, "portion-missing"), (11, 4, "ocr-recognised"), (13, 4, "ocr-recognised")]


def test_a_mark_with_spaces_after_the_number_is_the_mark_not_junk():
    assert _found(STRUCK.replace("4at", "(C//REL TO USA, FVEY)"), ocr=True) == [
        (11, 4, "ocr-recognised"), (13, 4, "ocr-recognised")]


def test_junk_is_no_mark_in_a_text_whose_numbered_paragraphs_are_unmarked():
    assert _found(STRUCK.replace("1. (U) ", "1. "), ocr=True) == [
        (9, 1, "portion-missing"), (11, 1, "portion-missing"), (13, 1, "portion-missing")]


# A 1980 CIA cable: its file line holds the authority in the EO 12065 cable form and the
# whole-text statement `ALL SECRET`; the scan garbled both labels and the statement's word.
FILE_LINE = ("SECRET\n\nSTAFF 221530Z DIRECTOR 512233\n\nTO: PRIORITY ROME.\n\nWNINTEL\n\n"
             "1. STATION ADVISED THAT SUBJECT ARRIVED ROME 20 MAR 80 AND ASKED FOR A MEETING.\n\n"
             "2. PLS ADVISE WHETHER STATION CAN ARRANGE CONTACT.\n\n"
             "FILE: 201-300122. RVA 20 MAR 2000 DRY D9C.1. ALL\n\nSAIGALAD (JONES, X-9127): COORD: C/EUR\n\n"
             "CL BY 012180.\n\nEND OF MESSAGE\n\nSECRET\n")


def test_a_garbled_file_line_is_read_as_its_authority_and_whole_text_statement():
    assert _messages(FILE_LINE, ocr=True) == [
        (13, 19, "ocr-recognised",
         'authority line RVW 20 MAR 2000 DRV recognised from "RVA 20 MAR 2000 DRY" (OCR, confidence 0.80)'),
        (13, 46, "ocr-recognised",
         'whole-text statement "ALL / SAIGALAD" unreadable: every portion is marked, its level unknown (OCR)')]


def test_a_garbled_file_line_is_read_only_with_ocr_tolerance():
    assert [(line, rule) for line, _, rule, _ in _messages(FILE_LINE)] == [
        (9, "portion-missing"), (11, "portion-missing"), (17, "cab-incomplete")]


def test_a_whole_text_statement_split_across_lines_is_read_with_its_level():
    assert _messages(FILE_LINE.replace("SAIGALAD", "SECRET."), ocr=True)[1] == (
        13, 46, "ocr-recognised", 'whole-text statement SECRET recognised from "ALL / SECRET" (OCR, confidence 0.90)')


def test_prose_that_says_all_is_no_whole_text_statement():
    prose = FILE_LINE.replace("FILE: 201-300122. RVA 20 MAR 2000 DRY D9C.1. ALL", "3. STATION SHOULD INFORM ALL") \
        .replace("SAIGALAD (JONES", "CONCERNED (JONES")
    assert [(line, rule) for line, _, rule, _ in _messages(prose, ocr=True)] == [
        (9, "portion-missing"), (11, "portion-missing"), (13, "portion-missing"), (17, "cab-incomplete")]


@pytest.mark.parametrize("line, read", [
    ("FILE: 201-300122. RVA 2 JAN 2000 DRY D9C.1.", (18, "RVA 2 JAN 2000 DRY", "RVW 2 JAN 2000 DRV", 0.8)),
    ("RVW 02 JAN 2000 DRV D9C.1", None),  # written right: nothing to read
    ("RVA 2 JAN 2000 DAY ONE", None),  # two slips in DRV
    ("RVA 2 JANUARY 2000 DRY D9C.1", None),  # no cable date between them
    ("ROME 2 JAN 2000 DRV D9C.1", None),
    # EO 12356's form: DECL and DRV around OADR, which no slip makes
    ("3. FILE: NONE. DECU OADR DRV HUM 1-82.", (15, "DECU OADR DRV", "DECL OADR DRV", 0.8)),
    ("5. FILE: NONE. DECL OADR DRY", (15, "DECL OADR DRY", "DECL OADR DRV", 0.8)),
    ("DECU OADR", (0, "DECU", "DECL", 0.8)),
    ("NONE. DECL OADR DRVI", (6, "DECL OADR DRVI", "DECL OADR DRV ", 0.8)),  # a speck after DRV
    ("DECL OADR DRV HUM 4-82", None),  # written right
    ("DATE OADR DRV", None),  # two slips in DECL


    # U read for V, N for W, a semicolon after the date
    ("30 FILE: 201-252234. RUN 27 FEB 00; DRU D9C. 1.", (21, "RUN 27 FEB 00; DRU", "RVW 27 FEB 00; DRV", 0.8)),
])
def test_review_and_derivation_labels_are_read_only_around_their_date(line, read):
    assert read_labels(line, edit_cost) == read


def test_a_memo_without_a_whole_text_statement_keeps_its_unmarked_paragraphs():
    memo = FILE_LINE.replace(" ALL\n\nSAIGALAD (JONES, X-9127): COORD: C/EUR", "\n\nJONES, X-9127")
    assert [(line, rule) for line, _, rule, _ in _messages(memo, ocr=True)] == [
        (9, "portion-missing"), (11, "portion-missing"), (13, "ocr-recognised")]


# A 1977 FBI teletype: the classified paragraph's mark OCR'd as "(0)", the continuation page's
# header spelling S E C R E T across the line, cut by the scan into "SEC," over "E T".
TELETYPE = ("SECRET\n\nFM LEGAT CARACAS (97-22) (P)\nTO DIRECTOR PRIORITY\n\n"
            "ON FEBRUARY 23, 1977, CIA STATION, CARACAS, ADVISED AS FOLLOWS. (U)\n\n(0)\n\n"
            "THE SOURCE REPORTED A MEETING IN LATE NOVEMBER AT THE MINISTRY.\n\n"
            "END PAGE ONE\n\nSECRET\n\f"
            "PAGE TWO CAR 97-2 SEC,\n\nE T\n\nTHE SOURCE ADVISED THAT THE MEETING TOOK PLACE AT THE MINISTRY. (U)\n\n"
            "CLASSIFIED BY 5875, XGDS 2, INDEFINITE\n\nSECRET\n")


def test_a_teletypes_cut_header_level_and_an_unreadable_lone_mark_are_read():
    assert _messages(TELETYPE, ocr=True) == [
        (8, 1, "ocr-recognised", 'portion mark "(0)" unreadable: the portion is marked, its level unknown (OCR)'),
        (15, 20, "ocr-recognised", 'banner SECRET recognised from "SEC / E T" (OCR, confidence 0.83)'),
        (19, 65, "portion-placement", "portion mark (U) is at the end of its line; put it at the start")]


def test_a_teletypes_cut_header_is_read_only_with_ocr_tolerance():
    assert [(line, column, rule) for line, column, rule, _ in _messages(TELETYPE)] == [
        (1, 1, "banner-over-classified"), (6, 65, "portion-placement"), (15, 1, "banner-missing-top"),
        (19, 65, "portion-placement")]


@pytest.mark.parametrize("header, found", [
    ("PAGE FOUR: CAR 97-2\n\nS'E\n\nE T", (17, 1, "ocr-recognised")),
    ("PAGE TWO CAR 97-2 SEC", (15, 20, "ocr-recognised")),
    ("PAGE TWO OF THE REPORT SEC", (15, 1, "banner-missing-top")),  # no station and serial: no header
    ("PAGE TWO CAR 97-2 CO", (15, 1, "banner-missing-top")),  # two letters: too few to read
])
def test_a_continuation_header_is_read_with_enough_letters_of_one_level(header, found):
    findings = _messages(TELETYPE.replace("PAGE TWO CAR 97-2 SEC,\n\nE T", header), ocr=True)
    assert [(line, column, rule) for line, column, rule, _ in findings if line > 14][0] == found


def test_a_list_number_alone_on_its_line_is_no_unreadable_mark():
    findings = _messages(TELETYPE.replace("(0)", "(4)"), ocr=True)
    assert [(line, rule) for line, _, rule, _ in findings] == [
        (1, "banner-over-classified"), (15, "ocr-recognised"), (19, "portion-placement")]


@pytest.mark.parametrize("letters, read", [
    ("SEC", ("SECRET", 0.7)), ("SECET", ("SECRET", 0.83)), ("SEET", ("SECRET", 0.77)),
    ("CONF", ("CONFIDENTIAL", 0.63)), ("SE", None), ("SEX", None), ("TSE", None)])
def test_spaced_letters_are_a_level_they_keep_in_order(letters, read):
    assert spaced_level(letters) == read


# A 1963 CIA information report on its form: the legend over the level box and the
# dissemination box at the head and foot of each page; on page 2 the OCR ran the boxes together.
FORM = ("SECRET\n\nCLASSIFICATION - DISSEMINATION CONTROLS\n\nNO FOREIGN DISSEM/NO DISSEM ABROAD\n\n"
        "COUNTRY SOUTH VIETNAM\n\nDATE OF INFO 23 SEPTEMBER 1963\n\n"
        "1. THE SOURCE REPORTED THAT OFFICERS OF THE FIFTH DIVISION PLAN A COUP.\n\n"
        "SECRET\n\nCLASSIFICATION - DISSEMINATION CONTROLS\n\f"
        "CLASSIFICATION - DISSEMINATION CONTROLS\n\nSECRET NO FOREIGN DISSEM/NO DISSEM ABROAD\n\nPAGE TWO\n\n"
        "2. THE DIVISION COMMANDER IS NOT AWARE OF THE PLAN.\n\n"
        "GROUP 1\nExcluded from automatic downgrading and declassification\n\n"
        "SECRET\n\nCLASSIFICATION - DISSEMINATION CONTROLS\n")


def test_a_forms_level_and_dissemination_boxes_run_together_are_set_apart():
    assert _messages(FORM, ocr=True) == [
        (18, 1, "ocr-recognised", "banner SECRET found inside a line (OCR, confidence 0.90)")]


def test_boxes_run_together_away_from_the_forms_legend_stay_one_banner():
    alone = FORM.replace("CLASSIFICATION - DISSEMINATION CONTROLS\n\nSECRET NO", "SECRET NO")
    # (the page's top banner differs from the overall one; its bottom banner is the overall one,
    # so the top is the one slip, reported once)
    assert [(line, rule) for line, _, rule, _ in _messages(alone, ocr=True)] == [(16, "banner-mismatch")]


# The teletype form's printed authority lines left blank; the authority typed at the text's end,
# garbled by the scan.
FORMED = TELETYPE.replace("TO DIRECTOR PRIORITY\n\n", "TO DIRECTOR PRIORITY\n\nClassified by\n\nDeclassify on:\n\n") \
    .replace("CLASSIFIED BY 5875, XGDS 2, INDEFINITE", "CLASSITYID Y 5A7S, XEDS 2, INDEFINITE.")


def test_a_garbled_authority_typed_at_the_end_stands_for_the_forms_blank_lines():
    assert [(line, column, rule) for line, column, rule, _ in _messages(FORMED, ocr=True)] == [
        (10, 65, "portion-placement"), (12, 1, "ocr-recognised"), (19, 20, "ocr-recognised"),
        (23, 65, "portion-placement"), (25, 1, "ocr-recognised")]
    assert _messages(FORMED, ocr=True)[-1][3] == (
        'authority line CLASSIFIED BY 5A7S, XGDS recognised from "CLASSITYID Y 5A7S, XEDS" (OCR, confidence 0.50)')


def test_the_forms_blank_lines_are_the_block_without_ocr_or_a_later_authority():
    assert [(line, rule) for line, _, rule, _ in _messages(FORMED) if rule.startswith("cab-")] == [
        (6, "cab-incomplete"), (8, "cab-incomplete")]
    none_later = FORMED.replace("CLASSITYID Y 5A7S, XEDS 2, INDEFINITE.", "THE BUREAU WILL BE ADVISED.")
    assert [(line, rule) for line, _, rule, _ in _messages(none_later, ocr=True) if rule.startswith("cab-")] == [
        (6, "cab-incomplete"), (8, "cab-incomplete")]


@pytest.mark.parametrize("line, read", [
    ("CLASSITYID Y 5A7S, XEDS 2, INDEFINITE.", (0, "CLASSITYID Y 5A7S, XEDS", "CLASSIFIED BY 5A7S, XGDS", 0.5)),
    ("CLASSIFIED BY 5875, XGDS 2, INDEFINITE", None),  # written right
    ("CLASSIFIED BY 5875, XGDS 2, 12/31/1990", None),
    ("CLASSROOM BY 5875, XGDS 2, INDEFINITE", None),  # too far from CLASSIFIED
    ("CLASSIFLED BY THE BUREAU IN 1976", None),  # no exemption and category
])
def test_an_eo11652_authority_line_is_read_only_in_its_shape(line, read):
    assert read_exemption_line(line, edit_cost) == read


def test_a_date_time_group_is_read_through_its_ocr_slips_only_with_ocr_tolerance():
    lines = list(enumerate(["SECRET", "TOT: 0222112 JAN BO", "DIRECTOR 583488",
                            "SUBJECT ARRIVED MADRID 11 DEC 79 AND CONTACTED THE SOURCE."], 1))
    tolerant = date_of_origin(lines, ocr=True).origin
    assert (tolerant.date, tolerant.line, tolerant.kind) == (date(1980, 1, 2), 2, "dtg")
    assert date_of_origin(lines).origin.date == date(1979, 12, 11)  # a date in the text


# A CONFIDENTIAL telegram classified as a whole, its statement's level struck through at
# declassification and OCR'd as junk before `ENTIRE TEXT`.
STRUCK_WHOLE = ("CONFIDENTIAL\n\nE.O. 12958: DECL: 10/12/06\nTAGS: PREL, LO\nSUBJECT: TALKS WITH THE FOREIGN MINISTER\n\n"
                "1. -CetriP-I-19\u2022ErNT-I-A4.-- ENTIRE TEXT. CLASSIFIED BY JOHN SMITH, DEPUTY SECRETARY.\n"
                "REASONS: 1.5 (B).\n\n2. THE MINISTER SAID HE HAD TWO ISSUES TO RAISE.\n\n"
                "3. THE DEPUTY SECRETARY SAID HE WOULD TAKE THE SUGGESTION UNDER ADVISEMENT.\n\nCONFIDENTIAL\n")


def test_a_struck_whole_text_statement_stands_for_every_portions_mark():
    assert _messages(STRUCK_WHOLE, ocr=True) == [
        (7, 4, "ocr-recognised", 'whole-text statement "-CetriP-I-19\u2022ErNT-I-A4.--" unreadable: every portion is '
                                 "marked, its level unknown (OCR)")]


def test_a_paragraph_opening_with_a_word_before_entire_text_is_no_struck_statement():
    text = STRUCK_WHOLE.replace("-CetriP-I-19\u2022ErNT-I-A4.--", "THE")
    assert _found(text, ocr=True) == [(5, 1, "portion-missing"), (10, 1, "portion-missing"), (12, 1, "portion-missing")]


@pytest.mark.parametrize(("opening", "column"), [("4411-", 4), ("\u2014t1.111--IN", 4), ("(.e)", 4), ("(5.)-", 4), ("~", 4), ("~~", 4)])
def test_a_number_the_strike_ran_into_or_a_long_struck_token_is_junk(opening, column):
    assert _found(STRUCK.replace("4at ", opening + " "), ocr=True) == [
        (9, column, "ocr-recognised"), (11, 4, "ocr-recognised"), (13, 4, "ocr-recognised")]


# State's POEMS printout of a telegram: a heading on every page (its level garbled), the page line,
# the text, and the routing and caption (`E.O. 12958: DECL:`) after it, on the last page.
POEMS = ("POEMS Automated Telegram Handler - B26 CONFIDENTIAL 10/29/96 05:40 pm Page: 1\n"
         "Item Subject: MEETING WITH THE ROMANIAN FOREIGN MINISTER\n"
         "PAGE 01 STATE 225167 291953Z OCT 96\n"
         "SUBJECT: (C) MEETING WITH THE ROMANIAN FOREIGN MINISTER\n"
         "1. (U) Classified by EUR DAS John Smith, reason 1.5 (B)\n"
         "2. (C) THE MINISTER SAID ROMANIA HAS TWO CONCERNS.\n"
         "\fPOEMS Automated Telegram Handler - B26 CONFIDENTIAL 10/29/96 05:40 pm Page: 2\n"
         "Item Subject: MEETING WITH THE ROMANIAN FOREIGN MINISTER\n"
         "3. (C) THE DEPUTY SECRETARY REPLIED.\nCHRISTOPHER\n"
         "O 291953Z OCT 96\nFM SECSTATE WASHDC\nTO AMEMBASSY BUCHAREST IMMEDIATE\nSTATE 225167\n"
         "E.O. 12958: DECL: 11/1/06\nTAGS: PREL, RO\n")


def _unbannered(text: str) -> list[tuple]:
    """(line, column, rule) of each finding but the banners' (the printout's heading holds its level)."""
    return [found[:3] for found in _messages(text, ocr=True) if not found[2].startswith("banner-")]


def test_a_poems_printouts_headings_are_routing_and_its_authority_is_read_across_pages():
    assert _unbannered(POEMS) == []
    assert _unbannered(POEMS.replace("E.O. 12958: DECL: 11/1/06\n", "")) == [(5, 8, "cab-incomplete")]
    assert _unbannered(POEMS.replace("POEMS Automated", "POEMS Automatic")) == [(1, 1, "portion-missing"),
                                                                                (7, 2, "portion-missing")]


# A NODIS telegram's printout as State released it: the release header on every page, the printer's
# time stamp atop each page.
_RELEASE = "UNCLASSIFIED U.S. Department of State Case No. F-2017-13804 Doc No. C06698683 Date: 08/26/2019\n"
PRINTOUT = ("SECRET\n" + _RELEASE + "Fri Nov 8 22:14:20 1996 [STATE 233819] D COPY 2 OF 11 Page 1 OF 3\n"
            "STATE 233819\nE.O. 12958: DECL: 11/06/06\n1. (U) CLASSIFIED BY: JOHN SMITH. REASON 1.5(D).\n"
            "2. (S) THE MINISTER CALLED.\n" + _RELEASE + "\f" + _RELEASE
            + "{stamp} [STATE 233819] D COPY 2 OF 11 Page 2 OF 3\n3. (S) HE SAID THE RESULTS WERE IN.\n"
            "CHRISTOPHER\nSECRET\n" + _RELEASE)


@pytest.mark.parametrize(("stamp", "found"), [("Fri Nov B 22:14:20 1996", []),
                                              ("Fri Nov 8 22:14", [(10, 1, "portion-missing")])])
def test_a_printers_time_stamp_is_routing_whatever_the_scan_made_of_its_day(stamp, found):
    assert [found[:3] for found in _messages(PRINTOUT.replace("{stamp}", stamp), ocr=True)] == found


def test_a_subject_lines_struck_mark_after_its_label_marks_it():
    text = STRUCK.replace("SUBJECT: (C) TALKS", "SUBJECT:4ei- TALKS")
    assert _found(text, ocr=True) == [(5, 9, "ocr-recognised"), (9, 4, "ocr-recognised"), (11, 4, "ocr-recognised"),
                                      (13, 4, "ocr-recognised")]
    assert _found(text.replace("4ei-", "THE"), ocr=True)[0] == (5, 1, "portion-missing")


@pytest.mark.parametrize("topics", ["UK/ESDP:", "EU/NATO/OSCE:"])
def test_a_subject_lines_topics_are_no_struck_mark(topics):
    text = STRUCK.replace("SUBJECT: (C) TALKS", f"SUBJECT: {topics} TALKS")
    assert _found(text, ocr=True) == [(5, 1, "portion-missing"), (9, 4, "ocr-recognised"), (11, 4, "ocr-recognised"),
                                      (13, 4, "ocr-recognised")]
    # one letter before the slash is no topic: a struck mark's junk (`S/NF)` lost its bracket)
    assert _found(text.replace(topics, "S/NF)"), ocr=True)[0] == (5, 10, "ocr-recognised")


def test_a_reasons_letters_on_the_next_line_do_not_make_a_telegram_confidential():
    cable = ("O 211722Z JAN 00\nFM AMEMBASSY LONDON\nTO SECSTATE WASHDC IMMEDIATE 2497\nLONDON 000506\n"
             "E.O. 12958: DECL: 01/21/10\nTAGS: PARM, NATO\nSUBJECT: (U) ALLIES\n"
             "1. (U) CLASSIFIED BY CHARGE GLYN DAVIES. REASON: 1.5(B),\n(C) AND (D).\n"
             "2. (U) THE BRITISH OFFICIALS MET THE DAS.\nDAVIES\n")
    result = lint_text(cable, rules="auto")
    # every portion is (U): the authority lines are the one slip, no banner is missing
    assert result.facts["classification"] == "UNCLASSIFIED"
    assert [(f.line, f.column, f.rule) for f in result.findings] == [(5, 1, "cab-unexpected")]


def test_a_1995_cables_header_fields_are_no_portions_a_scans_speck_before_them_too():
    """A 1995 CIA cable's header as the scan leaves it: `TOR:`, the addressees `; TO:`, `FOR:
    LIMIT ...`, `'ACTION:` with a speck before it, `•CITE`: no portions."""
    cable = "\n\n".join([
        'SECRET',
        'PAGE:',
        'FRP :',
        'STAFF',
        "'ACTION: LA/COGTO (016) INFO: C/ORMS, CIC/LA, LA/SAGSC,",
        'LADORECORD, LIMITO, FILE, C/LA (3/W)',
        'TOR:',
        '271920Z JUL 95',
        'SECRET 271911Z JUL 95 STAFF',
        '•CITE',
        '61496',
        '; TO: DIRECTOR INFO',
        'FOR: LIMIT LA/COGIO INFO LA/COGRR, LA/SAGSC, CIC/LA',
        'SLUGS: WNINTEL RYBAT',
        'SUBJECT: (S) RIO CONFERENCE ON THE ASSASSINATION',
        'TEXT:',
        '1. (U) ACTION REQUIRED: NONE',
        '2. (S) WISH DRAW ADDEES ATTENTION TO ARTICLE IN RIO NEWSPAPER ON 25 JULY.',
        '3. FILE: NONE. DECL OADR DRV HUM 4-82',
        'SECRET'])
    assert lint_text(cable + "\n", rules="us-eo12356", ocr=True).findings == []


@pytest.mark.parametrize("box, read", [
    ("SE\n\nET", "SECRET"),  # the form's spaced box, the C R lost between its two pieces
    ("SEC\n\nRET", "SECRET"),
    ("CON\n\nFI\n\nDEN", "CONFIDENTIAL"),
    ("SE\n\nET\n\nRUN", "SECRET"),  # the run ends where the letters stop fitting
    ("S\n\nE\n\nC", None),  # single letters a line: a vertical banner's, too few
    ("SE\n\nJES", None),
])
def test_a_forms_spaced_level_box_cut_into_short_lines_is_read(box, read):
    cable = f"CABLE SEC DISSEM BY\n\nPER\n\n{box}\n\nPAGE 01\n\n230013Z SEP 75\n\n1. THE STATION REPORTS.\n\n2. NO FILE. E2 IMPDET CL BY 059876.\n"
    result = lint_text(cable, rules="us-eo11652", ocr=True)
    assert (result.facts or {}).get("classification") == read


@pytest.mark.parametrize("label, findings", [
    ("GROUP !", [(11, 1, "ocr-recognised")]),  # the digit 1 OCR'd as the mark of its stroke
    ("GROUP |", [(11, 1, "ocr-recognised")]),
    ("GROUP 1", []),
    ("GROUP I", [(11, 1, "ocr-recognised")]),  # the 1 read as a letter
    ("GROUP II", [(1, 1, "cab-missing")]),  # a heading's Roman numeral: not read
])
def test_a_group_legends_digit_read_as_a_stroke_is_group_1(label, findings):
    report = ("CONFIDENTIAL\n\nREPORT NO. TDCS 3/562,014\n\nDATE DISTR. 15 OCTOBER 1963\n\n"
              "1. THE CABINET MET IN EARLY OCTOBER.\n\nCONFIDENTIAL\n\n" + label +
              "\n\nExcluded from automatic\n\ndowngrading and\n\ndeclassification\n")
    assert [(line, column, rule) for line, column, rule, _ in _messages(report, ocr=True)] == findings


def test_an_unreadable_mark_above_the_pages_top_banner_is_a_speck():
    # the speck over the form's title is no mark; the one between the paragraphs is
    report = ("(0)\n\nTELEGRAM INFORMATION REPORT TELEGRAM\n\nCONFIDENTIAL\n\nREPORT NO. TDCS 3/562,014\n\n"
              "DATE DISTR. 15 OCTOBER 1963\n\n1. THE CABINET MET IN EARLY OCTOBER.\n\n(0)\n\n"
              "2. THE VICE PRESIDENT CALLED THE MEETING.\n\nCONFIDENTIAL\n\nGROUP 1\n\n"
              "Excluded from automatic downgrading and declassification\n")
    assert [(line, rule) for line, _, rule, _ in _messages(report, ocr=True)] == [(13, "ocr-recognised")]


# A restricted handling message form: its header boxes, then the classification box over its
# printed `(CLASSIFICATION)` caption, well below the page's first blocks.
MESSAGE_FORM = "\n\n".join([
    "RESTRICTED HANDLING MESSAGES MUST BE DELIVERED DIRECTLY TO SIGNAL CENTER.", "DO NOT EXCEED 69 CHARACTERS",
    "ORIG: J. LONG", "UNIT: CI/SO", "EXT: 1632", "DATE: 2 January 1973", "RESTRICTED HANDLING",
    "CLASSIFIED MESSAGE", "Copy", "of", "SECRET", "(CLASSIFICATION)", "(DATE AND TIME FILED)",
    "CITE HEADQUARTERS 3001", "PRIORITY DAR ES SALAAM", "REFERENCE: DAR ES SALAAM 1141",
    "1. NO HEADQUARTERS TRACES OF THE SUBJECT.", "2. NO RECORD HE USED THE ALIAS.", "3. HE HAS NOT TRAVELLED ABROAD.",
    "4. THE STATION WILL REPORT.", "END OF MESSAGE", "E2 IMPDET CL BY 059876", "SECRET"]) + "\n"


def test_a_message_forms_classification_box_is_its_top_banner_below_its_header_boxes():
    result = lint_text(MESSAGE_FORM, ocr=True, rules="auto")
    assert (result.ruleset, [(f.rule, f.line) for f in result.findings]) == ("us-eo11652", [])
    uncaptioned = lint_text(MESSAGE_FORM.replace("(CLASSIFICATION)", "(DATE FILED)"), ocr=True, rules="auto")
    assert [(f.rule, f.line) for f in uncaptioned.findings] == [("banner-missing-top", 1)]


# An incoming CIA cable of 1980 as the scan leaves its heading: the copies count before INFO:,
# the time of receipt OCR'd (`2718042 FEB BO`), the slug line with its sensitivity indicator
# RYBAT, and the file line's garbled review and derivation labels.
INCOMING = "\n\n".join([
    "SECRET", "STAFF", "ACTION: C/LA-8 (078) INFO: ODPD-DO VR, FILE", "(23/N1) INFO: C/EUR-6", "TOR:", "2718042 FEB BO",
    "SE CRE I 271448Z FEB 80 STAFF", "CITE MADRID 48680", "IDEN TO MADR- 48674.", "TO: PRIORITY DIRECTOR.", "MHENO: 80-3918225",
    "FOR: LIMIT LA/MCGMXB", "WNINTEL RYBAT AKULE AMLASH", "1. ABOVE IDENS ARRIVED MADRID FROM CUBA ON SAME DAY AS SUBJECT.",
    "2. FILE: 201-252234. RUN 27 FEB 00; DRU D9C. 1.", "END OF MESSAGE", "SECRET"]) + "\n"


def test_an_incoming_cables_heading_is_no_portion_and_its_file_line_is_its_authority():
    result = lint_text(INCOMING, ocr=True, rules="auto")
    assert result.ruleset == "us-eo12065"
    assert [(f.rule, f.line, f.column) for f in result.findings] == [
        ("portion-missing", 27, 1), ("ocr-recognised", 29, 22)]


# A 1985 letter's authority block with a slip in its label's long word.
BLOCK = ("SECRET\n\n12 March 1985\n\n(S) The source reported on the meeting.\n\n"
         "Classified by: J. Smith, Chief, Division 5\nDeclassity on: OADR\n\nSECRET\n")


def test_an_authority_labels_slip_is_read_as_its_label():
    assert _messages(BLOCK, ocr=True) == [
        (8, 1, "ocr-recognised",
         'authority line Declassify on: recognised from "Declassity" (OCR, confidence 0.80)')]
    assert [(line, rule) for line, _, rule, _ in _messages(BLOCK)] == [(8, "cab-incomplete")]


@pytest.mark.parametrize("line", ["Declassify on: OADR", "Declassified on OADR", "Dear Mr. Smith:", "Decimals on: 4"])
def test_a_right_label_or_no_label_is_not_read_as_a_slip(line):
    from marklint.archives.block_labels import read_block_label

    assert read_block_label(line) is None


@pytest.mark.parametrize("line", ["//", "/ /", "./", "--//--"])
def test_a_line_of_slashes_and_specks_is_no_banner(line):
    # a cable printout's header holds such lines (`MHENO :` over `94-8939218` over `//`)
    from marklint.mark_strings import banner_of

    assert banner_of(line) is None
    text = f"SECRET\n\nMHENO :\n\n94-8939218\n\n{line}\n\n1. (S) THE STATION MET THE ASSET.\n\nDECL OADR DRV HUM 4-82.\n\nSECRET\n"
    assert "marking-syntax" not in [f.rule for f in lint_text(text, rules="us-eo12356").findings]


# A teletype's first page ending with `END PAGE ONE` over its spaced level, which the scan's edge
# cut to a fragment (`U)`, `SEX.`); the second page's header carries its level.
TELETYPE_PAGES = """SECRET

1. (S) SOURCE ADVISED THAT THE MEETING WAS HELD IN CARACAS ON 12 FEBRUARY

AND THAT THE SERVICE WAS AWARE OF IT.

END PAGE ONE

U)
\fPAGE TWO CAR 97-2 SECRET

2. (U) MIAMI WILL FOLLOW AND ADVISE THE BUREAU.

CLASSIFIED BY 5875, XGDS 2, INDEFINITE

SECRET
"""
_SECOND_HEADER = (10, 20, "ocr-recognised", "banner SECRET found inside a line (OCR, confidence 0.90)")


@pytest.mark.parametrize("fragment", ["U)", "SEX."])
def test_a_level_cut_below_end_page_is_a_bottom_banner_unreadable(fragment):
    text = TELETYPE_PAGES.replace("\nU)\n", f"\n{fragment}\n")
    assert [(f.line, f.column, f.rule, f.message) for f in lint_text(text, rules="us-eo11652", ocr=True).findings] \
        == [_SECOND_HEADER]


def test_end_page_with_nothing_below_it_has_no_bottom_banner():
    text = TELETYPE_PAGES.replace("\nU)\n", "\n")
    assert [(f.line, f.column, f.rule, f.message) for f in lint_text(text, rules="us-eo11652", ocr=True).findings] \
        == [(7, 1, "banner-missing-bottom", "page 1 has no banner at its bottom"), (9, *_SECOND_HEADER[1:])]
