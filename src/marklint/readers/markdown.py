"""Markdown reader (markdown-it-py, CommonMark plus tables).

Headings, paragraphs, list items and table cells are blocks, with exact source lines from the
parser's line maps and columns found in the source line; a paragraph line that opens a portion
of its own (a portion mark, a footnote's definition) starts a new block, as in plain text.
Fenced and indented code and inline code are ignored (inline code is blanked out, keeping
positions). Block quotes are QUOTE blocks unless ReaderOptions.include_quotes. HTML blocks go
through the HTML reader, so
`<p align="center">SECRET</p>` is a LINE block and HTML comments are COMMENT blocks. A one-line
paragraph wrapped in emphasis (`**SECRET//NOFORN**`) is a LINE block holding the text inside the
emphasis, at that text's column. A paragraph of images alone is no block when the next one is
its caption (`Figure 1. (U) ...`): the caption is the figure's portion and carries its mark.
Likewise the cells of a table with its caption right above or below it are no blocks when none
of them is marked: the caption marks the table.

Page breaks: a line `\\newpage`, `\\pagebreak` or `\\clearpage` outside code, `<!-- pagebreak -->`, an HTML element with
a CSS page break, and lines matching configured patterns. YAML front matter (`---` ... `---` at
the top) is not content; a `classification` key in it is stored as
`Document.metadata["classification"]` with its line in `metadata["classification_line"]`.
"""

from __future__ import annotations

import re

from marklint.document import Block, BlockKind, Document, InputError, ReaderOptions
from marklint.lineshapes import CAPTION_START, FOOTNOTE_LABEL, PORTION_START
from marklint.pages import break_pattern, build_pages
from marklint.readers import html
from marklint.readers._common import decode, insert_line_breaks, require, segments, unwrap_emphasis
from marklint.yamlsafe import YamlError, load_yaml

_TEX_BREAK_RE = re.compile(r"\\(?:newpage|pagebreak|clearpage)")
_CAPTION_RE = re.compile(rf"[*_]{{0,2}}{CAPTION_START}")
_CELL_MARK_RE = re.compile(rf"\s*{PORTION_START}")
# A line inside a paragraph that opens a portion of its own: a portion mark, or a footnote's
# definition (`[^2]: (S) ...`), which CommonMark runs on into the paragraph above it.
_OPENS_PORTION_RE = re.compile(rf"{PORTION_START}|{FOOTNOTE_LABEL}")
_parser = None


def _markdown_parser():
    global _parser
    if _parser is None:
        markdown_it = require("markdown_it", "markdown", "Markdown files")
        _parser = markdown_it.MarkdownIt("commonmark").enable("table")
    return _parser


def split_front_matter(lines: list[str]) -> tuple[int, dict[str, object]]:
    """Find YAML front matter at the top of `lines`.

    Returns (number of lines it occupies, metadata taken from it). Raises InputError with the
    line number when the front matter is not valid YAML.
    """
    if not lines or lines[0].rstrip() != "---":
        return 0, {}
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        return 0, {}
    try:
        data = load_yaml("\n".join(lines[1:end]))
    except YamlError as exc:
        raise InputError(f"line {exc.line + 1}: invalid YAML front matter: {exc.message}") from None
    metadata: dict[str, object] = {}
    if isinstance(data, dict) and data.get("classification") is not None:
        metadata["classification"] = str(data["classification"]).strip()
        metadata["classification_line"] = data.line_of("classification") + 1
    return end + 1, metadata


def _visible(children) -> str:
    """The visible text of an inline token: emphasis and links dropped, code blanked."""
    parts: list[str] = []
    for child in children:
        if child.type == "text":
            parts.append(child.content)
        elif child.type == "code_inline":
            parts.append(" " * (len(child.content) + 2 * len(child.markup)))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_visible(child.children or []))
    return "".join(parts)


def _align(raw: str, visible: str) -> int:
    """Offset in a raw inline line of its first visible character (markup and escapes skipped):
    where the longest prefix (up to 8 characters) of the visible line first occurs; -1 if none."""
    for size in range(min(len(visible), 8), 0, -1):
        found = raw.find(visible[:size])
        if found >= 0:
            return found
    return -1


