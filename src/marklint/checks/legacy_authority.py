"""Authority lines as older eras wrote them, read into the authority block's line kinds.

- EO 10501 as amended by EO 10964 (1961-1972): the Group legend, `GROUP 1 - Excluded from
  automatic downgrading and declassification` (Groups 1-4), often over several lines; a
  telegram's `GP-3` after its last paragraph or before its signature (`GP-3. RUSK`).
- EO 11652 (1972-1978): `Classified by` without a colon, `CL BY 062028`; the General
  Declassification Schedule `GDS 1978` (in full, `SUBJECT TO GENERAL DECLASSIFICATION SCHEDULE
  OF EXECUTIVE ORDER 11652 / AUTOMATICALLY DOWNGRADED AT TWO YEAR INTERVALS / DECLASSIFIED ON
  DECEMBER 31, 1982`); its exemptions `XGDS 2`, `E2 IMPDET` (a cable's `E2, IMPDET.` too; category 5B(2),
  date impossible to determine), and the full `Exempt from General Declassification Schedule
  of Executive Order 11652, exemption category 5B(2), automatically declassified on ...`.
- EO 12065 (1978-1982): `REVIEW ON 02 JAN 2009`, cables `RVW 02 JAN 2000 DRV D9C.1`;
  `Extended by`; State's schedules with a date and the classifier's name after the order
  (`E.O. 12065: GDS 2/12/85 (SULLIVAN, W.H.) OR-M`; `ADS` an earlier date; `RDS-1` and `XDS-3`
  a date for review), whose value is that date.
- Cables of every era to 2010: `CL BY`, `CLBY`, `DRV FRM`, `DRV FM`, `DRV`, `DECL`, `DECL ON`,
  `DECL OADR`, `DECL ON: X1`, several on one line (`E2 IMPDET CL BY 059876`,
  `DECL OADR DRV HUM 4-82`); an FBI teletype's `C BY 7585, DECL: OADR` (CL BY without its L,
  before a number).

A line is read when it starts with such a label, or holds one of the unmistakable cable forms
(`DECL OADR`, `CL BY 0712052`, `E2 IMPDET`, `XGDS`, `RVW 2000`) after other text. Each label
has a legacy form (`marklint.legacy_forms.LegacyForm`): its modern label and the last day it
was current, so that the authority check reports it as legacy-marking in a later document.
A colonless `Classified by`, `Derived from` or `Declassify on` is the modern label with its
colon lost and has no legacy form.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from marklint.legacy_forms import LegacyForm

_DSSM = date(2010, 6, 24)
_EO11652_END = date(1978, 11, 30)
_EO12065_END = date(1982, 7, 31)
_EO10501_END = date(1972, 5, 31)

# group name -> (key, form name or None, modern form, last day current)
_KEYS = {
    "cb": ("classified-by", None, "Classified By:", None),
    "cbx": ("classified-by", "cl-by", "Classified By:", _DSSM),
    "df": ("derived-from", None, "Derived From:", None),
    "dfx": ("derived-from", "drv", "Derived From:", _DSSM),
    "rv": ("review-on", "review-on", "Declassify On: a date", _EO12065_END),
    "do": ("declassify-on", None, "Declassify On:", None),
    "dox": ("declassify-on", "decl", "Declassify On:", _DSSM),
    "ex": ("exempt", "gds-exemption", "Declassify On: 25X<n>, a date", _EO11652_END),
    "gds": ("gds", "gds", "Declassify On: a date", _EO11652_END),
    "sdd": ("declassify-on", "eo12065-schedule", "Declassify On: a date", _EO12065_END),
    "sdr": ("review-on", "eo12065-schedule", "Declassify On: a date", _EO12065_END),
    "grp": ("group", "group-legend", "Declassify On: a date", _EO10501_END),
    "gp": ("group", "group-legend", "Declassify On: a date", _EO10501_END),
    "eb": ("extended-by", "extended-by", "Classified By: (the official who extends it)", _EO12065_END),
    "rs": ("reason", None, "Reason:", None),
    "rsx": ("reason", "cl-reason", "Reason:", _DSSM),
}
# EO 12065's schedules as State's cables wrote them: the label, then a month/day/year date.
_SCHEDULE_DATE = r"\s+\d{1,2}/\d{1,2}/\d{2,4}\b"
_SCHEDULE_VALUE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
_LABEL = (
    r"(?P<cb>CLASSIFIED\s+BY)|(?P<cbx>CL\.?\s?BY|C\s+BY(?=:?\s+\d))"
    r"|(?P<df>DERIVED\s+FROM)|(?P<dfx>DRV(?:\s+FR?O?M)?)"
    r"|(?P<rv>RVW|REVIEW\s+(?:FOR\s+DECLASSIFICATION\s+)?ON)"
    r"|(?P<do>DECLASSIFY\s+ON)|(?P<dox>DECL(?:\s+ON)?)"
    r"|(?P<ex>E\s?[2Z],?\s+IMPDET|XGDS(?:\s?-?\s?[1-4]\b)?|EXEMPT(?:ED)?\s+FROM(?:\s+(?:THE\s+)?"
    r"(?:GENERAL\s+DECLASSIFICATION(?:\s+SCHEDULE)?|GDS))?)"
    rf"|(?P<sdd>(?:GDS|ADS)(?={_SCHEDULE_DATE}))|(?P<sdr>(?:RDS|XDS)-?[1-4](?:,\s?[1-4]){{0,3}}(?={_SCHEDULE_DATE}))"
    r"|(?P<gds>GDS|SUBJECT\s+TO\s+(?:THE\s+)?GENERAL\s+DECLASSIFICATION\s+SCHEDULE)|(?P<grp>GROUP\s+[1-4])|(?P<gp>GP\s?-\s?[1-4](?=\.?(?:\s|$)))|(?P<eb>EXTENDED\s+BY)"
    r"|(?P<rsx>CL\s+REASON)|(?P<rs>(?i:REASONS?))(?=:?\s+1\.\d)"
)
# (a stamp's specks may come before the label; a quotation mark or code span opens a mention of one)
_QUOTES = ('"', "`", "“")
_AT_START = re.compile(rf"[^A-Za-z0-9\"`“]{{0,3}}(?:E\.?\s?O\.?\s?1\d{{4}}\s*[:,]\s*)?(?:{_LABEL})\b", re.IGNORECASE)
_ANYWHERE = re.compile(rf"\b(?:{_LABEL})\b")  # later labels on the same line, in capitals (a reason in any case)
# After other text: only the forms that cannot be prose (a telegram's first paragraph may open
# `1. Classified by EUR DAS X, reason 1.5 (B)`, its reason wrapped onto the next line: `... TALBOTT.
# REASONS: 1.5 (B).`).
_EMBEDDED = re.compile(r"\b(?:DECL:?\s+OADR|GP-[1-4](?:\.\s|\.?$)|CL\s?BY:?\s+\d|E[2Z],?\s+IMPDET|XGDS\b|RVW\s+\d"
                       r"|DRV\s+[A-Z]{2,5}\s?\d|CLASSIFIED BY:?\s+[A-Z]"
                       r"|(?i:classified\s+by)\s+[A-Z][^\n]{0,80}?\b(?i:reasons?):?\s+1\.\d"
                       r"|REASONS?:?\s+1\.\d\.?\s?\([A-H]\))")
# EO 11652's schedule at the end of a banner (`CONFIDENTIAL - GDS`, `SECRET/GDS 1975`); searched
# apart, and only in lines that hold it, as a pattern anchored at the end is slow to scan for
_EMBEDDED_GDS = re.compile(r"(?<=[/-] )GDS(?:\s\d{4})?$|(?<=[/-])GDS(?:\s\d{4})?$")
# A Group legend's or an EO 11652 exemption's continuation lines (no label of their own).
_CONTINUATION = re.compile(
    r"\s*(?:EXCLUDED\s+FROM\s+AUTOMATIC|EXEMPTED\s+FROM\s+AUTOMATIC"
    r"|(?:AUTOMATICALLY\s+)?DOWNGRADED\s+AT\s+(?:\d{1,2}|TWO|THREE|TWELVE)[- ]YEAR"
    r"|DOWNGRADING\s+AND\s+DECLASSIFICATION|AUTOMATICALLY\s+DECLASSIFIED|DECLASSIFIED\s+(?:AFTER\s+12|ON\s+\w)"
    r"|EXEMPTION\s+CATEGORY|SCHEDULE\s+OF\s+(?:E\.?\s?O\.?|EXECUTIVE\s+ORDER)\s+11652|NOT\s+AUTOMATICALLY\s+DECLASSIFIED)",
    re.IGNORECASE,
)
# A Group label must be the legend, not prose (`Group 1 met on Monday`).
_GROUP_LEGEND = re.compile(r"\s*[-–—:.,/]?\s*(?:$|EXCLUDED|EXEMPTED|DOWNGRADED)", re.IGNORECASE)
# Blocks worth reading at all: a colon (modern labels) or one of these words. The look-ahead for
# the words' first letters lets the regex engine skip from one such letter to the next.
# (EO 12065's `ADS` line carries its order's colon: `E.O. 12065: ADS 4/14/85`)
_GATE_WORDS = re.compile(r"(?=[CRDGXIE])\b(?:CL\s?BY|REASON|DRV|RVW|DECL|[GR]DS|X[GD]DS|IMPDET|GROUP\s+[1-4]|GP-[1-4]"
                         r"|GENERAL\s+DECLASSIFICATION"  # DoD's SUBJECT TO GENERAL DECLASSIFICATION SCHEDULE
                         r"|REVIEW\s+ON"
                         r"|EXTENDED\s+BY|EXEMPT|EXCLUDED|DOWNGRAD|CLASSIFIED\s+BY|DERIVED\s+FROM|DECLASSIFY)",
                         re.IGNORECASE)


def may_hold_authority(text: str) -> bool:
    """Whether a block is worth reading for authority lines: it holds a colon or one of the
    words an older era's authority line starts with."""
    return ":" in text or _GATE_WORDS.search(text) is not None


