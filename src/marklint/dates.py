"""Dates: a document's date of origin, and date values on authority-block lines.

The date of origin is the document's first full date (C-17, L-01), read in these forms:

- `November 22, 1984`, `Nov. 22, 1984`, `Nov 22 1984`, `November 22nd, 1984`
- `22 November 1984`, `22 Nov. 1984`
- `1984-11-22` (ISO)
- `11/22/1984` (US month/day/year)
- `19841122` (YYYYMMDD) only on a date line (`Date:`, `DATE:`, `Dated:`), because eight
  digits elsewhere are as likely a serial or file number.

Lines of the authority block and downgrading instructions are skipped: their dates
(`Declassify On: 20351231`, a `Derived From:` source's date) are not the document's.
Impossible dates (`February 30, 2001`) are ignored, and only years 1900-2099 are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_FULL_DATE = re.compile(
    rf"\b(?P<m1>{_MONTH})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y1>\d{{4}})\b"
    rf"|\b(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH})\.?,? (?P<y2>\d{{4}})\b"
    r"|\b(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})\b"
    r"|\b(?P<m4>\d{1,2})/(?P<d4>\d{1,2})/(?P<y4>\d{4})\b",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(r"^\s*(?:Date|DATE|Dated|DATED)\s*:\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})\b")
_OTHER_DATES = re.compile(
    r"^\s*(?:classified\s+by|derived\s+from|declassify\s+on|declass\w*\s+on|decl|downgrade\s+to"
    r"|reason)\s*:",
    re.IGNORECASE,
)
# A line that opens a portion-marked paragraph is body text: a date there is what the text is
# about, not the date of origin (C-08, C-17); a marked line that is only a date ("(U) Dated
# 12 March 2001.") still dates the document.
_BODY_LINE = re.compile(r"^\s*(?:\d{1,3}[.)]\s+)?\((?:TS|S|C|U|R|CUI|//)(?://[A-Za-z0-9_ ,/-]*)?\)\s+"
                        r"(?!Dated?\b|[A-Z][a-z]{2,8}\.? \d|\d)")
_YYYYMMDD = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# Every supported form holds a four-digit year, and no more than 25 characters separate it
# from either end of the date: matching only around years keeps long prose lines cheap, and
# the substring test before any regular expression keeps lines without "19"/"20" cheaper still.
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_WINDOW = 25


def _make(year: str, month: str | int, day: str) -> date | None:
    if isinstance(month, str) and not month.isdigit():
        month = _MONTHS[month[:3].lower()]
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> date | None:
    # The groups of the alternative that matched all end in its digit (y1, m1, d1; ...).
    n = match.lastgroup[-1]
    return _make(match.group("y" + n), match.group("m" + n), match.group("d" + n))


_YEAR_HINT = re.compile("19|20")
_LINE_END = re.compile(r"[\r\n]")


def lines_with_years(text: str) -> Iterator[str]:
    """The lines of `text` (ended by LF, CRLF or a lone CR) that hold "19" or "20", in order:
    the only ones `document_date` reads. The text is searched for those digits, not split:
    the date is rarely far down, and splitting a 100 MB file would cost hundreds of MB."""
    position = 0
    while (hint := _YEAR_HINT.search(text, position)) is not None:
        start = max(text.rfind("\n", 0, hint.start()), text.rfind("\r", 0, hint.start())) + 1
        line_end = _LINE_END.search(text, hint.end())
        end = len(text) if line_end is None else line_end.start()
        yield text[start:end]
        position = end + 1


def document_date(text_lines: Iterable[str]) -> date | None:
    """The document's date of origin: its first full date, or None when it has none."""
    for line in text_lines:
        if ("19" not in line and "20" not in line) or _YEAR.search(line) is None or _OTHER_DATES.match(line) \
                or _BODY_LINE.match(line):
            continue
        years = [m.start() for m in _YEAR.finditer(line)]
        candidates: dict[int, date | None] = {}
        dated = _DATE_LINE.match(line)
        if dated:
            candidates[dated.start("y")] = _make(dated["y"], dated["m"], dated["d"])
        for year in years:
            start = max(0, year - _WINDOW)
            for match in _FULL_DATE.finditer(line[start:year + _WINDOW]):
                candidates.setdefault(start + match.start(), _from_match(match))
        for _, found in sorted(candidates.items()):
            if found is not None:
                return found
    return None


def parse_yyyymmdd(text: str) -> date | None:
    """Read `YYYYMMDD`; None when the text is not eight digits of a real date."""
    match = _YYYYMMDD.match(text.strip())
    return _make(*match.groups()) if match else None


def parse_date(text: str) -> date | None:
    """Read a value that is exactly one date in any supported form (YYYYMMDD included)."""
    text = text.strip()
    found = parse_yyyymmdd(text)
    if found is not None:
        return found
    match = _FULL_DATE.fullmatch(text)
    return _from_match(match) if match else None


def add_years(day: date, years: int) -> date:
    """`day` moved `years` years on (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
