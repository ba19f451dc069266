"""The fixes the rules offer (each rule module's `fix` builds its own from these), from what
the checks saw (`CheckContext`).

Safe fixes leave the meaning of the marking unchanged:

- a marking-level problem (separators and spacing, case, register order, REL TO order,
  banner/portion forms, a misspelling with one confident correction, a long title where the
  abbreviation is required) for which `marklint.markings.check` gives a `replacement`;
- a problem of those kinds without a span replacement (register order of categories or
  tokens, a duplicate token): the whole marking re-rendered canonically, when that rendering
  parses back to a marking equal in meaning (it also writes banner long titles as their
  abbreviations);
- a cable-style banner (`S E C R E T`) rewritten as its canonical banner;
- a missing top or bottom banner when the page's other banner exists and agrees with the
  roll-up: it equals the roll-up of the page's portions, or it is the overall banner and that
  equals the roll-up of the document's portions. A copy is inserted.

Unsafe fixes change what the document claims:

- banner-under-classified and banner-rollup: the banner (and every other banner that carries
  the same marking, so top and bottom stay alike) replaced by the roll-up, only when that
  raises it: never a lower level, never a control dropped (except release markings the
  roll-up replaces with NOFORN);
- a missing banner copied from a page's other banner that disagrees with the roll-up, or the
  roll-up (else the overall banner) added to a page that has no banner;
- cab-missing: a classification authority block skeleton whose empty lines the author fills in
  (cab-incomplete reports them until then).

Inserted lines are set off by a blank line (Markdown, reST and AsciiDoc would otherwise join
them to the next paragraph). Their line breaks are written as "\\n"; `marklint.fix` writes each
as the ending of the line it is inserted on, so a CRLF file stays CRLF. Inserting lines is
offered for plain text, Markdown, reST and AsciiDoc; other formats get only in-place fixes.
"""

from __future__ import annotations

from marklint.checks.context import CheckContext
from marklint.checks.marking_problems import wrong_case
from marklint.document import Block, BlockKind, Document
from marklint.findings import Edit, Finding, Fix
from marklint.lineshapes import is_page_number
from marklint.recognize import Mark, PageMarks

SAFE, UNSAFE = "safe", "unsafe"

# Problems that re-rendering the whole marking canonically fixes without changing its meaning.
_RERENDER_RULES = frozenset({"marking-order", "marking-duplicate", "marking-syntax", "marking-form"})

# Formats where an inserted line stands as a paragraph of its own when set off by a blank line.
_INSERTABLE_FORMATS = frozenset({"text", "markdown", "rst", "asciidoc"})

# Empty values on purpose: cab-incomplete reports each line until the author fills it in,
# whereas bracketed placeholder text would read as a valid value and pass silently.
CAB_SKELETON = ("Classified By:", "Derived From:", "Declassify On:")


# ---------------------------------------------------------------------------------------------
# Marking-level fixes


def marking_fix(ctx: CheckContext, finding: Finding) -> Fix | None:
    """The fix of a marking-level finding: of the problem (or cable banner, or wrong case) at
    its position. The fixes of a line's marks are built once, at the first finding on it."""
    by_line = ctx.fact(_marking_fixes)
    line = finding.line
    fixes = by_line.get(line)
    if fixes is None:
        fixes = by_line[line] = _line_fixes(ctx, line)
    return fixes.get((finding.rule, finding.line, finding.column))


def _marking_fixes(ctx: CheckContext) -> dict[int, dict[tuple[str, int, int], Fix]]:
    return {}  # filled line by line by marking_fix


def _line_fixes(ctx: CheckContext, line: int) -> dict[tuple[str, int, int], Fix]:
    """Fixes of the marks on one line, keyed by the (rule, line, column) at which the marking
    checks report a problem."""
    from marklint.markings import check

    fixes: dict[tuple[str, int, int], Fix] = {}
    for mark in ctx.fact(marks_by_line).get(line, ()):
        if mark.cable:
            if mark.marking is not None:
                fixes[("marking-form", mark.line, mark.column)] = _replace(
                    ctx.doc, mark, mark.column, mark.end_column, mark.block.text, mark.marking.banner())
            continue
        problems = check(mark.text, mark.form, vocab=ctx.vocab, era=ctx.date)
        if wrong_case(mark, problems):
            fixes[("marking-form", mark.line, mark.column)] = _replace(
                ctx.doc, mark, mark.column, mark.end_column, mark.text, mark.text.upper())
            continue
        for problem in problems:
            if problem.replacement is None:
                fix = _rerender(ctx, mark) if problem.rule in _RERENDER_RULES else None
                if fix is not None:
                    fixes.setdefault((problem.rule, mark.line, mark.column + problem.column - 1), fix)
                continue
            column = mark.column + problem.column - 1
            original = mark.text[problem.column - 1:problem.end_column - 1]
            fixes.setdefault((problem.rule, mark.line, column), _replace(
                ctx.doc, mark, column, mark.column + problem.end_column - 1, original, problem.replacement))
    return fixes


