"""reStructuredText reader: a line scanner, not docutils.

Docutils would build a full doctree, but it is slow to import, reports only line numbers (no
columns) for most nodes, and stops or warns on the partial documents a linter sees; the
constructs that matter for markings are few and line-shaped, so a scanner keeps exact positions.

Blocks: section titles (HEADING), paragraphs, bullet and enumerated list items (the text after the
list marker), the fields of a field list (one block each, read as `Name: value`), the text of
footnotes and citations (`.. [#] (S) ...`, a paragraph after its label), grid and simple table
cells, `.. header::` / `.. footer::` lines (LINE blocks in Region.HEADER / Region.FOOTER), the
title of a `table`, `csv-table` or `list-table` (HEADING). A one-line paragraph wrapped in emphasis
(`**SECRET**`) is a LINE block holding the text inside. Ignored: literal blocks (after `::`),
`code`, `code-block`, `sourcecode`, `math`, `raw` and `parsed-literal` directive bodies, doctest
blocks. Comments (`.. text`) become COMMENT blocks. Indented blocks that are not literal blocks or
directive bodies are block quotes: QUOTE blocks unless ReaderOptions.include_quotes. Page breaks:
`.. raw:: pdf` with `PageBreak`, a raw `\\newpage`/`\\pagebreak`, and configured patterns.
"""

from __future__ import annotations

import re

from marklint.document import Block, BlockKind, Document, ReaderOptions, Region
from marklint.pages import break_pattern, build_pages
from marklint.readers._common import PAGE_BREAK, decode, segments, unwrap_emphasis

Line = tuple[int, str]  # (1-based source line number, text with its indentation)

_DIRECTIVE_RE = re.compile(r"\.\.\s+([\w:-]+)\s*::(.*)$")
_EXPLICIT_NOT_COMMENT_RE = re.compile(r"\.\.\s+(?:_|\[|\|)")
# a footnote's or citation's label (`.. [1]`, `.. [#]`, `.. [#note]`, `.. [*]`, `.. [CIT2002]`)
_NOTE_LABEL_RE = re.compile(r"\.\.\s+\[(?:#[\w-]*|\*|\d{1,4}|[A-Za-z][\w.-]{0,40})\]\s+")
_BULLET_RE = re.compile(r"([-*+\u2022])\s+")
_ENUM_RE = re.compile(r"(?:\d+|[A-Za-z]|#)[.)]\s+")
_ADORNMENT_RE = re.compile(r"([!-/:-@\[-`{-~])\1{2,}\s*$")
_SIMPLE_TABLE_RE = re.compile(r"=+(?:\s+=+)+\s*$")
# Directives whose argument is a table's title (its caption, a portion of its own).
_TITLED_TABLES = {"table", "csv-table", "list-table"}
_IGNORED_DIRECTIVES = {"code", "code-block", "sourcecode", "math", "raw", "parsed-literal", "literalinclude"}
_RAW_BREAK_RE = re.compile(r"PageBreak|\\newpage|\\pagebreak|\\clearpage")
# A field list's line (`:Subject: (U) Intercept summary`, `:Date: 2026-01-09`), as a memo's
# header or a document's bibliographic fields are written.
_FIELD_RE = re.compile(r":[A-Za-z][\w .-]{0,40}:(?:\s|$)")


def _lead(text: str) -> int:
    """The number of whitespace characters before a line's text (its 0-based column)."""
    return len(text) - len(text.lstrip())


def _indent(text: str) -> int:
    """A line's indentation for structure: its leading whitespace without form feeds and
    vertical tabs, which are page controls (a line after a form feed is not a block quote)."""
    lead = text[:_lead(text)]
    return len(lead) - lead.count("\f") - lead.count("\v")


def _body(lines: list[Line], start: int, indent: int) -> int:
    """Index after the block of lines indented more than `indent` (blank lines included)."""
    end = start
    while end < len(lines) and (not lines[end][1].strip() or _indent(lines[end][1]) > indent):
        end += 1
    while end > start and not lines[end - 1][1].strip():
        end -= 1
    return end


def _text_block(kind: BlockKind, rows: list[tuple[int, int, str]], region: Region = Region.BODY) -> Block:
    """A block from (line, 0-based column, text) rows; emphasis-only one-liners become LINE."""
    line, column, text = rows[0]
    if len(rows) == 1 and kind is BlockKind.PARAGRAPH:
        unwrapped = unwrap_emphasis(text)
        if unwrapped is not None:
            return Block(BlockKind.LINE, unwrapped[0], line, column + unwrapped[1] + 1, region=region)
    return Block(kind, "\n".join(r[2] for r in rows), line, column + 1, region=region,
                 continuation_columns=tuple(r[1] + 1 for r in rows[1:]))


