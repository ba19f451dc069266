"""GitLab Code Quality report: a JSON array of issues (description, check_name, fingerprint,
severity, location.path, location.lines.begin).

The fingerprint is the content-free one from `marklint.baseline`. Suppressed findings are left
out. Severities: error -> major, warning -> minor, info -> info.
"""

from __future__ import annotations

import json

from marklint.baseline import fingerprints
from marklint.findings import FileResult, Severity, described
from marklint.report import ReportContext, path_display

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(results: list[FileResult], ctx: ReportContext) -> str:
    """Render every reported finding as a Code Quality issue."""
    issues = []
    display = path_display(ctx.root)
    for result in results:
        path = display(result.path)
        pairs = sorted(zip(result.findings, fingerprints(result.findings)), key=lambda p: p[0].sort_key())
        for finding, fingerprint in pairs:
            if finding.suppression is not None:
                continue
            description = f"{finding.code} {finding.rule}: {described(finding)}"
            if ctx.show_source and finding.source is not None:
                description += f"\n{finding.source}"
            issues.append({
                "description": description,
                "check_name": finding.code,
                "fingerprint": fingerprint,
                "severity": SEVERITIES[finding.severity],
                "location": {"path": path, "lines": {"begin": finding.line, "end": finding.end_line}},
            })
    return json.dumps(issues, indent=2) + "\n"
