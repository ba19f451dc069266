"""The classification authority block (CAB): finding it in a document and reading its lines (C-18).

Recognised labels (case-insensitive, C-18): `Classified By:`, `Derived From:`, `Reason:`,
`Declassify On:`, `Downgrade To:` and the legacy `DECL:` / `DECL ON:`, also in the cable form
`E.O. 12356: DECL: OADR` (L-03), and the older eras' lines (`marklint.checks.legacy_authority`).
The block may also be one linear string with the lines separated by `|` (e-mail and web pages,
C-18). A label that is close to one of these but not one (`Declass On:`, `Derived Form:`) is
read as the label it resembles (and reported as a warning by `marklint.checks.authority`).
The block is taken from the first page that has one; a `Reason:` line alone (a common prose
label) does not make a block.
"""

from __future__ import annotations

import functools
import re

from marklint.document import Block, BlockKind, Document, Page
from marklint.values import FrozenValue

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from collections.abc import Callable

LABELS = {
    "classified-by": "Classified By:",
    "derived-from": "Derived From:",
    "reason": "Reason:",
    "declassify-on": "Declassify On:",
    "downgrade-to": "Downgrade To:",
    "review-on": "Review On:",
    "extended-by": "Extended By:",
    "group": "GROUP 1-4 legend:",
    "gds": "GDS:",
    "exempt": "Exempt from GDS (XGDS, IMPDET):",
    "telegram": "E.O. NNNNN:",  # a telegram's authority line
}
# Pattern strings, compiled by `re` at first use (its cache): a run without an authority block
# never pays for compiling them.
_LABEL_RE = (
    r"\s*(?:E\.?\s?O\.?\s?\d{5}\s*:\s*)?(?P<label>(?P<cb>classified\s+by)|(?P<df>derived\s+from)|(?P<rs>reason)"
    r"|(?P<do>declassify\s+on|decl(?:\s+on)?)|(?P<dg>downgrade\s+to))\s*:"
)
# A telegram's authority line names the order before its label (`E.O. 12356: DECL: OADR`): until
# 1995 it stood for the whole block, the classifier being named in the telegram's routing.
_TELEGRAM_RE = r"\s*(?P<eo>E\.?\s?O\.?\s?\d{5})\s*:"
_GROUP_KEYS = {"cb": "classified-by", "df": "derived-from", "rs": "reason", "do": "declassify-on",
               "dg": "downgrade-to"}
_LOOKALIKE_RE = r"\s*(?P<label>[A-Za-z]{2,15}(?:[ .]{1,2}[A-Za-z]{1,15}){0,2})\.?\s*:"
_LOOKALIKE_TARGETS = {"classified by": "classified-by", "derived from": "derived-from",
                      "declassify on": "declassify-on", "downgrade to": "downgrade-to"}
_NOT_LOOKALIKES = {"declassified by", "declassified on"}  # D-01 declassification statements
_LOOKALIKE_STARTS = {"cla", "der", "dec", "dow"}  # a cheap gate before difflib (`Dear ...:`)
# The reason written on the Classified By line, as cables write it (`Classified By: Ambassador
# X for reasons 1.4 (b) and (d)`, `CLASSIFIED BY: ISN DIRECTOR X. REASON: 1.4(B), (D)`).
_INLINE_REASON_RE = r"(?:[.,;]\s*|\s+)(?:for\s+)?(?P<label>reasons?)\s*:?\s*(?=1\.\s?\d)"
# A line break between a reason's label and its category (`CLASSIFIED BY X; REASON` over `1.5(D).`),
# read as a space: offsets stay those of the block's text.
_WRAPPED_REASON_RE = r"(?i)\breasons?:?[ \t]*\n(?=[ \t]*1\.\d)"
# A telegram's next heading label, run onto the authority line by a printout or a scan
# (`E.O. 12958: DECL: 04/22/29 TAGS: PREL, PGOV SUBJECT: ...`): the value ends before it.
_CABLE_NEXT_LABEL_RE = r"\s(?:TAGS|SUBJECT|SUBJ)\s?:"
# A label run onto the line of the one before it (after a space or a `;`): the offset after the
# space is where its part starts.
_RUN_ON_LABEL_RE = r"[;,]?[ \t]+(?=(?:classified\s+by|derived\s+from|declassify\s+on|downgrade\s+to)\s*:)"


