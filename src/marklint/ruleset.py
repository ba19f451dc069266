"""Rule sets: YAML files that say which marking system applies and what a document must carry.

A rule set is data (see docs/rulesets.md for every key). `load_ruleset(name_or_path)`
loads a shipped set (a file in the package `marklint.rules`, i.e. the repository's `rules/`)
or a user file, follows `extends`, validates every key with file:line errors and returns a
frozen `RuleSet`. Rule files are untrusted: they are read with a size limit
(`marklint.safeio`), loaded by `marklint.yamlsafe` (no aliases, bounded nesting), and every
regular expression runs on RE2, in linear time (`marklint.userpattern`). An error names the
file, line and column and what was expected, never the text found there (the file may not be
a rule file at all), except keys of the schema.

Merging with `extends`: mappings merge key by key (the child wins; a `null` value removes a
named pattern or retired value), lists and scalars are replaced, generic rules are merged by
`id`. `date-range` is not inherited: it only marks the set that `--rules auto` picks.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType

from marklint.config import ConfigError
from marklint.document import BlockKind
from marklint.findings import Severity
from marklint.safeio import SETTINGS_LIMIT, ReadError, read_bounded
from marklint.userpattern import PatternError, UserPattern
from marklint.values import FrozenValue
from marklint.yamlsafe import LocatedDict, LocatedList, YamlError, load_yaml

DEFAULT_RULESET = "us-cnsi"
UNDATED_RULESET = "banners-only"  # what --rules auto applies to a document without a date
LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
# The lines of an authority block. The last five are older orders' lines: EO 12065's review date
# and extension, EO 10964's Group legend, EO 11652's General Declassification Schedule and its
# exemptions (XGDS, "Exempt from GDS ... category 5B(n)", E2 IMPDET).
CAB_LINES = ("classified-by", "derived-from", "reason", "declassify-on", "review-on", "extended-by", "group", "gds",
             "exempt")
DECLASSIFY_SHAPES = ("date", "event", "50x1-hum", "50x2-wmd", "exemption", "eo12951", "aea-nato")
EXEMPTION_FAMILIES = ("date", "25x", "50x", "75x", "review")


class RuleSetError(ConfigError):
    """A rule set that cannot be loaded. str() is `path:line: message` (or `path: message`).
    A ConfigError, because a configuration that names a bad rule set is a bad configuration:
    whatever reports configuration errors (exit code 2) reports it too."""


# ---------------------------------------------------------------------------------------------
# The loaded model: immutable records, FrozenValues (values.py): a NamedTuple costs several
# times as much to define (typing checks every annotation) and start-up defines them on every run.


class DateRange(FrozenValue):
    """The document dates (inclusive) a rule set is meant for; None = open-ended."""

    _fields = ("start", "end")

    def __init__(self, start: date | None = None, end: date | None = None) -> None:
        self.__dict__.update(start=start, end=end)

    def contains(self, day: date) -> bool:
        """True when `day` lies within the range."""
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


class NamedPattern(FrozenValue):
    """A named regular expression (an exempt administrative element, a designation line...)."""

    _fields = ("name", "regex")

    def __init__(self, name: str, regex: UserPattern) -> None:
        self.__dict__.update(name=name, regex=regex)


class BannerPolicy(FrozenValue):
    """Where banners are required (B-01, B-02, U-01).

    `page_banner` is "overall" (every page carries the overall banner) or "overall-or-page"
    (a page may instead carry its own roll-up, B-02).
    """

    _fields = ("top", "bottom", "every_page", "page_banner")

    def __init__(self, top: bool = True, bottom: bool = True, every_page: bool = True,
                 page_banner: str = "overall-or-page") -> None:
        self.__dict__.update(top=top, bottom=bottom, every_page=every_page, page_banner=page_banner)


class PortionPolicy(FrozenValue):
    """Which blocks need portion marks (P-01, U-09, L-02).

    `required` is "classified" (in classified documents), "marked" (in any document that
    carries a marking), "all-or-none" (optional, but once one portion is marked all must be,
    as for CUI) or "never". `blocks` are the block kinds that are portions; `exempt` are the
    administrative elements that never need a mark; `layout` are the patterns the structure
    model (`marklint.layout`) weighs with a block's position and shape, by role (LAYOUT_ROLES).
    """

    _fields = ("required", "blocks", "exempt", "layout")

    def __init__(self, required: str = "classified", blocks: frozenset[BlockKind] = frozenset(),
                 exempt: tuple[NamedPattern, ...] = (), layout: tuple[NamedPattern, ...] = ()) -> None:
        self.__dict__.update(required=required, blocks=blocks, exempt=exempt, layout=layout)

    def exemption(self, text: str) -> str | None:
        """The name of the exempt-element pattern that matches `text` (a block's first line)."""
        for pattern in self.exempt:
            if pattern.regex.search(text):
                return pattern.name
        return None


class RetiredValue(FrozenValue):
    """A retired Declassify On value; valid on documents dated on or before `valid_until`."""

    _fields = ("name", "regex", "valid_until", "replacement")

    def __init__(self, name: str, regex: UserPattern, valid_until: date | None = None, replacement: str = "") -> None:
        self.__dict__.update(name=name, regex=regex, valid_until=valid_until, replacement=replacement)


class AuthorityPolicy(FrozenValue):
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

    _fields = ("required", "original", "derivative", "reason_on_derivative", "reason_pattern",
               "declassify_shapes", "numeric_dates", "max_years", "retired", "required_from", "classifier_identity")

    def __init__(
        self,
        required: bool = True,
        original: tuple[str, ...] = ("classified-by", "reason", "declassify-on"),
        derivative: tuple[str, ...] = ("classified-by", "derived-from", "declassify-on"),
        reason_on_derivative: Severity | None = Severity.WARNING,
        reason_pattern: UserPattern = UserPattern.compile(r"^1\.4\s*(\([a-h]\)\s*)+$"),
        declassify_shapes: frozenset[str] = frozenset(DECLASSIFY_SHAPES),
        numeric_dates: str = "yyyymmdd",
        max_years: Mapping[str, int | None] = MappingProxyType({"date": 25, "25x": 50, "50x": 75, "75x": None, "review": None}),
        retired: tuple[RetiredValue, ...] = (),
        required_from: date | None = None,
        classifier_identity: str = "name-and-position",
    ) -> None:
        self.__dict__.update(
            required=required, original=original, derivative=derivative, reason_on_derivative=reason_on_derivative,
            reason_pattern=reason_pattern, declassify_shapes=declassify_shapes, numeric_dates=numeric_dates,
            max_years=max_years, retired=retired, required_from=required_from, classifier_identity=classifier_identity,
        )

    def required_on(self, day: date | None) -> bool:
        """Whether a classified document dated `day` must carry an authority block."""
        return self.required and (self.required_from is None or (day is not None and day >= self.required_from))


class CuiPolicy(FrozenValue):
    """CUI requirements (U-10): the designation indicator and the lines that count as one."""

    _fields = ("designation_required", "designation_patterns", "agency_patterns")

    def __init__(self, designation_required: bool = True, designation_patterns: tuple[NamedPattern, ...] = (),
                 agency_patterns: tuple[NamedPattern, ...] = ()) -> None:
        self.__dict__.update(designation_required=designation_required, designation_patterns=designation_patterns,
                             agency_patterns=agency_patterns)

    def names_agency(self, text: str) -> bool:
        """Whether `text` names a designating agency (one of `agency_patterns` matches it):
        with no agency patterns, any designation line counts."""
        return not self.agency_patterns or any(p.regex.search(text) for p in self.agency_patterns)


class RuleSetting(FrozenValue):
    """A rule's severity in this set (None = off) and its options."""

    _fields = ("severity", "options")

    def __init__(self, severity: Severity | None, options: Mapping[str, object] = MappingProxyType({})) -> None:
        self.__dict__.update(severity=severity, options=options)


class Condition(FrozenValue):
    """When a required-line rule applies, judged on the document's overall banner.

    Every given clause must hold: `contains` (any of these tokens is in the banner) and
    `min_level` (the banner's level is at least this one, e.g. "SECRET").
    """

    _fields = ("contains", "min_level")

    def __init__(self, contains: tuple[str, ...] = (), min_level: str | None = None) -> None:
        self.__dict__.update(contains=contains, min_level=min_level)


class GenericRule(FrozenValue):
    """A rule defined in YAML: `forbidden-token` or `required-line`.

    `scope` (forbidden-token) is a subset of {"banners", "portions", "text"}; `when`
    (required-line) is the condition under which the line must exist (None = always, in a
    classified document).
    """

    _fields = ("id", "code", "type", "pattern", "message", "severity", "scope", "when")

    def __init__(self, id: str, code: str, type: str, pattern: UserPattern, message: str, severity: Severity,
                 scope: frozenset[str] = frozenset({"banners", "portions"}), when: Condition | None = None) -> None:
        self.__dict__.update(id=id, code=code, type=type, pattern=pattern, message=message, severity=severity,
                             scope=scope, when=when)


class RuleSet(FrozenValue):
    """A loaded, merged, validated rule set (a FrozenValue: a dataclass costs start-up time)."""

    _fields = ("name", "path", "description", "parents", "vocabulary", "date_range", "banners", "portions",
               "authority", "cui", "rollup", "rules", "page_break_patterns", "generic")

    def __init__(
        self,
        name: str,
        path: str,
        description: str = "",
        parents: tuple[str, ...] = (),
        vocabulary: tuple[str, ...] = (),
        date_range: DateRange | None = None,
        banners: BannerPolicy = BannerPolicy(),
        portions: PortionPolicy = PortionPolicy(),
        authority: AuthorityPolicy = AuthorityPolicy(),
        cui: CuiPolicy = CuiPolicy(),
        rollup: Mapping[str, object] | None = None,
        rules: Mapping[str, RuleSetting] | None = None,
        page_break_patterns: tuple[str, ...] = (),
        generic: tuple[GenericRule, ...] = (),
    ) -> None:
        self.__dict__.update(
            name=name, path=path, description=description, parents=parents, vocabulary=vocabulary,
            date_range=date_range, banners=banners, portions=portions, authority=authority, cui=cui,
            rollup=MappingProxyType({}) if rollup is None else rollup,
            rules=MappingProxyType({}) if rules is None else rules,
            page_break_patterns=page_break_patterns, generic=generic,
        )

    @functools.cached_property
    def _severities(self) -> dict[str, Severity | None]:
        from marklint.checks.registry import RULES

        table: dict[str, Severity | None] = {rule.slug: rule.severity for rule in RULES}
        table.update((rule.id, rule.severity) for rule in self.generic)
        table.update((slug, setting.severity) for slug, setting in self.rules.items())
        return table

    def severity(self, slug: str) -> Severity | None:
        """The severity of rule `slug` in this set (None = off, or an unknown slug): the set's
        setting, else the generic rule's or the registry's default."""
        return self._severities.get(slug)

    @functools.cached_property
    def _rollup_options(self):
        from marklint.markings import RollupOptions

        return RollupOptions(**self.rollup)

    def rollup_options(self):
        """The roll-up options as `marklint.markings.RollupOptions` (built once)."""
        return self._rollup_options


# ---------------------------------------------------------------------------------------------
# Validation helpers (shared with marklint.config)


def closest(word: str, choices) -> str:
    """"; did you mean 'x'?" for the closest of `choices`, or ""."""
    import difflib

    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"; did you mean {match[0]!r}?" if match else ""


def expected(word: str, choices) -> str:
    """"; did you mean 'x'?" when a choice is close to `word` (a word the file holds, which is
    not shown), else "; expected one of a, b, ..." (the first ten)."""
    hint = closest(word, choices)
    if hint:
        return hint
    listed = [str(c) for c in choices]
    more = ", ..." if len(listed) > 10 else ""
    return f"; expected one of {', '.join(listed[:10])}{more}"


def describe(value: object) -> str:
    """A short name of a YAML value's type for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


class Checker:
    """Validation context for one file: turns problems into errors naming file and line."""

    def __init__(self, path: str, error_type: type[Exception]) -> None:
        self.path = path
        self.error_type = error_type

    def fail(self, line: int, message: str) -> Exception:
        """An error at `line` of this file (a `marklint.yamlsafe.Position` shows its column
        too). Messages never quote the file's text, except keys of the schema."""
        where = f"{self.path}:{line}" if line else self.path
        return self.error_type(f"{where}: {message}")

    def mapping(self, value: object, line: int, what: str, keys) -> LocatedDict:
        """Require a mapping whose keys are all in `keys` (None = any string key)."""
        if not isinstance(value, LocatedDict):
            raise self.fail(line, f"{what} must be a mapping, not {describe(value)}")
        for key in value:
            if not isinstance(key, str):
                raise self.fail(value.line_of(key), f"{what}: keys must be strings, not {describe(key)}")
            if keys is not None and key not in keys:
                raise self.fail(value.line_of(key), f"unknown key in {what}{expected(key, keys)}")
        return value

    def typed(self, value: object, line: int, what: str, kind: type, name: str):
        """Require `value` to be of `kind` (booleans are never numbers)."""
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.fail(line, f"{what} must be {name}, not {describe(value)}")
        return value

    def string_list(self, value: object, line: int, what: str) -> tuple[str, ...]:
        """Require a list of strings (a single string is accepted as a list of one)."""
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, LocatedList):
            raise self.fail(line, f"{what} must be a list of strings, not {describe(value)}")
        for index, item in enumerate(value):
            if not isinstance(item, str):
                raise self.fail(
                    value.line_of(index), f"{what} must be a list of strings, not {describe(item)}"
                )
        return tuple(value)

    def choice(self, value: object, line: int, what: str, choices) -> str:
        """Require one of `choices`."""
        if not isinstance(value, str) or value not in choices:
            shown = ", ".join(choices)
            hint = closest(value, choices) if isinstance(value, str) else ""
            raise self.fail(line, f"{what} must be one of {shown}{hint}")
        return value

    def severity(self, value: object, line: int, what: str) -> Severity | None:
        """Read `error|warning|info|off` (None = off)."""
        if value is False or value == "off":
            return None
        if isinstance(value, str):
            try:
                return Severity.parse(value)
            except ValueError:
                pass
        raise self.fail(line, f"{what} must be error, warning, info or off")

    def regex(self, value: object, line: int, what: str) -> UserPattern:
        """Compile a user pattern on RE2 (`marklint.userpattern`), refusing what RE2 cannot
        compile."""
        if not isinstance(value, str):
            raise self.fail(line, f"{what} must be a regular expression string, not {describe(value)}")
        try:
            return UserPattern.compile(value)
        except PatternError as exc:
            raise self.fail(line, f"{what}: invalid regular expression ({exc})") from None


