"""Dates: a document's date of origin, the dates of its copy, and date values on authority lines.

`date_of_origin` finds the date the way an archivist does (see its docstring): the document's
own date line, memo or letter date, labelled date (`Date:`, `Sent:`), cable date-time group
(`160455Z SEP 93`) or telegram date first, a date inside other text only when there is none of
those; never a release, review, declassification or metadata date (`marklint.copydates`), an
authority-block date or a birth date. Dates are read in these forms:

- `November 22, 1984`, `Nov. 22, 1984`, `Nov 22 1984`, `November 22nd, 1984`
- `22 November 1984`, `22 Nov. 1984`, and on a date or labelled line `6 AUG 74`, `03 OCT 62`
- `1984-11-22` (ISO)
- `11/22/1984` (US month/day/year), and `01/02/79` on a date or labelled line
- `19841122` (YYYYMMDD) only on a date line (`Date:`, `DATE:`), because eight digits
  elsewhere are as likely a serial or file number.
- `March 1984`, `MAR 1984` (a month and year, as a report's title page dates it) only on a
  line of its own, and only when no line gives a full date: it is read as the month's last
  day, so that a limit counted from it is never shorter than the writer's.

Two-digit years are read in the archival window 1940-2039. Impossible dates
(`February 30, 2001`) are ignored, and four-digit years are read only in 1900-2099.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from marklint.values import FrozenValue

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
_MONTH_YEAR = re.compile(rf"(?P<m>{_MONTH})\.?,? (?P<y>\d{{4}})", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*(?:Date|DATE)\s*:\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})\b")
_YYYYMMDD = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MON = r"(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)"
# A cable date-time group: day, hour and minute, Z, month, two-digit year (`160455Z SEP 93`).
_DTG = re.compile(rf"(?<![0-9A-Za-z])(?P<d>[0-9OD]{{2}})[0-9OD]{{4}}Z ?(?P<m>{_MON}) ?(?P<y>\d{{2}})\b", re.IGNORECASE)
# The same as OCR leaves it in a scanned cable (OCR tolerance only): its Z read as 2, its year's 8 as B
# (`TOT: 0222112 JAN BO` for 022211Z JAN 80).
_OCR_DTG = re.compile(rf"(?<![0-9A-Za-z])(?P<d>[0-9OD]{{2}})[0-9OD]{{4}}[Z2] ?(?P<m>{_MON}) ?(?P<y>[0-9OBD]{{2}})\b")
_YEAR_DIGITS = str.maketrans("ODB", "008")
# `03 OCT 62`, `25 Nov 63`, `6 AUG 1974`: day, month abbreviation, two- or four-digit year; a
# speck the scan left after the day (`17. May 64`) is passed over.
_SHORT_DATE = re.compile(rf"(?P<d>[0-9OD]?\d|\d[OD]?|\d \d)\.? ?(?P<m>{_MON})[A-Z]*\.? ?(?P<y>\d{{4}}|\d{{2}})\b", re.IGNORECASE)
# A drafter's line at a memo's or letter's foot: the office (`DDO/CI/RA/`) or the typist's
# initials (`:po`), then the day it was typed in parentheses (`DDO/CI/RA/Joan Paxson (21 May
# 1982)`, `R.Litviak:po (18 Sept 75)`); OCR may read the day's 1 as `]`, `l` or `I`.
_DRAFTER = re.compile(rf"(?:[A-Z]{{2,}}/|.*:[a-z]{{2,3}}\b).*\((?P<d>[0-9\]lI|]{{1,2}}) (?P<m>(?i:{_MON}))[a-z]*\.? "
                      r"(?P<y>\d{4}|\d{2})\)\s*$")
_DAY_ONE = str.maketrans("]lI|", "1111")
DRAFTER_MAX = 70  # the length of a drafter's line
_NUMERIC_SHORT = re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})(?![\d/])")
# (`:revdate:` is AsciiDoc's document attribute)
_LABEL = re.compile(r"\s*(?:date|sent|date/dtg|dtg|date of document|document date|:revdate)\s*[:.]\s*", re.IGNORECASE)
_NOISE = re.compile(r"^[^A-Za-z0-9]{1,3}|(?:[^A-Za-z0-9]{1,3}|(?<=\d{4})\s\d{1,2})$")
_DIGIT = re.compile(r"\d")
# Lines whose dates are instructions to declassify or review: later than the date of origin.
_INSTRUCTION = re.compile(
    r"\s*(?:(?:E\.?\s?O\.?\s?1\d{4}\s*[:,]\s*)?(?:declassify\s+on|declass\w*\s+on|decl\b)|review\s+on|rvw\b"
    r"|downgrade\s+to)",
    re.IGNORECASE,
)
# Lines whose dates are a source's (before the date of origin) or no date at all.
_SOURCE = re.compile(r"\s*(?:classified\s+by|cl\s?by|derived\s+from|drv\b|reason\s*:|dated\b|date of source)",
                     re.IGNORECASE)
_NOT_ORIGIN = re.compile(r"\b(?:D\.?P?\.?O\.?B\b|born\b|birth)", re.IGNORECASE)
# A line ending with a birth label: the scan set the birth date on the next line (`... AKA HAROLD
# SINGLETON BORN` over `28 MAR 44.`), which is no date of origin.
_BIRTH_LABEL = re.compile(r"\b(?:D\.?P?\.?O\.?B|born)[^\w\r\n]*$", re.IGNORECASE)
BIRTH_LABEL_REACH = 2  # lines from the label to its date (the scan's blank line between)
# A printout's page field (`Page: 1`) right under a labelled date (`Date: 07/28/94`): the header
# a database printed atop its form (NARA's identification form), the copy's date, not the document's;
# NSA's printouts of the form write both labels in capitals (`DATE: 09/12/97` over `PAGE: 1`).
_PAGE_FIELD = re.compile(r"\s*Page\s*:\s*\d{1,4}\s*$", re.IGNORECASE)
# A release stamp's year alone, ending the line (`APPROVED FOR RELEASE 1993`).
_RELEASE_YEAR = re.compile(r"\brelease\s+((?:19|20)\d\d)\W*$", re.IGNORECASE)
# A form's DATE field whose value the scan set on a line of its own below it (`DATE` over
# `: 06/29/54`): that line is the labelled date.
_DATE_LABEL = re.compile(r"\s*DATE\s*:?\s*$")
_ZERO = str.maketrans("ODod", "0000")
_HAS_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CYRILLIC = str.maketrans("АВСЕНКМОРТХЗДаеорсух", "ABCEHKMOPTX3Daeopcyx")
# Where a line that `date_of_origin` reads goes on from: its first digit or Cyrillic letter
# (which `_fold` may make a digit), to the line's end, so that a line is matched once.
_DATABLE = re.compile(r"[\d\u0400-\u04ff][^\r\n]*")
# A line that opens a portion-marked paragraph is body text: a date there is what the text is
# about, not the date of origin (C-08, C-17); a marked line that is only a date ("(U) Dated
# 12 March 2001.") still dates the document.
_BODY_LINE = re.compile(r"^\s*(?:\d{1,3}[.)]\s+)?\((?:TS|S|C|U|R|CUI|//)(?://[A-Za-z0-9_ ,/-]*)?\)\s+"
                        r"(?!Dated?\b|[A-Z][a-z]{2,8}\.? \d|\d)")
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


def document_date(text_lines: Iterable[str]) -> date | None:
    """The document's date of origin (see `date_of_origin`), or None when it has none."""
    found = date_of_origin(enumerate(text_lines, 1)).origin
    return found.date if found is not None else None


