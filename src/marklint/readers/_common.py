"""Small helpers shared by the markup, office and e-mail readers.

Readers produce an ordered stream of `Block`s and `PAGE_BREAK` markers; `segments` cuts that
stream at the markers so `marklint.pages.build_pages` can number the pages.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType

from marklint.document import Block, BlockKind, InputError
from marklint.lineshapes import BANNER_CANDIDATE_RE, is_page_number
from marklint.readers.text import reject_utf16

PAGE_BREAK = "page-break"  # a marker in a reader's item stream: the next block starts a page

# Emphasis delimiters that may wrap a banner: `**SECRET**`, `__SECRET__`, `*SECRET*`.
_EMPHASIS_RE = re.compile(r"^([*_]{1,3})([^*_\s](?:.*[^*_\s])?)\1$")


def require(module: str, extra: str, what: str) -> ModuleType:
    """Import an optional dependency, or raise InputError naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(f"reading {what} needs an optional dependency: pip install 'marklint[{extra}]'") from None


def decode(data: bytes) -> str:
    """Decode UTF-8 text (a BOM is dropped); raise InputError for binary or undecodable data."""
    reject_utf16(data)
    if b"\x00" in data:
        raise InputError("not a text file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte offset {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def segments(items: list[Block | str]) -> list[list[Block]]:
    """Cut an ordered stream of blocks and PAGE_BREAK markers into page segments.

    One-line blocks that look like banners or page numbers become LINE blocks (`line_kind`).
    """
    result: list[list[Block]] = [[]]
    for item in items:
        if item == PAGE_BREAK:
            result.append([])
        else:
            item.kind = line_kind(item.kind, item.text)
            result[-1].append(item)
    return result


def insert_line_breaks(items: list[Block | str], lines: list[int]) -> list[Block | str]:
    """Insert a PAGE_BREAK before the first block below each source line in `lines`."""
    pending = sorted(lines)
    result: list[Block | str] = []
    for item in items:
        while pending and item != PAGE_BREAK and item.line > pending[0]:
            result.append(PAGE_BREAK)
            pending.pop(0)
        result.append(item)
    return result


def unwrap_emphasis(text: str) -> tuple[str, int] | None:
    """For a whole line wrapped in emphasis (`**SECRET**`), return (inner text, its offset)."""
    match = _EMPHASIS_RE.match(text)
    return None if match is None else (match.group(2), match.start(2))


def line_kind(kind: BlockKind, text: str) -> BlockKind:
    """LINE for a one-line block that looks like a banner or a page number, else `kind`.

    The recognizer looks for banners only in LINE blocks; the plain-text reader makes such
    lines LINE blocks, and the markup readers follow it so a bare `SECRET//NOFORN` paragraph
    is a banner candidate in every format.
    """
    stripped = text.strip()
    if "\n" in stripped or kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LINE):
        return kind
    if BANNER_CANDIDATE_RE.match(stripped) or is_page_number(stripped):
        return BlockKind.LINE
    return kind