def _column(source: str, raw: str, shown: str, search_from: int) -> int:
    """The 1-based column in `source` of the first visible character of a raw inline line."""
    start = source.find(raw, search_from) if raw else -1
    if start < 0:  # the parser expanded tabs: look for the visible text itself
        return max(_align(source, shown), 0) + 1
    return start + max(_align(raw, shown), len(raw) - len(raw.lstrip())) + 1


def _inline_block(token, kind: BlockKind, lines: list[str], search_from: int = 0) -> Block | None:
    """Build a block from an inline token, or None when it has no visible text.

    Each raw line of the token is found in its source line; the block's columns are those of the
    first visible character of each line. When a code span runs over a line end the visible text
    has fewer lines than the source: the block then starts where its first visible text is and
    its continuation lines start at column 1.
    """
    raw_lines = token.content.split("\n")
    text = _visible(token.children or [])
    if not text.strip():
        return None
    visible_lines = [line.strip() for line in text.split("\n")]
    first = token.map[0]
    while first < token.map[1] - len(raw_lines) and raw_lines[0] not in lines[first]:
        first += 1  # the parser trimmed leading whitespace-only lines (a form feed) off the content
    if len(raw_lines) == 1 and kind is BlockKind.PARAGRAPH and unwrap_emphasis(raw_lines[0]):
        kind = BlockKind.LINE
    if len(visible_lines) != len(raw_lines):
        row = next((k for k, raw in enumerate(raw_lines) if _align(raw, visible_lines[0]) >= 0), 0)
        column = _column(lines[first + row], raw_lines[row], visible_lines[0], search_from if row == 0 else 0)
        return Block(kind, "\n".join(visible_lines), first + row + 1, column)
    columns = [
        _column(lines[first + index] if first + index < len(lines) else "", raw, visible_lines[index],
                search_from if index == 0 else 0)
        for index, raw in enumerate(raw_lines)
    ]
    return Block(kind, "\n".join(visible_lines), first + 1, columns[0], continuation_columns=tuple(columns[1:]))


def _captioned_figure(tokens, index: int) -> bool:
    """Whether the inline token at `index` is a paragraph of images alone whose next paragraph
    is their caption (`Figure 1. (U) ...`): the caption is the figure's portion and carries its
    mark (P-01), the alt text is not another."""
    children = tokens[index].children or []
    if not any(c.type == "image" for c in children) or any(
            c.type not in ("image", "softbreak", "hardbreak") and (c.type != "text" or c.content.strip())
            for c in children):
        return False
    following = next((t for t in tokens[index + 1:] if t.type == "inline"), None)
    return following is not None and _CAPTION_RE.match(following.content) is not None


def _captioned_table(tokens, index: int) -> int | None:
    """For a table (`table_open` at `index`) whose caption stands right above or below it
    (`Table 1. (S) Stocks by depot`) and none of whose cells is marked: the index of its
    `table_close`, the caption's mark covering the table as it covers a figure (P-01). Else None
    (a table with marked cells is judged cell by cell)."""
    close = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
    if any(t.type == "inline" and _CELL_MARK_RE.match(t.content) for t in tokens[index:close]):
        return None
    before = tokens[index - 2] if index >= 2 and tokens[index - 1].type == "paragraph_close" else None
    after = tokens[close + 2] if close + 2 < len(tokens) and tokens[close + 1].type == "paragraph_open" else None
    captioned = any(t is not None and t.type == "inline" and _CAPTION_RE.match(t.content) for t in (before, after))
    return close if captioned else None


def _comments(token) -> list[Block]:
    """HTML comments written inline in a paragraph, as COMMENT blocks (line of the block)."""
    return [
        Block(BlockKind.COMMENT, child.content.strip()[4:-3].strip(), token.map[0] + 1)
        for child in token.children or []
        if child.type == "html_inline" and child.content.startswith("<!--")
    ]


