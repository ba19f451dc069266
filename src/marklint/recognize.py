"""The recognizer: finds the marking candidates on each page of a Document.

- Banner lines: a LINE block whose whole text is a banner-form marking. A cheap precompiled
  prefilter (`BANNER_CANDIDATE_RE`, of the line shapes in `marklint.lineshapes`, which the
  readers share) keeps ordinary lines away from the parser; a candidate counts as a banner
  when it parses, or when it holds `//` (a malformed banner, reported by the marking checks);
  in mixed case with spaces around `//`, only when it parses and has no lower
  case after the `//` (`Secret // NF`, not `Secret // Service`). Cable style `S E C R E T` is
  recognised and flagged (`Mark.cable`).
- Portion marks: a parenthesised marking at the start of a block, after e-mail quoting (`> `),
  list numbering, a subject label (with `RE:`/`FW:`), a short label (`BLUF:`, `Tab A:`,
  `References: (a)`), a footnote's label (`[^1]:`, `[1]`), a caption's number (`Table 1.`) or a part's (`CHAPTER 1.`).
  `(C) 2024`, `(a)`, `(CMS)` and `(b)(1)` are not portion marks; `(s)`, `(S//nf)` are, in the
  wrong case. `//SIGNED//` is a signature mark, not a banner.
- Misplaced portion marks: a portion mark at the end of a block that does not start with one.
- Which unmarked blocks need a mark is the structure model's question (`marklint.layout`).
"""

from __future__ import annotations

import re
import sys

from marklint.document import Block, BlockKind, Document, Page
from marklint.legends import LEGEND_GAP, LEGEND_LEVELS, legend_candidates, legend_lines
from marklint.lineshapes import (CAPTION_NUMBER, FOOTNOTE_LABEL, MARK_BODY, PART_NUMBER,
                                 PORTION_START, is_page_number, is_watermark)
from marklint.mark_strings import (UNSEEN, Parsed, banner_of, banner_table, near_miss_banner, parse_cached,
                                   read_portion)
from marklint.values import Value

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from collections.abc import Callable

    from marklint.markings import Marking, MarkingError


_TRAILING_RE = rf"(?:^|\s)({MARK_BODY})[.;:]?\s*$"  # compiled by `re` at first use (rarely needed)
# List numbering before a portion mark: `1. (S)`, `a) (U)`, `(2) (C)`, section numbers (`2.1 (S)`,
# `1.2.1. (U)`), chapter-paragraph numbers as Army regulations and appendices write them (`1-1. (U)`,
# `A-3. (S)`) and numbered judgments, findings and recommendations (`KJ-2. (S)`, `R-1. (U)`), a message's paragraph and sub-paragraph labels run together (`1.a. (U)`, `3.B.(2) (S)`,
# `(1)(a) (U)`), Roman numerals (`II. (U)`, `iv. (U)`), bullets (as word processors export them to
# plain text: `•`, `o`, `§`, `▪`, and dashes); a number or letter may touch the mark (`7.(S)`, as
# military message formats write it), a bullet may not; a heading's bare number (`1 (U) Introduction`,
# as Markdown and word processors number headings) is followed by a blank.
_NUMBERING = (r"(?:\d{1,3}(?:\.\d{1,3}){1,4}\.?|(?:\d{1,3}|[A-Z]{1,3})-\d{1,3}\."
              r"|\d{1,3}\.[A-Za-z]\.(?:\(\d{1,3}\)|\([a-z]\)){0,2}|(?:\(\d{1,3}\)|\([a-z]\)){2,3}"
              r"|\d{1,3}[.)]|[IVXLC]{1,6}[.)]|[ivx]{2,5}[.)]|[a-zA-Z][.)]|\(\d{1,3}\)|\([a-z]\))")
