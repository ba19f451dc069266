"""`marklint --show-files` and `marklint --show-settings`: what a run would lint, with which
reader, and the settings it would use with where each value comes from (the command line, a
line of a configuration file, or marklint's default)."""

from __future__ import annotations

import os
from typing import TextIO

from marklint.lint import Settings, effective_settings, reader_for
from marklint.report import display_path

COMMAND_LINE = "command line"
DEFAULT = "default"


def show_files(files: list[str], settings: Settings, out: TextIO) -> int:
    """Print `path (reader)` for each file a run would lint; returns 0."""
    from marklint.readers import format_for

    root = os.getcwd()
    for path in files:
        reader = reader_for(path, effective_settings(path, settings)) or format_for(path)
        out.write(f"{display_path(path, root)} ({reader})\n")
    return 0


def _listed(values) -> str:
    shown = [str(value) for value in values]
    return ", ".join(shown) if shown else "(none)"


def _source(given: bool, config, key: str) -> str:
    """Where a setting comes from: the command line, the configuration's line, both, or default."""
    parts = [COMMAND_LINE] if given else []
    if config is not None and key in config.lines:
        parts.append(f"{display_path(config.path, os.getcwd())}:{config.lines[key]}")
    return " + ".join(parts) or DEFAULT


def _fail_on(given: str | None, config) -> tuple[str, str]:
    """(value, source) of fail-on: the command line's, else the configuration's, else error."""
    if given:
        return given, COMMAND_LINE
    if config is not None and config.fail_on is not None:
        return config.fail_on.label, _source(False, config, "fail-on")
    return "error", DEFAULT


def settings_table(path: str, settings: Settings, fail_on: str | None, given: set[str]) -> list[tuple[str, str, str]]:
    """(setting, value, source) rows of the settings that apply to `path`. `given` holds the
    long options written on the command line. Raises ConfigError for a malformed configuration."""
    from marklint.lint import file_config
    from marklint.ruleset import DEFAULT_RULESET

    config = file_config(path, settings)
    found = "--config" if settings.config_file else "discovered"
    resolved = effective_settings(path, settings)
    severity = {key: level.label if level else "off" for key, level in resolved.severity}
    rows = [
        ("configuration", display_path(config.path, os.getcwd()) if config else "(none)", found if config else DEFAULT),
        ("rules", resolved.rules or DEFAULT_RULESET, _source("--rules" in given, config, "rules")),
        ("select", _listed(resolved.select) if resolved.select else "(every rule)",
         _source("--select" in given or "--extend-select" in given, config, "select")),
        ("ignore", _listed(resolved.ignore), _source("--ignore" in given, config, "ignore")),
        ("per-file-ignores", _listed(f"{glob}: {_listed(keys)}" for glob, keys in config.per_file_ignores.items())
         if config else "(none)", _source(False, config, "per-file-ignores")),
        ("severity", _listed(f"{key}={level}" for key, level in severity.items()), _source(False, config, "severity")),
        ("fail-on", *_fail_on(fail_on, config)),
        ("require-banner", resolved.require_banner or "when-marked", _source(False, config, "require-banner")),
        ("page-break-patterns", _listed(resolved.page_break_patterns), _source(False, config, "page-break-patterns")),
        ("include", _listed(resolved.include), _source(False, config, "include")),
        ("exclude", _listed(resolved.exclude), _source(False, config, "exclude")),
        ("include-quotes", "false" if resolved.include_quotes is False else "true",
         _source(False, config, "include-quotes")),
        ("exempt", _listed(resolved.exempt), _source(False, config, "exempt")),
        ("skip-speaker-notes", "true" if resolved.skip_speaker_notes else "false",
         _source("--skip-speaker-notes" in given, config, "skip-speaker-notes")),
        ("ocr", {True: "on", False: "off", None: "by collection"}[resolved.ocr],
         _source("--ocr" in given or "--no-ocr" in given, config, "ocr")),
        ("archive-collections", _listed(resolved.collections), _source(False, config, "archive-collections")),
        ("formats", _listed(f"{ext}={reader}" for ext, reader in resolved.formats), _source(False, config, "formats")),
        ("format-in", resolved.input_format or "(by extension)", _source("--format-in" in given, None, "")),
    ]
    return rows


def show_settings(path: str, settings: Settings, fail_on: str | None, given: set[str], out: TextIO,
                  err: TextIO) -> int:
    """Print the settings table for `path`; returns 0, or 2 for a malformed configuration."""
    from marklint.config import ConfigError

    try:
        rows = settings_table(path, settings, fail_on, given)
    except ConfigError as exc:
        err.write(f"marklint: {exc}\n")
        return 2
    width = max(len(name) for name, _, _ in rows)
    out.write(f"Settings for {display_path(path, os.getcwd())}:\n")
    for name, value, source in rows:
        out.write(f"  {name:<{width}}  {value}  ({source})\n")
    return 0
