"""Marking forms of earlier eras, kept apart from the modern marking language (parser.py).

Before the CAPCO register's `//` syntax, banners were written as words: the level, then
codewords and control words separated by spaces or single slashes (`TOP SECRET UMBRA`,
`SECRET NOFORN SENSITIVE`, `SECRET/SENSITIVE`, `S-E-C-R-E-T NO FOREIGN DISSEM`); cables spaced
the letters of the level (`S E C R E T`) and shared a line between the banner and cable
structure (`END OF MESSAGE SECRET`); unclassified control words stood alone (`SBU`, `AIUO`,
`FOUO`, `NO FOREIGN DISSEM`, `WNINTEL`); a whole-text statement (`SECRET ENTIRE TEXT`,
`ALL SECRET`) stood for the portion marks.

`legacy_banner(text)` reads such a line into the modern marking it means plus the legacy forms
it used; `legacy_portion(mark)` does the same for a portion mark (`(SBU)`, `(U/AIUO)`);
`whole_text_statement(text)` finds a whole-text statement. Each form names its modern
equivalent and the last day it was current (`until`, None for a form still in use): a form is
accepted on a document dated up to that day, and reported as `legacy-marking` after it.
The dates are judgement calls from the orders and directives, written down in docs/eras.md.
"""

from __future__ import annotations

import re
from datetime import date

from marklint.levels import LEVEL_NAMES
from marklint.values import FrozenValue


class LegacyForm(FrozenValue):
    """One legacy way of writing a marking: its name, the written form, the modern form, and
    the last day it was current (None: still in use)."""

    _fields = ("name", "written", "modern", "until")

    def __init__(self, name: str, written: str, modern: str, until: date | None) -> None:
        self.__dict__.update(name=name, written=written, modern=modern, until=until)

    def current_on(self, day: date) -> bool:
        """Whether the form was still how documents dated `day` were marked."""
        return self.until is None or day <= self.until


class LegacyMarking(FrozenValue):
    """A legacy banner or portion mark: the modern marking it means (text to parse; None for a
    control line that carries no level), the legacy forms it used, whether it was written in
    spaced letters, and the marking as written (spaced letters collapsed, cable text left out)."""

    _fields = ("modern", "forms", "cable", "written")

    def __init__(self, modern: str | None, forms: tuple[LegacyForm, ...], cable: bool = False,
                 written: str = "") -> None:
        self.__dict__.update(modern=modern, forms=forms, cable=cable, written=written)


_DSSM = date(2010, 6, 24)         # the day before 32 CFR 2001 (EO 13526) took effect
_REGISTER = date(1999, 12, 31)    # banners written as words, without `//` (judgement: CAPCO register era)
_DCID_1_7_1984 = date(1984, 12, 31)  # NOFORN and ORCON replace the 1960s-70s phrases (judgement)
_WNINTEL = date(1995, 4, 12)      # WNINTEL and NOCONTRACT eliminated (DCID 1/7 1995, L-06)
_EO10290_END = date(1953, 12, 14)  # "Security Information" under the category: EO 10290 only
_EO11652_END = date(1978, 11, 30)  # the General Declassification Schedule of EO 11652