_LIST_PREFIX = rf"(?:{_NUMBERING}\s*|\d{{1,3}}[ \t]+|(?:[•·*o§▪◦■►➢‣⁃–—]|-{{1,3}})\s+)"
# A subject label, with the reply and forward prefixes of a message (`Subject: RE: FW: (U) ...`).
_SUBJECT_PREFIX = r"(?:SUBJECT|Subject|SUBJ|Subj|RE|Re)\s*:\s*(?:(?:RE|Re|FW|Fw|FWD|Fwd)\s*:\s*){0,6}"
# A short label (one to three words) before the portion it names, as a subject label is:
# `BLUF: (S) ...`, `References: (a) (U) OPNAVINST`, `Attachment 1: (U) Route map`, `Tab A: (S) ...`;
# also a paper's run-in heading after the paragraph's number (`1. PURPOSE: (U) ...`, `2. Background.
# (S) ...`).
# (A heading run in with a period has its words capitalised: `The plan failed. (S) ...` is no label.)
_LABEL_PREFIX = (rf"(?:{_LIST_PREFIX})?(?:[A-Z][A-Za-z]{{0,20}}(?:[ \-][A-Za-z]{{1,20}}){{0,2}}"
                 rf"(?:[ \t]+(?:\d{{1,3}}|[A-Z]|\(\d{{1,3}}\)))?\s*:"
                 rf"|[A-Z][A-Za-z]{{0,20}}(?:[ \-][A-Z][A-Za-z]{{0,20}}){{0,2}}\.)\s*(?:{_LIST_PREFIX})?")
# A footnote's label (`[^1]: (S) Port records`, as Markdown writes a footnote; `[1] (S) ...`, as a
# word processor's plain-text export writes an endnote); a table's or
# figure's number before its caption (`Table 1. (U) Objects`, `Figure 2-3: (S) Ground track`); a
# part's number before its title (`CHAPTER 1. (U) INTRODUCTION`, `Section 2: (S) ...`, `Annex B. (U)`).
_NOTE_PREFIX = rf"(?:{FOOTNOTE_LABEL}|\[\d{{1,3}}\]|{CAPTION_NUMBER}|{PART_NUMBER})[ \t]*"
# E-mail quoting (`> `) before any of them.
_QUOTE_PREFIX = r"(?:>[ \t]?){0,8}"
# A portion mark at the start of a block, else after list numbering, a subject label or a list's
# label, in one match (group 1). The empty prefix comes first: most blocks start with their mark.
_PORTION_AT_RE = re.compile(
    rf"{_QUOTE_PREFIX}(?:|{_LIST_PREFIX}|{_SUBJECT_PREFIX}|{_LABEL_PREFIX}|{_NOTE_PREFIX})({PORTION_START})")
# A portion mark written in lower or mixed case where a mark stands (`(s)`, `(ts)`, `(S//nf)`):
# a mark, reported in the wrong case (marking-form, with its fix). `(c)` alone is a list label,
# but for the cases of _NUMBERED_CASED_RE and _BARE_C_RE.
_CASED_MARK_RE = re.compile(
    rf"{_QUOTE_PREFIX}(?:|{_SUBJECT_PREFIX}|{_LABEL_PREFIX}|{_NOTE_PREFIX}"
    r"|(?:\d{1,3}[.)]|\(\d{1,3}\)|[•·*]|-{1,3})\s+)"
    r"(\((?i:ts|s|u|cui|c(?=//))(?://[A-Za-z0-9 ,/\-]{1,200})?\))(?=\s|$)")
# After a paragraph's number or list label (`1. (c)`, `a.(c)`, `(2)(s)`, `(b) (s//nf)`) or a
# subject label, a lone `(c)` is a mark too: a list label does not follow them.
_NUMBERED_CASED_RE = re.compile(
    rf"{_QUOTE_PREFIX}(?:{_NUMBERING}[ \t]*|{_SUBJECT_PREFIX})"
    r"(\((?i:ts|s|u|cui|c)(?://[A-Za-z0-9 ,/\-]{1,200})?\))(?=\s|$)")
# At a block's start (or after its bullet: `- (c) ...`) a lone `(c)` is a mark on a page where no
# block opens with the list labels `(a)` or `(b)` (`_lettered`), unless a copyright (`(c) 2024`).
_BARE_C_RE = re.compile(rf"{_QUOTE_PREFIX}(?:(?:[•·*]|-{{1,3}})[ \t]+)?(\(c\))(?=[ \t])(?![ \t]+(?:\d{{4}}\b|[Cc]opyright))")
_LETTERED_RE = re.compile(r"\((?:a|b)\)\s")
# A mark whose level is spelt out and misspelt (`2. (SECERT//NF)`, `(CONFIDENTAIL)`): one or two
# capital words, then its controls; a mark only when `near_miss_banner` takes its level for one.
_MISSPELT_MARK_RE = re.compile(rf"{_QUOTE_PREFIX}(?:|{_LIST_PREFIX}|{_SUBJECT_PREFIX})"
                               r"\(([A-Z]{3,}(?: [A-Z]{4,})?(?://[A-Z0-9 ,/\-]{1,200})?)\)(?=\s|$)")



