"""OCR tolerance (`--ocr`, or a collection configured `ocr: true`): what a scanned and OCR'd
release needs before its markings can be read.

- **One-character slips on banner words** (`SEGRET`, `5ECRET`, `SECREL`, `CONFIDENTlAL`,
  `CONFIDENTAL`, `SECRET=`; `marklint.archives.ocr_words`): each word of a short line is compared with the banner words by an
  edit distance whose substitutions are weighted by a confusion table of OCR misreadings (C/G,
  S/5, I/l/1, O/0/D, T/L/I, E/F, R/K...). A table substitution costs less than any other edit,
  so `SEGRET` is read as SECRET with more confidence than `SECRES`; at most one edit per six
  letters is accepted, and words under six letters (TOP, ORCON) are never guessed. The corrected
  line must still parse as a banner.
- **The word after TOP**, which a level's TOP is only ever followed by, is read as SECRET through
  more slips (`TOP CZARET`: three of SECRET's letters in place, its closing ET among them).
- **Banners in spaced letters** (`S-E-C-R-E-T`, `S E C R E T`) misread letter by letter
  (`5-I-C-R-E-T`, `S-E-C-R-I-I`): as many letters as a level word has, at least two thirds of
  them that letter or a confusion-table slip of it in its place, are that level in spaced
  letters.
- **Banners set one letter a line** (`S` / `E` / `R` / `E` / `T`): a run of at least
  `MIN_VERTICAL` lines of one capital letter each that spells a banner word (with the
  tolerance above) is that banner.
- **Banners under a stamp**: a banner word in capitals with a fragment of a stamp in mixed
  case fused to its front (`DoRISEGRET SABRE`) is read once the fragment (up to
  `ocr_words.OVERPRINT_MAX` characters) is dropped.
- **Banners inside a line**: a column of a line (separated from the rest by two or more spaces,
  or by junk that is not a word) that is a banner becomes a line of its own, as does a banner
  among a few specks of one to three letters or of no letter (`ae i SECRET NOFORN SENSITIVE`,
  `... Poe`, `2/24492, SEXRET`), also on the first line of a longer block; a lone word in a
  column beside such a banner (`eouait : i SECRET ...`) is a stamp's fragment, not a portion.
- **Lines rejoined across OCR blank lines**: where the layout puts a blank line after every
  line, the lines of a paragraph are joined; on a page whose paragraphs are numbered, also
  after a sentence's end where nothing opens a new paragraph; a cable's routing lines at the
  page's head are no portions (`marklint.archives.double_spaced`).
- **Teletype continuation headers** whose spaced level the scan cut (`PAGE TWO CAR 97-2 SEC`,
  `SEC,` over `E T`), and a form's spaced level box cut into short lines (`SE` over `ET`): the
  letters left, in order, read as the one level word they fit (`marklint.archives.teletype`).
- **A form's boxes run together**: a level and dissemination controls on one line next to the
  form's `CLASSIFICATION - DISSEMINATION CONTROLS` legend are set apart
  (`marklint.archives.form_boxes`).
- **An EO 11652 authority line** garbled at a teletype's end (`CLASSITYID Y 5A7S, XEDS 2,
  INDEFINITE.`) is read in that line's shape (`marklint.archives.exemption_line`); a form's
  blank printed authority labels then yield to it (`marklint.checks.authority`).
- **A date-time group** with its Z read as 2 and its year's 8 as B (`0222112 JAN BO`) dates the
  document (`marklint.dates.date_of_origin`, read before the rule set is chosen).
- **Banners near the edges**: a scanned page's banner often sits below a form's header boxes
  or above its footer stamps; a banner among the first or last `EDGE_BLOCKS` content blocks of
  a page counts as its top or bottom banner, and so does, in a page's upper half, a message
  form's classification box beside its `(CLASSIFICATION)` caption.
- **An FBI trailer's number of copies** (`(5)` under the typist's reference line `SJP : gp`)
  is no portion mark (`marklint.archives.ocr_blocks.copy_counts_aside`).
- **Paragraphs split by the scan** are judged once (`marklint.archives.split_paragraphs`);
  a mark alone on the line right below a paragraph is its trailing mark.
- **Portion marks at a paragraph's end** with a slip inside (`(Cc)`, `(8S)`, `(5)`), their
  closing parenthesis lost (`(U`) or a speck after them (`(U) c`) are read (S through the
  confusion table, a letter doubled in the other case dropped) and reported with their
  confidence.
- **Scanning noise**: a block of up to three lines with no word of three letters or more that
  looks like a word, or garbled (a word ending in capitals after small letters, `thP`, and no
  function word), and no mark (`ooMe0oT] :`, `PY`, `;`, `1.9294445`, `int Sess nT ETISE,`) is
  set aside as not content: it is neither a portion nor the first or last line of its page.
- **Unreadable trailing marks**: a parenthesised token of up to four characters after a
  paragraph's last sentence (`Satuxday. _(100)_`, `the article. {)`) stands where a trailing
  mark stands: the paragraph is marked, its level unknown (confidence 0); the portions'
  roll-up is then unknown too.
- **Struck-through marks**: junk where a numbered paragraph's mark stands (`4. 4at ...`), in a
  document that marks its numbered paragraphs, is a mark struck at declassification: marked,
  level unknown (`marklint.archives.struck_marks`).
- **A cable's file line**: its review and derivation labels garbled around their date (`RVA 2
  JAN 2000 DRY`) and its whole-text statement (`ALL` over `SAIGALAD`: every portion marked, the
  level unknown) are read (`marklint.archives.file_line`).
- **Unreadable lone marks**: a mark alone on a block's first line that cannot be read (`(0)`;
  not a list number) marks that block, its level unknown.
- **Illegible pages**: a page where fewer than `LEGIBLE_SHARE` of the letter tokens look like
  words cannot be read; its verdict is `illegible`, which is not a defect: no banner or portion
  finding is reported on it.

Every tolerant match carries a confidence below 1, reported as an `ocr-recognised` finding
(info).
"""

