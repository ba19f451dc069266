"""Every format through the whole pipeline: the same logical document gives the same findings,
and each format's own fixtures (correct, missing banner, under-classified, missing portion mark,
markings in code) give exactly the expected findings."""

from __future__ import annotations

import re

import pytest
from format_builders import HeaderFooterTexts, WordSection, build_docx, build_eml, build_pdf
from office_builders import BLANK, Deck, Sheet, Slide, build_odt, build_pptx, build_xlsx, odt_paragraphs

from marklint.cli import main
from marklint.lint import Settings, lint_bytes

CAB = ["Classified By: J. Smith, Director", "Derived From: Multiple Sources", "Declassify On: 20501231"]
PAGE1 = ["(S) The convoy leaves at dawn.", "The escort meets it at the bridge."]  # the second is unmarked
PAGE2 = ["(S) The return trip is on Friday."]
PAGE3 = ["(S) The third page is bannered too low."]


def findings(name: str, data: bytes, **settings) -> list[tuple[str, int | None, int, int]]:
    """(slug, page, line, column) of every finding not suppressed, in report order."""
    result = lint_bytes(name, data, Settings(use_config=False, **settings))
    assert result.error is None
    return [(f.rule, f.page, f.line, f.column) for f in result.findings if f.suppression is None]


# --- one logical document in every format -------------------------------------------------
# Page 1 is correct but for an unmarked paragraph; page 2 has no bottom banner; page 3 is
# bannered CONFIDENTIAL over a SECRET portion.

def _text(separator: str, banner=lambda b: b, code: str = "") -> str:
    return separator.join([
        f"{banner('SECRET')}\n\n" + "\n\n".join(PAGE1) + f"\n\n{banner('SECRET')}\n",
        f"{banner('SECRET')}\n\n" + "\n\n".join(PAGE2) + "\n\n" + "\n".join(CAB) + "\n",
        f"{banner('CONFIDENTIAL')}\n\n" + "\n\n".join(PAGE3) + code + f"\n\n{banner('CONFIDENTIAL')}\n",
    ])


def _html() -> str:
    def page(top, paragraphs, bottom, last=False):
        style = "" if last else ' style="page-break-after: always"'
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        foot = f'<p align="center">{bottom}</p>\n' if bottom else ""
        return f'<div{style}>\n<p align="center">{top}</p>\n{body}{foot}</div>\n'
    return ("<html><body>\n" + page("SECRET", PAGE1, "SECRET")
            + page("SECRET", PAGE2 + ["<br>".join(CAB)], None)
            + page("CONFIDENTIAL", PAGE3, "CONFIDENTIAL", last=True) + "</body></html>\n")


def _docx() -> bytes:
    return build_docx([
        WordSection(PAGE1 + PAGE2 + CAB, first_header="SECRET", first_footer="SECRET",
                    header="SECRET", footer="", page_breaks_before={2}),
        WordSection(PAGE3, header="CONFIDENTIAL", footer="CONFIDENTIAL"),
    ])


def _pdf() -> bytes:
    return build_pdf([
        ["SECRET", *PAGE1, "SECRET"],
        ["SECRET", *PAGE2, "\n".join(CAB)],
        ["CONFIDENTIAL", *PAGE3, "CONFIDENTIAL"],
    ])


def _pptx() -> bytes:
    return build_pptx(Deck([
        Slide(top="SECRET", body=PAGE1, bottom="SECRET", layout=BLANK),
        Slide(top="SECRET", body=PAGE2 + CAB, layout=BLANK),
        Slide(top="CONFIDENTIAL", body=PAGE3, bottom="CONFIDENTIAL", layout=BLANK),
    ]))


def _xlsx() -> bytes:
    return build_xlsx([
        Sheet("One", {f"A{row}": text for row, text in enumerate(PAGE1, 1)}, header="SECRET", footer="SECRET"),
        Sheet("Two", {f"A{row}": text for row, text in enumerate(PAGE2 + CAB, 1)}, header="SECRET"),
        Sheet("Three", {"B2": PAGE3[0]}, header="CONFIDENTIAL", footer="CONFIDENTIAL"),
    ])


