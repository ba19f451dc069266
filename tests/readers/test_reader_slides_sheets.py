"""PowerPoint, Excel and OpenDocument text readers: slides and sheets as pages, where banners
and portions come from, locations, hidden slides and sheets, sensitivity labels, master-page
headers, and the marking mistakes briefing decks, workbooks and drafts really carry, with exact
findings."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from format_builders import HeaderFooterTexts
from office_builders import (BLANK, SECTION_HEADER, TITLE_AND_CONTENT, TITLE_ONLY, TITLE_SLIDE, Deck, Sheet, Slide,
                             build_odt, build_pptx, build_xlsx, odt_paragraphs)

from marklint.cli import main
from marklint.document import BlockKind, Region
from marklint.lint import Settings, lint_bytes
from marklint.readers import read_document

L, P, H, TC = BlockKind.LINE, BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.TABLE_CELL
B, HD, FT = Region.BODY, Region.HEADER, Region.FOOTER
CAB = ["Classified By: J. Smith, Director", "Derived From: Multiple Sources", "Declassify On: 20501231"]


def _rewrite_part(data: bytes, name: str, change) -> bytes:
    """The package `data` with its part `name` changed by `change(bytes) -> bytes`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item, change(content) if item.filename == name else content)
    return out.getvalue()


def blocks(doc) -> list[tuple]:
    return [(page.number, block.kind, block.region, block.line, block.text, doc.metadata["locations"][page.number, block.line])
            for page, block in doc.blocks()]


def findings(name: str, data: bytes, **settings) -> list[tuple]:
    result = lint_bytes(name, data, Settings(use_config=False, **settings))
    assert result.error is None
    return [(f.rule, f.page, f.line, f.location) for f in result.findings]


# --- PowerPoint: what is read, and where ------------------------------------------------------

def test_pptx_slides_shapes_tables_groups_pictures_smartart_and_notes():
    deck = build_pptx(Deck([
        Slide(top="SECRET", bottom="SECRET", title="(U) Convoy briefing", subtitle="(U) J3 staff", layout=TITLE_SLIDE),
        Slide(top="SECRET", title="(S) Route", body=["(S) Dawn departure.", "Escort joins."],
              table=[["(U) North", "0600"]], group=["(U) Left box", "Right box"], picture_alt="(U) Route map",
              smartart=["(S) Step one", "Step two"], notes="(U) Stress the timing.", hidden=True,
              footer_placeholder=""),
    ], layout_footer="SECRET"))
    doc = read_document("brief.pptx", deck)
    one, two = "slide 1", "slide 2 (hidden)"
    assert blocks(doc) == [
        (1, L, HD, 1, "SECRET", f'{one}, shape "TextBox 3"'),
        (1, H, B, 2, "(U) Convoy briefing", f'{one}, shape "Title 1"'),
        (1, H, B, 3, "(U) J3 staff", f'{one}, shape "Subtitle 2"'),
        (1, L, FT, 4, "SECRET", f'{one}, shape "TextBox 4"'),
        (2, L, HD, 5, "SECRET", f'{two}, shape "TextBox 2"'),
        (2, H, B, 6, "(S) Route", f'{two}, shape "Title 1"'),
        (2, P, B, 7, "(S) Dawn departure.", f'{two}, shape "TextBox 3"'),
        (2, P, B, 8, "Escort joins.", f'{two}, shape "TextBox 3"'),
        (2, TC, B, 9, "(U) North", f'{two}, table "Table 4" row 1 column 1'),
        (2, TC, B, 10, "0600", f'{two}, table "Table 4" row 1 column 2'),
        (2, P, B, 11, "(U) Left box", f'{two}, shape "TextBox 6" in group "Group 5"'),
        (2, P, B, 12, "Right box", f'{two}, shape "TextBox 7" in group "Group 5"'),
        (2, P, B, 13, "(U) Route map", f'{two}, picture "Picture 8" (alt text)'),
        (2, P, B, 14, "(S) Step one", f'{two}, SmartArt "Diagram 90"'),
        (2, P, B, 15, "Step two", f'{two}, SmartArt "Diagram 90"'),
        (2, P, B, 16, "(U) Stress the timing.", f"{two}, speaker notes"),
        # the slide shows a footer placeholder without text of its own: the layout's text
        (2, L, FT, 17, "SECRET", f'{two}, shape "Footer Placeholder 90"'),
    ]
    assert doc.metadata["notices"] == ["slide 2 is hidden (linted like the others)"]
    assert doc.format == "pptx" and doc.source is None