class CabLine(FrozenValue):
    """One line (or `|` segment) of the block: its key, the label as written, and the value.

    Positions are 1-based source positions of the label and of the value (for an empty value,
    the column just after the label). `lookalike` is set when the label is only close to a
    known one (`Declass On:`). `form` is the older era's form of the label (`CL BY`, `RVW`,
    `GROUP 1`...; `marklint.checks.legacy_authority`), None for a modern label.
    """

    _fields = ("key", "label", "value", "line", "column", "value_line", "value_column", "page", "lookalike", "form")

    def __init__(self, key: str, label: str, value: str, line: int, column: int, value_line: int,
                 value_column: int, page: int, lookalike: bool = False, form: object = None) -> None:
        self.__dict__.update(key=key, label=label, value=value, line=line, column=column, value_line=value_line,
                             value_column=value_column, page=page, lookalike=lookalike, form=form)


class AuthorityBlock:
    """The classification authority block: its lines in order and the blocks they came from.

    A plain class: defining a dataclass costs milliseconds of start-up.
    """

    def __init__(self, lines: list[CabLine], blocks: list[Block] | None = None) -> None:
        self.lines = lines
        self.blocks = [] if blocks is None else blocks

    def get(self, key: str) -> CabLine | None:
        """The first line with `key` (e.g. "declassify-on"), or None."""
        return next((line for line in self.lines if line.key == key), None)

    def all(self, key: str) -> list[CabLine]:
        """Every line with `key`."""
        return [line for line in self.lines if line.key == key]

    @property
    def derivative(self) -> bool:
        """A derivative classification: the block cites a source (`Derived From:`)."""
        return self.get("derived-from") is not None


def _label_at(text: str, start: int) -> tuple[str, str, int, bool] | None:
    """(key, label as written, offset after the colon, lookalike) for a label at `start`."""
    match = re.compile(_LABEL_RE, re.IGNORECASE).match(text, start)
    if match:
        key = next(_GROUP_KEYS[g] for g in _GROUP_KEYS if match.group(g))
        return key, match.group("label"), match.end(), False
    match = re.compile(_LOOKALIKE_RE).match(text, start)
    if match is None:
        return None
    label = match.group("label")
    normal = " ".join(label.lower().replace(".", " ").split())
    if normal[:3] not in _LOOKALIKE_STARTS or normal in _NOT_LOOKALIKES:
        return None
    import difflib  # here: most runs never get this far, and the import costs start-up time

    close = difflib.get_close_matches(normal, _LOOKALIKE_TARGETS, n=1, cutoff=0.8)
    if not close:
        return None
    return _LOOKALIKE_TARGETS[close[0]], label, match.end(), True


def is_authority_line(text: str) -> bool:
    """Whether a line is a line of an authority block (so it needs no portion mark): a modern
    label, or an older era's authority line or legend (`marklint.checks.legacy_authority`)."""
    if ":" in text[:40] and _label_at(text, 0) is not None:
        return True
    from marklint.checks.legacy_authority import is_legacy_authority_line

    return is_legacy_authority_line(text)