def _odt() -> bytes:
    body = odt_paragraphs(PAGE1) + odt_paragraphs(PAGE2 + CAB, style="Break") + odt_paragraphs(PAGE3, style="ToOther")
    return build_odt(body, {
        "Standard": HeaderFooterTexts(header="SECRET", footer="", first_footer="SECRET"),
        "Other": HeaderFooterTexts(header="CONFIDENTIAL", footer="CONFIDENTIAL"),
    })


SAME_DOCUMENT = {
    "report.txt": lambda: _text("\f").encode(),
    "report.md": lambda: _text("\n\\newpage\n\n", lambda b: f"**{b}**").encode(),
    "report.rst": lambda: _text("\n.. raw:: pdf\n\n   PageBreak\n\n").encode(),
    "report.adoc": lambda: _text("\n<<<\n\n").encode(),
    "report.html": lambda: _html().encode(),
    "report.docx": _docx,
    "report.pdf": _pdf,
    "report.pptx": _pptx,
    "report.odt": _odt,
}
EXPECTED_SAME = {
    ("portion-missing", 1),
    ("banner-missing-bottom", 2),
    ("banner-under-classified", 3),
}


@pytest.mark.parametrize("name", sorted(SAME_DOCUMENT))
def test_same_document_same_findings_in_every_format(name):
    found = findings(name, SAME_DOCUMENT[name]())
    assert {(slug, page) for slug, page, _, _ in found} == EXPECTED_SAME
    assert len(found) == len(EXPECTED_SAME)


def test_same_document_as_a_workbook_lacks_only_the_unmarked_paragraph():
    """Cells need no portion marks (a sheet of figures has no paragraphs), so the unmarked
    paragraph is no finding in a workbook; every other finding is the same."""
    found = findings("report.xlsx", _xlsx())
    assert {(slug, page) for slug, page, _, _ in found} == EXPECTED_SAME - {("portion-missing", 1)}
    assert len(found) == len(EXPECTED_SAME) - 1


def test_same_document_positions_per_format():
    """Positions are each format's own: source lines, paragraph numbers, lines of a PDF page."""
    assert findings("report.txt", SAME_DOCUMENT["report.txt"]()) == [
        ("portion-missing", 1, 5, 1), ("banner-missing-bottom", 2, 14, 1),
        ("banner-under-classified", 3, 15, 2),
    ]
    assert findings("report.docx", _docx()) == [
        ("portion-missing", 1, 2, 1), ("banner-missing-bottom", 2, 7, 1),
        ("banner-under-classified", 3, 9, 1),
    ]
    assert findings("report.odt", _odt()) == [  # paragraph numbers, as for Word
        ("portion-missing", 1, 2, 1), ("banner-missing-bottom", 2, 6, 1),
        ("banner-under-classified", 3, 7, 1),
    ]
    assert findings("report.pptx", _pptx()) == [  # lines of text numbered through the deck
        ("portion-missing", 1, 3, 1), ("banner-missing-bottom", 2, 9, 1),
        ("banner-under-classified", 3, 10, 1),
    ]
    assert findings("report.pdf", _pdf()) == [
        ("banner-under-classified", 3, 1, 1),
        ("portion-missing", 1, 7, 1), ("banner-missing-bottom", 2, 9, 1),
    ]


# --- correct documents, and markings inside code that must be ignored ---------------------

CODE = {
    "md": "\n\n```\nTOP SECRET\n\n(TS) an example in a fenced block\n```\n\n    (TS) an indented code block\n\n(U) Run `(TS)` inline.",
    "rst": "\n\n.. code-block:: text\n\n   TOP SECRET\n\n   (TS) an example\n\n(U) An example::\n\n   (TS) a literal block",
    "adoc": "\n\n----\nTOP SECRET\n\n(TS) an example\n----",
    "html": "\n\n<pre>\nTOP SECRET\n\n(TS) an example\n</pre>\n<p>(U) Run <code>(TS)</code> inline.</p>",
}
CODE_UNFENCED = {
    "md": "\n\n(TS) an example that is not in a code block",
    "rst": "\n\n(TS) an example that is not in a code block",
    "adoc": "\n\n(TS) an example that is not in a code block",
    "html": "\n\n<p>(TS) an example that is not in a code block</p>",
}


