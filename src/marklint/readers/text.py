"""Plain-text reader.

Decoding: UTF-8 with or without a byte-order mark (the BOM is not part of `Document.source`;
`metadata["bom"]` records it), LF, CRLF or lone CR line ends, as in the markup readers
(positions count characters of the line without its line end), tabs count as one column. NUL bytes or undecodable bytes make an
InputError ("not a text file (...)"); UTF-16 with a BOM gets its own message (`reject_utf16`).

Pages: a form feed starts a new page, as does a line matching a configured page-break pattern
(that line is not content); `marklint.pages` adds the breaks between a bottom and a top banner.

Blocks: blank lines separate blocks (so does a line of e-mail quoting alone, `>`, between quoted
paragraphs) and hard-wrapped lines are joined. A line starting with a
list marker (`1.`, `a.`, `(1)`, `•`, `-`, `--`, `*`) or a footnote's (`[1]`), a subject label or a portion mark starts a new
block. A line that looks like a banner, a page number or a suppression directive
(`# marklint: ...`, emitted as a COMMENT block holding the text after `#`) is a block of its
own; banner and page-number lines are LINE blocks. A single line underlined with `===` or
`---`, or a short single line in capitals, is a HEADING. A table drawn in text (a grid of
`+---+` borders and `| cell |` rows, or a pipe table) is read cell by cell
(`marklint.readers.text_tables`).
"""

from __future__ import annotations

import functools
import itertools
import re
import sys

from marklint.document import Block, BlockKind, Document, InputError, ReaderOptions, SourceBlocks
from marklint.lineshapes import BANNER_BODY, PAGE_NUMBER_RE, PORTION_START
from marklint.pages import break_pattern, build_pages
from marklint.readers.text_tables import MAY_HOLD_TABLE_RE, split_tables
from marklint.userpattern import LinePattern

# Every line that is not plain text is an event, found by one scan over the whole text (C
# speed; the pattern starts with a literal "\n", which the regex engine skips to quickly; a
# piece's first line, which has no "\n" before it, is matched on a short copy with one, see
# `_first_event`): a run of blank lines (only whitespace, as str.strip sees it), a suppression
# directive, an underline or rule, a standalone line (banner candidate or page number), a list
# item (not a name's initials: `R. T. LANGE`), a subject line, a line starting with a portion
# mark, or a configured page-break line.
# A line of e-mail quoting alone (`>`, `> >`) is blank: it separates quoted paragraphs.
# Plain lines between events continue the open block or start a paragraph.
_EVENTS = (
    r"[^\S\n]*(?:(?P<blank>(?:>[> \t]*)?$(?:\n[^\S\n]*(?:>[> \t]*)?$)*)"
    r"|(?P<comment>#[ \t]*marklint:)"
    r"|(?P<under>(?:=+|-+)[^\S\n]*$)"
    r"|(?P<line>(?:" + BANNER_BODY + r"|(?i:" + PAGE_NUMBER_RE.pattern + r"))[^\S\n]*$)"
    r"|(?P<item>(?:\d{1,3}[.)]|[a-zA-Z][.)](?![ \t]+[A-Z]\.[ \t])|\(\d{1,3}\)|\([a-z]\)|\[\d{1,3}\]|[\u2022\u00b7*]|-{1,3})[ \t]+\S)"
    r"|(?P<subject>(?:SUBJECT|Subject|SUBJ|Subj|RE|Re)[ \t]*:)"
    r"|(?P<portion>" + PORTION_START + r"))"
)
HEADING_MAX = 80
_LONE_CR_RE = re.compile(r"\r(?!\n)")
# A line end with whitespace on either side: such a block's text (its lines stripped) is not
# a plain slice of the source.
_PADDED_LINE_END_RE = re.compile(r"\n(?:\s|(?<=\s\n))")
# From this size on, blocks slice their text out of the source when it is read (SourceBlock):
# a big file's text is then held once, not twice. A smaller file's blocks hold their own text,
# which the recognizer and the checks read faster.
SOURCE_BLOCKS_FROM = 4_000_000
_KINDS = {"item": BlockKind.LIST_ITEM, "subject": BlockKind.SUBJECT, "portion": BlockKind.PARAGRAPH}


