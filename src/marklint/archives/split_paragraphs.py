"""Paragraphs the scan split, judged once under OCR tolerance (`marklint.archives.ocr`): which
unmarked blocks belong to a paragraph whose mark, or want of one, is judged elsewhere.

- A mark at the end of a later block (CIA style, `... release. (U)`) covers the blocks back to
  the paragraph's numbered start (`4.`, `B.`, a section's `II.`, or the number alone on a
  line: `2 ..`).
- A block opening in lower case on a piece of a sentence goes on with the paragraph above it
  when that one stops mid-sentence at a word, also across a page break's banners and page
  number; after a word no sentence ends with (`... FINDINGS OF THE`) the next block goes on
  whatever its case, and so does a telegram's text in capitals that a withheld passage's margin
  codes and release stamps split (`... EXPRESSED GCC CONCERN` over `HE TOLD TALBOTT ...`).
- A header field's label alone on its line (`SUBJECT:`) holds nothing to mark.
- A block whose trailing mark the scan left unreadable (`OcrResult.unreadable`) is marked.
"""

from __future__ import annotations

import re

from marklint.archives.ocr_blocks import CONTINUED, LABEL_START_RE, authority_line
from marklint.document import Block, BlockKind

_LONE_NUMBER_RE = re.compile(r"\d{1,2}\s?[.,]{0,3}")  # a paragraph number on a line of its own
# A numbered portion: `4.`, `2 ..`, `B.`, a section's Roman numeral `III.`
_PORTION_START_RE = re.compile(r"^\W{0,3}(?:\d{1,3}\s?[.,)]|[A-Z][.)]\s|[IVX]{2,4}\.\s)")


# A block that opens in lower case with a word (`dismissed this`, `(another named`, `! authority`),
# not with a label (`cc: DCI`) nor a lettered list item (`(a) `, `b. `).
_CONTINUATION_RE = re.compile(r"^[^\w\n]{0,2}\s?[a-z][a-z'-]+\b(?!\s?:)")
_LETTERED_ITEM_RE = re.compile(r"^\(?[a-z][.)]\s")


# A line of text that stops mid-sentence, at a word, its closing quote or not (`HAS NOT BEEN "TOO ROUGH"`).
_BROKEN_OFF_RE = re.compile(r"[A-Za-z]{2,}[\"\u201d]?,?$")
# A line that stops at a word no sentence ends with (an article, a preposition, a conjunction):
# what follows goes on with it, whatever its case (`... FINDINGS OF THE` over `* <ASSASSINATION.>`).
_DANGLING_RE = re.compile(r"(?i)\b(?:the|a|an|of|to|in|on|at|by|for|with|from|into|and|or|but|nor|that|whether"
                          r"|its|their|his|her|our|this|these|those)$")
_OPENS_ANEW_RE = re.compile(r"^\W{0,3}(?:\d{1,3}\s?[.,)]|[A-Za-z][.)]\s|\()")  # `4.`, `B.`, `(a)`, `(S)`
_SENTENCE_WORDS = 3  # words on a line that is a piece of a sentence (not a speck, a name or a label)
_WORD_RE = re.compile(r"[A-Za-z]{2,}")


def _sentence_piece(line: str) -> bool:
    return len(_WORD_RE.findall(line)) >= _SENTENCE_WORDS


def continues_paragraph(block: Block, before: Block | None) -> bool:
    """Whether `block` goes on with the paragraph `before` that the scan split (by a blank line,
    or by the banners and page number of a page break). `before` must stop mid-sentence at a
    word on a piece of a sentence (not at a sentence's end, a trailing mark, a number or a
    rule) and be no authority line; then `block` goes on with it when it opens in lower case
    on a piece of a sentence, or, whatever its case, when `before` stops at a word no sentence
    ends with (or both are a telegram's text in capitals, no field's label in either) and `block`
    opens no numbered or lettered paragraph, mark, label or banner."""
    from marklint.mark_strings import banner_of

    if before is None or block.kind not in CONTINUED or authority_line(before.text):
        return False
    last_line = before.text.rstrip().rsplit("\n", 1)[-1]
    if _BROKEN_OFF_RE.search(last_line) is None or not _sentence_piece(last_line):
        return False
    first_line = block.text.split("\n", 1)[0]
    if _CONTINUATION_RE.match(block.text) is not None and _LETTERED_ITEM_RE.match(block.text) is None:
        return _sentence_piece(first_line)
    # a telegram's text, in capitals, split by a withheld passage's margin codes and stamps (no field's label)
    in_capitals = (last_line.isupper() and first_line.isupper() and _sentence_piece(first_line)
                   and ":" not in last_line and ":" not in first_line)
    return ((_DANGLING_RE.search(last_line) is not None or in_capitals) and _WORD_RE.search(first_line) is not None
            and _OPENS_ANEW_RE.match(block.text) is None and _LETTERED_ITEM_RE.match(block.text) is None
            and not LABEL_START_RE.match(block.text) and banner_of(first_line) is None)


# A header field's label alone on its line: up to three words in capitals, or one capitalised
# (`SUBJECT:`, `MEMORANDUM FOR:`, `DISAPPROVED:`, `Reference:`); not a lead-in (`D. Other items:`).
BARE_LABEL_RE = re.compile(r"(?:[A-Z]{2,}(?: [A-Z]{2,}){0,2}|[A-Z][a-z]+) ?:")


