"""Regular expressions written by users (rule sets, configuration), run on bounded input.

Rule and configuration files are untrusted: `marklint.ruleset.Checker.regex` refuses patterns
that can backtrack catastrophically, and, in case a bad pattern escapes that check, a user
pattern never sees more than INPUT_LIMIT characters, so its cost stays bounded:

- `UserPattern` (generic rules, exempt elements, authority and CUI patterns) is matched against
  the first INPUT_LIMIT characters of the text it is given (one line, or a block's first line);
- `LinePattern` (page-break patterns) matches only lines of at most INPUT_LIMIT characters: a
  longer line is never a page break.
"""

from __future__ import annotations

import re
from marklint.values import FrozenValue

INPUT_LIMIT = 500


class _BoundedPattern(FrozenValue):
    """A compiled user pattern; subclasses say how its input is bounded."""

    _fields = ("regex",)

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.__dict__["regex"] = regex

    @property
    def pattern(self) -> str:
        """The pattern's source text."""
        return self.regex.pattern


class UserPattern(_BoundedPattern):
    """A user pattern that only sees the first INPUT_LIMIT characters of its input."""

    def search(self, text: str) -> re.Match[str] | None:
        """`re.Pattern.search` on the first INPUT_LIMIT characters of `text`."""
        return self.regex.search(text, 0, INPUT_LIMIT)

    def match(self, text: str) -> re.Match[str] | None:
        """`re.Pattern.match` on the first INPUT_LIMIT characters of `text`."""
        return self.regex.match(text, 0, INPUT_LIMIT)


class LinePattern(_BoundedPattern):
    """A user pattern tried only on lines of at most INPUT_LIMIT characters (line end excluded)."""

    def search(self, line: str) -> re.Match[str] | None:
        """`re.Pattern.search` on `line`, or None when the line is longer than INPUT_LIMIT."""
        if len(line.rstrip("\r\n")) > INPUT_LIMIT:
            return None
        return self.regex.search(line)


def compile_pattern(pattern: str) -> UserPattern:
    """Compile a user pattern (a rule set's or a configuration's); raises `re.error` on a
    syntax error. Whether it may backtrack catastrophically is the loader's check
    (`marklint.ruleset.Checker.regex`)."""
    return UserPattern(re.compile(pattern))
