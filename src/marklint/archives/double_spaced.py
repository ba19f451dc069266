"""Paragraphs of a double-spaced OCR text (under OCR tolerance, `marklint.archives.ocr`): where
the scan put a blank line after every line, which blank lines are a paragraph's end and which
are only spacing.

- A block that does not end a sentence (nor with a portion mark) is joined with the next one
  when that one is ordinary text (not a banner, list item, subject line, portion-marked
  paragraph, header field, date or authority line).
- A writer starts a paragraph with something the reader can see: its number (`3.`, `B.`,
  `(a)`), a portion mark, a header field's label (`SUBJECT:`), an indentation, or after a short
  line that ended the paragraph before. In a text wrapped at a margin (not one paragraph a
  line), a line that opens with none of these goes on with the paragraph above it also after
  a sentence's end when the line is itself short and stops mid-sentence, going on into the next
  (a paragraph's first line is a full line, so a short line that goes on is the rest of a typed
  line the scan cut at a gap or a sentence's end: `[...] INCLUDED IN THE` over `REVIEW IS
  INFORMATION ...`, `States.` then `Release of her name as a CIA employee` over `will damage
  ...`; over a numbered paragraph, it is a heading), and, on a page whose paragraphs are
  numbered, when the line above is long (`LONG_SHARE` of the document's `full_width`: a
  paragraph's sentences run on from line to line; where paragraphs are not numbered, nothing
  then tells a new one from the next sentence). Widths are measured on the document itself
  (its typewriter, its margins), never fixed.
- A portion mark alone on its line marks the paragraph below it when the block above already
  has its mark (a portion has one mark), or when the paragraph below follows at once and is no
  new list item; otherwise it ends the paragraph above it.
- In a cable's numbered text, an item's label in capitals ending its line (`C. OPERATIONAL:`,
  `TIME (S) OF MEETING:`) goes on with the line of text below it, its value.
- A cable's routing lines at the head of a numbered page (`3003212 DIRECTOR` under `TEXT:`,
  the slug atop a continuation page) are no portions.
"""

from __future__ import annotations

import re

from marklint.archives.ocr_blocks import CONTINUED, LABEL_START_RE, LONE_MARK_RE, SENTENCE_END, authority_line, join_blocks
from marklint.document import Block, BlockKind, Document

LONG_SHARE = 0.7  # of the full width: a line at least this long runs to the right margin
FULL_QUANTILE = 0.75  # the full width: this quantile of the lengths of the document's lines of prose
WRAPPED_SHARE = 0.4  # of the lines of prose breaking mid-sentence, in a text wrapped at a margin
_PROSE_WORDS = 3  # words on a line of prose
_WORD_RE = re.compile(r"[A-Za-z]{2,}")
# A paragraph's number or letter (`1.`, `2 ..`, `B.`, `(a)`, `(3)`), or a portion mark (`(S)`,
# `(S/NF)`), at a line's start; a parenthesis that opens a phrase (`(OSWALD TAPES> OCCURS:`) is none.
_OPENS_RE = re.compile(r"^\W{0,5}(?:[\dlI]{1,3}\s?[.,)]|[A-Za-z][.)]\s|\((?:[a-z0-9]{1,3}|[A-Z]{1,4}(?:[/ -][A-Z/ -]*)?)\))")
# A cable's text label or date-time group (`TEXT:`, `300324Z NOV 94`).
_CABLE_RE = re.compile(r"(?:TEXT\s?:|\d{6}Z\s+[A-Z]{3}\s+\d{2})")
_NUMBERED_RE = re.compile(r"^\W{0,3}\d{1,2}\s?[.,]+(?:\s|$)")  # `3. `, `2 ..`; not a stamp (`13.00000`)


