"""The format-neutral document model that every reader produces and every check consumes.

A reader turns a file into a `Document`: pages, and on each page the blocks (paragraphs,
headings, list items, table cells, header/footer lines, comments) in reading order, each with
its exact source position. Positions are 1-based lines and columns in the original file for
text formats; for DOCX the "line" is the paragraph number and for PDF the line within the
page's extracted text (see each reader's docstring).
"""

from __future__ import annotations

import itertools
import re
from array import array
from enum import Enum

from marklint.values import FrozenValue, Value

_LINE_END_RE = re.compile(r"\r\n?|\n")  # lines end at CRLF, LF or a lone CR, as the readers count them
# The line index keeps the start of every LINE_INDEX_STEP-th line: a few MB for a 100 MB file
# instead of tens, for a short search forward on each look-up.
LINE_INDEX_STEP = 16


class BlockKind(str, Enum):
    """What a block is, as far as the reader can tell from the markup."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    SUBJECT = "subject"
    LIST_ITEM = "list-item"
    TABLE_CELL = "table-cell"
    LINE = "line"  # a single short line whose role the recognizer decides (banner, date, ...)
    COMMENT = "comment"  # a markup comment; never a portion, read for suppressions
    QUOTE = "quote"  # block quote; ignored by default


class Region(str, Enum):
    """Where on the page a block sits."""

    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"


# The records below are written on marklint.values' bases rather than as dataclasses: defining
# a dataclass costs milliseconds of start-up (it compiles generated code), and importing
# `dataclasses` more.


class Block(Value):
    """A unit of text with its position in the source.

    `text` holds the block's text with hard-wrapped lines joined by "\\n" (so the n-th line of
    `text` starts at source line `line + n`). `column` is the 1-based column of the block's
    first character on its first line; continuation lines start at `continuation_columns[i]`
    when given, else at column 1. `label` is a reader-specific location, e.g. "header (first
    page), section 1". Mutable and compared by value.
    """

    # a 100 MB file has hundreds of thousands of blocks
    __slots__ = ("kind", "text", "line", "column", "region", "continuation_columns", "label")
    _fields = __slots__

    def __init__(self, kind: BlockKind, text: str, line: int, column: int = 1, region: Region = Region.BODY,
                 continuation_columns: tuple[int, ...] = (), label: str | None = None) -> None:
        self.kind = kind
        self.text = text
        self.line = line
        self.column = column
        self.region = region
        self.continuation_columns = continuation_columns
        self.label = label

    @property
    def end_line(self) -> int:
        """The source line of the block's last character."""
        return self.line + self.text.count("\n")

    def position_of(self, offset: int) -> tuple[int, int]:
        """Map an offset into `text` to a (line, column) pair in the source."""
        before = self.text[:offset]
        row = before.count("\n")
        if row == 0:
            return self.line, self.column + offset
        start_col = (
            self.continuation_columns[row - 1] if row - 1 < len(self.continuation_columns) else 1
        )
        return self.line + row, start_col + (offset - before.rfind("\n") - 1)


class SourceBlock(Block):
    """A block whose text is a stretch of the document's source, sliced out when asked for.

    The plain-text reader makes one where the block's text is exactly `source[start:end]` (no
    line of it is indented or ends in spaces, so every continuation line starts at column 1):
    a big file's text is then held once, in `Document.source`, instead of twice. Its start and
    end offsets are a row of a `BlockTable`, which holds them for a few hundred such blocks.
    It behaves as a `Block` holding that text (compared and shown by Block's fields); assigning
    `text` is not supported.
    """

    __slots__ = ("table", "row")

    def __init__(self, kind: BlockKind, table: BlockTable, row: int, line: int, column: int = 1) -> None:
        self.kind = kind
        self.table = table
        self.row = row
        self.line = line
        self.column = column
        self.region = Region.BODY
        self.label = None

    def __reduce__(self) -> tuple:
        # as a block of a table of its own (region and label are those __init__ sets)
        return _lone_source_block, (self.kind, self.source, self.start, self.end, self.line, self.column)

    @property
    def source(self) -> str:
        """The text the block is a stretch of."""
        return self.table.source

    @property
    def start(self) -> int:
        """The offset of the block's first character in `source`."""
        return self.table.starts[self.row]

    @property
    def end(self) -> int:
        """The offset just after the block's last character in `source`."""
        return self.table.ends[self.row]

    @property
    def text(self) -> str:  # type: ignore[override]
        """The block's text (a new slice of the source on every access)."""
        table, row = self.table, self.row
        return table.source[table.starts[row]:table.ends[row]]

    @property
    def continuation_columns(self) -> tuple[int, ...]:  # type: ignore[override]
        """Column 1 for every continuation line."""
        return (1,) * (self.end_line - self.line)

    @property
    def end_line(self) -> int:
        """The source line of the block's last character."""
        table, row = self.table, self.row
        return self.line + table.source.count("\n", table.starts[row], table.ends[row])

    def position_of(self, offset: int) -> tuple[int, int]:
        """Map an offset into `text` to a (line, column) pair in the source (as Block does,
        without slicing the text)."""
        table, row = self.table, self.row
        source, start = table.source, table.starts[row]
        end = min(start + offset, table.ends[row])
        lines = source.count("\n", start, end)
        if lines == 0:
            return self.line, self.column + offset
        return self.line + lines, start + offset - source.rfind("\n", start, end)


# A table's rows are numbered below 256: such a row number is one of Python's shared small ints,
# so a SourceBlock costs no int object of its own.
TABLE_ROWS = 256


