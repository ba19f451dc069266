"""Findings as LSP diagnostics: the rule code with its documentation URL, the slug, the
severity and the finding's exact range. Suppressed findings are not shown (as in the text
output); a file marklint cannot read gets one diagnostic saying why."""

from __future__ import annotations

from lsprotocol import types

from marklint.checks.registry import by_key
from marklint.findings import FileResult, Finding, Severity
from marklint.links import rule_url
from marklint.server.positions import Positions

SOURCE = "marklint"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def shown(result: FileResult) -> list[Finding]:
    """The findings an editor shows: those no suppression silences."""
    return [finding for finding in result.findings if finding.suppression is None]


def diagnostic(finding: Finding, positions: Positions) -> types.Diagnostic:
    """One finding as a diagnostic; `data` holds the slug and whether it has a fix."""
    rule = by_key(finding.rule)
    return types.Diagnostic(
        range=positions.range(finding.line, finding.column, finding.end_line, finding.end_column),
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=rule_url(rule.slug)) if rule is not None else None,
        source=SOURCE,
        message=f"{finding.message} [{finding.rule}]",
        data={"slug": finding.rule, "fix": finding.fix.safety if finding.fix is not None else None},
    )


def diagnostics(result: FileResult, positions: Positions) -> list[types.Diagnostic]:
    """The diagnostics of a lint result, in the findings' order."""
    if result.error is not None:
        return [types.Diagnostic(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            severity=types.DiagnosticSeverity.Error, source=SOURCE,
            message=f"marklint cannot lint this file: {result.error}",
        )]
    return [diagnostic(finding, positions) for finding in shown(result)]
