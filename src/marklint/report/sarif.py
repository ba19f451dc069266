"""SARIF 2.1.0 output, as GitHub code scanning accepts it.

One run: `tool.driver` names marklint and lists one rule entry per rule that ran (id = code,
name = slug). Every finding becomes a result, suppressed and baselined ones included with
`suppressions` (`inSource` for a comment, `external` for a baseline) so code scanning does not
reopen them. `partialFingerprints["marklintFingerprint/v1"]` is the content-free fingerprint
from `marklint.baseline`. A finding's fix becomes `fixes` (one artifactChange whose
replacements are its edits). Files that could not be read are tool execution notifications.
Findings in slides and sheets also carry a logical location (`slide 2, shape "TextBox 3"`).
Document text appears only as `region.snippet` with --show-source. The run's `properties`
hold `documents`: the per-document facts of `marklint.summary`, as `--format summary` writes them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from urllib.parse import quote

from marklint.baseline import fingerprints
from marklint.checks.registry import RuleDoc, by_key
from marklint.findings import FileResult, Finding, Fix, Severity
from marklint.links import rule_url
from marklint.report import ReportContext, display_path
from marklint.summary import summary_of

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/marklint/"
FINGERPRINT_KEY = "marklintFingerprint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str, root: str) -> str:
    """The path as a URI reference: its bytes percent-encoded (`os.fsencode`: a name that is
    not UTF-8 keeps its bytes)."""
    shown = os.fsencode(display_path(path, root))
    if shown.startswith(b"/"):
        return "file://" + quote(shown)
    return quote(shown)


def _rule_entry(rule: RuleDoc) -> dict[str, object]:
    """A rule of `tool.driver.rules`; a registered rule's `helpUri` is its documentation page."""
    help_text = rule.summary if not rule.why else f"{rule.summary}.\n\n{rule.why}"
    entry: dict[str, object] = {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why or rule.summary},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }
    if by_key(rule.slug) is not None:
        entry["helpUri"] = rule_url(rule.slug)
    return entry


def _rules(results: list[FileResult], ctx: ReportContext) -> list[RuleDoc]:
    """The rules that ran, plus any rule a finding names: a registered one (suppression rules,
    reader notes) or a rule set's generic rule, described by its own message."""
    rules = {rule.code: rule for rule in ctx.rules}
    for result in results:
        for finding in result.findings:
            if finding.code not in rules:
                rules[finding.code] = by_key(finding.code) or RuleDoc(
                    finding.code, finding.rule, finding.severity, finding.message)
    return sorted(rules.values(), key=lambda rule: rule.code)


def _fix(fix: Fix, uri: str) -> dict[str, object]:
    """A SARIF fix: one artifactChange whose replacements are the fix's edits (an insertion has
    an empty deletedRegion); the safety ("safe"/"unsafe") is a property."""
    replacements = [
        {
            "deletedRegion": {
                "startLine": edit.line,
                "startColumn": edit.column,
                "endLine": edit.end_line,
                "endColumn": edit.end_column,
            },
            "insertedContent": {"text": edit.replacement},
        }
        for edit in fix.edits
    ]
    return {
        "description": {"text": fix.description},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        "properties": {"safety": fix.safety},
    }


def _location(finding: Finding, uri: str, region: dict[str, object]) -> dict[str, object]:
    """The physical location, plus a logical one naming the slide and shape or the sheet and
    cell when the reader gave one (`Finding.location`)."""
    location: dict[str, object] = {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
    if finding.location is not None:
        location["logicalLocations"] = [{
            "name": finding.location.rsplit(", ", 1)[-1],
            "fullyQualifiedName": finding.location,
            "kind": "element",
        }]
    return location


def _result(finding: Finding, fingerprint: str, uri: str, index: int, ctx: ReportContext) -> dict[str, object]:
    region: dict[str, object] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    if ctx.show_source and finding.source is not None:
        region["snippet"] = {"text": finding.source}
    item: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding, uri, region)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.page is not None:
        item["properties"] = {"page": finding.page}
    if finding.fix is not None:
        item["fixes"] = [_fix(finding.fix, uri)]
    if finding.suppression is not None:
        suppression = {"kind": finding.suppression.kind, "status": "accepted"}
        if finding.suppression.justification:
            suppression["justification"] = finding.suppression.justification
        item["suppressions"] = [suppression]
    return item


def pieces(results: list[FileResult], ctx: ReportContext) -> Iterator[str]:
    """`render`'s text in pieces, one result at a time, for a big file's log to be written as
    it is made (`marklint.report.write`)."""
    rules = _rules(results, ctx)
    index = {rule.code: i for i, rule in enumerate(rules)}
    notifications = [{
        "level": "error",
        "message": {"text": result.error},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path, ctx.root)}}}],
    } for result in results if result.error is not None]
    run = {
        "tool": {"driver": {
            "name": "marklint",
            "version": ctx.version,
            "informationUri": INFORMATION_URI,
            "rules": [_rule_entry(rule) for rule in rules],
        }},
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "results": [],
        # The per-document facts (marklint.summary), one object per file, as `--format summary`.
        "properties": {"documents": [summary_of(result, display_path(result.path, ctx.root)) for result in results]},
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    # The log with no results, split where they go: the first `"results": []` is the run's (no
    # key of the tool or the invocations is `results`, and a string's quotes are escaped). The
    # results, at a depth of four, are encoded one by one: json.dumps(log, indent=2) at once
    # would hold every piece of a big log in one list until the end.
    head, _, tail = json.dumps(log, indent=2).partition('"results": []')
    opening = separator = head + '"results": [\n        '
    for result in results:
        if result.error is not None:
            continue
        uri = _uri(result.path, ctx.root)
        pairs = sorted(zip(result.findings, fingerprints(result.findings)), key=lambda p: p[0].sort_key())
        for finding, fingerprint in pairs:
            item = _result(finding, fingerprint, uri, index[finding.code], ctx)
            yield separator + json.dumps(item, indent=2).replace("\n", "\n        ")
            separator = ",\n        "
    yield (head + '"results": []' if separator is opening else "\n      ]") + tail + "\n"


def render(results: list[FileResult], ctx: ReportContext) -> str:
    """Render every finding of every file as one SARIF 2.1.0 log."""
    return "".join(pieces(results, ctx))
