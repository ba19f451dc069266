"""A teletype's continuation header as the scan leaves it (OCR tolerance, `marklint.archives.ocr`).

A teletype or cable continuation page opens with a header that carries the page's
classification spaced out across the line: `PAGE TWO CAR 97-2 S E C R E T`. The OCR cuts the
spaced letters apart and drops some: `PAGE TWO CAR 97-2 SEC`, `PAGE THREE CAR 97-2 SEC,` over
`E T`, `PAGE FOUR: CAR 97-2` over `S'E` over `E T`. The letters left at the header's end and on
the short lines right below it (a few capitals each), read in order, are the level when they
are at least `MIN_LETTERS` of one level word's letters in its order, its first letter first,
and of no other level word: `SEC`, `SECET`, `SEET` are SECRET. The confidence grows with the
share of the word's letters kept (`PAGE TWO ... SEC`: 0.70); the header stays a line of its own.

A form's level box spaced the same way (`S E C R E T` on a cable form) is cut by the scan into
short lines of capitals with no header (`SE` over `ET`): a run of such lines, two or more, one
of them of two letters or more (single letters a line are `marklint.archives.ocr`'s vertical
banners), is the level when its letters, at least MIN_SPLIT_LETTERS, are one level word's in
order; the run ends at the first line whose letters no longer fit (`SE` / `ET` / `RUN`).

A teletype page ends with `END PAGE TWO` over its level spaced out; where the scan cut that
line at the page's edge, a fragment or two of a few characters is all that is left below it
(`U)`, `SEX.`): the page's bottom banner is there, unreadable (`cut_bottom_banner`).
"""

from __future__ import annotations

import re

from marklint.document import Block, BlockKind

LEVEL_WORDS = ("SECRET", "CONFIDENTIAL", "UNCLASSIFIED")
MIN_LETTERS = 3
MIN_SPLIT_LETTERS = 4  # letters of a level box cut into lines with no header to vouch for them
FRAGMENT_LINES = 2  # short lines of spaced letters below the header
# `PAGE TWO CAR 97-2 SEC,`: the page (in digits or words), the station and serial, then the
# letters of the level that the scan kept on the line.
_HEADER_RE = re.compile(
    r"PAGE[ \t]+(?:\d{1,3}|[A-Z]{3,9})[:.,]?[ \t]+(?:[A-Z][A-Z.'-]{1,20}[ \t]+){1,4}\d{1,6}(?:-\d{1,6})?"
    r"(?:[ \t]+(?P<tail>[A-Z](?:[ '.]{0,2}[A-Z]){0,5})[.,]?)?[ \t]*")
_FRAGMENT_RE = re.compile(r"[A-Z](?:[ '.]{0,2}[A-Z]){0,3}[.,]?")


def _letters(text: str) -> str:
    return re.sub("[^A-Z]", "", text)


def spaced_level(letters: str) -> tuple[str, float] | None:
    """(level word, confidence) whose letters `letters` keep in order, first letter first, when
    they are at least MIN_LETTERS and fit one level word only; None otherwise."""
    if len(letters) < MIN_LETTERS:
        return None
    fits = [word for word in LEVEL_WORDS if word[0] == letters[0] and _in_order(letters, word)]
    if len(fits) != 1:
        return None
    return fits[0], round(min(0.9, 0.5 + 0.4 * len(letters) / len(fits[0])), 2)


def _fits(letters: str) -> bool:
    """Whether `letters` are, in order and first letter first, some level word's."""
    return any(word[0] == letters[0] and _in_order(letters, word) for word in LEVEL_WORDS)


def split_level(blocks: list[Block], index: int) -> tuple[int, int, int, str, str, float] | None:
    """(blocks used, line and column of the first, the level as written, the level, confidence)
    when `blocks[index]` opens a level box the scan cut into short lines (`SE` over `ET`; see
    the module docstring), or None."""
    pieces: list[Block] = []
    for block in blocks[index:index + FRAGMENT_LINES + 2]:
        if block.kind is BlockKind.COMMENT or _FRAGMENT_RE.fullmatch(block.text) is None \
                or pieces and block.line - pieces[-1].line > 2 \
                or not _fits(_letters("".join(piece.text for piece in [*pieces, block]))):
            break
        pieces.append(block)
    letters = _letters("".join(piece.text for piece in pieces))
    if len(pieces) < 2 or len(letters) < MIN_SPLIT_LETTERS or all(len(_letters(p.text)) == 1 for p in pieces):
        return None
    reading = spaced_level(letters)
    if reading is None:
        return None
    return len(pieces), pieces[0].line, pieces[0].column, " / ".join(piece.text for piece in pieces), *reading


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


def continuation_banner(blocks: list[Block], index: int) -> tuple[int, int, int, int, str, str, float] | None:
    """(blocks used, length of the header without the level, line and column of the level's
    first letter, the level as written, the level, confidence) when `blocks[index]` is a
    continuation header whose level the scan cut (`PAGE THREE CAR 97-2 SEC,` over `E T`), or
    None."""
    header = blocks[index]
    match = _HEADER_RE.fullmatch(header.text)
    if header.kind is BlockKind.COMMENT or match is None:
        return None
    pieces = [match["tail"]] if match["tail"] else []
    used, last = 1, header.line
    for block in blocks[index + 1:index + 1 + FRAGMENT_LINES]:
        if block.line - last > 2 or _FRAGMENT_RE.fullmatch(block.text) is None:
            break
        pieces.append(block.text)
        used, last = used + 1, block.line
    reading = spaced_level(_letters("".join(pieces)))
    if reading is None:
        return None
    if match["tail"]:
        cut = match.start("tail")
        line, column = header.position_of(cut)
    else:
        cut, line, column = len(header.text), blocks[index + 1].line, blocks[index + 1].column
    return used, cut, line, column, " / ".join(pieces), *reading


_END_PAGE_RE = re.compile(r"END PAGE [A-Z]{3,9}\W?")
CUT_FRAGMENTS = 2  # lines a cut level may leave below `END PAGE ...`
_CUT_FRAGMENT_CHARS = 5  # characters of such a line, at most


def cut_bottom_banner(blocks: list[Block]) -> bool:
    """Whether a page's text ends with a teletype's `END PAGE ...` line over one to
    CUT_FRAGMENTS short lines, what the scan cut of the level below it (`U)`, `SEX.`): its
    bottom banner is there, unreadable."""
    tail = [line.strip() for block in blocks[-CUT_FRAGMENTS - 1:] for line in block.text.split("\n") if line.strip()]
    for index in range(len(tail) - 2, max(len(tail) - 2 - CUT_FRAGMENTS, -1), -1):
        if _END_PAGE_RE.fullmatch(tail[index]):
            return all(len("".join(line.split())) <= _CUT_FRAGMENT_CHARS for line in tail[index + 1:])
    return False
