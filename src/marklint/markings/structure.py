"""The structure of a marking string: grammar/marking.lark.

The grammar gives structure only (parentheses, categories separated by "//", values by "/").
That language is regular, so the hot path matches one regular expression compiled from the
grammar's own terminal definitions; the LALR parser is only built
to locate an error exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from marklint.markings.model import MarkingError

MAX_LENGTH = 1000  # longer strings are not markings; refusing them bounds the work


def _grammar_text() -> str:
    return (Path(__file__).parent.parent / "grammar" / "marking.lark").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _fast() -> tuple[re.Pattern, re.Pattern]:
    """The whole-string pattern and the splitting pattern, built from the grammar terminals."""
    terms = dict(re.findall(r"^([A-Z]+): /(.*)/$", _grammar_text(), re.M))
    cat, val, value = terms["CATSEP"], terms["VALSEP"], terms["VALUE"]
    body = f"(?:{cat})?{value}(?:(?:{cat}|{val}){value})*(?:{cat})?"
    whole = re.compile(rf"\(({body})\)|({body})")
    split = re.compile(rf"({cat})|({val})|({value})")
    return whole, split


@lru_cache(maxsize=1)
def _lark():  # type: ignore[no-untyped-def]
    """The LALR parser, built on first use (only error paths need it). Not with lark's
    `cache=`: that cache is a pickle read back from disk."""
    import lark

    return lark.Lark(_grammar_text(), parser="lalr")


def _syntax_error(text: str, offset: int) -> MarkingError:
    """Locate the first structural error with the LALR parser."""
    import lark

    try:
        _lark().parse(text)
    except lark.exceptions.UnexpectedCharacters as exc:
        col = exc.column
        ch = text[col - 1] if col - 1 < len(text) else ""
        what = "unexpected character" if ch.isprintable() else "unexpected control character"
        return MarkingError(f"{what} {ch!r} (U+{ord(ch):04X})" if ch else "unexpected end",
                            col + offset, col + offset + 1)
    except lark.exceptions.UnexpectedEOF:
        return MarkingError("incomplete marking", len(text) + offset, len(text) + offset + 1)
    except lark.exceptions.UnexpectedToken as exc:
        tok = exc.token
        if tok.type == "$END" or not str(tok):
            return MarkingError("incomplete marking (missing closing parenthesis or value)",
                                len(text) + offset, len(text) + offset + 1)
        col = tok.column or 1
        return MarkingError(f"unexpected {str(tok).strip() or 'separator'!r}", col + offset,
                            col + offset + len(str(tok)))
    except lark.exceptions.LarkError as exc:  # pragma: no cover - any other lark failure
        return MarkingError(f"cannot parse marking ({type(exc).__name__})", 1 + offset, 2 + offset)
    return MarkingError("cannot parse marking", 1 + offset, 2 + offset)


# Plain classes rather than dataclasses: a dataclass costs milliseconds of start-up to define.
class Value:
    """One value of a marking as written, with its span and category index."""

    __slots__ = ("text", "start", "end", "cat")

    def __init__(self, text: str, start: int, end: int, cat: int) -> None:
        self.text = text
        self.start = start  # 0-based offset in the original string
        self.end = end
        self.cat = cat  # index of the category it was written in


class Layout:
    """A marking split into values and separators."""

    __slots__ = ("portion", "values", "leading", "separators")

    def __init__(self, portion: bool, values: list[Value], leading: bool,
                 separators: list[tuple[str, str, int, int]]) -> None:
        self.portion = portion
        self.values = values
        self.leading = leading  # a "//" before the first category
        self.separators = separators  # (kind, raw, start, end)


def split(text: str) -> Layout:
    """Split a marking into values, or raise MarkingError (marking-syntax)."""
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    if not stripped:
        raise MarkingError("empty marking", 1, 2)
    if len(stripped) > MAX_LENGTH:
        raise MarkingError(f"not a marking: longer than {MAX_LENGTH} characters", 1 + offset, 2 + offset)
    whole, split = _fast()
    m = whole.fullmatch(stripped)
    if m is None:
        raise _syntax_error(stripped, offset)
    portion = m.group(1) is not None
    body_start = offset + (1 if portion else 0)
    body = m.group(1) if portion else m.group(2)
    values: list[Value] = []
    seps: list[tuple[str, str, int, int]] = []
    cat = 0
    leading = False
    pos = body_start
    # the whole body matched, so its tokens are contiguous: positions are running lengths
    for catsep, valsep, text_ in split.findall(body):
        if text_:
            values.append(Value(text_, pos, pos + len(text_), cat))
            pos += len(text_)
        elif catsep:
            if values:
                cat += 1
            else:
                leading = True
            seps.append(("cat", catsep, pos, pos + len(catsep)))
            pos += len(catsep)
        else:
            seps.append(("val", valsep, pos, pos + len(valsep)))
            pos += len(valsep)
    return Layout(portion, values, leading, seps)