def _rows(lines: list[Line]) -> list[tuple[int, int, str]]:
    return [(number, _lead(text), text.strip()) for number, text in lines]


class _Scanner:
    """Walks reST lines and collects blocks and page breaks in order."""

    def __init__(self, options: ReaderOptions) -> None:
        self.options = options
        self.items: list[Block | str] = []

    def scan(self, lines: list[Line], quoted: bool = False) -> None:
        """Scan `lines` (absolute line numbers, original indentation)."""
        i = 0
        literal_next = False
        base = min((_indent(t) for _, t in lines if t.strip()), default=0)
        while i < len(lines):
            number, text = lines[i]
            stripped = text.strip()
            if not stripped:
                i += 1
                continue
            indent = _indent(text)
            if indent > base:
                end = _body(lines, i, base)
                if not literal_next:
                    self.scan(lines[i:end], quoted=not self.options.include_quotes or quoted)
                literal_next = False
                i = end
                continue
            literal_next = False
            if stripped.startswith(".. ") or stripped == "..":
                i = self._explicit(lines, i, indent, quoted)
                continue
            if stripped.startswith(">>>"):  # a doctest block runs to the next blank line
                while i < len(lines) and lines[i][1].strip():
                    i += 1
                continue
            if stripped.startswith("+-") or stripped.startswith("+="):
                i = self._grid_table(lines, i)
                continue
            if _SIMPLE_TABLE_RE.match(stripped):
                i = self._simple_table(lines, i)
                continue
            overlined = i + 2 < len(lines) and _ADORNMENT_RE.match(lines[i + 2][1].strip())
            if _ADORNMENT_RE.match(stripped) and overlined:
                title_line, title = lines[i + 1]
                self._add(Block(BlockKind.HEADING, title.strip(), title_line, _lead(title) + 1), quoted)
                i += 3
                continue
            if _ADORNMENT_RE.match(stripped):  # a transition
                i += 1
                continue
            underlined = i + 1 < len(lines) and _ADORNMENT_RE.match(lines[i + 1][1].strip())
            if underlined and _indent(lines[i + 1][1]) == indent:
                self._add(Block(BlockKind.HEADING, stripped, number, _lead(text) + 1), quoted)
                i += 2
                continue
            marker = _BULLET_RE.match(stripped) or _ENUM_RE.match(stripped)
            if marker:
                i = self._list_item(lines, i, _lead(text) + marker.end(), quoted)
                continue
            end = i
            while end < len(lines) and lines[end][1].strip() and _indent(lines[end][1]) == indent:
                end += 1
            rows = _rows(lines[i:end])
            literal_next = rows[-1][2].endswith("::")
            if all(_FIELD_RE.match(row[2]) for row in rows):
                for line, column, field in rows:  # one block per field, read as `Name: value`
                    self._add(Block(BlockKind.PARAGRAPH, field[1:], line, column + 2), quoted)
            elif rows[-1][2] != "::":
                self._add(_text_block(BlockKind.PARAGRAPH, rows), quoted)
            i = end

    def _add(self, block: Block, quoted: bool) -> None:
        if quoted and block.kind is not BlockKind.COMMENT:
            block.kind = BlockKind.QUOTE
        self.items.append(block)

    def _list_item(self, lines: list[Line], i: int, text_column: int, quoted: bool) -> int:
        """Add a list item's first paragraph; its further indented content is scanned too."""
        number, text = lines[i]
        rows = [(number, text_column, text[text_column:].strip())]
        j = i + 1
        while j < len(lines) and lines[j][1].strip() and _indent(lines[j][1]) >= text_column:
            rows.append((lines[j][0], _lead(lines[j][1]), lines[j][1].strip()))
            j += 1
        self._add(_text_block(BlockKind.LIST_ITEM, rows), quoted)
        end = _body(lines, j, text_column - 1)
        if end > j:
            self.scan(lines[j:end], quoted)
        return max(end, j)

    def _explicit(self, lines: list[Line], i: int, indent: int, quoted: bool) -> int:
        """Comments, directives, targets, footnotes: returns the index after the construct."""
        number, text = lines[i]
        stripped = text.strip()
        end = _body(lines, i + 1, indent)
        directive = _DIRECTIVE_RE.match(stripped)
        if directive:
            name, argument = directive.group(1).lower(), directive.group(2).strip()
            body = lines[i + 1:end]
            if name == "raw":
                if any(_RAW_BREAK_RE.search(t) for _, t in body):
                    self.items.append(PAGE_BREAK)
            elif name in ("header", "footer"):
                region = Region.HEADER if name == "header" else Region.FOOTER
                rows = ([(number, text.index(argument), argument)] if argument else []) + [
                    r for r in _rows(body) if r[2]
                ]
                for row in rows:
                    block = _text_block(BlockKind.PARAGRAPH, [row], region)
                    block.kind = BlockKind.LINE
                    self.items.append(block)
            elif name not in _IGNORED_DIRECTIVES:
                if name in _TITLED_TABLES and argument:
                    self.items.append(_text_block(BlockKind.HEADING, [(number, text.index(argument), argument)]))
                self.scan([ln for ln in body if not ln[1].strip().startswith(":")])  # options dropped
            return end
        if _EXPLICIT_NOT_COMMENT_RE.match(stripped):
            note = _NOTE_LABEL_RE.match(stripped)
            if note:  # a footnote's text is a portion (P-01); a target or substitution is not
                rows = [(number, _lead(text) + note.end(), stripped[note.end():])]
                rows += [row for row in _rows(lines[i + 1:end]) if row[2]]
                self._add(_text_block(BlockKind.PARAGRAPH, rows), quoted)
            return end
        rest = stripped[2:]
        first = rest.strip()
        lead = len(rest) - len(rest.lstrip())
        rows = ([(number, _lead(text) + 2 + lead, first)] if first else []) + _rows(lines[i + 1:end])
        if rows:
            self.items.append(_text_block(BlockKind.COMMENT, rows))
        return end

    def _grid_table(self, lines: list[Line], i: int) -> int:
        """Grid table: one TABLE_CELL per cell of each row (cell lines joined)."""
        border = lines[i][1]
        bounds = [pos for pos, char in enumerate(border) if char == "+"]
        j = i + 1
        cells: dict[int, list[tuple[int, int, str]]] = {}
        while j < len(lines) and lines[j][1].lstrip()[:1] in ("|", "+"):
            number, text = lines[j]
            if text.lstrip().startswith("+"):
                self._flush_cells(cells)
            else:
                for left, right in zip(bounds, bounds[1:]):
                    segment = text[left + 1:right]
                    if segment.strip():
                        cells.setdefault(left, []).append((number, left + 1 + _lead(segment), segment.strip()))
            j += 1
        self._flush_cells(cells)
        return j

    def _simple_table(self, lines: list[Line], i: int) -> int:
        """Simple table (`=====  =====` borders): one TABLE_CELL per cell of each row line."""
        border = lines[i][1]
        spans = [m.span() for m in re.finditer(r"=+", border)]
        j = i + 1
        while j < len(lines):
            number, text = lines[j]
            j += 1
            if _SIMPLE_TABLE_RE.match(text.strip()):
                if j >= len(lines) or not lines[j][1].strip():
                    break
            elif text.strip() and not set(text.strip()) <= {"-", " "}:
                for k, (left, _) in enumerate(spans):
                    right = spans[k + 1][0] if k + 1 < len(spans) else len(text)
                    segment = text[left:right]
                    if segment.strip():
                        self.items.append(Block(BlockKind.TABLE_CELL, segment.strip(), number,
                                                left + _lead(segment) + 1))
        return j

    def _flush_cells(self, cells: dict[int, list[tuple[int, int, str]]]) -> None:
        for left in sorted(cells):
            self.items.append(_text_block(BlockKind.TABLE_CELL, cells[left]))
        cells.clear()


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read a reStructuredText file into a Document (see the module docstring)."""
    source = decode(data)
    pattern = break_pattern(options)
    scanner = _Scanner(options)
    chunk: list[Line] = []
    for number, text in enumerate(source.split("\n"), 1):
        if pattern is not None and pattern.search(text):
            scanner.scan(chunk)
            scanner.items.append(PAGE_BREAK)
            chunk = []
        else:
            chunk.append((number, text))
    scanner.scan(chunk)
    return Document(path=path, format="rst", pages=build_pages(segments(scanner.items), options.vocabulary), source=source)