# ---------------------------------------------------------------------------------------------
# Schema of a rule file

_TOP_KEYS = (
    "name", "description", "extends", "vocabulary", "date-range", "banners", "portions",
    "authority", "cui", "rollup", "rules", "page-break-patterns", "generic",
)
_BANNER_KEYS = ("top", "bottom", "every-page", "page-banner")
_PORTION_KEYS = ("required", "blocks", "exempt", "layout")
# The roles whose patterns the structure model reads (marklint.layout; docs/structure.md).
LAYOUT_ROLES = ("greeting", "signature-mark", "contact")
_AUTHORITY_KEYS = ("required", "required-from", "original", "derivative", "reason-on-derivative", "reason-pattern",
                   "declassify-on", "classifier-identity")
_DECLASSIFY_KEYS = ("shapes", "numeric-dates", "max-years", "retired")
_RETIRED_KEYS = ("pattern", "valid-until", "replacement")
_CUI_KEYS = ("designation-required", "designation-patterns", "agency-patterns")
_GENERIC_KEYS = ("id", "code", "type", "pattern", "message", "severity", "scope", "when")
_WHEN_KEYS = ("contains", "min-level")
_RULE_KEYS = ("severity", "options")
_GENERIC_TYPES = ("forbidden-token", "required-line")
_SCOPES = ("banners", "portions", "text")
_PORTION_REQUIRED = ("classified", "marked", "all-or-none", "never")
_ID_SHAPE = re.compile(r"^[a-z][a-z0-9-]*$")


