"""The machine formats (sarif, github, junit, gitlab) on hand-built results: exact output."""

import json
import xml.etree.ElementTree as ET

from report_support import check_golden, validate_sarif

from marklint.checks.registry import RuleDoc, make_finding
from marklint.findings import FileResult, Finding, Severity, Suppression
from marklint.report import ReportContext, render
from marklint.report.github import escape_data, escape_property

SENTINEL = "zanzibarquokka"


def results():
    """Two files: one with an error, a warning, an inline-suppressed and a baselined finding;
    one that could not be read. The `source` fields hold a sentinel word."""
    rollup = make_finding(
        "banner-rollup", path="drafts/memo.txt", line=1, column=1, end_column=24,
        message="banner should be SECRET//REL TO USA, GBR (100% of portions)",
        marking="SECRET//REL TO USA, GBR", source=f"SECRET {SENTINEL}", page=1,
    )
    legacy = make_finding(
        "legacy-marking", path="drafts/memo.txt", line=5, column=1, end_column=7,
        message="retired token NOFORN:\nuse NF", marking="(S//NF)", source=f"(S//NF) {SENTINEL}",
    )
    inline = make_finding("portion-missing", path="drafts/memo.txt", line=7, column=1,
                          message="paragraph has no portion mark", source=SENTINEL,
                          suppression=Suppression("inSource", "quoted exhibit"))
    baselined = make_finding("portion-missing", path="drafts/memo.txt", line=9, column=1,
                             message="paragraph has no portion mark",
                             suppression=Suppression("external", "baseline"))
    return [
        FileResult("drafts/memo.txt", [legacy, rollup, inline, baselined], pages=1, ruleset="us-cnsi"),
        FileResult("drafts/broken file.docx", error="not a DOCX file (bad zip)"),
    ]


def ctx(**options):
    """Own RuleDocs for the rules that ran, so registry wording changes do not touch the goldens."""
    rules = (
        RuleDoc("MK106", "banner-rollup", Severity.ERROR, "banner differs from roll-up",
                why="The banner is the roll-up of the portions (R-01; 32 CFR 2001.21(c))."),
        RuleDoc("MK007", "legacy-marking", Severity.WARNING, "retired token"),
        RuleDoc("MK301", "portion-missing", Severity.ERROR, "no portion mark"),
    )
    return ReportContext(rules=rules, version="9.9.9", **options)