def test_pptx_layout_footer_not_shown_without_the_slides_placeholder_and_master_text_box_counts():
    """The layout's footer placeholder shows only on slides that carry one; a text box on the
    slide master shows on every slide."""
    deck = build_pptx(Deck([Slide(body=["(U) Text."], layout=BLANK)], master_top="UNCLASSIFIED",
                           layout_footer="UNCLASSIFIED"))
    assert blocks(read_document("d.pptx", deck)) == [
        (1, L, HD, 1, "UNCLASSIFIED", 'slide 1, slide master, shape "Banner 70"'),
        (1, P, B, 2, "(U) Text.", 'slide 1, shape "TextBox 1"'),
    ]


def test_pptx_speaker_notes_can_be_skipped():
    deck = build_pptx(Deck([Slide(top="SECRET", bottom="SECRET", body=["(S) Text.", *CAB], notes="Unmarked note.",
                                  layout=BLANK)]))
    assert findings("d.pptx", deck) == [("portion-missing", 1, 6, "slide 1, speaker notes")]
    assert findings("d.pptx", deck, skip_speaker_notes=True) == []


# --- PowerPoint: correct decks and each mistake ------------------------------------------------

def _deck(*slides: Slide, **deck) -> bytes:
    title = Slide(top="SECRET", bottom="SECRET", title="(U) Convoy briefing", subtitle="(U) J3 staff",
                  layout=TITLE_SLIDE)
    closing = Slide(top="SECRET", bottom="SECRET", body=["(S) Next steps.", *CAB], layout=BLANK)
    return build_pptx(Deck([title, *slides, closing], **deck))


ROUTE = Slide(top="SECRET", bottom="SECRET", title="(S) Route", body=["(S) Dawn departure.", "(U) Escort joins."],
              table=[["(U) North", "(S) At 06:00"]], picture_alt="(U) Route map", layout=TITLE_ONLY)


def test_pptx_correct_deck_has_no_findings():
    section = Slide(top="SECRET", bottom="SECRET", title="(U) Part two", layout=SECTION_HEADER)
    assert findings("brief.pptx", _deck(ROUTE, section)) == []


@pytest.mark.parametrize(("slide", "expected"), [
    # a slide copied from another deck keeps its old banner
    (Slide(top="CONFIDENTIAL", bottom="CONFIDENTIAL", body=["(S) Copied slide."], layout=BLANK),
     [("banner-under-classified", 2, 5, 'slide 2, shape "TextBox 1"')]),
    # a text box added late has no portion mark
    (Slide(top="SECRET", bottom="SECRET", body=["(S) Marked.", "Added late."], layout=BLANK),
     [("portion-missing", 2, 7, 'slide 2, shape "TextBox 3"')]),
    # the bottom banner is missing
    (Slide(top="SECRET", body=["(S) No footer."], layout=BLANK),
     [("banner-missing-bottom", 2, 6, 'slide 2, shape "TextBox 2"')]),
    # an untitled title, a table cell and a picture's alt text without marks
    (Slide(top="SECRET", bottom="SECRET", title="Route", table=[["(U) North", "0600"]], picture_alt="Route map",
           layout=TITLE_AND_CONTENT),
     [("portion-missing", 2, 6, 'slide 2, shape "Title 1"'),
      ("portion-missing", 2, 8, 'slide 2, table "Table 5" row 1 column 2'),
      ("portion-missing", 2, 9, 'slide 2, picture "Picture 6" (alt text)')]),
])
def test_pptx_mistakes(slide, expected):
    assert findings("brief.pptx", _deck(slide)) == expected


def test_pptx_titles_need_marks_as_the_rule_set_says(tmp_path):
    """Titles (title slides and section headers included) are headings: the rule set's
    `portions.blocks` decides whether they need marks."""
    untitled = Slide(top="SECRET", bottom="SECRET", title="Part two", layout=SECTION_HEADER)
    assert findings("brief.pptx", _deck(untitled)) == [("portion-missing", 2, 6, 'slide 2, shape "Title 1"')]
    rules = tmp_path / "no-titles.yaml"
    rules.write_text("extends: us-cnsi\nportions:\n  blocks: [paragraph, subject, list-item, table-cell]\n")
    assert findings("brief.pptx", _deck(untitled), rules=str(rules)) == []


