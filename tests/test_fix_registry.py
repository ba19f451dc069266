"""The registry's `fixable` field matches what fix mode does: fixing each fixable rule's own
`bad` example fixes a finding of that rule, safe rules without --unsafe-fixes."""

import pytest

from marklint.checks.registry import RULES, render_rule
from marklint.fix import fix_path
from marklint.lint import Settings

FIXABLE = [rule for rule in RULES if rule.fixable]


def test_fixable_rules():
    assert {rule.slug: rule.fixable.split()[0] for rule in FIXABLE} == {
        "marking-syntax": "safe", "marking-unknown-token": "safe", "marking-order": "safe",
        "marking-form": "safe", "marking-duplicate": "safe", "banner-missing-top": "safe",
        "banner-missing-bottom": "safe", "banner-under-classified": "unsafe",
        "banner-rollup": "unsafe", "cab-missing": "unsafe",
    }


@pytest.mark.parametrize("rule", FIXABLE, ids=[rule.slug for rule in FIXABLE])
def test_bad_example_gets_fixed(tmp_path, rule):
    path = tmp_path / "bad.txt"
    path.write_text(rule.bad)
    done = fix_path(str(path), Settings(use_config=False), unsafe=rule.fixable != "safe")
    assert rule.slug in {f.rule for f in done.fixed}
    assert rule.slug not in {f.rule for f in done.result.findings}


def test_rule_command_shows_the_fix():
    rule = next(rule for rule in RULES if rule.slug == "marking-order")
    assert "\nFix: safe\n" in render_rule(rule)
