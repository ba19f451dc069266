"""The user's example: a 1984 two-page letter bannered SECRET top and bottom."""

import os

from marklint.lint import Settings, lint_path
from cli_support import run_cli

SEED = os.path.join(os.path.dirname(__file__), "fixtures", "seed_letter.txt")


def run(*argv):
    return run_cli(argv)


def test_seed_has_no_final_newline():
    with open(SEED, "rb") as handle:
        assert not handle.read().endswith(b"\n")


def test_default_rule_set_finds_five_unmarked_paragraphs_and_no_authority_block():
    result = lint_path(SEED, Settings())
    assert result.error is None
    assert result.pages == 2
    assert result.ruleset == "us-cnsi"
    found = [(f.rule, f.line, f.column, f.page) for f in result.findings]
    assert found == [
        ("cab-missing", 3, 1, 1),
        ("portion-missing", 9, 1, 1),
        ("portion-missing", 11, 1, 1),
        ("portion-missing", 13, 1, 1),
        ("portion-missing", 15, 1, 1),
        ("portion-missing", 21, 1, 2),
    ]


def test_cli_text_output_and_exit_code():
    code, out, err = run(SEED)
    assert code == 1
    assert err == ""
    lines = out.splitlines()
    path = os.path.relpath(SEED).replace(os.sep, "/")
    assert f"{path}:9:1: MK301 [portion-missing] paragraph has no portion mark" in lines
    assert f"{path}:21:1: MK301 [portion-missing] paragraph has no portion mark" in lines
    assert lines[-1] == f"{path}: 2 pages, 6 errors, 0 warnings (rule set us-cnsi)"


def test_legacy_rule_set_has_no_error():
    code, out, _ = run("--rules", "us-eo12356", SEED)
    assert code == 0
    assert out.splitlines()[-1].endswith(": 2 pages, 0 errors, 6 warnings (rule set us-eo12356)")


def test_auto_rule_set_chooses_eo12356_by_the_letters_date():
    code, out, _ = run("--rules", "auto", SEED)
    assert code == 0
    lines = out.splitlines()
    assert any(line.endswith("note: --rules auto chose us-eo12356 (document dated 1984-11-22, date line at line 5)")
               for line in lines)
    assert lines[-1].endswith("(rule set us-eo12356)")