# Mark and PageMarks are not dataclasses: defining one costs milliseconds of start-up.
class Mark(Value):
    """A banner or portion mark found in the document, with its exact position (tens of
    thousands per run). Compared by value.

    `text` is the marking as written (a portion mark includes its parentheses); `marking` is
    None when it could not be parsed. `cable` is set for a spaced-letter banner, whose `text` is
    then the collapsed form. `legacy` holds the older era's forms it was written in
    (`marklint.legacy_forms.LegacyForm`); `marking` is then the modern marking it means.
    """

    __slots__ = ("text", "form", "line", "column", "end_column", "page", "block", "marking", "error", "cable",
                 "legacy")
    _fields = __slots__

    def __init__(self, text: str, form: str, line: int, column: int, end_column: int, page: int, block: Block,
                 marking: Marking | None, error: MarkingError | None = None, cable: bool = False,
                 legacy: tuple = ()) -> None:
        self.text = text
        self.form = form  # "banner" | "portion"
        self.line = line
        self.column = column
        self.end_column = end_column
        self.page = page
        self.block = block
        self.marking = marking
        self.error = error
        self.cable = cable
        self.legacy = legacy


class PageMarks:
    """What the recognizer found on one page."""

    __slots__ = ("page", "banners", "portions", "misplaced", "unmarked", "top", "bottom", "legend")

    def __init__(self, page: Page, banners: list[Mark] | None = None, portions: list[Mark] | None = None,
                 misplaced: list[Mark] | None = None, unmarked: list[Block] | None = None,
                 top: Mark | None = None, bottom: Mark | None = None) -> None:
        self.page = page
        self.banners = [] if banners is None else banners
        self.portions = [] if portions is None else portions
        self.misplaced = [] if misplaced is None else misplaced
        self.unmarked = [] if unmarked is None else unmarked  # blocks without a mark, exempt ones too
        self.top = top
        self.bottom = bottom
        self.legend = False  # the page bears a form's check-box legend (`legend_lines`)

    def edge_text_blocks(self, count: int, skip: set[int] | frozenset[int] = frozenset()) -> tuple[list[Block],
                                                                                                  list[Block]]:
        """The first and the last `count` blocks of the page's text, each in page order: not its
        banners, page numbers, comments or watermarks, nor the blocks in `skip` (by `id`).
        Found by scanning in from each end: only the edges are read."""
        banners = {id(mark.block) for mark in self.banners}
        blocks = self.page.blocks

        def scan(order) -> list[Block]:
            found: list[Block] = []
            for block in order:
                if id(block) not in skip and id(block) not in banners and is_page_content(block):
                    found.append(block)
                    if len(found) == count:
                        break
            return found

        return scan(blocks), scan(reversed(blocks))[::-1]


_TRAILING_ENDS = (")", ").", ");", "):", ") ")  # how a block ending in a portion mark can end


def trailing_portion(text: str, vocab: object | None = None) -> tuple[int, str, Parsed, tuple] | None:
    """A parseable portion mark, or one in a legacy form (`(AIUO)`, `(SBU)`), at the end of a
    block: (offset, mark text, parse, legacy forms), or None."""
    if not text.endswith(_TRAILING_ENDS):
        return None
    match = re.search(_TRAILING_RE, text)
    if match is None:
        return None
    mark = match.group(1)
    parsed, forms = read_portion(mark, vocab)
    return None if parsed.marking is None else (match.start(1), mark, parsed, forms)


