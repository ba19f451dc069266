"""DOCX, PDF and e-mail readers: pages, paragraph numbers, header/footer variants, metadata."""

from __future__ import annotations

import io
import zipfile

import pytest
from format_builders import WordSection, build_docx, build_eml, build_pdf

from marklint.document import BlockKind, InputError, Region
from marklint.readers import read_document

L, P, H, LI, TC, S = (BlockKind.LINE, BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM,
                      BlockKind.TABLE_CELL, BlockKind.SUBJECT)


def blocks(doc) -> list[tuple]:
    return [(page.number, block.kind, block.region, block.line, block.column, block.text, block.label)
            for page, block in doc.blocks()]


def test_docx_paragraph_numbers_kinds_tables_and_header_variants():
    word = build_docx([
        WordSection(["# (U) Convoy", "(S) The convoy leaves.", "- (U) First leg", [["(U) North", "(S) 0600"]],
                     "(U) Page two."],
                    first_header="SECRET", first_footer="SECRET", header="SECRET", footer="SECRET",
                    page_breaks_before={4}),
        WordSection(["(U) Section two."], header="SECRET//NOFORN", footer="SECRET//NOFORN"),
    ])
    doc = read_document("memo.docx", word)
    first, default, second = "(first page), section 1", ", section 1", ", section 2"
    assert blocks(doc) == [
        (1, L, Region.HEADER, 1, 1, "SECRET", f"header {first}"),
        (1, H, Region.BODY, 1, 1, "(U) Convoy", None),
        (1, P, Region.BODY, 2, 1, "(S) The convoy leaves.", None),
        (1, LI, Region.BODY, 3, 1, "(U) First leg", None),
        (1, TC, Region.BODY, 4, 1, "(U) North", None),
        (1, TC, Region.BODY, 5, 1, "(S) 0600", None),
        (1, L, Region.FOOTER, 5, 1, "SECRET", f"footer {first}"),
        (2, L, Region.HEADER, 7, 1, "SECRET", f"header{default}"),  # paragraph 6 holds the break
        (2, P, Region.BODY, 7, 1, "(U) Page two.", None),
        (2, L, Region.FOOTER, 7, 1, "SECRET", f"footer{default}"),  # paragraph 8 ends section 1
        (3, L, Region.HEADER, 9, 1, "SECRET//NOFORN", f"header{second}"),
        (3, P, Region.BODY, 9, 1, "(U) Section two.", None),
        (3, L, Region.FOOTER, 9, 1, "SECRET//NOFORN", f"footer{second}"),
    ]
    assert [(v.label, v.lines, v.pages) for v in doc.metadata["hf_variants"]] == [
        ("header, section 1", ["SECRET"], [2]),
        ("footer, section 1", ["SECRET"], [2]),
        ("header (first page), section 1", ["SECRET"], [1]),
        ("footer (first page), section 1", ["SECRET"], [1]),
        ("header, section 2", ["SECRET//NOFORN"], [3]),
        ("footer, section 2", ["SECRET//NOFORN"], [3]),
    ]
    assert doc.source is None and doc.format == "docx"


def _docx_with_xml_breaks() -> bytes:
    """Word's own page-break records: a rendered break right after a manual one (one page), a
    manual break after text in the same paragraph, and a continuous section break (no page)."""
    docx = pytest.importorskip("docx")
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("(U) One.").add_run().add_break(WD_BREAK.PAGE)
    rendered = document.add_paragraph("(U) Two.")
    rendered.runs[0]._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    document.add_paragraph("(U) Still two.")
    document.add_section(WD_SECTION.CONTINUOUS)
    document.add_paragraph("(U) Continuous section, same page.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_page_breaks_collapse_and_continuous_sections_keep_the_page():
    doc = read_document("breaks.docx", _docx_with_xml_breaks())
    assert [(page.number, [b.text for b in page.blocks]) for page in doc.pages] == [
        (1, ["(U) One."]),
        (2, ["(U) Two.", "(U) Still two.", "(U) Continuous section, same page."]),
    ]


def test_docx_sensitivity_labels_only_enabled_ones():
    from marklint.readers.docx import sensitivity_labels

    word = build_docx([WordSection(["(U) Text."])], labels={"aaaa": "Secret", "bbbb": "General"})
    assert read_document("l.docx", word).metadata["sensitivity_labels"] == ["Secret", "General"]
    source = zipfile.ZipFile(io.BytesIO(word))  # the same file with the first label disabled
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/custom.xml":
                data = data.replace(b"<vt:lpwstr>true</vt:lpwstr>", b"<vt:lpwstr>false</vt:lpwstr>", 1)
            target.writestr(item, data)
    assert sensitivity_labels(out.getvalue()) == ["General"]


def test_docx_that_is_a_zip_but_not_word_is_an_input_error():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match=r"^not a readable \.docx file \(corrupt or truncated: "):
        read_document("fake.docx", out.getvalue())