from __future__ import annotations

import re

from marklint.archives.block_labels import read_block_label
from marklint.archives.double_spaced import prose, rejoined, routing_lines, sentence_ends, set_apart_pieces, shapes
from marklint.archives.exemption_line import read_exemption_line
from marklint.archives.file_line import read_labels, statement_word, whole_text_word
from marklint.archives.form_boxes import beside_caption, merged_boxes, near_legend
from marklint.archives.garbled_marks import (glued_mark, glued_practice, leading_unreadable_mark, lone_unreadable_mark,
                                            marks_paragraph_starts, unreadable_mark)
from marklint.archives.group_line import read_group_label
from marklint.archives.ocr_blocks import (CONTINUED, LONE_MARK_RE, authority_line, copy_counts_aside, join_blocks,
                                         text_rows)
from marklint.archives.ocr_words import INSIDE_A_LINE, edit_cost, read_banner, read_mark, read_word, without_specks
from marklint.archives.struck_marks import marks_numbered_paragraphs, struck_mark, struck_whole_text
from marklint.archives.teletype import LEVEL_WORDS, continuation_banner, cut_bottom_banner, split_level
from marklint.document import Block, BlockKind, Document
from marklint.values import Value

LEGIBLE_SHARE = 0.4
EDGE_BLOCKS = 8
_COLUMNS_RE = re.compile(r"\s{2,}|\s+[^\w\s()/]+\s+")
_TOKEN_RE = re.compile(r"[A-Za-z]{3,}")


class Correction(Value):
    """A tolerant match: where it is, what the OCR wrote, what was read, and how sure."""

    _fields = ("line", "column", "written", "read", "confidence", "kind")

    def __init__(self, line: int, column: int, written: str, read: str, confidence: float,
                 kind: str = "banner") -> None:
        self.line, self.column, self.written, self.read, self.confidence = line, column, written, read, confidence
        self.kind = kind  # "banner" or "portion mark"


_STATEMENT_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)


class OcrResult(Value):
    """What OCR tolerance did to a document: its corrections, its illegible page numbers, the
    blocks (by `id`) whose trailing portion mark the scan left unreadable, and a cable's routing
    lines (`marklint.archives.double_spaced.routing_lines`), the pieces of paragraphs the
    scan set apart (`marklint.archives.double_spaced.set_apart_pieces`), the numbers of the
    pages whose paragraphs the layout cannot tell apart (one line a block, no paragraph numbers)
    and of those whose bottom banner the scan cut beyond reading
    (`marklint.archives.teletype.cut_bottom_banner`), and the level of a whole-text statement
    read in a cable's file line (`marklint.archives.file_line`), "" when unknown."""

    _fields = ("corrections", "illegible", "unreadable", "routing", "pieces", "untold", "cut_bottoms", "statement")

    def __init__(self) -> None:
        self.corrections: list[Correction] = []
        self.illegible: set[int] = set()
        self.unreadable: set[int] = set()
        self.routing: set[int] = set()
        self.pieces: set[int] = set()
        self.untold: set[int] = set()
        self.cut_bottoms: set[int] = set()
        self.statement: str | None = None  # a whole-text statement's level read in a file line ("": unknown)



