"""Lines whose dates are facts about the copy, not about the document.

An archival copy carries dates that were added long after the document was written: release
stamps and FOIA headers, review and declassification stamps, identification-form and reading
room metadata. An archivist never takes one of them for the date of origin; they are recorded
separately (`marklint.dates.Dating.copy_dates`), and, since a copy is always made after its
original, the earliest of them bounds the date of origin from above.

This is the one list of such lines. It is data (a kind and a pattern per entry, searched
anywhere in a line, case-insensitive) so that wrapper recognition (NARA forms, release
stamps, FOIA headers) can replace it without touching the date logic.
"""

from __future__ import annotations

import re

COPY_DATE_LINES: tuple[tuple[str, str], ...] = (
    # release stamps and FOIA release headers
    ("release", r"\bRELEASED?\b.{0,40}\b(?:IN FULL|IN PART|UNDER|PURSUANT)\b"),
    ("release", r"\bapprove[dr] for (?:public )?release\b"),  # OCR: APPROVER FOR RELEASE 1993
    ("release", r"\bCase\s*(?:No\.?|#)\s*:?\s*[A-Z]{0,2}[- ]?\d"),
    ("release", r"\bAssassination Records\b"),
    # review stamps
    ("review", r"\bdate of (?:last )?review\b|\breview(?:ed)? (?:date|by)\b|\bsenior reviewer\b"),
    # declassification and reclassification actions on the copy
    # ("automatically declassified on" and "downgraded at 12 year intervals" are the document's
    # own EO 11652 and Group legends, not actions on the copy)
    ("declassification", r"(?<!automatically )\bdeclassified\b|\bdeclassification (?:authority|review|date)\b"
                         r"|\bdecaptioned\b|\bclassification extended\b|\b(?:portions )?reclassified\b"),
    ("declassification", r"\bclassified by\b.{0,40}\bon \d{1,2}/\d{1,2}/\d{2,4}"),  # State review blocks
    # identification forms, reading-room and print metadata
    ("metadata", r"\bcreation date\b|\bdate (?:printed|posted|entered|received)\b|\bprinted on\b"
                 r"|\bdoc ?(?:ument)? ?(?:id|ref ?id)\b|\bdocid\b|\brecord number\b|\bagency file number\b"),
    ("metadata", r"^\s*DATE\s+\d{2}-\d{2}-\d{4}\b"),  # FBI declassification-guide stamp: DATE 05-16-2023
)

_COMPILED = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in COPY_DATE_LINES)
# Every pattern but the last matches from a word that starts with one of these letters; the last
# from the start of the line. Most lines are no copy date's: one search for the word patterns
# together (the look-ahead lets the regex engine skip from one such letter to the next) and one
# match at the start pass over them, rather than nine searches.
_ANY_WORD = re.compile("(?=[RACDSP])(?:" + "|".join(pattern for _, pattern in COPY_DATE_LINES[:-1]) + ")",
                       re.IGNORECASE)
_AT_START = _COMPILED[-1][1]


def copy_date_kind(line: str) -> str | None:
    """The kind of copy-date line `line` is (release, review, declassification, metadata),
    or None when it is not one."""
    if _ANY_WORD.search(line) is None and _AT_START.match(line) is None:
        return None
    for kind, regex in _COMPILED:
        if regex.search(line):
            return kind
    return None
