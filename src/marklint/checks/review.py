"""The review block of a sanitized copy, checked on its own terms (the rules of the review, not
of the document's origin): a released copy whose withheld text was classified at review carries
a block `Classified by ... on DATE - Class: LEVEL - Reason: 1.4(x) - Declassify on: DATE`.

The block is wrapper text (`marklint.archives`), so no other check sees it; the review-* rules
read the facts the wrapper recognition took from it, which this module gathers.
"""

import re
from datetime import date

from marklint.archives.wrappers import Wrappers
from marklint.checks.context import CheckContext

_US_DATE_RE = re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})")


def us_date(text: str | None) -> date | None:
    match = _US_DATE_RE.search(text or "")
    if match is None:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _release_date(wrappers: Wrappers) -> date | None:
    """The copy's release date: the release header's date, the first one found."""
    for fact in wrappers.facts:
        found = us_date(fact.facts.get("release_date"))
        if found is not None:
            return found
    return None


def review_blocks(ctx: CheckContext) -> list[tuple[dict, tuple[int, int], date | None]]:
    """(facts, position, the copy's release date) of every review block of the document's
    wrapper (a fact; none for a document without wrappers)."""
    wrappers = ctx.wrappers
    if wrappers is None:
        return []
    released = _release_date(wrappers)
    return [(fact.facts, (fact.line, fact.column), released) for fact in wrappers.facts if fact.kind == "review-block"]
