"""An EO 11652 authority line as the scan leaves it (OCR tolerance, `marklint.archives.ocr`).

FBI teletypes and memoranda of 1972-1978 typed their authority on one line at the text's end,
the classifier and the exemption from the General Declassification Schedule with its category
and declassification event: `CLASSIFIED BY 5875, XGDS 2, INDEFINITE`. The OCR garbles it
(`CLASSITYID Y 5A7S, XEDS 2, INDEFINITE.`). A line of that shape is read as that line: a first
word opening `CLASS` within `CLASSIFIED_SLIPS` of CLASSIFIED, `BY` or its `Y`, the classifier, a
word within one slip of XGDS followed by its category 1-4, and the event (`INDEFINITE`,
`IMPOSSIBLE TO DETERMINE`) or a date. The confidence loses 0.1 a slip. Read as `BY`, a lone `Y`
lengthens the line by one character: what follows on that line is reported one column right.

An EO 10964 Group label (1961-1972) whose digit the scan read as a letter (`GROUP I`, `GROUP l`
for GROUP 1), alone on its line or before its legend's first word, is read as that label.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

CLASSIFIED_SLIPS = 3.0
_LINE_RE = re.compile(
    r"[ \t]*(?P<classified>CLASS[A-Z]{4,6})[ \t]+(?P<by>[B8]?Y)[ \t]+[A-Z0-9][A-Z0-9/-]{1,11},?[ \t]+"
    r"(?P<xgds>X[A-Z0-9]DS)[ \t]+[1-4],?[ \t]+"
    r"(?:INDEFINITE|IMPOSSIBLE[ \t]+TO[ \t]+DETERMINE|\d{1,2}/\d{1,2}/\d{2,4}|[A-Z][a-z]{2,8}[ \t]+\d{1,2},[ \t]+\d{4})"
    r"\.?[ \t]*")


def read_exemption_line(line: str, cost: Callable[[str, str], float]) -> tuple[int, str, str, float] | None:
    """(offset, labels as written, as read, confidence) of an EO 11652 authority line with OCR
    slips in its labels (`CLASSITYID Y 5A7S, XEDS 2, INDEFINITE.`: `CLASSITYID Y 5A7S, XEDS`
    read as `CLASSIFIED BY 5A7S, XGDS`), or None when the line has not that shape or is written
    right. `cost` is the weighted edit distance (`marklint.archives.ocr_words.edit_cost`)."""
    match = _LINE_RE.fullmatch(line)
    if match is None:
        return None
    slips = [cost("CLASSIFIED", match["classified"]), cost("BY", match["by"]), cost("XGDS", match["xgds"])]
    if slips[0] > CLASSIFIED_SLIPS or slips[2] > 1 or sum(slips) == 0:
        return None
    start, end = match.start("classified"), match.end("xgds")
    read = "CLASSIFIED BY" + line[match.end("by"):match.start("xgds")] + "XGDS"
    return start, line[start:end], read, round(1 - 0.1 * sum(slips), 2)
