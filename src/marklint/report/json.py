"""JSON output: one array of findings (the stable schema in the README, "JSON output").

Each finding: path, line, column, end_line, end_column, code, rule, severity, message, page,
fix (null until fix mode provides one); plus `location` when the reader names the place (a slide's
shape, a sheet's cell) and `source` only with --show-source. Suppressed
findings are left out; files that could not be read are reported by the CLI, not here.
"""

from __future__ import annotations

import json

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


_flat_item = json.JSONEncoder(separators=(",\n    ", ": ")).encode
_encode_string = json.encoder.encode_basestring_ascii  # the C function behind json.dumps(str)


def render(results: list[FileResult], ctx: ReportContext) -> str:
    """Render every reported finding of every file as one JSON array.

    The text is exactly `json.dumps(items, indent=2)`, built from pieces because an indented
    dump cannot use the C encoder and costs more than the rest of a cached run: each run of
    findings without a fix is one C-encoded dump (`_flat_items_text`), a finding with a fix
    (nested) is indented by `_indented`.
    """
    pieces = []
    flat: list[dict[str, object]] = []  # the current run of findings without a fix
    display = path_display(ctx.root)
    for result in results:
        findings = reported(result)
        if findings:
            path = display(result.path)
            for finding in findings:
                item = finding_dict(finding, path, ctx.show_source)
                if finding.fix is None:
                    flat.append(item)
                    continue
                if flat:
                    pieces.append(_flat_items_text(flat))
                    flat = []
                pieces.append("  " + _indented(item, "  "))
    if flat:
        pieces.append(_flat_items_text(flat))
    if not pieces:
        return "[]\n"
    return "[\n" + ",\n".join(pieces) + "\n]\n"


def _flat_items_text(items: list[dict[str, object]]) -> str:
    """Finding objects without nested values as consecutive elements of the indented array (two
    levels deep), from one C-encoded dump whose item separator carries the line break and the
    indentation of a member. Between two objects the dump reads "},\\n    {", re-indented here:
    JSON strings never hold a raw line break, so that text occurs nowhere else."""
    text = _flat_item(items)[2:-2]  # without the "[{" and "}]" around the objects
    return "  {\n    " + text.replace("},\n    {", "\n  },\n  {\n    ") + "\n  }"


def _indented(value: object, indent: str) -> str:
    """`json.dumps(value, indent=2)` with every line after the first indented by `indent`,
    with strings and integers encoded directly (the pure-Python indenting encoder is slow)."""
    if isinstance(value, str):
        return _encode_string(value)
    if type(value) is int:
        return str(value)
    inner = indent + "  "
    if isinstance(value, dict) and value:
        members = (f"{inner}{_encode_string(key)}: {_indented(item, inner)}" for key, item in value.items())
        return "{\n" + ",\n".join(members) + "\n" + indent + "}"
    if isinstance(value, (list, tuple)) and value:
        return "[\n" + ",\n".join(inner + _indented(item, inner) for item in value) + "\n" + indent + "]"
    return json.dumps(value)
