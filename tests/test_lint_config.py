"""The pipeline with project configuration: rule set, ignores, severities, globs, fail-on."""

import io
import sys

from marklint.cli import main
from marklint.lint import Settings, expand_paths, lint_path

CAB = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"
DRAFT = "TOP SECRET\n\n(S) Text.\n\n(S) More text.\n\n" + CAB.replace("20451231", "2045-12-31") + "\nTOP SECRET\n"


def rules_at(result):
    return [(f.rule, f.line, f.severity.label) for f in result.findings]


def test_configuration_is_found_and_applied(tmp_path):
    (tmp_path / ".marklint.yaml").write_text(
        "ignore: [cab-declassify-invalid]\n"
        "severity:\n  banner-over-classified: error\n"
        "per-file-ignores:\n  'legacy/*.txt': [MK1]\n"
    )
    (tmp_path / "legacy").mkdir()
    (tmp_path / "new.txt").write_text(DRAFT)
    (tmp_path / "legacy" / "old.txt").write_text(DRAFT)
    assert rules_at(lint_path(str(tmp_path / "new.txt"), Settings())) == [("banner-over-classified", 1, "error")]
    assert rules_at(lint_path(str(tmp_path / "legacy" / "old.txt"), Settings())) == []
    assert rules_at(lint_path(str(tmp_path / "new.txt"), Settings(use_config=False))) == [
        ("banner-over-classified", 1, "warning"),
        ("cab-declassify-invalid", 9, "error"),
    ]


def test_command_line_rule_set_wins_over_configuration(tmp_path):
    (tmp_path / ".marklint.yaml").write_text("rules: us-eo12356\n")
    (tmp_path / "new.txt").write_text(DRAFT)
    assert lint_path(str(tmp_path / "new.txt"), Settings()).ruleset == "us-eo12356"
    assert lint_path(str(tmp_path / "new.txt"), Settings(rules="us-cnsi")).ruleset == "us-cnsi"


def test_directory_walk_honours_include_and_exclude(tmp_path):
    (tmp_path / ".marklint.yaml").write_text("exclude: ['skip/*']\n")
    for name in ("a.txt", "skip/b.txt", "keep/c.txt", "keep/d.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x\n")
    files = [p[len(str(tmp_path)) + 1:] for p in expand_paths([str(tmp_path)], Settings())]
    assert files == ["a.txt", "keep/c.txt", "keep/d.md"]
    assert [p[len(str(tmp_path)) + 1:] for p in expand_paths([str(tmp_path)], Settings(include=("*.md",)))] == [
        "keep/d.md"]


def test_configured_fail_on_and_bad_configuration(tmp_path, monkeypatch):
    draft = "TOP SECRET\n\n(S) Text.\n\n" + CAB + "\nTOP SECRET\n"
    for name, config in (("plain", None), ("strict", "fail-on: warning\n"), ("broken", "ignroe: [MK1]\n")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "over.txt").write_text(draft)
        if config:
            (tmp_path / name / ".marklint.yaml").write_text(config)
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.chdir(tmp_path / "plain")
    assert main(["--no-cache", "over.txt"]) == 0
    monkeypatch.chdir(tmp_path / "strict")
    assert main(["--no-cache", "over.txt"]) == 1
    assert main(["--no-cache", "--fail-on", "error", "over.txt"]) == 0
    monkeypatch.chdir(tmp_path / "broken")
    assert main(["--no-cache", "over.txt"]) == 2
    config = tmp_path / "broken" / ".marklint.yaml"
    assert err.getvalue().splitlines() == [
        f"marklint: over.txt: {config}:1:1: unknown key in the configuration; did you mean 'ignore'?"
    ]


def test_rules_that_run_include_generic_rules_and_honour_selection(tmp_path):
    from marklint.lint import rules_that_run

    rules = tmp_path / "office.yaml"
    rules.write_text(
        "extends: us-cnsi\n"
        "rules:\n  banner-over-classified: off\n"
        "generic:\n  - id: no-draft\n    type: forbidden-token\n    code: X001\n"
        "    pattern: 'DRAFT'\n    message: DRAFT in a marking\n    severity: warning\n"
    )
    ran = {rule.slug: (rule.code, rule.severity.label) for rule in rules_that_run(Settings(rules=str(rules)))}
    assert ran["no-draft"] == ("X001", "warning")
    assert ran["portion-missing"] == ("MK301", "error")
    assert "banner-over-classified" not in ran
    selected = rules_that_run(Settings(rules=str(rules), select=("MK3", "X001"), ignore=("MK302",)))
    assert [rule.slug for rule in selected] == ["portion-missing", "no-draft"]
