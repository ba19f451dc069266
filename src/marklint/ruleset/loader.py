"""Loading rule sets: shipped sets by name, user files by path, `extends` chains merged and
validated (`marklint.ruleset.schema`) into a `RuleSet`, cached in memory.

Merging with `extends`: mappings merge key by key (the child wins; a `null` value removes a
named pattern or retired value), lists and scalars are replaced, generic rules are merged by
`id`. `date-range` is not inherited: it only marks the set that `--rules auto` picks.
"""

from __future__ import annotations

import functools
import os
from datetime import date
from pathlib import Path
from types import MappingProxyType

import marklint.rules
from marklint.checks.registry import RULES
from marklint.errors import RuleSetError
from marklint.markings import RollupOptions
from marklint.ruleset.model import (AuthorityPolicy, BannerPolicy, CuiPolicy, NamedPattern, PortionPolicy,
                                    RuleSet)
from marklint.ruleset.schema import REMOVED, validate
from marklint.validation import Checker, closest, describe, expected, read_text
from marklint.yamlsafe import LocatedDict


@functools.lru_cache(maxsize=1)
def _shipped() -> tuple[str, ...]:
    root = marklint.rules.DIRECTORY
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
    return f"{name_or_path}.yaml", marklint.rules.DIRECTORY / f"{name_or_path}.yaml"


def _read(display: str, path: Path) -> LocatedDict:
    text = read_text(path, lambda reason: RuleSetError(f"{display}: cannot read rule set: {reason}"),
                     RuleSetError(f"{display}: rule set file not found"))
    raw = Checker(display, RuleSetError).load(text)
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
    values = validate(raw, ck, parent_values.get("generic", {}))
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
    generic = tuple(values.get("generic", {}).values())
    severities = {rule.slug: rule.severity for rule in RULES}
    severities.update((rule.id, rule.severity) for rule in generic)
    severities.update(values.get("rules", {}))
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
            titles=portions.get("titles", True),
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
            bottom_banner=cui.get("bottom-banner", False),
            bare_banner=cui.get("bare-banner", False),
            designation_patterns=named(cui.get("designation-patterns", {})),
            agency_patterns=named(cui.get("agency-patterns", {})),
        ),
        rollup=RollupOptions(**values.get("rollup", {})),
        severities=MappingProxyType(severities),
        page_break_patterns=tuple(values.get("page-break-patterns", ())),
        generic=generic,
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

