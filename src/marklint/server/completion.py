"""Completion inside a marking: the vocabulary's words that may come where the cursor is.

The marking is the text before the cursor on its line: after an unclosed `(` (a portion mark)
or from the start of a line that begins with a classification (a banner). Its categories are
separated by `//` and come in register order (SCI, SAP, AEA, FGI, dissemination controls,
non-IC controls: S-06), so a new category offers the categories after the last one written;
within a category (after `/`) the words of that category that follow the last one written;
the first category the classifications. In a REL TO list the country codes offered are those
that may follow the last one written (USA first, then trigraphs, then tetragraphs, each
alphabetically: F-02, K-16). Controls are offered in the form of the marking (banner: NOFORN,
portion: NF) and only where the classification allows them; retired ones are not offered.
"""

from __future__ import annotations

import re

from lsprotocol import types

from marklint.markings.vocab import Token, Vocabulary
from marklint.server.positions import Positions

# register order of the categories after the classification (S-06)
_RANK = {"sci": 1, "sap": 2, "aea": 3, "fgi": 4, "dissem": 5, "nonic": 6}
_MARKING_CHARS = re.compile(r"[A-Z0-9 ,/\-]*")
_REL_TO = "REL TO "


def marking_before(line: str, column: int, vocab: Vocabulary) -> tuple[str, str] | None:
    """(form, text) of the marking the cursor at `column` is inside, or None."""
    before = line[:column - 1]
    opening = before.rfind("(")
    if opening >= 0 and ")" not in before[opening:]:
        text = before[opening + 1:]
        return ("portion", text) if _MARKING_CHARS.fullmatch(text) else None
    text = before.lstrip()
    if not _MARKING_CHARS.fullmatch(text) or not text:
        return None
    first = text.split("//", 1)[0]
    if "//" in text and first.strip() not in vocab.us_spellings:
        return None
    if "//" not in text and not any(level.startswith(first) for level, _ in vocab.us_levels.values()):
        return None
    return "banner", text


def _category(segment: str, vocab: Vocabulary) -> str | None:
    """The category of a written category (by its first word)."""
    word = segment.split("/", 1)[0].strip()
    if word.split("-", 1)[0] in vocab.sci_systems:
        return "sci"
    if word.startswith(("SAR-", "SPECIAL ACCESS REQUIRED")):
        return "sap"
    if word.startswith("FGI"):
        return "fgi"
    if word.startswith(_REL_TO.strip()):
        return "dissem"
    found = vocab.token(word)
    return found[0].category if found is not None else None


def _offered(token: Token, level: str | None) -> bool:
    return not token.legacy and token.retired is None and (level is None or level in token.levels)


def _tokens(vocab: Vocabulary, category: str, level: str | None, form: str, after: int = -1) -> list[tuple[str, str]]:
    """(word, detail) of a category's controls in register order, after order `after`."""
    tokens = sorted((t for t in vocab.tokens.values() if t.category == category and t.order > after
                     and _offered(t, level)), key=lambda t: t.order)
    words = []
    for token in tokens:
        word = token.id if form == "banner" else token.portion
        words.append((f"{_REL_TO}USA" if token.id == "REL TO" else word, token.title or category))
    return words


def candidates(form: str, text: str, vocab: Vocabulary) -> tuple[str, list[tuple[str, str]]]:
    """(the partial word before the cursor, [(word, detail)] that may replace it)."""
    segments = text.split("//")
    current = segments[-1]
    pieces = current.split("/")
    piece = pieces[-1]
    if len(segments) == 1:
        index = 0 if form == "banner" else 1
        return current.lstrip(), [(pair[index], f"classification ({pair[0].lower()})")
                                   for pair in vocab.us_levels.values()]
    level = vocab.us_spellings.get(segments[0].strip())
    if piece.startswith(_REL_TO):
        return _countries(piece[len(_REL_TO):], vocab)
    partial = piece.lstrip()
    if len(pieces) > 1:  # within a category: more of the same, after the last written
        category = _category(pieces[0], vocab)
        if category == "sci":
            written = {p.strip().split("-", 1)[0] for p in pieces[:-1]}
            return partial, [(s, "SCI control system") for s in sorted(vocab.sci_systems) if s not in written]
        if category in ("dissem", "nonic", "aea"):
            orders = [found[0].order for p in pieces[:-1] if (found := vocab.token(p.strip())) is not None]
            return partial, _tokens(vocab, category, level, form, max(orders, default=-1))
        return partial, []
    ranks = [_RANK.get(_category(s, vocab) or "", 0) for s in segments[1:-1]]
    last = max(ranks, default=0)
    words: list[tuple[str, str]] = []
    if last < _RANK["sci"] and level not in ("U", None):
        words += [(s, "SCI control system") for s in sorted(vocab.sci_systems)]
    for category in ("aea", "dissem", "nonic"):
        if last < _RANK[category]:
            words += _tokens(vocab, category, level, form)
    return partial, words


def _countries(listed: str, vocab: Vocabulary) -> tuple[str, list[tuple[str, str]]]:
    """The codes that may follow those written in a REL TO list."""
    codes = [code.strip() for code in listed.split(",")]
    written, partial = codes[:-1], codes[-1]
    if not written:
        return partial, [("USA", "country code (first in a REL TO list)")]
    order = vocab.sort_codes([*vocab.trigraphs, *vocab.tetragraphs], usa_first=True)
    last = written[-1]
    start = order.index(last) + 1 if last in order else 0
    return partial, [(code, vocab.trigraphs.get(code, "tetragraph")) for code in order[start:]
                     if code not in written]


def completions(line_text: str, line: int, column: int, vocab: Vocabulary,
                positions: Positions) -> types.CompletionList | None:
    """The completion list at (line, column), or None outside a marking."""
    found = marking_before(line_text, column, vocab)
    if found is None:
        return None
    form, text = found
    partial, words = candidates(form, text, vocab)
    start = positions.to_client(line, column - len(partial))
    end = positions.to_client(line, column)
    items = [
        types.CompletionItem(
            label=word, kind=types.CompletionItemKind.EnumMember, detail=detail, sort_text=f"{rank:04d}",
            filter_text=word, text_edit=types.TextEdit(range=types.Range(start=start, end=end), new_text=word),
        )
        for rank, (word, detail) in enumerate(words) if word.startswith(partial)
    ]
    return types.CompletionList(is_incomplete=False, items=items)