def marks_by_line(ctx: CheckContext) -> dict[int, list[Mark]]:
    """Every mark (banners, portion marks, misplaced ones) by its line, in page order (a fact),
    so that the fixes of a line need not look through every page."""
    by_line: dict[int, list[Mark]] = {}
    for page in ctx.pages:
        for mark in page.banners + page.portions + page.misplaced:
            by_line.setdefault(mark.line, []).append(mark)
    return by_line


def _rerender(ctx: CheckContext, mark: Mark) -> Fix | None:
    """The whole mark replaced by its canonical rendering, for a problem the checker has no
    span replacement for (tokens or categories out of register order, a duplicate). Only when
    the rendering parses back to a marking equal in meaning, so the fix cannot change a claim."""
    from marklint.markings import MarkingError, parse

    if mark.marking is None or mark.cable:
        return None
    canonical = mark.marking.banner() if mark.form == "banner" else mark.marking.portion()
    if canonical == mark.text:
        return None
    try:
        if parse(canonical, mark.form, vocab=ctx.vocab) != mark.marking:
            return None
    except MarkingError:
        return None
    return _replace(ctx.doc, mark, mark.column, mark.end_column, mark.text, canonical)


def _replace(doc: Document, mark: Mark, column: int, end_column: int, original: str,
             replacement: str) -> Fix | None:
    """A safe fix replacing `original` at (mark.line, column..end_column) — None when the
    document's source does not hold exactly `original` there (an HTML entity or markup inside
    the marking makes the reader's text differ from the source), so a fix never edits blind."""
    if doc.source is not None and doc.source_line(mark.line)[column - 1:end_column - 1] != original:
        return None
    description = f'replace "{original}" with "{replacement}"'
    return Fix(description, SAFE, (Edit(mark.line, column, mark.line, end_column, replacement),))


# ---------------------------------------------------------------------------------------------
# Banner fixes


def _rollup(ctx: CheckContext, portions: list[Mark]):
    """The banner Marking implied by parsed portion marks, or None when there are none."""
    return ctx.rollup(portions) if portions else None


def _page_portions(page: PageMarks) -> list[Mark]:
    """The page's parsed portion marks, misplaced ones included (as the banner checks count them)."""
    return [m for m in page.portions + page.misplaced if m.marking is not None]


def missing_banner_fix(ctx: CheckContext, finding: Finding) -> Fix | None:
    """Insert the missing top and/or bottom banner of the finding's page (see the module
    docstring for when that is safe)."""
    page = ctx.fact(pages_by_number).get(finding.page) if finding.page is not None else None
    if page is None:
        return None
    doc = ctx.doc
    content = _content(page)
    if doc.source is None or doc.format not in _INSERTABLE_FORMATS or not content:
        return None
    present = page.top or page.bottom
    page_rollup = _rollup(ctx, _page_portions(page))
    if present is not None:
        if present.marking is None or present.cable:
            return None
        banner = present.marking
        overall = ctx.overall_marking
        agrees = banner == page_rollup or (
            banner == overall and overall == ctx.document_rollup
        )
        safety = SAFE if agrees else UNSAFE
        what = "copy the page's other banner" + ("" if agrees else ", which disagrees with the roll-up")
    else:
        banner = page_rollup if page_rollup is not None else ctx.overall_marking
        if banner is None:
            return None
        safety = UNSAFE
        what = "add the banner the page's portions imply" if page_rollup is not None else "add the overall banner"
    text = banner.banner()
    edits = []
    if page.top is None:
        # Before any comment that leads the page: a "disable-next-line" directive must keep
        # pointing at the line it was written for.
        first = next(b for b in page.page.blocks if b is content[0] or b.kind is BlockKind.COMMENT)
        edits.append(_insert_before(doc, first, text))
    if page.bottom is None:
        edits.append(_insert_after(doc, content[-1], text))
    return Fix(f'{what}: insert "{text}"', safety, tuple(edits))


def _content(page: PageMarks) -> list[Block]:
    """The page's blocks that can carry or border a banner: not comments, not page numbers."""
    return [
        b for b in page.page.blocks
        if b.kind is not BlockKind.COMMENT and not (b.kind is BlockKind.LINE and is_page_number(b.text))
    ]


