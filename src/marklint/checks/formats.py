"""Format-specific checks: facts only some readers provide (see `marklint.readers`).

- header-footer-banner (DOCX, B-01/B-02): a header or footer variant that the section settings
  enable (first page, odd/default, even; per section) but that falls on no page the reader
  could place has no banner, or one that differs from the overall banner. Variants shown on a
  known page are checked there by the ordinary banner checks.
- sensitivity-label-mismatch (DOCX): an enabled Microsoft sensitivity label (`MSIP_Label_*`)
  whose name is a marking that contradicts the visible overall banner.
- front-matter-mismatch (Markdown): the front matter's `classification` differs from the
  overall banner, or the document declares a classification and shows no banner.
- email-authority-placement (B-09): in an e-mail the authority block comes after the message
  text and signature, before the closing banner; a portion after the block means it is too early.
- banner-under-classified / banner-rollup for e-mail (B-10): an attachment marklint could read
  is marked higher than the message's overall banner, or carries controls the banner lacks.
`pdf-no-text-layer` is reported by the pipeline from the PDF reader's notes.
"""

from __future__ import annotations

from marklint.checks.authority import find_authority_block
from marklint.checks.context import CheckContext
from marklint.document import BlockKind
from marklint.findings import Finding
from marklint.recognize import banner_of, recognize


def _parse_banner(ctx: CheckContext, text: str):
    """The Marking of a banner string, or None when it is not a valid banner."""
    found = banner_of(text.strip(), ctx.vocab)
    return found[1].marking if found is not None else None


def _at_overall(ctx: CheckContext, slug: str, message: str, fallback: tuple[int, int] = (1, 1)) -> Finding:
    if ctx.overall is not None:
        return ctx.finding(slug, ctx.overall, message, ctx.overall.page)
    return ctx.finding(slug, fallback, message, 1)


def _header_footer(ctx: CheckContext) -> list[Finding]:
    findings = []
    overall = ctx.overall_marking
    for variant in ctx.doc.metadata.get("hf_variants", []):
        if variant.pages:
            continue
        if not variant.lines:
            findings.append(ctx.finding("header-footer-banner", (1, 1), f"{variant.label} has no banner", None))
            continue
        marking = _parse_banner(ctx, variant.lines[0])
        if overall is not None and marking is not None and marking != overall:
            findings.append(ctx.finding(
                "header-footer-banner", (1, 1),
                f"{variant.label} banner {variant.lines[0]} differs from the overall banner {ctx.overall.text}",
                None,
            ))
    return findings


def _sensitivity_labels(ctx: CheckContext) -> list[Finding]:
    findings = []
    overall = ctx.overall_marking
    for name in ctx.doc.metadata.get("sensitivity_labels", []):
        label = _parse_banner(ctx, name.upper())
        if label is None:
            continue  # a label that is not a marking ("General", "Internal") says nothing here
        if overall is None:
            if label.is_classified:
                findings.append(_at_overall(ctx, "sensitivity-label-mismatch",
                                            f"sensitivity label {name!r} but the document shows no banner"))
            continue
        contradicts = label != overall if label.has_controls else label.rank != overall.rank
        if contradicts:
            findings.append(_at_overall(
                ctx, "sensitivity-label-mismatch",
                f"sensitivity label {name!r} contradicts the overall banner {ctx.overall.text}",
            ))
    return findings


def _front_matter(ctx: CheckContext) -> list[Finding]:
    declared = ctx.doc.metadata.get("classification")
    if declared is None:
        return []
    position = (int(ctx.doc.metadata.get("classification_line", 1)), 1)
    marking = _parse_banner(ctx, str(declared))
    if marking is None:
        return [ctx.finding("front-matter-mismatch", position,
                            f"front matter classification {declared} is not a valid banner marking", None)]
    if ctx.overall is None:
        return [ctx.finding("front-matter-mismatch", position,
                            f"front matter declares {declared} but the document has no banner", None)]
    if ctx.overall_marking is not None and ctx.overall_marking != marking:
        message = f"overall banner {ctx.overall.text} differs from the front matter classification {declared}"
        return [ctx.finding("front-matter-mismatch", ctx.overall, message, ctx.overall.page)]
    return []


def attachment_marking(ctx: CheckContext, doc):
    """The overall marking of an attachment: its overall banner, else its highest portion."""
    attached = CheckContext(doc, ctx.ruleset, ctx.vocab, recognize(doc, ctx.vocab))
    if attached.overall_marking is not None:
        return attached.overall_marking
    highest = attached.max_portion()
    return highest.marking if highest is not None else None


def _attachments(ctx: CheckContext) -> list[Finding]:
    attachments = ctx.doc.metadata.get("attachments", [])
    if not attachments:
        return []
    from marklint.markings import rollup

    findings = []
    overall = ctx.overall_marking
    for name, doc in attachments:
        marking = attachment_marking(ctx, doc)
        if marking is None:
            continue
        shown = ctx.overall.text if ctx.overall is not None else "no banner"
        if marking.is_classified and (overall is None or marking.rank > overall.rank):
            findings.append(_at_overall(
                ctx, "banner-under-classified",
                f"message marked {shown} carries attachment {name} marked {marking.banner()} (B-10)",
            ))
        elif overall is not None:
            combined = rollup([overall, marking], options=ctx.ruleset.rollup_options())
            missing = sorted(combined.controls() - overall.controls())
            if missing:
                findings.append(_at_overall(
                    ctx, "banner-rollup",
                    f"message marked {shown} lacks {', '.join(missing)} that attachment {name} "
                    f"carries ({marking.banner()}) (B-10)",
                ))
    return findings


def _email_authority(ctx: CheckContext) -> list[Finding]:
    if ctx.doc.format != "email" or not ctx.pages:
        return []
    block = find_authority_block(ctx.doc)
    if block is None:
        return []
    page = ctx.pages[0]
    order = {id(b): index for index, b in enumerate(page.page.blocks)}
    end = max(order.get(id(b), -1) for b in block.blocks)
    later = [m for m in page.portions + page.misplaced
             if order.get(id(m.block), -1) > end and m.block.kind is not BlockKind.SUBJECT]
    if not later:
        return []
    first = block.lines[0]
    return [ctx.finding(
        "email-authority-placement", (first.line, first.column),
        f"the authority block comes before the end of the message (portion {later[0].text} on line "
        f"{later[0].line}); in an e-mail it goes after the signature block, before the closing banner",
        page.page.number,
    )]


def check(ctx: CheckContext) -> list[Finding]:
    """All format-specific findings of the document."""
    return (_header_footer(ctx) + _sensitivity_labels(ctx) + _front_matter(ctx) + _email_authority(ctx)
            + _attachments(ctx))