class DateFound(FrozenValue):
    """A date read from one line: the date, its 1-based line, and how it was written there:
    `date-line` (a line that is only a date), `month-line` (a line that is only a month and
    year), `labelled` (`Date:`, `Sent:`, `DTG:`), `dtg`
    (a cable date-time group), `text` (a date elsewhere in a line), `override` (--date), or
    for a copy date its kind (release, review, declassification, metadata)."""

    _fields = ("date", "line", "kind")

    def __init__(self, date: date, line: int, kind: str) -> None:
        self.__dict__.update(date=date, line=line, kind=kind)

    def describe(self) -> str:
        """`1984-11-22, date line 3` (for notes and the summary)."""
        if self.kind == "override":
            return f"{self.date.isoformat()}, from --date"
        return f"{self.date.isoformat()}, {self.kind.replace('-', ' ')} at line {self.line}"


class Dating(FrozenValue):
    """What the dates of a document say: its date of origin (None when it has none) and the
    dates of its copy (release, review, declassification and metadata stamps), in line order."""

    _fields = ("origin", "copy_dates")

    def __init__(self, origin: DateFound | None, copy_dates: tuple[DateFound, ...] = ()) -> None:
        self.__dict__.update(origin=origin, copy_dates=copy_dates)


_STRONG = ("date-line", "labelled", "dtg")