def _items(tokens, lines: list[str], options: ReaderOptions) -> list[Block | str]:
    """Blocks and page breaks in document order from markdown-it's token stream."""
    items: list[Block | str] = []
    quote_depth = 0
    item_first = False  # the next paragraph is the first of a list item
    cell_search: dict[int, int] = {}  # table line -> where to look for the next cell
    covered_until = -1  # the table_close of a table its caption marks (its cells are no blocks)
    for index, token in enumerate(tokens):
        if index <= covered_until:
            continue
        if token.type == "table_open":
            covered_until = _captioned_table(tokens, index) or -1
        elif token.type == "blockquote_open":
            quote_depth += 1
        elif token.type == "blockquote_close":
            quote_depth -= 1
        elif token.type == "list_item_open":
            item_first = True
        elif token.type == "html_block":
            extracted = html.extract(token.content, token.map[0] + 1, options.include_quotes)
            quoted = quote_depth and not options.include_quotes
            for item in extracted:
                if quoted and isinstance(item, Block) and item.kind is not BlockKind.COMMENT:
                    item.kind = BlockKind.QUOTE
            items.extend(extracted)
        elif token.type == "inline" and token.map is not None:
            parent = tokens[index - 1].type
            items.extend(_comments(token))
            search = 0
            if parent == "heading_open":
                kind = BlockKind.HEADING
            elif parent in ("th_open", "td_open"):
                kind = BlockKind.TABLE_CELL
                line = token.map[0]
                search = lines[line].find("|", cell_search.get(line, 0))
                search = 0 if search < 0 else search + 1
            elif item_first:
                kind = BlockKind.LIST_ITEM
            else:
                kind = BlockKind.PARAGRAPH
            if quote_depth and not options.include_quotes:
                kind = BlockKind.QUOTE
            item_first = False
            block = None if _captioned_figure(tokens, index) else _inline_block(token, kind, lines, search)
            if parent in ("th_open", "td_open"):
                line = token.map[0]
                cell_search[line] = (block.column - 1 + len(token.content)) if block else search
            if block is not None:
                items.extend(_split_at_portions(block) if kind in _SPLIT_KINDS else (block,))
    return items


_SPLIT_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)


def _split_at_portions(block: Block) -> list[Block]:
    """A paragraph cut before each of its lines that opens a portion of its own (a hard-wrapped
    `(S) ...` line, a footnote's definition), as the text reader cuts it: each is a portion."""
    lines = block.text.split("\n")
    columns = (block.column, *block.continuation_columns)
    if len(columns) != len(lines):
        return [block]
    starts = [0] + [index for index in range(1, len(lines)) if _OPENS_PORTION_RE.match(lines[index])]
    if len(starts) == 1:
        return [block]
    bounds = zip(starts, [*starts[1:], len(lines)])
    return [Block(block.kind if start == 0 else BlockKind.PARAGRAPH, "\n".join(lines[start:end]), block.line + start,
                  columns[start], continuation_columns=columns[start + 1:end]) for start, end in bounds]


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read a Markdown file into a Document (see the module docstring)."""
    parser = _markdown_parser()
    source = decode(data)
    lines = source.split("\n")
    skip, metadata = split_front_matter(lines)
    parse_lines = [""] * skip + lines[skip:]
    pattern = break_pattern(options)
    break_lines: list[int] = []
    if pattern is not None:
        for number in range(skip, len(parse_lines)):
            if pattern.search(parse_lines[number]):
                break_lines.append(number + 1)
                parse_lines[number] = ""
    # A `\newpage` line breaks the page wherever it stands, except inside code. Blanking it
    # before parsing leaves code blocks code blocks, so one parse tells which lines were code.
    tex = [n for n in range(skip, len(parse_lines)) if _TEX_BREAK_RE.fullmatch(parse_lines[n].strip())]
    for number in tex:
        parse_lines[number] = ""
    tokens = parser.parse("\n".join(parse_lines))
    if tex:
        code = {n for t in tokens if t.type in ("fence", "code_block") for n in range(*t.map)}
        break_lines.extend(number + 1 for number in tex if number not in code)
    items = insert_line_breaks(_items(tokens, parse_lines, options), break_lines)
    return Document(path=path, format="markdown", pages=build_pages(segments(items), options.vocabulary),
                    source=source, metadata=metadata)
