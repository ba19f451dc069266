"""An authority block's label as the scan leaves it (OCR tolerance, `marklint.archives.ocr`).

A typed or stamped block opens its lines with `Classified by`, `Derived from` and `Declassify
on`; the scan misreads a letter or two of the long word (`Declassity on:`, `CLASSIFLED BY:`)
and the linter would take the line for a writer's unknown label. A line opening with a word
within the banner words' reach of the label's word (at most one edit per `MIN_FUZZY` letters,
confusion-table slips costing less), its short word as typed and its colon, is that label.
"""

from __future__ import annotations

import re

from marklint.archives.ocr_words import MIN_FUZZY, OTHER_COST, edit_cost

_LABEL_RE = re.compile(r"[ \t]*(?P<word>[A-Za-z]{8,12})(?P<rest>[ \t]+(?P<short>[A-Za-z]{2,4})[ \t]*:)")
_LABELS = {"BY": "CLASSIFIED", "FROM": "DERIVED", "ON": "DECLASSIFY"}
_PER_EDIT = 0.2  # the confidence an edit that is no confusion-table slip costs


def read_block_label(line: str) -> tuple[int, str, str, float] | None:
    """(offset, label as written, as read, confidence) of an authority-block label whose long
    word the scan misread (`Declassity on:` read as `Declassify on:`, confidence 0.8), or None
    when the line opens with no such label (or with the label as it should be)."""
    match = _LABEL_RE.match(line)
    if match is None:
        return None
    word = _LABELS.get(match["short"].upper())
    written = match["word"]
    if word is None or written.upper() == word or abs(len(word) - len(written)) > 1:
        return None
    cost = edit_cost(word, written)
    if cost > len(word) / MIN_FUZZY:
        return None
    read = word if written.isupper() else word.capitalize()
    return (match.start("word"), written + match["rest"], read + match["rest"],
            round(1 - _PER_EDIT * cost / OTHER_COST, 2))
