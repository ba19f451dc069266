"""The README keeps its promises: the two commands come first, the CI runs the test command, and
the documentation's rule table is the one the registry generates."""

from pathlib import Path

from marklint.checks.registry import markdown_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_starts_with_the_two_commands():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert lines[:6] == [
        "# marklint",
        "",
        "```sh",
        "pip install . && marklint ../shared/seeds/000_2aaf33a82973c46b.txt",
        "pip install '.[test]' && python -m pytest -q tests",
        "```",
    ]


def test_ci_runs_the_readmes_test_command():
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q '.[test]' && python -m pytest -q tests" in ci


def test_rule_table_is_generated_from_the_registry():
    text = (README.parent / "docs" / "rules" / "index.md").read_text(encoding="utf-8")
    start = text.index("<!-- rules-table:start -->\n") + len("<!-- rules-table:start -->\n")
    end = text.index("<!-- rules-table:end -->")
    assert text[start:end] == markdown_table()
