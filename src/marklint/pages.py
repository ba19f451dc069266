"""Pagination shared by the readers.

A reader cuts its blocks into segments at explicit page breaks (form feeds, configured
page-break lines, format-specific breaks) and hands them to `build_pages`, which also breaks a
segment where a bottom banner is followed by a top banner with nothing but page numbers (and
comments) between them: that is how a plain-text draft shows its pages.
"""

from __future__ import annotations

import functools
import re

from marklint.document import Block, BlockKind, InputError, Page, ReaderOptions
from marklint.lineshapes import NUMBERED_PARAGRAPH_RE, is_page_number
from marklint.mark_strings import banner_of
from marklint.legends import legend_candidates, legend_lines
from marklint.recognize import opens_with_portion_mark, split_status
from marklint.userpattern import LinePattern, PatternError


def break_pattern(options: ReaderOptions) -> LinePattern | None:
    """One pattern matching any configured page-break line, or None when there are none. It
    is user input, run on RE2 (`marklint.userpattern`): lines longer than
    `marklint.userpattern.INPUT_LIMIT` are never page breaks.

    Raises InputError when a pattern does not compile.
    """
    if not options.page_break_patterns:
        return None
    return _joined(tuple(options.page_break_patterns))


@functools.lru_cache(maxsize=16)
def _joined(patterns: tuple[str, ...]) -> LinePattern:
    try:
        return LinePattern.compile("|".join(f"(?:{p})" for p in patterns))
    except PatternError as exc:
        raise InputError(f"invalid page-break pattern: {exc}") from None


# A page number's label alone, its number on the next line (a printout's `PAGE:` over `2`).
_PAGE_LABEL = re.compile(r"[ \t]*PAGE[ \t]*:?[ \t]*", re.IGNORECASE)


def split_at_banner_pairs(blocks: list[Block], vocab: object | None = None) -> list[list[Block]]:
    """Split one segment into pages where a bottom banner is followed by a top banner.

    A banner counts as a bottom banner only when the page already holds content other than
    banners; page numbers after it stay on its page, comments move to the next page. Only the
    blocks around banners are looked at closely: most blocks are not near one. A banner is
    one of `vocab`'s (None: the default vocabulary's).
    """
    line, comment = BlockKind.LINE, BlockKind.COMMENT
    # The readers' line shapes know the US banner words: an allied scheme's banner line
    # (`OFFICIAL-SENSITIVE`, `OFFICIAL: Sensitive`) may come as any one-line block, and a
    # bottom and top banner on consecutive lines as one paragraph of banner lines.
    allied = getattr(vocab, "banner_candidate", None) is not None
    if allied:
        blocks = [part for block in blocks for part in _banner_lines(block, vocab)]
    candidates = ((i, b, banner_of(b.text, vocab)) for i, b in enumerate(blocks)
                  if b.kind is line or allied and b.kind is not comment and "\n" not in b.text)
    # A banner line, unless the first line of one status written on two (`split_status`).
    read = [(i, f[1].marking) for i, b, f in candidates
            if f is not None and not (i + 1 < len(blocks) and split_status(b, blocks[i + 1], vocab))]
    found = [(i, marking.level if marking else None) for i, marking in read]
    # a form's check-box legend is no bottom or top banner (a banner with controls is never one of its lines)
    bare = [(i, marking.level if marking else None) for i, marking in read if marking is None or not marking.has_controls]
    labelled = legend_candidates(bare, blocks) if len(bare) >= 2 else bare
    legend = legend_lines(labelled, lambda after, before: any(
        blocks[k].kind is not comment and opens_with_portion_mark(blocks[k], vocab) for k in range(after + 1, before)))
    banners = [i for i, _ in found if i not in legend]
    is_banner = set(banners)

    def filler(index: int) -> bool:
        block = blocks[index]
        return block.kind is comment or _PAGE_LABEL.fullmatch(block.text) is not None or (
            block.kind is line and index not in is_banner and is_page_number(block.text)
        )

    pages: list[list[Block]] = []
    carried: list[Block] = []  # comments from between the last split's banners: they open this page
    start = 0  # blocks[start:] (after `carried`) are on the current page
    has_content = False
    taken = 0  # blocks[:taken] are placed
    for index in banners:
        has_content = has_content or any(k not in is_banner and not filler(k) for k in range(taken, index))
        taken = index + 1
        if not has_content:
            continue
        after = taken
        if after < len(blocks) and after not in is_banner and _caption_of(blocks[after], blocks[index]):
            after += 1  # the banner's caption (`SECURITY INFORMATION`) stays with it, on its page
        while after < len(blocks) and filler(after):
            after += 1
        # A banner repeated at the foot of the page (`SECRET`, `SECRET`, then the page ends) is not
        # the top of a new page: split only when content follows it.
        if after in is_banner and any(k not in is_banner and not filler(k) for k in range(after + 1, len(blocks))):
            between = blocks[taken:after]
            pages.append(carried + blocks[start:taken] + [b for b in between if b.kind is not comment])
            carried = [b for b in between if b.kind is comment]
            has_content = False
            start = taken = after
        elif (half := _lone_half(blocks, start, index, is_banner, vocab)) is not None:
            # One banner alone between marked portions: the foot of one page and the head of the
            # next, one of the pair lost. It is the head of the next page when the next banner is
            # the same one (the page before it then lacks its bottom banner), else the foot of its
            # page (the next page lacks its top banner). (A cable's header repeats its level
            # among unmarked routing lines; a quoted message's banner stands over its header
            # lines; a tearline's marking follows the tearline.)
            cut = index if half == "head" else taken
            pages.append(carried + blocks[start:cut])
            carried = []
            has_content = False
            start = cut
    rest = carried + blocks[start:] if pages else blocks
    if rest:
        pages.append(rest)
    return pages


