"""The loaded rule set: immutable records (docs/rulesets.md names every key they come from).

Named tuples rather than dataclasses: they read the same and cost a fifth as much to define,
which every run does."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from marklint.document import BlockKind
from marklint.findings import Severity
from marklint.userpattern import UserPattern

TYPE_CHECKING = False  # not typing's, which costs milliseconds to import
if TYPE_CHECKING:
    from marklint.markings import RollupOptions

DEFAULT_RULESET = "us-cnsi"
UNDATED_RULESET = "banners-only"  # what --rules auto applies to a document without a date
# The lines of an authority block. The last five are older orders' lines: EO 12065's review date
# and extension, EO 10964's Group legend, EO 11652's General Declassification Schedule and its
# exemptions (XGDS, "Exempt from GDS ... category 5B(n)", E2 IMPDET).
CAB_LINES = ("classified-by", "derived-from", "reason", "declassify-on", "review-on", "extended-by", "group", "gds",
             "exempt", "telegram")
DECLASSIFY_SHAPES = ("date", "event", "50x1-hum", "50x2-wmd", "exemption", "eo12951", "aea-nato")
EXEMPTION_FAMILIES = ("date", "25x", "50x", "75x", "review")
# The roles whose patterns the structure model reads (marklint.layout; docs/structure.md).
LAYOUT_ROLES = ("greeting", "signature-mark", "contact", "signing-authority", "office", "form-name")
MAX_YEARS = MappingProxyType({"date": 25, "25x": 50, "50x": 75, "75x": None, "review": None})


class DateRange(NamedTuple):
    """The document dates (inclusive) a rule set is meant for; None = open-ended."""

    start: date | None = None
    end: date | None = None

    def contains(self, day: date) -> bool:
        """True when `day` lies within the range."""
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


class NamedPattern(NamedTuple):
    """A named regular expression (an exempt administrative element, a designation line...)."""

    name: str
    regex: UserPattern


class BannerPolicy(NamedTuple):
    """Where banners are required (B-01, B-02, U-01).

    `page_banner` is "overall" (every page carries the overall banner) or "overall-or-page"
    (a page may instead carry its own roll-up, B-02).
    """

    top: bool = True
    bottom: bool = True
    every_page: bool = True
    page_banner: str = "overall-or-page"


class PortionPolicy(NamedTuple):
    """Which blocks need portion marks (P-01, U-09, L-02).

    `required` is "classified" (in classified documents), "marked" (in any document that
    carries a marking), "all-or-none" (optional, but once one portion is marked all must be,
    as for CUI) or "never". `blocks` are the block kinds that are portions; `titles` whether
    titles (headings, and lone title-shaped lines) are portions too (A-10: not in NZ); `exempt` are the
    administrative elements that never need a mark; `layout` are the patterns the structure
    model (`marklint.layout`) weighs with a block's position and shape, by role (LAYOUT_ROLES).
    """

    required: str = "classified"
    blocks: frozenset[BlockKind] = frozenset()
    titles: bool = True
    exempt: tuple[NamedPattern, ...] = ()
    layout: tuple[NamedPattern, ...] = ()


class RetiredValue(NamedTuple):
    """A retired Declassify On value; valid on documents dated on or before `valid_until` and,
    when the order that brought it in is known, on or after `valid_from`."""

    name: str
    regex: UserPattern
    valid_until: date | None = None
    replacement: str = ""
    valid_from: date | None = None


class AuthorityPolicy(NamedTuple):
    """What the classification authority block must hold (C-01..C-15, L-03, L-04).

    `original` and `derivative` list the required lines (keys of CAB_LINES); an entry
    `a|b` is satisfied by either line. `required_from` is the first document date on which the
    block is required (None: always, when `required`). `classifier_identity` is
    "name-and-position" (C-02: a name needs a position or office) or "any".
    `declassify_shapes` are the allowed Declassify On shapes (DECLASSIFY_SHAPES);
    `numeric_dates` is "yyyymmdd" (C-07) or "any"; `max_years` maps "date", "25x", "50x",
    "75x" to the limit in years from the document date (None = no limit) (C-08, C-11, C-12).
    `reason_on_derivative` is the severity of a Reason line on a derivative block (C-04).
    """

    required: bool = True
    original: tuple[str, ...] = ("classified-by", "reason", "declassify-on")
    derivative: tuple[str, ...] = ("classified-by", "derived-from", "declassify-on")
    reason_on_derivative: Severity | None = Severity.WARNING
    reason_pattern: UserPattern = UserPattern.compile(r"^1\.4\s*(\([a-h]\)\s*)+$")
    declassify_shapes: frozenset[str] = frozenset(DECLASSIFY_SHAPES)
    numeric_dates: str = "yyyymmdd"
    max_years: Mapping[str, int | None] = MAX_YEARS
    retired: tuple[RetiredValue, ...] = ()
    required_from: date | None = None
    classifier_identity: str = "name-and-position"

    def required_on(self, day: date | None) -> bool:
        """Whether a classified document dated `day` must carry an authority block."""
        return self.required and (self.required_from is None or (day is not None and day >= self.required_from))


class CuiPolicy(NamedTuple):
    """CUI requirements: the designation indicator and the lines that count as one (U-10), and
    whether a pure CUI document needs a bottom banner where the banner rules ask for one (U-01:
    optional for NARA, required by DoD), and whether a bare `CUI` banner may stand for the
    categories and LDCs its portions carry (U-18: DoD puts them in the designation block)."""

    designation_required: bool = True
    bottom_banner: bool = False
    bare_banner: bool = False
    designation_patterns: tuple[NamedPattern, ...] = ()
    agency_patterns: tuple[NamedPattern, ...] = ()

    def names_agency(self, text: str) -> bool:
        """Whether `text` names a designating agency (one of `agency_patterns` matches it):
        with no agency patterns, any designation line counts."""
        return not self.agency_patterns or any(p.regex.search(text) for p in self.agency_patterns)


class Condition(NamedTuple):
    """When a required-line rule applies, judged on the document's overall banner.

    Every given clause must hold: `contains` (any of these tokens is in the banner),
    `min_level` (the banner's level is at least this one, e.g. "SECRET") and `dated_from` (the
    document is dated on or after this day; an undated one is judged on `RuleSet.undated_day`). `dated_from` and
    `without_cui` (the document carries no CUI marking) also limit a forbidden-token rule.
    """

    contains: tuple[str, ...] = ()
    min_level: str | None = None
    dated_from: date | None = None
    without_cui: bool = False


class GenericRule(NamedTuple):
    """A rule defined in YAML: `forbidden-token` or `required-line`.

    `scope` (forbidden-token) is a subset of {"banners", "portions", "text"}; `when`
    (required-line) is the condition under which the line must exist (None = always, in a
    classified document).
    """

    id: str
    code: str
    type: str
    pattern: UserPattern
    message: str
    severity: Severity
    scope: frozenset[str] = frozenset({"banners", "portions"})
    when: Condition | None = None


class RuleSet(NamedTuple):
    """A loaded, merged, validated rule set (`marklint.ruleset.loader` builds it).

    `severities` holds every rule's severity in this set (None = off): the set's `rules:`
    settings over the generic rules' and the registry's defaults.
    """

    name: str
    path: str
    rollup: RollupOptions
    severities: Mapping[str, Severity | None]
    description: str = ""
    parents: tuple[str, ...] = ()
    vocabulary: tuple[str, ...] = ()
    date_range: DateRange | None = None
    banners: BannerPolicy = BannerPolicy()
    portions: PortionPolicy = PortionPolicy()
    authority: AuthorityPolicy = AuthorityPolicy()
    cui: CuiPolicy = CuiPolicy()
    page_break_patterns: tuple[str, ...] = ()
    generic: tuple[GenericRule, ...] = ()

    def severity(self, slug: str) -> Severity | None:
        """The severity of rule `slug` in this set (None = off, or an unknown slug)."""
        return self.severities.get(slug)

    def undated_day(self) -> date:
        """The day an undated document's legacy forms are judged on: the last day of the rule
        set's era when it has one (a cable under `us-eo12958` was written by then), else today."""
        if self.date_range is not None and self.date_range.end is not None:
            return self.date_range.end
        return date.today()

    def rollup_options(self) -> RollupOptions:
        """The roll-up options (`marklint.markings.RollupOptions`)."""
        return self.rollup
