"""Banner checks (B-01..B-03, B-06, R-01..R-07, U-01, U-05, T-03).

- banner-missing-top / banner-missing-bottom: a page without a banner where the rule set
  requires one (every page, or the first page only when `every-page` is off).
- banner-mismatch: a page's top and bottom banners differ, or a later page's banner is
  neither the overall banner nor (where the rule set allows per-page banners, B-02) the
  roll-up of that page's own portions.
- banner-under-classified: a page's banner is lower than the highest portion on the page, or
  the overall banner is lower than the highest portion in the document.
- banner-over-classified: judged per document: the overall banner is higher than every
  portion and the document has no compilation statement (and is not a transmittal, which
  transmittal-statement-missing covers).
- banner-rollup: the overall banner's controls differ from the roll-up of all portions.

A document with no marking at all passes unless the configuration says `require-banner: always`.
"""

from __future__ import annotations

from marklint.checks.context import CheckContext, controls
from marklint.checks.transmittal import is_transmittal
from marklint.document import BlockKind
from marklint.findings import Finding
from marklint.pages import is_page_number
from marklint.recognize import Mark, PageMarks


def _differ(a: Mark, b: Mark) -> bool:
    """Whether two banners mean different things; a banner that does not parse is left to
    the marking checks."""
    # Parses are cached, so the same banner text gives the very same Marking: skip comparing it.
    first, second = a.marking, b.marking
    return first is not None and second is not None and first is not second and first != second


def _edge_position(page: PageMarks, last: bool) -> tuple[int, int]:
    """Where a missing top (first content line) or bottom (last content line) banner belongs."""
    content = [
        b for b in page.page.blocks
        if b.kind is not BlockKind.COMMENT and not (b.kind is BlockKind.LINE and is_page_number(b.text))
    ]
    if not content:
        return 1, 1
    block = content[-1] if last else content[0]
    return (block.end_line if last else block.line), 1


def check(ctx: CheckContext) -> list[Finding]:
    """All banner findings of the document."""
    if not ctx.marked and ctx.require_banner != "always":
        return []
    findings: list[Finding] = []
    policy = ctx.ruleset.banners
    overall = ctx.overall
    plainly_unclassified = _plainly_unclassified(ctx)
    for page, portions in zip(ctx.pages, ctx.page_portions):
        number = page.page.number
        required = (policy.every_page or number == 1) and not plainly_unclassified
        if required and policy.top and page.top is None:
            findings.append(ctx.finding("banner-missing-top", _edge_position(page, False),
                                        f"page {number} has no banner at its top", number))
        if required and policy.bottom and page.bottom is None:
            findings.append(ctx.finding("banner-missing-bottom", _edge_position(page, True),
                                        f"page {number} has no banner at its bottom", number))
        if page.top is not None and page.bottom is not None and _differ(page.top, page.bottom):
            findings.append(ctx.finding(
                "banner-mismatch", page.bottom,
                f"page {number} bottom banner {page.bottom.text} differs from its top banner {page.top.text}",
                number,
            ))
        banner = page.top or page.bottom
        if banner is None:
            continue
        if overall is not None and banner is not overall and _differ(banner, overall):
            findings.extend(_page_banner_policy(ctx, page, banner, portions))
        highest = ctx.max_portion(portions)
        if banner.marking is not None and highest is not None and highest.marking.rank > banner.marking.rank:
            findings.append(ctx.finding(
                "banner-under-classified", banner,
                f"page {number} banner {banner.marking.classification} is lower than its highest "
                f"portion ({highest.marking.level})",
                number,
            ))
    if overall is not None and overall.marking is not None and ctx.portions:
        findings.extend(_document_level(ctx, overall, findings))
    return findings


def _plainly_unclassified(ctx: CheckContext) -> bool:
    """B-01, B-02 concern classified documents: one whose every marking is plain UNCLASSIFIED
    (no control, no CUI) needs no banner on every page (a State telegram captioned
    UNCLASSIFIED). Unless the configuration requires banners always."""
    if ctx.require_banner == "always":
        return False
    markings = ctx.markings
    return bool(markings) and all(m.level == "U" and not m.cui and not controls(m) for m in markings)


def _page_banner_policy(ctx: CheckContext, page: PageMarks, banner: Mark,
                        portions: list[Mark]) -> list[Finding]:
    """B-02: a later page carries the overall banner or, if allowed, its own roll-up."""
    number = page.page.number
    overall = ctx.overall
    if ctx.ruleset.banners.page_banner == "overall-or-page" and portions and banner.marking is not None:
        expected = ctx.rollup(portions)
        if banner.marking == expected:
            return []
        message = (f"page {number} banner {banner.text} is neither the overall banner {overall.text} "
                   f"nor the roll-up of its portions ({expected.banner()})")
    else:
        message = f"page {number} banner {banner.text} differs from the overall banner {overall.text}"
    return [ctx.finding("banner-mismatch", banner, message, number)]


def _document_level(ctx: CheckContext, overall: Mark, so_far: list[Finding]) -> list[Finding]:
    """Overall banner against all portions: under-, over-classified and roll-up of controls."""
    findings = []
    banner = overall.marking
    highest = ctx.max_portion()
    page = overall.page
    already = any(f.rule == "banner-under-classified" and f.line == overall.line for f in so_far)
    if highest.marking.rank > banner.rank and not already:
        findings.append(ctx.finding(
            "banner-under-classified", overall,
            f"overall banner {banner.classification} is lower than the highest portion in the "
            f"document ({highest.marking.level}, line {highest.line})",
            page,
        ))

    def justified() -> bool:
        return ctx.has_compilation_statement() or is_transmittal(ctx)

    expected = ctx.document_rollup
    # a foreign RESTRICTED portion rolls up to the rule set's US level (restricted-level)
    if max(highest.marking.rank, expected.rank) < banner.rank and not justified():
        findings.append(ctx.finding(
            "banner-over-classified", overall,
            f"overall banner {banner.classification} is higher than every portion (highest "
            f"{highest.marking.level}) and there is no compilation statement",
            page,
        ))
    # A CUI banner's level is CUI: the roll-up's CUI control is not missing from it, but a
    # classification above it is (what the banner lacks is named, e.g. SECRET).
    missing = sorted(controls(expected) - controls(banner) - ({"CUI"} if banner.level == "CUI" else set()))
    if expected.rank > banner.rank and banner.level == "CUI":
        missing.insert(0, expected.classification)
    extra = sorted(controls(banner) - controls(expected))
    if extra and justified():
        extra = []
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"lacks {', '.join(missing)}")
        if extra:
            parts.append(f"has {', '.join(extra)} that no portion carries")
        findings.append(ctx.finding(
            "banner-rollup", overall,
            f"overall banner {overall.text} {' and '.join(parts)} (roll-up of the portions: "
            f"{expected.banner()})",
            page,
        ))
    return findings
