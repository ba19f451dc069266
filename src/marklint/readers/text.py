"""Plain-text reader.

Decoding: UTF-8 with or without a byte-order mark (the BOM is not part of `Document.source`;
`metadata["bom"]` records it), LF, CRLF or lone CR line ends, as in the markup readers
(positions count characters of the line without its line end), tabs count as one column. NUL bytes or undecodable bytes make an
InputError ("not a text file (...)"); UTF-16 with a BOM gets its own message (`reject_utf16`).

Pages: a form feed starts a new page, as does a line matching a configured page-break pattern
(that line is not content); `marklint.pages` adds the breaks between a bottom and a top banner.

Blocks: blank lines separate blocks and hard-wrapped lines are joined. A line starting with a
list marker (`1.`, `a.`, `(1)`, `•`, `-`, `*`), a subject label or a portion mark starts a new
block. A line that looks like a banner, a page number or a suppression directive
(`# marklint: ...`, emitted as a COMMENT block holding the text after `#`) is a block of its
own; banner and page-number lines are LINE blocks. A single line underlined with `===` or
`---`, or a short single line in capitals, is a HEADING.
"""

from __future__ import annotations

import functools
import re

from marklint.document import Block, BlockKind, Document, InputError, ReaderOptions
from marklint.pages import PAGE_NUMBER_RE, break_pattern, build_pages
from marklint.recognize import BANNER_BODY, PORTION_START_RE
from marklint.userpattern import INPUT_LIMIT

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
_LONE_CR_RE = re.compile(r"\r(?!\n)")
_KINDS = {"item": BlockKind.LIST_ITEM, "subject": BlockKind.SUBJECT, "portion": BlockKind.PARAGRAPH}


@functools.lru_cache(maxsize=16)
def _event_re(breaks: str | None) -> re.Pattern[str]:
    """The event pattern, with a configured page-break pattern (`breaks`) checked first."""
    if breaks is None:
        return re.compile(_EVENTS, re.MULTILINE)
    # a line longer than INPUT_LIMIT is never a page break (see marklint.userpattern)
    return re.compile(rf"\n(?P<pagebreak>(?=[^\n]{{0,{INPUT_LIMIT}}}\r?$)(?=[^\n]*?(?:{breaks})))|" + _EVENTS,
                      re.MULTILINE)


def reject_utf16(data: bytes) -> None:
    """Raise InputError for UTF-16 text (recognised by its byte-order mark): marklint reads UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("the file is UTF-16 (byte-order mark); marklint reads UTF-8: convert it, e.g. iconv -f UTF-16 -t UTF-8")


def decode(path: str, data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 text; return (text without BOM, had_bom). Raise InputError if not text."""
    reject_utf16(data)
    if b"\x00" in data:
        raise InputError("not a text file (contains NUL bytes)")
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not a text file (invalid UTF-8 at byte {exc.start + (3 if bom else 0)})") from None
    return text, bom


def _block(text: str, start: int, end: int, line: int, kind: BlockKind, base: int) -> Block:
    """The block made of the lines between offsets `start` (a line start) and `end` (the end
    of its last line, without the line end); `base` is the column of the first line's first
    character when it is not indented."""
    chunk = text[start:end]
    if "\n" not in chunk:
        stripped = chunk.strip()
        if (kind is BlockKind.PARAGRAPH and len(stripped) <= HEADING_MAX
                and stripped.upper() == stripped != stripped.lower()):
            kind = BlockKind.HEADING
        return Block(kind, stripped, line, len(chunk) - len(chunk.lstrip()) + base)
    raws = chunk.split("\n")
    first = raws[0]
    return Block(
        kind, "\n".join([raw.strip() for raw in raws]), line, len(first) - len(first.lstrip()) + base,
        continuation_columns=tuple([len(raw) - len(raw.lstrip()) + 1 for raw in raws[1:]]),
    )


