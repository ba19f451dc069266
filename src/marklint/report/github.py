"""GitHub Actions workflow commands: one `::error|warning|notice ...::message` line per finding.

Escaping follows the Actions toolkit: message data escapes `%`, CR and LF; property values
(file, title) also escape `:` and `,`, so a title such as `REL TO USA, GBR` survives.
Suppressed findings are left out; a file that could not be read gets an error of its own.
"""

from __future__ import annotations

from marklint.findings import FileResult, Finding, Severity, described
from marklint.report import ReportContext, escape_name, path_display, reported

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _line(finding: Finding, path: str, show_source: bool) -> str:
    title = f"{finding.code} {finding.rule}"
    if finding.marking:
        title += f" [{finding.marking}]"
    properties = {
        "file": path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": title,
    }
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    message = described(finding)
    if show_source and finding.source is not None:
        message += f"\n{finding.source}"
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(message)}"


def render(results: list[FileResult], ctx: ReportContext) -> str:
    """Render every reported finding, and every file that could not be read, as a workflow
    command line."""
    lines = []
    display = path_display(ctx.root)
    for result in results:
        path = escape_name(display(result.path))
        if result.error is not None:
            lines.append(f"::error file={escape_property(path)},title=marklint::{escape_data(result.error)}")
        lines.extend(_line(finding, path, ctx.show_source) for finding in reported(result))
    return "".join(line + "\n" for line in lines)