REMOVED = object()  # a named pattern or retired value that a child set switches off with null


def _day(value: object, line: int, what: str, ck: Checker) -> date | None:
    """A YAML date (None stays None; a timestamp keeps only its day)."""
    if value is None:
        return None
    if not isinstance(value, date):
        raise ck.fail(line, f"{what} must be a date YYYY-MM-DD, not {describe(value)}")
    return value.date() if isinstance(value, datetime) else value


def _vocabulary_reference(name: str, line: int, ck: Checker) -> str:
    """A vocabulary name (a file in rules/vocab) or a path relative to the rule file, checked
    to exist; paths come back absolute so that `load_vocabulary` finds them from anywhere."""
    if name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name:
        path = Path(ck.path).parent / name
        if not path.is_file():
            raise ck.fail(line, "vocabulary file not found (a path is relative to the rule file)")
        return str(path.resolve())
    root = _shipped_directory() / "vocab"
    names = sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".yaml"))
    if name not in names:
        raise ck.fail(line, f"unknown vocabulary name{expected(name, names)}")
    return name


def _validate_rollup(value: object, line: int, ck: Checker) -> dict:
    """Roll-up options: the fields of `marklint.markings.RollupOptions`, written kebab-case."""
    from marklint.markings import RollupOptions

    fields = [field.name.replace("_", "-") for field in dataclasses.fields(RollupOptions)]
    section = ck.mapping(value, line, "'rollup'", fields)
    options = {}
    for key, item in section.items():
        field_name = key.replace("-", "_")
        options[field_name] = ck.typed(item, section.line_of(key), f"'rollup.{key}'", str, "a string")
        try:
            RollupOptions(**{field_name: item})
        except ValueError as exc:
            raise ck.fail(section.line_of(key), f"'rollup.{key}': {exc}") from None
    return options


