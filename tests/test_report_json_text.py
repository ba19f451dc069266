"""The JSON reporter: the documented schema (docs/json-output.md), findings in report order, two-space indent."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from marklint.findings import Edit, FileResult, Finding, Fix, Severity, Suppression
from marklint.report import ReportContext
from marklint.report.json import render

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
EDITS = st.builds(Edit, st.integers(1, 99), st.integers(1, 99), st.integers(1, 99), st.integers(1, 99), TEXT)
FIXES = st.none() | st.builds(Fix, TEXT, st.sampled_from(["safe", "unsafe"]), st.tuples(EDITS) | st.tuples())
FINDINGS = st.builds(
    Finding, path=st.just("d.txt"), line=st.integers(1, 500), column=st.integers(1, 80),
    code=st.sampled_from(["MK101", "MK301"]), rule=st.sampled_from(["portion-missing", "marking-form"]),
    severity=st.sampled_from(list(Severity)), message=TEXT, page=st.none() | st.integers(1, 9),
    fix=FIXES, source=st.none() | TEXT,
)
SEVERITY_NAMES = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def _schema_object(finding: Finding, path: str, show_source: bool) -> dict[str, object]:
    """What docs/json-output.md says one finding looks like, written out field by field."""
    fix = finding.fix
    item = {
        "path": path, "line": finding.line, "column": finding.column,
        "end_line": finding.end_line, "end_column": finding.end_column,
        "code": finding.code, "rule": finding.rule, "severity": SEVERITY_NAMES[finding.severity],
        "message": finding.message, "page": finding.page,
        "fix": None if fix is None else {
            "description": fix.description, "safety": fix.safety,
            "edits": [{"line": e.line, "column": e.column, "end_line": e.end_line,
                       "end_column": e.end_column, "replacement": e.replacement} for e in fix.edits],
        },
    }
    if show_source:
        item["source"] = finding.source
    return item


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(FINDINGS, max_size=4), max_size=3), st.booleans())
def test_every_finding_as_the_schema_says_in_report_order(groups, show_source):
    results = [FileResult(path=f"f{i}.txt", findings=findings) for i, findings in enumerate(groups)]
    out = render(results, ReportContext(root="/nowhere", show_source=show_source))
    expected = [_schema_object(f, r.path, show_source)
                for r in results for f in sorted(r.findings, key=lambda f: (f.line, f.column, f.code, f.message))]
    assert json.loads(out) == expected
    assert out.endswith("]\n") and (not expected or out.startswith("[\n  {\n    \"path\": "))


def test_no_findings_and_suppressed_findings():
    suppressed = Finding("a.txt", 3, 1, "MK301", "portion-missing", Severity.ERROR, "m",
                         suppression=Suppression("inSource"))
    assert render([], ReportContext()) == "[]\n"
    assert render([FileResult(path="a.txt", findings=[suppressed])], ReportContext()) == "[]\n"


def test_fix_is_indented_inside_its_finding():
    fix = Fix("insert the banner", "safe", (Edit(1, 1, 1, 1, "SECRET\n"),))
    finding = Finding("a.txt", 1, 1, "MK101", "banner-missing", Severity.ERROR, "no banner \u00e9", fix=fix)
    out = render([FileResult(path="a.txt", findings=[finding])], ReportContext(root="/nowhere"))
    assert out.splitlines()[11:23] == [
        '    "page": null,',
        '    "fix": {',
        '      "description": "insert the banner",',
        '      "safety": "safe",',
        '      "edits": [',
        "        {",
        '          "line": 1,',
        '          "column": 1,',
        '          "end_line": 1,',
        '          "end_column": 1,',
        '          "replacement": "SECRET\\n"',
        "        }",
    ]
    assert '"message": "no banner \\u00e9",' in out