# Control words written after the level (or alone): written form -> (name, modern token or
# None when it has no modern equivalent, last day current).
CONTROL_WORDS: dict[str, tuple[str, str | None, date | None]] = {
    "NO FOREIGN DISSEM": ("no-foreign-dissem", "NOFORN", _DCID_1_7_1984),
    "NO FOREIGN DISSEMINATION": ("no-foreign-dissem", "NOFORN", _DCID_1_7_1984),
    "NO DISSEM ABROAD": ("no-dissem-abroad", "NOFORN", _DCID_1_7_1984),
    "BACKGROUND USE ONLY": ("background-use-only", None, _DCID_1_7_1984),
    "CONTROLLED DISSEM": ("controlled-dissem", "ORCON", _DCID_1_7_1984),
    "WARNING NOTICE SENSITIVE INTELLIGENCE SOURCES AND METHODS INVOLVED": ("wnintel", None, _WNINTEL),
    "WNINTEL": ("wnintel", None, _WNINTEL),
    "NOCONTRACT": ("nocontract", None, _WNINTEL),
    "SENSITIVE": ("sensitive", None, _REGISTER),
    "SECURITY INFORMATION": ("security-information", None, _EO10290_END),
    "EXCLUSIVELY EYES ONLY": ("eyes-only", None, _REGISTER),
    "EYES ONLY": ("eyes-only", None, _REGISTER),
    # EO 11652's schedule written into the banner (`SECRET/NODIS/XGDS`): the declassification
    # instruction, read as the document's authority line too (marklint.checks.legacy_authority)
    "XGDS": ("gds-in-banner", None, _EO11652_END),
    "GDS": ("gds-in-banner", None, _EO11652_END),
    "NOFORN": ("controls-without-separator", "NOFORN", _REGISTER),
    "ORCON": ("controls-without-separator", "ORCON", _REGISTER),
    "PROPIN": ("controls-without-separator", "PROPIN", _REGISTER),
    "LIMDIS": ("state-caption", "LIMDIS", _DSSM),
    "EXDIS": ("state-caption", "EXDIS", _DSSM),
    "NODIS": ("state-caption", "NODIS", _DSSM),
}
# Unclassified control words that stand alone as a banner or a portion: -> (name, modern marking).
UNCLASSIFIED_WORDS: dict[str, tuple[str, str, date | None]] = {
    "SBU": ("sbu", "UNCLASSIFIED//SBU", None),
    "SENSITIVE BUT UNCLASSIFIED": ("sbu", "UNCLASSIFIED//SBU", None),  # spelled out atop State's notes and e-mails
    # State's administrative control before SBU (12 FAM 540): `LIMITED OFFICIAL USE`, `(LOU)`
    "LOU": ("limited-official-use", "UNCLASSIFIED//SBU", _DSSM),
    "LIMITED OFFICIAL USE": ("limited-official-use", "UNCLASSIFIED//SBU", _DSSM),
    "SBU NOFORN": ("sbu", "UNCLASSIFIED//SBU NOFORN", None),
    "SBU/NOFORN": ("sbu", "UNCLASSIFIED//SBU NOFORN", None),
    "FOUO": ("fouo", "UNCLASSIFIED//FOUO", None),
    "FOR OFFICIAL USE ONLY": ("fouo", "UNCLASSIFIED//FOUO", None),
    "AIUO": ("aiuo", "UNCLASSIFIED//FOUO", _DSSM),
    "ADMINISTRATIVE - INTERNAL USE ONLY": ("aiuo", "UNCLASSIFIED//FOUO", _DSSM),
    "ADMINISTRATIVE INTERNAL USE ONLY": ("aiuo", "UNCLASSIFIED//FOUO", _DSSM),
    "U/AIUO": ("aiuo", "UNCLASSIFIED//FOUO", _DSSM),
    "U/FOUO": ("single-slash", "UNCLASSIFIED//FOUO", _REGISTER),
    "U/SBU": ("single-slash", "UNCLASSIFIED//SBU", _REGISTER),
}
# Codewords written after the level without `//`: -> the modern SCI control system.
CODEWORDS: dict[str, str] = {
    "UMBRA": "SI", "SPOKE": "SI", "MORAY": "SI", "SABRE": "SI", "DINAR": "SI", "TRINE": "SI",
    "GAMMA": "SI", "RUFF": "TK", "ZARF": "TK", "KEYHOLE": "TK", "TALENT KEYHOLE": "TK", "TK": "TK",
}
_LEVELS = {"TOP SECRET": "TOP SECRET", "SECRET": "SECRET", "CONFIDENTIAL": "CONFIDENTIAL",
           "UNCLASSIFIED": "UNCLASSIFIED", "TOPSECRET": "TOP SECRET", "UNCLAS": "UNCLASSIFIED"}
_PORTION_LEVELS = {"TS": "TS", "S": "S", "C": "C", "U": "U"}

