"""--write-baseline / --baseline through the command line."""

import io
import json
import sys

from report_support import validate_sarif

from marklint.cli import main

DRAFT = """\
SECRET

(S) The convoy leaves at dawn.

The escort joins at noon.

SECRET
"""

# Three lines added above the old finding, and a new unmarked paragraph at the end.
EDITED = """\
SECRET

(S) The convoy leaves at dawn.

(U) The route is in the annex.

The escort joins at noon.

A new unmarked paragraph.

SECRET
"""


def run(monkeypatch, tmp_path, *argv):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = main(["--no-cache", "--jobs", "1", *argv])
    return code, out.getvalue(), err.getvalue()


def test_old_finding_stays_quiet_after_lines_move_and_a_new_one_is_reported(monkeypatch, tmp_path):
    (tmp_path / "memo.txt").write_text(DRAFT)
    code, out, err = run(monkeypatch, tmp_path, "--write-baseline", "baseline.json", "memo.txt")
    assert (code, out, err) == (0, "memo.txt: 1 page, 0 errors, 0 warnings (rule set us-cnsi)\n",
                                "marklint: recorded 2 findings in baseline.json\n")
    baseline = json.loads((tmp_path / "baseline.json").read_text())
    assert [(e["path"], e["rule"]) for e in baseline["findings"]] == [
        ("memo.txt", "cab-missing"), ("memo.txt", "portion-missing")]
    assert "convoy" not in (tmp_path / "baseline.json").read_text()

    code, out, _ = run(monkeypatch, tmp_path, "--baseline", "baseline.json", "memo.txt")
    assert (code, out) == (0, "memo.txt: 1 page, 0 errors, 0 warnings (rule set us-cnsi)\n")

    (tmp_path / "memo.txt").write_text(EDITED)
    code, out, _ = run(monkeypatch, tmp_path, "--baseline", "baseline.json", "memo.txt")
    assert (code, out) == (1, (
        "memo.txt:9:1: MK301 [portion-missing] paragraph has no portion mark\n"
        "memo.txt: 1 page, 1 error, 0 warnings (rule set us-cnsi)\n"))

    code, out, _ = run(monkeypatch, tmp_path, "--baseline", "baseline.json", "--format", "sarif", "memo.txt")
    results = validate_sarif(out)["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"], r.get("suppressions"))
            for r in results] == [
        ("MK401", 1, [{"kind": "external", "status": "accepted", "justification": "baseline"}]),
        ("MK301", 7, [{"kind": "external", "status": "accepted", "justification": "baseline"}]),
        ("MK301", 9, None),
    ]


def test_without_the_baseline_everything_is_reported(monkeypatch, tmp_path):
    (tmp_path / "memo.txt").write_text(EDITED)
    code, out, _ = run(monkeypatch, tmp_path, "--format", "github", "memo.txt")
    assert code == 1
    assert [line.split(",")[1] for line in out.splitlines()] == ["line=1", "line=7", "line=9"]


def test_exit_zero(monkeypatch, tmp_path):
    (tmp_path / "memo.txt").write_text(DRAFT)
    code, out, _ = run(monkeypatch, tmp_path, "--exit-zero", "memo.txt")
    assert code == 0
    assert "MK301 [portion-missing]" in out


def test_bad_baseline_is_a_usage_error(monkeypatch, tmp_path):
    (tmp_path / "memo.txt").write_text(DRAFT)
    (tmp_path / "baseline.json").write_text("[1, 2]")
    code, out, err = run(monkeypatch, tmp_path, "--baseline", "baseline.json", "memo.txt")
    assert (code, out) == (2, "")
    assert err == "marklint: baseline.json: not a marklint baseline (expected version 1)\n"
    code, out, err = run(monkeypatch, tmp_path, "--baseline", "missing.json", "memo.txt")
    assert (code, err) == (2, "marklint: missing.json: cannot read baseline: No such file or directory\n")


def test_unwritable_baseline(monkeypatch, tmp_path):
    (tmp_path / "memo.txt").write_text(DRAFT)
    code, _, err = run(monkeypatch, tmp_path, "--write-baseline", "no/such/dir/b.json", "memo.txt")
    assert (code, err) == (2, "marklint: no/such/dir/b.json: cannot write baseline: No such file or directory\n")