def tolerate(doc: Document, vocab: object | None) -> OcrResult:
    """Apply OCR tolerance to `doc` in place (rejoin, split out and read banners) and return
    the corrections made and the illegible pages."""
    from marklint.mark_strings import banner_of

    result = OcrResult()
    shape = shapes(doc)
    text = "\n".join(block.text for page in doc.pages for block in page.blocks)
    struck, glued, opened = marks_numbered_paragraphs(text), glued_practice(text), marks_paragraph_starts(text)
    for page in doc.pages:
        if _illegible(page.blocks):
            result.illegible.add(page.number)
            continue
        layout = _blank_line_layout(page.blocks)  # judged on the blocks as the reader made them
        read = _vertical_banners(_boxes_apart(_continuation_headers(copy_counts_aside(page.blocks), vocab, result),
                                              result), vocab, result)
        prose_ends = sentence_ends(read) if layout else set()
        blocks = [_read_authority_lines(_read_trailing_mark(_noise_set_aside(part), result), result)
                  for block in read
                  for part in ([_as_prose(block)] if id(block) in prose_ends
                               else _read_block(block, vocab, result))]
        blocks = _marks_below_joined(blocks)
        page.blocks = rejoined(blocks, shape[page.number]) if layout else blocks
        if layout:
            result.routing |= routing_lines(page.blocks, shape[page.number])
            result.pieces |= set_apart_pieces(page.blocks, shape[page.number])
            if not shape[page.number].numbered:
                result.untold.add(page.number)
        if cut_bottom_banner(page.blocks):
            result.cut_bottoms.add(page.number)
        under_banner = False  # nothing above a page's top banner is a portion: a speck there is no mark
        for block in page.blocks:
            under_banner = under_banner or block.kind is BlockKind.LINE and banner_of(block.text, vocab) is not None
            _record_unreadable(block, unreadable_mark(block), result)
            if under_banner:
                _record_unreadable(block, lone_unreadable_mark(block), result)
            if glued:
                _record_unreadable(block, glued_mark(block), result)
            if opened:
                _record_unreadable(block, leading_unreadable_mark(block), result)
            if struck:
                _struck_mark(block, result)
    _read_whole_text_statement(doc, result)
    if result.statement is None:
        _read_struck_statement(doc, result)
    return result


def _read_struck_statement(doc: Document, result: OcrResult) -> None:
    """Record a whole-text statement whose level was struck through (`marklint.archives.struck_marks`):
    its level read as a banner word is, or unknown (confidence 0)."""
    for block in (block for page in doc.pages for block in page.blocks if block.kind in _STATEMENT_KINDS):
        found = struck_whole_text(block.text)
        if found is not None:
            reading = read_word(found[1].strip("-.,;:()—"))
            level, confidence = (reading[0], min(reading[1], 0.9)) if reading and reading[0] in LEVEL_WORDS else ("", 0.0)
            line, column = block.position_of(found[0])
            result.corrections.append(Correction(line, column, found[1], level, confidence, "whole-text statement"))
            result.statement = level
            return


def _as_prose(block: Block) -> Block:
    """A line of a sentence the scan set apart (`double_spaced.sentence_ends`), as the paragraph text it is."""
    return Block(BlockKind.PARAGRAPH, block.text, block.line, block.column, block.region, block.continuation_columns,
                 block.label)