def _validate(raw: LocatedDict, ck: Checker, inherited: dict[str, GenericRule]) -> dict:
    """Check one file's mapping and return its normalized plain values (for merging)."""
    from marklint.checks.registry import RULES, by_key

    out: dict = {}
    ck.mapping(raw, raw.line, "the rule set", _TOP_KEYS)
    line = raw.line_of
    for key in ("name", "description", "extends"):
        if key in raw:
            out[key] = ck.typed(raw[key], line(key), f"{key!r}", str, "a string")
    if "vocabulary" in raw:
        out["vocabulary"] = tuple(
            _vocabulary_reference(name, line("vocabulary"), ck)
            for name in ck.string_list(raw["vocabulary"], line("vocabulary"), "'vocabulary'")
        )
    if "date-range" in raw:
        dr = ck.mapping(raw["date-range"], line("date-range"), "'date-range'", ("from", "to"))
        start, end = (_day(dr.get(key), dr.line_of(key), f"'date-range.{key}'", ck) for key in ("from", "to"))
        if start is not None and end is not None and start > end:
            raise ck.fail(dr.line_of("to"), "'date-range.to' is before 'date-range.from'")
        out["date-range"] = DateRange(start, end)
    if "banners" in raw:
        section = ck.mapping(raw["banners"], line("banners"), "'banners'", _BANNER_KEYS)
        values = {}
        for key in ("top", "bottom", "every-page"):
            if key in section:
                values[key] = ck.typed(section[key], section.line_of(key), f"'banners.{key}'", bool, "true or false")
        if "page-banner" in section:
            values["page-banner"] = ck.choice(section["page-banner"], section.line_of("page-banner"),
                                              "'banners.page-banner'", ("overall", "overall-or-page"))
        out["banners"] = values
    if "portions" in raw:
        out["portions"] = _validate_portions(raw["portions"], line("portions"), ck)
    if "authority" in raw:
        out["authority"] = _validate_authority(raw["authority"], line("authority"), ck)
    if "cui" in raw:
        section = ck.mapping(raw["cui"], line("cui"), "'cui'", _CUI_KEYS)
        values = {}
        if "designation-required" in section:
            values["designation-required"] = ck.typed(
                section["designation-required"], section.line_of("designation-required"),
                "'cui.designation-required'", bool, "true or false")
        if "designation-patterns" in section:
            values["designation-patterns"] = _named_patterns(
                section["designation-patterns"], section.line_of("designation-patterns"),
                "'cui.designation-patterns'", ck)
        if "agency-patterns" in section:
            values["agency-patterns"] = _named_patterns(
                section["agency-patterns"], section.line_of("agency-patterns"), "'cui.agency-patterns'", ck)
        out["cui"] = values
    if "rollup" in raw:
        out["rollup"] = _validate_rollup(raw["rollup"], line("rollup"), ck)
    if "page-break-patterns" in raw:
        patterns = ck.string_list(raw["page-break-patterns"], line("page-break-patterns"), "'page-break-patterns'")
        items = raw["page-break-patterns"]
        for index, pattern in enumerate(patterns):
            where = items.line_of(index) if isinstance(items, LocatedList) else line("page-break-patterns")
            ck.regex(pattern, where, "'page-break-patterns'")
        out["page-break-patterns"] = patterns
    generic: dict[str, GenericRule] = {}
    if "generic" in raw:
        generic = _validate_generic(raw["generic"], line("generic"), ck)
        out["generic"] = generic
    if "rules" in raw:
        section = ck.mapping(raw["rules"], line("rules"), "'rules'", None)
        known = {**inherited, **generic}
        by_name = {name: rule for rule in known.values() for name in (rule.id, rule.code)}
        names = [r.slug for r in RULES] + [r.code for r in RULES] + sorted(by_name)
        rules = {}
        for key, value in section.items():
            where = section.line_of(key)
            doc = by_key(key)
            own = by_name.get(key) or by_name.get(key.upper())
            if doc is None and own is None:
                raise ck.fail(where, f"unknown rule name in 'rules'{closest(key, names)}")
            slug, default = (doc.slug, doc.severity) if doc is not None else (own.id, own.severity)
            rules[slug] = _validate_rule_setting(value, where, f"'rules.{key}'", ck, default)
        out["rules"] = rules
    return out


