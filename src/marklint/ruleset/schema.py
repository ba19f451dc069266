"""The schema of a rule file: `validate` checks one file's mapping, key by key, and returns its
normalized plain values for merging (`marklint.ruleset.loader`). Errors name the file, line and
column (`marklint.validation.Checker`)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from pathlib import Path

import marklint.rules
from marklint.checks.registry import RULES, by_key
from marklint.document import BlockKind
from marklint.findings import Severity
from marklint.levels import LEVEL_NAMES
from marklint.markings import RollupOptions
from marklint.ruleset.model import (CAB_LINES, DECLASSIFY_SHAPES, EXEMPTION_FAMILIES, LAYOUT_ROLES, Condition,
                                    DateRange, GenericRule, RetiredValue)
from marklint.validation import Checker, closest, describe, expected
from marklint.yamlsafe import LocatedDict, LocatedList

_TOP_KEYS = (
    "name", "description", "extends", "vocabulary", "date-range", "banners", "portions",
    "authority", "cui", "rollup", "rules", "page-break-patterns", "generic",
)
_BANNER_KEYS = ("top", "bottom", "every-page", "page-banner")
_PORTION_KEYS = ("required", "blocks", "titles", "exempt", "layout")
_AUTHORITY_KEYS = ("required", "required-from", "original", "derivative", "reason-on-derivative", "reason-pattern",
                   "declassify-on", "classifier-identity")
_DECLASSIFY_KEYS = ("shapes", "numeric-dates", "max-years", "retired")
_RETIRED_KEYS = ("pattern", "valid-from", "valid-until", "replacement")
_CUI_KEYS = ("designation-required", "bottom-banner", "bare-banner", "designation-patterns", "agency-patterns")
_GENERIC_KEYS = ("id", "code", "type", "pattern", "message", "severity", "scope", "when")
_WHEN_KEYS = ("contains", "min-level", "dated-from", "without-cui")
_RULE_KEYS = ("severity",)
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
    root = marklint.rules.DIRECTORY / "vocab"
    names = sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".yaml"))
    if name not in names:
        raise ck.fail(line, f"unknown vocabulary name{expected(name, names)}")
    return name


def _validate_rollup(value: object, line: int, ck: Checker) -> dict:
    """Roll-up options: the fields of `marklint.markings.RollupOptions`, written kebab-case."""
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


def validate(raw: LocatedDict, ck: Checker, inherited: dict[str, GenericRule]) -> dict:
    """Check one file's mapping and return its normalized plain values (for merging):
    `inherited` are the generic rules of the sets it extends."""
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
        for key in ("designation-required", "bottom-banner", "bare-banner"):
            if key in section:
                values[key] = ck.typed(section[key], section.line_of(key), f"'cui.{key}'", bool, "true or false")
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
                           default: Severity | None) -> Severity | None:
    """Read `off|error|warning|info` or `{severity: ...}`."""
    if not isinstance(value, LocatedDict):
        return ck.severity(value, line, what)
    ck.mapping(value, line, what, _RULE_KEYS)
    if "severity" in value:
        return ck.severity(value["severity"], value.line_of("severity"), f"{what}.severity")
    return default


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
        names = ck.choices(section["blocks"], section.line_of("blocks"), "'portions.blocks'", kinds)
        out["blocks"] = frozenset(BlockKind(n) for n in names)
    if "titles" in section:
        out["titles"] = ck.typed(section["titles"], section.line_of("titles"), "'portions.titles'", bool, "true or false")
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
            values["shapes"] = frozenset(ck.choices(decl["shapes"], decl.line_of("shapes"),
                                                    "'authority.declassify-on.shapes'", DECLASSIFY_SHAPES))
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
        since = _day(item.get("valid-from"), item.line_of("valid-from"), f"{what[:-1]}.{name}.valid-from'", ck)
        replacement = ""
        if "replacement" in item:
            replacement = ck.typed(item["replacement"], item.line_of("replacement"),
                                   f"{what[:-1]}.{name}.replacement'", str, "a string")
        out[name] = RetiredValue(name, regex, until, replacement, since)
    return out


def _validate_generic(value: object, line: int, ck: Checker) -> dict[str, GenericRule]:
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
            scope = frozenset(ck.choices(entry["scope"], entry.line_of("scope"), "'generic.scope'", _SCOPES))
        when = None
        if "when" in entry:
            cond = ck.mapping(entry["when"], entry.line_of("when"), "'generic.when'", _WHEN_KEYS)
            contains = ()
            if "contains" in cond:
                contains = ck.string_list(cond["contains"], cond.line_of("contains"), "'generic.when.contains'")
            level = None
            if "min-level" in cond:
                level = ck.choice(cond["min-level"], cond.line_of("min-level"), "'generic.when.min-level'",
                                  tuple(LEVEL_NAMES))
            dated_from = _day(cond.get("dated-from"), cond.line_of("dated-from"), "'generic.when.dated-from'", ck)
            without_cui = False
            if "without-cui" in cond:
                without_cui = ck.typed(cond["without-cui"], cond.line_of("without-cui"), "'generic.when.without-cui'",
                                       bool, "true or false")
            when = Condition(contains, level, dated_from, without_cui)
        taken.add(code.upper())
        out[rule_id] = GenericRule(rule_id, code.upper(), kind, pattern, message, severity, scope, when)
    return out


