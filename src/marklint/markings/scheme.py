"""An allied (non-US) marking scheme as data: its levels, the words that may follow a level,
and what each word allows (marking-rules.md A13, A-01..A-10).

A vocabulary file with a `scheme:` mapping describes one scheme (rules/vocab/uk.yaml, au.yaml,
nz.yaml, ca.yaml, nato.yaml); `marklint.markings.allied` reads markings with it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass



@dataclass(frozen=True)
class Level:
    """One level of a scheme. `rank` orders the levels (1 and above: security classified, as a
    US level from RESTRICTED up); a retired level has `retired` and `replacement`, and the
    elements a retired compound stood for in `implies` (`NATO SECRET ATOMAL`: ATOMAL)."""

    id: str
    banner: str
    portion: str
    rank: float
    aliases: tuple[str, ...] = ()
    retired: datetime.date | None = None
    replacement: str | None = None
    implies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Element:
    """A word that follows the level: a handling instruction, descriptor, caveat, marker...

    `levels` are the level ids it may go with (empty: any); `excludes`/`requires` name other
    elements; `pattern` (a regular expression) matches a family of spellings such as
    "[ORGANISATION] USE ONLY"; `rollup` is "always" (the document marking carries it when
    any portion does) or "common" (only when every portion does: releasability caveats).
    """

    id: str
    kind: str
    portion: str
    aliases: tuple[str, ...] = ()
    levels: frozenset[str] = frozenset()
    excludes: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    pattern: str | None = None
    rollup: str = "always"
    rule: str = ""


@dataclass(frozen=True)
class EmailStandard:
    """A scheme's e-mail protective marking (A-09, AUS-EPMS): the namespace (`NS=`), and how
    the e-mail spells levels, caveats and access markers, mapped to the scheme's ids.

    `caveats` maps a caveat as written (`RI:AUSTEO`) to its element; `caveat_patterns` match
    caveats with a free value (`C:<codeword>`, `RI:REL/<codes>`), allowed on `caveat_levels`.
    """

    namespace: str
    levels: dict[str, str]
    caveats: dict[str, str]
    caveat_patterns: tuple[re.Pattern[str], ...]
    caveat_levels: frozenset[str]
    access: dict[str, str]


class Scheme:
    """One allied scheme. Hashable by identity (it belongs to one Vocabulary)."""

    def __init__(self, id: str, name: str, citation: str) -> None:
        self.id = id
        self.name = name
        self.citation = citation  # the rule ids and source cited in messages, e.g. "A-06"
        self.levels: dict[str, Level] = {}
        self.prefixes: tuple[str, ...] = ()  # owner prefixes such as "UK" in "UK SECRET"
        self.leading: frozenset[str] = frozenset()  # elements that may stand before the level ("MEDICAL IN-CONFIDENCE")
        self.elements: dict[str, Element] = {}
        self.kinds: tuple[str, ...] = ()  # the order of element kinds after the level
        self.sorted_kinds: frozenset[str] = frozenset()  # kinds listed alphabetically
        self.codeword_levels: frozenset[str] = frozenset()  # levels that may carry a codeword
        self.separator = " "  # between the level and its elements, in canonical form
        self.portion_marks = True  # whether the scheme has portion (paragraph) marks
        self.bilingual = False  # whether a level may be followed by its other-language form (Canada)
        self.email: EmailStandard | None = None  # the e-mail protective marking standard, if any
        self.spellings: dict[str, tuple[str, str]] = {}  # UPPER spelling -> (level id, form)
        self.element_spellings: dict[str, tuple[str, str]] = {}  # UPPER spelling -> (element id, form)

    def index(self) -> None:
        """Lookup tables (once, after loading)."""
        for level in self.levels.values():
            for form, spelled in (("banner", level.banner), ("portion", level.portion),
                                  *(("alias", a) for a in level.aliases)):
                self.spellings.setdefault(spelled.upper(), (level.id, form))
        for element in self.elements.values():
            for form, spelled in (("banner", element.id), ("portion", element.portion),
                                  *(("alias", a) for a in element.aliases)):
                self.element_spellings.setdefault(spelled.upper(), (element.id, form))

    def level_pattern(self, form: str, shortest: int = 1) -> str:
        """A regular expression matching every spelling of a level in `form` (longest first),
        for the recognizer's banner and portion-mark candidates; only spellings of at least
        `shortest` characters."""
        spelled = set()
        for level in self.levels.values():
            spelled.update((level.banner, *level.aliases) if form == "banner" else (level.portion, level.banner))
        if form == "banner":
            spelled.update(k for k, (_level, how) in self.spellings.items() if how == "wrong")
        return "|".join(re.escape(s) for s in sorted(spelled, key=len, reverse=True) if len(s) >= shortest)

    def rank(self, level: str) -> float:
        """The rank of a level id."""
        return self.levels[level].rank
