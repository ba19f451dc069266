"""Regular expressions written by users (rule sets, configuration), run on a linear-time engine.

Rule and configuration files are untrusted, and a backtracking engine (Python's `re`) can be
made to run for hours on one short line by a pattern such as `(a{1,30}){1,30}$`. So every user
pattern is compiled with `compile_user_pattern`, on RE2 (`google-re2`): matching takes time
linear in the text, whatever the pattern. RE2 has no backreferences and no look-around; a
pattern that uses them (or is not a regular expression) raises PatternError, which the rule set
and configuration loaders report with the file, line and column.

Patterns also see bounded input, which keeps the work per line small:
- `UserPattern.search`/`match` look at the first INPUT_LIMIT characters of their text;
- `LinePattern` (page-break patterns) matches only lines of at most INPUT_LIMIT characters: a
  longer line is never a page break;
- `UserPattern.found_in` looks through a whole text in windows of TEXT_WINDOW characters, since
  RE2 works on an encoded copy of what it searches (100 MB more for a 100 MB file at once).

`PatternSet` searches a text for many user patterns at once (one RE2 Set, one pass over the
text) and says which is the first to match, as trying them one by one would.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

from marklint.errors import PatternError

INPUT_LIMIT = 500
TEXT_WINDOW = 1 << 20  # characters of a text that `found_in` encodes for RE2 at once
WINDOW_OVERLAP = 1 << 16  # characters consecutive windows share: the longest match sure to be found


@functools.cache
def _options():
    import re2  # lazy import (~2 ms): only a run with user patterns needs RE2

    options = re2.Options()
    options.log_errors = False  # RE2 would print each refused pattern to stderr
    return options


def compile_user_pattern(pattern: str):
    """Compile a user-written pattern on RE2 (linear-time matching, Python `re` syntax without
    backreferences and look-around). Raises PatternError, whose message names the kind of
    problem (`missing )`, `invalid perl operator`, ...) but not the pattern's text."""
    import re2  # lazy import, as in _options

    try:
        return re2.compile(pattern, _options())
    except re2.error as exc:
        detail = exc.args[0] if exc.args else b""
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        kind = str(detail).partition(":")[0].strip() or "not a regular expression"
        hint = ""
        if kind in ("invalid perl operator", "invalid escape sequence"):
            hint = " (RE2 has no look-around and no backreferences)"
        raise PatternError(f"{kind}{hint}") from None


class _BoundedPattern(NamedTuple):
    """A compiled user pattern; subclasses say how its input is bounded."""

    regex: object  # a compiled RE2 pattern

    @classmethod
    def compile(cls, pattern: str) -> _BoundedPattern:
        """`compile_user_pattern(pattern)` wrapped in this class; raises PatternError."""
        return cls(compile_user_pattern(pattern))

    @property
    def pattern(self) -> str:
        """The pattern's source text."""
        return self.regex.pattern


class UserPattern(_BoundedPattern):
    """A user pattern that only sees the first INPUT_LIMIT characters of its input."""

    __slots__ = ()

    def search(self, text: str):
        """`search` on the first INPUT_LIMIT characters of `text`: a match or None."""
        return self.regex.search(text, 0, INPUT_LIMIT)

    def match(self, text: str):
        """`match` on the first INPUT_LIMIT characters of `text`: a match or None."""
        return self.regex.match(text, 0, INPUT_LIMIT)

    def found_in(self, text: str) -> bool:
        """Whether the pattern matches anywhere in `text`, searched window by window: windows of
        TEXT_WINDOW characters, each sharing WINDOW_OVERLAP characters with the next, so that
        every match of at most WINDOW_OVERLAP characters lies within one. A window is searched
        with one character of the text on either side as context, so `^`, `$` and `\\b` judge
        as they do on the whole text."""
        step = TEXT_WINDOW - WINDOW_OVERLAP
        for start in range(0, max(len(text) - WINDOW_OVERLAP, 1), step):
            if self.regex.search(*_encoded(text, start, start + min(TEXT_WINDOW, len(text) - start))) is not None:
                return True
        return False


def _encoded(text: str, start: int, end: int) -> tuple[bytes, int, int]:
    """`text[start:end]` with the character on either side of it (where there is one), encoded
    in UTF-8, and the byte offsets of `start` and `end` in that: what RE2 searches between
    offsets with the text around as context. Given a str, RE2's wrapper would encode it all and
    count its characters to find the offsets."""
    before = min(start, 1)
    window = text[start - before:end + 1]
    encoded = window.encode()
    return encoded, len(window[:before].encode()), len(encoded) - len(window[before + end - start:].encode())


class LinePattern(_BoundedPattern):
    """A user pattern tried only on lines of at most INPUT_LIMIT characters (line end excluded)."""

    __slots__ = ()

    def search(self, line: str):
        """`search` on `line`, or None when the line is longer than INPUT_LIMIT."""
        if len(line.rstrip("\r\n")) > INPUT_LIMIT:
            return None
        return self.regex.search(line)


class PatternSet:
    """Several UserPatterns searched at once: `first(text)` is the index of the first of them
    whose `search` matches `text`, or None. A text of at most INPUT_LIMIT characters is matched
    against all of them in one pass (an RE2 Set); a longer one pattern by pattern (its first
    INPUT_LIMIT characters, encoded once), since a search sees only those while `$` and `\\b`
    at their end still see the character after them, which a Set matching a cut copy would not."""

    __slots__ = ("patterns", "_set")

    def __init__(self, patterns: Sequence[UserPattern]) -> None:
        import re2  # lazy import, as in _options

        self.patterns = tuple(patterns)
        self._set = None
        if self.patterns:
            self._set = re2.Set.SearchSet(_options())
            for pattern in self.patterns:
                self._set.Add(pattern.pattern)
            self._set.Compile()

    def first(self, text: str) -> int | None:
        """The index of the first pattern that matches `text` (as `UserPattern.search`), or None."""
        if self._set is None:
            return None
        if len(text) > INPUT_LIMIT:
            head = _encoded(text, 0, INPUT_LIMIT)
            return next((index for index, pattern in enumerate(self.patterns) if pattern.regex.search(*head)), None)
        found = self._set.Match(text)
        return None if found is None else min(found)