def test_pdf_pages_lines_and_banner_candidates():
    pdf = build_pdf([["SECRET", "(S) The convoy leaves.", "(U) Second.", "SECRET"], ["SECRET", "(U) Two.", "SECRET"]])
    doc = read_document("memo.pdf", pdf)
    assert [(p, k, line, text) for p, k, _, line, _, text, _ in blocks(doc)] == [
        (1, L, 1, "SECRET"), (1, P, 4, "(S) The convoy leaves."), (1, P, 7, "(U) Second."), (1, L, 10, "SECRET"),
        (2, L, 1, "SECRET"), (2, P, 4, "(U) Two."), (2, L, 7, "SECRET"),
    ]
    assert doc.metadata["textless_pages"] == [] and doc.format == "pdf"


def test_pdf_missing_pypdf_says_what_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pypdf", None)
    with pytest.raises(InputError, match=r"pip install 'marklint\[pdf\]'$"):
        read_document("memo.pdf", b"%PDF-1.4")


def test_email_subject_body_lines_and_attachments():
    body = "SECRET\n\n(S) The convoy leaves.\n\nSECRET\n"
    message = build_eml(body, attachments={
        "annex.md": b"**SECRET**\n\n(S) Annex.\n\n**SECRET**\n",
        "photo.jpg": b"\xff\xd8\xff",
        "broken.docx": b"PK\x03\x04",
    })
    doc = read_document("msg.eml", message)
    lines = message.decode().split("\n")
    first = lines.index("SECRET") + 1
    assert blocks(doc) == [
        (1, L, Region.BODY, first, 1, "SECRET", None),
        (1, S, Region.BODY, 3, 1, "Subject: (U) Weekly report", None),
        (1, P, Region.BODY, first + 2, 1, "(S) The convoy leaves.", None),
        (1, L, Region.BODY, first + 4, 1, "SECRET", None),
    ]
    assert [(name, d.format) for name, d in doc.metadata["attachments"]] == [("annex.md", "markdown")]
    name_line = lines.index('Content-Disposition: attachment; filename="broken.docx"') + 1
    # the reader records the fact; the email-attachment-unreadable rule turns it into the finding
    # (tests/rules/test_email_attachment_unreadable.py)
    assert doc.metadata["unreadable_attachments"] == [
        ("broken.docx", "not a readable .docx file (corrupt or truncated: BadZipFile)", name_line)]


def test_email_header_fields_with_positions():
    message = (b"From: a@b.gov.au\nSubject:  Memo [SEC=PROTECTED]\nX-Protective-Marking: VER=2024.1,\n"
               b"\tSEC=PROTECTED\nX-Other: =?utf-8?q?caf=C3=A9?=\n\nBody.\n")
    fields = read_document("msg.eml", message).metadata["headers"]
    assert [(f.name, f.value) for f in fields] == [
        ("From", "a@b.gov.au"), ("Subject", "Memo [SEC=PROTECTED]"),
        ("X-Protective-Marking", "VER=2024.1,\tSEC=PROTECTED"), ("X-Other", "caf\u00e9")]
    assert fields[1].at(5) == (2, 16)  # "[" after two spaces of the subject
    assert fields[2].at(0) == (3, 23) and fields[2].at(12) == (4, 2)  # folded: the continuation line
    assert fields[3].at(3) == (5, 10)  # a decoded value: its start


