"""Fixture builders for PowerPoint decks (python-pptx), Excel workbooks (openpyxl) and
OpenDocument text (its XML, written directly: marklint reads it without a library).

No binary fixture is committed; each builder returns the file's bytes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import pytest
from format_builders import HeaderFooterTexts, _with_labels

TITLE_SLIDE, TITLE_AND_CONTENT, SECTION_HEADER, TITLE_ONLY, BLANK = 0, 1, 2, 5, 6
_DIAGRAM_DATA_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml"
_DIAGRAM_DATA_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData"


@dataclass
class Slide:
    """One slide: banner text boxes in the top and bottom bands, a title, body paragraphs (one
    text box in the middle of the slide), and optional table, group, picture, SmartArt, notes."""

    top: str | None = None
    bottom: str | None = None
    title: str | None = None
    subtitle: str | None = None
    body: list[str] = field(default_factory=list)
    layout: int = TITLE_ONLY
    table: list[list[str]] | None = None
    group: list[str] | None = None
    picture_alt: str | None = None
    smartart: list[str] | None = None
    notes: str | None = None
    hidden: bool = False
    footer_placeholder: str | None = None  # text of a footer placeholder ("" inherits the layout's)


@dataclass
class Deck:
    slides: list[Slide]
    master_top: str | None = None  # a text box on the slide master, in the top band
    layout_footer: str | None = None  # the footer placeholder text of every slide layout
    labels: dict[str, str] | None = None


def _png() -> bytes:
    image = pytest.importorskip("PIL.Image")
    out = io.BytesIO()
    image.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()


def _smartart(slide, texts: list[str], top: int) -> None:
    """A SmartArt graphic frame whose data part holds one node per text."""
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI
    from pptx.oxml import parse_xml

    points = "".join(
        f'<dgm:pt modelId="{{00000000-0000-0000-0000-00000000000{i}}}"><dgm:t><a:bodyPr/><a:p><a:r><a:t>{text}'
        f"</a:t></a:r></a:p></dgm:t></dgm:pt>" for i, text in enumerate(texts, 1)
    )
    data = (
        '<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>'
        '<dgm:pt modelId="{00000000-0000-0000-0000-000000000000}" type="doc"><dgm:t><a:p><a:r><a:t>'
        "ignored</a:t></a:r></a:p></dgm:t></dgm:pt>" + points + "</dgm:ptLst></dgm:dataModel>"
    ).encode()
    package = slide.part.package
    part = Part(PackURI(f"/ppt/diagrams/data{slide.slide_id}.xml"), _DIAGRAM_DATA_TYPE, package, data)
    rid = slide.part.relate_to(part, _DIAGRAM_DATA_REL)
    frame = parse_xml(
        '<p:graphicFrame xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<p:nvGraphicFramePr><p:cNvPr id="90" name="Diagram 90"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>'
        f'<p:xfrm><a:off x="457200" y="{top}"/><a:ext cx="8000000" cy="600000"/></p:xfrm>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
        '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
        f'r:dm="{rid}" r:lo="" r:qs="" r:cs=""/></a:graphicData></a:graphic></p:graphicFrame>'
    )
    slide.shapes._spTree.append(frame)


def _text_box(text: str, width: int, height: int):
    """A text box at the top of the slide (python-pptx adds none to a slide master)."""
    from pptx.oxml import parse_xml

    return parse_xml(
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<p:nvSpPr><p:cNvPr id="70" name="Banner 70"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
        f"<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>"
    )


def build_pptx(deck: Deck) -> bytes:
    """A .pptx of the given slides (4:3, 7.5 inches high; bands are the top and bottom 15%)."""
    pptx = pytest.importorskip("pptx")
    from pptx.enum.shapes import PP_PLACEHOLDER
    from pptx.util import Inches

    presentation = pptx.Presentation()
    width, height = presentation.slide_width, presentation.slide_height
    band = Inches(0.4)
    if deck.master_top is not None:
        presentation.slide_master.shapes._spTree.append(_text_box(deck.master_top, width, band))
    if deck.layout_footer is not None:
        for layout in presentation.slide_layouts:
            for holder in layout.placeholders:
                if holder.placeholder_format.type == PP_PLACEHOLDER.FOOTER:
                    holder.text_frame.text = deck.layout_footer
    for spec in deck.slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[spec.layout])
        if spec.top is not None:
            slide.shapes.add_textbox(0, 0, width, band).text_frame.text = spec.top
        if spec.bottom is not None:
            slide.shapes.add_textbox(0, height - band, width, band).text_frame.text = spec.bottom
        if spec.title is not None:
            slide.shapes.title.text = spec.title
        if spec.subtitle is not None:
            slide.placeholders[1].text = spec.subtitle
        y = Inches(2)
        if spec.body:
            frame = slide.shapes.add_textbox(Inches(0.5), y, Inches(9), Inches(1)).text_frame
            frame.text = spec.body[0]
            for text in spec.body[1:]:
                frame.add_paragraph().text = text
        if spec.table is not None:
            y += Inches(1.2)
            rows, cols = len(spec.table), len(spec.table[0])
            table = slide.shapes.add_table(rows, cols, Inches(0.5), y, Inches(9), Inches(1)).table
            for r, row in enumerate(spec.table):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        if spec.group is not None:
            y += Inches(1.2)
            group = slide.shapes.add_group_shape()
            for i, text in enumerate(spec.group):
                group.shapes.add_textbox(Inches(0.5 + 3 * i), y, Inches(2.5), Inches(0.5)).text_frame.text = text
        if spec.picture_alt is not None:
            y += Inches(0.8)
            picture = slide.shapes.add_picture(io.BytesIO(_png()), Inches(0.5), y, Inches(1), Inches(0.5))
            picture._element._nvXxPr.cNvPr.set("descr", spec.picture_alt)
        if spec.smartart is not None:
            _smartart(slide, spec.smartart, Inches(5.5))
        if spec.notes is not None:
            slide.notes_slide.notes_text_frame.text = spec.notes
        if spec.hidden:
            slide._element.set("show", "0")
        if spec.footer_placeholder is not None:
            layout_footer = next(h for h in slide.slide_layout.placeholders
                                 if h.placeholder_format.type == PP_PLACEHOLDER.FOOTER)
            slide.shapes.clone_placeholder(layout_footer)
            if spec.footer_placeholder:
                slide.shapes[-1].text_frame.text = spec.footer_placeholder
    out = io.BytesIO()
    presentation.save(out)
    data = out.getvalue()
    return _with_labels(data, deck.labels) if deck.labels else data


@dataclass
class Sheet(HeaderFooterTexts):
    """One worksheet: cells by coordinate, header/footer texts, visible or hidden."""

    title: str
    cells: dict[str, object] = field(default_factory=dict)
    state: str = "visible"


def build_xlsx(sheets: list[Sheet], labels: dict[str, str] | None = None) -> bytes:
    """A .xlsx of the given sheets; header/footer texts are set as the centre section."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        sheet = workbook.create_sheet(spec.title)
        sheet.sheet_state = spec.state
        for coordinate, value in spec.cells.items():
            sheet[coordinate] = value
        for attribute, text in (("oddHeader", spec.header), ("oddFooter", spec.footer),
                                ("firstHeader", spec.first_header), ("firstFooter", spec.first_footer),
                                ("evenHeader", spec.even_header), ("evenFooter", spec.even_footer)):
            if text is not None:
                getattr(sheet, attribute).center.text = text
        if spec.first_header is not None or spec.first_footer is not None:
            sheet.HeaderFooter.differentFirst = True
        if spec.even_header is not None or spec.even_footer is not None:
            sheet.HeaderFooter.differentOddEven = True
    out = io.BytesIO()
    workbook.save(out)
    data = out.getvalue()
    return _with_labels(data, labels) if labels else data


_ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
_ODF_NS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _ODF.items())
# paragraph styles of the built documents: a page break before, and a new master page "Other"
ODT_STYLES = (
    '<style:style style:name="Break" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:break-before="page"/></style:style>'
    '<style:style style:name="ToOther" style:family="paragraph" style:master-page-name="Other"/>'
)


def odt_paragraphs(texts: list[str], style: str | None = None) -> str:
    """`text:p` elements (the first one with `style`); "# " makes a heading, "- " a list item."""
    out = []
    for index, text in enumerate(texts):
        attribute = f' text:style-name="{style}"' if style and index == 0 else ""
        if text.startswith("# "):
            out.append(f'<text:h text:outline-level="1"{attribute}>{text[2:]}</text:h>')
        elif text.startswith("- "):
            out.append(f"<text:list><text:list-item><text:p{attribute}>{text[2:]}</text:p></text:list-item></text:list>")
        else:
            out.append(f"<text:p{attribute}>{text}</text:p>")
    return "".join(out)


def _odt_part(tag: str, text: str | None) -> str:
    if text is None:
        return ""
    return f"<style:{tag}><text:p>{text}</text:p></style:{tag}>"


def build_odt(body: str, masters: dict[str, HeaderFooterTexts], encrypted: bool = False) -> bytes:
    """A .odt with the body XML given and master pages by name (first-page variants as ODF 1.3
    `header-first`, even-page ones as `header-left`)."""
    pages = "".join(
        f'<style:master-page style:name="{name}">'
        + _odt_part("header", spec.header) + _odt_part("header-left", spec.even_header)
        + _odt_part("header-first", spec.first_header) + _odt_part("footer", spec.footer)
        + _odt_part("footer-left", spec.even_footer) + _odt_part("footer-first", spec.first_footer)
        + "</style:master-page>"
        for name, spec in masters.items()
    )
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS} office:version="1.3">'
               f"<office:automatic-styles>{ODT_STYLES}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODF_NS} office:version="1.3">'
              '<office:styles><style:style style:name="Title" style:family="paragraph"/></office:styles>'
              f"<office:master-styles>{pages}</office:master-styles></office:document-styles>")
    encryption = '<manifest:encryption-data manifest:checksum-type="SHA1"/>' if encrypted else ""
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{encryption}'
                "</manifest:file-entry></manifest:manifest>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles)
        archive.writestr("META-INF/manifest.xml", manifest)
    return out.getvalue()
