"""A form's classification check-box legend (`UNCLASSIFIED / INTERNAL USE ONLY / CONFIDENTIAL /
SECRET`, printed for the sender to tick) is not a banner: it neither sets the document's level
nor splits a page, and the page that bears it is not judged missing a banner (the tick does
not survive in the text). marklint.legends.legend_lines."""

from archives_support import lint_text

# A routing sheet as OCR gives it: the legend at the top (one word a line, a label between) and
# reversed at the bottom, then the 1978 memorandum it routes on the next page (EO 11652: its
# paragraphs need no portion marks).
ROUTING_SHEET = (
    "UNCLASSIFIED\n\nINTERNAL\n\nUSE ONLY\n\nCONFIDENTIAL\n\nROUTING AND RECORD SHEET\n\nSECRET\n\n"
    "SUBJECT: (Optional)\n\nFROM:\n\nTO:\n\nFORM 610\n\n"
    "SECRET\n\nCONFIDENTIAL\n\nINTERNAL\n\nUSE ONLY\n\nUNCLASSIFIED\n\f"
    "SECRET\n\n11 May 1978\n\nMEMORANDUM FOR: Office of Legislative Counsel\n\n"
    "1. The depositions are scheduled for next week.\n\nE2 IMPDET CL BY 062028\n\nSECRET\n"
)


def test_a_check_box_legend_is_no_banner():
    result = lint_text(ROUTING_SHEET, rules="auto")
    assert result.findings == []
    assert result.pages == 2


def test_a_legend_written_across_one_block_each_with_stamps_between():
    text = ROUTING_SHEET.replace("CONFIDENTIAL\n\nINTERNAL", "CONFIDENTIAL\n\nAPPROVED FOR RELEASE 1993\n\nINTERNAL")
    assert lint_text(text, rules="auto").findings == []


def test_short_pages_of_different_levels_are_still_pages():
    """Levels that repeat (a bottom banner, then the next page's top) make no legend."""
    text = ("SECRET\n\n(S) One.\n\nSECRET\n\nCONFIDENTIAL\n\n(C) Two.\n\nCONFIDENTIAL\n\n"
            "UNCLASSIFIED\n\n(U) Three.\n\nUNCLASSIFIED\n")
    result = lint_text(text)
    assert result.pages == 3
    assert [(f.line, f.rule) for f in result.findings] == [(1, "cab-missing")]


def test_pages_of_three_levels_with_a_disagreeing_bottom_banner_are_no_legend():
    """A page's bottom banner that disagrees with its top (CONFIDENTIAL under SECRET) after an
    UNCLASSIFIED page: three levels within a few blocks, but a portion stands between them."""
    text = ("SECRET\n\n(S) One.\n\nSECRET\nUNCLASSIFIED\n\n(U) Two.\n\nUNCLASSIFIED\nSECRET\n\n(U) Three.\n\n"
            "Classified By: Jane Smith, Director\nDerived From: Plans SCG, 20240101\nDeclassify On: 20451231\n\n"
            "CONFIDENTIAL\n")
    result = lint_text(text)
    assert result.pages == 3
    assert [(f.line, f.column, f.rule) for f in result.findings] == [(19, 1, "banner-mismatch")]


def test_a_legend_the_scan_left_with_two_levels_and_its_internal_use_only_box():
    """The scan kept two of the legend's levels and its `INTERNAL` / `USE ONLY` box: still the
    legend, no page break between its SECRET and CONFIDENTIAL. Without that box the two are a
    page's foot and the next page's head."""
    text = ("ROUTING AND RECORD SHEET\n\nSUBJECT: (Optional)\n\nFROM:\n\nTO:\n\nFORM 610\n\n"
            "SECRET\n\nCONFIDENTIAL\n\nINTERNAL\n\nUSE ONLY\n\n8:1\n\f"
            "SECRET\n\n11 May 1964\n\nMEMORANDUM FOR: Mr. Rankin\n\n1. The records were reviewed.\n\n"
            "GROUP 1\nExcluded from automatic downgrading and declassification\n\nSECRET\n")
    result = lint_text(text, rules="auto")
    assert (result.pages, result.findings) == (2, [])
    pages = lint_text(text.replace("INTERNAL\n\nUSE ONLY", "ATTACHED"), rules="auto")
    assert pages.pages == 3
    assert [(f.rule, f.line) for f in pages.findings] == [
        ("banner-missing-top", 1), ("banner-mismatch", 13), ("banner-missing-bottom", 17)]


def test_a_banner_with_controls_is_never_a_legend_line():
    """A blank page bannered CONFIDENTIAL over UNCLASSIFIED between SECRET//NOFORN pages: three
    levels within a few blocks, but a banner with controls is no check-box label, so the page's
    banners are read and the one that differs is found."""
    text = ("SECRET//NOFORN\n\n(S//NF) One.\n\nSECRET//NOFORN\nCONFIDENTIAL\n\nTHIS PAGE INTENTIONALLY LEFT BLANK\n\n"
            "UNCLASSIFIED\nSECRET//NOFORN\n\n(U) Two.\n\n"
            "Classified By: Jane Smith, Director\nDerived From: Plans SCG, 20240101\nDeclassify On: 20451231\n\n"
            "SECRET//NOFORN\n")
    result = lint_text(text)
    assert result.pages == 3
    assert [(f.line, f.column, f.rule) for f in result.findings] == [(6, 1, "banner-mismatch")]


def test_a_routing_slips_legend_with_a_speck_on_one_box_is_still_the_legend():
    """CIA's official routing slip (Form 237) prints `UNCLASSIFIED / CONFIDENTIAL / SECRET` at its
    top and bottom; the scan left a speck on one box (`UNCLASSIFIED®`). The three are still the
    legend: no page break between CONFIDENTIAL and SECRET, no overall CONFIDENTIAL under the
    SECRET memorandum it routes."""
    text = ("SENDER WILL CHECK CLASSIFICATION TOP AND BOTTOM\n\nUNCLASSIFIED®\n\nCONFIDENTIAL\n\nSECRET\n\n"
            "OFFICIAL ROUTING SLIP\n\nTO\n\nMr. Shepanek\n\nRemarks:\n\nPlease sanitize.\n\nFORM NO. 237\n\n"
            "UNCLASSIFIED\n\nUse previous editions\n\nCONFIDENTIAL\n\nSECRET\n\f"
            "SECRET\n\n12 June 1978\n\nMEMORANDUM FOR: Mr. Shepanek\n\n1. (S) The notes are attached.\n\n"
            "2. (U) Please return them.\n\nE2 IMPDET CL BY 062028\n\nSECRET\n")
    result = lint_text(text, rules="auto")
    assert (result.pages, result.facts["classification"]) == (2, "SECRET")
    assert result.findings == []
    # on a scanned release, read with OCR tolerance, the speckled box is no banner recognised either
    released = "2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\n" + text
    assert lint_text(released, rules="auto").findings == []
