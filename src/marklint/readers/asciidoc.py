"""AsciiDoc reader: a line scanner (AsciiDoc has no maintained Python parser).

Blocks: section titles (`= Title`, `== Section`, ...) and block titles (`.Title`) as HEADING,
paragraphs, list items (`*`, `-`, `.`, `1.`; the text after the marker) and table cells
(`|===` tables, one block per `|` cell). The author and revision lines under the document title
(`= Title`) are its header, not paragraphs. A one-line paragraph wrapped in emphasis (`*SECRET*`,
`**SECRET**`) is a LINE block holding the text inside. Ignored: listing (`----`), literal
(`....`), passthrough (`++++`) blocks, `[source]`/`[listing]`/`[literal]` paragraphs, indented
literal paragraphs, attribute entries (`:name: value`) and block attribute lines (`[...]`).
Comments (`// text` and `////` blocks) become COMMENT blocks. Quote blocks (`____`, `[quote]`)
are QUOTE blocks unless ReaderOptions.include_quotes. Page breaks: `<<<` and configured
patterns.
"""

from __future__ import annotations

import re

from marklint.document import Block, BlockKind, Document, ReaderOptions
from marklint.pages import break_pattern, build_pages
from marklint.readers._common import PAGE_BREAK, decode, segments, unwrap_emphasis

_HEADING_RE = re.compile(r"(={1,6}|#{1,6})\s+(\S.*)$")
_BLOCK_TITLE_RE = re.compile(r"\.([^.\s].*)$")
_LIST_RE = re.compile(r"(\*{1,5}|-|\.{1,5}|\d+\.|[a-z]\.)\s+(\S.*)$")
_DELIMITERS = {"----": "ignore", "....": "ignore", "++++": "ignore", "////": "comment",
               "____": "quote", "====": "open", "****": "open", "--": "open"}
_ATTRIBUTE_RE = re.compile(r":!?[\w-]+!?:(\s.*)?$")
_LITERAL_STYLE_RE = re.compile(r"\[(source|listing|literal|stem|latexmath|asciimath|pass)\b.*\]$")
_QUOTE_STYLE_RE = re.compile(r"\[(quote|verse)\b.*\]$")


def _delimiter(stripped: str) -> str | None:
    """The delimited-block kind a line opens or closes (`----` of any length >= 4), or None."""
    if stripped == "--":
        return "open"
    if len(stripped) >= 4 and len(set(stripped)) == 1:
        return _DELIMITERS.get(stripped[0] * 4)
    return None


def _paragraph(rows: list[tuple[int, int, str]], kind: BlockKind) -> Block:
    line, column, text = rows[0]
    if len(rows) == 1 and kind is BlockKind.PARAGRAPH:
        unwrapped = unwrap_emphasis(text)
        if unwrapped is not None:
            return Block(BlockKind.LINE, unwrapped[0], line, column + unwrapped[1])
    return Block(kind, "\n".join(r[2] for r in rows), line, column,
                 continuation_columns=tuple(r[1] for r in rows[1:]))


