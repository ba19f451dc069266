"""Plain-text reader.

Decoding: UTF-8 with or without a byte-order mark (the BOM is not part of `Document.source`;
`metadata["bom"]` records it), LF or CRLF line ends (positions count characters of the line
without its line end), tabs count as one column. NUL bytes or undecodable bytes make an
InputError ("not a text file (...)").

Pages: a form feed starts a new page, as does a line matching a configured page-break pattern
(that line is not content); `marklint.pages` adds the breaks between a bottom and a top banner.

Blocks: blank lines separate blocks and hard-wrapped lines are joined. A line starting with a
list marker (`1.`, `a.`, `(1)`, `•`, `-`, `*`) or a subject label starts a new block; so does a line
starting with a portion mark; a line that looks like a banner, a page number or a suppression directive (`# marklint: ...`, emitted as a
COMMENT block holding the text after `#`) is a block of its own; banner and page-number lines
are LINE blocks. A single line underlined with `===` or `---`, or a short single line in
capitals, is a HEADING.
"""

from __future__ import annotations

import re

from marklint.document import Block, BlockKind, Document, InputError, ReaderOptions
from marklint.pages import break_pattern, build_pages, is_page_number
from marklint.recognize import BANNER_CANDIDATE_RE, PORTION_START_RE

# A numbered or bulleted item: `1.`, `12)`, `a.`, `(1)`, `(a)`, `•`, `-`, `*`, `·`.
LIST_ITEM_RE = re.compile(r"(?:\d{1,3}[.)]|[a-zA-Z][.)]|\(\d{1,3}\)|\([a-z]\)|[•·*-])\s+\S")
SUBJECT_RE = re.compile(r"(?:SUBJECT|Subject|SUBJ|Subj|RE|Re)\s*:")
UNDERLINE_RE = re.compile(r"(?:=+|-+)\s*")
DIRECTIVE_RE = re.compile(r"#\s*marklint:")
HEADING_MAX = 80


def decode(path: str, data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 text; return (text without BOM, had_bom). Raise InputError if not text."""
    if b"\x00" in data:
        raise InputError("not a text file (contains NUL bytes)")
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not a text file (invalid UTF-8 at byte {exc.start + (3 if bom else 0)})") from None
    return text, bom


class _Builder:
    """Accumulates lines into blocks and blocks into segments (pages before banner splitting)."""

    def __init__(self) -> None:
        self.segments: list[list[Block]] = [[]]
        self.lines: list[str] = []
        self.first_line = 0
        self.columns: list[int] = []
        self.kind = BlockKind.PARAGRAPH

    def start(self, kind: BlockKind, text: str, line: int, column: int) -> None:
        self.flush()
        self.kind, self.lines, self.first_line, self.columns = kind, [text], line, [column]

    def add(self, text: str, line: int, column: int) -> None:
        if self.lines:
            self.lines.append(text)
            self.columns.append(column)
        else:
            self.start(BlockKind.PARAGRAPH, text, line, column)

    def single(self, kind: BlockKind, text: str, line: int, column: int) -> None:
        self.flush()
        self.segments[-1].append(Block(kind, text, line, column))

    def underline(self) -> bool:
        """Turn the pending single line into a heading; False when there is none to underline."""
        if len(self.lines) != 1 or self.kind is not BlockKind.PARAGRAPH:
            return False
        self.kind = BlockKind.HEADING
        self.flush()
        return True

    def flush(self) -> None:
        if not self.lines:
            return
        kind = self.kind
        if kind is BlockKind.PARAGRAPH and len(self.lines) == 1:
            text = self.lines[0]
            if len(text) <= HEADING_MAX and text.upper() == text and text.lower() != text:
                kind = BlockKind.HEADING
        self.segments[-1].append(
            Block(
                kind,
                "\n".join(self.lines),
                self.first_line,
                self.columns[0],
                continuation_columns=tuple(self.columns[1:]),
            )
        )
        self.lines = []

    def page_break(self) -> None:
        self.flush()
        self.segments.append([])


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read a plain-text file into a Document (see the module docstring for the rules)."""
    source, bom = decode(path, data)
    breaker = break_pattern(options)
    builder = _Builder()
    for number, raw in enumerate(source.split("\n"), 1):
        if raw.endswith("\r"):
            raw = raw[:-1]
        if "\f" in raw:
            pieces = raw.split("\f")
            offset = 0
            for piece in pieces[:-1]:
                _line(builder, piece, number, offset, breaker)
                builder.page_break()
                offset += len(piece) + 1
            _line(builder, pieces[-1], number, offset, breaker)
        else:
            _line(builder, raw, number, 0, breaker)
    builder.flush()
    doc = Document(path=path, format="text", pages=build_pages(builder.segments), source=source)
    if bom:
        doc.metadata["bom"] = True
    return doc


def _line(builder: _Builder, raw: str, number: int, offset: int, breaker: re.Pattern[str] | None) -> None:
    """Feed one physical line (or the part of it between form feeds) to the builder."""
    stripped = raw.strip()
    if not stripped:
        builder.flush()
        return
    if breaker is not None and breaker.search(raw):
        builder.page_break()
        return
    text = raw.rstrip()
    column = offset + len(text) - len(text.lstrip()) + 1
    if stripped[0] == "#" and DIRECTIVE_RE.match(stripped):
        body_start = raw.index("#") + 1
        builder.single(BlockKind.COMMENT, raw[body_start:].rstrip(), number, offset + body_start + 1)
    elif BANNER_CANDIDATE_RE.match(stripped) or is_page_number(stripped):
        builder.single(BlockKind.LINE, stripped, number, column)
    elif UNDERLINE_RE.fullmatch(stripped):
        if not builder.underline():
            builder.flush()  # a horizontal rule: not content, but it ends the block
    elif LIST_ITEM_RE.match(stripped):
        builder.start(BlockKind.LIST_ITEM, stripped, number, column)
    elif SUBJECT_RE.match(stripped):
        builder.start(BlockKind.SUBJECT, stripped, number, column)
    elif stripped[0] == "(" and PORTION_START_RE.match(stripped):
        builder.start(BlockKind.PARAGRAPH, stripped, number, column)
    else:
        builder.add(stripped, number, column)
