"""PowerPoint (.pptx) reader (python-pptx, the `pptx` extra).

Each slide is a page. Banners are the banner-like lines (a whole line that looks like a banner
marking) of shapes positioned in the slide's top or bottom band (the top and bottom BAND of the
slide's height: a shape whose bottom edge lies in the top band, or whose top edge lies in the
bottom band): the slide's own text boxes and placeholders; the text boxes of its slide layout
and slide master, which PowerPoint shows on the slide unless the slide (or the layout, for the
master) hides background graphics; and the header, footer, date and slide-number placeholders
the slide shows, whose text is the slide's own or, when the slide's copy is empty, the layout's
(else the master's). Other text of those placeholders and of the layout and master is not
slide content and is not read.

Portions, in reading order (top to bottom, then left to right): each paragraph of a text box or
placeholder (PARAGRAPH), a title, centred title or subtitle (one HEADING block, so the rule
set's `portions.blocks` decides whether titles need marks, as headings elsewhere), each table
cell (TABLE_CELL), the shapes of groups (at the group's place), the text of each SmartArt node,
and the alt text (description) of each picture. Then the speaker notes, each paragraph a
portion, unless ReaderOptions.skip_speaker_notes. Hidden slides are read like the others; their
locations say `(hidden)` and `metadata["notices"]` names them.

Positions: "line" numbers every kept line of text in the deck from 1 (`marklint.readers._slots`),
the column is the 1-based character offset in its paragraph, and `metadata["locations"]` names
each line's slide and shape. `metadata["sensitivity_labels"]` holds the enabled Microsoft
sensitivity labels.
"""

from __future__ import annotations

import io

from marklint.document import Block, BlockKind, Document, Page, ReaderOptions, Region
from marklint.readers._common import require
from marklint.readers._ooxml import read_package, sensitivity_labels
from marklint.readers._slots import Slots
from marklint.lineshapes import BANNER_CANDIDATE_RE

BAND = 0.15  # the top and bottom bands: this fraction of the slide's height each
_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_SMARTART_URI = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_NOT_NODES = {"doc", "pres", "parTrans", "sibTrans"}  # SmartArt points that hold no user text
_LAST = float("inf")


class _Piece:
    """Text found on a slide: where it sits (`band` "top", "bottom" or None) and its block
    kind, lines and location; `banner_only` keeps only its banner-like lines."""

    def __init__(self, box: tuple[float, float], band: str | None, kind: BlockKind, lines: list[str],
                 where: str, banner_only: bool = False) -> None:
        self.box = box
        self.band = band
        self.kind = kind
        self.lines = lines
        self.where = where
        self.banner_only = banner_only


