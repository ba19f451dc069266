"""Project configuration: `.marklint.yaml` or `[tool.marklint]` in pyproject.toml.

`find_config(path)` walks up from a linted file's directory, no further than the repository
root (the directory holding `.git`) or the user's home, and returns the closest configuration
(a `.marklint.yaml` wins over a pyproject.toml in the same directory; a pyproject.toml without
`[tool.marklint]` is passed over), cached per directory. `explicit_config` loads the file
given with `--config`; `--isolated` uses none. The lint
pipeline (`marklint.lint.effective_settings`) combines it with the command line.
Configuration files are untrusted input and are validated like rule files: an unknown key, a
wrong type or an unknown rule name raises `ConfigError`, whose str is `path:line: message`
with the closest valid key.

Keys: `rules` (a rule set name, `auto`, or a path relative to the configuration file),
`select` / `ignore` (slugs, codes or code prefixes such as `MK4`), `per-file-ignores` (glob
relative to the configuration's directory -> rules), `severity` (rule -> error|warning|info|off),
`page-break-patterns`, `include` / `exclude` (globs), `require-banner` (always | when-marked),
`include-quotes` (true, the default | false: block quotes in Markdown, reST, AsciiDoc, HTML and
e-mail are portions of the document), `exempt` (regular expressions: a block whose first line
matches one is an administrative element, docs/structure.md), `skip-speaker-notes` (true | false:
leave out the speaker notes of PowerPoint slides), `fail-on` (error | warning | info), `ocr` and
`archive-collections` (docs/archives.md) and `formats` (file extension -> reader name, so that
`include` can add an extension marklint does not know: `{".note": text}`). `Config.lines` holds
the line of each key given, for `marklint --show-settings`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from marklint.errors import ConfigError
from marklint.findings import Severity
from marklint.readers import READERS
from marklint.selection import registered_names, unknown_rule
from marklint.validation import Checker, closest, read_text
from marklint.yamlsafe import LocatedDict, LocatedList

YAML_NAME, TOML_NAME = ".marklint.yaml", "pyproject.toml"  # looked for in this order, per directory
KEYS = ("rules", "select", "ignore", "per-file-ignores", "severity", "page-break-patterns",
        "include", "exclude", "require-banner", "include-quotes", "exempt", "skip-speaker-notes", "fail-on", "ocr",
        "archive-collections", "formats")


_EMPTY: Mapping = MappingProxyType({})


class Config(NamedTuple):
    """One configuration file's settings; `root` is the directory it applies from."""

    path: str
    root: str
    rules: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = _EMPTY
    severity: Mapping[str, Severity | None] = _EMPTY
    page_break_patterns: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    require_banner: str | None = None
    include_quotes: bool | None = None
    exempt: tuple[str, ...] = ()
    skip_speaker_notes: bool = False
    fail_on: Severity | None = None
    ocr: bool | None = None
    archive_collections: tuple[str, ...] = ()
    formats: Mapping[str, str] = _EMPTY
    lines: Mapping[str, int] = _EMPTY


_by_directory: dict[str, Config | None] = {}


def _is_boundary(directory: str) -> bool:
    """Whether configuration discovery stops at `directory`: a repository root (it holds
    `.git`) or the user's home. A configuration above it (a shared /tmp, another user's
    folder, the parent of a checkout) never applies."""
    return os.path.lexists(os.path.join(directory, ".git")) or directory == _home()


def _shared(directory: str) -> bool:
    """Whether anyone may write to `directory` (/tmp, say): a configuration file found there
    could be anyone's, so discovery stops before it."""
    try:
        return bool(os.stat(directory).st_mode & 0o002)
    except OSError:  # a directory that does not exist holds no configuration either
        return False


def _home() -> str:
    return os.path.abspath(os.path.expanduser("~"))


def find_config(path: str) -> Config | None:
    """The configuration closest to `path` (a file or directory), or None; cached per
    directory. The search walks up from `path` and stops at the repository root (the
    directory holding `.git`) or the user's home directory, whichever comes first, after
    looking there; it never looks in a directory that anyone may write to (`/tmp`).

    Raises ConfigError for a configuration file that is malformed.
    """
    start = os.path.abspath(path)
    directory = start if os.path.isdir(start) else os.path.dirname(start)
    visited = []
    found: Config | None = None
    while True:
        if directory in _by_directory:
            found = _by_directory[directory]
            break
        visited.append(directory)
        if _shared(directory):
            found = None
            break
        found = _config_in(directory)
        if found is not None or _is_boundary(directory):
            break
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    for seen in visited:
        _by_directory[seen] = found
    return found


_explicit: dict[str, Config] = {}