def _read_authority_lines(block: Block, result: OcrResult) -> Block:
    """The block with the labels of an authority line read through their OCR slips (a cable's
    `RVA 2 JAN 2000 DRY` as `RVW 2 JAN 2000 DRV`, `marklint.archives.file_line`; an EO 11652
    line's `CLASSITYID Y 5A7S, XEDS 2` as `CLASSIFIED BY 5A7S, XGDS 2`,
    `marklint.archives.exemption_line`; a Group legend's `GROUP !` or `GROUP I` as `GROUP 1`,
    `marklint.archives.group_line`; a block's `Declassity on:` as `Declassify on:`,
    `marklint.archives.block_labels`), each reading recorded; the block itself when it holds
    none."""
    if block.kind is BlockKind.COMMENT or not re.search(r"DS\b|\d{2,4}[;.,]?[ \t]+D|OADR|GROUP|(?i:\b(?:on|by|from)[ \t]*:)",
                                                        block.text):
        return block
    rows = []
    for offset, row in text_rows(block.text):
        reading = (read_labels(row, edit_cost) or read_exemption_line(row, edit_cost) or read_group_label(row)
                   or read_block_label(row))
        if reading is not None:
            start, written, read, confidence = reading
            row = row[:start] + read + row[start + len(written):]
            line, column = block.position_of(offset + start)
            result.corrections.append(Correction(line, column, written, read.rstrip(), confidence, "authority line"))
        rows.append(row)
    text = "\n".join(rows)
    if text == block.text:
        return block
    return Block(block.kind, text, block.line, block.column, block.region, block.continuation_columns, block.label)


def _read_whole_text_statement(doc: Document, result: OcrResult) -> None:
    """Record the first whole-text statement after an authority element at a line's end (`...
    DRV D9C.1. ALL` over `SAIGALAD ...`; `marklint.archives.file_line`): its level read as a
    banner word is, or unknown (confidence 0) when the scan garbled its word beyond that."""
    from marklint.checks.legacy_authority import is_legacy_authority_line

    rows = [(block, offset, row) for page in doc.pages for block in page.blocks if block.kind is not BlockKind.COMMENT
            for offset, row in text_rows(block.text)]
    texts = [row for _, _, row in rows]
    for index, (block, offset, row) in enumerate(rows):
        if "ALL" not in row:
            continue
        found = whole_text_word(texts, index, is_legacy_authority_line)
        if found is None:
            continue
        reading = read_word(statement_word(found[1]))
        if reading is not None and reading[1] >= 1.0 and "/" not in found[1]:
            return  # written right on one line: no tolerance needed (`marklint.legacy_forms`)
        level, confidence = (reading[0], min(reading[1], 0.9)) if reading and reading[0] in LEVEL_WORDS else ("", 0.0)
        line, column = block.position_of(offset + found[0])
        result.corrections.append(Correction(line, column, found[1], level, confidence, "whole-text statement"))
        result.statement = level
        return


def _record_unreadable(block: Block, found: tuple[int, int, str] | None, result: OcrResult) -> None:
    """Record a block whose mark the scan left unreadable (`marklint.archives.garbled_marks`:
    where it stands and what the scan wrote), once: marked, its level unknown; reported with
    confidence 0."""
    if found is None or id(block) in result.unreadable:
        return
    result.unreadable.add(id(block))
    result.corrections.append(Correction(*found, "", 0.0, "portion mark"))


def _struck_mark(block: Block, result: OcrResult) -> None:
    """Record a numbered paragraph whose mark was struck through at declassification and read
    as junk (`1. -(75-3 ...`; `marklint.archives.struck_marks`): marked, its level unknown;
    reported with confidence 0."""
    struck = struck_mark(block)
    if struck is None or id(block) in result.unreadable:
        return
    result.unreadable.add(id(block))
    line, column = block.position_of(struck[0])
    result.corrections.append(Correction(line, column, struck[1], "", 0.0, "portion mark"))


def _continuation_headers(blocks: list[Block], vocab: object | None, result: OcrResult) -> list[Block]:
    """The blocks with each teletype continuation header whose spaced level the scan cut
    (`PAGE THREE CAR 97-2 SEC,` over `E T`; `marklint.archives.teletype`) set apart from its
    level, read as a banner line of its own; a header that is a banner as written
    (`PAGE 2 DAR ES SALAAM 1141 SECRET`) needs no reading."""
    from marklint.mark_strings import banner_of

    out: list[Block] = []
    index = 0
    while index < len(blocks):
        found = continuation_banner(blocks, index)
        if found is None or banner_of(blocks[index].text, vocab) is not None:
            split = split_level(blocks, index) if found is None else None
            if split is not None:  # a level box cut into lines (`SE` over `ET`)
                used, line, column, written, level, confidence = split
                out.append(Block(BlockKind.LINE, level, line, column, blocks[index].region, (), blocks[index].label))
                result.corrections.append(Correction(line, column, written, level, confidence))
            else:
                out.append(blocks[index])
                used = 1
            index += used
            continue
        used, cut, line, column, written, level, confidence = found
        header = blocks[index]
        out.append(Block(header.kind, header.text[:cut].rstrip(), header.line, header.column, header.region, (),
                         header.label))
        out.append(Block(BlockKind.LINE, level, line, column, header.region, (), header.label))
        result.corrections.append(Correction(line, column, written, level, confidence))
        index += used
    return out


