"""Portion marks the scan left unreadable (under OCR tolerance, `marklint.archives.ocr`): each
marks its portion with a level unknown, reported with confidence 0. Each reader returns where
the mark stands and what the scan wrote, (line, column, written), or None.

- A mark after a paragraph's last sentence whose letters or brackets the scan misread
  (`Saturday. _(100)_`, `the article. {)`).
- A mark alone on a block's first line that reads as no level and no list item (`(0)`), or
  opening it before the paragraph's text in a document that marks its paragraphs at their
  starts (`(0) On 13 November`, `(rs CCo) On 9 November` for (TS CCO)).
- A mark typed right after a sentence's last word, as the FBI marked sentences and paragraphs
  at their ends, that the scan ran into the word or lost its opening bracket (`Directorate
  RI(5)`, `in the west!S) Likewise,`, `at the "CENTER" 5)`): read where the document shows
  that practice (`GLUED_PRACTICE` such marks at least), since one alone could be a stray
  bracket.
"""

from __future__ import annotations

import re

from marklint.archives.ocr_blocks import CONTINUED, text_rows
from marklint.archives.ocr_words import read_mark
from marklint.document import Block, BlockKind

# After a paragraph's last sentence, where a trailing mark stands: a parenthesised token of up to
# four letters or digits whose brackets the scan may have misread (`Satuxday. _(100)_--`,
# `the article. {)`), with specks of rule or underline around it; not an order's section and its
# letter (`REASON 1.5. (D)`), nor a translator's note in doubled brackets (`a silk vest. ((A))`).
_UNREADABLE_MARK_RE = re.compile(
    r"(?<!\d\.\d)[.?!][\"'\u2019\u201d]?[ \t]+[_\W]{0,3}?(?<![({\[<])(?P<mark>[({\[<][A-Za-z0-9]{0,4}[)}\]>])"
    r"(?![)}\]>])[_\W]{0,4}$", re.MULTILINE)


def unreadable_mark(block: Block) -> tuple[int, int, str] | None:
    """A block's trailing portion mark that the scan left unreadable (`(100)`, `{)`; at
    the end of its last sentence, which may be followed by lines of noise): the paragraph is
    marked, its level unknown. A paragraph that opens with its own mark carries no second one
    at its end: what closes it there is a source cited (`(AFP)`)."""
    from marklint.recognize import opens_with_portion_mark, trailing_portion

    if block.kind not in CONTINUED or opens_with_portion_mark(block):
        return None
    match = _UNREADABLE_MARK_RE.search(block.text)
    inner = match["mark"][1:-1] if match is not None else ""
    if match is None or (inner and read_mark(inner) is not None) \
            or trailing_portion(block.text[:match.end("mark")]) is not None:
        return None  # none, or a mark that reads
    return *block.position_of(match.start("mark")), match["mark"]


# A mark alone on its line that the scan left unreadable (`(0)`): brackets around one or two letters or
# digits that are no level and no list item (`(4)`, `(b)`, `(iv)` number a list; `(321P)` is a routing
# field's value).
_LONE_UNREADABLE_RE = re.compile(r"[({\[<](?P<inner>[A-Za-z0-9]{1,2})[)}\]>]")
_ENUMERATOR_RE = re.compile(r"[1-9]\d?|[A-Za-z]|[ivxlIVXL]{1,4}")


def lone_unreadable_mark(block: Block) -> tuple[int, int, str] | None:
    """A mark standing alone on a block's first line that the scan left unreadable
    (`(0)`, as likely (C) as (O) or (D)): the block, or the paragraph it heads, is a portion of
    unknown level; reported with confidence 0."""
    match = _LONE_UNREADABLE_RE.fullmatch(block.text.split("\n", 1)[0].strip())
    if block.kind is BlockKind.COMMENT or match is None or read_mark(match["inner"]) is not None \
            or _ENUMERATOR_RE.fullmatch(match["inner"]):
        return None
    return block.line, block.column, match.group()


