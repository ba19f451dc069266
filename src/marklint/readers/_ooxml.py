"""What the Office readers (Word, PowerPoint, Excel; OpenDocument for the first and last) share:
opening a package safely, the Microsoft sensitivity labels, and header/footer variants.

Office files are zip packages and are treated as hostile input: a package that would unpack to
more than MAX_UNPACKED bytes is refused before any part is parsed (zip bombs), a
password-protected file (an OLE compound file holding an encrypted package) or a legacy binary
.doc/.ppt/.xls file is named as such, and any other failure of the Office library, zipfile or the
XML parser becomes one InputError line naming the exception type, never a traceback.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar
from xml.etree import ElementTree

from marklint.document import Block, BlockKind, InputError, Region

MAX_UNPACKED = 500_000_000  # bytes of XML and media an Office package may unpack to
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: encrypted package or .doc/.ppt/.xls
_CUSTOM_PROPS = "docProps/custom.xml"
_LABEL_NAME_RE = re.compile(r"MSIP_Label_(.+)_Name$")

T = TypeVar("T")


@dataclass
class HeaderFooterVariant:
    """One header or footer the application can show: where, which banner-like lines, on which
    pages (a Word section's first-page header, an Excel sheet's even-page footer, ...)."""

    label: str  # "header (first page), section 2"
    region: Region
    lines: list[str]
    pages: list[int] = field(default_factory=list)  # known pages that show it


def cell_block(rows: list[tuple[str, int]]) -> Block | None:
    """One TABLE_CELL block of a table cell's paragraphs, given as (text, paragraph number),
    without its leading and trailing empty paragraphs; None when every paragraph is empty."""
    while rows and not rows[0][0].strip():
        rows.pop(0)
    while rows and not rows[-1][0].strip():
        rows.pop()
    if not rows:
        return None
    text = "\n".join(r[0].strip() for r in rows)
    lead = len(rows[0][0]) - len(rows[0][0].lstrip())
    return Block(BlockKind.TABLE_CELL, text, rows[0][1], lead + 1,
                 continuation_columns=tuple(1 + len(r[0]) - len(r[0].lstrip()) for r in rows[1:]))


def sensitivity_labels(data: bytes) -> list[str]:
    """Names of the enabled Microsoft sensitivity labels (`MSIP_Label_<id>_Name` custom
    properties whose `_Enabled` twin is not false) of an Office package."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if _CUSTOM_PROPS not in archive.namelist():
            return []
        root = ElementTree.fromstring(archive.read(_CUSTOM_PROPS))
    values = {prop.get("name", ""): "".join(prop.itertext()).strip() for prop in root}
    names = []
    for key, value in values.items():
        match = _LABEL_NAME_RE.match(key)
        if match and values.get(f"MSIP_Label_{match.group(1)}_Enabled", "true").lower() == "true":
            names.append(value)
    return names


def _check_package(data: bytes, extension: str) -> None:
    """Refuse password-protected and legacy binary files, and packages that would unpack to more
    than MAX_UNPACKED bytes (zip bombs)."""
    if data.startswith(_OLE_SIGNATURE):
        raise InputError(f"password-protected or not a {extension} package (an OLE compound file): "
                         "marklint cannot read it")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED:
        raise InputError(f"the {extension} would unpack to {unpacked:,} bytes (limit {MAX_UNPACKED:,})")


def read_package(data: bytes, extension: str, read: Callable[[], T]) -> T:
    """Check an Office package (`_check_package`) and run `read` on it; any failure other than
    an InputError becomes "not a readable <extension> file (corrupt or truncated: <type>)"."""
    try:
        _check_package(data, extension)
        return read()
    except InputError:
        raise
    except Exception as exc:  # the Office libraries, zipfile and lxml raise many types on damaged files
        raise InputError(f"not a readable {extension} file (corrupt or truncated: {type(exc).__name__})") from None
