"""Fixture builders: the tests write their own .docx (python-docx), .pdf (fpdf2) and .eml files.

No binary fixture is committed; each builder returns the file's bytes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage

import pytest

CUSTOM_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"


@dataclass(kw_only=True)
class HeaderFooterTexts:
    """The header and footer texts of a Word section or an Excel sheet (None: not set;
    first-page and even-page variants only when given)."""

    header: str | None = None
    footer: str | None = None
    first_header: str | None = None
    first_footer: str | None = None
    even_header: str | None = None
    even_footer: str | None = None


@dataclass
class WordSection(HeaderFooterTexts):
    """One Word section: its body (strings are paragraphs, lists are table rows) and its
    headers/footers."""

    body: list[str | list[list[str]]]
    page_breaks_before: set[int] = field(default_factory=set)  # body indexes


def _set(part, text: str | None) -> None:
    if text is not None:
        part.is_linked_to_previous = False
        part.paragraphs[0].text = text


def build_docx(sections: list[WordSection], even_and_odd: bool = False, labels: dict[str, str] | None = None) -> bytes:
    """A .docx with the given sections; `labels` maps label GUIDs to MSIP label names."""
    docx = pytest.importorskip("docx")
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.settings.odd_and_even_pages_header_footer = even_and_odd
    for index, spec in enumerate(sections):
        section = document.sections[0] if index == 0 else document.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = spec.first_header is not None or spec.first_footer is not None
        if section.different_first_page_header_footer:
            _set(section.first_page_header, spec.first_header)
            _set(section.first_page_footer, spec.first_footer)
        _set(section.header, spec.header)
        _set(section.footer, spec.footer)
        _set(section.even_page_header, spec.even_header)
        _set(section.even_page_footer, spec.even_footer)
        for position, item in enumerate(spec.body):
            if position in spec.page_breaks_before:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            if isinstance(item, list):
                table = document.add_table(rows=len(item), cols=len(item[0]))
                for r, row in enumerate(item):
                    for c, text in enumerate(row):
                        table.cell(r, c).text = text
            elif item.startswith("# "):
                document.add_heading(item[2:], 1)
            elif item.startswith("- "):
                document.add_paragraph(item[2:], style="List Bullet")
            else:
                document.add_paragraph(item)
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    return _with_labels(data, labels) if labels else data


def _with_labels(data: bytes, labels: dict[str, str]) -> bytes:
    """Add docProps/custom.xml with MSIP_Label_<guid>_Enabled/_Name properties."""
    props = []
    pid = 2
    for guid, name in labels.items():
        for key, value in (("Enabled", "true"), ("Name", name)):
            props.append(
                f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" '
                f'name="MSIP_Label_{guid}_{key}"><vt:lpwstr>{value}</vt:lpwstr></property>'
            )
            pid += 1
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        + "".join(props) + "</Properties>"
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    f'<Override PartName="/docProps/custom.xml" ContentType="{CUSTOM_PROPS_TYPE}"/></Types>'.encode(),
                )
            elif item.filename == "_rels/.rels":
                content = content.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdCustom" Type="{CUSTOM_PROPS_REL}" Target="docProps/custom.xml"/></Relationships>'.encode(),
                )
            target.writestr(item, content)
        target.writestr("docProps/custom.xml", custom)
    return out.getvalue()


def build_pdf(pages: list[list[str]], scanned_pages: set[int] = frozenset()) -> bytes:
    """A PDF whose page n shows `pages[n]`: each string a paragraph, blank space between them.

    A page whose number (1-based) is in `scanned_pages` gets only a drawn rectangle, no text.
    """
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    for number, paragraphs in enumerate(pages, 1):
        pdf.add_page()
        if number in scanned_pages:
            pdf.rect(20, 20, 100, 150, style="F")
            continue
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
    return bytes(pdf.output())


def build_eml(body: str, subject: str = "(U) Weekly report", attachments: dict[str, bytes] | None = None) -> bytes:
    """An e-mail message with a plain-text body and optional attachments."""
    message = EmailMessage()
    message["From"] = "analyst@example.mil"
    message["To"] = "desk@example.mil"
    message["Subject"] = subject
    message.set_content(body)
    for name, data in (attachments or {}).items():
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return bytes(message)
