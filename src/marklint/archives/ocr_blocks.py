"""The blocks of an OCR'd page as the rejoining of its lines sees them (`marklint.archives.ocr`,
`marklint.archives.double_spaced`, `marklint.archives.split_paragraphs`): which blocks go on
with a paragraph, which open one of their own, and how two blocks are joined into one."""

from __future__ import annotations

import re

from marklint.document import Block, BlockKind

SENTENCE_END = (".", "?", "!", ":", ";")
CONTINUED = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.SUBJECT)
LONE_MARK_RE = re.compile(r"\([A-Z][A-Z/ -]{0,20}\)")


def text_rows(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each line of a block's text."""
    rows, offset = [], 0
    for row in text.split("\n"):
        rows.append((offset, row))
        offset += len(row) + 1
    return rows


def join_blocks(first: Block, second: Block) -> Block:
    """One block of two blocks on consecutive lines or a blank line apart (the blank line is
    kept as an empty row, so that every row is still its source line)."""
    gap = second.line - first.end_line
    columns = first.continuation_columns + (1,) * (gap - 1) + (second.column,) + second.continuation_columns
    return Block(first.kind, first.text + "\n" * gap + second.text, first.line, first.column, first.region, columns,
                 first.label)


# A header field's label (`FROM:`, `MEMORANDUM FOR:`, `Subject:`) or a date line opens a block
# of its own: the block above it is not continued by it.
LABEL_START_RE = re.compile(r"^(?:[A-Z][A-Za-z./ ]{0,30}:(?:\s|$)|\d{1,2} [A-Z][a-z]{2,8} \d{4}\b)")


_AUTHORITY_START_RE = re.compile(
    r"(?i)^(?:CL(?:ASSIFIED)?\s?BY|DECL(?:ASSIFY)?(?:\s?ON)?|DRV|DERIVED\s+FROM|REASON|RVW|REVIEW\s+ON|X?GDS"
    r"|E\s?2,?\s+IMPDET|GROUP\s+[1-4])(?:\b|:)")


def authority_line(text: str) -> bool:
    """Whether a block opens with an authority line (`CL BY 2100049`, `DECL OADR`), which never
    continues a paragraph."""
    return _AUTHORITY_START_RE.match(text.lstrip()) is not None


# A typist's reference line (the dictator's and the typist's initials: `SJP : gp`, `RWS:lme`) and,
# a line or a blank line below it, the number of copies made in brackets (`(5)`): an FBI memo's
# and letter's trailer, never a portion nor its mark (`(5)` is no OCR'd (S)).
_REFERENCE_RE = re.compile(r"[A-Z]{2,4}[ \t]?:[ \t]?[a-z]{1,4}")
_COPIES_RE = re.compile(r"\(\d{1,2}\)")


def copy_counts_aside(blocks: list[Block]) -> list[Block]:
    """The blocks with each number of copies under a typist's reference line made a comment."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (previous is not None and _COPIES_RE.fullmatch(block.text.strip()) and block.line <= previous.end_line + 2
                and _REFERENCE_RE.fullmatch(previous.text.split("\n")[-1].strip())):
            block = Block(BlockKind.COMMENT, block.text, block.line, block.column, block.region,
                          block.continuation_columns, block.label)
        out.append(block)
    return out