def _listed_under_heading(blocks: list[Block], block: Block, is_exempt: Callable[[str], object]) -> bool:
    """True for a list item of an enclosure, attachment or reference list (`Enclosures:` over
    `1. Annotated image (S//NF)`): the mark after its title is the listed document's marking,
    not a misplaced portion mark (rare: asked only of a list item ending in a mark)."""
    if block.kind is not BlockKind.LIST_ITEM:
        return False
    index = next(i for i, b in enumerate(blocks) if b is block)
    while index > 0 and blocks[index - 1].kind is BlockKind.LIST_ITEM:
        index -= 1
    return index > 0 and is_exempt(blocks[index - 1].text.split("\n", 1)[0]) in ("distribution", "list-label")


def recognize(
    doc: Document,
    vocab: object | None = None,
    is_exempt: Callable[[str], object] = lambda text: None,
) -> list[PageMarks]:
    """Find banners, portion marks, misplaced marks and unmarked blocks on every page.

    `is_exempt(first_line)` is true (the element's name) when a block is an administrative
    element (the rule set's exempt patterns and authority-block lines); a mark at the end of
    such a block is not a misplaced portion mark. Whether an unmarked block needs a mark is
    the portion check's question (the structure model, `marklint.layout`).
    """
    result = []
    line_kind, comment, quote = BlockKind.LINE, BlockKind.COMMENT, BlockKind.QUOTE
    portion_match = (getattr(vocab, "portion_at", None) or _PORTION_AT_RE).match  # an allied scheme's own
    lines = banner_table(vocab)
    allied = getattr(vocab, "allied", None) is not None
    for page in doc.pages:
        marks = PageMarks(page)
        number = page.number
        banners, portions, unmarked = marks.banners, marks.portions, marks.unmarked
        for block in page.blocks:
            kind = block.kind
            if kind is comment or kind is quote:
                continue
            text = block.text
            # the readers tell banner lines by the US levels: an allied scheme's banner may have
            # been read as a one-line paragraph or heading
            if kind is line_kind or allied and "\n" not in text:
                found = lines.get(text, UNSEEN)
                if found is UNSEEN:
                    found = banner_of(text, vocab)
                if found is not None:  # built inline, like a block-start portion mark below
                    written, parsed, cable, legacy = found
                    column = block.column + (text.find(written) if legacy and not cable else 0)
                    banners.append(Mark(written, "banner", block.line, column,
                                        column + len(text if cable else written), number, block,
                                        parsed.marking, parsed.error, cable, legacy))
                    continue
                if is_page_number(text):
                    continue
            # A portion mark at the start of the block (after e-mail quoting, list numbering, a
            # subject label or a short label).
            # `(C) 2024`, `(a)` and `(CMS)` do not match; one that does not parse is a mark only
            # when it holds `//` (a malformed mark, reported by the marking checks).
            # After a label (`Attachment 12: (U)`) the mark may stand a little further in.
            match = None
            if text.find("(", 0, 48) >= 0:
                match = portion_match(text) or _cased_mark(text)
                if match is None and "(c)" in text[:12] and not _lettered(page):
                    match = _BARE_C_RE.match(text)
                misspelt = match is None and (match := _misspelt_mark(text, vocab)) is not None
            if match is not None:
                mark = sys.intern(match.group(1))  # a big file repeats a few marks many thousand times
                parsed, forms = read_portion(mark, vocab)
                # an allied mark with a misspelt word (`(Sen BUDGIT)`) is a mark too, reported with its suggestion
                if parsed.marking is not None or "//" in mark or misspelt or (allied and parsed.error.confident):
                    offset = match.start(1)
                    if offset and text.count("\n", 0, offset):
                        line, column = block.position_of(offset)
                    else:  # on the block's first line (the common case): no call needed
                        line, column = block.line, block.column + offset
                    portions.append(Mark(mark, "portion", line, column, column + len(mark), number,
                                         block, parsed.marking, parsed.error, False, forms))
                    continue
            trailing = trailing_portion(text, vocab) if text.endswith(_TRAILING_ENDS) else None
            if trailing is not None and not is_exempt(text.split("\n", 1)[0]) \
                    and not _listed_under_heading(page.blocks, block, is_exempt):
                offset, mark, parsed, forms = trailing
                line, column = block.position_of(offset)
                marks.misplaced.append(Mark(mark, "portion", line, column, column + len(mark), number,
                                            block, parsed.marking, parsed.error, False, forms))
            else:
                unmarked.append(block)
        if unmarked:
            _edge_banners(marks, vocab, is_exempt)
        if len(banners) >= 2:
            banners[:] = [mark for mark, after in zip(banners, [*banners[1:], None])
                          if after is None or not split_status(mark.block, after.block, vocab)]
        if len(banners) >= LEGEND_LEVELS or len(banners) == LEGEND_LEVELS - 1 \
                and banners[1].line - banners[0].line <= 2 * LEGEND_GAP:
            _drop_legends(marks)
        if banners:
            _edges(marks, is_exempt)
            if marks.top is not None and (marks.top.cable or marks.top.legacy):
                _cable_caption(marks, vocab)
            _banner_captions(marks, vocab)
        result.append(marks)
    return result


