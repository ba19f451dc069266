"""Every rule's own documentation: its `bad` example fires it, its `good` example does not."""

import pytest

from marklint.checks.registry import RULES, by_key, markdown_table, render_rule
from marklint.lint import Settings, lint_document
from marklint.readers import read_document

DOCUMENTED = [rule for rule in RULES if rule.bad]
BINARY_EXAMPLES = ("docx", "pdf")  # those rules' fixtures are built in tests/readers


def lint_example(text: str, fmt: str = "text", rules: str = ""):
    doc = read_document("example", text.encode("utf-8"), fmt)
    settings = Settings(use_config=False, rules=rules or None)
    return [f for f in lint_document(doc, settings).findings if f.suppression is None]


def test_every_rule_is_documented():
    missing = [rule.slug for rule in RULES
               if not (rule.why and (rule.example_format in BINARY_EXAMPLES or rule.bad and rule.good))]
    assert missing == []


@pytest.mark.parametrize("rule", DOCUMENTED, ids=[rule.slug for rule in DOCUMENTED])
def test_bad_example_fires(rule):
    assert rule.slug in {f.rule for f in lint_example(rule.bad, rule.example_format, rule.example_rules)}


@pytest.mark.parametrize("rule", DOCUMENTED, ids=[rule.slug for rule in DOCUMENTED])
def test_good_example_does_not_fire(rule):
    assert rule.slug not in {f.rule for f in lint_example(rule.good, rule.example_format, rule.example_rules)}


def test_by_key_finds_slugs_and_codes_case_insensitively():
    assert by_key("portion-missing").code == "MK301"
    assert by_key("mk301").slug == "portion-missing"
    assert by_key("nope") is None


def test_render_rule_layout():
    text = render_rule(by_key("banner-rollup"))
    assert text.startswith(
        "MK106 banner-rollup (default severity: error)\n"
        "a banner whose controls differ from the roll-up of its portions\nFix: unsafe\n\nWhy: B-06, R-02..R-07, U-05:"
    )
    assert "\nFails:\n    SECRET\n\n    (S//NF) The convoy leaves at dawn.\n\n    SECRET\n" in text
    assert "\nPasses:\n    SECRET//NOFORN\n" in text


def test_markdown_table_lists_every_rule():
    rows = markdown_table().splitlines()
    assert rows[:2] == ["| code | slug | severity | summary |", "|---|---|---|---|"]
    assert len(rows) == 2 + len(RULES)
    # each slug links to the rule's page of the documentation site (marklint.rule_docs)
    assert "| MK301 | [`portion-missing`](portion-missing.md) | error | a block that needs a portion mark has none |" in rows
