"""How much of a document's text a finding may carry (content safety).

Output names markings and positions, never the text of a portion. A line that looks like a
marking can run on into prose (`SECRET//NOFORN the convoy leaves at 0300`), and what the
marking parser then calls a token holds that prose. So every finding leaves `lint_document`
through `redact`:

- each double-quoted part of its message is cut to `excerpt`: up to the first space that
  cannot be part of a marking (one followed by a word with a lower-case letter; markings are
  written in capitals), and never more than MAX_QUOTED characters;
- its `marking` (the marking the finding is about, kept in the cache and hashed into
  fingerprints) is cut at the same space, but not shortened further: a real banner can be long,
  and its fingerprint must not change.
"""

from __future__ import annotations

import re

from marklint.findings import Finding

MAX_QUOTED = 40
# A space, then a word holding a lower-case letter: no marking continues that way.
_PROSE = re.compile(r"\s+(?=\S*[a-z])")
_QUOTED = re.compile(r'"([^"]*)"')


def marking_part(text: str) -> str:
    """`text` up to the first space that cannot be part of a marking."""
    match = _PROSE.search(text, 1)
    return text if match is None else text[:match.start()]


def excerpt(text: str) -> str:
    """What a message may quote of `text`: `marking_part`, at most MAX_QUOTED characters (the
    last of them an ellipsis when it was cut)."""
    part = marking_part(text)
    return part if len(part) <= MAX_QUOTED else part[:MAX_QUOTED - 1] + "…"


def redact(finding: Finding) -> None:
    """Cut what `finding` quotes of the document to `excerpt` (message) and `marking_part`."""
    if '"' in finding.message:
        finding.message = _QUOTED.sub(lambda m: f'"{excerpt(m.group(1))}"', finding.message)
    if finding.marking is not None:
        finding.marking = marking_part(finding.marking)
