"""Replaying a whole run (marklint.replay): an unchanged re-run prints the recorded output
without linting, and every input of the output invalidates the record."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from cli_support import ARGS, DOC, finding, lint

import marklint.cli
import marklint.replay

OLD = 1_000_000_000_000_000_000  # an mtime (ns) far enough in the past to be trusted


EXPECTED = finding("docs/apples.txt") + finding("docs/pears.txt") + finding("docs/plums.txt")


def age(*paths) -> None:
    """Give files and directories an old mtime, as if they were written long ago."""
    for path in paths:
        os.utime(path, ns=(OLD, OLD))


def settle_shipped_files() -> None:
    """Wait until marklint's shipped rule and vocabulary files are old enough to be trusted.

    A run depends on them, and no record is made while a file it depends on is under
    RACY_NS old, as they are right after a checkout, a merge or an edit."""
    import marklint.rules

    root = os.path.dirname(marklint.rules.__file__)
    newest = max(os.stat(os.path.join(d, name)).st_mtime_ns for d, _, names in os.walk(root) for name in names)
    wait_ns = newest + marklint.replay.RACY_NS - time.time_ns()
    if wait_ns > 0:
        time.sleep(wait_ns / 1e9)


@pytest.fixture
def tree(tmp_path, monkeypatch):
    settle_shipped_files()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    docs = tmp_path / "docs"
    docs.mkdir()
    for word in ("apples", "pears", "plums"):
        (docs / f"{word}.txt").write_text(DOC.format(word=word))
        age(docs / f"{word}.txt")
    age(docs, tmp_path)
    return tmp_path


@pytest.fixture
def checks(monkeypatch) -> list[list[str]]:
    """The command lines that were linted (not replayed)."""
    calls: list[list[str]] = []
    real = marklint.cli._check

    def spy(args, *rest, **options):
        calls.append(args.paths)
        return real(args, *rest, **options)

    monkeypatch.setattr(marklint.cli, "_check", spy)
    return calls


def test_unchanged_rerun_replays(tree, capsys, checks):
    assert lint(["docs"], capsys) == (1, EXPECTED, "")
    assert lint(["docs"], capsys) == (1, EXPECTED, "")
    assert checks == [["docs"]]
    assert lint(["--format", "json", "docs"], capsys)[0] == 1  # another command line: linted
    assert checks == [["docs"], ["docs"]]
    assert len(list((tree / ".marklint_cache").glob("run-*.rec"))) == 2


def test_replayed_output_is_identical_in_every_format(tree, capsys, checks):
    for fmt in ("text", "json", "sarif", "github", "junit", "gitlab"):
        first = lint(["--format", fmt, "docs"], capsys)
        assert lint(["--format", fmt, "docs"], capsys) == first
    assert len(checks) == 6


def test_added_file_is_linted(tree, capsys, checks):
    lint(["docs"], capsys)
    (tree / "docs" / "quinces.txt").write_text(DOC.format(word="quinces"))
    age(tree / "docs" / "quinces.txt")  # the directory's mtime still says it changed
    code, out, _ = lint(["docs"], capsys)
    assert (code, out) == (1, EXPECTED + finding("docs/quinces.txt"))
    assert len(checks) == 2


def test_deleted_file_is_noticed(tree, capsys, checks):
    lint(["docs"], capsys)
    (tree / "docs" / "pears.txt").unlink()
    assert lint(["docs"], capsys) == (1, finding("docs/apples.txt") + finding("docs/plums.txt"), "")


def test_changed_file_is_linted(tree, capsys, checks):
    lint(["docs"], capsys)
    (tree / "docs" / "pears.txt").write_text("SECRET\n\n(S) Now marked.\n\nSECRET\n")
    assert lint(["docs"], capsys) == (1, finding("docs/apples.txt") + finding("docs/plums.txt"), "")
    os.utime(tree / "docs" / "pears.txt", ns=(OLD + 5, OLD + 5))  # an old but different mtime
    assert lint(["docs"], capsys) == (1, finding("docs/apples.txt") + finding("docs/plums.txt"), "")
    assert len(checks) == 3


def run(args: list[str], cwd) -> tuple[int, str, str]:
    """A whole process: rule sets and configurations are memoised within one."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    proc = subprocess.run([sys.executable, "-m", "marklint", *ARGS, *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env=env)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("where", [".", "docs", ".."])
def test_new_configuration_anywhere_above_is_noticed(tree, where):
    assert run(["docs"], tree) == (1, EXPECTED, "")
    assert run(["docs"], tree) == (1, EXPECTED, "")
    config = tree / where / ".marklint.yaml"
    try:
        config.write_text("ignore: [portion-missing]\n")
        age(config, config.parent)
        assert run(["docs"], tree) == (0, "", "")
    finally:
        config.unlink()


def test_configuration_edit_is_noticed(tree):
    config = tree / "pyproject.toml"
    config.write_text("[project]\nname = 'x'\n")
    age(config, tree)
    assert run(["docs"], tree) == (1, EXPECTED, "")
    assert run(["docs"], tree) == (1, EXPECTED, "")
    config.write_text("[tool.marklint]\nignore = ['MK301']\n")
    os.utime(config, ns=(OLD + 5, OLD + 5))
    assert run(["docs"], tree) == (0, "", "")


def test_rule_file_edit_is_noticed(tree):
    rules = tree / "office.yaml"
    rules.write_text("extends: us-cnsi\nrules:\n  portion-missing: warning\n")
    age(rules, tree)
    args = ["--rules", "office.yaml", "--format", "json", "docs"]
    for _ in range(2):
        code, out, _ = run(args, tree)
        assert (code, out.count('"severity": "warning"')) == (0, 3)
    rules.write_text("extends: us-cnsi\nrules:\n  portion-missing: error  \n")
    os.utime(rules, ns=(OLD + 5, OLD + 5))  # old, and the same size: only the mtime tells
    code, out, _ = run(args, tree)
    assert (code, out.count('"severity": "error"')) == (1, 3)


