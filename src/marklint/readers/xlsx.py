"""Excel (.xlsx) reader (openpyxl, the `xlsx` extra).

Each worksheet is a page, in workbook order; hidden and very hidden sheets are read like the
others, their locations say `(hidden)` and `metadata["notices"]` names them. Chart sheets have
no cells and are not read.

Banners live in the sheet's header and footer. Excel has up to three variants of each: the
default (odd-page) one, the first-page one (when the sheet enables a different first page) and
the even-page one (when it enables different odd and even pages). The page gets, at its top and
bottom, the banner-like lines of the variant Excel prints on the sheet's first page (the
first-page variant when enabled, else the default); every enabled variant is listed in
`metadata["hf_variants"]`, so that the others are checked by name (`header-footer-banner`), as
for Word. A header's left, centre and right sections are read; formatting codes (`&"Arial,Bold"`,
`&14`, `&KFF0000`) are dropped and `&&` is an ampersand.

Cells are read in row order. Cells are not required to carry portion marks (a sheet of figures
has no paragraphs): a cell whose text starts with a portion mark is a portion, its mark is
checked and counts towards the sheet's and the workbook's classification; every other text
cell is a LINE block (so a cell that reads `SECRET//NOFORN` is a banner, and authority-block
lines are found). Only the cached values of formulas are read. Cell text is never printed
(findings quote markings only, as everywhere).

Positions: "line" numbers every kept line (header and footer lines, then cell lines, sheet by
sheet) from 1 (`marklint.readers._slots`); the column is the 1-based character offset in the
cell's line; `metadata["locations"]` names each line's sheet and cell (`sheet 'Budget', cell
B7`) or header/footer variant. `metadata["sensitivity_labels"]` holds the enabled Microsoft
sensitivity labels.

Hostile input: besides the package checks (`marklint.readers._ooxml`), a workbook with more than
MAX_CELLS cells is refused. The sheet XML is streamed (xml.etree iterparse) from the paths
openpyxl's read-only workbook gives, so a huge sheet is never held in memory.
"""

from __future__ import annotations

import io
import re
from xml.etree import ElementTree

from marklint.document import Block, BlockKind, Document, InputError, Page, ReaderOptions, Region
from marklint.readers._common import require
from marklint.readers._ooxml import HeaderFooterVariant, read_package, sensitivity_labels
from marklint.readers._slots import Slots
from marklint.lineshapes import BANNER_CANDIDATE_RE, PORTION_START

MAX_CELLS = 2_000_000  # cells (of any type) a workbook may hold
_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL, _VALUE, _INLINE, _TEXT = f"{_S}c", f"{_S}v", f"{_S}is", f"{_S}t"
_SHEET_DATA, _ROW, _HEADER_FOOTER = f"{_S}sheetData", f"{_S}row", f"{_S}headerFooter"
# a header/footer code: &&, a font, a colour, a size, a section (&L &C &R) or a field (&P, &D, ...)
_CODE_RE = re.compile(r'&(?:&|"[^"]*"|K[0-9A-Fa-f]{6}|K\d\d[+-]\d{3}|[+-]?\d{1,3}|[A-Za-z])')
_COORDINATE_RE = re.compile(r"([A-Z]{1,3})\d{1,7}$")
_PORTION_START_RE = re.compile(PORTION_START)