def opens_with_portion_mark(block: Block, vocab: object | None = None) -> bool:
    """Whether a block starts with a portion mark (after list numbering, a label or quoting)."""
    return (getattr(vocab, "portion_at", None) or _PORTION_AT_RE).match(block.text) is not None


def split_status(first: Block, second: Block, vocab: object | None = None) -> bool:
    """Whether `first` is a plain `UNCLASSIFIED` line and `second`, on the very next line, an
    unclassified control standing alone (`SBU`): one status written on two lines, as State's
    SMART printouts write it. The control line is the banner (`UNCLASSIFIED//SBU`)."""
    if first.kind is not BlockKind.LINE or second.kind is not BlockKind.LINE or second.line != first.end_line + 1:
        return False
    top, control = banner_of(first.text, vocab), banner_of(second.text, vocab)
    if top is None or control is None or top[1].marking is None or control[1].marking is None:
        return False
    return (top[1].marking.level == "U" and not top[1].marking.has_controls and bool(control[3])
            and control[1].marking.level == "U" and control[1].marking.has_controls)


def _drop_legends(marks: PageMarks) -> None:
    """Take a check-box legend's lines (`legend_lines`) out of the page's banners."""
    index = {id(block): n for n, block in enumerate(marks.page.blocks)}
    marked = sorted(index[id(m.block)] for m in marks.portions)
    found = [(index[id(m.block)], m.marking.level if m.marking else None) for m in marks.banners
             if m.marking is None or not m.marking.has_controls]  # a banner with controls is no legend line
    legend = legend_lines(legend_candidates(found, marks.page.blocks),
                          lambda after, before: any(after < n < before for n in marked))
    if legend:
        marks.banners[:] = [m for m in marks.banners if index[id(m.block)] not in legend]
        marks.legend = True


def _lettered(page: Page) -> bool:
    """Whether a block of the page opens with the list label `(a)` or `(b)`."""
    return any(_LETTERED_RE.match(block.text) for block in page.blocks)


def _misspelt_mark(text: str, vocab: object | None) -> re.Match[str] | None:
    """A portion mark at the start of a block whose spelt-out level is misspelt (`(SECERT)`)."""
    match = _MISSPELT_MARK_RE.match(text)
    return match if match is not None and near_miss_banner(match.group(1), vocab) is not None else None


def _cased_mark(text: str) -> re.Match[str] | None:
    """A portion mark in lower or mixed case at the start of a block (see _CASED_MARK_RE)."""
    match = _CASED_MARK_RE.match(text) or _NUMBERED_CASED_RE.match(text)
    return match if match is not None and not match.group(1).isupper() else None


_QUOTED_MESSAGE_BANNERS = 3  # banners on a page that may hold a quoted message with banners of its own


