"""What a scanned memorandum's pages hold besides its portions, read from layout alone once the
OCR has lost the indentation, the columns and the handwriting that told them apart.

A typed memo (or the letter attached to it) repeats its furniture: a letterhead atop the page
where a letter or attachment starts, the addressee atop the letter's continuation page, a legend
under the banner of every page, the drafter's line and its date, the signer's scrawl over the
typed name, the values of header labels the scan stacked in a column of their own; a cable
ends in its trailer (drafter, coordinators, releasing officer); and what stands above a page's
own top banner is the copy's (fax headers, stamps, the page beneath seen through). None of
them is a portion (marking-rules.md P-01 names paragraphs, subjects, titles; administrative
elements are not portions). `memo_furniture` finds them; `marklint.checks.rules.portion_missing`
asks it only under OCR tolerance, which also judges a section's heading and a fragment that
lost its first words with the paragraph they belong to (docs/archives.md, "OCR tolerance"): on a born-digital draft,
a line at those places is judged as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from marklint.archives.ocr import FUNCTION_WORDS
from marklint.archives.split_paragraphs import BARE_LABEL_RE
from marklint.block_shapes import BLOCK_MAX_LINES
from marklint.document import Block, BlockKind
from marklint.layout import TITLE_MAX_WORDS
from marklint.name_lines import is_name_like
from marklint.lineshapes import is_page_number

TYPE_CHECKING = False
if TYPE_CHECKING:
    from marklint.recognize import PageMarks

# What opens a new document's text below its letterhead or inside address.
_HEAD_ANCHORS = ("salutation", "date-line", "memo-header")
# The drafter's line: office path, drafter, typist's initials and telephone extension
# (`DCI/CSI/BLatell:aw/30214`, `DCI /CSI/HRG/BHarrelson:pn/*30210`), maybe with its date.
_DRAFTING_RE = re.compile(r"^[A-Z]{2,}(?:\s?/\s?[A-Za-z*]+)+:[a-z]{1,3}/\S+")
# A date on a line of its own, in brackets or not (`(27 Jun 95)`, `27 June 1995`).
_LONE_DATE_RE = re.compile(r"^\(?\d{1,2} [A-Z][a-z]{2,8}\.? (?:\d{2}|\d{4})\)?$")
# A memo's control number over its date (`OLC 79-0113/6`, `CSI-0042/95`).
_CONTROL_NUMBER_RE = re.compile(r"^[A-Z]{2,6}[- ]?\d{2,4}-\d{2,5}(?:/\d{1,4})?$|^[A-Z]{2,6}-\d{2,5}/\d{2}$")
_OPENS_ANEW_RE = re.compile(r"^\W{0,3}(?:\d{1,3}\s?[.,)]|[A-Za-z][.)]\s|[IVX]{1,4}\.\s|\()")  # `4.`, `B.`, `(S)`
_LOWER_START_RE = re.compile(r"^[a-z][a-z'-]+\b(?!\s?:)")
_SENTENCE_END = (".", "!", "?", ",", ";")
_TRAILER_START_RE = re.compile(r"(?:FILE|ORIG)\s?:")
_TRAILER_LABEL_RE = re.compile(r"\b(?:ORIG|COORD|AUTH|REL|UNIT|EXT)\s?:")
_TRAILER_VALUE_WORDS = 4
_SCRAWL_MAX_WORDS = 3  # what OCR makes of a handwritten signature: a word or three
_LEGEND_DEPTH = 3  # a running legend stands among the first blocks under the top banner
_LEGEND_MAX_WORDS = 8
# Blocks above a page's top banner (its own, not the bottom one read as the top) are the copy's:
# fax headers, stamps, the page beneath seen through the paper; a few at the most.
_ABOVE_BANNER_MAX = 3


def _lines(block: Block) -> list[str]:
    return [line.strip() for line in block.text.split("\n") if line.strip()]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Page:
    """A page's content blocks in order (comments, page numbers and banners left out), with
    which of them carry a mark, which stand right under noise the scan set aside and which
    stand above the page's top banner or below its bottom banner."""

    def __init__(self, marks: PageMarks) -> None:
        banners = {id(m.block) for m in marks.banners}
        self.marked = {id(m.block) for m in marks.portions + marks.misplaced}
        self.blocks = [b for b in marks.page.blocks if b.kind is not BlockKind.COMMENT
                       and id(b) not in banners and not is_page_number(b.text)]
        raw = marks.page.blocks
        top = [i for i, b in enumerate(raw) if marks.top is not None and marks.top is not marks.bottom
               and b is marks.top.block and i <= _ABOVE_BANNER_MAX]
        above = raw[:top[0]] if top else []
        # a numbered paragraph above it is the page's own: that banner is no top banner
        numbered = any(_OPENS_ANEW_RE.match(b.text) for b in above)
        self.above_banner = set() if numbered else {id(b) for b in above}
        # the stamps below its bottom banner (`MICED CCY`, a file number): nothing of the text
        # follows the bottom banner, unless a numbered paragraph does (then that banner is none)
        bottom = [i for i, b in enumerate(raw) if marks.bottom is not None and marks.bottom is not marks.top
                  and b is marks.bottom.block]
        below = [b for b in raw[bottom[0] + 1:] if b.kind is not BlockKind.COMMENT] if bottom else []
        self.below_banner = set() if len(below) > _ABOVE_BANNER_MAX or any(_OPENS_ANEW_RE.match(b.text) for b in below) \
            else {id(b) for b in below}
        self.after_noise = {id(b) for previous, b in zip(raw, raw[1:]) if previous.kind is BlockKind.COMMENT}

    def unmarked(self, block: Block | None) -> bool:
        return block is not None and id(block) not in self.marked