def test_pptx_slide_that_hides_background_graphics_loses_the_master_banner():
    deck = Deck([Slide(body=["(S) Shown."], layout=BLANK), Slide(body=["(S) Hidden master."], layout=BLANK)],
                master_top="SECRET")
    data = _rewrite_part(build_pptx(deck), "ppt/slides/slide2.xml",
                         lambda xml: xml.replace(b"<p:sld ", b'<p:sld showMasterSp="0" ', 1))
    doc = read_document("d.pptx", data)
    assert [(page.number, b.kind, b.text) for page, b in doc.blocks()] == [
        (1, L, "SECRET"), (1, P, "(S) Shown."), (2, P, "(S) Hidden master."),
    ]


def test_pptx_title_slide_carries_the_highest_slide():
    """A TOP SECRET slide under a SECRET title slide: the deck's overall banner is too low."""
    top_secret = Slide(top="TOP SECRET", bottom="TOP SECRET", body=["(TS) The source."], layout=BLANK)
    assert findings("brief.pptx", _deck(top_secret)) == [("banner-under-classified", 1, 1, 'slide 1, shape "TextBox 3"')]


def test_pptx_hidden_slide_is_linted_and_named():
    hidden = Slide(top="SECRET", bottom="SECRET", body=["Unmarked."], hidden=True, layout=BLANK)
    result = lint_bytes("brief.pptx", _deck(hidden), Settings(use_config=False))
    assert [(f.rule, f.page, f.location) for f in result.findings] == [
        ("portion-missing", 2, 'slide 2 (hidden), shape "TextBox 3"')]
    assert result.notices == ["slide 2 is hidden (linted like the others)"]


@pytest.mark.parametrize(("label", "expected"), [
    ("Secret", []),
    ("General", []),
    ("Top Secret", [("sensitivity-label-mismatch", 1, 1, 'slide 1, shape "TextBox 3"')]),
])
def test_pptx_sensitivity_label_against_banner(label, expected):
    assert findings("brief.pptx", _deck(labels={"3a5c1d2e-0000-4000-8000-000000000001": label})) == expected


# --- Excel -------------------------------------------------------------------------------------

def test_xlsx_sheets_headers_cells_and_variants():
    workbook = build_xlsx([
        Sheet("Budget", {"A1": "(S) Convoy costs", "B2": 1200, "A3": "Totals", "C3": "=1+1"},
              header="SECRET", footer="SECRET"),
        Sheet("Annex", {"C4": "(TS) Escort"}, header="&LPage &P&CTOP SECRET", footer="TOP SECRET",
              first_header="TOP SECRET", first_footer="TOP SECRET", even_header="SECRET", state="hidden"),
    ])
    doc = read_document("book.xlsx", workbook)
    annex = "sheet 'Annex' (hidden)"
    assert blocks(doc) == [
        (1, L, HD, 1, "SECRET", "sheet 'Budget', header"),
        (1, TC, B, 2, "(S) Convoy costs", "sheet 'Budget', cell A1"),
        (1, L, B, 3, "Totals", "sheet 'Budget', cell A3"),
        (1, L, FT, 4, "SECRET", "sheet 'Budget', footer"),
        (2, L, HD, 5, "TOP SECRET", f"{annex}, header (first page)"),
        (2, TC, B, 6, "(TS) Escort", f"{annex}, cell C4"),
        (2, L, FT, 7, "TOP SECRET", f"{annex}, footer (first page)"),
    ]
    assert [(v.label, v.lines, v.pages) for v in doc.metadata["hf_variants"]] == [
        ("sheet 'Budget', header", ["SECRET"], [1]),
        ("sheet 'Budget', footer", ["SECRET"], [1]),
        (f"{annex}, header (odd pages)", ["TOP SECRET"], []),
        (f"{annex}, footer (odd pages)", ["TOP SECRET"], []),
        (f"{annex}, header (first page)", ["TOP SECRET"], [2]),
        (f"{annex}, footer (first page)", ["TOP SECRET"], [2]),
        (f"{annex}, header (even pages)", ["SECRET"], []),
        (f"{annex}, footer (even pages)", [], []),
    ]
    assert doc.metadata["notices"] == ["sheet 'Annex' is hidden (linted like the others)"]