def _boxes_apart(blocks: list[Block], result: OcrResult) -> list[Block]:
    """The blocks with a form's level and dissemination boxes that the scan ran together next
    to the form's legend (`SECRET NO FOREIGN DISSEM/NO DISSEM ABROAD`;
    `marklint.archives.form_boxes`) set apart: the level a banner line of its own."""
    near = near_legend(blocks) if len(blocks) > 1 else set()
    out: list[Block] = []
    for index, block in enumerate(blocks):
        merged = merged_boxes(block.text) if index in near and "\n" not in block.text else None
        if merged is None:
            out.append(block)
            continue
        level, cut = merged
        column = block.column + len(block.text) - len(block.text.lstrip())
        out.append(Block(BlockKind.LINE, level, block.line, column, block.region, (), block.label))
        out.append(Block(block.kind, block.text[cut:], block.line, block.column + cut, block.region, (), block.label))
        result.corrections.append(Correction(block.line, column, level, level, INSIDE_A_LINE))
    return out


_LETTER_RE = re.compile(r"[A-Z]")
MIN_VERTICAL = 4  # letters of a banner set one a line


def _vertical_banners(blocks: list[Block], vocab: object | None, result: OcrResult) -> list[Block]:
    """The blocks with each run of at least MIN_VERTICAL capital letters set one a line, on
    consecutive lines or one blank line apart, that spell a banner word (`S` / `E` / `R` / `E` /
    `T`, the scan having lost the C) read as that banner, at its first letter."""
    from marklint.mark_strings import banner_of

    out: list[Block] = []
    run: list[Block] = []
    for block in [*blocks, None]:
        letter = block is not None and _LETTER_RE.fullmatch(block.text.strip()) is not None
        if letter and (not run or block.line - run[-1].line <= 2):
            run.append(block)
            continue
        reading = read_word("".join(letter.text.strip() for letter in run)) if len(run) >= MIN_VERTICAL else None
        if reading is not None and banner_of(reading[0], vocab) is not None:
            first = run[0]
            written = " / ".join(letter.text.strip() for letter in run)
            result.corrections.append(Correction(first.line, first.column, written, reading[0],
                                                 min(reading[1], INSIDE_A_LINE)))
            out.append(Block(BlockKind.LINE, reading[0], first.line, first.column, first.region, (), first.label))
        else:
            out.extend(run)
        run = [block] if letter else []
        if block is not None and not letter:
            out.append(block)
    return out


def _illegible(blocks: list[Block]) -> bool:
    tokens = [token for block in blocks for token in _TOKEN_RE.findall(block.text)]
    if not tokens:
        return False
    words = sum(1 for token in tokens if _wordlike(token))
    return words < LEGIBLE_SHARE * len(tokens)


def _wordlike(token: str) -> bool:
    if not (token.isupper() or token.islower() or token.istitle()):
        return False
    return re.search("[aeiouyAEIOUY]", token) is not None and re.search("[^aeiouyAEIOUY]{5}", token) is None


