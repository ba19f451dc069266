"""Tables drawn in plain text, read cell by cell (P-01: every table cell is a portion).

Two shapes are read: a grid (`+-----+-----+` borders around `| cell | cell |` rows, a row
spanning the lines between two borders) and a pipe table (`| cell | cell |` lines, a
`|---|---|` line under the header). A block of the text reader whose every line is a border,
a separator or a row is replaced by one TABLE_CELL block per non-empty cell, at the cell's
first character. Between two borders, a line whose first cell is empty or opens in lower case
goes on with the row above (its cells' lines are joined by spaces); any other line opens a row
of its own (tables drawn with borders only around them, as database and report tools print
them). Anything else is left as it was. Tables drawn with box-drawing characters (`┌──┬──┐`,
`│ cell │`, as terminal and report tools print them) are read as the same shapes.
"""

from __future__ import annotations

import re

from marklint.document import Block, BlockKind

# Box-drawing characters, each read as the one ASCII character drawn in its place (so positions
# stay those of the source).
_BOX = str.maketrans({**dict.fromkeys("│┃║", "|"), **dict.fromkeys("─━", "-"), "═": "=",
                      **dict.fromkeys("┌┬┐├┼┤└┴┘┏┳┓┣╋┫┗┻┛╔╦╗╠╬╣╚╩╝╒╤╕╞╪╡╘╧╛╓╥╖╟╫╢╙╨╜", "+")})
_BORDER_RE = re.compile(r"\+(?:[-=:]+\+)+")
_SEPARATOR_RE = re.compile(r"\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?")
_ROW_RE = re.compile(r"\|.*\|")
_CELL_RE = re.compile(r"[^|]+")
_TABLE_KINDS = (BlockKind.PARAGRAPH, BlockKind.HEADING)
# A row line whose first cell goes on from the line above: empty, or opening in lower case.
_CONTINUES_RE = re.compile(r"\|[ \t]*(?:\||[a-z])")
# A source that may hold a table: a line that opens with a border or a row.
MAY_HOLD_TABLE_RE = re.compile(r"^[ \t]*(?:\|.*\||\+[-=]|[│┃║┌┏╔╒╓])", re.MULTILINE)


def split_tables(blocks: list[Block]) -> list[Block]:
    """`blocks` with each plain-text table among them replaced by its cells."""
    out: list[Block] = []
    for block in blocks:
        cells = _cells(block) if block.kind in _TABLE_KINDS and block.text[:1].translate(_BOX) in "|+" else None
        out.extend([block] if cells is None else cells)
    return out


def _cells(block: Block) -> list[Block] | None:
    """The table cells of a block that is a table, or None."""
    lines = block.text.translate(_BOX).split("\n")
    if not any(_ROW_RE.fullmatch(line) for line in lines):
        return None
    grid = any(_BORDER_RE.fullmatch(line) for line in lines)
    cells: list[Block] = []
    row: dict[int, list] = {}  # a grid row's cells by column index: [line, column, parts]
    offset = 0
    for line in lines:
        if _BORDER_RE.fullmatch(line) or _SEPARATOR_RE.fullmatch(line):
            cells.extend(_flush(row))
        elif _ROW_RE.fullmatch(line):
            if row and _opens_row(line):
                cells.extend(_flush(row))
            for index, cell in enumerate(_CELL_RE.finditer(line)):
                content = cell.group().strip()
                if not content:
                    continue
                at = offset + cell.start() + len(cell.group()) - len(cell.group().lstrip())
                if index in row:
                    row[index][2].append(content)
                else:
                    row[index] = [*block.position_of(at), [content]]
            if not grid:
                cells.extend(_flush(row))
        else:
            return None
        offset += len(line) + 1
    cells.extend(_flush(row))
    return cells


def _opens_row(line: str) -> bool:
    return _CONTINUES_RE.match(line) is None


def _flush(row: dict[int, list]) -> list[Block]:
    cells = [Block(BlockKind.TABLE_CELL, " ".join(parts), line, column) for line, column, parts in row.values()]
    row.clear()
    return cells