def memo_furniture(pages: list[PageMarks], exemption: Callable[[str], str | None]) -> set[int]:
    """The unmarked blocks (by `id`) of an OCR'd document's pages that are a memo's furniture,
    not portions: later letterheads and continuation headers, running legends, drafting lines
    and their dates, control numbers, signatures the scan garbled, the values of stacked header
    labels other than the subject's, what stands above a page's own top banner or below its
    bottom banner, a cable's trailer, section headings and fragments judged with the paragraph
    they belong to."""
    read = [_Page(marks) for marks in pages]
    furniture = _running_legends(read)
    head_lines: set[str] = set()
    for index, page in enumerate(read):
        if index:
            furniture |= _letterhead(page, exemption, head_lines)
            furniture |= _continuation_header(page, head_lines)
        else:
            head_lines |= {_key(line) for block in _head(page, exemption) for line in _lines(block)}
        furniture |= _stacked_values(page) | page.above_banner | page.below_banner | _cable_trailer(page)
        for position, block in enumerate(page.blocks):
            before = page.blocks[position - 1] if position else None
            after = page.blocks[position + 1] if position + 1 < len(page.blocks) else None
            if not page.unmarked(block) or id(block) in furniture:
                continue
            if _drafting_matter(block, before) or _control_number(block) \
                    or _signature_scrawl(block, before, after, exemption) \
                    or _section_heading(block, before, after, page, exemption) \
                    or _lost_opening(block, before, page):
                furniture.add(id(block))
    return furniture


def _head(page: _Page, exemption: Callable[[str], str | None]) -> list[Block]:
    """The unmarked name-like blocks atop a page (a letterhead, an inside address) when a
    salutation, a date or a memo header follows them; none otherwise."""
    head = []
    for block in page.blocks:
        lines = _lines(block)
        if lines and exemption(lines[0]) in _HEAD_ANCHORS:
            return head
        if not page.unmarked(block) or not lines or len(lines) > BLOCK_MAX_LINES \
                or not all(is_name_like(line) for line in lines):
            return []
        head.append(block)
    return []


