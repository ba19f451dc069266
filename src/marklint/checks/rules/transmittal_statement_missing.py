import re

from marklint.checks.context import CheckContext
from marklint.checks.rule import ERROR, RuleDoc
from marklint.checks.rules.portion_missing import has_unmarked_portions
from marklint.checks.transmittal import is_transmittal
from marklint.findings import Finding

RULE = RuleDoc(
    "MK601", "transmittal-statement-missing", ERROR, "a transmittal with no 'upon removal' statement",
    why='T-01, U-13: a transmittal shows the highest marking of what it transmits and states what it becomes once the attachments are removed ("Upon removal of attachments, this document is UNCLASSIFIED") (32 CFR 2001.24(b); ICMSRM16 §B.10 p.24; CUIHB p.26, 32 CFR 2002.20(j)).',
    bad="SECRET\n\n(U) The convoy report is attached for your review.\n\nAttachment: Convoy report\n\nSECRET\n",
    good="SECRET\n\n(U) The convoy report is attached for your review.\n\n(U) Upon removal of the attachment, this document is UNCLASSIFIED.\n\nAttachment: Convoy report\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n",
)

STATEMENT_RE = (
    r"upon[ \t\n]+removal|when[ \t\n]+(?:the[ \t\n]+)?(?:classified[ \t\n]+)?(?:enclosures?|attachments?)"
    r"[ \t\n]+(?:is|are)[ \t\n]+(?:removed|detached)"
    r"|when[ \t\n]+(?:classified[ \t\n]+)?(?:enclosures?|attachments?)"
    r"[ \t\n]+(?:is[ \t\n]+|are[ \t\n]+)?removed"
    r"|(?:enclosures?|attachments?)[ \t\n]+removed"
    r"|when[ \t\n]+separated[ \t\n]+from"
)


def check(ctx: CheckContext) -> list[Finding]:
    """A transmittal (`marklint.checks.transmittal`) without its "upon removal" statement
    ("Upon removal of attachments, this document is UNCLASSIFIED", "Unclassified when
    classified enclosure removed", "UNCLASSIFIED when separated from enclosure")."""
    # with a portion unmarked (portion-missing), it may be what the banner stands for
    if not is_transmittal(ctx) or has_unmarked_portions(ctx) or re.search(STATEMENT_RE, ctx.text, re.IGNORECASE):
        return []
    overall = ctx.overall
    return [ctx.finding(
        RULE, overall,
        f"transmittal bannered {overall.text} by its enclosures has no statement of its marking "
        f"once they are removed (\"Upon removal of attachments, this document is ...\")",
        overall.page,
    )]