def _message_blocks(marks: PageMarks, is_exempt: Callable[[str], object]) -> list[Block]:
    """The blocks of a page between its edges: as B-09 places an e-mail's banners, after the
    header fields a saved message starts with (`From:`, `To:`, its subject), and, when the page
    holds a quoted or forwarded message (`-----Original Message-----`) under a reply that closes
    with a banner of its own, or with banners of its own, before it; and before the authority
    lines typed below the bottom banner."""
    def element(block: Block) -> object:
        return is_exempt(block.text.split("\n", 1)[0])

    blocks = marks.page.blocks
    if element(blocks[0]) == "email-header":
        start = 1
        while start < len(blocks) and (blocks[start].kind is BlockKind.SUBJECT
                                       or element(blocks[start]) == "email-header"):
            start += 1
        blocks = blocks[start:]
    # a quoted message matters only on a page with three banners or more, or with two whose
    # second does not end the page (the reply's closing banner above the quoted text)
    count = len(marks.banners)
    last = next((b for b in reversed(blocks) if is_page_content(b)), None) if count >= 2 else None
    quoted = _quoted_start(blocks, is_exempt) if count >= _QUOTED_MESSAGE_BANNERS or (
        count == 2 and last is not marks.banners[-1].block) else None
    if quoted:
        banners = {id(mark.block) for mark in marks.banners}
        closing = next((b for b in reversed(blocks[:quoted]) if is_page_content(b)), None)
        # a quoted message's banners come in pairs: an odd one at the page's very end is the
        # reply's own closing banner, which some clients set below the quoted text
        below = sum(1 for b in blocks[quoted:] if id(b) in banners)
        reply_closes_last = below % 2 == 1 and last is not None and id(last) in banners
        if not reply_closes_last and (len(banners) >= _QUOTED_MESSAGE_BANNERS
                                      or (closing is not None and id(closing) in banners)):
            blocks = blocks[:quoted]
    if not marks.banners:
        return blocks
    # an authority line typed below the bottom banner (a 1980s memo's `Declassify on: OADR` in the
    # lower left corner, under the centred level), or a caption line right under it (`SECRET` over
    # `SECURITY INFORMATION` in 1952, over `EYES ONLY` or `NO FOREIGN DISSEM`), leaves the banner
    # the page's bottom one
    end = len(blocks)
    while end > 1 and blocks[end - 1] is not marks.banners[-1].block and (
            element(blocks[end - 1]) == "authority" or _caption_under(blocks[end - 2], blocks[end - 1])):
        end -= 1
    return blocks if end == len(blocks) else blocks[:end]


def _quoted_start(blocks: list[Block], is_exempt: Callable[[str], object]) -> int | None:
    """The index of the first block of a quoted or forwarded message, if any."""
    return next((index for index, block in enumerate(blocks)
                 if block.kind is not BlockKind.COMMENT and is_exempt(block.text.split("\n", 1)[0]) == "forward-header"),
                None)


_CAPTION_KINDS = {BlockKind.LINE, BlockKind.HEADING, BlockKind.PARAGRAPH}


def _caption_under(above: Block, block: Block) -> bool:
    """Whether `block` is a control line without a level (`SECURITY INFORMATION`, `EYES ONLY`,
    `NO FOREIGN DISSEM`) on the line right under `above`, a banner or another such line."""
    if block.line != above.end_line + 1 or not {block.kind, above.kind} <= _CAPTION_KINDS:
        return False
    from marklint.legacy_forms import control_line

    return control_line(block.text) and (control_line(above.text) or banner_of(above.text) is not None)


def _edges(marks: PageMarks, is_exempt: Callable[[str], object]) -> None:
    """Set the page's top and bottom banners: the first and last content blocks (of the
    message, `_message_blocks`), if banners."""
    blocks = _message_blocks(marks, is_exempt)
    banners = marks.banners
    if blocks is not marks.page.blocks:
        inside = {id(block) for block in blocks}
        banners = [mark for mark in banners if id(mark.block) in inside]
        if not banners:
            return
    # Only the ends matter: scan in from each side instead of filtering every block. A banner
    # is content (never a comment or a page number), so reaching one ends a scan at once.
    top, bottom = banners[0].block, banners[-1].block
    first = top if blocks[0] is top else next(b for b in blocks if b is top or is_page_content(b))
    last = bottom if blocks[-1] is bottom else next(
        b for b in reversed(blocks) if b is bottom or is_page_content(b))
    # Banners are in block order, so only the first and the last can sit on those blocks.
    if banners[0].block is first:
        marks.top = banners[0]
    if (last is not first or marks.top is None) and banners[-1].block is last:
        marks.bottom = banners[-1]




