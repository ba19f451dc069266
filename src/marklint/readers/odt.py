"""OpenDocument text (.odt) reader: the package's XML read directly (zipfile and xml.etree, no
extra dependency).

The body is read in order, like the Word reader's: `text:h` paragraphs and paragraphs of the
`Title` and `Subtitle` styles (or styles based on them) are HEADING blocks, paragraphs in lists
LIST_ITEM, a table cell one TABLE_CELL block of its paragraphs, other paragraphs PARAGRAPH;
sections are looked into. Notes, annotations, tracked deletions and hidden text are not text.
A block's "line" is its paragraph number, counting every body paragraph and table-cell
paragraph from 1; the column is the 1-based character offset in the paragraph.

Pages start at the page breaks the application recorded when it last laid the document out
(`text:soft-page-break`), at paragraphs whose style breaks the page before or after them, and
at paragraphs whose style starts a new master page. Consecutive breaks count once.

Banners live in the master page's header and footer. Each page gets, at its top and bottom,
the banner-like lines of the variant shown there: the first-page header/footer (ODF 1.3
`style:header-first`) on the first page of a master page's run, the left-page variant
(`style:header-left`) on even pages, otherwise the default; a header switched off
(`style:display="false"`) shows nothing. Every variant of the master pages the document uses is
listed in `metadata["hf_variants"]` for the header/footer check, as for Word. A
password-protected document (its manifest lists encryption data) is refused by name.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from marklint.document import Block, BlockKind, Document, InputError, Page, ReaderOptions, Region
from marklint.readers._common import line_kind
from marklint.readers._ooxml import HeaderFooterVariant, cell_block, read_package
from marklint.lineshapes import BANNER_CANDIDATE_RE

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
_T, _TABLE, _STYLE, _FO = (f"{{{_NS[k]}}}" for k in ("text", "table", "style", "fo"))
_P, _H, _LIST, _LIST_ITEM, _LIST_HEADER, _SECTION = (f"{_T}{n}" for n in ("p", "h", "list", "list-item", "list-header", "section"))
_SOFT_BREAK, _SPACE, _TAB, _LINE_BREAK = f"{_T}soft-page-break", f"{_T}s", f"{_T}tab", f"{_T}line-break"
_NOT_TEXT = {f"{_T}{n}" for n in ("note", "tracked-changes", "hidden-text", "hidden-paragraph", "bookmark-ref")} | {
    f"{{{_NS['office']}}}annotation"}
_TABLE_TABLE, _CELL = f"{_TABLE}table", f"{_TABLE}table-cell"
_HEADING_STYLE_RE = re.compile(r"(?:Title|Subtitle|Heading(?: \d+)?)$")
_MAX_SPACES = 1000  # one `text:s` element's spaces (its count is the file's to claim)
_VARIANTS = (("default", "", ""), ("first", "-first", " (first page)"), ("even", "-left", " (left pages)"))


@dataclass
class _Style:
    parent: str | None
    master: str | None
    before: bool
    after: bool


@dataclass
class _Draft:
    master: str
    first: bool  # the first page of its master page's run
    blocks: list[Block] = field(default_factory=list)
    first_paragraph: int = 0
    last_paragraph: int = 0


def _styles(*roots) -> dict[str, _Style]:
    found = {}
    for root in roots:
        for style in root.iter(f"{_STYLE}style"):
            props = style.find(f"{_STYLE}paragraph-properties")
            props = {} if props is None else props.attrib
            found[style.get(f"{_STYLE}name", "")] = _Style(
                style.get(f"{_STYLE}parent-style-name"), style.get(f"{_STYLE}master-page-name") or None,
                props.get(f"{_FO}break-before") == "page", props.get(f"{_FO}break-after") == "page")
    return found


def _text(p) -> tuple[str, bool]:
    """(visible text, whether a soft page break falls inside it) of a paragraph."""
    parts: list[str] = []
    inner_break = False

    def visit(element) -> None:
        nonlocal inner_break
        if element.text:
            parts.append(element.text)
        for child in element:
            tag = child.tag
            if tag in _NOT_TEXT:
                pass
            elif tag == _SPACE:
                parts.append(" " * min(int(child.get(f"{_T}c", "1") or 1), _MAX_SPACES))
            elif tag == _TAB:
                parts.append("\t")
            elif tag == _LINE_BREAK:
                parts.append(" ")
            elif tag == _SOFT_BREAK:
                inner_break = True
            else:
                visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(p)
    return "".join(parts), inner_break


class _Walker:
    """Walks the body in order, numbering paragraphs and cutting pages."""

    def __init__(self, styles: dict[str, _Style], default_master: str) -> None:
        self.styles = styles
        self.number = 0
        self.drafts = [_Draft(default_master, True)]
        self.pending: str | None = None  # a page break waits for the next text: its master page
        self.pending_first = False  # ... and starts a master page's run
        self.started = False

    def _style(self, name: str | None) -> tuple[str | None, bool, bool, bool]:
        """(master page, break before, break after, heading style) through the parent chain."""
        master, before, after, heading, seen = None, False, False, False, set()
        while name and name not in seen:
            seen.add(name)
            heading = heading or bool(_HEADING_STYLE_RE.match(name.replace("_20_", " ")))
            style = self.styles.get(name)
            if style is None:
                break
            master, before, after = master or style.master, before or style.before, after or style.after
            name = style.parent
        return master, before, after, heading

    def _break(self, master: str | None = None) -> None:
        """A page break; `master` when a paragraph style starts a new master page."""
        if self.started:
            self.pending = master or self.pending or self.drafts[-1].master
            self.pending_first = self.pending_first or master is not None
        elif master:
            self.drafts[-1].master = master

    def _add(self, block: Block) -> None:
        if self.pending is not None:
            self.drafts.append(_Draft(self.pending, self.pending_first))
            self.pending, self.pending_first = None, False
        self.started = True
        draft = self.drafts[-1]
        draft.first_paragraph = draft.first_paragraph or block.line
        draft.last_paragraph = block.end_line
        draft.blocks.append(block)

    def walk(self, parent, kind: BlockKind = BlockKind.PARAGRAPH) -> list[_Draft]:
        for child in parent:
            tag = child.tag
            if tag in (_P, _H):
                self._paragraph(child, BlockKind.HEADING if tag == _H else kind)
            elif tag == _SOFT_BREAK:
                self._break()
            elif tag == _LIST:
                for item in child:
                    if item.tag in (_LIST_ITEM, _LIST_HEADER):
                        self.walk(item, BlockKind.LIST_ITEM)
            elif tag == _TABLE_TABLE:
                self._table(child)
            elif tag == _SECTION:
                self.walk(child, kind)
        return self.drafts

    def _paragraph(self, p, kind: BlockKind) -> None:
        self.number += 1
        master, before, after, heading = self._style(p.get(f"{_T}style-name"))
        if master or before:
            self._break(master)
        text, inner_break = _text(p)
        if text.strip():
            lead = len(text) - len(text.lstrip())
            kind = BlockKind.HEADING if heading and kind is BlockKind.PARAGRAPH else kind
            self._add(Block(line_kind(kind, text), text.strip(), self.number, lead + 1))
        if after or inner_break:
            self._break()

    def _table(self, table) -> None:
        for cell in table.iter(_CELL):
            rows = []
            for p in cell.iter(_P):
                self.number += 1
                rows.append((_text(p)[0], self.number))
            block = cell_block(rows)
            if block is not None:
                self._add(block)


def _lines(element) -> list[str] | None:
    """The banner-like lines of a header or footer element; None when there is none or it is
    switched off."""
    if element is None or element.get(f"{_STYLE}display") == "false":
        return None
    lines = []
    for p in element.iter():
        if p.tag in (_P, _H):
            text = _text(p)[0].strip()
            if BANNER_CANDIDATE_RE.match(text):
                lines.append(text)
    return lines


def _variants(master_page, name: str) -> dict[str, dict[str, HeaderFooterVariant]]:
    """The header and footer variants of one master page: part ("header", "footer") -> role
    ("default", "first", "even") -> variant; a role without its own element shows the default."""
    result = {}
    for part in ("header", "footer"):
        region = Region.HEADER if part == "header" else Region.FOOTER
        roles = {}
        for role, suffix, label in _VARIANTS:
            element = master_page.find(f"{_STYLE}{part}{suffix}")
            if element is not None or role == "default":
                roles[role] = HeaderFooterVariant(f"{part}{label}, page style {name!r}", region, _lines(element) or [])
        result[part] = {role: roles.get(role, roles["default"]) for role, _, _ in _VARIANTS}
    return result


def _pages(drafts: list[_Draft], masters: dict) -> tuple[list[Page], list[HeaderFooterVariant]]:
    """Pages with their header/footer banner lines, and every variant of the master pages used."""
    variants: dict[str, dict] = {}
    pages = []
    for number, draft in enumerate(drafts, 1):
        if draft.master not in variants:
            master = masters.get(draft.master)
            variants[draft.master] = {} if master is None else _variants(master, draft.master)
        parts = variants[draft.master]
        role = "first" if draft.first else "even" if number % 2 == 0 else "default"
        blocks = list(draft.blocks)
        if parts:
            header, footer = parts["header"][role], parts["footer"][role]
            header.pages.append(number)
            footer.pages.append(number)
            top = draft.first_paragraph or 1
            bottom = draft.last_paragraph or top
            blocks = ([Block(BlockKind.LINE, t, top, 1, Region.HEADER, label=header.label) for t in header.lines]
                      + blocks
                      + [Block(BlockKind.LINE, t, bottom, 1, Region.FOOTER, label=footer.label) for t in footer.lines])
        pages.append(Page(number, blocks))
    every = {id(v): v for parts in variants.values() for roles in parts.values() for v in roles.values()}
    return pages, list(every.values())


def _parse(data: bytes) -> tuple[list[Page], list[HeaderFooterVariant]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
            raise InputError("password-protected .odt file: marklint cannot read it")
        content = ElementTree.fromstring(archive.read("content.xml"))
        styles = ElementTree.fromstring(archive.read("styles.xml")) if "styles.xml" in names else ElementTree.Element("x")
    body = content.find("office:body/office:text", _NS)
    if body is None:
        raise InputError("not an OpenDocument text (no office:text body)")
    masters = {m.get(f"{_STYLE}name", ""): m for m in styles.iterfind("office:master-styles/style:master-page", _NS)}
    default = "Standard" if "Standard" in masters else next(iter(masters), "Standard")
    drafts = _Walker(_styles(styles, content), default).walk(body)
    return _pages(drafts, masters)


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read a .odt file into a Document (see the module docstring)."""
    pages, variants = read_package(data, ".odt", lambda: _parse(data))
    return Document(path=path, format="odt", pages=pages, metadata={"hf_variants": variants})
