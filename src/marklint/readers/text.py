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

import functools
import re

from marklint.document import Block, BlockKind, Document, InputError, ReaderOptions
from marklint.pages import PAGE_NUMBER_RE, break_pattern, build_pages
from marklint.recognize import BANNER_BODY, PORTION_START_RE

# Every line that is not plain text is an event, found by one scan over the whole text (C
# speed; the pattern starts with a literal "\n", which the regex engine skips to quickly, so
# the text is scanned with a "\n" prepended): a run of blank lines (only whitespace, as
# str.strip sees it), a suppression directive, an underline or rule, a standalone line (banner candidate
# or page number), a list item, a subject line, a line starting with a portion mark, or a
# configured page-break line. Plain lines between events continue the open block or start a
# paragraph.
_EVENTS = (
    r"\n[^\S\n]*(?:(?P<blank>$(?:\n[^\S\n]*$)*)"
    r"|(?P<comment>#[ \t]*marklint:)"
    r"|(?P<under>(?:=+|-+)[^\S\n]*$)"
    r"|(?P<line>(?:" + BANNER_BODY + r"|(?i:" + PAGE_NUMBER_RE.pattern + r"))[^\S\n]*$)"
    r"|(?P<item>(?:\d{1,3}[.)]|[a-zA-Z][.)]|\(\d{1,3}\)|\([a-z]\)|[\u2022\u00b7*-])[ \t]+\S)"
    r"|(?P<subject>(?:SUBJECT|Subject|SUBJ|Subj|RE|Re)[ \t]*:)"
    r"|(?P<portion>" + PORTION_START_RE.pattern + r"))"
)
HEADING_MAX = 80
_KINDS = {"item": BlockKind.LIST_ITEM, "subject": BlockKind.SUBJECT, "portion": BlockKind.PARAGRAPH}


@functools.lru_cache(maxsize=16)
def _event_re(breaks: str | None) -> re.Pattern[str]:
    """The event pattern, with a configured page-break pattern (`breaks`) checked first."""
    if breaks is None:
        return re.compile(_EVENTS, re.MULTILINE)
    return re.compile(rf"\n(?P<pagebreak>(?=[^\n]*?(?:{breaks})))|" + _EVENTS, re.MULTILINE)


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


class _Scanner:
    """Cuts one piece of text (between form feeds) into blocks, appending to `segments`."""

    def __init__(self, segments: list[list[Block]], events: re.Pattern[str]) -> None:
        self.segments = segments
        self.events = events

    def scan(self, text: str, first_line: int, first_column: int) -> None:
        """Scan `text`, whose first character is at (first_line, first_column)."""
        self.text, self.line0, self.col0 = text, first_line, first_column
        self.counted_pos, self.counted_line = 0, first_line
        self.open: int | None = None  # start offset of the open block
        self.kind = BlockKind.PARAGRAPH
        pos = 0
        for match in self.events.finditer("\n" + text):
            start = match.start()  # the line's start in `text` (the "\n" before it is prepended)
            if start > pos and self.open is None:
                self.open, self.kind = pos, BlockKind.PARAGRAPH
            group = match.lastgroup
            if group == "blank":  # the commonest event, handled inline
                if self.open is not None:
                    self.close(start)
                pos = match.end()  # the start of the line after the run of blank lines
                continue
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            self.event(group, start, end)
            pos = end + 1
        if pos < len(text) and self.open is None:
            self.open, self.kind = pos, BlockKind.PARAGRAPH
        self.close(len(text))

    def line_of(self, offset: int) -> int:
        self.counted_line += self.text.count("\n", self.counted_pos, offset)
        self.counted_pos = offset
        return self.counted_line

    def column_of(self, line_start: int, offset: int, line: int) -> int:
        """The 1-based column of `offset` on the line starting at `line_start`."""
        return offset - line_start + (self.col0 if line == self.line0 else 1)

    def event(self, group: str, start: int, end: int) -> None:
        if group in ("item", "subject", "portion"):
            self.close(start)
            self.open, self.kind = start, _KINDS[group]
            return
        if group == "under" and self.open is not None and self.kind is BlockKind.PARAGRAPH:
            if self.text.count("\n", self.open, start) == 1:
                self.kind = BlockKind.HEADING
        self.close(start)
        if group == "pagebreak":
            self.segments.append([])
        elif group in ("comment", "line"):
            raw = self.text[start:end].rstrip()
            stripped = raw.lstrip()
            begin = start + len(raw) - len(stripped)
            line = self.line_of(start)
            if group == "comment":
                begin += 1
                stripped = raw[begin - start:]
            kind = BlockKind.COMMENT if group == "comment" else BlockKind.LINE
            self.segments[-1].append(Block(kind, stripped, line, self.column_of(start, begin, line)))

    def close(self, end: int) -> None:
        """Close the open block, which ends just before offset `end` (a line start)."""
        if self.open is None:
            return
        start, self.open = self.open, None
        text = self.text
        chunk = text[start:end - 1] if text[end - 1] == "\n" else text[start:end]
        line = self.line_of(start)
        kind = self.kind
        if "\n" not in chunk:
            text = chunk.strip()
            column = self.column_of(start, start + chunk.index(text[0]), line)
            if kind is BlockKind.PARAGRAPH and len(text) <= HEADING_MAX and text.upper() == text != text.lower():
                kind = BlockKind.HEADING
            self.segments[-1].append(Block(kind, text, line, column))
            return
        raws = chunk.split("\n")
        column = self.column_of(start, start + len(raws[0]) - len(raws[0].lstrip()), line)
        continuation = tuple([len(raw) - len(raw.lstrip()) + 1 for raw in raws[1:]])
        text = "\n".join([raw.strip() for raw in raws])
        self.segments[-1].append(Block(kind, text, line, column, continuation_columns=continuation))


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read a plain-text file into a Document (see the module docstring for the rules)."""
    source, bom = decode(path, data)
    breaker = break_pattern(options)
    segments: list[list[Block]] = [[]]
    scanner = _Scanner(segments, _event_re(breaker.pattern if breaker is not None else None))
    line, column = 1, 1
    for index, piece in enumerate(source.split("\f")):
        if index:
            segments.append([])
        scanner.scan(piece, line, column)
        line += piece.count("\n")
        column = (len(piece) - piece.rfind("\n") - 1 if "\n" in piece else column - 1 + len(piece)) + 2
    doc = Document(path=path, format="text", pages=build_pages(segments), source=source)
    if bom:
        doc.metadata["bom"] = True
    return doc
