"""The shapes of lines that readers and the recognizer both look for: a line that may be a
banner, a portion mark at the start of a block, a page number.

These are patterns of shape only (cheap prefilters and pieces that readers embed in their own
scanners); whether a candidate is a marking is the recognizer's and the parser's question
(`marklint.recognize`, `marklint.markings`). This module imports nothing of marklint's but the
legacy line shapes, so any reader can import it.
"""

from __future__ import annotations

import re

from marklint.legacy_forms import LEGACY_LINE

_LEVEL = r"(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|RESTRICTED|CUI|CONTROLLED|COSMIC TOP SECRET|NATO)"

# Stripped line that may be a banner: starts with a level word (a whole word: not SECRETARIAT),
# `//` (non-US) or an abbreviated level followed by `//`, and has no lower-case letter; or a
# spelled-out level in any case followed by `//` (spaces allowed around it: `Secret // NF`);
# or cable style (S E C R E T).
# BANNER_BODY never crosses a line end, so readers can embed it in multi-line patterns.
BANNER_BODY = (
    rf"(?:(?:{_LEVEL}\b|//|(?:TS|S|C|U)//)[^a-z\n]{{0,300}}"
    r"|(?i:top secret|secret|confidential|unclassified|cui)[ \t]*//[ \t]*\S.{0,300}"
    r"|(?:[A-Z] {1,3}){2,}[A-Z](?://[^a-z\n]{0,300})?"
    + LEGACY_LINE +
    ")"
)
BANNER_CANDIDATE_RE = re.compile(BANNER_BODY + "$")

# A parenthesised portion mark of a US level or a non-US marking (`(S//NF)`, `(//CTS)`).
MARK_BODY = (
    r"\((?:(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|TS|S|C|U|R|CUI|CONTROLLED|SBU|AIUO|FOUO|LOU)"
    r"(?:[ \t]*/[A-Z0-9_ ,/\-]{0,200})?|//[A-Za-z0-9_ ,/\-]{1,200})\)"
)
# A portion mark at the start of text: followed by whitespace or the end (not `(S)he`), and not
# a copyright sign (`(C) 2024`, `(C) Copyright`; only `(C)` is one: `(U) 2024` opens a portion
# about a year, as a table's cell does), nor the letters of a classification reason carried to
# the next line (`REASON: 1.5(B),` over `(C) AND (D).`). A pattern's text, embedded in larger
# patterns (here and by the text reader): compiling it alone would only cost start-up time.
PORTION_START = (rf"{MARK_BODY}(?=\s|$)(?!(?<=\(C\))(?:\s+(?:\d{{4}}\b|[Cc]opyright)"
                 r"|,?\s+(?:AND|and)\s+\([A-H]\)|,\s*\([A-H]\)))")

# A Markdown footnote's label (`[^1]:`, `[^note-2]:`), before the footnote's text.
FOOTNOTE_LABEL = r"\[\^[\w-]{1,20}\]:"

# A page number line: `- 3 -`, `Page 2 of 5`, `(page 4)`, `7`, `2 of 9`.
# A table's or figure's number before its caption (`Table 1.`, `Figure 2-3:`, `Fig. 4`), and a
# document part's before its title (`CHAPTER 1.`, `Section 2:`, `ARTICLE IV.`, `Annex B.`).
_LABEL_NUMBER = r"[ \t]+[0-9A-Z](?:[0-9A-Z.-]{0,6}[0-9A-Z])?[.:]?"
CAPTION_NUMBER = r"(?:Table|TABLE|Figure|FIGURE|Fig\.|Chart|CHART|Map|MAP|Exhibit|EXHIBIT)" + _LABEL_NUMBER
# A numbered paragraph's opening (`3. The report ...`), its number in the group `number`.
NUMBERED_PARAGRAPH_RE = re.compile(r"\s*(?P<number>\d{1,3})\.\s")
# A caption's start: its number, after the caption's portion mark where the writer put it first
# (`(U) Table 1. Tests by year`, as P-02 places a mark) or not (`Table 1. (U) Tests by year`).
CAPTION_START = rf"(?:{MARK_BODY}[ \t]+)?{CAPTION_NUMBER}"
PART_NUMBER = (r"(?:Chapter|CHAPTER|Section|SECTION|Part|PART|Article|ARTICLE|Annex|ANNEX|Appendix|APPENDIX)"
               + _LABEL_NUMBER)

# A page's number: `3`, an annex's or chapter's page (`A-3`, `2-4`), front matter's (`iv`; a
# lone `i`, `v` or `x` only after `Page` or between dashes).
_PAGE = r"(?:\d{1,4}|[A-Z]{1,2}-\d{1,3}|\d{1,2}-\d{1,3}|(?-i:[ivxlc]{%s,6}))"
PAGE_NUMBER_RE = re.compile(
    rf"(?:-[ \t]*{_PAGE % 1}[ \t]*-|\(?[ \t]*(?:page:?|pg\.|p\.)[ \t]*{_PAGE % 1}(?:[ \t]+of[ \t]+\d{{1,4}})?"
    rf"[ \t]*\)?|{_PAGE % 2}|{_PAGE % 2}[ \t]+of[ \t]+\d{{1,4}})",
    re.IGNORECASE,
)


def is_page_number(text: str) -> bool:
    """True when the whole (stripped) text is a page number such as `Page 2 of 5` or `- 3 -`."""
    return PAGE_NUMBER_RE.fullmatch(text.strip()) is not None


# A draft's watermark line, which word processors and writers put above the top banner and below
# the bottom one (`DRAFT`, `WORKING DRAFT`, `PRE-DECISIONAL DRAFT`, `DRAFT -- NOT FOR RELEASE`).
WATERMARK_RE = re.compile(
    r"\s*(?:WORKING |FINAL |PRE-?DECISIONAL |DELIBERATIVE )?DRAFT(?:[ \t]*[-–—/]{1,2}[ \t]*(?:NOT FOR (?:RELEASE"
    r"|DISTRIBUTION)|PRE-?DECISIONAL|DELIBERATIVE|DO NOT (?:CITE|DISTRIBUTE)))?\s*")


def is_watermark(text: str) -> bool:
    """True when the whole text (spaces around it aside) is a draft's watermark line (`DRAFT`)."""
    return WATERMARK_RE.fullmatch(text) is not None
