"""Fixes in the machine outputs: the JSON `fix` field and SARIF `fixes` (schema-validated)."""

import json

from report_support import validate_sarif

from marklint.checks.registry import make_finding
from marklint.findings import Edit, FileResult, Fix
from marklint.report import ReportContext, render


def results():
    safe = make_finding(
        "marking-syntax", path="memo.txt", line=1, column=7, end_column=11,
        message="categories are separated by // with no spaces", marking="SECRET // NOFORN", page=1,
        fix=Fix('replace " // " with "//"', "safe", (Edit(1, 7, 1, 11, "//"),)),
    )
    insert = make_finding(
        "banner-missing-bottom", path="memo.txt", line=3, column=1, message="page 1 has no banner at its bottom",
        page=1, fix=Fix('copy the page\'s other banner: insert "SECRET"', "safe", (Edit(3, 11, 3, 11, "\nSECRET"),)),
    )
    plain = make_finding("portion-missing", path="memo.txt", line=2, column=1, message="no portion mark", page=1)
    return [FileResult("memo.txt", [safe, insert, plain], pages=1)]


def test_json_fix_field():
    items = json.loads(render("json", results(), ReportContext()))
    assert [item["fix"] for item in items] == [
        {
            "description": 'replace " // " with "//"',
            "safety": "safe",
            "edits": [{"line": 1, "column": 7, "end_line": 1, "end_column": 11, "replacement": "//"}],
        },
        None,
        {
            "description": 'copy the page\'s other banner: insert "SECRET"',
            "safety": "safe",
            "edits": [{"line": 3, "column": 11, "end_line": 3, "end_column": 11, "replacement": "\nSECRET"}],
        },
    ]


def test_sarif_fixes_validate_and_carry_replacements():
    log = validate_sarif(render("sarif", results(), ReportContext(version="9.9.9")))
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert "fixes" not in by_rule["MK301"]
    assert by_rule["MK001"]["fixes"] == [{
        "description": {"text": 'replace " // " with "//"'},
        "artifactChanges": [{
            "artifactLocation": {"uri": "memo.txt"},
            "replacements": [{
                "deletedRegion": {"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 11},
                "insertedContent": {"text": "//"},
            }],
        }],
        "properties": {"safety": "safe"},
    }]
    insertion = by_rule["MK102"]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert insertion == {
        "deletedRegion": {"startLine": 3, "startColumn": 11, "endLine": 3, "endColumn": 11},
        "insertedContent": {"text": "\nSECRET"},
    }
