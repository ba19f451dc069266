"""A cable's file line as the scan leaves it (OCR tolerance, `marklint.archives.ocr`).

CIA cables of the EO 12065 era (1978-1982) end with a file line that holds their authority in
the abbreviated cable form and the whole-text statement that stands for every portion's mark:
`FILE: 201-252234. RVW 02 JAN 2000 DRV D9C.1. ALL SECRET.`. OCR garbles both:

- **The labels** `RVW` and `DRV`, three letters each, are never guessed alone; read together,
  around the review date they enclose (`RVA 2 JAN 2000 DRY D9C.S.`), each within one slip of
  its label, first letter intact and the date legible, they are that authority line: the
  labels are rewritten in place (same length) and the reading is reported with its confidence
  (0.1 less per confusion-table slip, 0.2 less per other slip, as `marklint.archives.ocr`).
- **The whole-text statement** `ALL <level>` after an authority element at the end of its line
  (`... DRV D9C.1. ALL` over `SECRET ...`): its word is read as a level word is
  (`marklint.archives.ocr_words.read_word`); a word in capitals the scan garbled beyond that (`ALL
  SAIGALAD`) is the statement with its level unknown (confidence 0). Prose that says `all` is
  no authority line and is not read.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

_MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
# The review label, the review date (a speck of punctuation after it or not: `RUN 27 FEB 00; DRU`),
# the derivation label and its source.
_REVIEW_DERIVED_RE = re.compile(
    rf"\b(?P<review>R[A-Z]{{2}})[ \t]+\d{{1,2}}[ \t]+(?:{_MONTHS})[ \t]+\d{{2,4}}[;.,]?[ \t]+(?P<derived>D[A-Z]{{2}})[ \t]+\S")
_LABELS = (("review", "RVW"), ("derived", "DRV"))
SLIP_COST = 1.0  # the most a garbled label may cost (`marklint.archives.ocr_words.edit_cost`)
# `ALL` ending a line, or followed by one word in capitals that ends it.
_ALL_RE = re.compile(r"(?<![\w-])ALL(?:[ \t]+(?P<word>[A-Z][A-Za-z]{3,13})\.?)?[ \t]*$")
_NEXT_WORD_RE = re.compile(r"[ \t]*(?P<word>[A-Z][A-Za-z]{3,13})\b")


def read_labels(line: str, cost: Callable[[str, str], float]) -> tuple[int, str, str, float] | None:
    """(offset, as written, as read, confidence) of a cable's review and derivation labels
    written with OCR slips around their review date (`RVA 2 JAN 2000 DRY` read as `RVW 2 JAN
    2000 DRV`), or None when the line holds none or they are written right. `cost` is the
    weighted edit distance (`marklint.archives.ocr_words.edit_cost`)."""
    match = _REVIEW_DERIVED_RE.search(line)
    if match is None:
        return None
    costs = [cost(label, match[group]) for group, label in _LABELS]
    if max(costs) > SLIP_COST or sum(costs) == 0:
        return None
    start, end = match.start("review"), match.end("derived")
    read = "RVW" + line[match.end("review"):match.start("derived")] + "DRV"
    return start, line[start:end], read, round(1 - 0.2 * max(costs), 2)


def whole_text_word(lines: list[str], index: int, authority: Callable[[str], bool]) -> tuple[int, str] | None:
    """(offset of `ALL` in line `index`, the statement as written) when that line ends with a
    whole-text statement after an authority element (`authority(line)`): `ALL SAIGALAD` on the
    line, or `ALL / SAIGALAD` with its word opening the next line that has text; None
    otherwise."""
    line = lines[index]
    match = _ALL_RE.search(line)
    if match is None or not authority(line[:match.start()]):
        return None
    if match["word"]:
        return match.start(), f"ALL {match['word']}"
    following = next((text for text in lines[index + 1:] if text.strip()), "")
    word = _NEXT_WORD_RE.match(following)
    return (match.start(), f"ALL / {word['word']}") if word is not None else None


def statement_word(written: str) -> str:
    """The level's word of a whole-text statement as `whole_text_word` gives it."""
    return written.rsplit(" ", 1)[-1]