def explicit_config(path: str) -> Config:
    """The configuration file given with `--config` (a .marklint.yaml-style YAML file, or a
    pyproject.toml with `[tool.marklint]`), loaded once. Raises ConfigError."""
    key = os.path.abspath(path)
    if key not in _explicit:
        config = load_config(path)
        if config is None:
            raise ConfigError(f"{path}: no [tool.marklint] table")
        _explicit[key] = config
    return _explicit[key]


def forget_configs() -> None:
    """Forget the configurations found so far: the next `find_config` reads the files again
    (the language server calls this when a configuration file changes)."""
    _by_directory.clear()
    _explicit.clear()


def _config_in(directory: str) -> Config | None:
    yaml_path = os.path.join(directory, YAML_NAME)
    if os.path.isfile(yaml_path):
        return load_config(yaml_path)
    toml_path = os.path.join(directory, TOML_NAME)
    if os.path.isfile(toml_path):
        return load_config(toml_path)
    return None


def load_config(path: str) -> Config | None:
    """Load `.marklint.yaml` or a pyproject.toml; None for a pyproject.toml without
    `[tool.marklint]`. Raises ConfigError naming the file and line."""
    text = read_text(path, lambda reason: ConfigError(f"{path}: cannot read configuration: {reason}"))
    if path.endswith(".toml"):
        raw = _toml_section(path, text)
        if raw is None:
            return None
    else:
        raw = Checker(path, ConfigError).load(text)
    return _validate(raw, path)


