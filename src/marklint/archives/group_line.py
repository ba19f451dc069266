"""A Group legend's label as the scan leaves it (OCR tolerance, `marklint.archives.ocr`).

EO 10501 as amended by EO 10964 (1961-1972) had every classified document carry its Group
legend, `GROUP 1` over `Excluded from automatic downgrading and declassification`. Printed on a
form's foot, its digit is read by the OCR as a mark of the same stroke (`GROUP !`, `GROUP |`,
`GROUP l`): a line holding only the label and that mark is the label of Group 1. `GROUP I` is
not read: a heading's Roman numeral looks the same.
"""

from __future__ import annotations

import re

_LABEL_RE = re.compile(r"[ \t]*(?P<label>GROUP[ \t]*[.:]?[ \t]*(?P<digit>[!|l]))[ \t]*")
CONFIDENCE = 0.9  # one slip of the confusion table's kind


def read_group_label(line: str) -> tuple[int, str, str, float] | None:
    """(offset, label as written, as read, confidence) of a Group 1 label whose digit the scan
    read as `!`, `|` or `l` (`GROUP !` read as `GROUP 1`), or None."""
    match = _LABEL_RE.fullmatch(line)
    if match is None:
        return None
    written = match["label"]
    return match.start("label"), written, written[:-1] + "1", CONFIDENCE