def date_of_origin(numbered_lines: Iterable[tuple[int, str]], ocr: bool = False) -> Dating:
    """Find the date of origin the way an archivist does.

    Strong evidence is the document's own date: a line that is only a date (a letter's or a
    memo's date line, a cable's date box), a labelled date (`Date:`, `DATE:`, an e-mail's
    `Sent:`, `Date/DTG:`), a cable date-time group (`160455Z SEP 93`) or the day on a drafter's
    line (`DDO/CI/RA/Joan Paxson (21 May 1982)`). A date inside other
    text is weak evidence, used only when there is no strong one. The first strong date wins.

    Never read: authority-block lines (their dates are declassification instructions or a
    source's date), a `Dated`/`Date of source` line under `Derived From`, birth dates (also on
    the line after one ending with a birth label, `BORN` over `28 MAR 44`), a printout's header
    date (`Date: 07/28/94` over `Page: 1`, recorded as the copy's), and the
    copy's own dates (release, review, declassification, metadata; `marklint.copydates`),
    which are collected separately. A copy is made after its original, and an instruction to
    declassify or review falls after it too: a candidate later than the earliest such date,
    or later than today, is a stamp's date and is passed over, except in a document not read
    as a scanned copy: there the first strong date up to today stands when all fall after such
    an instruction (the instruction is the writer's slip, C-08). With `ocr` (a scanned copy read
    with OCR tolerance) a date-time group is also read with its Z as 2 and its year's 8 as B
    (`0222112 JAN BO`).
    """
    from marklint.copydates import copy_date_kind

    strong: list[DateFound] = []
    monthly: list[DateFound] = []
    weak: list[DateFound] = []
    copies: list[DateFound] = []
    bound = date.today()
    born_at = labelled_at = -BIRTH_LABEL_REACH - 1
    for number, raw in numbered_lines:
        line = _fold(raw)
        birth_date = number - born_at <= BIRTH_LABEL_REACH
        if _BIRTH_LABEL.search(line):
            born_at = number
        if _DATE_LABEL.match(line):
            labelled_at = number
            continue
        if not _DIGIT.search(line):
            continue
        if number - labelled_at <= BIRTH_LABEL_REACH:
            line = "DATE: " + line.strip().lstrip(":").strip()
        if _PAGE_FIELD.match(line) and strong and strong[-1].kind == "labelled" \
                and number - strong[-1].line <= BIRTH_LABEL_REACH:
            printed = strong.pop()
            copies.append(DateFound(printed.date, printed.line, "metadata"))
            bound = min(bound, printed.date)
            continue
        kind = copy_date_kind(line)
        if kind is not None:
            for day in _all_dates(line) or _release_year_end(line):
                copies.append(DateFound(day, number, kind))
                bound = min(bound, day)
            continue
        if _INSTRUCTION.match(line):
            bound = min([bound, *_all_dates(line)])
            continue
        if _SOURCE.match(line) or _NOT_ORIGIN.search(line) or _BODY_LINE.match(line) or birth_date:
            continue
        found = _strong_date(line) or (_ocr_dtg(line) if ocr else None) or _drafter_date(line)
        if found is not None:
            strong.append(DateFound(found[0], number, found[1]))
        elif not strong and (month := _month_line(line)) is not None:
            monthly.append(DateFound(month, number, "month-line"))
        elif not strong:
            day = _first_full_date(line) if _YEAR.search(line) else None
            short = _SHORT_DATE.search(line) if day is None else None
            day = _short(short) if short is not None and short["d"].isdigit() else day
            if day is not None:
                weak.append(DateFound(day, number, "text"))
    for candidate in (*strong, *monthly, *weak):
        # a month and year (read as its last day) may be this month, or a stamp's month
        earliest = candidate.date.replace(day=1) if candidate.kind == "month-line" else candidate.date
        if earliest <= bound:
            return Dating(candidate, tuple(copies))
    if not ocr:
        # a draft, not a scanned copy with stamps: its declassify-on date is the slip (C-08)
        today = date.today()
        return Dating(next((found for found in strong if found.date <= today), None), tuple(copies))
    return Dating(None, tuple(copies))


