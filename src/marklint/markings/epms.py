"""Reading an e-mail protective marking (marking-rules.md A-09; AUS-EPMS s.6, s.7.1 Tables 1-2,
s.8 Tables 3-17): the subject's `[SEC=...]` marking and the value of the `X-Protective-Marking`
header, both `TAG=value` elements separated by commas.

Tags and values are case-sensitive; the elements come in a fixed order (header: VER, NS, SEC,
CAVEAT..., ACCESS..., EXPIRES, DOWNTO, NOTE, ORIGIN; the subject: SEC to DOWNTO); EXPIRES and
DOWNTO go together, DOWNTO below SEC; caveats and access markers need the levels the scheme's
data gives them. The ABNF puts ACCESS before EXPIRES, the regular expression of s.7.1 after
DOWNTO (marking-rules.md (d)14): both orders are read. What the spellings mean is the scheme's
data (`EmailStandard`, rules/vocab/au.yaml).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from marklint.markings.scheme import EmailStandard, Scheme

HEADER = "X-Protective-Marking"
HEADER_TAGS = ("VER", "NS", "SEC", "CAVEAT", "ACCESS", "EXPIRES", "DOWNTO", "NOTE", "ORIGIN")
SUBJECT_TAGS = ("SEC", "CAVEAT", "ACCESS", "EXPIRES", "DOWNTO")
_REPEATABLE = ("CAVEAT", "ACCESS")
_ORDER = {"VER": 0, "NS": 1, "SEC": 2, "CAVEAT": 3, "ACCESS": 4, "EXPIRES": 4, "DOWNTO": 4, "NOTE": 5, "ORIGIN": 6}
MAX_LENGTH = 998  # characters of a header line (RFC 5322 s.2.1.1), the standard's limit too
_ELEMENT = re.compile(r"[^,]+")
_SUBJECT = re.compile(r"\[\s*SEC\s*=", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_VERSION = re.compile(r"\d{4}\.\d+")
_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _spelling(table: dict[str, str], target: str) -> str:
    """The first way `table` spells the id `target` (which it must spell)."""
    return next(spelled for spelled, ident in table.items() if ident == target)


def _squeeze(text: str) -> str:
    """A spelling reduced to compare variants: upper case, no spaces, hyphens or colons."""
    return re.sub(r"[\s:-]+", "", text).upper()


@dataclass
class EmailMarking:
    """One read e-mail marking. Offsets count from the start of the text read; `problems` are
    (offset, message) pairs; `level` and `downto` are level ids, `elements` the scheme's ids of
    the caveats and access markers, `caveats` the caveats as written."""

    level: str | None = None
    caveats: tuple[str, ...] = ()
    elements: frozenset[str] = frozenset()
    access: tuple[str, ...] = ()
    expires: str | None = None
    downto: str | None = None
    problems: list[tuple[int, str]] = field(default_factory=list)
    at: dict[str, int] = field(default_factory=dict)  # tag -> offset of its first element

    def meaning(self) -> tuple:
        """What the marking says (for comparing two markings): level, caveats, access, expiry."""
        return (self.level, frozenset(self.caveats), frozenset(self.access), self.expires, self.downto)


def subject_markings(subject: str) -> list[tuple[int, int, bool]]:
    """The `[SEC=...]` markings of a subject: (offset of "[", offset after the inside, closed)."""
    found = []
    for match in _SUBJECT.finditer(subject):
        close = subject.find("]", match.end())
        found.append((match.start(), close if close >= 0 else len(subject), close >= 0))
    return found


class _Reader:
    def __init__(self, scheme: Scheme, tags: tuple[str, ...]) -> None:
        self.s = scheme
        self.std: EmailStandard = scheme.email  # type: ignore[assignment]
        self.tags = tags
        self.m = EmailMarking()

    def problem(self, offset: int, message: str) -> None:
        self.m.problems.append((offset, message))

    def read(self, text: str) -> EmailMarking:
        bad = next((i for i, c in enumerate(text) if not (" " <= c <= "~")), None)
        if bad is not None:
            self.problem(bad, "only printable ASCII characters may be used")
        if len(text) > MAX_LENGTH:
            self.problem(MAX_LENGTH, f"longer than {MAX_LENGTH} characters")
        last, sequence = -1, []
        caveats, elements, access = [], set(), []
        for match in _ELEMENT.finditer(text):
            element = match.group().strip()
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            tag, equals, raw = element.partition("=")
            if not equals:
                self.problem(start, "an element without TAG=value")
                continue
            tag, value = tag.strip(), raw.strip()
            at = start + len(element) - len(raw) + len(raw) - len(raw.lstrip())
            tag = self.tag(tag, start)
            if tag is None:
                continue
            if tag in self.m.at and tag not in _REPEATABLE:
                self.problem(start, f"more than one {tag}=")
                continue
            if _ORDER[tag] < last:
                self.problem(start, f"{tag}= is out of order (the order is {', '.join(self.tags)})")
            last = max(last, _ORDER[tag])
            sequence.append((tag, start))
            self.m.at.setdefault(tag, start)
            self.value(tag, value, at, caveats, elements, access)
        self.pairs(sequence)
        for tag in ("VER", "NS", "SEC", "ORIGIN"):
            if tag in self.tags and tag not in self.m.at:
                self.problem(0, f"no {tag}= element")
        self.m.caveats, self.m.elements, self.m.access = tuple(caveats), frozenset(elements), tuple(access)
        self.levels()
        self.m.problems.sort(key=lambda p: p[0])
        return self.m

    def pairs(self, sequence: list[tuple[str, int]]) -> None:
        """EXPIRES= and DOWNTO= go together, DOWNTO= right after EXPIRES=."""
        tags = [tag for tag, _ in sequence]
        for index, (tag, start) in enumerate(sequence):
            if tag == "EXPIRES" and tags[index + 1:index + 2] != ["DOWNTO"]:
                self.problem(start, "EXPIRES= needs DOWNTO= right after it")
            if tag == "DOWNTO" and tags[index - 1:index] != ["EXPIRES"]:
                self.problem(start, "DOWNTO= goes right after EXPIRES=")

    def tag(self, tag: str, start: int) -> str | None:
        if tag in self.tags:
            return tag
        if tag.upper() in self.tags:
            self.problem(start, f"tag {tag} is written {tag.upper()} (tags are case-sensitive)")
            return tag.upper()
        if tag.upper() in HEADER_TAGS:
            self.problem(start, f"{tag.upper()}= is not used in the subject marking")
        else:
            self.problem(start, f"unknown tag {tag}= (known: {', '.join(self.tags)})")
        return None

    def spelled(self, table: dict[str, str], value: str, at: int, what: str) -> str | None:
        """The id `value` stands for in `table`; a problem for a variant or unknown spelling."""
        if value in table:
            return table[value]
        variants = [spelled for spelled in table if _squeeze(spelled) == _squeeze(value)]
        if variants:
            self.problem(at, f"{what} {value} is written {variants[0]} (values are case-sensitive)")
            return table[variants[0]]
        self.problem(at, f"unknown {what} {value!r}")
        return None

    def value(self, tag: str, value: str, at: int, caveats: list, elements: set, access: list) -> None:
        std = self.std
        if tag in ("SEC", "DOWNTO"):
            level = self.spelled(std.levels, value, at, "classification")
            setattr(self.m, "level" if tag == "SEC" else "downto", level)
        elif tag == "CAVEAT":
            self.caveat(value, at, caveats, elements)
        elif tag == "ACCESS":
            marker = self.spelled(std.access, value, at, "access marker")
            if marker is not None:
                spelled = _spelling(std.access, marker)
                access.append(spelled)
                elements.add(marker)
                self.m.at.setdefault(f"ACCESS={spelled}", at)
        elif tag == "EXPIRES":
            self.m.expires = value
            if not value:
                self.problem(at, "EXPIRES= needs a date (YYYY-MM-DD) or an event")
            elif _DATE.fullmatch(value):
                try:
                    datetime.date.fromisoformat(value)
                except ValueError:
                    self.problem(at, f"EXPIRES={value} is not a date")
        elif tag == "VER" and not _VERSION.fullmatch(value):
            self.problem(at, f"VER={value} is not a version (such as 2018.4 or 2024.1)")
        elif tag == "NS" and value != std.namespace:
            self.problem(at, f"NS={value} is not the namespace {std.namespace}")
        elif tag == "ORIGIN" and not _ADDRESS.fullmatch(value):
            self.problem(at, "ORIGIN= is not an e-mail address")

    def caveat(self, value: str, at: int, caveats: list, elements: set) -> None:
        std = self.std
        if value in std.caveats:
            elements.add(std.caveats[value])
        elif not any(p.fullmatch(value) for p in std.caveat_patterns):
            typed = [c for c in std.caveats if c.partition(":")[2] == value]
            if ":" not in value and typed:
                self.problem(at, f"caveat {value} needs its type: {typed[0]}")
                value = typed[0]
                elements.add(std.caveats[value])
            else:
                element = self.spelled(std.caveats, value, at, "caveat")
                if element is None:
                    return
                value = _spelling(std.caveats, element)
                elements.add(element)
        caveats.append(value)
        self.m.at.setdefault(f"CAVEAT={value}", at)

    def levels(self) -> None:
        """What each element allows: caveats and access markers their levels, DOWNTO below SEC."""
        level = self.m.level
        if level is None:
            return
        std, s = self.std, self.s
        allowed = [(f"CAVEAT={c}", std.caveat_levels if c not in std.caveats else s.elements[std.caveats[c]].levels)
                   for c in self.m.caveats]
        allowed += [(f"ACCESS={a}", s.elements[std.access[a]].levels) for a in self.m.access]
        for what, levels in allowed:
            if levels and level not in levels:
                lowest = min(levels, key=s.rank)
                self.problem(self.m.at[what], f"{what} needs SEC={_spelling(std.levels, lowest)} or higher")
        if self.m.downto is not None and s.rank(self.m.downto) >= s.rank(level):
            self.problem(self.m.at["DOWNTO"], "DOWNTO= must be lower than SEC=")


def read(text: str, scheme: Scheme, header: bool) -> EmailMarking:
    """Read a header value (`header`) or the inside of a subject's `[...]` with the scheme's
    e-mail standard (which the scheme must have)."""
    return _Reader(scheme, HEADER_TAGS if header else SUBJECT_TAGS).read(text)


def render(m: EmailMarking, scheme: Scheme) -> str:
    """The subject form of what a marking says (`SEC=PROTECTED, CAVEAT=RI:AUSTEO`), for messages."""
    std: EmailStandard = scheme.email  # type: ignore[assignment]
    spell = {v: k for k, v in std.levels.items()}
    parts = [f"SEC={spell.get(m.level, '?')}"] + [f"CAVEAT={c}" for c in m.caveats] + [f"ACCESS={a}" for a in m.access]
    if m.expires is not None:
        parts.append(f"EXPIRES={m.expires}")
    if m.downto is not None:
        parts.append(f"DOWNTO={spell[m.downto]}")
    return ", ".join(parts)
