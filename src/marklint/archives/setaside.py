"""Set an archive's wrapper aside: wrapper pages leave the Document, wrapper lines leave their
blocks (a block whose middle line is a wrapper becomes two blocks, and a line whose right-hand
column is a wrapper keeps only its left-hand text). Pages keep their numbers in the file, so a
finding's page is the page a reader sees."""

from __future__ import annotations

from marklint.archives.wrappers import Wrappers
from marklint.document import Block, BlockKind, Document, Page


def set_aside(doc: Document, wrappers: Wrappers) -> None:
    """Remove `wrappers` from `doc` (in place)."""
    if not wrappers:
        return
    spans = wrappers.spans
    pages = []
    for page in doc.pages:
        if page.number in wrappers.pages:
            continue
        blocks: list[Block] = []
        for block in page.blocks:
            if block.kind is BlockKind.COMMENT or not any(line in spans for line in range(block.line, block.end_line + 1)):
                blocks.append(block)
            else:
                blocks.extend(_remaining(block, spans))
        pages.append(Page(page.number, blocks))
    doc.pages = pages or [Page(number=1)]


def _remaining(block: Block, spans: dict[int, int]) -> list[Block]:
    """The parts of `block` that are not wrapper text, as blocks."""
    from marklint.mark_strings import banner_of

    continuation = block.continuation_columns
    runs: list[list[tuple[str, int, int]]] = [[]]  # rows of (text, line, column)
    for row, text in enumerate(block.text.split("\n")):
        line = block.line + row
        column = block.column if row == 0 else (continuation[row - 1] if row - 1 < len(continuation) else 1)
        cut = spans.get(line)
        if cut is not None:
            text = text[:cut].rstrip()
        if text:
            runs[-1].append((text, line, column))
        if cut is not None and runs[-1]:
            runs.append([])  # the wrapper ends the block's run of lines
    parts = []
    for rows in runs:
        if not rows:
            continue
        text = "\n".join(row[0] for row in rows)
        kind = block.kind if not parts else BlockKind.PARAGRAPH
        if len(rows) == 1 and banner_of(text) is not None:
            kind = BlockKind.LINE
        parts.append(Block(kind, text, rows[0][1], rows[0][2], block.region,
                           tuple(row[2] for row in rows[1:]), block.label))
    return parts