def _validate_rule_setting(value: object, line: int, what: str, ck: Checker,
                           default: Severity | None) -> RuleSetting:
    """Read `off|error|warning|info` or `{severity: ..., options: {...}}`."""
    if not isinstance(value, LocatedDict):
        return RuleSetting(ck.severity(value, line, what))
    ck.mapping(value, line, what, _RULE_KEYS)
    severity = default
    if "severity" in value:
        severity = ck.severity(value["severity"], value.line_of("severity"), f"{what}.severity")
    options = {}
    if "options" in value:
        options = dict(ck.mapping(value["options"], value.line_of("options"), f"{what}.options", None))
    return RuleSetting(severity, MappingProxyType(options))


def _named_patterns(value: object, line: int, what: str, ck: Checker) -> dict:
    section = ck.mapping(value, line, what, None)
    out: dict[str, object] = {}
    for name, pattern in section.items():
        out[name] = REMOVED if pattern is None else ck.regex(pattern, section.line_of(name), f"{what[:-1]}.{name}'")
    return out


def _validate_portions(value: object, line: int, ck: Checker) -> dict:
    section = ck.mapping(value, line, "'portions'", _PORTION_KEYS)
    out: dict = {}
    if "required" in section:
        out["required"] = ck.choice(section["required"], section.line_of("required"),
                                    "'portions.required'", _PORTION_REQUIRED)
    if "blocks" in section:
        kinds = [k.value for k in BlockKind]
        names = ck.string_list(section["blocks"], section.line_of("blocks"), "'portions.blocks'")
        for name in names:
            ck.choice(name, section.line_of("blocks"), "each of 'portions.blocks'", kinds)
        out["blocks"] = frozenset(BlockKind(n) for n in names)
    if "exempt" in section:
        out["exempt"] = _named_patterns(section["exempt"], section.line_of("exempt"), "'portions.exempt'", ck)
    if "layout" in section:
        layout = ck.mapping(section["layout"], section.line_of("layout"), "'portions.layout'", LAYOUT_ROLES)
        out["layout"] = _named_patterns(layout, section.line_of("layout"), "'portions.layout'", ck)
    return out