# A cable's structure sharing a line with its banner: the end of the text, the `BT` and `NNNN`
# separators, a page number, or a continuation page's header (page, originating station and
# the cable's number: `PAGE 2 DAR ES SALAAM 1141 SECRET`), or the printer's number of a State
# telegram printout after it (`CONFIDENTIAL PTP7888`).
_CABLE_TEXT = re.compile(
    r"^(?:END OF (?:MESSAGE|TEXT)|END PAGE \w{1,12}|BT|NNNN|PAGE \d{1,3}(?: OF \d{1,3})?"
    r"(?: (?:[A-Z][A-Z.'-]{1,20} ){1,4}\d{1,6})?)[ .:]+"
    r"|[ .:]+(?:END OF (?:MESSAGE|TEXT)|BT|NNNN|PTP\d{4})$"
)
# The header of a cable in text form, after its level: the section, the originating post and the
# cable's number (`S E C R E T SECTION 01 OF 02 ANKARA 001234`, `C O N F I D E N T I A L STATE
# 012345`); the level stands for the whole section, which is not repeated at its end.
_CABLE_HEADER_TEXT = r"(?:SECTION \d{1,3} OF \d{1,3} )?(?:[A-Z][A-Z.'-]{1,20} ){1,4}\d{3,6}"
_CABLE_HEADER = re.compile(_CABLE_HEADER_TEXT)
_LEVEL_HEADER = re.compile(rf"(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS) {{1,3}}({_CABLE_HEADER_TEXT})")
CABLE_HEADER_FORM = "cable-header"
_SPACED = re.compile(r"^((?:[A-Z][ -]{1,3}){2,}[A-Z])(?=$|[ /])")
_WORDS = sorted({*CONTROL_WORDS, *CODEWORDS}, key=len, reverse=True)
_TOKEN = re.compile("|".join(re.escape(word) for word in _WORDS) + r"|ENTIRE TEXT")
_SEPARATOR = re.compile(r"[ /]{1,3}|[ ]{0,2}-[ ]{0,2}|$")  # `SECRET/NODIS`, `SECRET - NO FOREIGN DISSEM`
# A cheap gate: only short lines in capitals holding one of these words can be legacy banners.
_GATE = re.compile(r"\b(?:SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|SBU|FOUO|AIUO|DISSEM|WNINTEL|NODIS|EXDIS|LIMDIS"
                   r"|SECURITY INFORMATION|EYES ONLY|WARNING NOTICE|NOFORN|ORCON|PROPIN|NOCONTRACT|LOU"
                   r"|LIMITED OFFICIAL USE)\b"
                   r"|^(?:[A-Z][ -]{1,3}){2,}[A-Z]")

_SPACED_FORM = ("cable-spaced", _DSSM)
_NO_SEPARATOR = ("controls-without-separator", _REGISTER)


def legacy_banner(text: str) -> LegacyMarking | None:
    """Read a whole (stripped) line as a legacy banner or control line; None when it is not one."""
    if len(text) > 120 or not _GATE.search(text) or any(c.islower() for c in text):
        return None
    forms: list[LegacyForm] = []
    body = text.strip(" .:-_•*")
    stripped = _CABLE_TEXT.sub("", body)
    if stripped != body:
        forms.append(LegacyForm("cable-text", body, stripped, None))
        body = stripped.strip(" .:-")
    cable = False
    spaced = _SPACED.match(body)
    if spaced:
        word = re.sub(r"[ -]", "", spaced.group(1))
        if word not in _LEVELS and word not in UNCLASSIFIED_WORDS:
            return None
        cable = True
        forms.append(LegacyForm(_SPACED_FORM[0], spaced.group(1), _LEVELS.get(word, word), _SPACED_FORM[1]))
        rest = body[spaced.end():].strip()
        if _CABLE_HEADER.fullmatch(rest):
            forms.append(LegacyForm(CABLE_HEADER_FORM, rest, "", None))
            rest = ""
        body = _LEVELS.get(word, word) + (" " + rest if rest else "")
    header = _LEVEL_HEADER.fullmatch(body)
    if header:
        forms.append(LegacyForm(CABLE_HEADER_FORM, header.group(2), "", None))
        body = _LEVELS[header.group(1)]
    if body in UNCLASSIFIED_WORDS:
        name, modern, until = UNCLASSIFIED_WORDS[body]
        return LegacyMarking(modern, (*forms, LegacyForm(name, body, modern, until)), cable, body)
    level = next((name for name in reversed(LEVEL_NAMES)
                  if body == name or body.startswith((name + " ", name + "/", name + "-"))), None)
    rest = body[len(level):] if level else body
    parsed = _controls(rest, level is None)
    if parsed is None:
        return None
    controls, sci, more = parsed
    forms += more
    if level is None:
        return LegacyMarking(None, tuple(forms), cable, body) if forms else None
    if not forms:
        return None
    return LegacyMarking(_modern(level, sci, controls), tuple(forms), cable, body)


