"""Numbered places for readers of formats without text lines (slides, sheets).

A slide's shapes and a sheet's cells have no line numbers a user could look up, so these readers
number every line of text they keep, from 1 in reading order through the whole file (as the
Word reader numbers paragraphs), and record for each (page, number) where it is (`slide 3,
shape "TextBox 4"`, `sheet 'Budget', cell B7`). The table goes to
`Document.metadata["locations"]`; the lint pipeline names each finding's place from it
(`Finding.location`).
"""

from __future__ import annotations

from marklint.document import Block, BlockKind, Region
from marklint.readers._common import line_kind


class Slots:
    """Hands out line numbers and remembers where each one is; `page` is the page being read."""

    def __init__(self) -> None:
        self.next = 1
        self.page = 1
        self.locations: dict[tuple[int, int], str] = {}

    def block(self, kind: BlockKind, lines: list[str], where: str, region: Region = Region.BODY) -> Block | None:
        """One block of the non-blank `lines` (stripped; their indentation gives the columns),
        numbered from the next free line; None when every line is blank. A one-line block that
        looks like a banner or a page number is a LINE block, as in every reader."""
        kept = [line.replace("\v", " ").rstrip() for line in lines if line.strip()]
        if not kept:
            return None
        first = self.next
        for number in range(first, first + len(kept)):
            self.locations[self.page, number] = where
        self.next += len(kept)
        columns = [1 + len(line) - len(line.lstrip()) for line in kept]
        text = "\n".join(line.strip() for line in kept)
        return Block(line_kind(kind, text), text, first, columns[0], region,
                     continuation_columns=tuple(columns[1:]), label=where if region is not Region.BODY else None)