def _lone_half(blocks: list[Block], start: int, index: int, is_banner: set[int], vocab: object | None) -> str | None:
    """Whether the banner at `index`, on the page that starts at `start`, is one half of a lost
    bottom and top banner pair: "head" (it opens the next page: the next banner is the same),
    "foot" (it closes its page: it repeats the page's opening banner, and the next differs), or
    None. It stands between marked portions (or a page number after one) and over a marked
    portion, or, in a document of the days before portion marks, between paragraphs numbered on
    (`2.` above it, `3.` under it and its caption); and a banner follows it. The cheap tests
    first: the page is scanned last."""
    later = next((k for k in range(index + 1, len(blocks)) if k in is_banner), None)
    following = next((k for k in range(index + 1, len(blocks)) if blocks[k].kind is not BlockKind.COMMENT
                      and not is_page_number(blocks[k].text)), None)
    if later is None or following is None or following >= later:
        return None
    preceding = next((k for k in range(index - 1, start - 1, -1) if blocks[k].kind is not BlockKind.COMMENT), None)
    if preceding is None:
        return None
    # between marked portions, or (before portions were marked) between paragraphs numbered on
    # (`2. ...`, the banner and its caption, `3. ...`)
    numbered = following + 1 if _caption_of(blocks[following], blocks[index]) and following + 1 < later else following
    before, after = _number(blocks[preceding]), _number(blocks[numbered])
    numbered_on = before is not None and after == before + 1
    if not numbered_on and not (opens_with_portion_mark(blocks[following], vocab) and (
            is_page_number(blocks[preceding].text) or opens_with_portion_mark(blocks[preceding], vocab))):
        return None
    text = blocks[index].text.strip()
    opening = next((k for k in range(start, index) if blocks[k].kind is not BlockKind.COMMENT), None)
    if opening is None or opening not in is_banner:
        return None
    same_later, same_opening = blocks[later].text.strip() == text, blocks[opening].text.strip() == text
    if not (same_later or same_opening) or not numbered_on and not any(
            opens_with_portion_mark(blocks[k], vocab) for k in range(opening + 1, index)):
        return None
    return "head" if same_later else "foot"


def _number(block: Block) -> int | None:
    """The number a numbered paragraph opens with (`3. The report ...`), or None."""
    match = NUMBERED_PARAGRAPH_RE.match(block.text)
    return int(match["number"]) if match is not None else None


def _caption_of(block: Block, banner: Block) -> bool:
    """Whether a line right under a banner is its caption (`SECURITY INFORMATION` under `TOP SECRET`)."""
    return block.line == banner.end_line + 1 and block.text.isupper() and "\n" not in block.text


def _banner_lines(block: Block, vocab: object) -> list[Block]:
    """A block of several lines that are each an allied scheme's banner (`IN-CONFIDENCE` at the
    foot of one page, `IN-CONFIDENCE` at the head of the next) as one LINE block per line;
    any other block as it is."""
    lines = block.text.split("\n")
    if len(lines) < 2 or block.kind is BlockKind.COMMENT or any(banner_of(text, vocab) is None for text in lines):
        return [block]
    columns = (block.column, *block.continuation_columns, *[1] * len(lines))
    return [Block(BlockKind.LINE, text, block.line + i, columns[i], block.region, (), block.label)
            for i, text in enumerate(lines)]


def build_pages(segments: list[list[Block]], vocab: object | None = None) -> list[Page]:
    """Number the pages of all segments, splitting each at bottom/top banner pairs (banners
    of `vocab`, the rule set's vocabulary; None: the default one).

    Empty segments (a form feed at the end of the file, two in a row) make no page; an empty
    document still has one empty page.
    """
    pages: list[Page] = []
    for segment in segments:
        if not segment:
            continue
        for blocks in split_at_banner_pairs(segment, vocab):
            pages.append(Page(number=len(pages) + 1, blocks=blocks))
    return pages or [Page(number=1)]
