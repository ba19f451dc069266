"""Find an archive's wrapper in a Document: wrapper pages (identification forms) and wrapper
lines or right-hand parts of lines (release lines, stamps, page stamps, footers, release
headers, review blocks), with the facts each states.

A wrapper match covers its whole line unless a column gap (two or more spaces) precedes it:
then it covers the line from the match to its end, and the text on its left (an e-mail's own
header field, a paragraph's first line in a merged column) stays document text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from marklint.archives.collections import Collection, LineRule, PageRule, StampRule
from marklint.document import Block, BlockKind, Document
from marklint.values import Value

_GAP_RE = re.compile(r"\s{2,}")
_COLUMN_SLACK = 3  # how far left of a stamp's column its next lines may start


class Line(Value):
    """One line of a block: page number, block index on the page, row in the block, its text
    (stripped) and the source line and column where it starts."""

    __slots__ = ("page", "block", "row", "text", "line", "column")
    _fields = __slots__

    def __init__(self, page: int, block: int, row: int, text: str, line: int, column: int) -> None:
        self.page, self.block, self.row, self.text, self.line, self.column = page, block, row, text, line, column


class Fact(Value):
    """What one wrapper states: its kind, collection, where it starts (source line and column)
    and its facts (name -> value)."""

    _fields = ("kind", "collection", "line", "column", "facts")

    def __init__(self, kind: str, collection: str, line: int, column: int, facts: dict[str, str]) -> None:
        self.kind, self.collection, self.line, self.column, self.facts = kind, collection, line, column, facts


class Wrappers(Value):
    """The wrapper of one document: wrapper page numbers, wrapper spans (source line -> offset
    into the stripped line where the wrapper starts; 0 is the whole line), the facts stated
    and the names of the collections recognised."""

    _fields = ("pages", "spans", "facts", "collections")

    def __init__(self) -> None:
        self.pages: set[int] = set()
        self.copy_dated: set[int] = set()  # wrapper pages whose dates are the copy's (PageRule.dates)
        self.document_dated: set[int] = set()  # lines of a form atop a document's page, dated as the document
        self.header_lines: set[int] = set()  # lines of a document-dated form above its `document_from` heading
        self.spans: dict[int, int] = {}
        self.facts: list[Fact] = []
        self.collections: list[str] = []

    def __bool__(self) -> bool:
        return bool(self.pages or self.spans)

    def note(self, collection: Collection) -> None:
        """Record that a rule of `collection` matched."""
        if collection.name not in self.collections:
            self.collections.append(collection.name)

    def covers(self, line: int) -> bool:
        """Whether source line `line` is (wholly) wrapper text."""
        return self.spans.get(line) == 0


def lines_of(doc: Document) -> Iterator[Line]:
    """Every line of every non-comment block, in reading order."""
    for page in doc.pages:
        for index, block in enumerate(page.blocks):
            if block.kind is BlockKind.COMMENT:
                continue
            yield from _block_lines(page.number, index, block)


def _block_lines(page: int, index: int, block: Block) -> Iterator[Line]:
    continuation = block.continuation_columns
    for row, text in enumerate(block.text.split("\n")):
        column = block.column if row == 0 else (continuation[row - 1] if row - 1 < len(continuation) else 1)
        yield Line(page, index, row, text, block.line + row, column)


def find_wrappers(doc: Document, collections: tuple[Collection, ...]) -> Wrappers:
    """The wrapper pages, lines and facts of `doc` under `collections`."""
    found = Wrappers()
    lines = [line for line in lines_of(doc) if line.text.strip()]
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for collection in collections:
        for rule in collection.pages:
            for number, page_lines in by_page.items():
                if number not in found.pages and _is_wrapper_page(rule, page_lines):
                    form = _form_lines(rule, page_lines)
                    if form is page_lines:
                        found.pages.add(number)
                        if rule.dates == "copy":
                            found.copy_dated.add(number)
                    else:
                        found.spans.update((line.line, 0) for line in form)
                        if rule.dates != "copy":
                            found.document_dated.update(line.line for line in form)
                    if rule.dates == "document" and rule.document_from is not None:
                        found.header_lines.update(_header_lines(rule, form))
                    found.note(collection)
                    facts = _facts(rule.facts, [line.text for line in form], None, rule.set)
                    found.facts.append(Fact(rule.kind, collection.name, page_lines[0].line, page_lines[0].column, facts))
    for index, line in enumerate(lines):  # wrapper pages too: their release lines state facts
        if line.line not in found.spans:
            _match_line(line, lines, index, collections, found)
    found.spans.update((line.line, 0) for line in lines if line.page in found.pages)
    return found


def _header_lines(rule: PageRule, form: list[Line]) -> list[int]:
    """The lines of a form above its `document_from` heading (none when it has no such heading)."""
    heading = next((index for index, line in enumerate(form) if rule.document_from.search(line.text)), 0)
    return [line.line for line in form[:heading]]


FORM_TAIL = 10  # lines after a form's last field that may make them a document on the form's page
TAIL_BANNERS = 2  # banner lines among them that make them one (its top and bottom banners)
TAIL_PROSE = 5  # or lines of prose (an unmarked document, or one whose banners the scan garbled)
_PROSE_WORD_RE = re.compile(r"\b[a-z]{2,}\b")
PROSE_WORDS = 5  # words in small letters that make a line one of prose


def _form_lines(rule: PageRule, lines: list[Line]) -> list[Line]:
    """The lines of a wrapper page's form: the page's lines (the same list) unless more than
    FORM_TAIL lines follow its last field (and that field's value, on its line or the next)
    with at least TAIL_BANNERS banner lines or TAIL_PROSE lines of prose (PROSE_WORDS words in
    small letters) among them: a scan whose pages the text does not separate puts the document
    on the form's page, and those lines are the document's (a form's page with stamps or a
    withdrawal card's letters under it stays whole)."""
    from marklint.mark_strings import banner_of

    last = max(index for index, line in enumerate(lines) if rule.field.match(line.text))
    end = last + (1 if re.search(r":\s*\S", lines[last].text) else 2)
    tail = lines[end:]
    if len(tail) <= FORM_TAIL:
        return lines
    banners = sum(1 for line in tail if banner_of(line.text.strip()) is not None)
    prose = sum(1 for line in tail if len(_PROSE_WORD_RE.findall(line.text)) >= PROSE_WORDS)
    return lines[:end] if banners >= TAIL_BANNERS or prose >= TAIL_PROSE else lines


def _is_wrapper_page(rule: PageRule, lines: list[Line]) -> bool:
    if not any(rule.title.search(line.text) for line in lines):
        return False
    fields = sum(1 for line in lines if rule.field.match(line.text))
    return fields >= rule.min_fields


def _match_line(line: Line, lines: list[Line], index: int, collections: tuple[Collection, ...],
                found: Wrappers) -> None:
    for collection in collections:
        for stamp in collection.stamps:
            match = stamp.start.search(line.text)
            if match is not None and _take_stamp(stamp, collection, match, lines, index, found):
                return
        for rule in collection.lines:
            match = rule.pattern.search(line.text)
            if match is not None:
                _take_line(rule, collection, match, line, found)
                return


def _span_start(text: str, start: int) -> int:
    """Where a wrapper found at `start` begins: 0 (the whole line) unless a column gap
    separates it from document text on its left."""
    before = text[:start]
    if before.strip() and before.endswith("  "):
        return start
    return 0


def _take_line(rule: LineRule, collection: Collection, match: re.Match[str], line: Line, found: Wrappers) -> None:
    start = _span_start(line.text, match.start())
    found.spans[line.line] = start
    found.note(collection)
    facts = _facts(rule.facts, [line.text[start:]], match, rule.set)
    found.facts.append(Fact(rule.kind, collection.name, line.line, line.column + start, facts))


def _take_stamp(stamp: StampRule, collection: Collection, match: re.Match[str], lines: list[Line], index: int,
                found: Wrappers) -> bool:
    """Take the stamp starting at `lines[index]`; False when it has fewer than its minimum of
    lines (then it is not the stamp)."""
    first = lines[index]
    start = _span_start(first.text, match.start())
    spans = {first.line: start}
    texts = [first.text[start:]]
    column = first.column + match.start()
    for line in lines[index + 1:index + 1 + stamp.window]:
        if stamp.end is not None and stamp.end.search(" ".join(texts)):
            break
        offset = _offset_at_column(line, column - _COLUMN_SLACK)
        if offset is None or line.line in found.spans:
            continue
        part = line.text[offset:]
        if stamp.continue_.search(part):
            spans[line.line] = offset
            texts.append(part)
    if len(spans) < stamp.min_lines:
        return False
    found.spans.update(spans)
    found.note(collection)
    facts = _facts(stamp.facts, [" ".join(texts), *texts], match, stamp.set)
    found.facts.append(Fact(stamp.kind, collection.name, first.line, first.column + start, facts))
    return True


def _offset_at_column(line: Line, column: int) -> int | None:
    """The offset into the line's text of the first text at or right of `column` that starts
    the line or follows a column gap; None when there is none."""
    if line.column >= column:
        return 0
    for gap in _GAP_RE.finditer(line.text):
        if line.column + gap.end() >= column:
            return gap.end()
    return None


def _facts(patterns, texts: list[str], match: re.Match[str] | None, constants) -> dict[str, str]:
    """The facts of one wrapper: its match's named groups, the first match of each facts
    pattern in `texts`, and the rule's constant facts."""
    facts: dict[str, str] = {}
    if match is not None:
        facts.update((key, value.strip()) for key, value in match.groupdict().items() if value)
    for pattern in patterns:
        for text in texts:
            hit = pattern.search(text)
            if hit is not None:
                for key, value in hit.groupdict().items():
                    if value:
                        facts.setdefault(key, value.strip())
                break
    for key, value in constants:
        facts.setdefault(key, value)
    return facts