def _validate_authority(value: object, line: int, ck: Checker) -> dict:
    section = ck.mapping(value, line, "'authority'", _AUTHORITY_KEYS)
    out: dict = {}
    if "required" in section:
        out["required"] = ck.typed(section["required"], section.line_of("required"),
                                   "'authority.required'", bool, "true or false")
    for key in ("original", "derivative"):
        if key in section:
            names = ck.string_list(section[key], section.line_of(key), f"'authority.{key}'")
            for name in names:
                for part in name.split("|"):
                    ck.choice(part, section.line_of(key), f"each of 'authority.{key}'", CAB_LINES)
            out[key] = names
    if "required-from" in section:
        out["required-from"] = _day(section["required-from"], section.line_of("required-from"),
                                    "'authority.required-from'", ck)
    if "classifier-identity" in section:
        out["classifier-identity"] = ck.choice(section["classifier-identity"], section.line_of("classifier-identity"),
                                               "'authority.classifier-identity'", ("name-and-position", "any"))
    if "reason-on-derivative" in section:
        out["reason-on-derivative"] = ck.severity(
            section["reason-on-derivative"], section.line_of("reason-on-derivative"),
            "'authority.reason-on-derivative'")
    if "reason-pattern" in section:
        out["reason-pattern"] = ck.regex(section["reason-pattern"], section.line_of("reason-pattern"),
                                         "'authority.reason-pattern'")
    if "declassify-on" in section:
        decl = ck.mapping(section["declassify-on"], section.line_of("declassify-on"),
                          "'authority.declassify-on'", _DECLASSIFY_KEYS)
        values: dict = {}
        if "shapes" in decl:
            names = ck.string_list(decl["shapes"], decl.line_of("shapes"), "'authority.declassify-on.shapes'")
            for name in names:
                ck.choice(name, decl.line_of("shapes"), "each of 'authority.declassify-on.shapes'",
                          DECLASSIFY_SHAPES)
            values["shapes"] = frozenset(names)
        if "numeric-dates" in decl:
            values["numeric-dates"] = ck.choice(decl["numeric-dates"], decl.line_of("numeric-dates"),
                                                "'authority.declassify-on.numeric-dates'", ("yyyymmdd", "any"))
        if "max-years" in decl:
            years = ck.mapping(decl["max-years"], decl.line_of("max-years"),
                               "'authority.declassify-on.max-years'", EXEMPTION_FAMILIES)
            for key, limit in years.items():
                if limit is not None:
                    ck.typed(limit, years.line_of(key), f"'authority.declassify-on.max-years.{key}'",
                             int, "a number of years or null")
            values["max-years"] = dict(years)
        if "retired" in decl:
            values["retired"] = _validate_retired(decl["retired"], decl.line_of("retired"), ck)
        out["declassify-on"] = values
    return out


def _validate_retired(value: object, line: int, ck: Checker) -> dict:
    what = "'authority.declassify-on.retired'"
    section = ck.mapping(value, line, what, None)
    out: dict[str, object] = {}
    for name, entry in section.items():
        where = section.line_of(name)
        if entry is None:
            out[name] = REMOVED
            continue
        item = ck.mapping(entry, where, f"{what[:-1]}.{name}'", _RETIRED_KEYS)
        if "pattern" not in item:
            raise ck.fail(where, f"{what[:-1]}.{name}' needs a 'pattern'")
        regex = ck.regex(item["pattern"], item.line_of("pattern"), f"{what[:-1]}.{name}.pattern'")
        until = _day(item.get("valid-until"), item.line_of("valid-until"), f"{what[:-1]}.{name}.valid-until'", ck)
        replacement = ""
        if "replacement" in item:
            replacement = ck.typed(item["replacement"], item.line_of("replacement"),
                                   f"{what[:-1]}.{name}.replacement'", str, "a string")
        out[name] = RetiredValue(name, regex, until, replacement)
    return out


def _validate_generic(value: object, line: int, ck: Checker) -> dict[str, GenericRule]:
    from marklint.checks.registry import RULES

    if not isinstance(value, LocatedList):
        raise ck.fail(line, f"'generic' must be a list of rules, not {describe(value)}")
    taken = {r.slug for r in RULES} | {r.code for r in RULES}
    out: dict[str, GenericRule] = {}
    for index, item in enumerate(value):
        where = value.line_of(index)
        entry = ck.mapping(item, where, "a 'generic' rule", _GENERIC_KEYS)
        for key in ("id", "code", "type", "pattern", "message"):
            if key not in entry:
                raise ck.fail(entry.line, f"a 'generic' rule needs {key!r}")
        rule_id = ck.typed(entry["id"], entry.line_of("id"), "'generic.id'", str, "a string")
        if not _ID_SHAPE.match(rule_id):
            raise ck.fail(entry.line_of("id"), "'generic.id' must be lower-case letters, digits and '-'")
        code = ck.typed(entry["code"], entry.line_of("code"), "'generic.code'", str, "a string")
        if rule_id in taken or code.upper() in taken or rule_id in out:
            raise ck.fail(entry.line_of("id"), "a 'generic' rule reuses the id or code of another rule")
        kind = ck.choice(entry["type"], entry.line_of("type"), "'generic.type'", _GENERIC_TYPES)
        pattern = ck.regex(entry["pattern"], entry.line_of("pattern"), "'generic.pattern'")
        message = ck.typed(entry["message"], entry.line_of("message"), "'generic.message'", str, "a string")
        severity = Severity.ERROR
        if "severity" in entry:
            severity = ck.severity(entry["severity"], entry.line_of("severity"), "'generic.severity'")
            if severity is None:
                raise ck.fail(entry.line_of("severity"), "'generic.severity' cannot be off; remove the rule instead")
        scope = frozenset({"banners", "portions"})
        if "scope" in entry:
            names = ck.string_list(entry["scope"], entry.line_of("scope"), "'generic.scope'")
            for name in names:
                ck.choice(name, entry.line_of("scope"), "each of 'generic.scope'", _SCOPES)
            scope = frozenset(names)
        when = None
        if "when" in entry:
            cond = ck.mapping(entry["when"], entry.line_of("when"), "'generic.when'", _WHEN_KEYS)
            contains = ()
            if "contains" in cond:
                contains = ck.string_list(cond["contains"], cond.line_of("contains"), "'generic.when.contains'")
            level = None
            if "min-level" in cond:
                level = ck.choice(cond["min-level"], cond.line_of("min-level"), "'generic.when.min-level'", LEVELS)
            when = Condition(contains, level)
        taken.add(code.upper())
        out[rule_id] = GenericRule(rule_id, code.upper(), kind, pattern, message, severity, scope, when)
    return out