def _edge_banners(marks: PageMarks, vocab: object | None, is_exempt: Callable[[str], object]) -> None:
    """Read two more forms of banner on a page's first or last content line (B-01), below a saved
    e-mail's header fields and, where a quoted message follows, on the reply's own last line too:

    - a misspelt banner (`SECERT`, `CONFIDENTAIL//NOFORN`): a banner whose level is an unknown
      word, reported with its suggestion as `SECRET//NOFRON` is, rather than a page without one;
    - the line an e-mail client's classification tool writes (`Classification: SECRET//NOFORN`):
      the banner is its value (a misspelt one too, `Classification: SECERT`); not under an allied
      scheme, whose documents carry no such line.
    """
    blocks = _message_blocks(marks, is_exempt)
    first = next((b for b in blocks if is_page_content(b)), None)  # only the ends matter: scan in from each side
    if first is None:
        return
    bottoms = [next(b for b in reversed(blocks) if is_page_content(b))]
    banners = marks.banners
    found = _edge_banner(marks, first, vocab, at_top=True)
    if found is not None:
        banners.insert(0, found)
        # a message whose top is such a line: its own last line, above a quoted message, first
        quoted = _quoted_start(blocks, is_exempt)
        if quoted:
            bottoms.insert(0, next((b for b in reversed(blocks[:quoted]) if is_page_content(b)), first))
    for block in bottoms:
        found = _edge_banner(marks, block, vocab, at_top=False) if block is not first else None
        if found is not None:  # in block order: a quoted message's own banners may stand below it
            banners.insert(next((i for i, mark in enumerate(banners) if mark.line > found.line), len(banners)), found)
            break


def _edge_banner(marks: PageMarks, block: Block, vocab: object | None, at_top: bool) -> Mark | None:
    """The banner an unmarked edge block holds in a tool's `Classification:` line or misspelt,
    taken out of the page's unmarked blocks; else None."""
    if block not in marks.unmarked:
        return None
    allied = getattr(vocab, "allied", None) is not None
    mark = None if allied else _labelled_banner(block, marks.page.number, vocab, controlled=bool(marks.portions))
    if mark is None:
        text = _edge_line(block.text, at_top)
        parsed = near_miss_banner(text, vocab)
        if parsed is None:
            return None
        line, column = block.position_of(block.text.find(text) if at_top else block.text.rfind(text))
        mark = Mark(text, "banner", line, column, column + len(text), marks.page.number, block, None, parsed.error)
    marks.unmarked.remove(block)
    return mark


def _edge_line(text: str, at_top: bool) -> str:
    """The line of a page's first or last block that may be its misspelt banner, which the reader
    did not keep apart: the first line at the top (`TOP SECERT` over `Copy No. 3 of 10 Copies`);
    at the bottom the last line, or the first when the others are its captions (`SECERT` over
    `SECURITY INFORMATION`)."""
    first, _, rest = text.partition("\n")
    if not rest or at_top:
        return first
    from marklint.legacy_forms import control_line

    return first if control_line(rest) else text.rsplit("\n", 1)[1]


# `Classification: SECRET//NOFORN`, or the Army's two lines `Classification: SECRET` over `Caveats: NOFORN`
# (the labels in capitals too, as some tools write them).
_LABELLED_BANNER_RE = re.compile(
    r"((?:Classification|CLASSIFICATION):[ \t]*)(\S[^\n]*?)[ \t]*"
    r"(?:\n[ \t]*(?:Caveats|CAVEATS):[ \t]*(\S[^\n]*?)[ \t]*)?")


def _labelled_banner(block: Block, page: int, vocab: object | None, controlled: bool) -> Mark | None:
    """The banner of a `Classification: SECRET//NOFORN` line (with the caveats of a `Caveats:`
    line under it, `NONE` for none), when its value is a classified or CUI banner that parses,
    or, on a page whose paragraphs carry portion marks (`controlled`), a controlled unclassified
    one (`UNCLASSIFIED//FOR OFFICIAL USE ONLY`). An unmarked message's tool line
    (`Classification: UNCLASSIFIED` / `Caveats: FOUO` under a military e-mail) stays a
    metadata line: it asks for no banners or portion marks of the message it closes."""
    labelled = _LABELLED_BANNER_RE.fullmatch(block.text)
    if labelled is None:
        return None
    value, caveats = labelled.group(2), labelled.group(3)
    if caveats and caveats.upper() != "NONE":
        value = f"{value}//{'/'.join(word.strip() for word in caveats.split(','))}"
    column = block.column + labelled.start(2)
    found = banner_of(value, vocab)
    if found is None and (misspelt := near_miss_banner(value, vocab)) is not None:  # `Classification: SECERT`
        return Mark(value, "banner", block.line, column, column + len(value), page, block, None, misspelt.error)
    if found is None or found[1].marking is None or (found[1].marking.level == "U" and not found[1].marking.cui
                                                      and not (controlled and found[1].marking.has_controls)):
        return None
    written, parsed, cable, legacy = found
    return Mark(written, "banner", block.line, column, column + len(labelled.group(2)), page, block,
                parsed.marking, parsed.error, cable, legacy)