# A portion mark ending a block as a scan leaves it: a slip inside (`(Cc)`, `(8S)`, `(5)`), the
# closing parenthesis lost (`(U`), or a speck after it (`(U) c`).
_TRAILING_MARK_RE = re.compile(r"(?<![\w(])\((?P<inner>[A-Za-z0-9]{1,3})(?P<close>\)?)(?P<specks>[ \t]+[a-z]{1,2})?[ \t]*$")
def _read_trailing_mark(block: Block, result: OcrResult) -> Block:
    """The block with a portion mark the scan damaged at its end read and rewritten (`(Cc)` as
    `(C)`), the reading recorded with its confidence; the block itself otherwise."""
    if block.kind in (BlockKind.COMMENT, BlockKind.LINE):
        return block
    match = _TRAILING_MARK_RE.search(block.text)
    if match is None or "\n" not in block.text and not prose(block.text[:match.start()]):
        return block  # a form's field number after its label (`NFD (8)`, `CABLE IDEN (11)`) marks no text
    reading = read_mark(match["inner"])
    if reading is None or (reading[1] >= 1.0 and match["close"] and not match["specks"]):
        return block
    confidence = min(reading[1], 0.9) if not match["close"] or match["specks"] else reading[1]
    mark = f"({reading[0]})"
    line, column = block.position_of(match.start())
    result.corrections.append(Correction(line, column, match.group().strip(), mark, confidence, "portion mark"))
    return Block(block.kind, block.text[:match.start()] + mark, block.line, block.column, block.region,
                 block.continuation_columns, block.label)


NOISE_LINES = 3  # lines a block of scanning noise may hold


# Words prose cannot do without; a garbled stamp holds none (`prac thP Opecrohrevwon <n 755`).
FUNCTION_WORDS = frozenset("a an the of to in on at by for with from and or but not no is are was were be been has "
                            "have had will would this that which it he she we they his her its their as".split())
_GARBLED_RE = re.compile(r"[A-Za-z]*[a-z][A-Z]+")  # capitals after small letters at a word's end: `thP`, `nT`, `FroM`


def _garbled(text: str) -> bool:
    """Whether a text is a stamp or a speck line the scan garbled, demonstrably no prose: a
    word ending in capitals after small letters (`thP`, `nT`), and no function word."""
    tokens = re.findall("[A-Za-z]+", text)
    return any(_GARBLED_RE.fullmatch(token) for token in tokens) \
        and not any(token.lower() in FUNCTION_WORDS and _wordlike(token) for token in tokens)


def _noise_set_aside(block: Block) -> Block:
    """A block of up to NOISE_LINES lines of scanning noise (no word of three letters or more
    that looks like a word, or garbled, `_garbled`; no mark, no authority line such as `CL BY
    059876`: `ooMe0oT] :` over `A , :`, `PY`, `;`, `1.9294445`, `HRG`, `int Sess nT ETISE,`) as
    a comment: not content, so neither a portion nor a page's first or last line."""
    text = block.text
    if block.kind in (BlockKind.COMMENT, BlockKind.LINE) or text.count("\n") >= NOISE_LINES or "(" in text \
            or (any(_wordlike(token) for token in _TOKEN_RE.findall(text)) and not _garbled(text)) \
            or authority_line(text):
        return block
    return Block(BlockKind.COMMENT, text, block.line, block.column, block.region, block.continuation_columns,
                 block.label)


def _blank_line_layout(blocks: list[Block]) -> bool:
    """Whether most blocks are single lines set one blank line apart (the OCR layout)."""
    singles = sum(1 for a, b in zip(blocks, blocks[1:]) if a.end_line == a.line and b.line == a.end_line + 2)
    return len(blocks) > 4 and singles >= 0.6 * (len(blocks) - 1)


def _marks_below_joined(blocks: list[Block]) -> list[Block]:
    """The blocks with a portion mark alone on the line right below an unmarked paragraph
    (`... handling this case.` over `(U)`) joined to it as its trailing mark."""
    from marklint.recognize import trailing_portion

    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (previous is not None and LONE_MARK_RE.fullmatch(block.text) and block.line == previous.end_line + 1
                and previous.kind in CONTINUED and not previous.text.startswith("(")
                and trailing_portion(previous.text) is None):
            out[-1] = join_blocks(previous, block)
        else:
            out.append(block)
    return out


def _first_line_banner(block: Block, vocab: object | None, result: OcrResult) -> list[Block] | None:
    """A multi-line block whose first line holds a banner among specks or beside a column
    (`r i : SECRET` over `ATTORNEY CLIENT PRIVILEGED MATERIAL`): the banner's block and the
    rest, or None."""
    first, rest = block.text.split("\n", 1)
    before = len(result.corrections)
    parts = _read_block(Block(block.kind, first, block.line, block.column, block.region, (), block.label),
                        vocab, result)
    if len(result.corrections) == before:
        return None
    columns = block.continuation_columns
    remainder = Block(block.kind, rest, block.line + 1, columns[0] if columns else 1, block.region,
                      columns[1:], block.label)
    return [*parts, remainder]


