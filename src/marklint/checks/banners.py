"""What the banner rules share (B-01..B-03, B-06, R-01..R-07, U-01, U-05, T-03): whether banners
are judged at all (a document with no marking passes unless the configuration says
`require-banner: always`), whether a document is plainly unclassified, where a missing banner
belongs, whether two banners differ, and whether a banner above its portions is justified."""

from marklint.checks.context import CheckContext, carries_cui, controls
from marklint.checks.rule import RuleDoc
from marklint.checks.transmittal import is_transmittal
from marklint.document import BlockKind
from marklint.findings import Finding
from marklint.lineshapes import is_page_number
from marklint.markings.model import Marking
from marklint.recognize import Mark, PageMarks


def judged(ctx: CheckContext) -> bool:
    """Whether the banner rules judge this document: it is marked, or banners are required always."""
    return ctx.marked or ctx.require_banner == "always"


def document_judged(ctx: CheckContext) -> bool:
    """Whether the overall banner is judged against the document's portions (both exist and parse)."""
    overall = ctx.overall
    return judged(ctx) and overall is not None and overall.marking is not None and bool(ctx.portions)


def rollup_known(ctx: CheckContext) -> bool:
    """Whether the portions' roll-up is known: no portion mark that the OCR left unreadable
    (`marklint.archives.ocr`), whose level could be any, nor one holding a word the vocabulary
    does not know (`(S//NOFRON)`, `(CUI//SP-PRVY)`): what it meant is unsure, and its own
    finding names it."""
    return (ctx.ocr is None or not ctx.ocr.unreadable) and not ctx.fact(_unknown_word_portion)


def _unknown_word_portion(ctx: CheckContext) -> bool:
    from marklint.checks.marking_problems import marking_problems

    if any(mark.error is not None and mark.error.rule == "marking-unknown-token"
           for page in ctx.pages for mark in page.portions + page.misplaced):
        return True
    return any(mark.form == "portion" and problem.rule == "marking-unknown-token"
               for mark, problem in ctx.fact(marking_problems).problems)


def portions_read(ctx: CheckContext) -> bool:
    """Whether every portion mark was understood: a misspelt one (`(S//NOFRON)`, reported as
    such) could carry anything, so the banner is not judged to carry more than the others."""
    return all(mark.marking is not None for page in ctx.pages for mark in page.portions)


def justified(ctx: CheckContext) -> bool:
    """Whether a banner above its portions is explained: a compilation statement (T-03), or the
    document is a transmittal bannered by what it transmits."""
    return ctx.has_compilation_statement() or is_transmittal(ctx)


# The marking rules whose finding names a banner's own fault: what they name is not reported
# again as a difference from the other banner or from the portions' roll-up.
_OWN_FAULTS = frozenset({"marking-syntax", "marking-order", "marking-form", "marking-conflict", "marking-duplicate"})


def faulty_banners(ctx: CheckContext) -> set[int]:
    """The banners (by `id` of their Mark) with a fault of their own that a marking rule reports
    (`SECRET//NOFORN/REL TO USA, GBR`, `SECRET/NOFORN`): a fact."""
    from marklint.checks.marking_problems import marking_problems

    return {id(mark) for mark, problem in ctx.fact(marking_problems).problems
            if mark.form == "banner" and problem.rule in _OWN_FAULTS}


def differ(a: Mark, b: Mark) -> bool:
    """Whether two banners mean different things; a banner that does not parse is left to
    the marking checks."""
    # Parses are cached, so the same banner text gives the very same Marking: skip comparing it.
    first, second = a.marking, b.marking
    return first is not None and second is not None and first is not second and first != second


def edge_position(page: PageMarks, last: bool) -> tuple[int, int]:
    """Where a missing top (first content line) or bottom (last content line) banner belongs."""
    content = [
        b for b in page.page.blocks
        if b.kind is not BlockKind.COMMENT and not (b.kind is BlockKind.LINE and is_page_number(b.text))
    ]
    if not content:
        return 1, 1
    block = content[-1] if last else content[0]
    return (block.end_line if last else block.line), 1


