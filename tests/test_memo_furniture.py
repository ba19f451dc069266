"""A memo's furniture under OCR tolerance (marklint.archives.memo_furniture): a letter's
letterhead and inside address atop a later page, its addressee atop its continuation page, the
drafting line and its date, the signer's scrawl over the typed name, a legend repeated under
every page's banner, the values of stacked header labels other than the subject's, item and
section headings judged with the unmarked paragraph under them, a fragment that lost its first
words judged with the paragraph above it, what stands above a page's own top banner or below its
bottom banner, a cable's trailer. Each fixture is linted with OCR tolerance (the
archive's reading) and without it (a draft's reading, which must not change); real unmarked
paragraphs next to the furniture are still reported."""

from pathlib import Path

import pytest

from marklint.lint import Settings, lint_path

FIXTURES = Path(__file__).parent / "fixtures" / "archives" / "memo_furniture"


def _findings(name: str, ocr: bool) -> list[tuple[str, int, int]]:
    result = lint_path(str(FIXTURES / name), Settings(rules="auto", use_config=False, ocr=ocr))
    return [(f.rule, f.line, f.column) for f in result.findings if f.rule != "ocr-recognised"]


_PLACED = [("portion-placement", 11, 48), ("portion-placement", 14, 50), ("portion-placement", 17, 19)]


@pytest.mark.parametrize("name, with_ocr, without_ocr", [
    # a memo with its letter attached: the scrawl "sie fmith" over the typed name (19), the
    # letter's letterhead (31) and inside address (34) over "Dear Mr. Secretary:", its addressee
    # atop the continuation page (53), the drafting line (55) and its date (57) are no portions;
    # the letter's two paragraphs right under the letterhead and salutation are still reported
    ("letter_attachment.txt", _PLACED + [("portion-missing", 39, 1), ("portion-missing", 42, 1)],
     _PLACED + [("portion-missing", line, 1) for line in (19, 31, 34, 39, 42, 53, 55, 57)]),
    # SUBJECT: over REFERENCE:, their values below: the subject's value (11, with the reference's
    # first line the scan ran into it) is reported, the reference's last line (15) is not; the
    # privileged-material legend under both banners (34) is no portion, with OCR or without (a
    # running header: it stands atop page 1 too); "process, ..." (39)
    # lost its first words and goes with paragraph 4; paragraph 2 (20), the numbered lead-in
    # whose items are marked (23, P-01), paragraph 4 (36) and the closing paragraph (42) are
    # reported
    ("memo_stacked_labels.txt",
     [("portion-missing", 11, 1), ("portion-placement", 18, 40), ("portion-missing", 20, 1),
      ("portion-missing", 23, 1), ("portion-missing", 36, 1), ("portion-missing", 42, 1)],
     [("portion-missing", line, 1) for line in (7, 11, 13, 15)] + [("portion-placement", 18, 40)]
     + [("portion-missing", line, 1) for line in (20, 23, 36, 39, 42)]),
    # an unnumbered memo: the item heading "Document No. ...:" (11) and the section heading
    # "New Litigation" (19) are judged with the unmarked paragraphs under them (13, 21); a
    # capitalised paragraph after a sentence's end (16) is a paragraph of its own; "in the" over
    # "National Archives" (26) before the attachments heading is a piece of a sentence, no
    # signature: it holds function words
    ("memo_item_headings.txt",
     [("portion-placement", 6, 51), ("portion-placement", 9, 68), ("portion-missing", 13, 1),
      ("portion-missing", 16, 1), ("portion-missing", 21, 1), ("portion-missing", 26, 1)],
     [("portion-placement", 6, 51), ("portion-placement", 9, 68)]
     + [("portion-missing", line, 1) for line in (11, 13, 16, 19, 21, 26)]),
    # a cable over two pages: the fragment of the page beneath above page 2's own top banner (18)
    # and the trailer below FILE: (the REL: line 29, the releasing officer 31) are no portions;
    # the unmarked paragraph 2 (12) is reported; so is its DECL OADR (25): OADR came in with EO
    # 12356 in 1982, after the cable's date
    ("cable_trailer.txt",
     [("portion-placement", 10, 51), ("portion-missing", 12, 1), ("portion-placement", 23, 47),
      ("cab-declassify-invalid", 25, 24)],
     [("portion-placement", 10, 51), ("portion-missing", 12, 1), ("banner-missing-top", 18, 1),
      ("portion-missing", 18, 1), ("portion-placement", 23, 47), ("cab-declassify-invalid", 25, 24),
      ("portion-missing", 29, 1), ("portion-missing", 31, 1)]),
])
def test_memo_furniture(name, with_ocr, without_ocr):
    assert _findings(name, ocr=True) == with_ocr
    assert _findings(name, ocr=False) == without_ocr


# A cable page as the scan leaves its foot: stamps under the bottom banner (a microfilm stamp
# garbled to `MICED CCY`), which are no portions; a numbered paragraph there would be the text's
# own, and the banner above it no bottom banner.
CABLE_FOOT = ("SECRET\n\n271448Z FEB 80\n\n1. ABOVE IDENS ARRIVED MADRID FROM CUBA ON SAME DAY AS SUBJECT.\n\n"
              "FILE: 201-252234. RVW 27 FEB 00 DRV D9C.1.\n\nEND OF MESSAGE\n\nSECRET\n\nLAcitin\n\nMICED CCY\n")


def test_stamps_below_the_bottom_banner_are_no_portions():
    from archives_support import lint_text

    def found(text):
        return [(f.rule, f.line) for f in lint_text(text, ocr=True, rules="auto").findings]

    assert found(CABLE_FOOT) == [("portion-missing", 5)]
    # the scan ran "LAcitin" into the paragraph below it: one unmarked block
    assert found(CABLE_FOOT.replace("MICED CCY", "2. THE STATION WILL REPORT FURTHER.")) == [
        ("portion-missing", 5), ("portion-missing", 15)]