def _read_block(block: Block, vocab: object | None, result: OcrResult) -> list[Block]:
    """The block, or its parts with an OCR'd banner read and set on a line of its own."""
    if block.kind is BlockKind.COMMENT:
        return [block]
    if "\n" in block.text:
        return _first_line_banner(block, vocab, result) or [block]
    reading = read_banner(block.text, vocab)
    if reading is not None:
        result.corrections.append(Correction(block.line, block.column, block.text, *reading))
        return [Block(BlockKind.LINE, reading[0], block.line, block.column, block.region, (), block.label)]
    from marklint.mark_strings import banner_of

    columns = _columns(block.text)
    if len(columns) < 2:
        specked = without_specks(block.text, vocab)
        if specked is None:
            return [block]
        column = block.column + specked[0]
        result.corrections.append(Correction(block.line, column, *specked[1:]))
        return [Block(BlockKind.LINE, specked[2], block.line, column, block.region, (), block.label)]
    parts: list[Block] = []
    found: list[Correction] = []
    for start, text in columns:
        column = block.column + start
        reading = read_banner(text, vocab)
        if reading is None and banner_of(text, vocab) is not None:
            reading = (text, INSIDE_A_LINE)
        elif reading is None and (specked := without_specks(text, vocab)) is not None:
            start, text = start + specked[0], specked[1]
            column = block.column + start
            reading = specked[2:]
        if reading is not None:
            found.append(Correction(block.line, column, text, *reading))
            parts.append(Block(BlockKind.LINE, reading[0], block.line, column, block.region, (), block.label))
        else:
            kind = BlockKind.COMMENT if _STAMP_SPECK_RE.fullmatch(text.strip()) else \
                block.kind if not parts else BlockKind.PARAGRAPH  # a lone word beside a banner is no portion
            parts.append(Block(kind, text, block.line, column, block.region, (), block.label))
    if not found:
        return [block]
    result.corrections.extend(found)
    return parts


_STAMP_SPECK_RE = re.compile(r"[^\s()]*[A-Za-z][^\s()]*")  # one word, no mark: a stamp's fragment (`eouait`)


def _columns(text: str) -> list[tuple[int, str]]:
    """The columns of a line: (offset, text) of each stretch between column gaps."""
    columns, start = [], 0
    for gap in [*_COLUMNS_RE.finditer(text), None]:
        end = len(text) if gap is None else gap.start()
        if text[start:end].strip():
            columns.append((start, text[start:end]))
        if gap is not None:
            start = gap.end()
    return columns


# Page-level findings that an illegible page cannot support.
_PAGE_RULES = frozenset({"banner-missing-top", "banner-missing-bottom", "portion-missing", "portion-placement"})


def legible(findings: list, result: OcrResult) -> list:
    """`findings` without the page-level ones on illegible pages (each tolerant reading is
    reported by the ocr-recognised rule, `marklint.checks.rules.ocr_recognised`)."""
    return [f for f in findings if not (f.rule in _PAGE_RULES and f.page in result.illegible)]


def settle_edges(pages: list) -> None:
    """Give each page (`marklint.recognize.PageMarks`) without a top or bottom banner the
    first or last banner among its first or last EDGE_BLOCKS content blocks (on a page short
    enough for both, the edge the banner stands nearer); its top banner also the first banner
    in its upper half that is a message form's classification box (`form_boxes.beside_caption`)."""
    for marks in pages:
        if not marks.banners or (marks.top is not None and marks.bottom is not None):
            continue
        content = [block for block in marks.page.blocks if block.kind is not BlockKind.COMMENT]
        order = {id(block): index for index, block in enumerate(content)}
        if marks.top is None:
            first = marks.banners[0]
            at = order.get(id(first.block), len(content))
            boxed = at < len(content) / 2 and beside_caption([block.text for block in content], at)
            nearer_top = at <= len(content) - 1 - at  # on a short page, the edge it stands nearer
            if (at < EDGE_BLOCKS and nearer_top or boxed) and first is not marks.bottom:
                marks.top = first
        if marks.bottom is None:
            last = marks.banners[-1]
            if order.get(id(last.block), -1) >= len(content) - EDGE_BLOCKS and last is not marks.top:
                marks.bottom = last