def test_environment_and_version_are_part_of_the_key(tree, capsys, checks, monkeypatch):
    lint(["--format", "auto", "docs"], capsys)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert lint(["--format", "auto", "docs"], capsys)[1].startswith("::error")
    monkeypatch.setattr(marklint.replay, "__version__", "0.0.0-other")
    lint(["--format", "auto", "docs"], capsys)
    assert len(checks) == 3


def test_a_new_day_is_not_replayed(tree, capsys, checks, monkeypatch):
    # an undated document is checked against the vocabulary as of today
    monkeypatch.setattr(marklint.replay, "today", lambda: "2026-11-28")
    lint(["docs"], capsys)
    lint(["docs"], capsys)
    monkeypatch.setattr(marklint.replay, "today", lambda: "2026-11-29")
    assert lint(["docs"], capsys) == (1, EXPECTED, "")
    assert len(checks) == 2


def test_runs_that_are_not_recorded(tree, capsys, checks):
    for extra in (["--no-cache"], ["--show-source"], ["docs/missing.txt"]):
        lint(extra + ["docs"], capsys)
        lint(extra + ["docs"], capsys)
    assert len(checks) == 6
    assert not list((tree / ".marklint_cache").glob("run-*.rec"))


def test_recent_files_are_not_trusted(tree, capsys, checks):
    (tree / "docs" / "apples.txt").write_text(DOC.format(word="apples"))  # modified just now
    lint(["docs"], capsys)
    lint(["docs"], capsys)
    assert len(checks) == 2


def test_cache_dir_option_and_damaged_records(tree, capsys, checks):
    lint(["--cache-dir", "build/c", "docs"], capsys)
    assert lint(["--cache-dir", "build/c", "docs"], capsys) == (1, EXPECTED, "")
    assert len(checks) == 1
    [record] = (tree / "build" / "c").glob("run-*.rec")
    text = record.read_text()
    fields = marklint.replay._unpack(text)
    assert "harvest" not in text and "A marked paragraph" not in text
    damaged = [
        text[:len(text) // 2],  # truncated
        text.replace("\n", "\n\n", 3),  # a length that does not fit
        text.replace("marklint replay", "marklint replay x"),  # another layout
        marklint.replay._pack(fields[:5] + [fields[5] + "\0docs/"]),  # a path without its signature
        "",
    ]
    for number, bad in enumerate(damaged, start=2):
        record.write_text(bad)
        assert lint(["--cache-dir", "build/c", "docs"], capsys) == (1, EXPECTED, ""), bad[:40]
        assert len(checks) == number  # linted, not replayed
        record.unlink()  # else the run re-records and the next damage is not tried


def test_record_fields_are_lengths_and_text():
    """Any output round-trips: line ends, separators and lengths inside a field are data."""
    fields = ["a\r\nb", "", "12\nthirteen", "\udcff", "x" * 1000]
    assert marklint.replay._unpack(marklint.replay._pack(fields)) == fields
    for bad in ("marklint replay 2\n-1\nx", "marklint replay 2\n9\nshort", "marklint replay 2\n1x\n"):
        with pytest.raises(ValueError):
            marklint.replay._unpack(bad)


def test_only_the_newest_records_are_kept(tree, capsys, checks, monkeypatch):
    monkeypatch.setattr(marklint.replay, "KEEP_RECORDS", 2)
    for name in ("apples", "pears", "plums"):
        lint([f"docs/{name}.txt"], capsys)
    assert len(list((tree / ".marklint_cache").glob("run-*.rec"))) == 2


def test_file_changed_while_the_run_lints_is_not_trusted(tree, capsys, monkeypatch):
    """A file that changes after the run started may not be what it read: even when its
    mtime is more than two seconds old by the time the record is written (a long run), the
    run is not recorded."""
    real, real_time_ns = marklint.cli._check, marklint.replay.time.time_ns
    pears = tree / "docs" / "pears.txt"

    def slow_run_with_an_edit(args, *rest, **options):
        started = marklint.cli.time.time_ns()
        code = real(args, *rest, **options)
        pears.write_text("SECRET\n\n(S) Now marked.\n\nSECRET\n")
        os.utime(pears, ns=(started + 1, started + 1))  # edited after the run started
        monkeypatch.setattr(marklint.replay.time, "time_ns", lambda: started + 10 * 10**9)
        return code

    monkeypatch.setattr(marklint.cli, "_check", slow_run_with_an_edit)
    assert lint(["docs"], capsys) == (1, EXPECTED, "")
    monkeypatch.setattr(marklint.cli, "_check", real)
    monkeypatch.setattr(marklint.replay.time, "time_ns", real_time_ns)
    assert lint(["docs"], capsys) == (1, finding("docs/apples.txt") + finding("docs/plums.txt"), "")


def test_file_added_in_a_subdirectory_is_linted(tree, capsys, checks):
    nested = tree / "docs" / "old" / "older"
    nested.mkdir(parents=True)
    age(nested, nested.parent, tree / "docs")
    lint(["docs"], capsys)
    (nested / "quinces.txt").write_text(DOC.format(word="quinces"))
    age(nested / "quinces.txt")  # the subdirectory's mtime still says it changed
    code, out, _ = lint(["docs"], capsys)
    assert (code, out) == (1, EXPECTED + finding("docs/old/older/quinces.txt"))
    assert len(checks) == 2
