"""Small helpers shared by the markup, office and e-mail readers.

Readers produce an ordered stream of `Block`s and `PAGE_BREAK` markers; `segments` cuts that
stream at the markers so `marklint.pages.build_pages` can number the pages.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType

from marklint.document import Block, InputError

PAGE_BREAK = "page-break"  # a marker in a reader's item stream: the next block starts a page

# Emphasis delimiters that may wrap a banner: `**SECRET**`, `__SECRET__`, `*SECRET*`.
_EMPHASIS_RE = re.compile(r"^([*_]{1,3})([^*_\s](?:.*[^*_\s])?)\1$")


def require(module: str, extra: str, what: str) -> ModuleType:
    """Import an optional dependency, or raise InputError naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(
            f"reading {what} needs the optional dependency {module!r}: "
            f"pip install 'marklint[{extra}]'"
        ) from None


def decode(data: bytes) -> str:
    """Decode UTF-8 text (a BOM is dropped); raise InputError for binary or undecodable data."""
    if b"\x00" in data:
        raise InputError("not a text file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte offset {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def segments(items: list[Block | str]) -> list[list[Block]]:
    """Cut an ordered stream of blocks and PAGE_BREAK markers into page segments."""
    result: list[list[Block]] = [[]]
    for item in items:
        if item == PAGE_BREAK:
            result.append([])
        else:
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