# A paragraph's number, an item's letter or a sub-paragraph's dash the scan set on a line of its
# own (`2 ..`, `B.`, `(c)`, `-` with a speck); not a page's number (`2`).
_ENUMERATOR_ALONE_RE = re.compile(r"\(?(?:\d{1,2}\s?[.,]{1,3}|[A-Za-z][.)])|[-\u2022]\S{0,2}")
_DASH_ITEM_RE = re.compile(r"[-\u2022][ \t]?[A-Z]")  # a sub-paragraph a dash opens (`- THE ADDO MET ...`)


def _text_block(block: Block) -> bool:
    """Whether a block is a paragraph's or a list item's text, or a piece of a sentence in
    capitals (a teletype's text), no label opening it (`WARNING:`, `DocId: ...`): not a header
    field, a heading, a banner or a stamp the reader told apart."""
    if LABEL_START_RE.match(block.text):
        return False
    return block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) \
        or block.kind is BlockKind.HEADING and _sentence_piece(block.text.split("\n", 1)[0])


def _pieces_with_their_paragraph(blocks: list[Block], pieces: set[int] | frozenset[int],
                                 marked: set[int]) -> set[int]:
    """The `pieces` among a page's blocks that follow the start of an unmarked paragraph a
    number, a letter or a dash opens, one after another (no marked block, banner, label or
    other block between): judged with that paragraph, its want of a mark reported once."""
    covered: set[int] = set()
    unmarked_start = False  # the last paragraph's start has no mark
    start_next = False  # an enumerator set apart: the next block is its paragraph's start
    for block in blocks:
        if _ENUMERATOR_ALONE_RE.fullmatch(block.text.strip()):
            unmarked_start, start_next = False, True
        elif block.kind is BlockKind.COMMENT:
            continue
        elif id(block) in marked:
            unmarked_start = start_next = False
        elif start_next or _PORTION_START_RE.match(block.text) or _DASH_ITEM_RE.match(block.text):
            unmarked_start, start_next = True, False
        elif unmarked_start and id(block) in pieces:
            covered.add(id(block))
        else:
            unmarked_start = False
    return covered


def covered_by_trailing_marks(pages: list, unreadable: set[int] | frozenset[int] = frozenset(),
                              pieces: set[int] | frozenset[int] = frozenset(),
                              untold: set[int] | frozenset[int] = frozenset()) -> set[int]:
    """The unmarked blocks of a document's pages (`marklint.recognize.PageMarks`, by `id`) that
    are part of a paragraph the scan split, so that its mark (or its want of one) is judged once:

    - a mark at the end of a later block (CIA style, `... release. (U)`) covers the blocks
      back to the paragraph's numbered start (`4.`, `B.`, or the number alone on a line: `2 ..`)
      on its page, never across a banner or another marked block; without a numbered start
      the blocks may be paragraphs of their own, so none is covered, except on a page whose
      paragraphs the scan's layout cannot tell apart (`untold`: one line a block, no numbers),
      where it covers the paragraph text back to the mark, banner, label or heading before it:
      a paragraph marked at its end, its sentences set apart, is judged once (a subject line,
      a labelled field and what follows the page's last mark still are);
    - a block opening in lower case that goes on with the paragraph before it (`continues_paragraph`,
      also across a page break's banners and page number) is that paragraph's; a trailing mark
      on it covers the whole paragraph;
    - a header field's label alone on its line (`SUBJECT:`, `REFERENCE:`) holds nothing to
      mark: the scan set its value apart, and the value is judged.

    `unreadable` (`OcrResult.unreadable`) are blocks whose trailing mark the scan left
    unreadable: marked, and covering as a trailing mark does. `pieces` (`OcrResult.pieces`) are
    blocks the scan set apart from a paragraph: under an unmarked paragraph's start
    they are that paragraph's (`_pieces_with_their_paragraph`)."""
    from marklint.lineshapes import is_page_number

    covered: set[int] = set()
    paragraph: list[int] = []  # the blocks of the paragraph the last text block opened or went on with
    last: Block | None = None  # that paragraph's last block
    for marks in pages:
        trailing = {id(mark.block) for mark in marks.misplaced} | unreadable
        banners = {id(mark.block) for mark in marks.banners}
        stops = {id(mark.block) for mark in marks.portions} | banners
        covered |= _pieces_with_their_paragraph(marks.page.blocks, pieces, trailing | stops)
        told = marks.page.number not in untold
        run: list[int] | None = None if told else []  # blocks since the last numbered start (or mark, untold)
        for block in marks.page.blocks:
            key = id(block)
            if _LONE_NUMBER_RE.fullmatch(block.text.strip()):  # the number the scan set apart (`2 ..`)
                run = []
                continue
            if block.kind is BlockKind.COMMENT:
                continue
            if BARE_LABEL_RE.fullmatch(block.text.strip()):  # `SUBJECT:`: its value stands apart
                covered.add(key)
            if continues_paragraph(block, last):
                covered.add(key)
                paragraph.append(key)
                last = block
                if key in trailing:
                    covered.update(paragraph)
            elif key not in banners and not is_page_number(block.text):
                paragraph, last = [key], block
            if key in trailing:
                if _PORTION_START_RE.match(block.text) is None:  # a numbered paragraph's mark is its own
                    covered.update(run or ())
                run = None if told else []
            elif key in stops:
                run = None if told else []
            elif _PORTION_START_RE.match(block.text):
                run = [key]
            elif not told and not _text_block(block):
                run = []
            elif run is not None:
                run.append(key)
    return covered