class _Deck:
    """Reads one presentation slide by slide."""

    def __init__(self, presentation, options: ReaderOptions) -> None:
        from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

        self.presentation = presentation
        self.options = options
        self.height = presentation.slide_height or 6858000  # the 4:3 default when unset
        self.slots = Slots()
        self.group = MSO_SHAPE_TYPE.GROUP
        self.titles = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE,
                       PP_PLACEHOLDER.VERTICAL_TITLE}
        self.header_footer = {PP_PLACEHOLDER.HEADER, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.DATE,
                              PP_PLACEHOLDER.SLIDE_NUMBER}
        self.hidden: list[int] = []

    def _band(self, top, height) -> str | None:
        if top is None or height is None:
            return None
        if top + height <= self.height * BAND:
            return "top"
        if top >= self.height * (1 - BAND):
            return "bottom"
        return None

    def pages(self) -> list[Page]:
        """Every slide as a page."""
        return [self._slide(number, slide) for number, slide in enumerate(self.presentation.slides, 1)]

    def _slide(self, number: int, slide) -> Page:
        self.slots.page = number
        hidden = slide._element.get("show") in ("0", "false")
        if hidden:
            self.hidden.append(number)
        name = f"slide {number} (hidden)" if hidden else f"slide {number}"
        bands: dict[str | None, list[_Piece]] = {"top": [], None: [], "bottom": []}
        for piece in [*self._shapes(slide.shapes, name, slide), *self._background(slide, name)]:
            _split(piece, bands)
        blocks: list[Block] = []
        for piece in sorted(bands["top"], key=_place):
            blocks += self._banner_blocks(piece, Region.HEADER)
        for piece in sorted(bands[None], key=_place):
            blocks += self._body_blocks(piece)
        if not self.options.skip_speaker_notes and slide.has_notes_slide:
            frame = slide.notes_slide.notes_text_frame
            if frame is not None:
                notes = _Piece((_LAST, _LAST), None, BlockKind.PARAGRAPH, _paragraphs(frame), f"{name}, speaker notes")
                blocks += self._body_blocks(notes)
        for piece in sorted(bands["bottom"], key=_place):
            blocks += self._banner_blocks(piece, Region.FOOTER)
        return Page(number, blocks)

    def _banner_blocks(self, piece: _Piece, region: Region) -> list[Block]:
        return [block for line in piece.lines if (block := self.slots.block(BlockKind.LINE, [line], piece.where, region))]

    def _body_blocks(self, piece: _Piece) -> list[Block]:
        if piece.kind in (BlockKind.HEADING, BlockKind.TABLE_CELL):  # one block, however many lines
            block = self.slots.block(piece.kind, piece.lines, piece.where)
            return [] if block is None else [block]
        return [block for line in piece.lines if (block := self.slots.block(piece.kind, [line], piece.where))]

    def _shapes(self, shapes, prefix: str, slide, group: tuple | None = None, within: str = ""):
        """The pieces of a shape tree (groups are looked into, at the group's place)."""
        for shape in shapes:
            top, left, height = (shape.top, shape.left, shape.height) if group is None else group
            box = (_LAST if top is None else top, _LAST if left is None else left)
            band = self._band(top, height)
            where = f'{prefix}, shape "{shape.name}"{within}'
            if shape.shape_type == self.group:
                yield from self._shapes(shape.shapes, prefix, slide, (top, left, height),
                                        f'{within} in group "{shape.name}"')
            elif shape.is_placeholder and shape.placeholder_format.type in self.header_footer:
                lines = _paragraphs(shape.text_frame) if shape.has_text_frame else []
                if not any(line.strip() for line in lines):
                    lines = self._inherited(slide, shape)
                yield _Piece(box, band, BlockKind.LINE, lines, where, banner_only=True)
            elif shape.has_text_frame:
                title = shape.is_placeholder and shape.placeholder_format.type in self.titles
                kind = BlockKind.HEADING if title else BlockKind.PARAGRAPH
                yield _Piece(box, band, kind, _paragraphs(shape.text_frame), where)
            elif getattr(shape, "has_table", False):
                yield from self._table(shape, box, prefix, within)
            elif shape._element.tag.endswith("}pic"):
                description = shape._element._nvXxPr.cNvPr.get("descr", "")
                yield _Piece(box, None, BlockKind.PARAGRAPH, description.split("\n"),
                             f'{prefix}, picture "{shape.name}"{within} (alt text)')
            elif _is_smartart(shape):
                yield _Piece(box, None, BlockKind.PARAGRAPH, _smartart_lines(slide, shape),
                             f'{prefix}, SmartArt "{shape.name}"{within}')

    def _table(self, shape, box: tuple, prefix: str, within: str):
        for r, row in enumerate(shape.table.rows, 1):
            for c, cell in enumerate(row.cells, 1):
                if cell.is_spanned:
                    continue
                yield _Piece((box[0], box[1], r, c), None, BlockKind.TABLE_CELL, _paragraphs(cell.text_frame),
                             f'{prefix}, table "{shape.name}"{within} row {r} column {c}')

    def _inherited(self, slide, shape) -> list[str]:
        """The text a header/footer placeholder shows when the slide's copy is empty: the
        layout's placeholder of the same kind, else the master's."""
        kind = shape.placeholder_format.type
        layout = slide.slide_layout
        for holder in [*layout.placeholders, *layout.slide_master.placeholders]:
            if holder.placeholder_format.type == kind and holder.has_text_frame:
                lines = _paragraphs(holder.text_frame)
                if any(line.strip() for line in lines):
                    return lines
        return []

    def _background(self, slide, prefix: str) -> list[_Piece]:
        """Banner-like text boxes of the slide layout and master that the slide shows."""
        if slide._element.get("showMasterSp") in ("0", "false"):
            return []
        layout = slide.slide_layout
        sources = [(layout, f'{prefix}, slide layout "{layout.name}"')]
        if layout._element.get("showMasterSp") not in ("0", "false"):
            sources.append((layout.slide_master, f"{prefix}, slide master"))
        pieces = []
        for source, where in sources:
            for piece in self._shapes([s for s in source.shapes if not s.is_placeholder], where, slide):
                piece.banner_only = True
                pieces.append(piece)
        return pieces