class Shape:
    """What a page's layout shows: the width of its document's full lines; whether the
    document is a cable (a `TEXT:` label or a date-time group opens a block); whether the
    document's lines are wrapped at a margin (at least WRAPPED_SHARE of its lines of prose
    break mid-sentence; where each paragraph stands on one line, nearly every line ends a
    sentence and no width tells a paragraph's end); and whether the page's paragraphs are
    numbered (it opens one with a paragraph number, as the document opens at least two; a
    release's attachment, an unnumbered letter, is judged on its own pages)."""

    def __init__(self, full_width: int, wrapped: bool, numbered: bool, cable: bool = False) -> None:
        self.full_width, self.wrapped, self.numbered, self.cable = full_width, wrapped, numbered, cable

    def long(self, line: str) -> bool:
        """Whether a line runs to the document's right margin."""
        return self.full_width > 0 and len(line.rstrip()) >= LONG_SHARE * self.full_width


def shapes(doc: Document) -> dict[int, Shape]:
    """The Shape of each page of a document, by page number."""
    blocks = {page.number: [block for block in page.blocks if block.kind is not BlockKind.COMMENT] for page in doc.pages}
    lines = [line.rstrip() for page in blocks.values() for block in page for line in block.text.split("\n")
             if len(_WORD_RE.findall(line)) >= _PROSE_WORDS]
    lengths = sorted(len(line) for line in lines)
    full_width = lengths[int(len(lengths) * FULL_QUANTILE)] if lengths else 0
    wrapped = sum(1 for line in lines if not line.endswith(SENTENCE_END)) >= WRAPPED_SHARE * len(lines) > 0
    numbers = {number: sum(1 for block in page if _NUMBERED_RE.match(block.text)) for number, page in blocks.items()}
    numbered = sum(numbers.values()) >= 2
    cable = any(_CABLE_RE.match(block.text) for page in blocks.values() for block in page)
    return {number: Shape(full_width, wrapped, numbered and count > 0, cable) for number, count in numbers.items()}


def text_line(block: Block, shape: Shape) -> bool:
    """Whether a block is a line of text that may go on with a paragraph: a paragraph's or a
    heading's, or, on a numbered page, one opening with an asterisk (`* INTERVIEWED BY ...`: the
    mark an indexer set beside a line naming a person or a place, no list's bullet, since the
    page's items are numbered)."""
    return block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) \
        or (shape.numbered and block.kind is BlockKind.LIST_ITEM and block.text.startswith("*"))


_PLAIN_WORD_RE = re.compile(r"[A-Za-z][a-z']+|[A-Z]{2,}")  # a word, no code (`LA/MCGMXB`, `C/ORMS`)


def prose(line: str) -> bool:
    """Whether a line reads as prose: at least _PROSE_WORDS plain words, standing apart."""
    return sum(1 for token in line.split() if _PLAIN_WORD_RE.fullmatch(token.strip(".,;:!?\"'()"))) >= _PROSE_WORDS


def sentence_ends(blocks: list[Block]) -> set[int]:
    """The one-line blocks (by `id`) that end, with a period, the sentence a line of prose above
    them leaves open (`document should be downgraded to CONFIDENTIAL from` over `TOP SECRET.`),
    above more prose on the page: words of that sentence the scan set on a line of their own,
    not a banner, however like one they read. A page's last lines are left alone: a bottom
    banner may sit under a sentence the page breaks off."""
    last = max((index for index, block in enumerate(blocks) if block.kind in CONTINUED
                and prose(block.text.split("\n", 1)[0])), default=-1)
    ends = set()
    for index in range(1, last):
        above, block = blocks[index - 1], blocks[index]
        tail = above.text.rstrip().rsplit("\n", 1)[-1]
        if (block.line - above.end_line == 2 and "\n" not in block.text and block.text.rstrip().endswith(".")
                and len(block.text.split()) <= _SENTENCE_END_WORDS and above.kind in CONTINUED and prose(tail)
                and not tail.endswith(SENTENCE_END) and tail.split()[-1][:1].islower()):
            ends.add(id(block))
    return ends