def _adornment(doc: Document, line: int) -> str | None:
    """The character of a heading over- or underline (`=====`, `-----`) on a 1-based source
    line, or None when the line is not one (or does not exist)."""
    text = doc.source_line(line)
    if text is None:
        return None
    text = text.strip()
    return text[0] if len(text) >= 2 and len(set(text)) == 1 and text[0] in "=-~^*+#`:'\"._" else None


def _insert_before(doc: Document, block: Block, banner: str) -> Edit:
    """An edit putting the banner on its own line before a block (after any form feed that
    starts the page, so the banner stays on this page; before a heading's overline, so the
    heading stays whole)."""
    line = block.line
    above = _adornment(doc, line - 1)
    if block.end_line == line and above is not None and above == _adornment(doc, line + 1):
        line -= 1
        column = 1
    else:
        column = doc.source_line(line).rfind("\f", 0, block.column - 1) + 2
    return Edit(line, column, line, column, banner + "\n\n")


def _end_of(doc: Document, block: Block) -> tuple[int, int]:
    """The position after a block's last line (after a heading's underline, so the heading
    stays whole), before any form feed that ends the page there."""
    line, column = block.position_of(len(block.text))
    if block.kind is BlockKind.HEADING and _adornment(doc, line + 1) is not None:
        line, column = line + 1, 1
    text = doc.source_line(line)
    form_feed = text.find("\f", column - 1)
    return line, (form_feed + 1 if form_feed != -1 else len(text) + 1)


def _insert_after(doc: Document, block: Block, banner: str) -> Edit:
    """An edit putting the banner on its own line after a block."""
    line, column = _end_of(doc, block)
    return Edit(line, column, line, column, "\n\n" + banner)


def pages_by_number(ctx: CheckContext) -> dict[int, PageMarks]:
    """The document's pages by number (a fact)."""
    return {pm.page.number: pm for pm in ctx.pages}


def raise_banner_fix(ctx: CheckContext, finding: Finding) -> Fix | None:
    """Replace the banner a finding is about, and every banner
    with the same marking in its scope, with the roll-up: the document's portions for the
    overall banner (its twins on every page carry the overall banner too), else the page's
    portions (the banners on that page)."""
    page = ctx.fact(pages_by_number).get(finding.page) if finding.page is not None else None
    if page is None:
        return None
    banner = next((m for m in page.banners if m.line == finding.line and m.column == finding.column), None)
    if banner is None or banner.marking is None or banner.cable:
        return None
    if ctx.overall is not None and banner is ctx.overall:
        rolled, scope = ctx.document_rollup, ctx.pages
    else:
        rolled, scope = _rollup(ctx, _page_portions(page)), [page]
    if rolled is None or rolled == banner.marking or not _only_raises(banner.marking, rolled):
        return None
    text = rolled.banner()
    edits = tuple(
        Edit(m.line, m.column, m.line, m.end_column, text)
        for p in scope for m in p.banners
        if not m.cable and m.marking == banner.marking
    )
    return Fix(f'raise the banner to the roll-up of its portions: "{text}"', UNSAFE, edits)


def _only_raises(banner, rolled) -> bool:
    """True when `rolled` is at least as high as `banner` and drops none of its controls,
    except release markings that the roll-up's NOFORN supersedes."""
    if rolled.rank < banner.rank:
        return False
    removed = banner.controls() - rolled.controls()
    return all(rolled.noforn and token.startswith(("REL TO", "RELIDO", "DISPLAY ONLY", "EYES"))
               for token in removed)


# ---------------------------------------------------------------------------------------------
# Authority block skeleton


def cab_fix(ctx: CheckContext, finding: Finding) -> Fix | None:
    """For cab-missing: insert a derivative authority block skeleton after the first page's content, before its
    bottom banner (32 CFR 2001.21(a), C-01); the author fills in the values."""
    doc = ctx.doc
    if doc.source is None or doc.format not in _INSERTABLE_FORMATS or not ctx.pages:
        return None
    first = ctx.pages[0]
    content = [b for b in _content(first) if first.bottom is None or b is not first.bottom.block]
    if not content:
        return None
    line, column = _end_of(doc, content[-1])
    edit = Edit(line, column, line, column, "\n\n" + "\n".join(CAB_SKELETON))
    return Fix("insert an authority block skeleton (Classified By, Derived From, Declassify On) "
               "for the author to fill in", UNSAFE, (edit,))