def test_xlsx_cells_without_references_are_placed_by_order():
    book = _rewrite_part(build_xlsx([Sheet("Budget", {"A1": "(U) a", "A3": 7, "C3": "(S) b"})]), "xl/worksheets/sheet1.xml",
                         lambda xml: xml.replace(b' r="A3"', b"").replace(b' r="C3"', b"").replace(b'<row r="3"', b"<row"))
    doc = read_document("book.xlsx", book)
    assert [(b.text, doc.metadata["locations"][1, b.line]) for _, b in doc.blocks()] == [
        ("(U) a", "sheet 'Budget', cell A1"), ("(S) b", "sheet 'Budget', cell B2")]


@pytest.mark.parametrize(("code", "lines"), [
    ("&CSECRET//NOFORN", ["SECRET//NOFORN"]),
    ('&L&"Arial,Bold"&14SECRET&"Arial,Regular"&CPage &P of &N&R&KFF0000SECRET', ["SECRET", "SECRET"]),
    ("SECRET", ["SECRET"]),  # no section code: the centre
    ("&CR&&D budget", []),
    ("&CSECRET\nPage &P", ["SECRET"]),
])
def test_xlsx_header_codes(code, lines):
    from marklint.readers.xlsx import header_footer_lines

    assert header_footer_lines(code) == lines


BUDGET = {"A1": "(S) Convoy costs", "B1": 1200, "A2": "(U) Fuel", "B2": 300,
          "A4": CAB[0], "A5": CAB[1], "A6": CAB[2]}


def test_xlsx_correct_workbook_has_no_findings():
    assert findings("book.xlsx", build_xlsx([
        Sheet("Budget", BUDGET, header="SECRET", footer="SECRET"),
        Sheet("Fuel", {"A1": "(U) Diesel", "B1": 40}, header="UNCLASSIFIED", footer="UNCLASSIFIED"),
    ])) == []


@pytest.mark.parametrize(("sheet", "expected"), [
    # a sheet's footer is missing
    (Sheet("Annex", {"A1": "(S) Escort"}, header="SECRET"),
     [("banner-missing-bottom", 2, 9, "sheet 'Annex', cell A1")]),
    # a sheet copied from another workbook keeps its old banner
    (Sheet("Annex", {"A1": "(S) Escort"}, header="CONFIDENTIAL", footer="CONFIDENTIAL"),
     [("banner-under-classified", 2, 8, "sheet 'Annex', header")]),
    # the even-page footer has no banner, the first-page header a wrong one (over a footer that is
    # the overall banner: the header is the slip, reported once)
    (Sheet("Annex", {"A1": "(S) Escort"}, header="SECRET", footer="SECRET", even_header="SECRET", even_footer="",
           first_header="CONFIDENTIAL", first_footer="SECRET"),
     [("header-footer-banner", None, 1, None), ("banner-under-classified", 2, 8, "sheet 'Annex', header (first page)")]),
    # a hidden sheet marked higher than the workbook
    (Sheet("Annex", {"A1": "(TS) Escort"}, header="TOP SECRET", footer="TOP SECRET", state="veryHidden"),
     [("banner-under-classified", 1, 1, "sheet 'Budget', header")]),
    # a malformed cell mark
    (Sheet("Annex", {"A1": "(S//NOFRON) Escort"}, header="SECRET", footer="SECRET"),
     [("marking-unknown-token", 2, 9, "sheet 'Annex', cell A1")]),
])
def test_xlsx_mistakes(sheet, expected):
    workbook = build_xlsx([Sheet("Budget", BUDGET, header="SECRET", footer="SECRET"), sheet])
    assert findings("book.xlsx", workbook) == expected


def test_xlsx_variant_messages_name_the_sheet():
    workbook = build_xlsx([Sheet("Budget", BUDGET, header="SECRET", footer="SECRET", even_header="", even_footer="SECRET")])
    result = lint_bytes("book.xlsx", workbook, Settings(use_config=False))
    assert [f.message for f in result.findings] == ["sheet 'Budget', header (even pages) has no banner"]


def test_xlsx_sensitivity_label_against_banner():
    workbook = build_xlsx([Sheet("Budget", BUDGET, header="SECRET", footer="SECRET")],
                          labels={"3a5c1d2e-0000-4000-8000-000000000001": "Confidential"})
    assert findings("book.xlsx", workbook) == [("sensitivity-label-mismatch", 1, 1, "sheet 'Budget', header")]