def _letterhead(page: _Page, exemption: Callable[[str], str | None], head_lines: set[str]) -> set[int]:
    """A letterhead and inside address atop a later page, where a letter or attachment starts
    (`Central Intelligence Agency` / `Washington, D.C. 20505` / `The President` over
    `Dear Mr. President:`); their lines are remembered for the continuation pages."""
    head = _head(page, exemption)
    head_lines.update(_key(line) for block in head for line in _lines(block))
    return {id(block) for block in head}


def _continuation_header(page: _Page, head_lines: set[str]) -> set[int]:
    """The first block of a later page when it opens with a line of an earlier page's heading
    (the addressee atop a letter's second page: `The President`) and holds no sentence."""
    if not page.blocks or not page.unmarked(page.blocks[0]):
        return set()
    block = page.blocks[0]
    lines = _lines(block)
    if lines and _key(lines[0]) in head_lines and len(lines) <= BLOCK_MAX_LINES \
            and not any(line.endswith((".", "!", "?")) for line in lines):
        return {id(block)}
    return set()


def _running_legends(pages: list[_Page]) -> set[int]:
    """A short line standing under the top banner of two pages or more (`ATTORNEY CLIENT
    PRIVILEGED MATERIAL`): a legend the typist repeated on every page, not a portion."""
    tops: dict[int, str] = {}
    pages_bearing: Counter[str] = Counter()
    for page in pages:
        found = {}
        for block in page.blocks[:_LEGEND_DEPTH]:
            lines = _lines(block)
            if page.unmarked(block) and len(lines) == 1 and len(lines[0].split()) <= _LEGEND_MAX_WORDS \
                    and block.kind is not BlockKind.SUBJECT:
                found[id(block)] = _key(lines[0])
        tops.update(found)
        pages_bearing.update(set(found.values()))
    return {key for key, text in tops.items() if pages_bearing[text] > 1}


def _drafting_matter(block: Block, before: Block | None) -> bool:
    """A drafting line (`DCI/CSI/BLatell:aw/30214`), or a date alone right under one (`(27 Jun 95)`)."""
    lines = _lines(block)
    if lines and all(_DRAFTING_RE.match(line) for line in lines):
        return True
    return len(lines) == 1 and _LONE_DATE_RE.match(lines[0]) is not None and before is not None \
        and _DRAFTING_RE.match(_lines(before)[-1] if _lines(before) else "") is not None


def _control_number(block: Block) -> bool:
    """A memo's control number alone or over its date (`OLC 79-0113/6` / `25 January 1979`)."""
    lines = _lines(block)
    return 0 < len(lines) <= 2 and _CONTROL_NUMBER_RE.match(lines[0]) is not None \
        and all(_LONE_DATE_RE.match(line) for line in lines[1:])


def _ends_message(block: Block | None, exemption: Callable[[str], str | None]) -> bool:
    """Nothing, or a distribution or attachments heading, after a block: where a signature ends."""
    return block is None or exemption(_lines(block)[0] if _lines(block) else "") == "distribution"


def _signature_scrawl(block: Block, before: Block | None, after: Block | None,
                      exemption: Callable[[str], str | None]) -> bool:
    """The signer's handwriting as OCR read it (`sie fatell`: a word or three in small letters,
    no function word of a sentence: not `in the` over `National Archives`) over the typed name,
    after a portion and before the distribution or attachments heading or the end of the page."""
    lines = _lines(block)
    if before is None or not 2 <= len(lines) <= 3 or not _ends_message(after, exemption):
        return False
    scrawl, name = lines[:-1], lines[-1]
    return is_name_like(name) and 2 <= len(name.split()) <= 4 and all(
        len(line.split()) <= _SCRAWL_MAX_WORDS and line[:1].islower() and not any(c.isdigit() for c in line)
        and not line.endswith(_SENTENCE_END) and not FUNCTION_WORDS.intersection(line.lower().split())
        for line in scrawl)