_NON_SPACE_RE = re.compile(r"\S")
# How far an event on a line can look past the first non-space character after that line: a
# portion mark's look-ahead for a year (`(C) 2024`: four digits and a word boundary) or
# "Copyright" (nine characters).
_LOOK_PAST = 10


@functools.lru_cache(maxsize=16)
def _event_re(breaks: bool) -> re.Pattern[str]:
    """The event pattern (its matches start with the "\\n" before the line), with a line that
    `_mark_breaks` marked as a page break checked first when there are page-break patterns."""
    alternatives = [_EVENTS]
    if breaks:
        alternatives.insert(0, rf"(?P<pagebreak>(?={_BREAK_MARK}))")
    return re.compile("|".join("\n" + event for event in alternatives), re.MULTILINE)


# What a page-break line is overwritten with in the copy that is scanned: NUL, which no text
# file holds (`decode` refuses it). The line becomes no block, so the marks never show.
_BREAK_MARK = "\0"


def _mark_breaks(piece: str, breaker: LinePattern) -> str:
    """`piece` with every line that the (user-written) page-break pattern matches overwritten
    by `_BREAK_MARK`s, offsets kept. The user's pattern runs on RE2, line by line
    (`marklint.userpattern`), never inside the scanner's own expression."""
    lines = piece.split("\n")
    return "\n".join(_BREAK_MARK * len(line) if line and breaker.search(line) else line for line in lines)


def _first_event(text: str, begin: int, size: int, events: re.Pattern[str]) -> tuple[re.Match[str] | None, int]:
    """The event match for the line at `begin` (a piece's first line) and what to add to its
    positions to make them offsets into `text`. Without a "\\n" before the line, the match is
    made on a copy of it with one put before: one pattern, compiled once, serves every line (it
    is the largest of a run). The copy reaches as far as an event can look (`_LOOK_PAST`)."""
    if begin > 0 and text[begin - 1] == "\n":
        return events.match(text, begin - 1, size), 0
    line_end = text.find("\n", begin, size)
    following = _NON_SPACE_RE.search(text, size if line_end < 0 else line_end, size)
    copy_end = size if following is None else min(size, following.start() + _LOOK_PAST)
    return events.match("\n" + text[begin:copy_end]), begin - 1


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


def _block(text: str, start: int, end: int, line: int, kind: BlockKind, base: int,
           sliced: SourceBlocks | None) -> Block:
    """The block made of the lines between offsets `start` (a line start) and `end` (the end
    of its last line, without the line end); `base` is the column of the first line's first
    character when it is not indented. With `sliced` (`text` is the document's source), a
    block whose text is a plain stretch of `text` is a SourceBlock it makes."""
    if not text[start].isspace() and not text[end - 1].isspace():
        # the common case, decided without copying the lines: no indent, no trailing space
        single = text.find("\n", start, end) < 0
        if single or _PADDED_LINE_END_RE.search(text, start, end) is None:
            if single and kind is BlockKind.PARAGRAPH and end - start <= HEADING_MAX:
                line_text = text[start:end]
                if line_text.upper() == line_text != line_text.lower():
                    kind = BlockKind.HEADING
            if sliced is not None:
                return sliced.block(kind, start, end, line, base)
            return Block(kind, text[start:end], line, base,
                         continuation_columns=() if single else (1,) * text.count("\n", start, end))
    chunk = text[start:end]
    if "\n" not in chunk:
        stripped = chunk.strip()
        if (kind is BlockKind.PARAGRAPH and len(stripped) <= HEADING_MAX
                and stripped.upper() == stripped != stripped.lower()):
            kind = BlockKind.HEADING
        indent = len(chunk) - len(chunk.lstrip())
        if sliced is not None:
            return sliced.block(kind, start + indent, start + indent + len(stripped), line, indent + base)
        return Block(kind, stripped, line, indent + base)
    if sliced is not None and _PADDED_LINE_END_RE.search(chunk) is None:
        indent = len(chunk) - len(chunk.lstrip())
        return sliced.block(kind, start + indent, end - (len(chunk) - len(chunk.rstrip())), line, indent + base)
    raws = chunk.split("\n")
    first = raws[0]
    return Block(
        kind, "\n".join([raw.strip() for raw in raws]), line, len(first) - len(first.lstrip()) + base,
        continuation_columns=tuple([len(raw) - len(raw.lstrip()) + 1 for raw in raws[1:]]),
    )


