"""marklint's positions (1-based lines and columns counted in characters, end exclusive) and
LSP positions (0-based lines and columns counted in the code units the client and server
agreed on, UTF-16 unless negotiated otherwise).

Lines are split as LSP splits them: at CRLF, LF and a lone CR (marklint's readers count the
same breaks). pygls's own line list is not used: it also breaks at form feeds, which are page
breaks inside a line of a marklint draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lsprotocol import types

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Positions:
    """Converts positions for one version of a document's text. Without a text (Word, PDF:
    their findings' lines are paragraphs or extracted lines) positions map one to one."""

    def __init__(self, text: str | None, num_units: Callable[[str], int] = len) -> None:
        self.lines = None if text is None else _LINE_BREAK.split(text)
        self.num_units = num_units

    def to_client(self, line: int, column: int) -> types.Position:
        """The LSP position of marklint's (line, column)."""
        index = max(line - 1, 0)
        if self.lines is None or index >= len(self.lines):
            return types.Position(line=index, character=max(column - 1, 0))
        return types.Position(line=index, character=self.num_units(self.lines[index][:max(column - 1, 0)]))

    def range(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        """The LSP range of a marklint span."""
        return types.Range(start=self.to_client(line, column), end=self.to_client(end_line, end_column))

    def from_client(self, position: types.Position) -> tuple[int, int]:
        """marklint's (line, column) of an LSP position (a column past the line's end is
        taken as its end)."""
        if self.lines is None or position.line >= len(self.lines):
            return position.line + 1, position.character + 1
        text = self.lines[position.line]
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return position.line + 1, index + 1
            units += self.num_units(char)
        return position.line + 1, len(text) + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its ending ("" outside the text)."""
        if self.lines is None or not 1 <= line <= len(self.lines):
            return ""
        return self.lines[line - 1]
