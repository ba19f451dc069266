"""Findings: what a check reports, with severity, position and an optional fix."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from enum import IntEnum


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


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text between two 1-based (line, column) positions, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str

    def __post_init__(self) -> None:
        # a big file repeats a few replacements many thousand times (frozen: hence object.__setattr__)
        object.__setattr__(self, "replacement", sys.intern(self.replacement))


@dataclass(frozen=True, slots=True)
class Fix:
    """A correction attached to a finding. `safety` is "safe" or "unsafe"."""

    description: str
    safety: str
    edits: tuple[Edit, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "description", sys.intern(self.description))  # as Edit.replacement


@dataclass(frozen=True)
class Suppression:
    """Why a finding is not counted: `kind` is "inSource" (a comment) or "external" (baseline)."""

    kind: str
    justification: str = ""


@dataclass(slots=True)  # a big file yields hundreds of thousands of findings
class Finding:
    """One problem at one place.

    `marking` is the marking text the finding is about (a banner or portion mark, never
    portion prose); it feeds content-free fingerprints. `source` holds the offending source
    line only when the user asked for `--show-source`.
    """

    path: str
    line: int
    column: int
    code: str
    rule: str
    severity: Severity
    message: str
    end_line: int | None = None
    end_column: int | None = None
    page: int | None = None
    marking: str | None = None
    fix: Fix | None = None
    suppression: Suppression | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        self.message = sys.intern(self.message)  # a big file repeats a few messages many thousand times
        if self.end_line is None:
            self.end_line = self.line
        if self.end_column is None:
            self.end_column = self.column

    def sort_key(self) -> tuple:
        """Order findings by file position, then code."""
        return (self.path, self.line, self.column, self.code, self.message)


@dataclass
class FileResult:
    """Everything learned from one input: its findings, page count and the rule set used.

    `error` is set when the file could not be read (not text, missing, unreadable, a missing
    optional dependency): the run then exits 2, but other files are still linted.
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    ruleset: str | None = None
    error: str | None = None
    notices: list[str] = field(default_factory=list)