def _correct(ext: str, code: str) -> str:
    pages = [
        "SECRET\n\n" + "\n\n".join([PAGE1[0], "(U) The escort meets it at the bridge."]) + code + "\n\nSECRET\n",
        "SECRET\n\n" + PAGE2[0] + "\n\n" + "\n".join(CAB) + "\n\nSECRET\n",
    ]
    if ext == "html":
        blocks = [[line for line in page.split("\n\n") if line.strip()] for page in pages]
        return "<html><body>\n" + '<div style="page-break-after: always"></div>\n'.join(
            "".join(b if b.startswith("<") or b.startswith("\n<") else f"<p>{b}</p>\n" for b in page)
            for page in blocks) + "</body></html>\n"
    separator = {"md": "\n\\newpage\n\n", "rst": "\n.. raw:: pdf\n\n   PageBreak\n\n", "adoc": "\n<<<\n\n"}[ext]
    return separator.join(pages)


@pytest.mark.parametrize("ext", sorted(CODE))
def test_markings_in_code_are_ignored(ext):
    assert findings(f"memo.{ext}", _correct(ext, CODE[ext]).encode()) == []


@pytest.mark.parametrize(("ext", "banner_at"), [("adoc", (1, 1)), ("html", (2, 4)), ("md", (1, 1)), ("rst", (1, 1))])
def test_the_same_marking_outside_code_counts(ext, banner_at):
    found = findings(f"memo.{ext}", _correct(ext, CODE_UNFENCED[ext]).encode())
    assert found == [("banner-under-classified", 1, *banner_at)]


def test_correct_docx_and_pdf_have_no_findings():
    word = build_docx([WordSection([PAGE1[0], "(U) The escort meets it.", *PAGE2, *CAB],
                                   header="SECRET", footer="SECRET", page_breaks_before={2})])
    pdf = build_pdf([["SECRET", PAGE1[0], "SECRET"], ["SECRET", *PAGE2, "\n".join(CAB), "SECRET"]])
    assert findings("memo.docx", word) == []
    assert findings("memo.pdf", pdf) == []


# --- Word: header/footer variants and sensitivity labels ----------------------------------

def test_docx_variant_on_a_known_page_is_checked_there():
    """Odd/even headers: page 2 shows the even header, which has no banner."""
    word = build_docx([WordSection([PAGE1[0], *PAGE2, *CAB], header="SECRET", footer="SECRET",
                                   even_header="", even_footer="", page_breaks_before={1})],
                      even_and_odd=True)
    assert findings("memo.docx", word) == [
        ("banner-missing-top", 2, 3, 1), ("banner-missing-bottom", 2, 6, 1),
    ]


def test_docx_variant_on_no_known_page_is_reported_by_name():
    """One known page: the even-page variants Word shows on page 2 are checked by name."""
    word = build_docx([WordSection([PAGE1[0], *CAB], header="SECRET", footer="SECRET",
                                   even_header="CONFIDENTIAL", even_footer="")], even_and_odd=True)
    result = lint_bytes("memo.docx", word, Settings(use_config=False))
    assert [(f.rule, f.line, f.page, f.message) for f in result.findings] == [
        ("header-footer-banner", 1, None, "footer (even pages), section 1 has no banner"),
        ("header-footer-banner", 1, None,
         "header (even pages), section 1 banner CONFIDENTIAL differs from the overall banner SECRET"),
    ]


@pytest.mark.parametrize(("label", "expected"), [
    ("Top Secret", [("sensitivity-label-mismatch", 1, 1)]),
    ("SECRET//NOFORN", [("sensitivity-label-mismatch", 1, 1)]),
    ("Secret", []),
    ("General", []),
])
def test_docx_sensitivity_label_against_banner(label, expected):
    word = build_docx([WordSection([PAGE1[0], *CAB], header="SECRET", footer="SECRET")],
                      labels={"3a5c1d2e-0000-4000-8000-000000000001": label})
    assert [(slug, page, line) for slug, page, line, _ in findings("memo.docx", word)] == expected


# --- Markdown front matter ----------------------------------------------------------------

BODY = "**SECRET//NOFORN**\n\n(S//NF) The convoy leaves at dawn.\n\n" + "\n".join(CAB) + "\n\n**SECRET//NOFORN**\n"


@pytest.mark.parametrize(("declared", "expected"), [
    ("SECRET//NOFORN", []),
    ("TOP SECRET//NOFORN", [("front-matter-mismatch", 1, 5, 3)]),
    ("SECRET", [("front-matter-mismatch", 1, 5, 3)]),
])
def test_front_matter_classification_must_match_banners(declared, expected):
    text = f"---\ntitle: Convoy\nclassification: {declared}\n---\n" + BODY
    assert findings("memo.md", text.encode()) == expected


