"""Portion marks struck through at declassification (OCR tolerance, `marklint.archives.ocr`).

A released copy's reviewer often draws a line through each paragraph's mark; the scan then
reads the struck mark as junk where the mark stood, right after the paragraph's number: `1.
-(75-3 OYMEN SAID ...`, `4. 4at ...`, `6. .0.0 THE ...`, `7. —f-S+`. In a document that marks
its numbered paragraphs (at least one `N. (C) ...` survives), such a token is the paragraph's
mark: the paragraph is marked, its level unknown, and the reading is reported with confidence 0
like any unreadable mark.

A token is junk when it holds a letter or a digit, opens with no bracket (a mark such as
`(S//REL TO USA, FVEY)`, a list item `(a)`, a parenthetical) and is, quotes and punctuation at
its ends dropped, none of what a paragraph really opens with: a word (`THE`, `OYMEN'S`,
`[REDACTED]`), a number or an amount (`1996`, `$500`, `12:30`), an ordinal (`1ST`), an
abbreviation (`U.S.`), a designator (`F-16`, `B1`) or a subject's topics (`UK/ESDP:`); a number
the strike ran into (`8. 4411- ALTHOUGH`) is junk, and so is a letter or two in brackets with a
speck (`7. (.e) RESPONDING`). A later scan renders the strike as tildes (`2. ~ THIS CABLE`,
`5. ~ACTING SECRETARY`).

A telegram classified as a whole says so in its first paragraph (`1. CONFIDENTIAL ENTIRE
TEXT.`); struck through, its level reads as junk before `ENTIRE TEXT` (`1. -CetriP-I-19•ErNT-I-A4.--
ENTIRE TEXT.`): the statement still stands for every portion's mark, its level unknown.
"""

from __future__ import annotations

import re

from marklint.document import Block, BlockKind

# A numbered paragraph's opening: its number, then the token where its mark stands; or a telegram's
# subject line, whose mark follows its label (`SUBJECT:4ei- THE DEPUTY SECRETARY'S CONVERSATION`).
_OPENING_RE = re.compile(r"\A(?:[^\w\n]{0,2}\d{1,2}\.[ \t]+|SUBJ(?:ECT)?:[ \t]*)(?P<token>\S{1,12})(?=\s)")
# A numbered paragraph whose mark survived (`2. (C) ...`, `1. (S/NF) ...`).
_MARKED_RE = re.compile(r"^[^\w\n]{0,2}\d{1,2}\.[ \t]+\((?:TS|S|C|U)(?:[/ ][A-Z/ -]{0,20})?\)", re.MULTILINE)
# What a numbered paragraph really opens with, once quotes and brackets before it and punctuation
# after it are dropped.
_NOT_JUNK_RE = re.compile(
    r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*"  # a word
    r"|[$\u00a3\u20ac]?\d[\d,.:/%-]*(?<!-)"  # a number, an amount, a time, a date (struck: `4411-`)
    r"|\d+(?:ST|ND|RD|TH|st|nd|rd|th)"  # an ordinal
    r"|[A-Za-z](?:\.[A-Za-z]){1,3}"  # an abbreviation
    r"|[A-Za-z]{2,}(?:/[A-Za-z]{2,})+"  # a telegram subject's topics (`SUBJECT: UK/ESDP: HMG AGREES ...`)
    r"|[A-Za-z]{1,4}-?\d{1,5}[A-Za-z]?"  # a designator
)
# A numbered paragraph opening with a token, then `ENTIRE TEXT`.
_WHOLE_TEXT_RE = re.compile(r"^[^\w\n]{0,2}\d{1,2}\.[ \t]+(?P<token>\S{3,30})[ \t]+ENTIRE[ \t]+TEXT\b", re.MULTILINE)
# A struck mark whose brackets survived around junk: a letter or two with a speck inside (`(.e)`, `(5.)-`),
# which no list item (`(a)`, `(iv)`) nor parenthetical holds.
_GARBLED_MARK_RE = re.compile(r"\((?=[^)]{0,3}[^\w\s)])[^\w\s]{0,2}\w{1,2}[^\w\s)]{0,2}\)[^\w\s]{0,2}")
_OPENERS, _CLOSERS = "\"'\u201c[", "\"'\u201d].,;:!?"
_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.SUBJECT)


def marks_numbered_paragraphs(text: str) -> bool:
    """Whether a text marks its numbered paragraphs: at least one opens `N. (C)`."""
    return _MARKED_RE.search(text) is not None


def struck_mark(block: Block) -> tuple[int, str] | None:
    """(offset, token) of the junk a struck-through mark left after a numbered paragraph's
    number (`1. -(75-3 ...`), or None when the paragraph opens with anything else."""
    if block.kind not in _KINDS:
        return None
    match = _OPENING_RE.match(block.text)
    if match is None:
        return None
    token = match["token"]
    core = token.lstrip(_OPENERS).rstrip(_CLOSERS)
    if _GARBLED_MARK_RE.fullmatch(token):
        return match.start("token"), token
    if set(token) == {"~"}:  # a later scan's rendering of the strike
        return match.start("token"), token
    if token.startswith("(") or not re.search("[A-Za-z0-9]", token) or _NOT_JUNK_RE.fullmatch(core):
        return None  # a mark, a list item or a parenthetical opens with a bracket
    return match.start("token"), token


def struck_whole_text(text: str) -> tuple[int, str] | None:
    """(offset, token) of the junk a struck-through level left in a numbered paragraph's
    whole-text statement (`1. -CetriP-I-19•ErNT-I-A4.-- ENTIRE TEXT.`), or None when the text
    has none (a level written right is `marklint.legacy_forms.whole_text_statement`'s)."""
    if "ENTIRE" not in text:
        return None
    for match in _WHOLE_TEXT_RE.finditer(text):
        token = match["token"]
        if re.search("[A-Za-z]", token) and not _NOT_JUNK_RE.fullmatch(token.lstrip(_OPENERS).rstrip(_CLOSERS)):
            return match.start("token"), token
    return None
