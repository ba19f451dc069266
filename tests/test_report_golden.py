"""Every output format over the shared fixture drafts in tests/fixtures/report: golden output,
SARIF schema validation, and proof that no format prints portion text without --show-source
(the drafts' paragraphs hold the sentinel word "zanzibarquokka")."""

import io
import json
import sys

import pytest
from report_support import REPO, check_golden, validate_sarif

from marklint.cli import main
from marklint.lint import Settings, rules_that_run

FIXTURES = REPO / "tests" / "fixtures" / "report"
DRAFTS = ["memo.txt", "notes.md"]
SENTINEL = "zanzibarquokka"
GOLDEN_NAMES = {"text": "drafts.txt", "json": "drafts.json", "sarif": "drafts.sarif",
                "github": "drafts.github.txt", "junit": "drafts.junit.xml", "gitlab": "drafts.gitlab.json"}


def run(monkeypatch, *argv):
    """Run the CLI in the fixture directory (so paths are relative); (code, stdout, stderr)."""
    monkeypatch.chdir(FIXTURES)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = main(["--no-cache", "--color", "never", "--jobs", "1", *argv])
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", sorted(GOLDEN_NAMES))
def test_golden_output(monkeypatch, name):
    code, out, err = run(monkeypatch, "--format", name, *DRAFTS)
    assert (code, err) == (1, "")
    assert SENTINEL not in out
    # Rule descriptors and fixes follow the registry's and the fixers' wording, pinned by their
    # own tests (unit.sarif in test_report_formats.py for the descriptor form). So that new
    # rules do not touch it, the golden keeps the id, name and level of the rules the results
    # use, each result's ruleIndex is checked here and left out, and each fix keeps its safety.
    if name == "sarif":
        log = validate_sarif(out)
        driver = log["runs"][0]["tool"]["driver"]
        assert [r["id"] for r in driver["rules"]] == sorted(r.code for r in rules_that_run(Settings()))
        for result in log["runs"][0]["results"]:
            assert driver["rules"][result.pop("ruleIndex")]["id"] == result["ruleId"]
            if "fixes" in result:
                result["fixes"] = [fix["properties"]["safety"] for fix in result["fixes"]]
        used = {result["ruleId"] for result in log["runs"][0]["results"]}
        driver["version"] = "VERSION"
        driver["rules"] = [[r["id"], r["name"], r["defaultConfiguration"]["level"]]
                           for r in driver["rules"] if r["id"] in used]
        out = json.dumps(log, indent=2) + "\n"
    elif name == "json":
        items = json.loads(out)
        for item in items:
            if item["fix"] is not None:
                item["fix"] = item["fix"]["safety"]
        out = json.dumps(items, indent=2) + "\n"
    check_golden(GOLDEN_NAMES[name], out)


@pytest.mark.parametrize("name", sorted(GOLDEN_NAMES))
def test_show_source_is_the_only_way_text_appears(monkeypatch, name):
    code, out, _ = run(monkeypatch, "--format", name, "--show-source", *DRAFTS)
    assert code == 1
    assert SENTINEL in out
    if name == "sarif":
        validate_sarif(out)


@pytest.mark.parametrize("name", sorted(GOLDEN_NAMES))
def test_no_portion_text_from_any_kind_of_finding(monkeypatch, name):
    """leaks.txt puts the sentinel in portions with unknown tokens, misplaced and conflicting
    marks, wrong list order, an unmarked subject and an under-classified banner."""
    code, out, _ = run(monkeypatch, "--format", name, "leaks.txt")
    assert code == 1
    assert SENTINEL not in out
    code, out, _ = run(monkeypatch, "--format", name, "--show-source", "leaks.txt")
    assert out.count(SENTINEL) == 5  # the source lines of the findings on lines 5, 7, 9, 13, 15


def test_leaks_fixture_findings(monkeypatch):
    _, out, _ = run(monkeypatch, "--format", "json", "leaks.txt")
    assert [(f["code"], f["line"]) for f in json.loads(out)] == [
        ("MK104", 1), ("MK401", 1), ("MK002", 5), ("MK302", 7), ("MK005", 9), ("MK003", 13),
        ("MK301", 15), ("MK103", 17)]


def test_sarif_keeps_the_suppressed_finding_and_validates(monkeypatch):
    _, out, _ = run(monkeypatch, "--format", "sarif", *DRAFTS)
    log = validate_sarif(out)
    results = log["runs"][0]["results"]
    suppressed = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"], r["suppressions"])
                  for r in results if "suppressions" in r]
    assert suppressed == [
        ("MK301", 8, [{"kind": "inSource", "status": "accepted", "justification": "quoted exhibit"}]),
        ("MK401", 3, [{"kind": "inSource", "status": "accepted",
                       "justification": "cover note, authority block is on the parent"}]),
    ]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"memo.txt", "notes.md"}
    ran = {rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {"MK103", "MK301", "MK401", "MK901", "MK902"} <= ran


def test_seed_letter_sarif_validates(monkeypatch):
    seed = REPO / "tests" / "fixtures" / "seed_letter.txt"
    code, out, _ = run(monkeypatch, "--format", "sarif", str(seed))
    assert code == 1
    log = validate_sarif(out)
    found = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in log["runs"][0]["results"]]
    assert found == [("MK401", 3), ("MK301", 9), ("MK301", 11), ("MK301", 13), ("MK301", 15), ("MK301", 21)]
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == seed.as_uri()  # outside the working directory: an absolute file URI


def test_auto_format_is_github_under_actions(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.chdir(FIXTURES)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["--no-cache", "memo.txt"]) == 1
    assert out.getvalue() == (FIXTURES / "golden" / "drafts.github.txt").read_text().split("::warning")[0]
    assert out.getvalue().startswith("::error file=memo.txt,line=1,col=1,")


def test_exit_zero_keeps_the_output(monkeypatch):
    code, out, _ = run(monkeypatch, "--format", "json", "--exit-zero", *DRAFTS)
    assert code == 0
    assert len(json.loads(out)) == 6