# --- OpenDocument text ------------------------------------------------------------------------

def test_odt_paragraphs_lists_tables_and_master_page_variants():
    body = (odt_paragraphs(["# (U) Convoy", "(S) The convoy leaves.", "- (U) First leg"])
            + "<table:table><table:table-row><table:table-cell><text:p>(U) North</text:p></table:table-cell>"
            "<table:table-cell><text:p>(S) At 06:00</text:p><text:p>  then west</text:p></table:table-cell>"
            "</table:table-row></table:table>"
            + odt_paragraphs(['(U) Page<text:s text:c="2"/>two<text:note><text:note-body><text:p>(TS) Note.</text:p>'
                              "</text:note-body></text:note>.", '<text:span text:style-name="x">(U) Span.</text:span>'],
                             style="Break")
            + odt_paragraphs(["(S//NF) Annex."], style="ToOther"))
    odt = build_odt(body, {
        "Standard": HeaderFooterTexts(header="SECRET", footer="SECRET", first_header="SECRET", even_footer=""),
        "Other": HeaderFooterTexts(header="SECRET//NOFORN", footer="SECRET//NOFORN"),
    })
    doc = read_document("memo.odt", odt)
    LI = BlockKind.LIST_ITEM
    assert [(page.number, b.kind, b.region, b.line, b.column, b.text, b.continuation_columns, b.label)
            for page, b in doc.blocks()] == [
        (1, L, HD, 1, 1, "SECRET", (), "header (first page), page style 'Standard'"),
        (1, H, B, 1, 1, "(U) Convoy", (), None),
        (1, P, B, 2, 1, "(S) The convoy leaves.", (), None),
        (1, LI, B, 3, 1, "(U) First leg", (), None),
        (1, TC, B, 4, 1, "(U) North", (), None),
        (1, TC, B, 5, 1, "(S) At 06:00\nthen west", (3,), None),
        (1, L, FT, 6, 1, "SECRET", (), "footer, page style 'Standard'"),  # the cell's last paragraph
        (2, L, HD, 7, 1, "SECRET", (), "header, page style 'Standard'"),
        (2, P, B, 7, 1, "(U) Page  two.", (), None),
        (2, P, B, 8, 1, "(U) Span.", (), None),  # even page: the left-page footer has no banner
        (3, L, HD, 9, 1, "SECRET//NOFORN", (), "header, page style 'Other'"),
        (3, P, B, 9, 1, "(S//NF) Annex.", (), None),
        (3, L, FT, 9, 1, "SECRET//NOFORN", (), "footer, page style 'Other'"),
    ]
    assert [(v.label, v.lines, v.pages) for v in doc.metadata["hf_variants"]] == [
        ("header, page style 'Standard'", ["SECRET"], [2]),
        ("header (first page), page style 'Standard'", ["SECRET"], [1]),
        ("footer, page style 'Standard'", ["SECRET"], [1]),
        ("footer (left pages), page style 'Standard'", [], [2]),
        ("header, page style 'Other'", ["SECRET//NOFORN"], [3]),
        ("footer, page style 'Other'", ["SECRET//NOFORN"], [3]),
    ]


ODT_CAB = odt_paragraphs(CAB)


@pytest.mark.parametrize(("masters", "body", "expected"), [
    ({"Standard": HeaderFooterTexts(header="SECRET", footer="SECRET")},
     odt_paragraphs(["(S) The convoy leaves.", "(U) The escort joins."]) + ODT_CAB, []),
    # a paragraph added late has no portion mark
    ({"Standard": HeaderFooterTexts(header="SECRET", footer="SECRET")},
     odt_paragraphs(["(S) The convoy leaves.", "The escort joins."]) + ODT_CAB, [("portion-missing", 1, 2, None)]),
    # the page style has no footer
    ({"Standard": HeaderFooterTexts(header="SECRET")},
     odt_paragraphs(["(S) The convoy leaves."]) + ODT_CAB, [("banner-missing-bottom", 1, 4, None)]),
    # a first-page header nobody sees in a one-page draft is still checked, by name
    ({"Standard": HeaderFooterTexts(header="CONFIDENTIAL", first_header="SECRET", footer="SECRET")},
     odt_paragraphs(["(S) The convoy leaves."]) + ODT_CAB, [("header-footer-banner", None, 1, None)]),
])
def test_odt_mistakes(masters, body, expected):
    assert findings("memo.odt", build_odt(body, masters)) == expected


