"""Whether a document is a transmittal (T-01, U-13; a fact the transmittal and banner rules share).

A transmittal is a document that refers to its enclosures or attachments (an `Enclosure:` or
`Attachments:` line, or "is attached", "are enclosed", ...). When its overall banner is higher
than its own portions (it is bannered by what it transmits), it must say what it becomes
once they are removed (transmittal-statement-missing).
"""

import re

from marklint.checks.context import CheckContext, carries_cui

# Cheap keyword scan first; the label and phrase patterns only run where a keyword occurs.
# Pattern strings, compiled by `re` at first use (its cache): most runs never need them.
KEYWORD_RE = r"[Aa]ttach|ATTACH|[Ee]nclos|ENCLOS|\b(?:[Ee]ncl|ENCL|[Aa]tch|ATCH|[Tt]ab|TAB)"
TRANSMITTAL_RE = (
    r"^[ \t]*(?:Enclosures?|Encls?\.?|Attachments?|Atchs?\.?|Attached|Tabs?)[ \t]*(?:\(\d{1,3}\))?[ \t]*:"
    r"|\b(?:is|are)[ \t]+(?:attached|enclosed)\b|\b(?:attached|enclosed)[ \t]+(?:is|are)\b"
)
_TRANSMITTAL_FLAGS = re.IGNORECASE | re.MULTILINE


def is_transmittal(ctx: CheckContext) -> bool:
    """Whether the document is bannered by what it transmits: its overall banner is higher
    than its own portions and it refers to enclosures or attachments."""
    overall = ctx.classification  # the overall banner, else another that parses (one may be misspelt)
    if overall is None:
        return False
    highest = ctx.max_portion()
    if highest is None:
        # A CUI document need not mark its portions (U-09): unmarked, it is CUI throughout, so
        # its banner is its own, not its enclosures'.
        bannered_by_attachments = overall.is_classified
    else:
        bannered_by_attachments = highest.marking.rank < overall.rank or (
            carries_cui(overall) and not any(carries_cui(m.marking) for m in ctx.portions)
        )
    return bannered_by_attachments and _refers_to_attachments(ctx.text)


def _refers_to_attachments(text: str) -> bool:
    for match in re.finditer(KEYWORD_RE, text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        window = text[start:len(text) if end < 0 else end]
        if re.search(TRANSMITTAL_RE, window, _TRANSMITTAL_FLAGS):
            return True
    return False
