"""The grammar of a marking string (grammar/marking.lark) and its parse tree.

`parse_tree()` parses one marking with the LALR parser built once per process from the grammar,
or raises MarkingError (marking-syntax) at the first character or token the grammar refuses.
The grammar is loaded lazily, at the first marking read, so that commands which read none do not
pay for building it; it is never cached on disk (lark's cache is a pickle).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import lark

from marklint.markings.model import MarkingError

MAX_LENGTH = 1000  # longer strings are not markings; refusing them bounds the work
# Terminals that are part of one value as written: an error on one reports the whole value
_VALUE_TERMINALS = frozenset({"WORD", "SHORTHAND", "REL_TO", "DISPLAY_ONLY", "FGI", "SAR", "AEA", "ACCM",
                              "SPECIFIED", "DECLASSIFICATION"})
_INNER_SEPARATORS = frozenset({"_SPACE", "_COMMA", "_HYPHEN"})


@lru_cache(maxsize=1)
def parser() -> lark.Lark:
    """The LALR parser of grammar/marking.lark (built on first use, once per process)."""
    grammar = (Path(__file__).parent.parent / "grammar" / "marking.lark").read_text(encoding="utf-8")
    return lark.Lark(grammar, parser="lalr")


def parse_tree(text: str) -> tuple[lark.Tree, int]:
    """The parse tree of `text` without its surrounding blanks, and the offset of its first
    character in `text`; raise MarkingError (marking-syntax) when the grammar refuses it."""
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    if not stripped:
        raise MarkingError("empty marking", 1, 2)
    if len(stripped) > MAX_LENGTH:
        raise MarkingError(f"not a marking: longer than {MAX_LENGTH} characters", 1 + offset, 2 + offset)
    try:
        return parser().parse(stripped), offset
    except lark.exceptions.LarkError as exc:
        raise _syntax_error(exc, stripped, offset) from None


def _syntax_error(exc: lark.exceptions.LarkError, text: str, offset: int) -> MarkingError:
    """The MarkingError for the first character or token the grammar refuses."""
    if isinstance(exc, lark.exceptions.UnexpectedToken) and exc.token.type in _INNER_SEPARATORS:
        return _bad_character(text, exc.token.column, offset)  # a blank, "-" or "," that joins nothing
    if isinstance(exc, lark.exceptions.UnexpectedCharacters):
        return _bad_character(text, exc.column, offset)
    if isinstance(exc, lark.exceptions.UnexpectedEOF):
        return MarkingError("incomplete marking", len(text) + offset, len(text) + offset + 1)
    if isinstance(exc, lark.exceptions.UnexpectedToken):
        tok = exc.token
        if tok.type == "$END" or not str(tok):
            return MarkingError("incomplete marking (missing closing parenthesis or value)",
                                len(text) + offset, len(text) + offset + 1)
        col = tok.column or 1
        written = _value_at(text, tok.start_pos) if tok.type in _VALUE_TERMINALS else str(tok)
        return MarkingError(f"unexpected {written.strip() or 'separator'!r}", col + offset, col + offset + len(written))
    return MarkingError(f"cannot parse marking ({type(exc).__name__})", 1 + offset, 2 + offset)  # pragma: no cover


def _bad_character(text: str, column: int, offset: int) -> MarkingError:
    ch = text[column - 1] if column - 1 < len(text) else ""
    if ch in " \t" and (text[: column - 1].rstrip(" \t").endswith("(") or text[column - 1:].lstrip(" \t").startswith(")")):
        end = len(text) - len(text[column - 1:].lstrip(" \t"))  # `( S )`: the blanks after "(" or before ")"
        return MarkingError('a portion mark has no blanks inside its parentheses (P-02)', column + offset, end + 1 + offset)
    what = "unexpected character" if ch.isprintable() else "unexpected control character"
    return MarkingError(f"{what} {ch!r} (U+{ord(ch):04X})" if ch else "unexpected end",
                        column + offset, column + offset + 1)


def _value_at(text: str, start: int) -> str:
    """The whole value written from `start` (words and what joins them), read with the
    grammar's own terminals."""
    end = start
    try:
        for tok in parser().lex(text[start:], dont_ignore=True):
            if tok.type not in _VALUE_TERMINALS and tok.type not in _INNER_SEPARATORS:
                break
            end = start + tok.end_pos
    except lark.exceptions.UnexpectedCharacters:
        pass
    return text[start:end]