def _segments(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the parts of a line: `|`-separated, and cut before each label
    that a space or a `;` runs onto the line (a block written as one line, or typed in Word
    with line breaks that read as spaces: `Classified By: X; Derived From: Y Declassify On: Z`);
    a part's end leaves out the `;` or `,` that closed it."""
    cuts = sorted({0, len(text) + 1} | {m.start() + 1 for m in re.finditer(r"\|", text)}
                  | {m.end() for m in re.compile(_RUN_ON_LABEL_RE, re.IGNORECASE).finditer(text)})
    spans = []
    for start, after in zip(cuts, cuts[1:]):
        end = after - 1 if after - 1 < len(text) and text[after - 1] == "|" else after
        end = min(end, len(text))
        while end > start and text[end - 1] in " \t;,":
            end -= 1
        spans.append((start, end))
    return spans


_LABEL_MEMO_CHARS = 1000  # longer blocks are read afresh: the memo must not hold large texts


def _block_lines(block: Block, page: int) -> list[CabLine]:
    text = block.text
    labels = _memo_labels(text) if len(text) <= _LABEL_MEMO_CHARS else _labels(text)
    found = []
    for key, written, value, label_at, value_at, lookalike, form in labels:
        line, column = block.position_of(label_at)
        value_line, value_column = block.position_of(value_at)
        found.append(CabLine(key, written, value, line, column, value_line, value_column, page, lookalike, form))
    return found


def _labels(text: str) -> tuple[tuple[str, str, str, int, int, bool, object], ...]:
    """The authority-block labels in a block's text: (key, label as written, value, offset of
    the label, offset of the value, lookalike, legacy form) for each line or `|` segment that
    has one; an older era's line (`CL BY 062028`, `RVW 02 JAN 2000 DRV D9C.1`) may hold several."""
    from marklint.checks.legacy_authority import legacy_parts
    from marklint.copydates import copy_date_kind

    found = []
    offset = 0
    if "\n1." in text:  # a telegram's reason wrapped after its label (`...; reason` over `1.5(D).`): one line
        text = re.sub(_WRAPPED_REASON_RE, lambda match: match[0][:-1] + " ", text)
    for raw in text.split("\n"):
        if copy_date_kind(raw) is not None:  # a review or release block describes the copy, not the document
            offset += len(raw) + 1
            continue
        legacy = legacy_parts(raw) if not (":" in raw[:40] and _label_at(raw, 0)) else ()
        for key, written, value, label_at, value_at, form in legacy:
            found.append((key, written, value, offset + label_at, offset + value_at, False, form))
        if ":" in raw[:40] and not legacy:
            spans = _segments(raw) if "|" in raw or raw.count(":") > 1 else [(0, len(raw))]
            for start, end in spans:
                segment = raw[:end]
                label = _label_at(segment, start)
                if label is None:
                    continue
                key, written, after, lookalike = label
                value = segment[after:].strip()
                value_at = after + (len(segment[after:]) - len(segment[after:].lstrip()))
                label_at = start + (len(segment[start:]) - len(segment[start:].lstrip()))
                inline = (re.compile(_INLINE_REASON_RE, re.IGNORECASE).search(segment, value_at)
                          if key == "classified-by" else None)
                if inline is not None:
                    value = segment[value_at:inline.start()].strip()
                elif (next_label := re.compile(_CABLE_NEXT_LABEL_RE).search(segment, value_at)) is not None:
                    value = segment[value_at:next_label.start()].strip()
                found.append((key, written, value, offset + label_at, offset + value_at, lookalike, None))
                if inline is not None:
                    found.append(("reason", inline.group("label"), segment[inline.end():].strip(),
                                  offset + inline.start("label"), offset + inline.end(), False, None))
        telegram = re.compile(_TELEGRAM_RE).match(raw)
        if telegram is not None and found and found[-1][3] >= offset:  # the line was an authority line
            found.append(("telegram", telegram.group("eo"), "", offset + telegram.start("eo"), offset + telegram.end(),
                          False, None))
        offset += len(raw) + 1
    return tuple(found)


# Authority blocks, salutations and subject lines recur from document to document.
_memo_labels = functools.lru_cache(maxsize=4096)(_labels)


def find_authority_block(doc: Document, quoted_from: Callable[[Block], bool] | None = None,
                         blank_form_yields: bool = False) -> AuthorityBlock | None:
    """The authority block on the first page that has one, or None.

    A page has one when it holds a `Classified By`, `Derived From`, `Declassify On`, `DECL`
    or `Downgrade To` line (or a look-alike of one), or an older era's authority line (`CL BY`,
    `DRV`, `RVW`, `GDS`, `XGDS`, `E2 IMPDET`, a Group legend); its `Reason:` lines then
    belong to it. Once a block is found, a block for which `quoted_from` is true (the header
    of a quoted or forwarded message, `-----Original Message-----`) ends it: the quoted
    message's own authority block is that message's, not a second one of this document.
    With `blank_form_yields` (a scanned copy), a block whose lines all lack a value (a form's
    printed `Classified by` / `Declassify on:` left blank, the authority typed at the text's
    end) yields to a later page's block that has values.
    """
    blank: AuthorityBlock | None = None
    banner: AuthorityBlock | None = None  # the schedule an EO 11652 banner carries (`SECRET/NODIS/XGDS`)
    for index, page in enumerate(doc.pages):
        lines, blocks, page_banner = _page_lines(page, quoted_from)
        banner = banner or page_banner
        if any(line.key != "reason" for line in lines):
            if not blank_form_yields or any(line.value for line in lines):
                found = _with_telegram_half(AuthorityBlock(lines, blocks), doc.pages[index + 1:], quoted_from)
                return _with_banner(found, banner)
            blank = blank or AuthorityBlock(lines, blocks)
    return _with_banner(blank, banner) if blank is not None else banner


def _page_lines(page: Page, quoted_from: Callable[[Block], bool] | None
                ) -> tuple[list[CabLine], list[Block], AuthorityBlock | None]:
    """A page's authority lines and the blocks they came from (up to a quoted message's header,
    once a line is found), and a banner line's schedule apart (`_is_banner_line`)."""
    from marklint.checks.legacy_authority import may_hold_authority

    lines: list[CabLine] = []
    blocks: list[Block] = []
    banner: AuthorityBlock | None = None
    for block in page.blocks:
        if lines and quoted_from is not None and quoted_from(block):
            break
        if block.kind in (BlockKind.COMMENT, BlockKind.QUOTE) or not may_hold_authority(block.text):
            continue
        found = _block_lines(block, page.number)
        if found and _is_banner_line(block):
            banner = banner or AuthorityBlock(found, [block])
        elif found:
            lines.extend(found)
            blocks.append(block)
    return lines, blocks, banner


def _with_telegram_half(block: AuthorityBlock, later: list[Page],
                        quoted_from: Callable[[Block], bool] | None) -> AuthorityBlock:
    """A State telegram's authority is written in two places: its first paragraph names the
    classifier and the reason (`1. (C) CLASSIFIED BY ... REASON 1.5 (D)`) and its caption line
    the declassification (`E.O. 12958: DECL: 10/12/06`). A printout that puts the caption after
    the text (POEMS: routing, caption and tags on the last page) parts them by pages; the block
    found first is then joined by the first later page's half it lacks."""
    keys = {line.key for line in block.lines}
    if "telegram" in keys and "classified-by" not in keys:
        wanted = "classified-by"
    elif "classified-by" in keys and not keys & {"declassify-on", "derived-from"}:
        wanted = "telegram"
    else:
        return block
    for page in later:
        lines, blocks, _ = _page_lines(page, quoted_from)
        found = {line.key for line in lines}
        if wanted in found and ("telegram" in found) != ("telegram" in keys):
            return AuthorityBlock(block.lines + lines, block.blocks + blocks)
    return block


def _is_banner_line(block: Block) -> bool:
    """A banner line in an older era's words (`TOP SECRET/SENSITIVE/XGDS`, `CONFIDENTIAL - GDS`)."""
    from marklint.legacy_forms import legacy_banner

    if "\n" in block.text:
        return False
    found = legacy_banner(block.text.strip())
    return found is not None and found.modern is not None


def _with_banner(block: AuthorityBlock, banner: AuthorityBlock | None) -> AuthorityBlock:
    """The block with the lines its banner's schedule adds (after its own: findings point at the block)."""
    if banner is None:
        return block
    return AuthorityBlock(block.lines + banner.lines, block.blocks + banner.blocks)
