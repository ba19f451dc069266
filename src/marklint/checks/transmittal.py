"""transmittal-statement-missing (T-01, U-13).

A transmittal is a document that refers to its enclosures or attachments (an `Enclosure:` or
`Attachments:` line, or "is attached", "are enclosed", ...). When its overall banner is higher
than its own portions (it is bannered by what it transmits), it must say what it becomes
once they are removed: "Upon removal of attachments, this document is UNCLASSIFIED",
"Unclassified when classified enclosure removed", "When enclosure is removed, this document
is Uncontrolled Unclassified Information".
"""

from __future__ import annotations

import re

from marklint.checks.context import CheckContext, carries_cui
from marklint.findings import Finding

TRANSMITTAL_RE = re.compile(
    r"^[ \t]*(?:Enclosures?|Encls?\.?|Attachments?|Atchs?\.?|Attached|Tabs?)[ \t]*(?:\(\d{1,3}\))?[ \t]*:"
    r"|\b(?:is|are)[ \t]+(?:attached|enclosed)\b|\b(?:attached|enclosed)[ \t]+(?:is|are)\b",
    re.IGNORECASE | re.MULTILINE,
)
STATEMENT_RE = re.compile(
    r"upon[ \t\n]+removal|when[ \t\n]+(?:the[ \t\n]+)?(?:classified[ \t\n]+)?(?:enclosures?|attachments?)"
    r"[ \t\n]+(?:is|are)[ \t\n]+(?:removed|detached)"
    r"|when[ \t\n]+(?:classified[ \t\n]+)?(?:enclosures?|attachments?)[ \t\n]+(?:is[ \t\n]+|are[ \t\n]+)?removed"
    r"|(?:enclosures?|attachments?)[ \t\n]+removed",
    re.IGNORECASE,
)


def is_transmittal(ctx: CheckContext) -> bool:
    """Whether the document is bannered by what it transmits: it refers to enclosures or
    attachments and its overall banner is higher than its own portions."""
    overall = ctx.overall_marking
    if overall is None or TRANSMITTAL_RE.search(ctx.text) is None:
        return False
    highest = ctx.max_portion()
    if highest is None:
        return overall.is_classified or carries_cui(overall)
    if highest.marking.rank < overall.rank:
        return True
    return carries_cui(overall) and not any(carries_cui(m.marking) for m in ctx.portions)


def check(ctx: CheckContext) -> list[Finding]:
    """A transmittal without its "upon removal" statement."""
    if not is_transmittal(ctx) or STATEMENT_RE.search(ctx.text):
        return []
    overall = ctx.overall
    return [ctx.finding(
        "transmittal-statement-missing", overall,
        f"transmittal bannered {overall.text} by its enclosures has no statement of its marking "
        f"once they are removed (\"Upon removal of attachments, this document is ...\")",
        overall.page,
    )]
