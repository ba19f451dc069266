"""The typed Marking model, its error and problem types.

A Marking holds the meaning of one banner or portion mark in canonical form (abbreviations,
sorted lists), so two spellings of the same marking compare equal; `banner()` and `portion()`
render it. Fields are tuples/frozensets so Markings are hashable.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from marklint.levels import LEVEL_RANKS

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.markings.vocab import Vocabulary

# A hierarchical identifier: (name, ((compartment, (sub, ...)), ...)), used for SCI and SAP.
Tree = tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]


def sort_key(name: str) -> tuple[bool, str]:
    """Numbers first, then alphabetical (K-01, K-08): the order of SCI and SAP identifiers."""
    return (not name[:1].isdigit(), name)


class MarkingError(ValueError):
    """A marking that cannot be understood. Columns are 1-based in the input string.

    `suggestion` is the closest known word for an unknown one; `confident` says whether it is
    close enough, and clearly enough the best, to be applied as a fix.
    """

    def __init__(self, message: str, column: int, end_column: int, rule: str = "marking-syntax",
                 token: str | None = None, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column
        self.end_column = max(end_column, column + 1)
        self.rule = rule
        self.token = token
        self.suggestion = suggestion
        self.confident = False  # True when `suggestion` is safe to apply as a fix


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of one marking string; `replacement` replaces [column, end_column)."""

    rule: str
    column: int
    end_column: int
    message: str
    replacement: str | None = None


@dataclass(slots=True, eq=False)
class Note:
    """A problem found while reading; `since` makes it era-dependent (reported from that date).
    `moves` marks a note that a value is out of place (whatever its rule): moot when the value
    may not stand in the marking at all."""

    problem: Problem
    since: datetime.date | None = None
    moves: bool = False


@dataclass(frozen=True, slots=True)
class Aea:
    """One AEA (or NATO control) item: RD, FRD, TFNI, DOD UCNI, ATOMAL...; RD/FRD subsets."""

    id: str
    cnwdi: bool = False
    sigma: tuple[int, ...] = ()


@dataclass(frozen=True)
class Marking:
    """The meaning of one marking. Compare with ==; render with banner() / portion().

    scheme: "us", "foreign" (owner list), "nato", "joint", "fgi" (concealed foreign source,
    `//FGI S`) or "cui" (a pure CUI marking, level "CUI"). Immutable and hashable; `vocab`
    takes no part in equality or repr, nor `legacy` in equality.
    """

    scheme: str
    level: str
    owners: tuple[str, ...] = ()
    sci: tuple[Tree, ...] = ()
    sap: tuple[Tree, ...] = ()
    aea: tuple[Aea, ...] = ()
    fgi: tuple[str, ...] | None = None  # None: no FGI marking; (): bare (concealed) FGI
    cui: bool = False
    cui_categories: tuple[tuple[str, bool], ...] = ()  # (code, specified)
    dissem: frozenset[str] = frozenset()  # token ids (IC dissems, LDCs) other than lists
    rel_to: tuple[str, ...] | None = None  # None: absent; (): the portion shorthand "REL"
    display_only: tuple[str, ...] | None = None
    eyes: tuple[str, ...] | None = None  # None: absent; (): the portion shorthand "EYES"
    nonic: frozenset[str] = frozenset()
    accm: tuple[str, ...] = ()  # ACCM names, sorted
    legacy_decl: str | None = None  # a declassification value in a pre-2008 banner (L-07)
    legacy: tuple[str, ...] = field(default=(), compare=False)
    vocab: Vocabulary | None = field(default=None, compare=False, repr=False)

    def __hash__(self) -> int:
        return self._hash

    def __getstate__(self) -> dict:
        # a hash is only good in the process that computed it (str hashes are salted per process)
        return {name: value for name, value in self.__dict__.items() if name != "_hash"}

    @cached_property  # Markings are shared via the parse memo and hashed by many checks
    def _hash(self) -> int:
        return hash((self.scheme, self.level, self.owners, self.sci, self.sap, self.aea, self.fgi, self.cui,
                     self.cui_categories, self.dissem, self.rel_to, self.display_only, self.eyes, self.nonic,
                     self.accm, self.legacy_decl))

    @cached_property  # read once per mark by several checks; Markings are shared via the parse cache
    def rank(self) -> int:
        """U=0 (CUI too), R=1, C=2, S=3, TS=4."""
        allied = self.vocab.allied if self.vocab is not None else None
        if allied is not None and self.scheme == allied.id:
            return allied.rank(self.level)  # type: ignore[return-value]
        return LEVEL_RANKS[self.level]

    @property
    def is_classified(self) -> bool:
        """True from RESTRICTED up."""
        return self.rank >= 1

    @property
    def noforn(self) -> bool:
        """True when the marking carries NOFORN."""
        return "NOFORN" in self.dissem

    @property
    def has_controls(self) -> bool:
        """True when anything beyond the bare level is marked."""
        return bool(self.sci or self.sap or self.aea or self.fgi is not None or self.cui_categories
                    or self.dissem or self.rel_to is not None or self.display_only is not None
                    or self.eyes is not None or self.nonic or self.accm or self.legacy_decl
                    or (self.cui and self.scheme != "cui"))

    @property
    def classification(self) -> str:
        """The level as spelled in a banner, e.g. "TOP SECRET", "//NATO SECRET", "CUI"."""
        from marklint.markings.render import classification

        return classification(self)

    def banner(self) -> str:
        """The canonical banner line."""
        from marklint.markings.render import render

        return render(self, "banner")

    def portion(self) -> str:
        """The canonical portion mark, with its parentheses."""
        from marklint.markings.render import render

        return render(self, "portion")

    def controls(self) -> frozenset[str]:
        """Canonical banner tokens of every control, for diffing a banner with a roll-up."""
        from marklint.markings.render import controls

        return controls(self)

    def __str__(self) -> str:
        return self.banner()
