"""HTML reader (standard library `html.parser`).

Only visible text becomes blocks: scripts, styles, templates, the document head and attribute
values are skipped, and so are `pre`, `code`, `kbd` and `samp` (a marking quoted as code is an
example, not a marking). Headings, paragraphs, list items and table cells are blocks; text
inside `<header>` and `<footer>` elements gets Region.HEADER / Region.FOOTER; a one-line centred
element (`align="center"`, `text-align: center`, `<center>`) is a LINE block, as banners are;
`blockquote` text is a QUOTE block unless ReaderOptions.include_quotes. `<br>` ends a block, as
the lines of an authority block or an address are written with it. Comments become COMMENT
blocks. Pages break at CSS `page-break-before/after: always` or `break-before/after: page`,
given inline or through a class declared in a `<style>` element, and at `<!-- pagebreak -->`.

Positions are exact for the first character of each source line of a block; inside a line,
columns after inline tags or character references are approximate.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from marklint.document import Block, BlockKind, Document, ReaderOptions, Region
from marklint.pages import break_pattern, build_pages
from marklint.readers._common import PAGE_BREAK, decode, insert_line_breaks, segments

_SKIP = {"script", "style", "template", "head", "pre", "code", "kbd", "samp", "textarea", "svg"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl",
    "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "section", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "br", "html",
}
_KIND = {
    **{f"h{n}": BlockKind.HEADING for n in range(1, 7)},
    "li": BlockKind.LIST_ITEM, "td": BlockKind.TABLE_CELL, "th": BlockKind.TABLE_CELL,
    "caption": BlockKind.HEADING,
}
_BREAK_DECL = r"(?:page-break-(before|after)\s*:\s*always|break-(before|after)\s*:\s*page)"
_BREAK_RE = re.compile(_BREAK_DECL, re.IGNORECASE)
_CLASS_RULE_RE = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")
_CENTRED_RE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_PAGEBREAK_COMMENT_RE = re.compile(r"\s*page-?break\s*", re.IGNORECASE)


class _Element:
    """An open element and what it means for the text inside it."""

    def __init__(self, tag: str, centred: bool, break_after: bool) -> None:
        self.tag = tag
        self.centred = centred
        self.break_after = break_after


class _Extractor(HTMLParser):
    """Collects blocks and page breaks, in document order, from HTML source."""

    def __init__(self, first_line: int, include_quotes: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.include_quotes = include_quotes
        self.items: list[Block | str] = []
        self.stack: list[_Element] = []
        self.break_classes: dict[str, set[str]] = {}
        self.chunks: list[tuple[int, int, str]] = []  # (line, column, text) of the open block
        self.style_text: list[str] = []

    def _position(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return self.first_line + line - 1, offset + 1

    def _inside(self, *tags: str) -> bool:
        return any(element.tag in tags for element in self.stack)

    def _breaks_of(self, attrs: dict[str, str | None]) -> tuple[bool, bool]:
        before = after = False
        for match in _BREAK_RE.finditer(attrs.get("style") or ""):
            side = match.group(1) or match.group(2)
            before, after = before or side.lower() == "before", after or side.lower() == "after"
        for name in (attrs.get("class") or "").split():
            sides = self.break_classes.get(name, set())
            before, after = before or "before" in sides, after or "after" in sides
        return before, after

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in _BLOCK:
            self._flush()
        before, after = self._breaks_of(values)
        if before:
            self.items.append(PAGE_BREAK)
        centred = tag == "center" or (values.get("align") or "").lower() == "center" or bool(
            _CENTRED_RE.search(values.get("style") or "")
        )
        if tag in _VOID:
            if after:
                self.items.append(PAGE_BREAK)
            return
        self.stack.append(_Element(tag, centred, after))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not any(element.tag == tag for element in self.stack):
            return
        if tag in _BLOCK:
            self._flush()
        while self.stack:
            element = self.stack.pop()
            if element.tag == "style":
                self._read_style("".join(self.style_text))
                self.style_text = []
            if element.break_after:
                self._flush()
                self.items.append(PAGE_BREAK)
            if element.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._inside("style"):
            self.style_text.append(data)
            return
        if any(element.tag in _SKIP for element in self.stack):
            return
        line, column = self._position()
        self.chunks.append((line, column, data))

    def handle_comment(self, data: str) -> None:
        if _PAGEBREAK_COMMENT_RE.fullmatch(data):
            self._flush()
            self.items.append(PAGE_BREAK)
            return
        line, column = self._position()
        self.items.append(Block(BlockKind.COMMENT, data.strip(), line, column + 4 + _lead(data)))

    def _read_style(self, css: str) -> None:
        for match in _CLASS_RULE_RE.finditer(css):
            sides = {(m.group(1) or m.group(2)).lower() for m in _BREAK_RE.finditer(match.group(2))}
            if sides:
                self.break_classes.setdefault(match.group(1), set()).update(sides)

    def _flush(self) -> None:
        """Turn the text gathered since the last block boundary into a block."""
        chunks, self.chunks = self.chunks, []
        block = _block_from_chunks(chunks)
        if block is None:
            return
        tags = [element.tag for element in self.stack]
        block.kind = next((_KIND[t] for t in reversed(tags) if t in _KIND), BlockKind.PARAGRAPH)
        if "blockquote" in tags and not self.include_quotes:
            block.kind = BlockKind.QUOTE
        if "header" in tags:
            block.region = Region.HEADER
        elif "footer" in tags:
            block.region = Region.FOOTER
        centred = any(element.centred for element in self.stack)
        if "\n" not in block.text and (centred or block.region is not Region.BODY):
            block.kind = BlockKind.LINE
        self.items.append(block)

    def close(self) -> None:
        """Finish parsing and flush the last block."""
        super().close()
        self._flush()


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _block_from_chunks(chunks: list[tuple[int, int, str]]) -> Block | None:
    """Join text chunks into one block; lines keep their source line, leading blanks dropped."""
    text = ""
    start: tuple[int, int] | None = None
    continuation: list[int] = []
    for line, column, data in chunks:
        for index, piece in enumerate(data.split("\n")):
            piece_line = line + index
            piece_column = column if index == 0 else 1
            if start is None:
                stripped = piece.lstrip()
                if not stripped:
                    continue
                start = (piece_line, piece_column + _lead(piece))
                text = stripped
                continue
            if index > 0:
                text = text.rstrip(" \t") + "\n"
                continuation.append(piece_column + _lead(piece))
                piece = piece.lstrip()
            text += piece
    if start is None:
        return None
    lines = text.split("\n")
    # drop trailing empty lines (and their continuation columns)
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()
        continuation.pop()
    text = "\n".join(line.rstrip() for line in lines)
    return Block(BlockKind.PARAGRAPH, text, start[0], start[1],
                 continuation_columns=tuple(continuation))


def extract(text: str, first_line: int = 1, include_quotes: bool = False) -> list[Block | str]:
    """Blocks and PAGE_BREAK markers of an HTML text (or fragment) in document order.

    `first_line` is the source line on which `text` starts (Markdown passes its HTML blocks).
    """
    parser = _Extractor(first_line, include_quotes)
    parser.feed(text)
    parser.close()
    return parser.items


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read an HTML file into a Document (see the module docstring for the scoping)."""
    source = decode(data)
    pattern = break_pattern(options)
    break_lines: list[int] = []
    if pattern is not None:
        lines = source.split("\n")
        for number, line in enumerate(lines, 1):
            if pattern.search(line):
                break_lines.append(number)
                lines[number - 1] = ""
        source_for_parse = "\n".join(lines)
    else:
        source_for_parse = source
    items = extract(source_for_parse, 1, options.include_quotes)
    items = insert_line_breaks(items, break_lines)
    return Document(path=path, format="html", pages=build_pages(segments(items), options.vocabulary), source=source)
