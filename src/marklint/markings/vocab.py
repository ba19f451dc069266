"""The marking vocabulary's entries and tables: levels, controls, SCI/SAP/AEA words, CUI and
country codes. `marklint.markings.vocab_loader` reads them from the YAML under `rules/vocab/`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import NamedTuple

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from typing import Any

    from marklint.markings.scheme import Scheme


class Token(NamedTuple):
    """One control marking (IC or non-IC dissem, AEA, NATO control, CUI LDC)."""

    id: str
    category: str  # "dissem" | "nonic" | "aea"
    order: int
    title: str | None = None
    portion: str = ""
    aliases: tuple[str, ...] = ()
    levels: frozenset[str] = frozenset()
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    fdr: bool = False
    takes: str | None = None
    rollup: str = "always"
    beats: tuple[str, ...] = ()
    classified_adds: tuple[str, ...] = ()
    splits_into: tuple[str, ...] = ()
    retired: datetime.date | None = None
    replacement: str | None = None
    cui_only: bool = False
    requires_category: str | None = None
    not_with_cui: bool = False
    handling_only: bool = False

    @property
    def legacy(self) -> bool:
        """True for a retired token."""
        return self.replacement is not None


class Rule(NamedTuple):
    """Level and companion constraints of an SCI system, compartment or sub-compartment."""

    levels: frozenset[str] = frozenset()
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()


class Shape(NamedTuple):
    """The form an SCI compartment or sub-compartment word takes (A3), and how a message says it."""

    pattern: str
    says: str


class Compartment(NamedTuple):
    """An SCI compartment (or the "*" default for unregistered ones), with the shape of an
    unregistered compartment word ("*" only) and of its sub-compartment words, where A3 gives one."""

    id: str
    title: str | None
    rule: Rule
    subs: Rule
    shape: Shape | None = None
    sub_shape: Shape | None = None


class SciSystem(NamedTuple):
    """An SCI control system with its compartments."""

    id: str
    title: str | None
    rule: Rule
    bare: str  # "ok" | "legacy" | "error"
    bare_replacement: str | None
    compartments: dict[str, Compartment]


class LegacyWord(NamedTuple):
    """A retired SCI system word; `current` is the system it is read as (a retired long form of
    a current system), else None (the word stays as written)."""

    id: str
    replacement: str
    retired: datetime.date | None
    current: str | None = None


class Vocabulary:
    """Everything the parser, checker and renderer need to know about words.

    Hashable by identity, so that parses can be memoised per vocabulary. (A plain class: a
    dataclass costs milliseconds of start-up to define.)
    """

    def __init__(self, sources: tuple[str, ...] = ()) -> None:
        """An empty vocabulary, to be read from the files `sources`: the loader fills it in and
        then calls `index`."""
        self.sources = sources
        self.us_levels: dict[str, tuple[str, str]] = {}  # level -> (banner, portion)
        self.foreign_levels: dict[str, tuple[str, str]] = {}
        self.nato_levels: dict[str, tuple[str, str]] = {}
        # retired NATO form (words joined by one space) -> (level, control or None, retired)
        self.nato_legacy: dict[str, tuple[str, str | None, datetime.date | None]] = {}
        self.nato_nac: dict[str, str] = {}  # NAC activity name -> portion short form
        self.sci_nato: frozenset[str] = frozenset()  # NATO controls in the SCI slot, after US systems
        self.sci_abbreviation: str = "[A-Z0-9]{2,3}"  # an unpublished system accepted without a warning
        self.tokens: dict[str, Token] = {}
        self.spellings: dict[str, tuple[str, str]] = {}  # UPPER -> (id, form)
        self.sci_systems: dict[str, SciSystem] = {}
        self.sci_titles: dict[str, str] = {}  # UPPER title -> system id
        self.sci_compartments: dict[str, str] = {}  # compartment id/title -> system id
        self.sci_legacy: dict[str, LegacyWord] = {}
        self.sci_unpublished: str = "[A-Z0-9]{1,6}"
        self.sci_forbidden: frozenset[str] = frozenset()
        self.sap_title: str = "SPECIAL ACCESS REQUIRED"
        self.sap_levels: frozenset[str] = frozenset({"TS", "S", "C"})
        # words of another rule set's vocabulary (WAIVED: us-dod), with where they are used
        self.sci_elsewhere: dict[str, str] = {}
        self.sap_identifier: str = "[A-Z0-9]{1,6}"
        self.sap_programs: dict[str, str] = {}  # UPPER name -> abbreviation
        self.sap_repeat_retired: datetime.date | None = None
        self.sap_in_nonic_retired: datetime.date | None = None  # L-07: SAR after the IC dissems until then
        # the DoD rendering (K-08, K-10): "SAR-" before each program, dashes part of a name, and
        # this many programs or more shown as `sap_multiple_name` (None: the IC rendering)
        self.sap_dod_multiple: int | None = None
        self.sap_multiple_name: str = "MULTIPLE PROGRAMS"
        self.accm_levels: frozenset[str] = frozenset({"TS", "S", "C"})
        self.aea_subsets: dict[str, dict[str, Any]] = {}
        self.cui_marker: str = "CUI"
        self.cui_banner_aliases: tuple[str, ...] = ()
        self.cui_specified: frozenset[str] = frozenset()
        self.cui_basic: frozenset[str] = frozenset()
        self.cui_notional: str = "(?!)"
        self.cui_administrative: frozenset[str] = frozenset()  # U-12: never inside a CUI marking
        self.ldcs: frozenset[str] = frozenset()
        self.trigraphs: dict[str, str] = {}
        self.organisations: dict[str, frozenset[str]] = {}  # owner code -> its levels (`//UN RESTRICTED`)
        self.tetragraphs: dict[str, tuple[tuple[str, ...], bool]] = {}
        self.level_spellings: frozenset[str] = frozenset()  # every US, foreign and NATO level spelling
        self.us_spellings: dict[str, str] = {}  # banner or portion form -> US level
        self.nato_banners: frozenset[str] = frozenset()
        self.words: tuple[str, ...] = ()  # every spelling a suggestion may propose
        self.allied: Scheme | None = None  # an allied scheme (rules/vocab/uk.yaml ...): its markings replace the US ones
        self.banner_candidate: re.Pattern[str] | None = None  # the recognizer's patterns for that scheme
        self.portion_at: re.Pattern[str] | None = None

    def token(self, spelling: str) -> tuple[Token, str] | None:
        """Look a control up by any spelling (case-insensitive): (token, form) or None.

        `form` is "id", "title", "portion" or "alias".
        """
        hit = self.spellings.get(spelling.upper())
        if hit is None:
            return None
        return self.tokens[hit[0]], hit[1]

    def sort_codes(self, codes: Iterable[str], usa_first: bool = False) -> list[str]:
        """Unique codes in list order (F-02, K-16): USA first when `usa_first` (REL TO), then
        trigraphs alphabetically, then tetragraphs alphabetically."""
        unique = set(codes)
        tri = sorted(c for c in unique if c in self.trigraphs and not (usa_first and c == "USA"))
        tetra = sorted(c for c in unique if c not in self.trigraphs)
        return (["USA"] if usa_first and "USA" in unique else []) + tri + tetra

    def expand_codes(self, codes: Iterable[str]) -> set[str]:
        """The codes with every decomposable tetragraph replaced by its members (A11, K-20, F-03)."""
        out: set[str] = set()
        for code in codes:
            members, decomposable = self.tetragraphs.get(code, ((), False))
            out.update(members if decomposable and members else (code,))
        return out

    def sci_key(self, system: str) -> tuple[bool, bool, str]:
        """The order of SCI systems (K-01, A-03): US systems numbers first, then alphabetically,
        then the NATO controls that share the slot (`TK/BOHEMIA`)."""
        return (system in self.sci_nato, not system[:1].isdigit(), system)

    def is_country(self, code: str) -> bool:
        """True for a known trigraph or tetragraph."""
        return code in self.trigraphs or code in self.tetragraphs

    def is_owner(self, code: str) -> bool:
        """True for a code that may own a non-US marking or source FGI: a country code, or an
        organisation that marks its own information (`UN`, not a REL TO code)."""
        return self.is_country(code) or code in self.organisations

    def index(self) -> None:
        """Compute the derived lookup tables (once, after merging)."""
        self.level_spellings = frozenset(
            s for table in (self.us_levels, self.foreign_levels, self.nato_levels)
            for pair in table.values() for s in pair)
        tokens = self.tokens.values()
        words = [t.id for t in tokens] + [t.portion for t in tokens] + [t.title for t in tokens if t.title]
        words += [*self.sci_systems, "FGI", "SAR", "CUI"]
        words += [s for table in (self.us_levels, self.nato_levels) for pair in table.values() for s in pair]
        self.words = tuple(sorted(set(words)))
        self.us_spellings = {s: level for level, pair in self.us_levels.items() for s in pair}
        self.nato_banners = frozenset(b for b, _ in self.nato_levels.values())

    def known_words(self) -> tuple[str, ...]:
        """Every spelling a suggestion may propose."""
        return self.words