# Pattern strings, compiled by `re` at first use (its cache): only pyproject.toml needs them.
_TOML_ERROR_LINE = r"\(at line (\d+), column \d+\)"
_TOML_HEADER = r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$"
_TOML_KEY = r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*="""


def _toml_section(path: str, text: str) -> LocatedDict | None:
    """`[tool.marklint]` of a pyproject.toml as a LocatedDict (lines found by scanning)."""
    if "marklint" not in text:  # however the table is spelled, its name is in the text; tomllib costs ~5 ms
        return None
    import tomllib  # lazy heavy import (~5 ms): only a pyproject.toml that names marklint needs it

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(_TOML_ERROR_LINE, str(exc))
        message = re.sub(_TOML_ERROR_LINE, "", str(exc)).strip()
        where = f"{path}:{match.group(1)}" if match else path
        raise ConfigError(f"{where}: TOML syntax error: {message}") from None
    section = data.get("tool", {}).get("marklint")
    if section is None:
        return None
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    header_re, key_re = re.compile(_TOML_HEADER), re.compile(_TOML_KEY)
    for number, line in enumerate(text.splitlines(), 1):
        header = header_re.match(line)
        if header:
            table = tuple(part.strip().strip("\"'") for part in header.group(1).split("."))
            lines.setdefault(table, number)
            continue
        key = key_re.match(line)
        if key:
            name = next(g for g in key.groups() if g is not None)
            lines.setdefault(table + (name,), number)
    return _located(section, ("tool", "marklint"), lines, lines.get(("tool", "marklint"), 1))


def _located(value: object, where: tuple[str, ...], lines: dict[tuple[str, ...], int], line: int) -> object:
    if isinstance(value, dict):
        result = LocatedDict(lines.get(where, line))
        for key, item in value.items():
            key_line = lines.get(where + (key,), result.line)
            result[key] = _located(item, where + (key,), lines, key_line)
            result.key_lines[key] = key_line
        return result
    if isinstance(value, list):
        items = LocatedList(line)
        for item in value:
            items.append(_located(item, where, lines, line))
            items.item_lines.append(line)
        return items
    return value


def _validate(raw: object, path: str) -> Config:
    ck = Checker(path, ConfigError)
    section = ck.mapping(raw, getattr(raw, "line", 1), "the configuration", KEYS)
    line = section.line_of
    root = os.path.dirname(os.path.abspath(path))
    rules = None
    generic_ids: set[str] = set()
    if "rules" in section:
        rules = ck.typed(section["rules"], line("rules"), "'rules'", str, "a string")
        if rules.endswith((".yaml", ".yml")) or "/" in rules or "\\" in rules:
            rules = os.path.normpath(os.path.join(root, rules))
        if rules != "auto":
            generic_ids = _generic_ids(ck, rules, line("rules"))
    names = registered_names() + sorted(generic_ids)

    def rule_keys(value: object, at: int, what: str) -> tuple[str, ...]:
        keys = ck.string_list(value, at, what)
        for key in keys:
            _check_rule_name(ck, key, at, what, names)
        return keys

    values: dict = {"path": path, "root": root, "rules": rules,
                    "lines": MappingProxyType({key: line(key) for key in section})}
    for key in ("select", "ignore"):
        if key in section:
            values[key] = rule_keys(section[key], line(key), f"'{key}'")
    if "per-file-ignores" in section:
        table = ck.mapping(section["per-file-ignores"], line("per-file-ignores"), "'per-file-ignores'", None)
        values["per_file_ignores"] = MappingProxyType({
            glob: rule_keys(keys, table.line_of(glob), f"'per-file-ignores.{glob}'")
            for glob, keys in table.items()
        })
    if "severity" in section:
        table = ck.mapping(section["severity"], line("severity"), "'severity'", None)
        levels = {}
        for key, level in table.items():
            _check_rule_name(ck, key, table.line_of(key), "'severity'", names)
            levels[key] = ck.severity(level, table.line_of(key), f"'severity.{key}'")
        values["severity"] = MappingProxyType(levels)
    for key in ("page-break-patterns", "exempt"):
        if key in section:
            patterns = ck.string_list(section[key], line(key), f"'{key}'")
            items = section[key]
            for index, pattern in enumerate(patterns):
                ck.regex(pattern, items.line_of(index) if isinstance(items, LocatedList) else line(key), f"'{key}'")
            values[key.replace("-", "_")] = patterns
    for key in ("include", "exclude"):
        if key in section:
            values[key] = ck.string_list(section[key], line(key), f"'{key}'")
    if "require-banner" in section:
        values["require_banner"] = ck.choice(section["require-banner"], line("require-banner"),
                                             "'require-banner'", ("always", "when-marked"))
    if "include-quotes" in section:
        values["include_quotes"] = ck.typed(section["include-quotes"], line("include-quotes"),
                                            "'include-quotes'", bool, "true or false")
    if "skip-speaker-notes" in section:
        values["skip_speaker_notes"] = ck.typed(section["skip-speaker-notes"], line("skip-speaker-notes"),
                                                "'skip-speaker-notes'", bool, "true or false")
    if "ocr" in section:
        values["ocr"] = ck.typed(section["ocr"], line("ocr"), "'ocr'", bool, "true or false")
    if "archive-collections" in section:
        paths = ck.string_list(section["archive-collections"], line("archive-collections"), "'archive-collections'")
        values["archive_collections"] = tuple(os.path.normpath(os.path.join(root, p)) for p in paths)
        # lazy heavy import (~8 ms of pathlib and the pattern compiler): only a configuration that
        # names its own collections needs it, not every run's start-up
        from marklint.archives.collections import CollectionError, load_collection

        for collection in values["archive_collections"]:
            try:
                load_collection(collection)
            except CollectionError as exc:
                raise ck.fail(line("archive-collections"), f"'archive-collections': {exc}") from None
    if "fail-on" in section:
        values["fail_on"] = Severity.parse(
            ck.choice(section["fail-on"], line("fail-on"), "'fail-on'", ("error", "warning", "info")))
    if "formats" in section:
        values["formats"] = _formats(ck, section["formats"], line("formats"))
    return Config(**values)


def _generic_ids(ck: Checker, rules: str, line: int) -> set[str]:
    """The ids and codes of the configured rule set's generic rules. A rule set that does not
    load is an error at the configuration's `rules` line: an unknown name is not quoted (it is
    the file's text), a rule set file's own error names that file and line."""
    from marklint.ruleset import RuleSetError, load_ruleset, shipped_rulesets  # lazy: brings the rule registry

    try:
        ruleset = load_ruleset(rules)
    except RuleSetError as exc:
        if os.path.isabs(rules):
            raise ck.fail(line, f"'rules': {exc}") from None
        raise ck.fail(line, f"'rules': unknown rule set{closest(rules, shipped_rulesets())}") from None
    return {key for rule in ruleset.generic for key in (rule.id, rule.code)}


def _formats(ck: Checker, value: object, line: int) -> Mapping[str, str]:
    """`formats`: extensions (`.note`) -> reader names (marklint.readers.READERS)."""

    table = ck.mapping(value, line, "'formats'", None)
    formats = {}
    for extension, reader in table.items():
        at = table.line_of(extension)
        if not extension.startswith(".") or len(extension) < 2 or "/" in extension:
            raise ck.fail(at, f"'formats' keys are file extensions with their dot, like '.note', not {extension!r}")
        name = ck.typed(reader, at, f"'formats.{extension}'", str, "a reader name")
        if name not in READERS:
            raise ck.fail(at, f"unknown reader in 'formats.{extension}'{closest(name, READERS)}"
                          f" (readers: {', '.join(sorted(READERS))})")
        formats[extension.lower()] = name
    return MappingProxyType(formats)


def _check_rule_name(ck: Checker, key: str, line: int, what: str, names: list[str]) -> None:
    """Accept a slug, a code, a code prefix (`MK4`) or a generic rule id of the rule set."""
    if unknown_rule(key, names) is not None:  # the message names the closest rule, never the text found
        raise ck.fail(line, f"unknown rule name in {what}{closest(key, names)}")
