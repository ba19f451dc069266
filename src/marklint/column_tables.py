"""Tables set out in columns of spaces in plain text, marked by their caption or lead-in (P-01).

A table is a portion (P-01); a writer who marks a table's caption (`Table 3-1. (S) Bulk fuel
storage`) or the marked sentence that leads into it (`(U) Acronyms used in this study:`) has
marked the table, as the Markdown reader reads a captioned table. Here a table is a block of
two or more lines, each of at least two fields set apart by two or more spaces or a tab.
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


def _introduces(block: Block) -> bool:
    """A caption (`Table 1. (S) ...`) or a lead-in that ends with a colon."""
    return _CAPTION_RE.match(block.text) is not None or block.text.rstrip().endswith(":")


def captioned_column_tables(blocks: list[Block], marked: set[int]) -> set[int]:
    """The unmarked column tables (by `id`) whose marked caption or lead-in stands right above
    them, or whose marked caption stands right below."""
    found: set[int] = set()
    for index, block in enumerate(blocks):
        if id(block) in marked or not _is_column_table(block):
            continue
        before = blocks[index - 1] if index else None
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if (before is not None and id(before) in marked and _introduces(before)) \
                or (after is not None and id(after) in marked and _CAPTION_RE.match(after.text) is not None):
            found.add(id(block))
    return found