_SENTENCE_END_WORDS = 3  # the words of a sentence's end that could read as a banner (`TOP SECRET.`)
_LABEL_RE = re.compile(r"[A-Z][A-Za-z./ ]{0,30}:")  # a header field (`INFO: C/ORMS, ...` over its next line)
# A cable's routing line: one word in capitals, after a number or not (`3003212 DIRECTOR`, `LMHENO`).
_ROUTING_RE = re.compile(r"(?:[\d-]{3,}\s+)?[A-Z]{2,}")


def routing_lines(blocks: list[Block], shape: Shape) -> set[int]:
    """The routing lines (by `id`) at the head of a numbered double-spaced page of a cable
    (before its first numbered paragraph or line of prose other than a header field: `3003212
    DIRECTOR` under `TEXT:`, the slug `LMHENO` atop a continuation page; a block of such lines,
    as the rejoin may have made): a cable's header, not portions. They stay content (a banner
    below them is not the page's top line). A memo's heading in capitals (`BACKGROUND`) is no
    routing line: only a cable has them."""
    from marklint.mark_strings import banner_of

    routing: set[int] = set()
    head = shape.numbered and shape.cable
    for block in blocks:
        if head and block.kind is not BlockKind.COMMENT and (opens_paragraph(block) or not _LABEL_RE.match(block.text)
                                                             and prose(block.text.split("\n", 1)[0])):
            head = False
        if head and block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LINE) \
                and all(_ROUTING_RE.fullmatch(line.strip()) and banner_of(line) is None
                        for line in block.text.split("\n") if line.strip()):
            routing.add(id(block))
    return routing


def set_apart_pieces(blocks: list[Block], shape: Shape) -> set[int]:
    """The blocks (by `id`) of a double-spaced page, its lines wrapped at a margin, that open
    on a short line and with nothing a writer starts a paragraph with (a number, a letter, a
    mark, a label): a paragraph's first line is a full line, so such a block is a piece of the
    paragraph above it the scan set apart (a sentence, or the words after a redaction gap:
    `W/1 LISTENED ATTENTIVELY` over `AND ASKED ...`), when that paragraph has a visible start
    (`marklint.archives.split_paragraphs`)."""
    if not shape.wrapped:
        return set()
    return {id(block) for block in blocks
            if block.kind in CONTINUED and not shape.long(block.text.split("\n", 1)[0])
            and len(_WORD_RE.findall(block.text.split("\n", 1)[0])) >= 2 and not opens_paragraph(block)
            and not LABEL_START_RE.match(block.text) and not _ITEM_LABEL_RE.match(block.text)}


def opens_paragraph(block: Block) -> bool:
    """Whether a block opens with a paragraph's number or letter or a portion mark."""
    return _OPENS_RE.match(block.text) is not None


def runs_on(previous: Block, block: Block, following: Block | None, shape: Shape) -> bool:
    """Whether `block`, a blank line below `previous`, goes on with its paragraph although
    `previous` ends a sentence (see the module docstring). The caller has ruled out labels,
    banners, authority lines and marked ends; `block` must be one line of ordinary text (a
    block of several lines the writer set together, a signature block, is no line the scan
    spaced) at `previous`'s indentation, opening no paragraph, in a wrapped text. A short line
    goes on only where the text goes on below it (`following`, opening no paragraph): a short
    line over a numbered paragraph is a heading, not a line a redaction cut. After a long line,
    only on a numbered page."""
    if not shape.wrapped or not text_line(block, shape) or "\n" in block.text \
            or block.column > previous.column or opens_paragraph(block) \
            or len(_WORD_RE.findall(previous.text)) < _PROSE_WORDS:
        return False
    last_line = previous.text.rstrip().rsplit("\n", 1)[-1]
    first_line = block.text.split("\n", 1)[0]
    cut = not shape.long(first_line) and not first_line.rstrip().endswith(SENTENCE_END) \
        and len(_WORD_RE.findall(first_line)) >= _PROSE_WORDS
    goes_on = following is not None and following.line - block.end_line == 2 and text_line(following, shape) \
        and not opens_paragraph(following)
    return shape.numbered and shape.long(last_line) or (cut and goes_on)


