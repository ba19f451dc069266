"""A Group legend's label as the scan leaves it (OCR tolerance, `marklint.archives.ocr`).

EO 10501 as amended by EO 10964 (1961-1972) had every classified document carry its Group
legend, `GROUP 1` over `Excluded from automatic downgrading and declassification`. Its digit is
often read by the OCR as a mark or letter of the same stroke (`GROUP !`, `GROUP |`, `GROUP l`,
`GROUP I`): such a label, alone on its line or before its legend (`GROUP l - EXCLUDED FROM
...`), is the label of Group 1.
"""

from __future__ import annotations

import re

_LABEL_RE = re.compile(r"[ \t]*(?P<label>GROUP[ \t]*[.:]?[ \t]*[!|lI])"
                       r"(?=[ \t]*$|[ \t]+[-:.,]?[ \t]*(?:EXCLUDED|Excluded)\b)")
CONFIDENCE = 0.9  # one slip of the confusion table's kind


def read_group_label(line: str) -> tuple[int, str, str, float] | None:
    """(offset, label as written, as read, confidence) of a Group 1 label whose digit the scan
    read as `!`, `|`, `l` or `I` (`GROUP !` read as `GROUP 1`), or None."""
    match = _LABEL_RE.match(line)
    if match is None:
        return None
    written = match["label"]
    return match.start("label"), written, written[:-1] + "1", CONFIDENCE
