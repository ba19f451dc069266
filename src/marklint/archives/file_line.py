"""A cable's file line as the scan leaves it (OCR tolerance, `marklint.archives.ocr`).

CIA cables of the EO 12065 era (1978-1982) end with a file line that holds their authority in
the abbreviated cable form and the whole-text statement that stands for every portion's mark:
`FILE: 201-252234. RVW 02 JAN 2000 DRV D9C.1. ALL SECRET.`; those of the EO 12356 era
(1982-1995) `FILE: NONE. DECL OADR DRV HUM 4-82.`. OCR garbles both:

- **The labels** `RVW` and `DRV`, three letters each, are never guessed alone; read together,
  around the review date they enclose (`RVA 2 JAN 2000 DRY D9C.S.`), each within one slip of
  its label, first letter intact and the date legible, they are that authority line; so are
  `DECL` and `DRV` around `OADR` (`DECU OADR DRV`, `DECL OADR DRY`, `DRVI` with a speck),
  which no slip makes: the labels are rewritten in place (same length, a speck's place left
  blank) and the reading is reported with its confidence (0.1 less per confusion-table slip,
  0.2 less per other slip, as `marklint.archives.ocr`).
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
# EO 12356's cable form (1982-1995): the declassification label before OADR, the derivation
# label after it (`DECU OADR DRV HUM 1-82`, `DECL OADR DRY`): OADR is no word a slip makes.
_OADR_RE = re.compile(r"\b(?P<decl>D[A-Z]{3})[ \t]+OADR\b(?:[ \t]+(?P<derived>D[A-Z]{2,3})\b)?")
_SHAPES = ((_REVIEW_DERIVED_RE, (("review", "RVW"), ("derived", "DRV"))),
           (_OADR_RE, (("decl", "DECL"), ("derived", "DRV"))))
SLIP_COST = 1.0  # the most a garbled label may cost (`marklint.archives.ocr_words.edit_cost`)
# `ALL` ending a line, or followed by one word in capitals that ends it.
_ALL_RE = re.compile(r"(?<![\w-])ALL(?:[ \t]+(?P<word>[A-Z][A-Za-z]{3,13})\.?)?[ \t]*$")
_NEXT_WORD_RE = re.compile(r"[ \t]*(?P<word>[A-Z][A-Za-z]{3,13})\b")


def read_labels(line: str, cost: Callable[[str, str], float]) -> tuple[int, str, str, float] | None:
    """(offset, as written, as read, confidence) of a cable's authority labels written with OCR
    slips around the value that anchors them: the review and derivation labels around their
    review date (`RVA 2 JAN 2000 DRY` read as `RVW 2 JAN 2000 DRV`), or the declassification
    and derivation labels around OADR (`DECU OADR DRY` as `DECL OADR DRV`); None when the line
    holds none or they are written right. `cost` is the weighted edit distance
    (`marklint.archives.ocr_words.edit_cost`)."""
    for pattern, labels in _SHAPES:
        match = pattern.search(line)
        if match is None:
            continue
        present = [(group, label) for group, label in labels if match[group]]
        costs = [cost(label, match[group]) for group, label in present]
        if max(costs) > SLIP_COST or sum(costs) == 0:
            return None
        start, end = match.start(present[0][0]), match.end(present[-1][0])
        read = line[start:end]
        for group, label in reversed(present):
            offset = match.start(group) - start
            read = read[:offset] + label.ljust(len(match[group])) + read[offset + len(match[group]):]
        return start, line[start:end], read, round(1 - 0.2 * max(costs), 2)
    return None


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