def _scan(lines: list[tuple[int, str]], options: ReaderOptions) -> list[Block | str]:
    """Blocks and page breaks of AsciiDoc lines (absolute line numbers)."""
    items: list[Block | str] = []
    pattern = break_pattern(options)
    quote_kind = BlockKind.PARAGRAPH if options.include_quotes else BlockKind.QUOTE
    style: str | None = None  # "ignore" or "quote", from a [source]/[quote] attribute line
    in_quote = False
    i = 0
    while i < len(lines):
        number, text = lines[i]
        stripped = text.strip()
        i += 1
        if pattern is not None and pattern.search(text):
            items.append(PAGE_BREAK)
            continue
        if not stripped:
            style = None
            continue
        delimiter = _delimiter(stripped)
        if delimiter == "quote":
            in_quote = not in_quote
            style = None
            continue
        if delimiter == "open" and style != "ignore":
            continue
        if delimiter in ("ignore", "comment") or (delimiter and style == "ignore"):
            start = i
            while i < len(lines) and lines[i][1].strip() != stripped:
                i += 1
            rows = [(n, 1 + len(t) - len(t.lstrip()), t.strip()) for n, t in lines[start:i]]
            while rows and not rows[0][2]:
                rows.pop(0)
            while rows and not rows[-1][2]:
                rows.pop()
            if delimiter == "comment" and rows:
                items.append(_paragraph(rows, BlockKind.COMMENT))
            i += 1
            style = None
            continue
        if stripped == "<<<":
            items.append(PAGE_BREAK)
            continue
        if stripped.startswith("//"):
            items.append(Block(BlockKind.COMMENT, stripped[2:].strip(), number,
                               text.index("//") + 3 + len(stripped[2:]) - len(stripped[2:].lstrip())))
            continue
        if _LITERAL_STYLE_RE.match(stripped):
            style = "ignore"
            continue
        if _QUOTE_STYLE_RE.match(stripped):
            style = "quote"
            continue
        if (stripped.startswith("[") and stripped.endswith("]")) or _ATTRIBUTE_RE.match(stripped):
            continue
        if text[:1].isspace() or style == "ignore":  # a literal paragraph
            while i < len(lines) and lines[i][1].strip():
                i += 1
            style = None
            continue
        if stripped.startswith("|==="):
            i = _table(lines, i, items)
            continue
        heading = _HEADING_RE.match(text)
        if heading:
            items.append(Block(BlockKind.HEADING, heading.group(2).strip(), number, heading.start(2) + 1))
            if len(heading.group(1)) == 1:
                i = _after_header_lines(lines, i)
            continue
        title = _BLOCK_TITLE_RE.match(text)
        if title:
            items.append(Block(BlockKind.HEADING, title.group(1).strip(), number, 2))
            continue
        listed = _LIST_RE.match(text)
        kind = BlockKind.LIST_ITEM if listed else BlockKind.PARAGRAPH
        rows = [(number, listed.start(2) + 1 if listed else 1, listed.group(2).strip() if listed else stripped)]
        while i < len(lines) and lines[i][1].strip() and not _starts_block(lines[i][1]):
            rows.append((lines[i][0], 1 + len(lines[i][1]) - len(lines[i][1].lstrip()), lines[i][1].strip()))
            i += 1
        if in_quote or style == "quote":
            kind = quote_kind
        style = None
        items.append(_paragraph(rows, kind))
    return items


def _after_header_lines(lines: list[tuple[int, str]], i: int) -> int:
    """The index after a document title's author and revision lines (`Jane Doe <jd@x.gov>`,
    `v1.2, 2025-05-20`): up to two lines right under the title, among its attribute entries,
    before the first blank line. They are the header's, not paragraphs."""
    skipped = 0
    while i < len(lines) and lines[i][1].strip() and skipped < 2:
        stripped = lines[i][1].strip()
        if _ATTRIBUTE_RE.match(stripped) or stripped.startswith("//"):
            break
        skipped += 1
        i += 1
    return i


def _starts_block(text: str) -> bool:
    """Whether a line ends the paragraph before it (a list item, delimiter or comment)."""
    stripped = text.strip()
    return bool(_LIST_RE.match(text) or _delimiter(stripped) or stripped.startswith("//")
                or stripped == "<<<" or stripped.startswith("|==="))


def _table(lines: list[tuple[int, str]], i: int, items: list[Block | str]) -> int:
    """Table cells up to the closing `|===`; returns the index after it."""
    while i < len(lines) and not lines[i][1].strip().startswith("|==="):
        number, text = lines[i]
        position = text.find("|")
        while position >= 0:
            following = text.find("|", position + 1)
            cell = text[position + 1:following if following >= 0 else len(text)]
            if cell.strip():
                column = position + 2 + len(cell) - len(cell.lstrip())
                items.append(Block(BlockKind.TABLE_CELL, cell.strip(), number, column))
            position = following
        i += 1
    return i + 1


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read an AsciiDoc file into a Document (see the module docstring)."""
    source = decode(data)
    lines = list(enumerate(source.split("\n"), 1))
    items = _scan(lines, options)
    return Document(path=path, format="asciidoc", pages=build_pages(segments(items), options.vocabulary), source=source)
