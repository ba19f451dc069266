"""The structure model: what each block of a page is, and whether it needs a portion mark.

A marking reviewer does not read a document line by line against a list of patterns: a line
is a letterhead because it stands above the date in capitals, a greeting because it is a
short line ending in a comma just before the first paragraph of a message, a signature because
it follows a closing or ends the message. This module reads a page the same way, from three
kinds of evidence (marking-rules.md P-01, B-09):

- patterns, kept as rule-set data: `portions.exempt` (administrative elements wherever they
  stand: header fields, dates, distribution lists, ...), the authority block and CUI
  designation lines, a configuration's `exempt:` list, and `portions.layout` (greeting,
  signature-mark and contact patterns, which count only with the right position and shape);
- shape: a short line, a trailing comma, capitals or title case (every word capitalised but
  small connecting words, as names, titles and offices are written), a phone, e-mail or web
  address, a sentence (ends in `.`, `?` or `!` after a lower-case word);
- position and neighbours: the first lines of the first page above the date or memo header
  (letterhead) and between header lines (addressee), the line before the first paragraph of a
  message (greeting), the lines after a closing or a distribution heading, and the lines
  between the last portion and the authority block, a closing banner, a forwarded or quoted
  message or the end of the page (signature).

`page_roles` gives every block of a page a `Role`: its kind, whether it needs a portion mark,
and why not. The portion check asks it for unmarked blocks; `marklint explain` prints it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from marklint.block_shapes import (BLOCK_MAX_LINES, QUOTE_PREFIX_RE, SUBJECT_LABEL_RE, LayoutPatterns, block_lines,
                                   is_closing_shaped, is_contact, is_greeting_shaped, is_quoted, is_signature_shaped,
                                   matches, plain_line)
from marklint.captioned_tables import captioned_tables
from marklint.document import Block, BlockKind
from marklint.legacy_forms import control_line
from marklint.lineshapes import NUMBERED_PARAGRAPH_RE, is_page_number
from marklint.name_lines import NAME_MAX_WORDS, is_distribution_entry, is_name_like
from marklint.values import FrozenValue

TYPE_CHECKING = False
if TYPE_CHECKING:
    from marklint.recognize import PageMarks

CONFIGURED = "configured"  # what a pattern of the configuration's `exempt:` list is called
# What the exempt patterns' names mean, for messages and `explain`; an office's own pattern
# names are shown as they are.
_PATTERN_KINDS = {
    "memo-header": "header field", "email-header": "header field", "metadata": "metadata field",
    "date-line": "date", "salutation": "salutation", "signature": "signature", "page-number": "page number",
    "distribution": "distribution list", "letterhead": "letterhead", "address": "address",
    "forward-header": "forwarded-message header", "authority": "authority block",
    "list-label": "list label", "telegram-heading": "telegram heading", "contents": "table of contents",
    "designation": "designation indicator", CONFIGURED: "administrative (configured)",
}
_READER_KINDS = {
    BlockKind.PARAGRAPH: "paragraph", BlockKind.HEADING: "heading", BlockKind.SUBJECT: "subject line",
    BlockKind.LIST_ITEM: "list item", BlockKind.TABLE_CELL: "table cell", BlockKind.LINE: "line",
    BlockKind.QUOTE: "quotation", BlockKind.COMMENT: "comment",
}
# Formats whose headings are guessed from capitals, not read from markup: there a short line
# in capitals is as likely a typed name as a heading, so a message calls it a line.
_GUESSED_HEADINGS = ("text", "email")
# Formats whose headings are set by the writer (a Markdown `#`, an HTML `<h1>`, a Word or
# PowerPoint title style): a line set as a heading is a title, never a letterhead.
_MARKUP_HEADINGS = ("markdown", "html", "rst", "asciidoc", "docx", "odt", "pptx")
TITLE_MAX_WORDS = 15  # a document or section title on one line


class Role(FrozenValue):
    """What a block is (`kind`: letterhead, salutation, paragraph, ...), whether it needs a
    portion mark, and why it does not (None when it does, or when it carries one)."""

    _fields = ("kind", "needs_mark", "why")

    def __init__(self, kind: str, needs_mark: bool, why: str | None = None) -> None:
        self.__dict__.update(kind=kind, needs_mark=needs_mark, why=why)


def display_kind(block: Block, doc_format: str) -> str:
    """The kind of block a message names: the reader's kind, except a heading guessed from
    capitals in plain text (as likely a typed name) and a list item whose "number" is the area
    code of a phone number, which are lines."""
    kind = block.kind
    if kind is BlockKind.HEADING and doc_format in _GUESSED_HEADINGS:
        return "line"
    if kind is BlockKind.LIST_ITEM and re.match(r"\(\d{3}\)\s?\d{3}[-.]\d{4}", block.text):
        return "line"
    return _READER_KINDS.get(kind, kind.value)


class _Entry:
    """A content block of a page and what is known of it so far."""

    __slots__ = ("block", "state", "role")

    def __init__(self, block: Block, state: str, role: Role | None) -> None:
        self.block = block
        self.state = state  # "banner" | "marked" | "open" (unmarked, not yet explained) | "admin"
        self.role = role


_ADMIN_ANCHORS = ("header field", "metadata field", "date", "salutation", "forwarded-message header")


def page_roles(marks: PageMarks, first_page: bool, exemption: Callable[[str], str | None],
               patterns: LayoutPatterns, doc_format: str, portions_before: bool = False,
               titles: bool = True, classified: bool = False, scanned: bool = False) -> dict[int, Role]:
    """The Role of every block of a page, by `id(block)`.

    `exemption(first_line)` names the administrative pattern a block's first line matches
    (None when none does); `first_page` says whether this is the document's first page (where
    the letterhead is); `portions_before` whether an earlier page holds a marked portion (a
    signature at the top of a later page ends a message whose portions are before it); `titles`
    whether titles are portions (when not, a title needs no mark); `classified` whether the
    document is classified, where a heading set by markup is a title that needs its mark (P-01,
    P-04; a CUI document's headings are left unmarked, U-09 marking its paragraphs); `scanned`
    whether it is read with OCR tolerance, where a lone capitals line atop the page is as likely a
    form's printed heading or a cable's date-time line as the title, and stays a letterhead.
    """
    banner_blocks = {id(m.block) for m in marks.banners}
    marked = {id(m.block): m for m in marks.portions + marks.misplaced}
    roles: dict[int, Role] = {}
    entries: list[_Entry] = []
    tables = captioned_tables(marks.page.blocks, set(marked))
    for block in marks.page.blocks:
        key = id(block)
        if block.kind is BlockKind.COMMENT:
            roles[key] = Role("comment", False, "a markup comment is not content")
            continue
        if key in banner_blocks:
            entries.append(_Entry(block, "banner", Role("banner", False, "a banner line")))
        elif key in marked:
            entries.append(_Entry(block, "marked", Role(display_kind(block, doc_format), False)))
        elif key in tables:
            entries.append(_Entry(block, "marked", Role("table", False, "a table marked by its caption or lead-in")))
        elif block.kind is BlockKind.LINE and is_page_number(block.text):
            roles[key] = Role("page number", False, "a page number")
        else:
            entries.append(_Entry(block, "open", _intrinsic(block, exemption, patterns)))
    for entry in entries:
        if entry.role is not None and entry.state == "open":
            entry.state = "admin"
    if first_page:
        _heading_matter(entries, patterns, exemption,
                        titles and classified and doc_format in _MARKUP_HEADINGS, titles and not scanned)
    else:
        _continuation_header(marks.page.blocks, {id(entry.block): entry for entry in entries}, exemption)
    _signatures_after_closings(entries, patterns)
    _source_lists(entries)
    _trailing_signatures(entries, patterns, portions_before)
    _greetings(entries, patterns)
    _label_values(entries)
    for entry in entries:
        if entry.role is None and not titles and (is_title(entry.block) or entry.block.kind is BlockKind.SUBJECT):
            entry.role = Role("title", False, "a title: the rule set marks paragraphs, not titles")
        elif entry.role is None:
            entry.role = Role(display_kind(entry.block, doc_format), True)
        roles[id(entry.block)] = entry.role
    return roles


_SENTENCE_END = (".", "!", "?", ",", ";")


def is_title(block: Block) -> bool:
    """A title: a heading, or a lone line in plain text that does not end as a sentence does
    (at most TITLE_MAX_WORDS words: `Background`, `Road safety: funding for 2025/26`)."""
    if block.kind is BlockKind.HEADING:
        return True
    lines = block_lines(block)
    return block.kind is BlockKind.PARAGRAPH and len(lines) == 1 and len(lines[0].split()) <= TITLE_MAX_WORDS \
        and not lines[0].endswith(_SENTENCE_END)


# The exempt patterns that name one line standing alone (a part's label).
LINE_LABELS = frozenset({"enclosure-label"})


def _intrinsic(block: Block, exemption: Callable[[str], str | None], patterns: LayoutPatterns) -> Role | None:
    """The role a block has whatever stands around it (a matching exempt pattern, a closing,
    a contact line), or None."""
    first = QUOTE_PREFIX_RE.sub("", block.text.split("\n", 1)[0].strip())
    name = exemption(first)
    if name in LINE_LABELS and "\n" in block.text.strip():
        name = None  # a label over a paragraph run onto it: the paragraph is a portion
    if name is not None:
        kind = _PATTERN_KINDS.get(name, name)
        if name == CONFIGURED:
            return Role(kind, False, "matches a pattern of the configuration's exempt: list")
        return Role(kind, False, f"matches the '{name}' pattern")
    if block.text.isupper() and control_line(block.text):
        return Role("control line", False, "control words without a level (NO FOREIGN DISSEM, the WNINTEL notice)")
    lines = block_lines(block)
    if lines and all(is_contact(line, patterns) or matches(patterns.signature_mark, line) for line in lines):
        return Role("signature", False, "a contact line or signature mark")
    if len(lines) > 1 and exemption(lines[-1]) == "distribution":
        return Role("distribution list", False, "ends in a distribution heading (a drafting line above it)")
    return None


def _heading_matter(entries: list[_Entry], patterns: LayoutPatterns, exemption: Callable[[str], str | None],
                    markup_titles: bool = False, lone_titles: bool = True) -> None:
    """Name, title-case or capital lines at the top of the first page, each group followed by
    the date (on a line of its own, or the group's last line: `Headquarters` / `Department of the
    Army` / `15 April 2026`), the memo header, a message header, the subject line or the salutation: the
    letterhead above the first of those, the addressee (inside address) below it. The heading matter ends at the
    first portion (a marked subject line or title excepted) or at a block of another shape;
    without a header below them, only a letterhead's shape counts: lines in capitals, or an
    organisation's name in capitals over the names of its offices (`Office of Geospatial Analysis`).

    A title ends the letterhead: the unmarked lines below a marked title (`(U) INTELLIGENCE
    ASSESSMENT` over `Maritime Smuggling Routes`) are titles too, and so is a heading set by
    markup when `markup_titles` (a classified document's `# Depot Inventory Summary`), and, when
    `lone_titles`, a lone capitals line on top that names no organisation or form."""
    candidates: list[_Entry] = []
    anchored = titled = False
    for entry in entries:
        if entry.state == "banner":
            continue
        subject = entry.state == "marked" and not _is_body(entry)
        if subject or (entry.state == "admin" and entry.role.kind in _ADMIN_ANCHORS):
            _confirm(candidates, anchored)
            candidates, anchored, titled = [], True, False
            continue
        if entry.state == "admin":
            continue
        if entry.state == "marked":
            if _is_marked_title(entry.block):
                titled = True
                continue
            break
        if (titled and is_title(entry.block)) or (markup_titles and entry.block.kind is BlockKind.HEADING):
            continue  # a title: a portion
        if entry.block.kind is BlockKind.SUBJECT:
            _confirm(candidates, anchored)  # a subject line without its mark still ends the heading matter
            return
        lines = block_lines(entry.block)
        dated = len(lines) > 1 and exemption(lines[-1]) == "date-line"
        # a numbered paragraph (`1. ACTION REQUIRED: NONE`) is body
        if NUMBERED_PARAGRAPH_RE.match(entry.block.text) or not lines or len(lines) > BLOCK_MAX_LINES \
                or not all(is_name_like(line) for line in (lines[:-1] if dated else lines)):
            break
        candidates.append(entry)
        if dated:
            _confirm(candidates, anchored)
            candidates, anchored = [], True
    if not anchored:
        # No header below them: only lines in capitals at the very top are a letterhead, and a
        # line alone only when it names an organisation or a form: else it is the title.
        _confirm([e for e in candidates if _is_letterhead_shaped(e.block, patterns)
                  and not (lone_titles and len(block_lines(e.block)) == 1 and _is_title_line(e.block, patterns))], False)




def _is_letterhead_shaped(block: Block, patterns: LayoutPatterns) -> bool:
    """Capital lines, or a first line in capitals over lines that each name an office."""
    first, *rest = block_lines(block)
    return not any(c.islower() for c in first) \
        and all(not any(c.islower() for c in line) or matches(patterns.office, line) for line in rest)


_WORD_RE = re.compile(r"[A-Za-z]{2,}")


def _is_title_line(block: Block, patterns: LayoutPatterns) -> bool:
    """A line in capitals that titles a document: two words at least (one is a code, a label or
    what a scan garbled), naming no organisation (`NATIONAL INTELLIGENCE COUNCIL`: an office's
    word, read in title case) and no form (`POINT PAPER`)."""
    line = block_lines(block)[0]
    return len(_WORD_RE.findall(line)) > 1 and not matches(patterns.office, line.title()) \
        and not matches(patterns.form_name, line)


_COLUMN_GAP_RE = re.compile(r"\t+| {3,}")
_HEADER_MAX_LINES = 2  # lines of one of them
_HEADER_MAX_BLOCKS = 2  # name-like blocks a later page's header may hold (the addressee, a subject)


def _is_header_line(line: str) -> bool:
    """A line of a later page's header: a name or date, or the one-line header set in columns
    with the page number (`Colonel Robert Hart      2      March 3, 2026`)."""
    columns = _COLUMN_GAP_RE.split(line.strip())
    if len(columns) == 1:
        return is_name_like(line)
    return any(is_page_number(c) for c in columns) and all(is_page_number(c) or is_name_like(c) for c in columns)


def _continuation_header(blocks: list[Block], entries: dict[int, _Entry],
                         exemption: Callable[[str], str | None]) -> None:
    """The header atop a later page of a letter or memo: the addressee's name, the page number
    and the date, stacked (`Colonel Robert Hart` / `Page 2` / `March 3, 2026`) or in columns on
    one line; a memo's office symbol over its subject. A page number, date or subject line among
    them anchors the header; its name lines are no portions (the subject is judged by itself)."""
    header: list[_Entry] = []
    anchored = False
    for block in blocks:
        entry = entries.get(id(block))
        if block.kind is BlockKind.SUBJECT:  # the subject repeated under an office symbol (AR 25-50)
            anchored = True
            continue
        if entry is None:  # a page number (or a comment)
            anchored = anchored or is_page_number(block.text)
            continue
        if entry.state == "banner":
            continue
        if entry.state == "admin" and entry.role.kind == "date":
            anchored = True
            continue
        lines = block_lines(block)
        if entry.state != "open" or entry.role is not None or len(header) == _HEADER_MAX_BLOCKS \
                or not lines or len(lines) > _HEADER_MAX_LINES or not all(_is_header_line(line) for line in lines):
            break
        anchored = anchored or any(len(_COLUMN_GAP_RE.split(line.strip())) > 1 or exemption(line) == "date-line"
                                   for line in lines)
        header.append(entry)
    if anchored:
        for entry in header:
            entry.role, entry.state = Role("page header", False, "a later page's header (addressee, page, date)"), "admin"


_MARK_AT_START_RE = re.compile(r"^\([^()\s]{1,60}\)\s+")


def _is_marked_title(block: Block) -> bool:
    """A marked title line (`(U) INTELLIGENCE ASSESSMENT`): one name-like line after its mark."""
    lines = block_lines(block)
    return len(lines) == 1 and is_name_like(_MARK_AT_START_RE.sub("", lines[0]))


def _confirm(candidates: list[_Entry], anchored: bool) -> None:
    for entry in candidates:
        if anchored:
            entry.role = Role("addressee", False, "name or address lines between header lines (an addressee)")
        else:
            entry.role = Role("letterhead", False, "name or capital lines above the date or header")
        entry.state = "admin"

_LABEL_RE = re.compile(r"^[A-Za-z][A-Za-z /.]{0,30}:")  # a line opening with a field's label
# A header label that names people or offices, alone on its line (a scan sets the values of a
# memo's header apart from their labels).
_NAME_LABEL_RE = re.compile(r"(?i)^(?:MEMORANDUM FOR|FROM|TO|VIA|THRU|THROUGH|OFFICE|ATTN|ATTENTION)\s?:$")


def _is_short_line(line: str) -> bool:
    """A line of a name, title or office (`center for the study of`, as the scan cut it): a few
    words, not a sentence."""
    return len(line.split()) <= NAME_MAX_WORDS and not line.endswith((".", "?", "!"))


def _label_values(entries: list[_Entry]) -> None:
    """Blocks right after a name label standing alone (`FROM:` over `J. Barry Harrelson`,
    `OFFICE:` over `CSI/HRG`) that open with a name and hold only short lines: the label's
    values, not portions."""
    after_label = False
    for entry in entries:
        if entry.state in ("admin", "open") and _NAME_LABEL_RE.match(plain_line(entry.block.text)):
            if entry.state == "open":
                entry.role, entry.state = Role("header field", False, "a header label standing alone"), "admin"
            after_label = True
            continue
        lines = block_lines(entry.block)
        if after_label and entry.state == "open" and entry.role is None and lines and is_name_like(lines[0]) \
                and entry.block.kind is not BlockKind.SUBJECT and not _LABEL_RE.match(lines[0]) \
                and len(lines) <= BLOCK_MAX_LINES and all(_is_short_line(line) for line in lines):
            entry.role = Role("addressee", False, "names or offices under a header label standing alone")
            entry.state = "admin"
            continue
        after_label = False


def _is_body(entry: _Entry) -> bool:
    """A portion (marked or not) of the message's body: not a subject line, whatever block
    kind the reader gave it (Markdown has no subject blocks)."""
    return entry.state in ("marked", "open") and entry.block.kind is not BlockKind.SUBJECT \
        and not SUBJECT_LABEL_RE.match(plain_line(entry.block.text))


def _greetings(entries: list[_Entry], patterns: LayoutPatterns) -> None:
    """A greeting-shaped line just before the first paragraph of a message (nothing but
    banners, headers and other administrative lines before it)."""
    for index, entry in enumerate(entries):
        if entry.state != "open" or not is_greeting_shaped(entry.block, patterns):
            continue
        # the next block below it in the file (an e-mail's Subject block follows the body's
        # first line in the page's blocks, `marklint.readers.email`, though it stands above it)
        after = next((e for e in entries[index + 1:] if e.block.line > entry.block.line), None)
        before = entries[index - 1] if index else None
        if after is None or not _is_body(after):
            continue
        if before is not None and _is_body(before):
            continue
        entry.role = Role("salutation", False, "a short greeting line before the first paragraph")
        entry.state = "admin"


_RUN_HEADS = ("closing", "distribution list", "signature")


def _is_bare_field_label(entry: _Entry) -> bool:
    """A metadata field's label alone on its line (`Attendees:`, `Participants:`): its value is
    the list below it."""
    text = entry.block.text.strip()
    return entry.role.kind == "metadata field" and "\n" not in text and text.endswith(":")


def _signatures_after_closings(entries: list[_Entry], patterns: LayoutPatterns) -> None:
    """Name, title, office and contact lines after a closing or a distribution heading; after a
    distribution heading, its entries too (`Original - Addressee (w/atts)`, `1 - DDCI`, `chrono`);
    after a field's label alone on its line, the short entries of its value (a meeting's attendees)."""
    head = None
    for entry in entries:
        if entry.state == "admin":
            head = entry.role.kind if entry.role.kind in _RUN_HEADS else (
                "field label" if _is_bare_field_label(entry) else None)
            continue
        if entry.state == "open" and head == "distribution list" and _is_distribution_entry(entry.block):
            entry.role = Role("distribution list", False, "an entry of the distribution list above it")
            entry.state = "admin"
            continue
        if entry.state == "open" and head == "field label" and _is_distribution_entry(entry.block):
            entry.role = Role("metadata field", False, "the entries of the field labelled on the line above")
            entry.state = "admin"
            head = None
            continue
        if entry.state == "open" and head is not None and is_signature_shaped(entry.block, patterns):
            entry.role = Role("signature", False, "name, title or contact lines after a closing")
            entry.state = "admin"
            continue
        head = None


# The heading of the list of sources a derivative block's `Derived From: Multiple Sources` names.
_SOURCES_HEADING_RE = re.compile(r"(?i)(?:list of )?sources?(?: list)?\s?:?")


def _source_lists(entries: list[_Entry]) -> None:
    """The entries under a source list's heading below the authority block (C-05: the list of
    sources of `Derived From: Multiple Sources`, on or attached to the document): citations that
    belong to the block, not portions. The list ends at a marked portion or a banner."""
    after_block = in_list = False
    for entry in entries:
        if entry.state == "admin" and entry.role.kind == "authority block":
            after_block, in_list = True, False
        elif entry.state in ("admin", "open") and after_block and not in_list \
                and _SOURCES_HEADING_RE.fullmatch(plain_line(entry.block.text)):
            entry.role, entry.state = Role("list label", False, "the heading of the authority block's source list"), "admin"
            in_list = True
        elif entry.state == "open" and in_list:
            entry.role = Role("source list", False, "an entry of the authority block's source list (C-05)")
            entry.state = "admin"
        elif entry.state in ("marked", "banner"):
            after_block = in_list = False


def _is_distribution_entry(block: Block) -> bool:
    lines = block_lines(block)
    return 0 < len(lines) <= BLOCK_MAX_LINES and is_distribution_entry(lines)


_RUN_ENDS = ("authority block", "forwarded-message header", "designation indicator", "distribution list")


def _cells_of_marked_tables(entries: list[_Entry]) -> set[int]:
    """The entries (by `id`) that are table cells after a marked cell of the same run of cells:
    the rest of a table whose writer marks its cells (a signature set out in a table, as Word
    memos do, has no marked cell)."""
    found: set[int] = set()
    marked_table = False
    for entry in entries:
        if entry.block.kind is not BlockKind.TABLE_CELL:
            marked_table = False
            continue
        marked_table = marked_table or entry.state == "marked"
        if marked_table:
            found.add(id(entry))
    return found


def _trailing_signatures(entries: list[_Entry], patterns: LayoutPatterns, portions_before: bool) -> None:
    """Name, title, office and contact lines between the last portion of a message (marked or
    not) and what ends it: the authority block, a banner, a forwarded message, the start or end
    of quoted text, or the end of the page. On a page with no portion before them, only when an earlier page has one."""
    ends = [i for i, e in enumerate(entries)
            if e.state == "banner" or (e.state == "admin" and e.role.kind in _RUN_ENDS)
            or (i and is_quoted(e.block) != is_quoted(entries[i - 1].block))]
    ends.append(len(entries))
    tabled = _cells_of_marked_tables(entries)
    for end in ends:
        run: list[_Entry] = []
        for entry in reversed(entries[:end]):
            if id(entry) in tabled:
                break  # a cell of a table whose cells are marked is a portion, not a signature
            if entry.state == "open" and is_signature_shaped(entry.block, patterns):
                run.append(entry)
            elif entry.state == "open" and is_closing_shaped(entry.block, patterns) \
                    and (run or "\n" in entry.block.text.strip()):
                entry.role = Role("closing", False, "a short line ending in a comma above the signature")
                entry.state = "admin"
                break
            elif entry.state in ("marked", "open") or entry.role.kind in ("closing", "salutation"):
                break  # a portion (an unmarked one is a portion too) or the message's opening
            elif entry.state == "banner":
                run = run if portions_before else []
                break
        else:
            run = run if portions_before else []
        for entry in run:
            entry.role = Role("signature", False, "name, title or contact lines after the last portion")
            entry.state = "admin"