class BlockTable:
    """The start and end offsets of up to TABLE_ROWS SourceBlocks of one text, one row each, in
    two columns of machine integers: a 100 MB file has hundreds of thousands of blocks, and
    two int objects each would cost a third as much as the blocks themselves."""

    __slots__ = ("source", "starts", "ends")

    def __init__(self, source: str) -> None:
        self.source = source
        code = "i" if len(source) < 1 << 31 else "q"
        self.starts, self.ends = array(code), array(code)

    def block(self, kind: BlockKind, start: int, end: int, line: int, column: int = 1) -> SourceBlock:
        """A new SourceBlock for `source[start:end]`, which starts on `line` at `column` (the
        table must have fewer than TABLE_ROWS rows)."""
        row = len(self.starts)
        self.starts.append(start)
        self.ends.append(end)
        return SourceBlock(kind, self, row, line, column)


class SourceBlocks:
    """Makes the SourceBlocks of one text, in BlockTables of TABLE_ROWS rows."""

    __slots__ = ("table",)

    def __init__(self, source: str) -> None:
        self.table = BlockTable(source)

    def block(self, kind: BlockKind, start: int, end: int, line: int, column: int = 1) -> SourceBlock:
        """A new SourceBlock for `source[start:end]`, which starts on `line` at `column`."""
        if len(self.table.starts) == TABLE_ROWS:
            self.table = BlockTable(self.table.source)
        return self.table.block(kind, start, end, line, column)


def _lone_source_block(kind: BlockKind, source: str, start: int, end: int, line: int, column: int) -> SourceBlock:
    """A SourceBlock in a table of its own (how one is unpickled)."""
    return BlockTable(source).block(kind, start, end, line, column)


class Page(Value):
    """One page: its number (1-based) and its blocks in reading order. Mutable and compared
    by value."""

    __slots__ = ("number", "blocks")
    _fields = __slots__

    def __init__(self, number: int, blocks: list[Block] | None = None) -> None:
        self.number = number
        self.blocks = [] if blocks is None else blocks


class Document(Value):
    """A parsed input file.

    `source` is the decoded text for text formats (None for DOCX/PDF); fix mode and
    suppressions use it. `metadata` holds format-specific facts a check may use, such as a
    Markdown front-matter `classification`, DOCX sensitivity-label names, e-mail headers, or
    facts a reader-level rule reports (a PDF's `textless_pages`);
    `metadata["notices"]` are lines the run prints as notes (a hidden slide), and
    `metadata["locations"]` names the place of each line (`marklint.readers._slots`).
    Mutable and compared by value (not by its line index, a cache).
    """

    _fields = ("path", "format", "pages", "source", "metadata")

    def __init__(self, path: str, format: str, pages: list[Page] | None = None, source: str | None = None,
                 metadata: dict[str, object] | None = None) -> None:
        self.path = path
        self.format = format
        self.pages = [] if pages is None else pages
        self.source = source
        self.metadata = {} if metadata is None else metadata
        self._line_index: array | None = None

    def source_line(self, line: int) -> str | None:
        """The text of a 1-based line of `source` (which must not be None), without its line
        ending; None when there is no such line."""
        source = self.source
        if self._line_index is None:
            ends = itertools.islice(_LINE_END_RE.finditer(source), LINE_INDEX_STEP - 1, None, LINE_INDEX_STEP)
            self._line_index = array("q", [0])
            self._line_index.extend(match.end() for match in ends)
        if line < 1:
            return None
        entry, skip = divmod(line - 1, LINE_INDEX_STEP)
        if entry >= len(self._line_index):
            return None
        start = self._line_index[entry]
        for _ in range(skip):
            end = _LINE_END_RE.search(source, start)
            if end is None:
                return None
            start = end.end()
        end = _LINE_END_RE.search(source, start)
        return source[start:] if end is None else source[start:end.start()]

    def blocks(self):
        """Yield (page, block) for every block of every page, in order."""
        for page in self.pages:
            for block in page.blocks:
                yield page, block

    def full_text(self) -> str:
        """The document's text: its source, or (no source: DOCX, PDF...) its blocks joined by
        line ends."""
        return self.source if self.source is not None else "\n".join(block.text for _, block in self.blocks())


class ReaderOptions(FrozenValue):
    """Options every reader honours.

    `page_break_patterns` are extra regular expressions (from configuration): a line that
    matches one starts a new page and is not itself content. `include_quotes` makes block
    quotes count as portions (ignored by default). `skip_speaker_notes` leaves out the speaker
    notes of slides (read as portions by default). `vocabulary` is the rule set's marking
    vocabulary, whose banners break a plain-text page where a bottom banner meets a top banner
    (None: the default vocabulary's; an allied scheme's banners are its own words).
    """

    _fields = ("page_break_patterns", "include_quotes", "skip_speaker_notes", "vocabulary")

    def __init__(self, page_break_patterns: tuple[str, ...] = (), include_quotes: bool = False,
                 skip_speaker_notes: bool = False, vocabulary: object | None = None) -> None:
        self.__dict__.update(page_break_patterns=page_break_patterns, include_quotes=include_quotes,
                             skip_speaker_notes=skip_speaker_notes, vocabulary=vocabulary)


class InputError(Exception):
    """A file that cannot be turned into a Document (not text, unreadable, corrupt, a missing
    optional dependency). The message is one line and names the problem; the caller adds the
    path. The run reports it, exits 2, and goes on with the other files."""