def _section_heading(block: Block, before: Block | None, after: Block | None, page: _Page,
                     exemption: Callable[[str], str | None]) -> bool:
    """A section's or item's heading on a line of its own (`New Litigations`, `Document No.
    104-10015-10052, CIA Cable, DIR 74673:`), after a paragraph and over an unmarked one that
    is no new numbered paragraph: judged with that paragraph, as it reads on the page. A
    numbered or lettered lead-in (`D. Other possible items:`) is a portion of its own, and a
    document's title (after the header, not after a paragraph) is judged as a title."""
    lines = _lines(block)
    if len(lines) != 1 or len(lines[0].split()) > TITLE_MAX_WORDS or lines[0].endswith(_SENTENCE_END) \
            or _OPENS_ANEW_RE.match(lines[0]) or BARE_LABEL_RE.fullmatch(lines[0]):
        return False
    if before is None or len(_lines(before)) < 2 or exemption(_lines(before)[0]) is not None:
        return False  # a paragraph stands before a section heading: not a header field
    return page.unmarked(after) and len(_lines(after)) > 1 and exemption(_lines(after)[0]) is None


def _lost_opening(block: Block, before: Block | None, page: _Page) -> bool:
    """A block opening in small letters on a word (`process, those records ...`) under an
    unmarked paragraph: the scan lost its line's first words, and it is judged with that
    paragraph (which is still reported), a paragraph never opening in lower case. Not under
    noise set aside (`It is` over `believed that ...`): the lost words may open a paragraph."""
    return before is not None and id(block) not in page.after_noise and page.unmarked(before) \
        and len(_lines(before)) > 1 and _LOWER_START_RE.match(block.text) is not None \
        and _OPENS_ANEW_RE.match(block.text) is None


def _cable_trailer(page: _Page) -> set[int]:
    """A cable's trailer below its `FILE:` or `ORIG:` line: the lines naming its drafter,
    coordinators, authenticating and releasing officers (`(NEIMAN- DRAFT) : REL:`,
    `DE/LAPOPS; CIEUFAID: AUTH: DEALA; CALA; REL: OCAEURAS`), and the officers named on a line
    of their own under such a line."""
    trailer: set[int] = set()
    below = labelled = False
    for block in page.blocks:
        if below and page.unmarked(block) and _TRAILER_LABEL_RE.search(block.text):
            trailer.add(id(block))
            labelled = True
        elif labelled and page.unmarked(block) and len(_lines(block)) == 1 \
                and len(block.text.split()) <= _TRAILER_VALUE_WORDS:
            trailer.add(id(block))  # an officer under his label (`C/LA/MCGMXB (LUCE).`)
        else:
            labelled = False
        below = below or _TRAILER_START_RE.match(block.text) is not None
    return trailer


def _stacked_values(page: _Page) -> set[int]:
    """Header labels the scan stacked in a column (`SUBJECT:` over `REFERENCE:`), their values
    in a column below, one block to each label in order: the subject's value is a portion, the
    other labels' values are not."""
    blocks = page.blocks
    for start, block in enumerate(blocks):
        labels = []
        for label in blocks[start:]:
            if not BARE_LABEL_RE.fullmatch(label.text.strip()):
                break
            labels.append(label.text.strip().rstrip(":").strip().casefold())
        if len(labels) < 2:
            continue
        values = []
        for value in blocks[start + len(labels):]:
            lines = _lines(value)
            if not page.unmarked(value) or not lines or len(lines) > 3 or _OPENS_ANEW_RE.match(lines[0]) \
                    or BARE_LABEL_RE.fullmatch(lines[0]):
                break
            values.append(value)
        if "subject" not in labels or len(values) != len(labels):
            return set()  # a label with two values or none: which value is whose is a guess
        kept = values[labels.index("subject")]
        return {id(value) for value in values if value is not kept}
    return set()