_CAPTION_WORDS = frozenset({"SIPDIS", "NOFORN", "ORCON", "NODIS", "EXDIS", "LIMDIS"})
_DISTRIBUTION_ONLY = frozenset({"SIPDIS"})  # a distribution caption, not a marking


def _cable_caption(marks: PageMarks, vocab: object | None) -> None:
    """A cable's caption lines under its header (`NOFORN`, `SIPDIS`) belong to its banner: the
    header `S E C R E T SECTION 01 OF 02 BAGHDAD 000123` (or `SECRET STATE 012345`) over `SIPDIS`
    and `NOFORN` is SECRET//NOFORN (when the controls make a banner that parses)."""
    from marklint.legacy_forms import CABLE_HEADER_FORM, LegacyForm

    top = marks.top
    if top.marking is None or not any(form.name == CABLE_HEADER_FORM for form in top.legacy):
        return
    blocks = marks.page.blocks
    index = next((i for i, block in enumerate(blocks) if block is top.block), len(blocks))
    caption = next((block for block in blocks[index + 1:] if is_page_content(block)), None)
    words = caption.text.split() if caption is not None and caption.kind is not BlockKind.COMMENT else []
    controls = [word for word in words if word not in _DISTRIBUTION_ONLY]
    if not controls or any(word not in _CAPTION_WORDS for word in words):
        return
    form = LegacyForm("cable-caption", " ".join(controls), f"{top.text}//{'/'.join(controls)}", None)
    _with_caption(marks, "top", controls, form, vocab)


def _with_caption(marks: PageMarks, edge: str, controls: list[str], form: object, vocab: object | None) -> None:
    """Make the page's `edge` ("top" or "bottom") banner carry the controls of its caption."""
    mark = getattr(marks, edge)
    modern = f"{mark.text}//{'/'.join(controls)}"
    parsed = parse_cached(modern, "banner", vocab)
    if parsed.marking is None:
        return
    merged = Mark(modern, "banner", mark.line, mark.column, mark.end_column, mark.page, mark.block, parsed.marking,
                  None, mark.cable, (*mark.legacy, form))
    marks.banners[marks.banners.index(mark)] = merged
    if marks.top is mark:
        marks.top = merged
    if marks.bottom is mark:
        marks.bottom = merged


def _banner_captions(marks: PageMarks, vocab: object | None) -> None:
    """A control line right under the page's top or bottom banner (`SECRET` over `NO FOREIGN
    DISSEM` or `NOFORN`) belongs to it: the banner is SECRET//NOFORN."""
    from marklint.legacy_forms import legacy_banner

    blocks = marks.page.blocks
    for edge in ("top", "bottom"):
        mark = getattr(marks, edge)
        if mark is None or mark.marking is None or "//" in mark.text:
            continue
        index = next(i for i, block in enumerate(blocks) if block is mark.block)
        if index + 1 == len(blocks) or not _caption_under(mark.block, blocks[index + 1]):
            continue
        forms = legacy_banner(" ".join(blocks[index + 1].text.split())).forms
        controls = [form.modern[2:] for form in forms if form.modern.startswith("//")]
        if controls:
            _with_caption(marks, edge, controls, forms[0], vocab)


def is_page_content(block: Block) -> bool:
    """Not a comment, not a page number line and not a draft's watermark line (B-01: the banner
    is the page's first and last line of text; a `DRAFT` line above or below it is furniture)."""
    kind = block.kind
    return kind is not BlockKind.COMMENT and not (kind is BlockKind.LINE and is_page_number(block.text)) \
        and not is_watermark(block.text)