def header_footer_lines(code: str) -> list[str]:
    """The banner-like lines of an Excel header or footer string (left, centre and right
    sections; text before any section code is the centre's)."""
    sections: dict[str, list[str]] = {"L": [], "C": [], "R": []}
    current, at = "C", 0
    for match in _CODE_RE.finditer(code):
        sections[current].append(code[at:match.start()])
        token = match.group()
        if token == "&&":
            sections[current].append("&")
        elif token in ("&L", "&C", "&R"):
            current = token[1]
        at = match.end()
    sections[current].append(code[at:])
    lines = []
    for side in "LCR":
        for line in "".join(sections[side]).split("\n"):
            if BANNER_CANDIDATE_RE.match(line.strip()):
                lines.append(line.strip())
    return lines


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _Workbook:
    """Reads one workbook sheet by sheet."""

    def __init__(self, workbook) -> None:
        self.workbook = workbook
        self.slots = Slots()
        self.cells = 0
        self.row = self.column = 0  # the position of the cell being read
        self.hidden: list[str] = []
        self.variants: list[HeaderFooterVariant] = []

    def pages(self) -> list[Page]:
        """Every worksheet as a page."""
        return [self._sheet(number, sheet) for number, sheet in enumerate(self.workbook.worksheets, 1)]

    def _sheet(self, number: int, sheet) -> Page:
        self.slots.page = number
        hidden = sheet.sheet_state != "visible"
        title = sheet.title.replace("'", "''")
        name = f"sheet '{title}'"
        if hidden:
            self.hidden.append(sheet.title)
            name += " (hidden)"
        cells: list[tuple[str, str]] = []
        codes: dict[str, str] = {}
        flags: dict[str, str] = {}
        rows = None
        self.row = self.column = 0
        with sheet._get_source() as source:  # streamed: rows are dropped once read
            for event, element in ElementTree.iterparse(source, ("start", "end")):
                if event == "start":
                    if element.tag == _SHEET_DATA:
                        rows = element
                    elif element.tag == _ROW:  # rows and cells may omit their references
                        reference = element.get("r", "")
                        self.row = int(reference) if reference.isdigit() else self.row + 1
                        self.column = 0
                elif element.tag == _CELL:
                    self._cell(element, cells, sheet.title)
                elif element.tag == _ROW and rows is not None:
                    rows.remove(element)
                elif element.tag == _HEADER_FOOTER:
                    codes = {child.tag[len(_S):]: child.text or "" for child in element}
                    flags = dict(element.attrib)
        shown, variants = self._variants(number, name, codes, flags)
        blocks: list[Block] = []
        header, footer = shown
        blocks += [b for line in header.lines if (b := self.slots.block(BlockKind.LINE, [line], header.label, Region.HEADER))]
        for coordinate, text in cells:
            kind = BlockKind.TABLE_CELL if _PORTION_START_RE.match(text.lstrip()) else BlockKind.LINE
            block = self.slots.block(kind, text.split("\n"), f"{name}, cell {coordinate}")
            if block is not None:
                blocks.append(block)
        blocks += [b for line in footer.lines if (b := self.slots.block(BlockKind.LINE, [line], footer.label, Region.FOOTER))]
        self.variants += variants
        return Page(number, blocks)

    def _cell(self, element, cells: list[tuple[str, str]], title: str) -> None:
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise InputError(f"the workbook has more than {MAX_CELLS:,} cells (limit; at sheet {title!r})")
        kind = element.get("t", "n")
        if kind == "inlineStr":
            inline = element.find(_INLINE)
            runs = [] if inline is None else [*inline.findall(_TEXT), *inline.iterfind(f"{_S}r/{_TEXT}")]
            text = "".join(t.text or "" for t in runs)  # not the phonetic guide (rPh)
        elif kind in ("s", "str"):
            value = element.find(_VALUE)
            text = "" if value is None or value.text is None else value.text
            if kind == "s":
                strings = self.workbook.shared_strings
                index = int(text) if text.isdigit() else -1
                text = str(strings[index]) if 0 <= index < len(strings) else ""
        else:
            text = ""  # numbers, booleans, errors and dates hold no marking
        reference = element.get("r", "")
        match = _COORDINATE_RE.match(reference)
        if match:
            self.column = _column_number(match.group(1))
        else:
            self.column += 1
            reference = f"{_column_letters(self.column)}{self.row}"
        if text.strip():
            cells.append((reference, text))

    def _variants(self, number: int, name: str, codes: dict[str, str], flags: dict[str, str]):
        """((header, footer) shown on the sheet's first printed page, every enabled variant)."""
        on = {key: flags.get(key, "0") in ("1", "true") for key in ("differentFirst", "differentOddEven")}
        roles = [("odd", " (odd pages)" if on["differentOddEven"] else "")]
        if on["differentFirst"]:
            roles.append(("first", " (first page)"))
        if on["differentOddEven"]:
            roles.append(("even", " (even pages)"))
        pairs = {}
        for role, suffix in roles:
            pairs[role] = tuple(
                HeaderFooterVariant(f"{name}, {part}{suffix}", region,
                                    header_footer_lines(codes.get(f"{role}{part.title()}", "")))
                for part, region in (("header", Region.HEADER), ("footer", Region.FOOTER))
            )
        shown = pairs["first"] if on["differentFirst"] else pairs["odd"]
        for variant in shown:
            variant.pages.append(number)
        return shown, [variant for pair in pairs.values() for variant in pair]


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read a .xlsx file into a Document (see the module docstring)."""
    openpyxl = require("openpyxl", "xlsx", "Excel (.xlsx) files")

    def parse() -> tuple[_Workbook, list[Page], list[str]]:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        try:
            reader = _Workbook(workbook)
            return reader, reader.pages(), sensitivity_labels(data)
        finally:
            workbook.close()

    reader, pages, labels = read_package(data, ".xlsx", parse)
    metadata: dict[str, object] = {"locations": reader.slots.locations, "hf_variants": reader.variants}
    if labels:
        metadata["sensitivity_labels"] = labels
    if reader.hidden:
        metadata["notices"] = [f"sheet {title!r} is hidden (linted like the others)" for title in reader.hidden]
    return Document(path=path, format="xlsx", pages=pages or [Page(1)], metadata=metadata)