# --- output: locations, never cell text; fix mode reports only -------------------------------

@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(["--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_json_and_sarif_name_the_place_and_never_the_cell_text(workdir, capsys):
    (workdir / "book.xlsx").write_bytes(build_xlsx([
        Sheet("Budget", {**BUDGET, "C9": "(S//NOFRON) Secret escort cost"}, header="SECRET", footer="SECRET")]))
    code, out, err = run(["book.xlsx"], capsys)
    assert (code, err) == (1, "")
    assert out == (
        "book.xlsx:7:5: MK002 [marking-unknown-token] unknown dissemination control \"NOFRON\"; "
        "did you mean \"NOFORN\"? (sheet 'Budget', cell C9)\n"
        "book.xlsx: 1 page, 1 error, 0 warnings (rule set us-cnsi)\n"
    )
    assert "escort" not in out
    code, out, _ = run(["--format", "json", "book.xlsx"], capsys)
    assert [item["location"] for item in json.loads(out)] == ["sheet 'Budget', cell C9"]
    code, out, _ = run(["--format", "sarif", "book.xlsx"], capsys)
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["locations"][0]["logicalLocations"] == [
        {"name": "cell C9", "fullyQualifiedName": "sheet 'Budget', cell C9", "kind": "element"}]
    assert "escort" not in out


def test_fix_mode_reports_fixes_but_never_rewrites(workdir, capsys):
    data = _deck(Slide(top="SECRET // NOFORN", bottom="SECRET//NOFORN", body=["(S//NF) Text."], layout=BLANK))
    (workdir / "brief.pptx").write_bytes(data)
    code, out, err = run(["--fix", "--select", "marking-syntax", "brief.pptx"], capsys)
    assert (workdir / "brief.pptx").read_bytes() == data
    assert out == (
        "fixed 0 findings in 0 files\n"
        "brief.pptx: note: pptx files are not modified; their fixes are reported only\n"
        'brief.pptx:5:7: MK001 [marking-syntax] no spaces around "//" (S-04) (slide 2, shape "TextBox 1")\n'
        "brief.pptx: 3 pages, 1 error, 0 warnings (rule set us-cnsi)\n"
    )
    assert (code, err) == (1, "")


def test_skip_speaker_notes_option_and_configuration(workdir, capsys):
    deck = build_pptx(Deck([Slide(top="SECRET", bottom="SECRET", body=["(S) Text.", *CAB], notes="Unmarked note.",
                                  layout=BLANK)]))
    for folder in ("read", "skipped"):
        (workdir / folder).mkdir()
        (workdir / folder / "brief.pptx").write_bytes(deck)
    (workdir / "skipped" / ".marklint.yaml").write_text("skip-speaker-notes: true\n")
    assert run(["--quiet", "read/brief.pptx"], capsys) == (
        1, 'read/brief.pptx:6:1: MK301 [portion-missing] paragraph has no portion mark (slide 1, speaker notes)\n', "")
    assert run(["--quiet", "--skip-speaker-notes", "read/brief.pptx"], capsys) == (0, "", "")
    assert run(["--quiet", "skipped/brief.pptx"], capsys) == (0, "", "")


# --- hostile input -----------------------------------------------------------------------------

def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    return _rewrite_part(data, name, lambda _: content)


def _small_deck() -> bytes:
    return build_pptx(Deck([Slide(top="SECRET", body=["(S) Text."], layout=BLANK)]))


def _small_book() -> bytes:
    return build_xlsx([Sheet("Budget", {"A1": "(S) Text."}, header="SECRET")])


def _small_odt(encrypted: bool = False) -> bytes:
    return build_odt(odt_paragraphs(["(S) Text."]), {"Standard": HeaderFooterTexts(header="SECRET")}, encrypted)


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize(("name", "make", "reason"), [
    ("cut.pptx", lambda: _small_deck()[:2000], "not a readable .pptx file (corrupt or truncated: BadZipFile)"),
    ("cut.xlsx", lambda: _small_book()[:2000], "not a readable .xlsx file (corrupt or truncated: BadZipFile)"),
    ("locked.pptx", lambda: OLE, "password-protected or not a .pptx package (an OLE compound file): marklint cannot read it"),
    ("locked.xlsx", lambda: OLE, "password-protected or not a .xlsx package (an OLE compound file): marklint cannot read it"),
    ("bad.pptx", lambda: _replace_part(_small_deck(), "ppt/slides/slide1.xml", b"<p:sld><unclosed>"),
     "not a readable .pptx file (corrupt or truncated: XMLSyntaxError)"),
    ("bad.xlsx", lambda: _replace_part(_small_book(), "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row>"),
     "not a readable .xlsx file (corrupt or truncated: ParseError)"),
    ("word.xlsx", lambda: _small_deck(), "not a readable .xlsx file (corrupt or truncated: OSError)"),
    ("cut.odt", lambda: _small_odt()[:300], "not a readable .odt file (corrupt or truncated: BadZipFile)"),
    ("locked.odt", lambda: _small_odt(encrypted=True), "password-protected .odt file: marklint cannot read it"),
    ("bad.odt", lambda: _replace_part(_small_odt(), "content.xml", b"<office:document-content>"),
     "not a readable .odt file (corrupt or truncated: ParseError)"),
    ("sheet.odt", lambda: _small_book(), "not a readable .odt file (corrupt or truncated: KeyError)"),
])
def test_bad_office_files_are_one_line_and_exit_2(workdir, capsys, name, make, reason):
    (workdir / name).write_bytes(make())
    (workdir / "control.txt").write_text("SECRET\n\nNo mark.\n\nSECRET\n")
    code, out, err = run(["--quiet", "--select", "portion-missing", name, "control.txt"], capsys)
    assert (code, out, err) == (2, "control.txt:3:1: MK301 [portion-missing] paragraph has no portion mark\n",
                                f"marklint: {name}: {reason}\n")


def test_zip_bomb_and_huge_sheet_are_refused(monkeypatch):
    from marklint.document import InputError
    from marklint.readers import _ooxml, xlsx

    monkeypatch.setattr(_ooxml, "MAX_UNPACKED", 1000)
    with pytest.raises(InputError, match=r"^the \.pptx would unpack to [\d,]+ bytes \(limit 1,000\)$"):
        read_document("big.pptx", _small_deck())
    with pytest.raises(InputError, match=r"^the \.odt would unpack to [\d,]+ bytes \(limit 1,000\)$"):
        read_document("big.odt", _small_odt())
    monkeypatch.setattr(_ooxml, "MAX_UNPACKED", 500_000_000)
    monkeypatch.setattr(xlsx, "MAX_CELLS", 3)
    book = build_xlsx([Sheet("Budget", {"A1": "(U) a", "A2": 1, "A3": 2}), Sheet("Big", {"A1": 1})])
    with pytest.raises(InputError, match=r"^the workbook has more than 3 cells \(limit; at sheet 'Big'\)$"):
        read_document("big.xlsx", book)


@pytest.mark.parametrize(("module", "name", "extra"), [("pptx", "d.pptx", "pptx"), ("openpyxl", "d.xlsx", "xlsx")])
def test_missing_library_says_what_to_install(monkeypatch, module, name, extra):
    import sys

    from marklint.document import InputError

    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(InputError, match=rf"pip install 'marklint\[{extra}\]'$"):
        read_document(name, b"PK\x03\x04")


def test_pptx_line_breaks_within_a_paragraph_are_lines():
    # an authority block typed with Shift+Enter is one paragraph of three lines: a finding on
    # one of them is at its own line's column
    block = ["Classified By: J. Smith, Director", "Reason: 1.4(c)", "Declassify On: 20501231"]
    closing = Slide(top="SECRET", bottom="SECRET", body=["(S) Next steps.", "\n".join(block)], layout=BLANK)
    assert findings("brief.pptx", build_pptx(Deck([closing]))) == []
    wrong = Slide(top="SECRET", bottom="SECRET", body=["(S) Next steps.", "\n".join(block).replace("1.4(c)", "1.4(i)")],
                  layout=BLANK)
    result = lint_bytes("brief.pptx", build_pptx(Deck([wrong])), Settings(use_config=False))
    assert [(f.rule, f.column) for f in result.findings] == [("cab-reason-invalid", 9)]
