"""Malformed rule files and configurations through the command line: one line on stderr
naming the file and line, nothing on stdout, exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from marklint.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "rulesets"
DOC = "SECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n"


@pytest.mark.parametrize("name, message", [
    ("syntax-error.yaml", "4:8: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence on line 3)"),
    ("unknown-key.yaml", "4:3: unknown key in 'banners'; did you mean 'bottom'?"),
    ("wrong-type.yaml", "4:3: 'banners.every-page' must be true or false, not a string"),
    ("unknown-rule.yaml", "4:3: unknown rule name in 'rules'; did you mean 'cab-missing'?"),
    ("alias-bomb.yaml", "3:8: YAML aliases (*name) are not allowed"),
])
def test_malformed_rule_file_exits_2(tmp_path, capsys, name, message):
    doc = tmp_path / "draft.txt"
    doc.write_text(DOC)
    rules = FIXTURES / name
    assert main(["--no-cache", "--rules", str(rules), str(doc)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"marklint: {rules}:{message}\n"


def test_malformed_configuration_exits_2(tmp_path, capsys):
    (tmp_path / ".marklint.yaml").write_text("rules: us-cnsi\nrequire_banner: always\n")
    doc = tmp_path / "draft.txt"
    doc.write_text(DOC)
    assert main(["--no-cache", str(doc)]) == 2
    assert capsys.readouterr().err == (
        f"marklint: {doc}: {tmp_path / '.marklint.yaml'}:2:1: unknown key in the "
        "configuration; did you mean 'require-banner'?\n")
