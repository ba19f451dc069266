"""Security of what marklint reads (issue 12, items 3 to 8): user patterns run in linear time,
configuration above the project never applies, error messages never quote what they read,
reads are bounded, and odd file names cannot break or forge output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.dom.minidom

import pytest
from cli_support import run_cli

from marklint.userpattern import PatternError, compile_user_pattern

DRAFT = "SECRET\n\nA paragraph about the harvest.\n\n(S) A marked paragraph.\n\nSECRET\n"
MISSING = "draft.txt:3:1: MK301 [portion-missing] paragraph has no portion mark\n"
# The patterns of the issue: each passed the old backtracking screen and hung marklint for
# hours on a line of 90 characters. RE2 runs them in linear time, except the third, whose
# nested counts (99 x 99 repeats) RE2 refuses to compile: a rule-file error with its position.
EVIL = [r"(a{1,30}){1,30}$", r"(.*a){12}b", r"a*a*a*a*a*a*a*a*a*a*b", r"\w*\w*\w*\w*\w*\w*\w*\w*X"]
TOO_BIG = r"(\w{1,99}\s?){1,99}$"
LINE = "a" * 90


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text(DRAFT)
    return tmp_path


def _marklint(args: list[str], cwd, stdin=None, timeout: int = 60, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marklint", *args], cwd=cwd, stdin=stdin, capture_output=True,
                          text=True, timeout=timeout, **options)


def _yaml_list(patterns: list[str]) -> str:
    return "".join(f"  - '{pattern}'\n" for pattern in patterns)


@pytest.mark.parametrize("where", ["configuration", "generic", "exempt"])
def test_catastrophic_patterns_run_in_linear_time(project, where):
    """Item 3: page-break patterns (.marklint.yaml), generic rules and exemptions (rule files)
    run on RE2; each of the issue's patterns meets a 90-character line of a's."""
    (project / "draft.txt").write_text(f"SECRET\n\n(S) {LINE}\n\n{LINE}\n\n{LINE} b\n\nSECRET\n")
    args = ["--no-cache", "--quiet", "draft.txt"]
    if where == "configuration":
        (project / ".marklint.yaml").write_text("page-break-patterns:\n" + _yaml_list(EVIL))
    elif where == "generic":
        rules = "".join(
            f"  - id: evil-{n}\n    code: EVL00{n}\n    type: forbidden-token\n    pattern: '{pattern}'\n"
            f"    scope: [text, portions]\n    message: evil {n}\n" for n, pattern in enumerate(EVIL))
        (project / "office.yaml").write_text("extends: us-cnsi\ngeneric:\n" + rules)
        args = ["--rules", "office.yaml", *args]
    else:
        exempt = "".join(f"    evil-{n}: '{pattern}'\n" for n, pattern in enumerate(EVIL))
        (project / "office.yaml").write_text("extends: us-cnsi\nportions:\n  exempt:\n" + exempt)
        args = ["--rules", "office.yaml", *args]
    done = _marklint(args, project, timeout=30)
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr == ""


def test_a_pattern_too_big_for_re2_is_a_configuration_error(project):
    (project / ".marklint.yaml").write_text("page-break-patterns:\n" + _yaml_list(EVIL + [TOO_BIG]))
    done = _marklint(["--no-cache", "draft.txt"], project, timeout=30)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"marklint: draft.txt: {project}/.marklint.yaml:6:5: 'page-break-patterns': "
                           "invalid regular expression (invalid repetition size)\n")


def test_a_pattern_re2_cannot_compile_is_a_rule_file_error(project):
    (project / "office.yaml").write_text("extends: us-cnsi\npage-break-patterns:\n  - '^Page'\n  - '(?<=x)y'\n")
    code, out, err = run_cli(["--rules", "office.yaml", "draft.txt"])
    assert (code, out) == (2, "")
    assert err == ("marklint: office.yaml:4:5: 'page-break-patterns': invalid regular expression "
                   "(invalid perl operator (RE2 has no look-around and no backreferences))\n")


def test_compile_user_pattern_is_the_public_helper():
    assert compile_user_pattern(r"^(?i)draft\b").search("Draft copy") is not None
    with pytest.raises(PatternError, match=r"^missing \)$"):
        compile_user_pattern("(unclosed")


def _nested(project):
    """outer/.marklint.yaml turns portion-missing off; outer/repo is a git repository."""
    (project / "outer" / "repo" / ".git").mkdir(parents=True)
    (project / "outer" / ".marklint.yaml").write_text("ignore: [portion-missing]\n")
    (project / "outer" / "repo" / "draft.txt").write_text(DRAFT)
    return project / "outer" / "repo"


def test_configuration_above_the_repository_is_not_used(project):
    """Item 4: discovery stops at the directory holding `.git`."""
    repo = _nested(project)
    code, out, _ = run_cli(["--no-cache", "--select", "MK301", str(repo / "draft.txt")])
    assert code == 1 and "MK301 [portion-missing]" in out
    assert out.endswith("1 page, 1 error, 0 warnings (rule set us-cnsi)\n")


def test_configuration_above_home_is_not_used(project, monkeypatch):
    (project / "outer" / "home").mkdir(parents=True)
    (project / "outer" / ".marklint.yaml").write_text("ignore: [portion-missing]\n")
    (project / "outer" / "home" / "draft.txt").write_text(DRAFT)
    monkeypatch.setenv("HOME", str(project / "outer" / "home"))
    code, out, _ = run_cli(["--no-cache", "--select", "MK301", "outer/home/draft.txt"])
    assert (code, out.splitlines()[0]) == (1, "outer/home/draft.txt:3:1: MK301 [portion-missing] paragraph "
                                               "has no portion mark")


def test_summary_line_names_the_configuration_and_config_and_isolated_options(project):
    repo = _nested(project)
    (repo / ".marklint.yaml").write_text("severity: {portion-missing: warning}\n")
    os.chdir(repo)
    base = ["--no-cache", "--select", "MK301", "draft.txt"]
    assert run_cli(base) == (0, MISSING.replace("paragraph", "paragraph", 1) + "draft.txt: 1 page, 0 errors, "
                             "1 warning (rule set us-cnsi, configuration .marklint.yaml)\n", "")
    assert run_cli(["--isolated", *base]) == (
        1, MISSING + "draft.txt: 1 page, 1 error, 0 warnings (rule set us-cnsi)\n", "")
    assert run_cli(["--config", "../.marklint.yaml", *base]) == (
        0, "draft.txt: 1 page, 0 errors, 0 warnings (rule set us-cnsi, configuration ../.marklint.yaml)\n", "")
    assert run_cli(["--config", "missing.yaml", *base]) == (
        2, "", "marklint: missing.yaml: cannot read configuration: No such file or directory\n")


SECRET_LINE = "root:$6$Sup3rSecretHash"


@pytest.mark.parametrize("rule_file", [
    "extends: ./secret.txt\n",
    "vocabulary: [./secret.yaml]\n",
])
def test_errors_about_a_referenced_file_never_quote_it(project, rule_file):
    """Item 5: `extends: /etc/shadow` printed the file's first line as an unknown key, and
    `vocabulary: [/etc/shadow]` was an internal error quoting it."""
    for name in ("secret.txt", "secret.yaml"):
        (project / name).write_text(f"{SECRET_LINE}: x\nmore: {SECRET_LINE}\n")
    (project / "office.yaml").write_text(rule_file)
    code, out, err = run_cli(["--no-cache", "--rules", "office.yaml", "draft.txt"])
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert "Sup3r" not in err and "$6$" not in err and "internal error" not in err
    assert ":1:1: unknown " in err


def test_a_classified_file_given_as_rule_set_is_not_quoted(project):
    (project / "memo.txt").write_text("(S) The plan: land at dawn.\n(S) The escort: two ships.\n")
    code, out, err = run_cli(["--no-cache", "--rules", "./memo.txt", "draft.txt"])
    assert (code, out) == (2, "")
    assert "plan" not in err and "dawn" not in err
    assert err.startswith("marklint: memo.txt:1:1: unknown key in the rule set; expected one of name, ")


def test_diff_needs_show_source(project):
    """Item 6: --diff prints document lines."""
    (project / "draft.txt").write_text("SECRET // NOFORN\n\n(S//NF) text\n\nSECRET//NOFORN\n")
    assert run_cli(["--diff", "draft.txt"]) == (
        2, "", "marklint: --diff prints document lines: add --show-source to allow it\n")
    assert run_cli(["--diff", "--show-source", "draft.txt"])[0] == 1


@pytest.mark.parametrize("args, config, message", [
    (["--rules", "/dev/zero"], None, "marklint: /dev/zero: cannot read rule set: not a regular file"),
    (["--rules", "./fifo"], None, "marklint: fifo: cannot read rule set: not a regular file"),
    (["--baseline", "/dev/zero"], None, "marklint: /dev/zero: cannot read baseline: not a regular file"),
    (["--baseline", "fifo"], None, "marklint: fifo: cannot read baseline: not a regular file"),
    ([], "rules: /dev/zero\n", "/dev/zero: cannot read rule set: not a regular file"),
    (["--config", "fifo"], None, "marklint: fifo: cannot read configuration: not a regular file"),
])
def test_devices_and_pipes_are_refused_where_a_file_is_expected(project, args, config, message):
    """Item 7: these hung marklint (or filled its memory)."""
    os.mkfifo(project / "fifo")
    if config is not None:
        (project / ".marklint.yaml").write_text(config)
    done = _marklint(["--no-cache", *args, "draft.txt"], project, timeout=30)
    assert done.returncode == 2
    assert message in done.stderr and done.stderr.count("\n") == 1, done.stderr


def test_oversized_rule_file_is_refused(project):
    (project / "big.yaml").write_text("description: '" + "x" * (1024 * 1024) + "'\n")
    code, _, err = run_cli(["--no-cache", "--rules", "big.yaml", "draft.txt"])
    assert (code, err) == (2, "marklint: big.yaml: cannot read rule set: larger than the limit of 1 MiB\n")


def test_stdin_is_bounded(project):
    with open("/dev/zero", "rb") as zero:
        done = _marklint(["--no-cache", "-"], project, stdin=zero, timeout=60)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "marklint: <stdin>: standard input is larger than the limit of 256 MiB\n"


@pytest.fixture
def odd_names(project):
    """A file whose name is not UTF-8 and one whose name holds a newline and an ESC."""
    os.makedirs("d")
    for name in (b"d/bad\xff.txt", "d/two\nlines\x1b[31m.txt".encode()):
        with open(name, "wb") as handle:
            handle.write(DRAFT.encode())
    return project


def test_odd_file_names_in_text_output_are_escaped(odd_names):
    """Item 8: a newline or ESC in a file name could forge findings or colour the terminal."""
    code, out, _ = run_cli(["--no-cache", "--select", "MK301", "d"])
    assert code == 1
    assert out.splitlines() == [
        "d/bad\\xff.txt:3:1: MK301 [portion-missing] paragraph has no portion mark",
        "d/bad\\xff.txt: 1 page, 1 error, 0 warnings (rule set us-cnsi)",
        "d/two\\nlines\\x1b[31m.txt:3:1: MK301 [portion-missing] paragraph has no portion mark",
        "d/two\\nlines\\x1b[31m.txt: 1 page, 1 error, 0 warnings (rule set us-cnsi)",
    ]


def test_stdin_filename_is_escaped(project):
    done = _marklint(["--no-cache", "--stdin-filename", "a\nb\x1b.txt", "-"], project, input=DRAFT)
    assert done.stdout.endswith("a\\nb\\x1b.txt: 1 page, 2 errors, 0 warnings (rule set us-cnsi)\n")


def test_odd_file_names_in_machine_formats_are_lossless(odd_names):
    """Item 8: SARIF, GitLab and --write-baseline raised UnicodeEncodeError."""
    code, out, err = run_cli(["--no-cache", "--select", "MK301", "--format", "sarif", "d"])
    assert (code, err) == (1, "")
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(out)["runs"][0]["results"]]
    assert uris == ["d/bad%FF.txt", "d/two%0Alines%1B%5B31m.txt"]
    code, out, err = run_cli(["--no-cache", "--select", "MK301", "--format", "gitlab", "d"])
    assert (code, err) == (1, "")
    assert [issue["location"]["path"] for issue in json.loads(out)] == ["d/bad\udcff.txt", "d/two\nlines\x1b[31m.txt"]
    code, _, err = run_cli(["--no-cache", "--select", "MK301", "--write-baseline", "base.json", "d"])
    assert (code, err) == (0, "marklint: recorded 2 findings in base.json\n")
    paths = [entry["path"] for entry in json.loads(open("base.json", encoding="utf-8").read())["findings"]]
    assert paths == ["d/bad\udcff.txt", "d/two\nlines\x1b[31m.txt"]
    assert run_cli(["--no-cache", "--select", "MK301", "--baseline", "base.json", "--quiet", "d"]) == (0, "", "")


def test_junit_stays_well_formed_with_odd_file_names(odd_names):
    code, out, _ = run_cli(["--no-cache", "--select", "MK301", "--format", "junit", "d"])
    assert code == 1
    names = [case.getAttribute("name") for case in xml.dom.minidom.parseString(out).getElementsByTagName("testcase")]
    assert names == ["d/bad\\xff.txt", "d/two\\nlines\\x1b[31m.txt"]