# ---------------------------------------------------------------------------------------------
# Loading and merging


def _shipped_directory() -> Path:
    """The directory of the shipped rule sets: the package `marklint.rules`, found by its own
    file rather than with importlib.resources, whose import alone costs several milliseconds."""
    import marklint.rules

    return Path(marklint.rules.__file__).parent


@functools.lru_cache(maxsize=1)
def _shipped() -> tuple[str, ...]:
    root = _shipped_directory()
    return tuple(sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".yaml")))


def shipped_rulesets() -> list[str]:
    """Names of the rule sets shipped in the package, sorted."""
    return list(_shipped())


def _locate(name_or_path: str, relative_to: Path | None) -> tuple[str, Path]:
    """Resolve a rule set reference to (display path, file path)."""
    looks_like_path = name_or_path.endswith((".yaml", ".yml")) or "/" in name_or_path or "\\" in name_or_path
    if looks_like_path:
        path = Path(name_or_path)
        if relative_to is not None and not path.is_absolute():
            path = relative_to / path
        return str(path), path
    names = shipped_rulesets()
    if name_or_path not in names:
        raise RuleSetError(
            f"unknown rule set {name_or_path!r}{closest(name_or_path, names)} "
            f"(shipped: {', '.join(names)}; or give a path to a .yaml file)"
        )
    return f"{name_or_path}.yaml", _shipped_directory() / f"{name_or_path}.yaml"


def _read(display: str, path: Path) -> LocatedDict:
    try:
        text = read_bounded(path, SETTINGS_LIMIT).decode("utf-8")
    except FileNotFoundError:
        raise RuleSetError(f"{display}: rule set file not found") from None
    except UnicodeDecodeError:
        raise RuleSetError(f"{display}: cannot read rule set: not UTF-8 text") from None
    except ReadError as exc:
        raise RuleSetError(f"{display}: cannot read rule set: {exc}") from None
    except OSError as exc:
        raise RuleSetError(f"{display}: cannot read rule set: {exc.strerror or exc}") from None
    try:
        raw = load_yaml(text)
    except YamlError as exc:
        where = f"{display}:{exc.line}" if exc.line else display
        raise RuleSetError(f"{where}: {exc.message}") from None
    if raw is None:
        raw = LocatedDict(1)
    if not isinstance(raw, LocatedDict):
        raise RuleSetError(f"{display}:1: a rule set must be a mapping of keys, not {describe(raw)}")
    return raw