def _place(piece: _Piece) -> tuple:
    return piece.box


def _split(piece: _Piece, bands: dict[str | None, list[_Piece]]) -> None:
    """File a piece by band: in a band, its banner-like lines are the slide's banners and its
    other lines are portions (unless the piece holds only banners: header/footer placeholders,
    layout and master text boxes); elsewhere the piece is portions, unless it holds only banners."""
    if piece.band is None:
        if not piece.banner_only:
            bands[None].append(piece)
        return
    banners = [line for line in piece.lines if BANNER_CANDIDATE_RE.match(line.strip())]
    if banners:
        bands[piece.band].append(_Piece(piece.box, piece.band, BlockKind.LINE, banners, piece.where))
    rest = [line for line in piece.lines if not BANNER_CANDIDATE_RE.match(line.strip())]
    if rest and not piece.banner_only:
        bands[None].append(_Piece(piece.box, None, piece.kind, rest, piece.where))


def _paragraphs(frame) -> list[str]:
    # a line break within a paragraph (Shift+Enter: `<a:br/>`, read as a vertical tab) starts a line
    return [line for paragraph in frame.paragraphs for line in paragraph.text.split("\x0b")]


def _is_smartart(shape) -> bool:
    data = shape._element.find(f".//{_A}graphicData")
    return data is not None and data.get("uri") == _SMARTART_URI


def _smartart_lines(slide, shape) -> list[str]:
    """The text of a SmartArt diagram's nodes, from its data part."""
    from pptx.oxml import parse_xml

    ids = shape._element.find(f".//{_DGM}relIds")
    if ids is None or ids.get(f"{_R}dm") is None:
        return []
    model = parse_xml(slide.part.related_part(ids.get(f"{_R}dm")).blob)
    lines = []
    for point in model.iter(f"{_DGM}pt"):
        if point.get("type", "node") in _NOT_NODES:
            continue
        for paragraph in point.iter(f"{_A}p"):
            lines.append("".join(t.text or "" for t in paragraph.iter(f"{_A}t")))
    return lines


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read a .pptx file into a Document (see the module docstring)."""
    pptx = require("pptx", "pptx", "PowerPoint (.pptx) files")

    def parse() -> tuple[_Deck, list[Page], list[str]]:
        deck = _Deck(pptx.Presentation(io.BytesIO(data)), options)
        return deck, deck.pages(), sensitivity_labels(data)

    deck, pages, labels = read_package(data, ".pptx", parse)
    metadata: dict[str, object] = {"locations": deck.slots.locations}
    if labels:
        metadata["sensitivity_labels"] = labels
    if deck.hidden:
        metadata["notices"] = [f"slide {number} is hidden (linted like the others)" for number in deck.hidden]
    return Document(path=path, format="pptx", pages=pages or [Page(1)], metadata=metadata)
