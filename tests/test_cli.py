"""The command line: options, output formats, subcommands, exit codes and bad input."""

import io
import json
import os
import subprocess
import sys

import pytest

from marklint import __version__
from marklint.cli import main

CAB = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"
DRAFT = "SECRET\n\n(S) The convoy leaves at dawn.\n\nThe escort joins at noon.\n\n" + CAB + "\nTOP SECRET\n"


def run(argv, stdin=b""):
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr = out, err
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        code = main(list(argv))
    finally:
        sys.stdout, sys.stderr, sys.stdin = old
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "draft.txt").write_text(DRAFT)
    return tmp_path


def test_text_output(work):
    code, out, err = run(["--no-cache", "draft.txt"])
    assert (code, err) == (1, "")
    assert out == (
        "draft.txt:5:1: MK301 [portion-missing] paragraph has no portion mark\n"
        "draft.txt:11:1: MK103 [banner-mismatch] page 1 bottom banner TOP SECRET differs from its top banner SECRET\n"
        "draft.txt: 1 page, 2 errors, 0 warnings (rule set us-cnsi)\n"
    )


def test_check_subcommand_is_the_default(work):
    assert run(["check", "--no-cache", "draft.txt"])[:2] == run(["--no-cache", "draft.txt"])[:2]


def test_json_output_schema(work):
    code, out, _ = run(["--no-cache", "--format", "json", "draft.txt"])
    assert code == 1
    assert json.loads(out) == [
        {"path": "draft.txt", "line": 5, "column": 1, "end_line": 5, "end_column": 1, "code": "MK301",
         "rule": "portion-missing", "severity": "error", "message": "paragraph has no portion mark",
         "page": 1, "fix": None},
        {"path": "draft.txt", "line": 11, "column": 1, "end_line": 11, "end_column": 11, "code": "MK103",
         "rule": "banner-mismatch", "severity": "error",
         "message": "page 1 bottom banner TOP SECRET differs from its top banner SECRET",
         "page": 1, "fix": None},
    ]


def test_select_ignore_by_slug_code_and_prefix(work):
    assert run(["--no-cache", "--quiet", "--select", "MK3", "draft.txt"])[1] == (
        "draft.txt:5:1: MK301 [portion-missing] paragraph has no portion mark\n")
    assert run(["--no-cache", "--quiet", "--ignore", "portion-missing,MK103", "draft.txt"])[:2] == (0, "")
    assert run(["--no-cache", "--quiet", "--select", "banner-mismatch", "--ignore", "MK1", "draft.txt"])[:2] == (0, "")


def test_fail_on_and_warnings(work):
    (work / "over.txt").write_text("TOP SECRET\n\n(S) Text.\n\n" + CAB + "\nTOP SECRET\n")
    code, out, _ = run(["--no-cache", "over.txt"])
    assert code == 0
    assert out.splitlines() == [
        "over.txt:1:1: MK105 [banner-over-classified] overall banner TOP SECRET is higher than every "
        "portion (highest S) and there is no compilation statement",
        "over.txt: 1 page, 0 errors, 1 warning (rule set us-cnsi)",
    ]
    assert run(["--no-cache", "--fail-on", "warning", "over.txt"])[0] == 1
    assert run(["--no-cache", "--fail-on", "error", "over.txt"])[0] == 0


def test_stdin_with_a_name(work):
    code, out, _ = run(["--no-cache", "--quiet", "--stdin-filename", "memo.txt", "-"], stdin=DRAFT.encode())
    assert code == 1
    assert out.splitlines()[0] == "memo.txt:5:1: MK301 [portion-missing] paragraph has no portion mark"


def test_color(work):
    code, out, _ = run(["--no-cache", "--quiet", "--color", "always", "draft.txt"])
    assert out.splitlines()[0] == "draft.txt:5:1: \x1b[31mMK301 [portion-missing]\x1b[0m paragraph has no portion mark"
    assert "\x1b[" not in run(["--no-cache", "--color", "never", "draft.txt"])[1]
    assert "\x1b[" not in run(["--no-cache", "draft.txt"])[1]  # auto: not a terminal