def test_front_matter_without_banner_points_at_the_declaration():
    text = "---\nclassification: SECRET\n---\n\nJust notes.\n"
    assert findings("notes.md", text.encode()) == [("front-matter-mismatch", None, 2, 1)]


# --- PDF without a text layer, e-mail -----------------------------------------------------

def test_scanned_pdf_is_a_warning_not_a_crash():
    result = lint_bytes("scan.pdf", build_pdf([[], []], scanned_pages={1, 2}), Settings(use_config=False))
    assert [(f.rule, f.severity.label, f.line, f.message) for f in result.findings] == [
        ("pdf-no-text-layer", "warning", 1,
         "the PDF has no text layer (a scan?); its markings cannot be checked"),
    ]
    assert result.pages == 2


def test_pdf_with_one_scanned_page_names_it():
    """The textless page also shows no banner, and the banner checks say so."""
    pdf = build_pdf([["SECRET", PAGE1[0], "\n".join(CAB), "SECRET"], []], scanned_pages={2})
    assert [(f.rule, f.page, f.message) for f in lint_bytes("mixed.pdf", pdf, Settings(use_config=False)).findings] == [
        ("banner-missing-top", 2, "page 2 has no banner at its top"),
        ("banner-missing-bottom", 2, "page 2 has no banner at its bottom"),
        ("pdf-no-text-layer", None, "page 2 has no text layer (a scan?); its markings cannot be checked"),
    ]


EMAIL_BODY = "SECRET\n\n(S) The convoy leaves at dawn.\n\n/s/ J. Smith\nAnalyst\n\n" + "\n".join(CAB) + "\n\nSECRET\n"


def test_email_correct_and_subject_is_a_portion():
    assert findings("msg.eml", build_eml(EMAIL_BODY)) == []
    assert findings("msg.eml", build_eml(EMAIL_BODY, subject="Weekly report")) == [("portion-missing", 1, 3, 1)]


def test_email_attachment_raises_the_overall_marking():
    attachment = b"TOP SECRET\n\n(TS) The annex.\n\nTOP SECRET\n"
    result = lint_bytes("msg.eml", build_eml(EMAIL_BODY, attachments={"annex.txt": attachment}),
                        Settings(use_config=False))
    assert [(f.rule, f.line, f.message) for f in result.findings] == [
        ("banner-under-classified", 11, "message marked SECRET carries attachment annex.txt marked TOP SECRET (B-10)"),
    ]


# --- bad input and missing extras through the command line --------------------------------

@pytest.mark.parametrize(("name", "data", "message"), [
    ("broken.docx", b"PK\x03\x04 truncated", "not a readable .docx file (corrupt or truncated: "),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<<", "not a readable PDF (corrupt or truncated: "),
])
def test_corrupt_binary_input_exits_2_with_one_line(tmp_path, capsys, name, data, message):
    target = tmp_path / name
    target.write_bytes(data)
    assert main([str(target), "--jobs", "1", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert re.fullmatch(rf"marklint: {re.escape(str(target))}: {re.escape(message)}\w+\)\n", err), err


def test_missing_docx_extra_says_what_to_install(tmp_path, capsys, monkeypatch):
    import sys

    target = tmp_path / "memo.docx"
    target.write_bytes(_docx())
    monkeypatch.setitem(sys.modules, "docx", None)
    assert main([str(target), "--jobs", "1", "--no-cache"]) == 2
    assert capsys.readouterr().err == (
        f"marklint: {target}: reading Word (.docx) files needs an optional dependency: "
        "pip install 'marklint[docx]'\n"
    )


def test_format_in_reads_stdin_as_the_named_format(capsys, monkeypatch):
    import io
    import json
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_docx())))
    assert main(["-", "--format-in", "docx", "--stdin-filename", "draft", "--format", "json"]) == 1
    reported = [(f["path"], f["rule"], f["page"], f["line"]) for f in json.loads(capsys.readouterr().out)]
    assert reported == [
        ("draft", "portion-missing", 1, 2), ("draft", "banner-missing-bottom", 2, 7),
        ("draft", "banner-under-classified", 3, 9),
    ]