def legacy_parts(line: str) -> tuple[tuple[str, str, str, int, int, LegacyForm | None], ...]:
    """The authority-line parts of one line in an older era's form: (key, label as written,
    value, offset of the label, offset of the value, legacy form) each; () when it has none."""
    start = _AT_START.match(line)
    if start is None:
        matches = _EMBEDDED.finditer(line)
        if "GDS" in line:
            matches = itertools.chain(matches, _EMBEDDED_GDS.finditer(line))
        embedded = next((match for match in matches if line[match.start() - 1:match.start()] not in _QUOTES), None)
        if embedded is None:
            return ()
        start = _AT_START.match(line, embedded.start())
        if start is None:
            return ()
    if start.group("grp") and not _GROUP_LEGEND.match(line, start.end()):
        return ()
    labels = [start]
    position = start.end()
    while (match := _ANYWHERE.search(line, position)) is not None:
        labels.append(match)
        position = match.end()
    parts = []
    for index, match in enumerate(labels):
        group = match.lastgroup
        key, name, modern, until = _KEYS[group]
        written = match.group(group)
        end = labels[index + 1].start() if index + 1 < len(labels) else len(line)
        raw = line[match.end(group):end]
        value = raw.strip(" \t.,;:-")
        value_at = match.end(group) + (len(raw) - len(raw.lstrip(" \t.,;:-")))
        if group in ("sdd", "sdr"):  # the date, not the classifier's name and office after it
            value = _SCHEDULE_VALUE.match(value).group(0)
        form = LegacyForm(name, written, modern, until) if name else None
        parts.append((key, written, value, match.start(group), value_at, form))
    return tuple(parts)


def is_legacy_authority_line(line: str) -> bool:
    """Whether a line is an older era's authority line or a continuation of its legend."""
    return bool(legacy_parts(line)) or _CONTINUATION.match(line) is not None
