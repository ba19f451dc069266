from marklint.checks.authority import authority_block, is_quoted_message_header
from marklint.checks.context import CheckContext
from marklint.checks.rule import ERROR, RuleDoc
from marklint.document import BlockKind
from marklint.findings import Finding

RULE = RuleDoc(
    "MK705", "email-authority-placement", ERROR, "an e-mail whose authority block comes before the end of the message",
    why="B-09: a classified e-mail carries the overall marking on the first line of the body and again after the signature block, and the classification authority block goes after the signature block and before that closing marking (32 CFR 2001.23(b)(1),(2),(5)). Reported when a portion follows the authority block (a quoted or forwarded message below it is that message's, with its own portions and block). E-mail (.eml) only.",
    bad="From: analyst@example.mil\nTo: desk@example.mil\nSubject: (U) Convoy\n\nSECRET\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\n(S) The convoy leaves at dawn.\n\n/s/ J. Smith\n\nSECRET\n",
    good="From: analyst@example.mil\nTo: desk@example.mil\nSubject: (U) Convoy\n\nSECRET\n\n(S) The convoy leaves at dawn.\n\n/s/ J. Smith\n\nClassified By: J. Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20501231\n\nSECRET\n",
    example_format="email",
)


def check(ctx: CheckContext) -> list[Finding]:
    """An e-mail whose authority block has a portion after it (B-09: the block goes after
    the message text and signature, before the closing banner)."""
    if ctx.doc.format != "email" or not ctx.pages:
        return []
    block = ctx.fact(authority_block)
    if block is None:
        return []
    page = ctx.pages[0]
    order = {id(b): index for index, b in enumerate(page.page.blocks)}
    end = max(order.get(id(b), -1) for b in block.blocks)
    # a quoted or forwarded message below the block is that message's, with its own portions
    quoted = next((index for index, b in enumerate(page.page.blocks)
                   if index > end and is_quoted_message_header(ctx, b)), len(order))
    later = [m for m in page.portions + page.misplaced
             if end < order.get(id(m.block), -1) < quoted and m.block.kind is not BlockKind.SUBJECT]
    if not later:
        return []
    first = block.lines[0]
    return [ctx.finding(
        RULE, (first.line, first.column),
        f"the authority block comes before the end of the message (portion {later[0].text} on line "
        f"{later[0].line}); in an e-mail it goes after the signature block, before the closing banner",
        page.page.number,
    )]