def _merge(parent: dict, child: dict) -> dict:
    """Merge normalized values: mappings key by key, everything else replaced."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _key(path: Path) -> str:
    return str(path.resolve()) if path.exists() else str(path)


def _load_values(
    reference: str, relative_to: Path | None, stack: tuple[str, ...], files: list[Path],
) -> tuple[dict, tuple[str, ...]]:
    """The merged, validated values of a rule set and its parents' names; appends every file
    read to `files`."""
    display, path = _locate(reference, relative_to)
    raw = _read(display, path)
    files.append(path)
    ck = Checker(display, RuleSetError)
    parent_values: dict = {}
    parents: tuple[str, ...] = ()
    if "extends" in raw:
        where = raw.line_of("extends")
        base = ck.typed(raw["extends"], where, "'extends'", str, "a string")
        try:
            _, base_path = _locate(base, path.parent)
        except RuleSetError:
            raise ck.fail(where, f"'extends' names no shipped rule set{expected(base, shipped_rulesets())} "
                          "(or give a path to a .yaml file)") from None
        if not base_path.is_file():
            raise ck.fail(where, "'extends': no such rule set file (a path is relative to the rule file)")
        chain = stack + (_key(path),)
        if _key(base_path) in chain:
            names = " -> ".join(Path(k).name for k in chain + (_key(base_path),))
            raise ck.fail(where, f"'extends' cycle: {names}")
        parent_values, parents = _load_values(base, path.parent, chain, files)
        parents = (parent_values.get("name", base),) + parents
    values = _validate(raw, ck, parent_values.get("generic", {}))
    values.setdefault("name", path.stem)
    for inherited_only_by_name in ("date-range", "name", "description"):
        parent_values.pop(inherited_only_by_name, None)
    return _merge(parent_values, values), parents


def _build(values: dict, path: str, parents: tuple[str, ...]) -> RuleSet:
    banners = values.get("banners", {})
    portions = values.get("portions", {})
    authority = values.get("authority", {})
    declassify = authority.get("declassify-on", {})
    cui = values.get("cui", {})

    def named(mapping: dict) -> tuple[NamedPattern, ...]:
        return tuple(NamedPattern(k, v) for k, v in mapping.items() if v is not REMOVED)

    defaults = AuthorityPolicy()
    return RuleSet(
        name=values["name"],
        path=path,
        description=values.get("description", ""),
        parents=parents,
        vocabulary=tuple(values.get("vocabulary", ())),
        date_range=values.get("date-range"),
        banners=BannerPolicy(
            top=banners.get("top", True),
            bottom=banners.get("bottom", True),
            every_page=banners.get("every-page", True),
            page_banner=banners.get("page-banner", "overall-or-page"),
        ),
        portions=PortionPolicy(
            required=portions.get("required", "classified"),
            blocks=portions.get("blocks", frozenset()),
            exempt=named(portions.get("exempt", {})),
            layout=named(portions.get("layout", {})),
        ),
        authority=AuthorityPolicy(
            required=authority.get("required", True),
            original=tuple(authority.get("original", defaults.original)),
            derivative=tuple(authority.get("derivative", defaults.derivative)),
            reason_on_derivative=authority.get("reason-on-derivative", defaults.reason_on_derivative),
            reason_pattern=authority.get("reason-pattern", defaults.reason_pattern),
            declassify_shapes=declassify.get("shapes", defaults.declassify_shapes),
            numeric_dates=declassify.get("numeric-dates", "yyyymmdd"),
            max_years=MappingProxyType({**defaults.max_years, **declassify.get("max-years", {})}),
            retired=tuple(v for v in declassify.get("retired", {}).values() if v is not REMOVED),
            required_from=authority.get("required-from"),
            classifier_identity=authority.get("classifier-identity", defaults.classifier_identity),
        ),
        cui=CuiPolicy(
            designation_required=cui.get("designation-required", True),
            designation_patterns=named(cui.get("designation-patterns", {})),
            agency_patterns=named(cui.get("agency-patterns", {})),
        ),
        rollup=MappingProxyType(dict(values.get("rollup", {}))),
        rules=MappingProxyType(dict(values.get("rules", {}))),
        page_break_patterns=tuple(values.get("page-break-patterns", ())),
        generic=tuple(values.get("generic", {}).values()),
    )


def load_ruleset(name_or_path: str) -> RuleSet:
    """Load a shipped rule set by name (`us-cnsi`) or a rule file by path; cached in memory
    (a relative path per working directory).

    Raises RuleSetError (str: `path:line:column: message`) for unknown names, missing files,
    YAML errors, unknown keys, wrong types, unknown rule names, invalid patterns and
    `extends` cycles.
    """
    return _loaded(name_or_path)[0]


def ruleset_files(name_or_path: str) -> list[str]:
    """The files the rule set `name_or_path` is loaded from: its rule file, the ones it
    extends and the vocabulary files it names by path (the result cache watches them).
    Raises RuleSetError as `load_ruleset` does."""
    return list(_loaded(name_or_path)[1])


def forget_rulesets() -> None:
    """Forget the rule sets loaded so far: the next `load_ruleset` reads the files again (the
    language server calls this when a configuration file changes)."""
    _load.cache_clear()


def _loaded(name_or_path: str) -> tuple[RuleSet, tuple[str, ...]]:
    return _load(name_or_path, "" if os.path.isabs(name_or_path) else os.getcwd())


@functools.lru_cache(maxsize=64)
def _load(name_or_path: str, directory: str) -> tuple[RuleSet, tuple[str, ...]]:
    """The rule set `name_or_path` as seen from `directory` (which is part of the cache key
    only) and the files it was loaded from."""
    display, _ = _locate(name_or_path, None)
    files: list[Path] = []
    values, parents = _load_values(name_or_path, None, (), files)
    ruleset = _build(values, display, parents)
    # vocabulary files named by path are absolute (`_vocabulary_reference`), shipped ones are names
    return ruleset, (*(str(p) for p in files), *(name for name in ruleset.vocabulary if os.path.isabs(name)))


def select_ruleset_for_date(day: date) -> RuleSet | None:
    """The shipped rule set whose `date-range` holds `day` (for `--rules auto`), or None."""
    for name in shipped_rulesets():
        ruleset = load_ruleset(name)
        if ruleset.date_range is not None and ruleset.date_range.contains(day):
            return ruleset
    return None