def test_escaping_follows_the_actions_toolkit():
    assert escape_data("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b"
    assert escape_property("REL TO USA, GBR: x%") == "REL TO USA%2C GBR%3A x%25"


def test_github_exact_lines():
    assert render("github", results(), ctx()) == (
        "::error file=drafts/memo.txt,line=1,col=1,endLine=1,endColumn=24,"
        "title=MK106 banner-rollup [SECRET//REL TO USA%2C GBR]::"
        "banner should be SECRET//REL TO USA, GBR (100%25 of portions)\n"
        "::warning file=drafts/memo.txt,line=5,col=1,endLine=5,endColumn=7,"
        "title=MK007 legacy-marking [(S//NF)]::retired token NOFORN:%0Ause NF\n"
        "::error file=drafts/broken file.docx,title=marklint::not a DOCX file (bad zip)\n"
    )


def test_github_info_is_notice_and_show_source_appends_the_line():
    finding = make_finding("portion-missing", path="a.txt", line=2, column=3, message="m", source="src: x")
    finding.severity = finding.severity.INFO
    out = render("github", [FileResult("a.txt", [finding])], ctx(show_source=True))
    assert out == "::notice file=a.txt,line=2,col=3,endLine=2,endColumn=3,title=MK301 portion-missing::m%0Asrc: x\n"


def test_sarif_golden_and_schema():
    out = render("sarif", results(), ctx())
    log = validate_sarif(out)
    check_golden("unit.sarif", out)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [(r["id"], r["name"]) for r in rules] == [
        ("MK007", "legacy-marking"), ("MK106", "banner-rollup"), ("MK301", "portion-missing")]
    assert rules[1]["help"]["text"] == (
        "banner differs from roll-up.\n\nThe banner is the roll-up of the portions (R-01; 32 CFR 2001.21(c)).")
    assert [r["ruleIndex"] for r in run["results"]] == [1, 0, 2, 2]
    assert [r.get("suppressions", [{}])[0].get("kind") for r in run["results"]] == [
        None, None, "inSource", "external"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_describes_rules_that_findings_name_even_if_not_listed_as_run():
    finding = make_finding("suppression-unused", path="a.txt", line=1, column=1, message="m")
    log = validate_sarif(render("sarif", [FileResult("a.txt", [finding])], ctx()))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [(r["id"], r["name"]) for r in rules] == [
        ("MK007", "legacy-marking"), ("MK106", "banner-rollup"), ("MK301", "portion-missing"),
        ("MK901", "suppression-unused")]
    assert log["runs"][0]["results"][0]["ruleIndex"] == 3


def test_sarif_describes_a_rule_sets_generic_rule_by_its_message():
    finding = Finding(path="a.txt", line=1, column=1, code="OFC001", rule="no-draft",
                      severity=Severity.INFO, message="DRAFT must not appear in a released document")
    log = validate_sarif(render("sarif", [FileResult("a.txt", [finding])], ctx()))
    rule = log["runs"][0]["tool"]["driver"]["rules"][3]
    assert rule == {
        "id": "OFC001", "name": "no-draft",
        "shortDescription": {"text": "DRAFT must not appear in a released document"},
        "fullDescription": {"text": "DRAFT must not appear in a released document"},
        "help": {"text": "DRAFT must not appear in a released document"},
        "defaultConfiguration": {"level": "note"},
    }
    assert log["runs"][0]["results"][0]["ruleIndex"] == 3


def test_sarif_fingerprints_survive_moved_lines():
    before = json.loads(render("sarif", results(), ctx()))["runs"][0]["results"]
    moved = results()
    for finding in moved[0].findings:
        finding.line += 3
        finding.end_line += 3
    after = json.loads(render("sarif", moved, ctx()))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]
    assert len({r["partialFingerprints"]["marklintFingerprint/v1"] for r in after}) == 4


def test_sarif_snippet_only_with_show_source():
    log = validate_sarif(render("sarif", results(), ctx(show_source=True)))
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    assert [region.get("snippet", {}).get("text") for region in regions] == [
        f"SECRET {SENTINEL}", f"(S//NF) {SENTINEL}", SENTINEL, None]


def test_sarif_uri_is_relative_and_percent_encoded():
    log = validate_sarif(render("sarif", [FileResult("my drafts/a#1.txt", [
        make_finding("portion-missing", path="my drafts/a#1.txt", line=1, column=1, message="m")])], ctx()))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "my%20drafts/a%231.txt"}


def test_junit_golden():
    out = render("junit", results(), ctx())
    check_golden("unit.junit.xml", out)
    root = ET.fromstring(out)
    assert root.attrib == {"name": "marklint", "tests": "2", "failures": "2", "errors": "1"}
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == ["drafts/memo.txt", "drafts/broken file.docx"]
    assert [f.get("type") for f in cases[0].findall("failure")] == ["MK106", "MK007"]
    assert cases[1].find("error").get("message") == "not a DOCX file (bad zip)"


def test_gitlab_golden():
    out = render("gitlab", results(), ctx())
    check_golden("unit.gitlab.json", out)
    issues = json.loads(out)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("MK106", "major", {"path": "drafts/memo.txt", "lines": {"begin": 1, "end": 1}}),
        ("MK007", "minor", {"path": "drafts/memo.txt", "lines": {"begin": 5, "end": 5}}),
    ]
    sarif = json.loads(render("sarif", results(), ctx()))["runs"][0]["results"]
    assert [i["fingerprint"] for i in issues] == [
        r["partialFingerprints"]["marklintFingerprint/v1"] for r in sarif[:2]]


def test_no_format_shows_source_without_show_source():
    for name in ("sarif", "github", "junit", "gitlab"):
        assert SENTINEL not in render(name, results(), ctx()), name
        assert SENTINEL in render(name, results(), ctx(show_source=True)), name