def test_no_color_environment_variable(work, monkeypatch):
    from marklint.commands.options import use_color

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert use_color("auto", Terminal()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color("auto", Terminal()) is False
    assert use_color("always", Terminal()) is True


def test_quiet_and_statistics(work):
    code, out, _ = run(["--no-cache", "--statistics", "draft.txt"])
    assert out.splitlines()[-2:] == ["    1  MK103 [banner-mismatch]", "    1  MK301 [portion-missing]"]
    assert run(["--no-cache", "--quiet", "draft.txt"])[1].count("\n") == 2


def test_document_text_only_with_show_source(work):
    _, out, _ = run(["--no-cache", "draft.txt"])
    assert "escort" not in out and "convoy" not in out
    _, out, _ = run(["--no-cache", "--quiet", "--show-source", "draft.txt"])
    assert out.splitlines()[:2] == [
        "draft.txt:5:1: MK301 [portion-missing] paragraph has no portion mark",
        "    The escort joins at noon.",
    ]
    _, out, _ = run(["--no-cache", "--show-source", "--format", "json", "draft.txt"])
    assert json.loads(out)[0]["source"] == "The escort joins at noon."


def test_bad_inputs_are_reported_and_other_files_still_linted(work):
    (work / "binary.txt").write_bytes(b"SECRET\x00\x01")
    (work / "latin1.txt").write_bytes("caf\xe9\n".encode("latin-1"))
    code, out, err = run(["--no-cache", "binary.txt", "latin1.txt", "missing.txt", "draft.txt"])
    assert code == 2
    assert err.splitlines() == [
        "marklint: binary.txt: not a text file (contains NUL bytes)",
        "marklint: latin1.txt: not a text file (invalid UTF-8 at byte 3)",
        "marklint: missing.txt: no such file or directory",
    ]
    assert out.splitlines()[-1] == "draft.txt: 1 page, 2 errors, 0 warnings (rule set us-cnsi)"


def test_directories_are_walked_in_order(work):
    (work / "docs" / "b").mkdir(parents=True)
    (work / "docs" / "b" / "two.txt").write_text(DRAFT)
    (work / "docs" / "a.txt").write_text("Plain notes.\n")
    (work / "docs" / "image.png").write_bytes(b"\x89PNG\x00")
    code, out, _ = run(["--no-cache", "docs"])
    assert code == 1
    summaries = [line for line in out.splitlines() if "rule set" in line]
    assert summaries == [
        "docs/a.txt: 1 page, 0 errors, 0 warnings (rule set us-cnsi)",
        "docs/b/two.txt: 1 page, 2 errors, 0 warnings (rule set us-cnsi)",
    ]


def test_unknown_rule_set_and_usage_errors(work):
    code, _, err = run(["--no-cache", "--rules", "us-cnsy", "draft.txt"])
    assert code == 2
    assert err.startswith("marklint: unknown rule set 'us-cnsy'; did you mean 'us-cnsi'?")
    assert run([])[0] == 2
    assert run(["--fail-on", "fatal", "draft.txt"])[0] == 2


def test_version():
    code, out, _ = run(["--version"])
    assert (code, out) == (0, f"marklint {__version__}\n")


def test_rule_and_rules_subcommands():
    code, out, _ = run(["rule", "MK301"])
    assert code == 0
    assert out.startswith("MK301 portion-missing (default severity: error)\n")
    assert run(["rule", "portion-missing"])[1] == out
    code, _, err = run(["rule", "portion-mising"])
    assert (code, err) == (2, "marklint: unknown rule 'portion-mising'; did you mean 'portion-missing'?\n")
    code, out, _ = run(["rules"])
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["MK001", "marking-syntax", "error"]
    assert any(line.split()[:3] == ["MK301", "portion-missing", "error"] for line in lines)


def test_parse_subcommand_delegates():
    code, out, _ = run(["parse", "--form", "portion", "(S//NF)"])
    assert code == 0
    assert "SECRET//NOFORN" in out
    code, out, err = run(["parse", "SECRET//NOFRON"])
    assert code == 1
    assert '9:15: marking-unknown-token  unknown dissemination control "NOFRON"; did you mean "NOFORN"?' in out + err


def test_console_script_runs_as_module(work):
    done = subprocess.run([sys.executable, "-m", "marklint", "--no-cache", "--quiet", "draft.txt"],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == "draft.txt:5:1: MK301 [portion-missing] paragraph has no portion mark"
    assert done.stderr == ""
