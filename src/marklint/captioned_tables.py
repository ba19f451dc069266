"""Tables marked by their caption or lead-in (P-01).

A table is a portion (P-01); a writer who marks a table's caption (`Table 3-1. (S) Bulk fuel
storage`, `(S) Table 1. Bulk fuel storage`) or the marked sentence that leads into it
(`(U) Acronyms used in this study:`) and none of its cells has marked the table, as the Markdown
reader reads a captioned table; a caption left unmarked is the table's one finding. A table is
a run of table cells (Word, HTML, OpenDocument, reST, AsciiDoc), or in plain text a block of two
or more lines, each of at least two fields set apart by two or more spaces or a tab.
"""

from __future__ import annotations

import re

from marklint.document import Block, BlockKind
from marklint.lineshapes import CAPTION_START

_COLUMNS_RE = re.compile(r"[ \t]*\S(?:.*?\S)?(?: {2,}|\t+)\S.*")
_CAPTION_RE = re.compile(CAPTION_START)


def _is_column_table(block: Block) -> bool:
    lines = [line for line in block.text.split("\n") if line.strip()]
    return block.kind is BlockKind.PARAGRAPH and len(lines) >= 2 and all(_COLUMNS_RE.fullmatch(line) for line in lines)


def _is_caption(block: Block) -> bool:
    return _CAPTION_RE.match(block.text) is not None


def _captioned(blocks: list[Block], start: int, end: int, marked: set[int]) -> bool:
    """Whether the table `blocks[start:end]` has its caption right above or below it, or its
    marked lead-in (a sentence ending with a colon) right above. An unmarked caption is the one
    finding of its table."""
    before = blocks[start - 1] if start else None
    after = blocks[end] if end < len(blocks) else None
    lead_in = before is not None and id(before) in marked and before.text.rstrip().endswith(":")
    return lead_in or (before is not None and _is_caption(before)) or (after is not None and _is_caption(after))


def captioned_tables(blocks: list[Block], marked: set[int]) -> set[int]:
    """The blocks (by `id`) of the tables none of whose cells is marked (`marked`, by `id`)
    whose caption or marked lead-in stands right above them, or whose caption right below."""
    found: set[int] = set()
    index = 0
    while index < len(blocks):
        end = index + 1
        if blocks[index].kind is BlockKind.TABLE_CELL:
            while end < len(blocks) and blocks[end].kind is BlockKind.TABLE_CELL:
                end += 1
            table = blocks[index:end]
            if not any(id(cell) in marked for cell in table) and _captioned(blocks, index, end, marked):
                found.update(id(cell) for cell in table)
        elif id(blocks[index]) not in marked and _is_column_table(blocks[index]) \
                and _captioned(blocks, index, end, marked):
            found.add(id(blocks[index]))
        index = end
    return found