def _scan(text: str, begin: int, size: int, line0: int, col0: int,
          events: re.Pattern[str], segments: list[list[Block]], sliced: SourceBlocks | None) -> None:
    """Cut the piece `text[begin:size]` (between form feeds, starting at line `line0`, column
    `col0`) into blocks appended to the last segment; a page-break line starts a new segment.
    An event match starts with the "\\n" before its line, so a line starts one character after
    the match; the piece's first line is matched by `_first_event`, whose positions are shifted.
    One loop with local variables: this is the hot path of linting plain text."""
    blocks = segments[-1]
    counted_pos, counted_line = begin, line0  # line numbers are counted forward, once
    open_at, kind = -1, BlockKind.PARAGRAPH  # start of the open block (-1: none) and its kind
    pos = begin  # start of the first line not yet accounted for
    paragraph = BlockKind.PARAGRAPH
    first, first_shift = _first_event(text, begin, size, events)
    matches = events.finditer(text, begin if first is None else first.end() + first_shift, size)
    for match in matches if first is None else itertools.chain((first,), matches):
        if match is first:
            start, shift = begin, first_shift
        else:
            start, shift = match.start() + 1, 0
        if open_at < 0 and start > pos:
            open_at, kind = pos, paragraph
        group = match.lastgroup
        if open_at >= 0:  # every event ends the open block
            if group == "under" and kind is paragraph and text.count("\n", open_at, start) == 1:
                kind = BlockKind.HEADING
            counted_line += text.count("\n", counted_pos, open_at)
            counted_pos = open_at
            blocks.append(_block(text, open_at, start - 1, counted_line, kind,
                                 col0 if counted_line == line0 else 1, sliced))
            open_at = -1
        if group in _KINDS:  # the line opens a block: where it ends does not matter yet
            open_at, kind = start, _KINDS[group]
            continue
        if group == "blank":
            pos = match.end() + shift + 1  # the start of the line after the run of blank lines
            continue
        if group == "line" or group == "under":  # these match up to the end of the line
            end = match.end() + shift
        else:
            end = text.find("\n", start, size)
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
                block_kind = BlockKind.COMMENT
            else:
                stripped = sys.intern(stripped)  # banners and page numbers repeat through a big file
                block_kind = BlockKind.LINE
            counted_line += text.count("\n", counted_pos, start)
            counted_pos = start
            blocks.append(Block(block_kind, stripped, counted_line, offset + (col0 if counted_line == line0 else 1)))
    if open_at < 0 and pos < size:
        open_at, kind = pos, paragraph
    if open_at >= 0:
        counted_line += text.count("\n", counted_pos, open_at)
        end = size - 1 if text[size - 1] == "\n" else size
        blocks.append(_block(text, open_at, end, counted_line, kind, col0 if counted_line == line0 else 1, sliced))


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
    events = _event_re(breaker is not None)
    # Lone carriage returns end lines as they do in the markup readers: scan a copy (only when
    # there are any) in which they are "\n", which keeps every offset; blocks then hold their
    # own text, since the copy's text differs from the source's.
    lines = _LONE_CR_RE.sub("\n", source) if "\r" in source else source
    sliced = SourceBlocks(source) if lines is source and len(source) >= SOURCE_BLOCKS_FROM else None
    line, column, start = 1, 1, 0
    while True:
        form_feed = lines.find("\f", start)
        end = len(lines) if form_feed < 0 else form_feed
        if breaker is None:
            _scan(lines, start, end, line, column, events, segments, sliced)
        else:  # a configured pattern may look before its line (`^`): it sees a "\n" there, never a form feed
            _scan("\n" + _mark_breaks(lines[start:end], breaker), 1, end - start + 1, line, column, events,
                  segments, None)
        if form_feed < 0:
            break
        segments.append([])
        newlines = lines.count("\n", start, end)
        line += newlines
        column = (end - lines.rfind("\n", start, end) if newlines else column + end - start) + 1
        start = form_feed + 1
    if MAY_HOLD_TABLE_RE.search(lines):
        segments = [split_tables(blocks) for blocks in segments]
    doc = Document(path=path, format="text", pages=build_pages(segments, options.vocabulary), source=source)
    if bom:
        doc.metadata["bom"] = True
    return doc