def _scan(text: str, line0: int, col0: int, events: re.Pattern[str], segments: list[list[Block]]) -> None:
    """Cut `text` ("\\n" followed by one piece between form feeds, starting at line `line0`,
    column `col0`) into blocks appended to the last segment; a page-break line starts a new
    segment. Offsets are into `text`, so a line starts one character after the "\\n" an event
    match starts with. One loop with local variables: this is the hot path of linting plain
    text."""
    blocks = segments[-1]
    counted_pos, counted_line = 1, line0  # line numbers are counted forward, once
    open_at, kind = -1, BlockKind.PARAGRAPH  # start of the open block (-1: none) and its kind
    pos = 1  # start of the first line not yet accounted for
    size = len(text)
    paragraph = BlockKind.PARAGRAPH
    for match in events.finditer(text):
        start = match.start() + 1
        if open_at < 0 and start > pos:
            open_at, kind = pos, paragraph
        group = match.lastgroup
        if open_at >= 0:  # every event ends the open block
            if group == "under" and kind is paragraph and text.count("\n", open_at, start) == 1:
                kind = BlockKind.HEADING
            counted_line += text.count("\n", counted_pos, open_at)
            counted_pos = open_at
            blocks.append(_block(text, open_at, start - 1, counted_line, kind, col0 if counted_line == line0 else 1))
            open_at = -1
        if group in _KINDS:  # the line opens a block: where it ends does not matter yet
            open_at, kind = start, _KINDS[group]
            continue
        if group == "blank":
            pos = match.end() + 1  # the start of the line after the run of blank lines
            continue
        if group == "line" or group == "under":  # these match up to the end of the line
            end = match.end()
        else:
            end = text.find("\n", start)
            end = size if end < 0 else end
        pos = end + 1
        if group == "pagebreak":
            blocks = []
            segments.append(blocks)
        elif group != "under":  # a comment or a standalone line
            raw = text[start:end].rstrip()
            stripped = raw.lstrip()
            offset = len(raw) - len(stripped)
            if group == "comment":
                offset += 1
                stripped = raw[offset:]
            counted_line += text.count("\n", counted_pos, start)
            counted_pos = start
            block_kind = BlockKind.COMMENT if group == "comment" else BlockKind.LINE
            blocks.append(Block(block_kind, stripped, counted_line, offset + (col0 if counted_line == line0 else 1)))
    if open_at < 0 and pos < size:
        open_at, kind = pos, paragraph
    if open_at >= 0:
        counted_line += text.count("\n", counted_pos, open_at)
        end = size - 1 if text[-1] == "\n" else size
        blocks.append(_block(text, open_at, end, counted_line, kind, col0 if counted_line == line0 else 1))


def read(path: str, data: bytes | bytearray, options: ReaderOptions) -> Document:
    """Read a plain-text file into a Document (see the module docstring for the rules).

    A bytearray is consumed: it is emptied once decoded, so that the bytes of a big file are
    freed before its blocks are built (`marklint.lint.read_path` hands one over).
    """
    source, bom = decode(path, data)
    if isinstance(data, bytearray):
        data.clear()
    breaker = break_pattern(options)
    segments: list[list[Block]] = [[]]
    events = _event_re(breaker.pattern if breaker is not None else None)
    # Lone carriage returns end lines as they do in the markup readers: scan a copy (only when
    # there are any) in which they are "\n", which keeps every offset.
    lines = _LONE_CR_RE.sub("\n", source) if "\r" in source else source
    line, column, start = 1, 1, 0
    while True:
        form_feed = lines.find("\f", start)
        end = len(lines) if form_feed < 0 else form_feed
        piece = "\n" + lines[start:end]
        _scan(piece, line, column, events, segments)
        if form_feed < 0:
            break
        segments.append([])
        newlines = piece.count("\n") - 1
        line += newlines
        column = (len(piece) - piece.rfind("\n") - 1 if newlines else column - 1 + len(piece) - 1) + 2
        start = form_feed + 1
    doc = Document(path=path, format="text", pages=build_pages(segments), source=source)
    if bom:
        doc.metadata["bom"] = True
    return doc
