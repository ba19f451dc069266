"""The everyday command-line options of issue 18: rule-name validation, --extend-select,
--force-exclude, "no files to lint", --show-settings, --show-files, --show-links, -q,
--output-format, --fix-only, the baseline's hidden count, unknown-option suggestions,
`marklint help`, `marklint rule` and `marklint rules --format json`."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
import yaml

import marklint.config
from marklint.checks.registry import RULES
from marklint.cli import main
from marklint.links import DOCS_BASE_URL, rule_url

# A draft with one unmarked paragraph (line 5) and no authority block (MK401 at 1:1).
DRAFT = "SECRET\n\n(S) The convoy leaves at dawn.\n\nThe escort joins at noon.\n\nSECRET\n"
PORTION = "draft.txt:5:1: MK301 [portion-missing] paragraph has no portion mark\n"
CAB = ("draft.txt:1:1: MK401 [cab-missing] classified document has no classification authority block "
       "(Classified By / Derived From / Declassify On) (C-01)\n")


def summary(errors: int, configured: bool = False) -> str:
    """The summary line of draft.txt; `configured`: a .marklint.yaml applied (the line names it)."""
    config = ", configuration .marklint.yaml" if configured else ""
    return f"draft.txt: 1 page, {errors} error{'s' * (errors != 1)}, 0 warnings (rule set us-cnsi{config})\n"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "draft.txt").write_text(DRAFT)
    return tmp_path


def run(*argv: str) -> tuple[int, str, str]:
    """`marklint ARGV` in-process, as a fresh process would run it (no configuration remembered)."""
    marklint.config._by_directory.clear()
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(["--no-cache", "--jobs", "1", *argv] if argv and argv[0].startswith(("-", "d", "n", "a", "."))
                    else list(argv))
    finally:
        sys.stdout, sys.stderr = old
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("argv", "message"), [
    (["--select", "portion-mising"], "unknown rule 'portion-mising' in --select; did you mean 'portion-missing'?"),
    (["--select", "MK999"], "unknown rule 'MK999' in --select; did you mean 'MK902'?"),
    (["--select", "banner"], "unknown rule 'banner' in --select; did you mean 'banner-rollup'?"),
    (["--select", "MK9999"], "unknown rule 'MK9999' in --select"),
    (["--ignore", "MK301,cab-mising"], "unknown rule 'cab-mising' in --ignore; did you mean 'cab-missing'?"),
    (["--extend-select", "portion-placment"],
     "unknown rule 'portion-placment' in --extend-select; did you mean 'portion-placement'?"),
])
def test_unknown_rule_names_on_the_command_line_are_errors(tree, argv, message):
    code, out, err = run(*argv, "draft.txt")
    assert (code, out, err) == (2, "", f"marklint: {message}\n")


def test_prefixes_codes_and_generic_ids_are_accepted(tree):
    assert run("--select", "MK3,cab-missing", "draft.txt") == (1, CAB + PORTION + summary(2), "")
    assert run("--select", "mk3", "draft.txt") == (1, PORTION + summary(1), "")
    rules = tree / "house.yaml"
    rules.write_text("extends: us-cnsi\ngeneric:\n  - id: no-draft-word\n    code: MK950\n"
                     "    type: forbidden-token\n    pattern: DRAFT\n    message: no DRAFT in markings\n"
                     "    scope: banners\n")
    code, _, err = run("--rules", str(rules), "--select", "no-draft-word", "draft.txt")
    assert (code, err) == (0, "")


def test_extend_select_adds_to_the_configurations_selection(tree):
    (tree / ".marklint.yaml").write_text("select: [portion-missing]\n")
    assert run("draft.txt") == (1, PORTION + summary(1, True), "")
    assert run("--extend-select", "MK401", "draft.txt") == (1, CAB + PORTION + summary(2, True), "")
    # --select replaces the configuration's selection; --extend-select adds to it
    assert run("--select", "MK401", "--extend-select", "MK3", "draft.txt") == (
        1, CAB + PORTION + summary(2, True), "")


def test_force_exclude_applies_exclude_to_named_files(tree):
    (tree / "archive").mkdir()
    (tree / "archive" / "old.txt").write_text(DRAFT)
    (tree / ".marklint.yaml").write_text('exclude: ["archive/*"]\nselect: [portion-missing]\n')
    old = "archive/old.txt:5:1: MK301 [portion-missing] paragraph has no portion mark\n"
    old_summary = "archive/old.txt: 1 page, 1 error, 0 warnings (rule set us-cnsi, configuration .marklint.yaml)\n"
    assert run("archive/old.txt", "draft.txt") == (1, old + old_summary + PORTION + summary(1, True), "")
    assert run("--force-exclude", "archive/old.txt", "draft.txt") == (1, PORTION + summary(1, True), "")
    assert run("--force-exclude", "archive/old.txt") == (
        2, "", "marklint: warning: no files to lint in archive/old.txt\n")
    assert run("--force-exclude", "--allow-empty", "archive/old.txt") == (
        0, "", "marklint: warning: no files to lint in archive/old.txt\n")


def test_no_files_found_is_a_warning_and_exit_2(tree):
    (tree / "empty").mkdir()
    (tree / "empty" / "notes.xyz").write_text(DRAFT)
    assert run("empty") == (2, "", "marklint: warning: no files to lint in empty\n")
    assert run("--allow-empty", "empty") == (0, "", "marklint: warning: no files to lint in empty\n")
    assert run("-q", "--allow-empty", "empty") == (0, "", "")
    (tree / ".marklint.yaml").write_text('include: ["*.md"]\n')
    assert run(".") == (2, "", "marklint: warning: no files to lint in .\n")


def test_formats_mapping_lets_include_add_an_extension(tree):
    (tree / "notes").mkdir()
    (tree / "notes" / "memo.note").write_text(DRAFT)
    (tree / "notes" / "page.mdx").write_text("SECRET\n\n<!-- a comment -->\n\nThe escort.\n\nSECRET\n")
    assert run("--show-files", "notes") == (2, "", "marklint: warning: no files to lint in notes\n")
    (tree / ".marklint.yaml").write_text('formats:\n  .note: text\n  .MDX: markdown\nselect: [portion-missing]\n')
    assert run("--show-files", "notes") == (0, "notes/memo.note (text)\nnotes/page.mdx (markdown)\n", "")
    code, out, _ = run("notes")
    assert (code, out) == (1, "notes/memo.note:5:1: MK301 [portion-missing] paragraph has no portion mark\n"
                              "notes/memo.note: 1 page, 1 error, 0 warnings (rule set us-cnsi, configuration .marklint.yaml)\n"
                              "notes/page.mdx:5:1: MK301 [portion-missing] paragraph has no portion mark\n"
                              "notes/page.mdx: 1 page, 1 error, 0 warnings (rule set us-cnsi, configuration .marklint.yaml)\n")


@pytest.mark.parametrize(("config", "message"), [
    ("formats:\n  .note: txt\n", ".marklint.yaml:2: unknown reader in 'formats..note'; did you mean 'text'? "
     "(readers: asciidoc, docx, email, html, markdown, odt, pdf, pptx, rst, text, xlsx)"),
    ("formats:\n  note: text\n", ".marklint.yaml:2: 'formats' keys are file extensions with their dot, like '.note', not 'note'"),
    ("formats: [text]\n", ".marklint.yaml:1: 'formats' must be a mapping, not a list"),
])
def test_bad_formats_mapping(tree, config, message):
    (tree / ".marklint.yaml").write_text(config)
    code, out, err = run("--show-files", ".")
    assert (code, out) == (2, "")
    assert err.startswith("marklint: ") and err.rstrip("\n").endswith(message.split(": ", 1)[1])
    assert message.split(":")[0] in err and len(err.splitlines()) == 1


def test_show_files_names_the_reader(tree):
    (tree / "sub").mkdir()
    (tree / "sub" / "b.md").write_text("# (U) Title\n")
    (tree / "sub" / "c.rst").write_text("(U) Text.\n")
    (tree / "sub" / "skip.log").write_text("x\n")
    assert run("--show-files") == (0, "./draft.txt (text)\n./sub/b.md (markdown)\n./sub/c.rst (rst)\n".replace("./", ""), "")
    assert run("--show-files", "--format-in", "markdown", "draft.txt") == (0, "draft.txt (markdown)\n", "")


def test_show_settings_says_where_each_value_comes_from(tree):
    (tree / ".marklint.yaml").write_text("rules: us-ic\nselect: [MK3]\nexclude: [\"archive/*\"]\nfail-on: warning\n"
                                         "severity:\n  portion-missing: warning\n")
    code, out, err = run("--show-settings", "--ignore", "MK302", "draft.txt")
    assert (code, err) == (0, "")
    assert out == (
        "Settings for draft.txt:\n"
        "  configuration        .marklint.yaml  (discovered)\n"
        "  rules                us-ic  (.marklint.yaml:1:1)\n"
        "  select               MK3  (.marklint.yaml:2:1)\n"
        "  ignore               MK302  (command line)\n"
        "  per-file-ignores     (none)  (default)\n"
        "  severity             portion-missing=warning  (.marklint.yaml:5:1)\n"
        "  fail-on              warning  (.marklint.yaml:4:1)\n"
        "  require-banner       when-marked  (default)\n"
        "  page-break-patterns  (none)  (default)\n"
        "  include              (none)  (default)\n"
        "  exclude              archive/*  (.marklint.yaml:3:1)\n"
        "  include-quotes       true  (default)\n"
        "  exempt               (none)  (default)\n"
        "  skip-speaker-notes   false  (default)\n"
        "  ocr                  by collection  (default)\n"
        "  archive-collections  (none)  (default)\n"
        "  formats              (none)  (default)\n"
        "  format-in            (by extension)  (default)\n"
    )
    code, out, _ = run("--show-settings", "--rules", "cui", "--fail-on", "info", "--select", "MK1", "draft.txt")
    assert "  rules                cui  (command line + .marklint.yaml:1:1)\n" in out
    assert "  select               MK1  (command line + .marklint.yaml:2:1)\n" in out
    assert "  fail-on              info  (command line)\n" in out


def test_show_settings_without_configuration(tree):
    code, out, _ = run("--show-settings")
    assert code == 0
    assert out.splitlines()[:4] == ["Settings for .:", "  configuration        (none)  (default)",
                                    "  rules                us-cnsi  (default)",
                                    "  select               (every rule)  (default)"]


def test_show_links_and_output_format_alias_and_q(tree):
    code, out, _ = run("--show-links", "--select", "MK301", "draft.txt")
    assert (code, out) == (1, PORTION + f"    {DOCS_BASE_URL}rules/portion-missing/\n" + summary(1))
    code, out, _ = run("--output-format", "json", "-q", "--select", "MK301", "draft.txt")
    assert (code, [(f["rule"], f["line"]) for f in json.loads(out)]) == (1, [("portion-missing", 5)])
    assert run("-q", "--select", "MK301", "draft.txt") == (1, PORTION, "")


def test_sarif_rules_carry_their_documentation_url(tree):
    code, out, _ = run("--format", "sarif", "--select", "MK301,MK401", "draft.txt")
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert [(r["id"], r["helpUri"]) for r in rules] == [
        ("MK301", rule_url("portion-missing")), ("MK401", rule_url("cab-missing"))]


def test_baseline_run_says_how_many_findings_it_hid(tree):
    run("--write-baseline", "base.json", "draft.txt")
    (tree / "draft.txt").write_text(DRAFT.replace("SECRET\n", "SECRET\n\nA new paragraph.\n", 1))
    code, out, err = run("--baseline", "base.json", "draft.txt")
    # the new finding of the same rule and marking is the lower one (see docs/suppressions.md)
    assert (code, out, err) == (1, "draft.txt:7:1: MK301 [portion-missing] paragraph has no portion mark\n"
                                   + summary(1), "marklint: the baseline base.json hid 2 findings\n")
    assert run("-q", "--baseline", "base.json", "draft.txt")[2] == ""


def test_fix_and_lint_hooks_print_each_finding_once(tree):
    """The two hooks' entries, run one after the other as pre-commit does: marklint-fix reports
    only what it fixed, marklint only what is left."""
    (tree / "draft.txt").write_text(DRAFT.replace("SECRET\n", "SECRET // NOFORN\n").replace("(S)", "(S//NF)"))
    hooks = {hook["id"]: hook["entry"].split()[1:] for hook in yaml.safe_load(
        (__import__("pathlib").Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text())}
    fixed = run(*hooks["marklint-fix"], "draft.txt")
    linted = run(*hooks["marklint"], "draft.txt")
    assert fixed == (1, "draft.txt:1:7: fixed MK001 [marking-syntax] replace \" // \" with \"//\"\n"
                        "draft.txt:7:7: fixed MK001 [marking-syntax] replace \" // \" with \"//\"\n"
                        "fixed 2 findings in 1 file (1 more with --unsafe-fixes)\n", "")
    assert linted == (1, CAB + PORTION + summary(2), "")
    assert run(*hooks["marklint-fix"], "draft.txt") == (
        0, "fixed 0 findings in 0 files (1 more with --unsafe-fixes)\n", "")


def test_unknown_option_gets_a_suggestion():
    proc = subprocess.run([sys.executable, "-m", "marklint", "--selct", "MK3", "x.txt"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.endswith("marklint: error: unrecognized arguments: --selct; did you mean '--select'?\n")
    assert proc.stderr.startswith("usage: marklint ")
    code, _, err = run("rules", "--formt", "json")
    assert code == 2 and err.endswith("unrecognized arguments: --formt json; did you mean '--format'?\n")


def test_help_lists_commands_and_options():
    code, out, err = run("help")
    assert (code, err) == (0, "")
    assert out.startswith("usage: marklint ")
    for option in ("--extend-select", "--force-exclude", "--show-settings", "--add-suppressions", "-q"):
        assert option in out
    assert out.endswith("\ncommands:\n"
                        "  marklint check     lint files and directories (the default command)\n"
                        "  marklint rule      show one rule: summary, why (with citations), examples, fix, documentation link\n"
                        "  marklint rules     list every rule (--format json for tools)\n"
                        "  marklint parse     parse and explain markings (--rules NAME for an allied system's)\n"
                        "  marklint explain   show the structure marklint read: per page and block, its kind and "
                        "whether it needs a mark\n"
                        "  marklint report    write a collection's CSV and HTML report (archives)\n"
                        "  marklint server    run the language server over stdio (marklint[server])\n"
                        "  marklint help      show this help, a command's (marklint help COMMAND) or a rule's "
                        "(marklint help RULE)\n")


def test_help_rule_and_command_and_unknown_topic():
    assert run("help", "portion-missing") == run("rule", "portion-missing")
    assert run("help", "help") == run("help")
    assert run("help", "MK301")[1].endswith(f"\nDocumentation: {rule_url('portion-missing')}\n")
    code, out, _ = run("help", "parse")
    assert code == 0 and out.startswith("usage: marklint parse ")
    assert run("help", "portion-mising") == (
        2, "", "marklint: no command or rule named 'portion-mising'; did you mean 'portion-missing'?\n")
    assert run("help", "parze") == (2, "", "marklint: no command or rule named 'parze'; did you mean 'parse'?\n")


def test_rule_ends_with_its_url():
    code, out, _ = run("rule", "cab-missing")
    assert code == 0
    assert out.startswith("MK401 cab-missing (default severity: error)\n")
    assert out.endswith(f"\n\nDocumentation: {DOCS_BASE_URL}rules/cab-missing/\n")


def test_rules_json():
    code, out, err = run("rules", "--format", "json")
    entries = json.loads(out)
    assert (code, err) == (0, "")
    assert [e["code"] for e in entries] == [rule.code for rule in RULES]
    portion = next(e for e in entries if e["slug"] == "portion-missing")
    assert portion == {"code": "MK301", "slug": "portion-missing", "severity": "error",
                       "summary": next(r.summary for r in RULES if r.code == "MK301"),
                       "fixable": portion["fixable"], "url": rule_url("portion-missing")}
    assert [e["fixable"] for e in entries] == [rule.fixable or None for rule in RULES]
    assert run("rules")[1].splitlines()[0].startswith(f"{RULES[0].code}  {RULES[0].slug}")


@pytest.mark.parametrize(("argv", "code", "out", "err"), [
    (["--select", "portion-mising", "draft.txt"], 2, "",
     "marklint: unknown rule 'portion-mising' in --select; did you mean 'portion-missing'?\n"),
    (["empty"], 2, "", "marklint: warning: no files to lint in empty\n"),
    (["--allow-empty", "empty"], 0, "", "marklint: warning: no files to lint in empty\n"),
    (["--show-files", "."], 0, "draft.txt (text)\n", ""),
    (["-q", "--output-format", "text", "--select", "MK301", "draft.txt"], 1, PORTION, ""),
])
def test_in_a_real_process(tree, argv, code, out, err):
    (tree / "empty").mkdir()
    proc = subprocess.run([sys.executable, "-m", "marklint", "--no-cache", *argv], cwd=tree,
                          capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stdout, proc.stderr) == (code, out, err)
