"""Findings: what a check reports, with severity, position and an optional fix."""

from __future__ import annotations

import sys
from enum import IntEnum

from marklint.values import FrozenValue, Value


class Severity(IntEnum):
    """Finding severity; higher is worse, so `--fail-on` compares with >=."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The lower-case name used in output and configuration."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        """Read a severity name (`error`, `warning`/`warn`, `info`); raise ValueError otherwise."""
        key = text.strip().lower()
        if key == "warn":
            key = "warning"
        try:
            return cls[key.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}; use error, warning or info") from None


# The records below are written on marklint.values' bases rather than as dataclasses: defining
# a dataclass costs milliseconds of start-up (it compiles generated code), and importing
# `dataclasses` more. Edit, Fix and Finding are slotted: a big file yields hundreds of thousands.


class Edit(FrozenValue):
    """Replace the text between two 1-based (line, column) positions, end exclusive.

    Immutable, compared and hashed by value.
    """

    __slots__ = ("line", "column", "end_line", "end_column", "replacement")
    _fields = __slots__
    __reduce__ = Value.__reduce__  # by position: workers send every result to the parent

    def __init__(self, line: int, column: int, end_line: int, end_column: int, replacement: str) -> None:
        init = object.__setattr__
        init(self, "line", line)
        init(self, "column", column)
        init(self, "end_line", end_line)
        init(self, "end_column", end_column)
        # a big file repeats a few replacements many thousand times
        init(self, "replacement", sys.intern(replacement))


class Fix(FrozenValue):
    """A correction attached to a finding. `safety` is "safe" or "unsafe".

    Immutable, compared and hashed by value.
    """

    __slots__ = ("description", "safety", "edits")
    _fields = __slots__
    __reduce__ = Value.__reduce__  # as Edit's

    def __init__(self, description: str, safety: str, edits: tuple[Edit, ...]) -> None:
        init = object.__setattr__
        init(self, "description", sys.intern(description))  # as Edit.replacement
        init(self, "safety", safety)
        init(self, "edits", edits)


class Suppression(FrozenValue):
    """Why a finding is not counted: `kind` is "inSource" (a comment) or "external" (baseline)."""

    _fields = ("kind", "justification")

    def __init__(self, kind: str, justification: str = "") -> None:
        self.__dict__.update(kind=kind, justification=justification)


class Finding(Value):
    """One problem at one place.

    `marking` is the marking text the finding is about (a banner or portion mark, never
    portion prose); it feeds content-free fingerprints. `source` holds the offending source
    line only when the user asked for `--show-source`. `end_line` and `end_column` default to
    `line` and `column`. `location` names the place in formats whose lines mean little to a
    reader (`slide 3, shape "TextBox 4"`, `sheet 'Budget', cell B7`); SARIF gives it as a
    logical location. Mutable and compared by value.
    """

    __slots__ = ("path", "line", "column", "code", "rule", "severity", "message", "end_line", "end_column",
                 "page", "marking", "fix", "suppression", "source", "location")
    _fields = __slots__

    def __init__(self, path: str, line: int, column: int, code: str, rule: str, severity: Severity, message: str,
                 end_line: int | None = None, end_column: int | None = None, page: int | None = None,
                 marking: str | None = None, fix: Fix | None = None, suppression: Suppression | None = None,
                 source: str | None = None, location: str | None = None) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.code = code
        self.rule = rule
        self.severity = severity
        self.message = sys.intern(message)  # a big file repeats a few messages many thousand times
        self.end_line = line if end_line is None else end_line
        self.end_column = column if end_column is None else end_column
        self.page = page
        self.marking = marking
        self.fix = fix
        self.suppression = suppression
        self.source = source
        self.location = location

    @property
    def _values(self) -> tuple:  # type: ignore[override]
        # written out: reading the slots by name takes twice as long, and pickling findings is hot
        return (self.path, self.line, self.column, self.code, self.rule, self.severity, self.message,
                self.end_line, self.end_column, self.page, self.marking, self.fix, self.suppression, self.source,
                self.location)

    def sort_key(self) -> tuple:
        """Order findings by file position, then code."""
        return (self.path, self.line, self.column, self.code, self.message)


class FileResult(Value):
    """Everything learned from one input: its findings, page count and the rule set used.

    `facts` are the per-document facts of `marklint.summary` (JSON data, no document text).
    `error` is set when the file could not be read (not text, missing, unreadable, a missing
    optional dependency): the run then exits 2, but other files are still linted. `config` is
    the path of the configuration file that applied, if any. Mutable and compared by value.
    """

    _fields = ("path", "findings", "pages", "ruleset", "error", "notices", "config", "facts")

    def __init__(self, path: str, findings: list[Finding] | None = None, pages: int = 0, ruleset: str | None = None,
                 error: str | None = None, notices: list[str] | None = None, config: str | None = None,
                 facts: dict | None = None) -> None:
        self.path = path
        self.findings = [] if findings is None else findings
        self.pages = pages
        self.ruleset = ruleset
        self.error = error
        self.notices = [] if notices is None else notices
        self.config = config
        self.facts = facts  # marklint.summary.document_facts: what was found, for --format summary


def described(finding: Finding) -> str:
    """The finding's message, followed by its location in parentheses when it has one."""
    return finding.message if finding.location is None else f"{finding.message} ({finding.location})"


def edit_to_dict(edit: Edit) -> dict[str, object]:
    """The JSON form of an edit."""
    return {
        "line": edit.line,
        "column": edit.column,
        "end_line": edit.end_line,
        "end_column": edit.end_column,
        "replacement": edit.replacement,
    }


def fix_to_dict(fix: Fix | None) -> dict[str, object] | None:
    """The JSON `fix` field of a finding: description, safety and edits; None when no fix.
    (Here rather than in `marklint.fix`, whose import costs the JSON report milliseconds.)"""
    if fix is None:
        return None
    return {
        "description": fix.description,
        "safety": fix.safety,
        "edits": [edit_to_dict(edit) for edit in fix.edits],
    }