def control_line(text: str) -> bool:
    """Whether a line (or a few, `WARNING NOTICE` over `SENSITIVE INTELLIGENCE SOURCES` over `AND
    METHODS INVOLVED`) holds control words without a level (`NO FOREIGN DISSEM`, `EYES ONLY`)."""
    found = legacy_banner(" ".join(text.split()) if "\n" in text else text)
    return found is not None and found.modern is None


def current_legacy_banner(text: str, day: date) -> bool:
    """Whether a banner that also parses as a modern marking with faults (`SECRET/NODIS/XGDS`,
    single slashes) is an older era's form every part of which was current on `day`."""
    if "//" in text:
        return False
    found = legacy_banner(text)
    return found is not None and found.modern is not None and all(form.current_on(day) for form in found.forms)


def _controls(rest: str, alone: bool) -> tuple[list[str], list[str], list[LegacyForm]] | None:
    """The control words and codewords after a level (or on a line of their own), or None when
    something else follows."""
    controls: list[str] = []
    sci: list[str] = []
    forms: list[LegacyForm] = []
    position = 0
    rest = rest.strip(" /-")
    while position < len(rest):
        match = _TOKEN.match(rest, position)
        if match is None:
            return None
        word = match.group(0)
        if word == "ENTIRE TEXT":
            forms.append(LegacyForm("whole-text-statement", word, "portion marks", _DSSM))
        elif word in CODEWORDS:
            if alone:
                return None
            sci.append(CODEWORDS[word])
            forms.append(LegacyForm("codeword-without-separator", word, f"//{CODEWORDS[word]}", _REGISTER))
        else:
            name, modern, until = CONTROL_WORDS[word]
            if modern:
                controls.append(modern)
            forms.append(LegacyForm(name, word, f"//{modern}" if modern else "no marking (retired)", until))
        separator = _SEPARATOR.match(rest, match.end())
        if separator is None or (separator.end() == match.end() and match.end() < len(rest)):
            return None
        position = separator.end()
    return controls, sci, forms


def _modern(level: str, sci: list[str], controls: list[str]) -> str:
    parts = [level]
    if sci:
        parts.append("/".join(dict.fromkeys(sci)))
    ic = [c for c in dict.fromkeys(controls) if c not in ("LIMDIS", "EXDIS", "NODIS")]
    state = [c for c in dict.fromkeys(controls) if c in ("LIMDIS", "EXDIS", "NODIS")]
    if state and "NOFORN" not in ic and level != "UNCLASSIFIED":
        ic.append("NOFORN")
    if ic:
        parts.append("/".join(ic))
    if state:
        parts.append("/".join(state))
    return "//".join(parts)


_PORTION = re.compile(r"\((?P<body>[A-Z]{1,4}(?:[/-][A-Z]{2,6}){0,2})\)")


def legacy_portion(mark: str) -> LegacyMarking | None:
    """Read a portion mark written in a legacy form (`(SBU)`, `(AIUO)`, `(U/AIUO)`, `(S/NF)`);
    None when it is not one."""
    match = _PORTION.fullmatch(mark)
    if match is None:
        return None
    body = match.group("body")
    if body in UNCLASSIFIED_WORDS:
        name, modern, until = UNCLASSIFIED_WORDS[body]
        portion = "(U//" + modern.split("//", 1)[1].replace("SBU NOFORN", "SBU-NF") + ")"
        return LegacyMarking(portion, (LegacyForm(name, mark, portion, until),), written=mark)
    level, _, control = body.partition("/")
    if level in _PORTION_LEVELS and control in ("NF", "NOFORN", "OC", "ORCON", "WN", "PR"):
        portion = f"({level}//{control})"
        return LegacyMarking(portion, (LegacyForm("single-slash", mark, portion, _REGISTER),), written=mark)
    return None