def test_email_html_body_is_read_as_html():
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "(U) Notes"
    message.set_content("<html><body><p align='center'>SECRET</p><p>(S) Text.</p><script>'(TS)'</script></body></html>",
                        subtype="html")
    doc = read_document("msg.eml", bytes(message))
    assert [(b.kind, b.text) for _, b in doc.blocks()] == [
        (L, "SECRET"), (S, "Subject: (U) Notes"), (P, "(S) Text."),
    ]


def test_docx_paragraphs_inside_content_controls_are_read():
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("(U) Before.")
    inner = document.add_paragraph("(S) Inside a content control.")._p
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    inner.addprevious(sdt)
    sdt.append(content)
    content.append(inner)
    document.add_paragraph("(U) After.")
    out = io.BytesIO()
    document.save(out)
    doc = read_document("cc.docx", out.getvalue())
    assert [(b.line, b.text) for _, b in doc.blocks()] == [
        (1, "(U) Before."), (2, "(S) Inside a content control."), (3, "(U) After."),
    ]


def test_docx_that_unpacks_too_large_is_refused(monkeypatch):
    from marklint.readers import _ooxml

    monkeypatch.setattr(_ooxml, "MAX_UNPACKED", 1000)
    with pytest.raises(InputError, match=r"^the \.docx would unpack to [\d,]+ bytes \(limit 1,000\)$"):
        read_document("big.docx", build_docx([WordSection(["(U) Text."])]))


def test_docx_hidden_text_is_not_text():
    docx = pytest.importorskip("docx")

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("(TS) hidden note ").font.hidden = True
    paragraph.add_run("(U) Visible text.")
    out = io.BytesIO()
    document.save(out)
    assert [(b.line, b.column, b.text) for _, b in read_document("h.docx", out.getvalue()).blocks()] == [
        (1, 1, "(U) Visible text."),
    ]


def test_docx_banner_in_a_header_text_box_is_read_once():
    docx = pytest.importorskip("docx")
    from docx.oxml import parse_xml

    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    )
    document = docx.Document()
    document.sections[0].header.paragraphs[0]._p.append(parse_xml(
        f"<w:r {namespaces}><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        "<w:txbxContent><w:p><w:r><w:t>SECRET</w:t></w:r></w:p></w:txbxContent>"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    ))
    document.add_paragraph("(S) Body.")
    out = io.BytesIO()
    document.save(out)
    assert [(b.region, b.kind, b.text) for _, b in read_document("box.docx", out.getvalue()).blocks()] == [
        (Region.HEADER, L, "SECRET"), (Region.BODY, P, "(S) Body."),
    ]


def test_pdf_with_a_user_password_is_an_input_error_and_owner_only_is_read():
    fpdf = pytest.importorskip("fpdf")

    def encrypted(**passwords) -> bytes:
        pdf = fpdf.FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.cell(0, 8, "SECRET")
        pdf.set_encryption(owner_password="owner", **passwords)
        return bytes(pdf.output())

    with pytest.raises(InputError, match=r"^encrypted PDF: its text cannot be read$"):
        read_document("locked.pdf", encrypted(user_password="user"))
    assert [b.text for _, b in read_document("open.pdf", encrypted()).blocks()] == ["SECRET"]


@pytest.mark.parametrize(("message", "expected"), [
    (b"Subject: (U) Note\nTOP SECRET\n(TS) Body.\n", [(1, S), (2, L), (3, P)]),
    (b"From someone@example.mil Mon Jan  1 00:00:00 2024\nSubject: (U) Note\n\nSECRET\n",
     [(2, S), (4, L)]),
    (b"Subject: (U) A long\n subject\n\nSECRET\n", [(1, S), (4, L)]),
])
def test_email_headers_end_where_the_parser_ends_them(message, expected):
    doc = read_document("msg.eml", message)
    assert sorted((b.line, b.kind) for _, b in doc.blocks()) == expected
