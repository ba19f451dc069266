"""Validation of the YAML files users write (configuration, rule sets, vocabularies), with errors
that name the file, line and column and what was expected, never the text found there (the
file may not be what it claims to be), except keys of the schema."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date

from marklint.errors import PatternError, YamlError
from marklint.findings import Severity
from marklint.userpattern import UserPattern
from marklint.safeio import SETTINGS_LIMIT, ReadError, read_bounded
from marklint.yamlsafe import LocatedDict, LocatedList, load_yaml


def read_text(path, problem: Callable[[str], Exception], missing: Exception | None = None) -> str:
    """The UTF-8 text of a settings file, read with a size limit (`marklint.safeio`). Raises
    `missing` for a file that does not exist (when given), else `problem(reason)` for one that
    cannot be read: reason is "not UTF-8 text" or the system's, never the file's text."""
    try:
        return read_bounded(path, SETTINGS_LIMIT).decode("utf-8")
    except FileNotFoundError as exc:
        reason = str(exc.strerror or exc)
        if missing is not None:
            raise missing from None
    except UnicodeDecodeError:
        reason = "not UTF-8 text"
    except ReadError as exc:
        reason = str(exc)
    except OSError as exc:
        reason = str(exc.strerror or exc)
    raise problem(reason) from None


def closest(word: str, choices) -> str:
    """"; did you mean 'x'?" for the closest of `choices`, or ""."""
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

    def load(self, text: str) -> object:
        """This file's YAML document `text` (`marklint.yamlsafe`); an empty one is an empty mapping."""
        try:
            data = load_yaml(text)
        except YamlError as exc:
            raise self.fail(exc.line, exc.message) from None
        return LocatedDict(1) if data is None else data

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

    def choices(self, value: object, line: int, what: str, choices) -> tuple[str, ...]:
        """Require a list of `choices` (a single string is accepted as a list of one)."""
        names = self.string_list(value, line, what)
        for name in names:
            self.choice(name, line, f"each of {what}", choices)
        return names

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
