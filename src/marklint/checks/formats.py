"""What the format-specific rules share: facts only some readers provide (see
`marklint.readers`): Word header and footer variants, sensitivity labels, Markdown front
matter, e-mail attachments. Banners read from them are parsed here, and findings about the
whole document are placed at the overall banner."""

from marklint.checks.context import CheckContext
from marklint.checks.rule import RuleDoc
from marklint.findings import Finding
from marklint.mark_strings import banner_of
from marklint.recognize import recognize


def parse_banner(ctx: CheckContext, text: str):
    """The Marking of a banner string, or None when it is not a valid banner."""
    found = banner_of(text.strip(), ctx.vocab)
    return found[1].marking if found is not None else None


def at_overall(ctx: CheckContext, rule: RuleDoc, message: str, fallback: tuple[int, int] = (1, 1)) -> Finding:
    """A finding at the overall banner (else at `fallback` on page 1)."""
    if ctx.overall is not None:
        return ctx.finding(rule, ctx.overall, message, ctx.overall.page)
    return ctx.finding(rule, fallback, message, 1)


def attachment_marking(ctx: CheckContext, doc):
    """The overall marking of an attachment: its overall banner, else its highest portion."""
    attached = CheckContext(doc, ctx.ruleset, ctx.vocab, recognize(doc, ctx.vocab))
    if attached.overall_marking is not None:
        return attached.overall_marking
    highest = attached.max_portion()
    return highest.marking if highest is not None else None


def attachment_markings(ctx: CheckContext) -> list[tuple[str, object]]:
    """(name, marking) of each e-mail attachment marklint read that carries a marking (a fact)."""
    found = []
    for name, doc in ctx.doc.metadata.get("attachments", []):
        marking = attachment_marking(ctx, doc)
        if marking is not None:
            found.append((name, marking))
    return found


def raises_banner(ctx: CheckContext, marking) -> bool:
    """B-10: whether an attachment's marking is classified above the message's overall banner."""
    overall = ctx.overall_marking
    return marking.is_classified and (overall is None or marking.rank > overall.rank)