# Lines the readers keep on their own (as banner candidates): letters joined by hyphens
# (`S-E-C-R-E-T`), a control word standing alone, a banner after cable text or after a cable's
# continuation page header. A pattern's text for `marklint.lineshapes.BANNER_BODY`, which never
# crosses a line end.
LEGACY_LINE = (
    r"|(?:[A-Z]-){2,}[A-Z][^a-z\n]{0,200}"
    r"|(?:SBU|SENSITIVE BUT UNCLASSIFIED|FOUO|AIUO|LIMITED OFFICIAL USE|NO FOREIGN DISSEM|NO DISSEM|WNINTEL|NODIS|EXDIS|LIMDIS|END OF MESSAGE|END OF TEXT)"
    r"\b[^a-z\n]{0,200}"
    r"|PAGE \d{1,3} (?:[A-Z][A-Z.'-]{1,20} ){1,4}\d{1,6} (?:TOP SECRET|SECRET|CONFIDENTIAL)\b[^a-z\n]{0,100}"
    rf"|(?:[A-Z] {{1,3}}){{2,}}[A-Z] {{1,3}}{_CABLE_HEADER_TEXT}"
)

_LEVEL_WORD = r"(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|SBU|FOUO)"
# At the start of a line (after paragraph numbering): `SECRET ENTIRE TEXT`, `ENTIRE TEXT IS
# SECRET`, `SBU/NOFORN entire`, a 1980s cable's `(C - ENTIRE TEXT)`, an FBI teletype's `THIS
# DOCUMENT IS CLASSIFIED "CONFIDENTIAL" IN ITS ENTIRETY`; or `ALL SECRET` ending a line of a cable (in capitals).
_WHOLE_TEXT = re.compile(
    rf"^[^\S\n]*(?:\d{{1,2}}\.[^\S\n]*)?\(?(?:(?P<a>{_LEVEL_WORD})(?:/\w{{2,8}})?[^\S\n]+ENTIRE\b"
    rf"|ENTIRE[^\S\n]+TEXT[^\S\n]+(?:IS[^\S\n]+)?(?P<b>{_LEVEL_WORD})\b"
    rf"|(?:THIS[^\S\n]+(?:DOCUMENT|MESSAGE|COMMUNICATION)[^\S\n]+IS[^\S\n]+)?CLASSIFIED[^\S\n]+[\"“]?(?P<e>{_LEVEL_WORD})"
    r"[\"”]?[^\S\n]+IN[^\S\n]+ITS[^\S\n]+ENTIRETY\b"
    r"|(?P<m>TS|S|C|U)\)[^\S\n]+ENTIRE[^\S\n]+TEXT\b|(?P<n>TS|S|C|U)[^\S\n]{0,2}-[^\S\n]{0,2}ENTIRE[^\S\n]+TEXT\b)",
    re.IGNORECASE | re.MULTILINE,
)
# Cheap scans first (a literal prefix, no \b or case folding: C speed): the statements are rare.
_ENTIRE = ("ENTIRE", "Entire", "entire")
_MARK_LEVELS = {"TS": "TOP SECRET", "S": "SECRET", "C": "CONFIDENTIAL", "U": "UNCLASSIFIED"}
_ALL = re.compile(rf"ALL[ \t]+(?P<c>{_LEVEL_WORD})\.?[ \t]*$", re.MULTILINE)


def whole_text_statement(text: str) -> str | None:
    """The level named by the first whole-text statement in `text`, which stands for the
    portion marks of the whole document (`SECRET ENTIRE TEXT`, `1. CONFIDENTIAL ENTIRE TEXT.`,
    a cable's `1. (C) ENTIRE TEXT.` or `1. (C - ENTIRE TEXT)`, `ENTIRE TEXT IS SECRET`, `SBU/NOFORN entire`,
    `THIS DOCUMENT IS CLASSIFIED "CONFIDENTIAL" IN ITS ENTIRETY`, a line ending `ALL SECRET`); None when there is none."""
    match = _WHOLE_TEXT.search(text) if any(word in text for word in _ENTIRE) else None
    if match is not None:
        mark = match["m"] or match["n"]
        return _MARK_LEVELS[mark.upper()] if mark else (match["a"] or match["b"] or match["e"]).upper()
    for match in _ALL.finditer(text):
        if match.start() == 0 or not text[match.start() - 1].isalnum():  # `ALL`, not `SMALL`
            return match["c"]
    return None


def spaced_form(written: str, modern: str) -> LegacyForm:
    """The cable form of a banner in spaced letters (`S E C R E T`), current until 2010."""
    return LegacyForm(_SPACED_FORM[0], written, modern, _SPACED_FORM[1])