# An item's label in capitals ending its line, after the item's letter or not (`C. OPERATIONAL:`,
# `TIME (S) OF MEETING:`, `OPS ALIASES USED:`): its value follows on the next line.
_ITEM_LABEL_RE = re.compile(r"\W{0,3}(?:[A-Z][.)]\s+)?[A-Z][A-Z ()/.'-]{2,40}:")


def label_value(previous: Block, block: Block, shape: Shape) -> bool:
    """Whether `block`, one line of text opening no paragraph, is the value of the item label
    that ends `previous` in a cable's numbered text (`TIME (S) OF MEETING:` over `1600 TO 2000
    HOURS`): the scan set it apart, it belongs to that item."""
    last_line = previous.text.rstrip().rsplit("\n", 1)[-1].strip()
    return shape.cable and shape.numbered and "\n" not in block.text and not opens_paragraph(block) \
        and text_line(block, shape) and _ITEM_LABEL_RE.fullmatch(last_line) is not None \
        and not LABEL_START_RE.match(block.text)


# A mark at a block's start, after a label or a paragraph's number or not: `(S) ...`, `SUBJECT: (U) ...`, `1. (S) ...`
_LEADING_MARK_RE = re.compile(r"(?:[A-Z][A-Za-z ]{0,30}:\s*|\W{0,3}(?:\d{1,3}|[A-Za-z])[.)]\s+)?\([A-Z][A-Z/ -]{0,20}\)")


def _marked(text: str) -> bool:
    """Whether a block already carries its mark, at its start (after a label) or its end."""
    from marklint.recognize import trailing_portion

    return _LEADING_MARK_RE.match(text) is not None or trailing_portion(text) is not None


def rejoined(blocks: list[Block], shape: Shape) -> list[Block]:
    """The blocks of a double-spaced page with the runs of lines that belong to one paragraph
    joined, and each portion mark alone on its line joined to the paragraph it marks (see the
    module docstring)."""
    from marklint.mark_strings import banner_of
    from marklint.recognize import trailing_portion

    out: list[Block] = []
    in_text = False  # below the first numbered paragraph: item labels, not the heading's fields
    for index, block in enumerate(blocks):
        previous = out[-1] if out else None
        adjacent = previous is not None and block.line - previous.end_line == 2
        valued = in_text and adjacent and previous.kind in CONTINUED and label_value(previous, block, shape)
        in_text = in_text or _NUMBERED_RE.match(block.text) is not None
        if previous is not None and adjacent and LONE_MARK_RE.fullmatch(previous.text):
            out[-1] = join_blocks(previous, block)  # a lone mark was kept back for this block
            continue
        if LONE_MARK_RE.fullmatch(block.text):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            ahead = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM) \
                if previous is not None and _marked(previous.text) else (BlockKind.PARAGRAPH, BlockKind.HEADING)
            if (following is not None and following.kind in ahead
                    and following.line - block.end_line == 2 and banner_of(following.text) is None):
                out.append(block)
            elif adjacent and previous.kind in CONTINUED:
                out[-1] = join_blocks(previous, block)
            else:
                out.append(block)
            continue
        if (adjacent and previous.kind in CONTINUED and text_line(block, shape)
                and (not previous.text.rstrip().endswith(SENTENCE_END) or valued
                     or runs_on(previous, block, blocks[index + 1] if index + 1 < len(blocks) else None, shape))
                and (not block.text.startswith("(") or shape.numbered and not opens_paragraph(block))
                and trailing_portion(previous.text) is None and not LABEL_START_RE.match(block.text)
                and (valued or not LABEL_START_RE.fullmatch(previous.text.strip())) and not authority_line(block.text)
                and banner_of(block.text) is None and banner_of(previous.text) is None):
            out[-1] = join_blocks(previous, block)
        else:
            out.append(block)
    return out