# A paragraph's opening mark the scan left unreadable, the text going on after it on its line:
# one or two letters or digits, alone or before a word of capitals (`(0) On`, `(rs CCo) On`); not
# a list's number or letter (`(4)`, `(b)`: `_ENUMERATOR_RE`) nor a phrase in brackets (`(see ...)`).
_LEADING_UNREADABLE_RE = re.compile(r"[({\[<](?P<inner>[A-Za-z0-9]{1,2}(?: [A-Z][A-Za-z]{1,4})?)[)}\]>](?=[ \t]+[A-Za-z])")
# A readable mark opening a paragraph (`(U) According to ...`, `(TS CCO) The ...`).
_OPENING_MARK_RE = re.compile(r"^\((?:TS|S|C|U)(?:[/ ][A-Z][A-Z/ -]{0,20})?\)[ \t]+[A-Za-z]", re.MULTILINE)
OPENING_PRACTICE = 3  # paragraphs opened by a readable mark in a document that marks its paragraphs so


def marks_paragraph_starts(doc_text: str) -> bool:
    """Whether a document marks its paragraphs at their starts: OPENING_PRACTICE of them at
    least open with a readable mark."""
    return "(" in doc_text and len(_OPENING_MARK_RE.findall(doc_text)) >= OPENING_PRACTICE


def leading_unreadable_mark(block: Block) -> tuple[int, int, str] | None:
    """A mark opening a paragraph, its text going on after it on its line, that the scan left
    unreadable (`(0) On 13 November`), in a document that marks its paragraphs at their starts
    (the caller asks `marks_paragraph_starts`): the paragraph is marked, its level unknown."""
    match = _LEADING_UNREADABLE_RE.match(block.text)
    if block.kind not in CONTINUED or match is None or read_mark(match["inner"]) is not None \
            or _ENUMERATOR_RE.fullmatch(match["inner"]):
        return None
    return block.line, block.column, match.group()


# A mark typed after a sentence's last word that the scan ran into it or whose opening bracket
# it lost, closing a bracket that nothing on its line opened: one level letter (S often read as
# 5) in brackets run into a word or number (`RI(5)`, `5457(5)`; not a reason's `1.4(C)` nor a
# FOIA exemption's `(b)(5)`), after a stop or quote (`west!S)`), or after a space (`"CENTER" 5)`);
# never a word's own last letter (`BRUSSELS)`) nor a line's first word (a list's `5)`); or run
# into a word at the line's end, its closing bracket lost (`TEHRAN(S`).
_GLUED_RE = re.compile(r"(?:(?<=[^\s()])(?<!\d\.\d)\([5SCU]|(?<=[!.,;:\"'])[5SCU]|(?<=[\w\"'] )[5S])\)(?=[\s\"'.,;]|$)"
                       r"|(?<=[A-Za-z])\([5SCU](?=[ \t]*$)")
GLUED_PRACTICE = 3  # such marks in a document that shows the practice


def _glued(line: str) -> list[re.Match]:
    return [match for match in _GLUED_RE.finditer(line)
            if line.count("(", 0, match.start()) <= line.count(")", 0, match.start())]


def glued_practice(doc_text: str) -> bool:
    """Whether a document's text shows marks typed after its sentences and run into them
    (`_GLUED_RE`), GLUED_PRACTICE of them at least."""
    if ")" not in doc_text and "(" not in doc_text:
        return False
    return sum(len(_glued(line)) for line in doc_text.split("\n") if "(" in line or ")" in line) >= GLUED_PRACTICE


def glued_mark(block: Block) -> tuple[int, int, str] | None:
    """The first mark of a block run into its sentence's last word (`_GLUED_RE`), in a
    document that shows the practice (the caller asks `glued_practice`): marked, its level
    unknown (as likely (S) as a slip of another letter), reported with confidence 0."""
    from marklint.recognize import opens_with_portion_mark, trailing_portion

    if block.kind not in CONTINUED or ")" not in block.text and "(" not in block.text \
            or opens_with_portion_mark(block) or trailing_portion(block.text) is not None:
        return None
    for offset, line in text_rows(block.text):
        found = _glued(line)
        if found:
            return *block.position_of(offset + found[0].start()), found[0].group()
    return None

