"""JSON output: one array of findings (the stable schema of docs/json-output.md).

Each finding: path, line, column, end_line, end_column, code, rule, severity, message, page,
fix (null until fix mode provides one); plus `location` when the reader names the place (a slide's
shape, a sheet's cell) and `source` only with --show-source. Suppressed
findings are left out; files that could not be read are reported by the CLI, not here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from marklint.findings import FileResult, Finding, fix_to_dict
from marklint.report import ReportContext, path_display, reported


def finding_dict(finding: Finding, path: str, show_source: bool) -> dict[str, object]:
    """The JSON object of one finding."""
    item: dict[str, object] = {
        "path": path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.label,
        "message": finding.message,
        "page": finding.page,
        "fix": fix_to_dict(finding.fix),
    }
    if finding.location is not None:
        item["location"] = finding.location
    if show_source:
        item["source"] = finding.source
    return item


def pieces(results: list[FileResult], ctx: ReportContext) -> Iterator[str]:
    """`render`'s text in pieces, one finding at a time, for a big file's output to be written
    as it is made (`marklint.report.write`)."""
    display = path_display(ctx.root)
    # json.dumps(items, indent=2), item by item: the encoder with an indent keeps every piece of
    # its output in one list until the end, several times the output's size for a big file.
    # An item's text holds no line break but its own (strings escape theirs).
    separator = "[\n  "
    for result in results:
        for finding in reported(result):
            yield separator + json.dumps(finding_dict(finding, display(result.path), ctx.show_source),
                                         indent=2).replace("\n", "\n  ")
            separator = ",\n  "
    yield "[]\n" if separator == "[\n  " else "\n]\n"


def render(results: list[FileResult], ctx: ReportContext) -> str:
    """Render every reported finding of every file as one JSON array (indented by two)."""
    return "".join(pieces(results, ctx))
