"""The cache through the command line: a re-run lints nothing, and every input of a result
(content, configuration, rule file, version, --show-source) invalidates it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from cli_support import DOC, finding, lint

import marklint.cache
import marklint.parallel



@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    for word in ("apples", "pears", "plums"):
        (docs / f"{word}.txt").write_text(DOC.format(word=word))
    return tmp_path


def count_linting(monkeypatch) -> list[str]:
    linted: list[str] = []
    real = marklint.parallel.lint_file

    def spy(path, settings, **options):
        linted.append(path)
        return real(path, settings, **options)

    monkeypatch.setattr(marklint.parallel, "lint_file", spy)
    return linted


EXPECTED = finding("docs/apples.txt") + finding("docs/pears.txt") + finding("docs/plums.txt")


def test_second_run_lints_nothing_and_reports_the_same(tree, capsys, monkeypatch):
    linted = count_linting(monkeypatch)
    assert lint(["docs"], capsys) == (1, EXPECTED, "")
    assert linted == ["docs/apples.txt", "docs/pears.txt", "docs/plums.txt"]
    assert (tree / ".marklint_cache" / "CACHEDIR.TAG").is_file()
    linted.clear()
    assert lint(["docs"], capsys) == (1, EXPECTED, "")
    assert linted == []


def test_only_the_changed_file_is_linted_again(tree, capsys, monkeypatch):
    linted = count_linting(monkeypatch)
    lint(["docs"], capsys)
    (tree / "docs" / "pears.txt").write_text("SECRET\n\n(S) Now marked.\n\nSECRET\n")
    linted.clear()
    assert lint(["docs"], capsys) == (1, finding("docs/apples.txt") + finding("docs/plums.txt"), "")
    assert linted == ["docs/pears.txt"]


def test_no_cache_neither_reads_nor_writes(tree, capsys, monkeypatch):
    linted = count_linting(monkeypatch)
    lint(["docs"], capsys)
    linted.clear()
    assert lint(["--no-cache", "docs"], capsys) == (1, EXPECTED, "")
    assert len(linted) == 3
    other = tree / "elsewhere"
    other.mkdir()
    monkeypatch.chdir(other)
    assert lint(["--no-cache", "../docs"], capsys)[0] == 1
    assert not (other / ".marklint_cache").exists()


def test_cache_dir_option(tree, capsys, monkeypatch):
    linted = count_linting(monkeypatch)
    lint(["--cache-dir", "build/mlcache", "docs"], capsys)
    assert (tree / "build" / "mlcache" / ".gitignore").read_text() == "# created by marklint\n*\n"
    assert not (tree / ".marklint_cache").exists()
    linted.clear()
    assert lint(["--cache-dir", "build/mlcache", "docs"], capsys) == (1, EXPECTED, "")
    assert linted == []


def test_other_settings_and_version_miss(tree, capsys, monkeypatch):
    linted = count_linting(monkeypatch)
    lint(["docs"], capsys)
    linted.clear()
    assert lint(["--rules", "us-eo12356", "--fail-on", "warning", "docs"], capsys) == (1, EXPECTED, "")
    assert len(linted) == 3
    linted.clear()
    monkeypatch.setattr(marklint.cache, "__version__", "0.0.0-other")
    monkeypatch.setattr(marklint.parallel, "_contexts", {})  # contexts are memoised per process
    monkeypatch.setattr(marklint.parallel, "_directory_contexts", {})
    lint(["docs"], capsys)
    assert len(linted) == 3


def test_show_source_bypasses_the_cache(tree, capsys, monkeypatch):
    linted = count_linting(monkeypatch)
    lint(["docs"], capsys)
    linted.clear()
    code, out, _ = lint(["--show-source", "docs/apples.txt"], capsys)
    assert "A paragraph about the apples harvest." in out
    assert linted == ["docs/apples.txt"]


def test_cache_holds_no_document_text(tree, capsys):
    lint(["--select", "MK", "docs"], capsys)
    packs = list((tree / ".marklint_cache").glob("*.json"))
    assert len(packs) == 1
    text = packs[0].read_text()
    assert "docs/apples.txt" in text
    for words in ("harvest", "A marked paragraph", "A paragraph about"):
        assert words not in text


def test_corrupt_cache_is_ignored_and_replaced(tree, capsys, monkeypatch):
    lint(["docs"], capsys)
    [pack] = (tree / ".marklint_cache").glob("*.json")
    pack.write_bytes(b"\x00garbage{")
    linted = count_linting(monkeypatch)
    assert lint(["docs"], capsys) == (1, EXPECTED, "")
    assert len(linted) == 3
    linted.clear()
    assert lint(["docs"], capsys) == (1, EXPECTED, "")
    assert linted == []


def run(args: list[str], cwd) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "marklint", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def test_configuration_change_invalidates(tree):
    args = ["--quiet", "--select", "portion-missing", "docs"]
    assert run(args, tree) == (1, EXPECTED, "")
    (tree / ".marklint.yaml").write_text("ignore: [portion-missing]\n")
    assert run(args, tree) == (0, "", "")
    (tree / ".marklint.yaml").write_text("per-file-ignores:\n  docs/pears.txt: [portion-missing]\n")
    assert run(args, tree) == (1, finding("docs/apples.txt") + finding("docs/plums.txt"), "")


def test_rule_file_change_invalidates(tree):
    rules = tree / "office.yaml"
    rules.write_text("extends: us-cnsi\nrules:\n  portion-missing: warning\n")
    args = ["--quiet", "--rules", "office.yaml", "--select", "portion-missing", "--format", "json", "docs"]
    code, out, err = run(args, tree)
    assert (code, err, out.count('"severity": "warning"')) == (0, "", 3)
    rules.write_text("extends: us-cnsi\nrules:\n  portion-missing: error\n")
    code, out, err = run(args, tree)
    assert (code, err, out.count('"severity": "error"')) == (1, "", 3)


def test_extended_rule_file_change_invalidates(tree):
    """A cached run loads no rule set: the files a rule set is read from are the pack's
    dependencies, and a change in any of them (here the parent it extends) misses."""
    (tree / "base.yaml").write_text("extends: us-cnsi\nrules:\n  portion-missing: warning\n")
    (tree / "office.yaml").write_text("extends: base.yaml\n")
    args = ["--quiet", "--rules", "office.yaml", "--select", "portion-missing", "--format", "json", "docs"]
    code, out, err = run(args, tree)
    assert (code, err, out.count('"severity": "warning"')) == (0, "", 3)
    (tree / "base.yaml").write_text("extends: us-cnsi\nrules:\n  portion-missing: error\n")
    code, out, err = run(args, tree)
    assert (code, err, out.count('"severity": "error"')) == (1, "", 3)


def test_vocabulary_file_change_invalidates(tree):
    (tree / "office-vocab.yaml").write_text("include: [default]\n")
    (tree / "office.yaml").write_text("extends: us-cnsi\nvocabulary: [office-vocab.yaml]\n")
    (tree / "docs" / "zz.txt").write_text("SECRET//ZZTOP\n\n(S//ZZ) A marked paragraph.\n\nSECRET//ZZTOP\n")
    args = ["--quiet", "--rules", "office.yaml", "--select", "banner-rollup", "docs/zz.txt"]
    code, out, err = run(args, tree)
    assert (code, err, out.count("MK106 [banner-rollup]")) == (1, "", 1)
    (tree / "office-vocab.yaml").write_text(
        "include: [default]\ncategory: dissem\ntokens:\n  - {id: ZZTOP, title: ZZ TOP, portion: ZZ, levels: [S]}\n"
    )
    assert run(args, tree) == (0, "", "")


def test_cached_run_loads_no_rule_set(tree):
    """The hit path stays light: no rule set, registry, lark or YAML is imported."""
    run(["--quiet", "docs"], tree)
    script = (
        "import sys; from marklint.cli import main; code = main(['--quiet', 'docs']); "
        "heavy = [m for m in ('marklint.ruleset', 'marklint.checks.registry', 'lark', 'yaml') if m in sys.modules]; "
        "print(code, heavy)"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=tree, capture_output=True, text=True, timeout=120)
    assert proc.stdout.endswith("1 []\n")