def plain_unclassified_marking(ctx: CheckContext, marking: Marking) -> bool:
    """Whether a marking is UNCLASSIFIED with no control but an agency's handling designation
    (`handling_only` in the vocabulary: State's SBU), and no CUI."""
    tokens = ctx.vocab.tokens
    return (marking.level == "U" and not marking.cui
            and all(token in tokens and tokens[token].handling_only for token in controls(marking)))


def plainly_unclassified(ctx: CheckContext) -> bool:
    """B-01, B-02 concern classified documents: one whose every marking is plain UNCLASSIFIED
    (no control but a handling designation such as SBU, no CUI) needs no banner on every page
    (a State telegram captioned UNCLASSIFIED, an SBU e-mail). Unless the configuration requires
    banners always."""
    if ctx.require_banner == "always":
        return False
    markings = ctx.markings
    return bool(markings) and all(plain_unclassified_marking(ctx, m) for m in markings)


def pure_cui(ctx: CheckContext) -> bool:
    """Whether the document carries CUI and nothing classified: its banners follow U-01 (a
    bottom banner only where the rule set's `cui.bottom-banner` asks for one)."""
    markings = ctx.markings
    return any(carries_cui(m) for m in markings) and not any(m.is_classified for m in markings)


def remarked_at_release(ctx: CheckContext) -> bool:
    """Whether a released copy is re-marked on every page by its release header (a wrapper
    line of kind `release-header`, such as State's `UNCLASSIFIED U.S. Department of State Case
    No. ...`): its original banners were struck or removed at declassification, so a page
    without one is no defect the text can show."""
    wrappers = ctx.wrappers
    headers = sum(1 for fact in wrappers.facts if fact.kind == "release-header") if wrappers is not None else 0
    return headers >= len(ctx.pages) > 0


def missing_banners(ctx: CheckContext, rule: RuleDoc, edge: str) -> list[Finding]:
    """Pages without a banner at `edge` ("top" or "bottom") where the rule set requires one
    (every page, or the first page only when `every-page` is off); a plainly unclassified
    document needs none, nor a copy re-marked at release on every page (`remarked_at_release`),
    nor a form page whose check-box legend is where its level was ticked (the tick does not
    survive in the text; `marklint.legends.legend_lines`), nor an archive copy's blank page, nor,
    at the bottom, a scanned teletype page whose level the scan cut below its `END PAGE ...`
    (`marklint.archives.teletype.cut_bottom_banner`)."""
    policy = ctx.ruleset.banners
    if not judged(ctx) or not getattr(policy, edge) or ctx.fact(plainly_unclassified) or remarked_at_release(ctx):
        return []
    if edge == "bottom" and not ctx.ruleset.cui.bottom_banner and ctx.fact(pure_cui):
        return []
    return [ctx.finding(rule, edge_position(page, edge == "bottom"),
                        f"page {page.page.number} has no banner at its {edge}", page.page.number)
            for page in ctx.pages
            if (policy.every_page or page.page.number == 1) and getattr(page, edge) is None and not page.legend
            and not (edge == "bottom" and (_cable_section(page) or ctx.ocr and page.page.number in ctx.ocr.cut_bottoms))
            and (not ctx.wrappers or _has_content(page))]


def _has_content(page: PageMarks) -> bool:
    """Whether a page of an archive's copy holds anything of the document: a blank page of the
    scan, bearing only the archive's stamp (set aside) or a page number, needs no banner (a
    page with no text at all elsewhere, a PDF's scanned page, still shows none)."""
    return any(b.kind is not BlockKind.COMMENT and not (b.kind is BlockKind.LINE and is_page_number(b.text))
               for b in page.page.blocks)


def _cable_section(page) -> bool:
    """A section of a cable in text form: its header line carries the level for the section,
    which cables do not repeat at the section's end (`S E C R E T SECTION 01 OF 02 ANKARA 001234`)."""
    from marklint.legacy_forms import CABLE_HEADER_FORM

    return page.top is not None and any(form.name == CABLE_HEADER_FORM for form in page.top.legacy)
