"""Word (.docx) reader (python-docx, the `docx` extra).

Positions: a block's "line" is its paragraph number, counting body paragraphs and table-cell
paragraphs in document order from 1; the column is the 1-based character offset in the
paragraph's text. Body paragraphs are PARAGRAPH, HEADING (styles `Heading n`, `Title`,
`Subtitle`) or LIST_ITEM (list styles and numbered paragraphs) blocks; a table cell is one
TABLE_CELL block whose lines are the cell's paragraphs. Content controls are looked into; hidden
text, deleted revisions and field codes are not text (field results are).

Pages start at manual page breaks, at "page break before" paragraphs, at the page breaks Word
recorded when it last laid the document out (`w:lastRenderedPageBreak`), and at section
breaks that start a new page. Breaks inside table cells are not used. Consecutive breaks with
no text between them count once.

Banners live in headers and footers. Each page gets, at its top and bottom, the banner-like
lines (LINE blocks in Region.HEADER / Region.FOOTER, labelled e.g. "header (first page),
section 2") of the header/footer variant Word shows there: the first-page variant on a
section's first page when the section enables it, the even-page variant on even pages when the
document enables odd/even headers, otherwise the default (odd-page) variant. Their "line" is the
first (header) or last (footer) paragraph number of the page. `metadata["hf_variants"]` lists
every variant the section settings enable, shown on a known page or not, for the
header/footer check; `metadata["sensitivity_labels"]` holds the names of enabled Microsoft
sensitivity labels (`MSIP_Label_*_Name` custom properties).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from marklint.document import Block, BlockKind, Document, Page, ReaderOptions, Region
from marklint.readers._common import line_kind, require
from marklint.readers._ooxml import HeaderFooterVariant, cell_block, read_package, sensitivity_labels
from marklint.lineshapes import BANNER_CANDIDATE_RE
from marklint.mark_strings import near_miss_banner

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _R, _TBL, _TC, _T, _TAB, _BR, _RENDERED = (
    f"{_W}p", f"{_W}r", f"{_W}tbl", f"{_W}tc", f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}lastRenderedPageBreak"
)
_SDT, _SDT_CONTENT, _TEXT_BOX = f"{_W}sdt", f"{_W}sdtContent", f"{_W}txbxContent"
_HEADING_STYLE_RE = re.compile(r"(?:Heading \d|Title|Subtitle)$")


@dataclass
class _Draft:
    """A page being built: its section (0-based) and body blocks."""

    section: int
    blocks: list[Block] = field(default_factory=list)
    first_paragraph: int = 0
    last_paragraph: int = 0


def _on(element) -> bool:
    """Whether an on/off property element (`w:vanish`, `w:pageBreakBefore`) is present and on."""
    return element is not None and element.get(f"{_W}val", "true") not in ("0", "false", "off")


def _paragraph_parts(p) -> tuple[str, bool, bool]:
    """(text, break before any text, break after some text) for one w:p element.

    Hidden text (`w:vanish`) is not visible, so it is not text; runs of text boxes anchored in
    the paragraph are.
    """
    text: list[str] = []
    before = after = False
    for run in p.iter(_R):
        if _on(run.find(f"{_W}rPr/{_W}vanish")):
            continue
        for element in run:
            tag = element.tag
            if tag == _T:
                text.append(element.text or "")
            elif tag == _TAB:
                text.append("\t")
            elif tag == _BR and element.get(f"{_W}type") == "page" or tag == _RENDERED:
                if "".join(text).strip():
                    after = True
                else:
                    before = True
            elif tag == _BR:
                text.append(" ")
    if _on(p.find(f"{_W}pPr/{_W}pageBreakBefore")):
        before = True
    return "".join(text), before, after


def _kind(p, styles: dict[str, str]) -> BlockKind:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    name = styles.get(style.get(f"{_W}val"), "") if style is not None else ""
    if _HEADING_STYLE_RE.match(name):
        return BlockKind.HEADING
    if "List" in name or p.find(f"{_W}pPr/{_W}numPr") is not None:
        return BlockKind.LIST_ITEM
    return BlockKind.PARAGRAPH


def _header_lines(part) -> list[str]:
    """The banner-like lines of a header or footer (text boxes included), a banner with its
    level misspelt too (`SECERT`: reported as such, not as a page without a banner)."""
    lines = []
    for p in part._element.iter(_P):
        if p.getparent().tag == _TEXT_BOX:
            continue  # read with the paragraph the text box is anchored in
        text = _paragraph_parts(p)[0].strip()
        if text and (BANNER_CANDIDATE_RE.match(text) or near_miss_banner(text) is not None):
            lines.append(text)
    return lines


def _variants(word, index: int, section) -> dict[str, tuple[HeaderFooterVariant, HeaderFooterVariant]]:
    """The enabled header/footer variants of one section, by role ("first", "even", "default")."""
    even_odd = word.settings.odd_and_even_pages_header_footer
    roles = [("default", "odd pages" if even_odd else "", section.header, section.footer)]
    if section.different_first_page_header_footer:
        roles.append(("first", "first page", section.first_page_header, section.first_page_footer))
    if even_odd:
        roles.append(("even", "even pages", section.even_page_header, section.even_page_footer))
    result = {}
    for role, name, header, footer in roles:
        suffix = f" ({name})" if name else ""
        result[role] = (
            HeaderFooterVariant(f"header{suffix}, section {index + 1}", Region.HEADER, _header_lines(header)),
            HeaderFooterVariant(f"footer{suffix}, section {index + 1}", Region.FOOTER, _header_lines(footer)),
        )
    return result


class _Walker:
    """Walks the body in order, numbering paragraphs and cutting pages."""

    def __init__(self, word) -> None:
        self.word = word
        self.styles = {style.style_id: style.name for style in word.styles}
        self.sections = list(word.sections)
        self.number = 0
        self.section = 0
        self.drafts = [_Draft(0)]
        self.pending = False  # a page break waits for the next text

    def _add(self, block: Block) -> None:
        if self.pending:
            self.drafts.append(_Draft(self.section))
            self.pending = False
        draft = self.drafts[-1]
        draft.first_paragraph = draft.first_paragraph or block.line
        draft.blocks.append(block)

    def walk(self, parent=None) -> list[_Draft]:
        """Visit body paragraphs and tables in order (content controls are looked into)."""
        for child in self.word.element.body if parent is None else parent:
            if child.tag == _P:
                self._paragraph(child)
            elif child.tag == _TBL:
                self._table(child)
            elif child.tag in (_SDT, _SDT_CONTENT):
                self.walk(child)
        return self.drafts

    def _paragraph(self, p) -> None:
        self.number += 1
        text, before, after = _paragraph_parts(p)
        self.pending = self.pending or before
        if text.strip():
            lead = len(text) - len(text.lstrip())
            kind = line_kind(_kind(p, self.styles), text)
            self._add(Block(kind, text.strip(), self.number, lead + 1))
            self.drafts[-1].last_paragraph = self.number
        self.pending = self.pending or after
        if p.find(f"{_W}pPr/{_W}sectPr") is not None and self.section + 1 < len(self.sections):
            self.section += 1
            # a continuous section break keeps the page (its header applies from the next page)
            if self.sections[self.section].start_type.value >= 2:  # new, even or odd page
                self.pending = True

    def _table(self, tbl) -> None:
        for tc in tbl.iter(_TC):
            rows: list[tuple[str, int]] = []
            for p in tc.findall(_P):
                self.number += 1
                rows.append((_paragraph_parts(p)[0], self.number))
            block = cell_block(rows)
            if block is not None:
                self._add(block)
                self.drafts[-1].last_paragraph = block.end_line


def _pages(word, drafts: list[_Draft]) -> tuple[list[Page], list[HeaderFooterVariant]]:
    """Pages with their header/footer banner lines, and every enabled variant."""
    variants = [_variants(word, index, section) for index, section in enumerate(word.sections)]
    pages = []
    seen_sections: set[int] = set()
    for number, draft in enumerate(drafts, 1):
        roles = variants[draft.section]
        if draft.section not in seen_sections and "first" in roles:
            role = "first"
        elif number % 2 == 0 and "even" in roles:
            role = "even"
        else:
            role = "default"
        seen_sections.add(draft.section)
        header, footer = roles[role]
        header.pages.append(number)
        footer.pages.append(number)
        top = draft.first_paragraph or draft.last_paragraph or 1
        bottom = draft.last_paragraph or top
        blocks = [Block(BlockKind.LINE, t, top, 1, Region.HEADER, label=header.label) for t in header.lines]
        blocks += draft.blocks
        blocks += [Block(BlockKind.LINE, t, bottom, 1, Region.FOOTER, label=footer.label) for t in footer.lines]
        pages.append(Page(number, blocks))
    every = [variant for roles in variants for pair in roles.values() for variant in pair]
    return pages, every


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read a .docx file into a Document (see the module docstring)."""
    docx = require("docx", "docx", "Word (.docx) files")

    def parse() -> tuple[list[str], list[Page], list[HeaderFooterVariant]]:
        word = docx.Document(io.BytesIO(data))
        return (sensitivity_labels(data), *_pages(word, _Walker(word).walk()))

    labels, pages, variants = read_package(data, ".docx", parse)
    metadata: dict[str, object] = {"hf_variants": variants}
    if labels:
        metadata["sensitivity_labels"] = labels
    return Document(path=path, format="docx", pages=pages, metadata=metadata)
