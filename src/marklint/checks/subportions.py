"""Blocks that share the portion mark of a block above them: sub-items of a lead-in (P-06) and
a paragraph's part carried over a page break (P-01).

Segments of a portion at its own level may share the parent's mark (P-06; 32 CFR
2001.21(c)(3); ICMSRM16 §C p.25), but bullets and sub-paragraphs are portions of their own
(P-01). marklint takes only the segments that cannot stand alone to share it: a run of list
items after a marked paragraph or item that ends with a colon, each item a fragment of its
sentence opening in lower case (`a. the first serial departs at 0600;`), none of them marked
(a writer who marks one of them marks them all). A sub-item that opens a sentence of its own
(`- The depot will ship it by air.`) needs its own mark. Under a lead-in without a mark, such
fragments share its want of one: one finding, at the lead-in.

A paragraph cut by a page break is one portion, marked once where it starts: the first block
of text under a page's top banner goes on with the last block of the page before when that one
stops mid-sentence at a word and this one reads on (`marklint.archives.split_paragraphs`).

A telegram (a State cable, known by its `TAGS:` line) is written in numbered paragraphs, each
marked once after its number: a paragraph's talking points (`-- We urge ...`) and the letter it
quotes between `Begin text:` and `End text.` are that paragraph's (P-06). An unmarked numbered
paragraph is one finding, not one per part.
"""

from __future__ import annotations

import re

from marklint.archives.split_paragraphs import continues_paragraph
from marklint.document import Block, BlockKind
from marklint.lineshapes import NUMBERED_PARAGRAPH_RE

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.recognize import PageMarks

# A list item's label (its style: a number, a letter, a number or letter in parentheses, a
# bullet), then the first letter of its text.
_LABEL_RE = re.compile(r"\s*(?:(?P<number>\d{1,3}[.)])|(?P<letter>[a-zA-Z][.)])|(?P<pnumber>\(\d{1,3}\))"
                       r"|(?P<pletter>\([a-z]\))|(?P<bullet>[•·*]|-{1,3}))\s+(?P<lower>[a-z])?")
_STYLES = ("number", "letter", "pnumber", "pletter", "bullet")
_PARENTS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)


def _label(item: Block) -> tuple[str | None, bool]:
    """A list item's label style (None when it has no label) and whether its text opens in lower case."""
    match = _LABEL_RE.match(item.text) if item.kind is BlockKind.LIST_ITEM else None
    if match is None:
        return None, False
    return next(style for style in _STYLES if match.group(style)), match.group("lower") is not None


def _lead_in_runs(page: PageMarks, marked: set[int]):
    """Each list run under a paragraph or item that ends with a colon: (the lead-in, its items
    of one label style, fragments or marked)."""
    blocks = page.page.blocks
    index = 0
    while index < len(blocks):
        parent = blocks[index]
        index += 1
        if parent.kind not in _PARENTS or not parent.text.rstrip().endswith(":"):
            continue
        run = []
        style = None
        while index < len(blocks):
            item_style, lower = _label(blocks[index])
            if item_style is None or (style is not None and item_style != style) \
                    or not (lower or id(blocks[index]) in marked):
                break
            style = item_style
            run.append(blocks[index])
            index += 1
        yield parent, run


def sharing_parent_marks(pages: list[PageMarks]) -> set[int]:
    """The unmarked list items (by `id`) that share their parent's mark (P-06)."""
    shared: set[int] = set()
    for page in pages:
        marked = {id(mark.block) for mark in page.portions}
        for parent, run in _lead_in_runs(page, marked):
            if id(parent) in marked and not any(id(item) in marked for item in run):
                shared.update(id(item) for item in run)
    return shared


def unmarked_lead_in_items(pages: list[PageMarks]) -> dict[int, int]:
    """The unmarked fragments (by `id`) listed under an unmarked lead-in, each with its lead-in's
    `id`: they would share its mark, so they share its want of one (one finding, at the lead-in)."""
    items: dict[int, int] = {}
    for page in pages:
        marked = {id(mark.block) for mark in page.portions}
        for parent, run in _lead_in_runs(page, marked):
            if id(parent) not in marked and not any(id(item) in marked for item in run):
                items.update(dict.fromkeys(map(id, run), id(parent)))
    return items


def carried_over_page_breaks(pages: list[PageMarks], furniture: set[int]) -> set[int]:
    """The unmarked blocks (by `id`) atop a page that go on with the paragraph at the foot of the
    page before, across that page's bottom banner, its number and the next top banner (P-01:
    one portion, one mark). `furniture` holds the blocks that are no text of the document."""
    carried: set[int] = set()
    edges = [page.edge_text_blocks(1, furniture) for page in pages]  # (first, last) of each page's text
    for (_, last), ((first, _), page) in zip(edges, zip(edges[1:], pages[1:])):
        marked = {id(mark.block) for mark in page.portions}
        if last and first and id(first[0]) not in marked and continues_paragraph(first[0], last[0]):
            carried.add(id(first[0]))
    return carried


_TAGS_RE = re.compile(r"^\s*TAGS\s?:\s*[A-Z]{2,}", re.MULTILINE)
_POINT_RE = re.compile(r"\s*(?:-{1,3}|[•·*])\s")
_BEGIN_RE = re.compile(r"(?i)\bbegin\s+(?:text|points|quote|talking\s+points)\b")
_END_RE = re.compile(r"(?i)\s*end\s+(?:text|points|quote|talking\s+points)\b")


def telegram_paragraph_parts(pages: list[PageMarks], text: str) -> set[int]:
    """The unmarked blocks (by `id`) of a telegram that belong to the numbered paragraph above
    them: its talking points, and what it quotes from `Begin text` to `End text` (or points, or
    quote). They share its mark, or its want of one (one finding, at the number). A plain
    paragraph after it stays a portion of its own. Empty for other documents (`text`, the
    document's, has no `TAGS:` line)."""
    if "TAGS" not in text or _TAGS_RE.search(text) is None:
        return set()
    blocks = [block for page in pages for block in page.page.blocks]
    marked = {id(mark.block) for page in pages for mark in page.portions}
    parts: set[int] = set()
    numbered = quoting = False  # a numbered paragraph has begun; its quotation is open
    for block in blocks:
        begins = _BEGIN_RE.search(block.text) is not None
        if NUMBERED_PARAGRAPH_RE.match(block.text):
            numbered, quoting = True, begins
            continue
        if not numbered or id(block) in marked or block.kind not in _PARENTS:
            continue
        if quoting or begins or _POINT_RE.match(block.text):
            parts.add(id(block))
            quoting = (quoting or begins) and not _END_RE.match(block.text)
    return parts