def _release_year_end(line: str) -> list[date]:
    """[the last day of the year] of a release stamp that gives only its year at the end of the
    line (CIA's Historical Review Program stamp `APPROVED FOR RELEASE 1993`), else []."""
    year = _RELEASE_YEAR.search(line)
    return [date(int(year[1]), 12, 31)] if year is not None else []


def _drafter_date(line: str) -> tuple[date, str] | None:
    """(date, "drafter-line") of a drafter's line (`_DRAFTER`), the day the document was typed."""
    drafter = _DRAFTER.match(line.strip()) if len(line) <= DRAFTER_MAX else None
    if drafter is None:
        return None
    day = _make(_century(drafter["y"]), drafter["m"], drafter["d"].translate(_DAY_ONE))
    return (day, "drafter-line") if day is not None else None


def _ocr_dtg(line: str) -> tuple[date, str] | None:
    """(date, "dtg") of a date-time group as OCR leaves it (`0222112 JAN BO`), or None."""
    dtg = _OCR_DTG.search(line)
    if dtg is None:
        return None
    day = _make(_century(dtg["y"].translate(_YEAR_DIGITS)), dtg["m"], _digits(dtg["d"]))
    return (day, "dtg") if day is not None else None


def datable_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of the lines of `text` (ended by CRLF, LF or a lone CR) that
    `date_of_origin` reads past its first test: those with a digit or a Cyrillic letter, found
    in one scan of the text rather than line by line, and, right above one, a line without a
    digit that is a birth label's or a DATE label's (`_labels_above`)."""
    number, counted, yielded = 1, 0, 0
    for match in _DATABLE.finditer(text):
        at = match.start()
        line_end = max(text.rfind("\n", counted, at), text.rfind("\r", counted, at))
        start = counted if line_end < 0 else line_end + 1
        number += (text.count("\n", counted, start) + text.count("\r", counted, start)
                   - text.count("\r\n", counted, start))  # a CRLF is one line end
        counted = start
        for above, line in _labels_above(text, start):
            if number - above > yielded:
                yield number - above, line
        yielded = number
        yield number, text[start:match.end()]


def _labels_above(text: str, start: int) -> list[tuple[int, str]]:
    """(lines above, line) of the lines up to BIRTH_LABEL_REACH above the line at `start`
    (LF or CRLF ended) that end with a birth label or are a DATE label alone, farthest first."""
    found: list[tuple[int, str]] = []
    end = start - 1
    for above in range(1, BIRTH_LABEL_REACH + 1):
        if end < 0:
            break
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end].rstrip("\r")
        if "\r" in line:
            break  # a lone CR: lines are counted otherwise
        if _BIRTH_LABEL.search(line) or _DATE_LABEL.match(line):
            found.append((above, line))
        end = begin - 1
    return found[::-1]


def _first_full_date(line: str) -> date | None:
    years = [m.start() for m in _YEAR.finditer(line)]
    candidates: dict[int, date | None] = {}
    dated = _DATE_LINE.match(line)
    if dated:
        candidates[dated.start("y")] = _make(dated["y"], dated["m"], dated["d"])
    for year in years:
        start = max(0, year - _WINDOW)
        for match in _FULL_DATE.finditer(line[start:year + _WINDOW]):
            candidates.setdefault(start + match.start(), _from_match(match))
    return next((found for _, found in sorted(candidates.items()) if found is not None), None)


def _all_dates(line: str) -> list[date]:
    """Every date written in `line` (four-digit years, and numeric dates with two)."""
    found = [_from_match(m) for m in _FULL_DATE.finditer(line)]
    found += [_numeric(m) for m in _NUMERIC_SHORT.finditer(line)]
    return list(dict.fromkeys(day for day in found if day is not None))


def _strong_date(line: str) -> tuple[date, str] | None:
    """(date, kind) when the line states a document date: a date-time group, a labelled
    date, or a line that is only a date."""
    dtg = _DTG.search(line)
    if dtg is not None:
        day = _make(_century(dtg["y"]), dtg["m"], _digits(dtg["d"]))
        if day is not None:
            return day, "dtg"
    labelled = _LABEL.match(line)
    body, kind = (line[labelled.end():], "labelled") if labelled else (line, "date-line")
    body = _NOISE.sub("", body.strip())
    if not body or len(body) > 60:
        return None
    if labelled:  # `Sent: Wednesday, June 23, 2010 7:29 AM`: the date may be followed by a time
        match = _FULL_DATE.search(body) or _SHORT_DATE.search(body)
        if match is None or match.start() > 12:
            match = _NUMERIC_SHORT.search(body)
            return (_numeric(match), kind) if match is not None and match.start() <= 12 and _numeric(match) else None
        day = _from_match(match) if match.re is _FULL_DATE else _short(match)
        return (day, kind) if day is not None else None
    match = _FULL_DATE.fullmatch(body) or _SHORT_DATE.fullmatch(body)
    if match is not None:
        day = _from_match(match) if match.re is _FULL_DATE else _short(match)
        return (day, kind) if day is not None else None
    return None


def _month_line(line: str) -> date | None:
    """The last day of the month a line of its own names with its year (`March 1984`)."""
    match = _MONTH_YEAR.fullmatch(_NOISE.sub("", line.strip()))
    if match is None:
        return None
    month = _MONTHS[match["m"][:3].lower()]
    following = date(int(match["y"]) + month // 12, month % 12 + 1, 1) if 1900 <= int(match["y"]) <= 2099 else None
    return None if following is None else date.fromordinal(following.toordinal() - 1)


def _century(year: str) -> str:
    """A two-digit year in the archival window 1940-2039."""
    if len(year) == 4:
        return year
    return ("19" if int(year) >= 40 else "20") + year


def _digits(text: str) -> str:
    """OCR reads a zero as O or D in date-time groups (`D21330Z JAN 73`)."""
    return text.translate(_ZERO)


def _short(match: re.Match[str]) -> date | None:
    return _make(_century(match["y"]), match["m"], _digits(match["d"].replace(" ", "")))


def _numeric(match: re.Match[str]) -> date | None:
    return _make(_century(match["y"]), match["m"], match["d"])


def _fold(line: str) -> str:
    """Cyrillic letters that OCR puts for look-alike Latin letters and digits, folded back."""
    return line.translate(_CYRILLIC) if _HAS_CYRILLIC.search(line) else line


def parse_yyyymmdd(text: str) -> date | None:
    """Read `YYYYMMDD`; None when the text is not eight digits of a real date."""
    match = _YYYYMMDD.match(text.strip())
    return _make(*match.groups()) if match else None


def parse_date(text: str) -> date | None:
    """Read a value that is exactly one date in any supported form (YYYYMMDD included, and the
    cable forms `5/1/06` and `02 JAN 09` with two-digit years, read in 1940-2039)."""
    text = text.strip()
    found = parse_yyyymmdd(text)
    if found is not None:
        return found
    match = _FULL_DATE.fullmatch(text)
    if match:
        return _from_match(match)
    short = _NUMERIC_SHORT.fullmatch(text) or _SHORT_DATE.fullmatch(text)  # `5/1/06`, `02 JAN 2009`
    if short is None:
        return None
    return _numeric(short) if short.re is _NUMERIC_SHORT else _short(short)


def add_years(day: date, years: int) -> date:
    """`day` moved `years` years on (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# The orders a telegram's authority line names (`E.O. 12958: DECL: 03/15/2015`), by the day each
# took effect (L-01): an undated cable was written under the order it names.
_ORDERS = {"10290": date(1951, 9, 24), "10501": date(1953, 12, 15), "10964": date(1961, 9, 20),
           "11652": date(1972, 6, 1),
           "12065": date(1978, 12, 1), "12356": date(1982, 8, 1), "12958": date(1995, 10, 14),
           "13292": date(2003, 9, 22), "13526": date(2010, 6, 25)}
_ORDER_LINE = re.compile(r"\s*E\.?\s?O\.?\s?(?P<order>\d{5})\s*:\s*(?:DECL|GDS|XGDS|[ARX]DS|N/A)\b", re.IGNORECASE)
# Authority formulas of one order only (L-01): EO 10964's Group legend, a line of its own or
# the legend's first (`GROUP 1` over `Excluded from automatic downgrading ...`; OCR: `GROUP !`);
# EO 11652's exemption `IMPDET` (date impossible to determine, `E2 IMPDET`) and `XGDS`; EO
# 12356's `OADR` (originating agency's determination required) after DECL; EO 12065's review
# date `RVW` before a year (`RVW 2000`).
_FORMULAS = (
    (re.compile(r"^\s*(?P<name>GROUP\s?[1-4!])\s*(?:$|[-:]|Excluded\b|Downgraded\b)"), "10964"),
    (re.compile(r"\b(?P<name>IMPDET|XGDS)\b"), "11652"),
    (re.compile(r"\bDECL\b\W{0,3}(?P<name>OADR)\b", re.IGNORECASE), "12356"),
    (re.compile(r"\b(?P<name>RVW)\b\W{0,3}(?:\d{1,2} [A-Z]{3} )?(?:19|20)\d\d\b"), "12065"),
)


def order_named(numbered_lines: Iterable[tuple[int, str]]) -> tuple[str, int, date] | None:
    """(how the order is named, line, the day it took effect) for the first telegram authority
    line that names a known executive order (`E.O. 12958: DECL: ...`: "E.O. 12958 named"), or
    authority formula of one order only (`E2 IMPDET`: "E.O. 11652's IMPDET"), or None: the era
    of an undated document."""
    for number, line in numbered_lines:
        match = _ORDER_LINE.match(line)
        if match is not None and match["order"] in _ORDERS:
            return f"E.O. {match['order']} named", number, _ORDERS[match["order"]]
        for formula, order in _FORMULAS:
            found = formula.search(line)
            if found is not None:
                return f"E.O. {order}'s {found['name'].upper().replace('!', '1')}", number, _ORDERS[order]
    return None