def test_email_authority_block_before_the_message_ends():
    early = "SECRET\n\n" + "\n".join(CAB) + "\n\n(S) The convoy leaves at dawn.\n\n/s/ J. Smith\n\nSECRET\n"
    message = build_eml(early)
    cab_line = message.decode().split("\n").index(CAB[0]) + 1
    result = lint_bytes("msg.eml", message, Settings(use_config=False))
    assert [(f.rule, f.line, f.column, f.page) for f in result.findings] == [
        ("email-authority-placement", cab_line, 1, 1),
    ]
    assert findings("msg.eml", build_eml(EMAIL_BODY)) == []


@pytest.mark.parametrize(("ext", "comment"), [
    ("md", "<!-- {} -->"), ("html", "<!-- {} -->"), ("rst", ".. {}"), ("adoc", "// {}"),
])
def test_suppression_comments_work_in_every_markup(ext, comment):
    directive = comment.format("marklint: disable-next-line portion-missing -- quoted exhibit")
    body = f"(S) Marked.\n\n{directive}\nUnmarked exhibit.\n\n" + "\n".join(CAB)
    if ext == "html":
        body = body.replace("(S) Marked.", "<p>(S) Marked.</p>").replace("Unmarked exhibit.", "<p>Unmarked exhibit.</p>")
        body = body.replace("\n".join(CAB), "<p>" + "<br>\n".join(CAB) + "</p>")
    text = f"SECRET\n\n{body}\n\nSECRET\n"
    assert findings(f"memo.{ext}", text.encode()) == []
    assert findings(f"memo.{ext}", text.replace(directive, "").encode()) == [("portion-missing", 1, 6, 1 + 3 * (ext == "html"))]


def test_email_attachment_controls_join_the_overall_marking():
    attachment = b"SECRET//NOFORN\n\n(S//NF) The annex.\n\nSECRET//NOFORN\n"
    result = lint_bytes("msg.eml", build_eml(EMAIL_BODY, attachments={"annex.txt": attachment}),
                        Settings(use_config=False))
    assert [(f.rule, f.line, f.message) for f in result.findings] == [
        ("banner-rollup", 11, "message marked SECRET lacks NOFORN that attachment annex.txt carries (SECRET//NOFORN) (B-10)"),
    ]
    same = b"SECRET\n\n(S) The annex.\n\nSECRET\n"
    assert findings("msg.eml", build_eml(EMAIL_BODY, attachments={"annex.txt": same})) == []


# --- tables marked by their caption -------------------------------------------------------

def _word_table(caption: str, cells: list[list[str]]) -> bytes:
    import io

    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "SECRET"
    document.sections[0].footer.paragraphs[0].text = "SECRET"
    document.add_paragraph("(S) The depots report their stocks monthly.")
    document.add_paragraph(caption)
    table = document.add_table(rows=len(cells), cols=len(cells[0]))
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for line in CAB:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


STOCKS = [["Depot", "Stock"], ["North", "310,000"], ["South", "120,000"]]


def test_a_table_is_marked_by_its_caption_in_every_format():
    """P-01: a captioned table none of whose cells is marked is marked by its caption, with the
    caption's mark first (P-02) or after its number."""
    assert findings("memo.docx", _word_table("(S) Table 1. Stocks by depot", STOCKS)) == []
    assert findings("memo.docx", _word_table("Table 1. (S) Stocks by depot", STOCKS)) == []
    html = ("<p>SECRET</p><p>(S) The depots report their stocks monthly.</p><p>(S) Table 1. Stocks by depot</p>"
            "<table><tr><td>Depot</td><td>Stock</td></tr><tr><td>North</td><td>310,000</td></tr></table>"
            + "".join(f"<p>{line}</p>" for line in CAB) + "<p>SECRET</p>")
    assert findings("memo.html", html.encode()) == []


def test_an_unmarked_caption_is_one_finding_and_a_table_with_marked_cells_is_judged_cell_by_cell():
    assert [f[:3] for f in findings("memo.docx", _word_table("Table 1. Stocks by depot", STOCKS))] == [
        ("portion-missing", 1, 2)]
    marked_cells = [["(U) Depot", "(U) Stock"], *STOCKS[1:]]
    assert [f[0] for f in findings("memo.docx", _word_table("(S) Table 1. Stocks by depot", marked_cells))] == [
        "portion-missing"] * 4
