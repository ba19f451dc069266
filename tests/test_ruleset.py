"""Rule sets: shipped sets, extends/merging, generic rules, and one exact error per malformed file."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from marklint.checks.registry import RULES
from marklint.document import BlockKind
from marklint.findings import Severity
from marklint.lint import exemption_test
from marklint.ruleset import (
    RuleSetError,
    load_ruleset,
    select_ruleset_for_date,
    shipped_rulesets,
)

FIXTURES = Path(__file__).parent / "fixtures" / "rulesets"


def error_of(path: Path | str) -> str:
    with pytest.raises(RuleSetError) as info:
        load_ruleset(str(path))
    return str(info.value)


def test_shipped_rule_sets_all_load():
    assert shipped_rulesets() == ["au", "banners-only", "ca", "cui", "nato", "nz", "uk", "us-cnsi", "us-dod",
                                  "us-eo10290", "us-eo10501", "us-eo11652", "us-eo12065", "us-eo12356", "us-eo12958", "us-ic"]
    for name in shipped_rulesets():
        assert load_ruleset(name).name == name


def test_us_cnsi_is_the_strict_default():
    rs = load_ruleset("us-cnsi")
    assert rs.vocabulary == ("default",)
    assert rs.date_range.start == date(2010, 6, 25) and rs.date_range.end is None
    assert (rs.banners.top, rs.banners.bottom, rs.banners.page_banner) == (True, True, "overall-or-page")
    assert rs.portions.required == "classified"
    assert BlockKind.SUBJECT in rs.portions.blocks and BlockKind.LINE not in rs.portions.blocks
    assert rs.authority.original == ("classified-by", "reason", "declassify-on")
    assert rs.authority.derivative == ("classified-by", "derived-from", "declassify-on")
    assert rs.severity("cab-reason-invalid") is Severity.ERROR
    assert rs.severity("banner-over-classified") is Severity.WARNING


@pytest.mark.parametrize("line, name", [
    ("November 22, 1984", "date-line"),
    ("Dear Margaret:", "salutation"),
    ("Sincerely,", "closing"),
    ("/S/", "signature"),
    ("Page 2 of 5", "page-number"),
    ("- 3 -", "page-number"),
    ("MEMORANDUM FOR THE RECORD", "memo-header"),
    ("FROM: Director", "memo-header"),
    ("Cc: J. Smith", "email-header"),
    ("DISTRIBUTION:", "distribution"),
    ("March 2012", "date-line"),
    ("Respectfully submitted,", "closing"),
    ("Very truly yours,", "closing"),
    ("Washington, D.C. 20520", "address"),
    ("Springfield, VA 22150", "address"),
    ("1600 Pennsylvania Avenue NW", "address"),
    ("THE WHITE HOUSE", "letterhead"),
    ("DEPARTMENT OF STATE", "letterhead"),
])
def test_exempt_administrative_elements(line, name):
    assert exemption_test(load_ruleset("us-cnsi"))(line) == name


@pytest.mark.parametrize("line", [
    "SUBJECT: (U) Weekly report",
    "Subject: Weekly report",
    "As you know, we have sought to bring greater stability.",
    "The date of November 22, 1984 was chosen for the statement.",
    "Dear reader, this paragraph is prose, not a salutation.",
])
def test_portions_are_not_exempt(line):
    assert exemption_test(load_ruleset("us-cnsi"))(line) is None


def test_eo12356_is_lenient_about_portions_and_the_authority_block():
    rs = load_ruleset("us-eo12356")
    assert rs.parents == ("us-cnsi",)
    # EO 12356 sec. 6.3: effective 1 August 1982 (it was signed on 2 April); EO 12065 rules before
    assert rs.date_range.start == date(1982, 8, 1) and rs.date_range.end == date(1995, 10, 13)
    assert (rs.banners.top, rs.banners.bottom) == (True, True)
    assert rs.severity("portion-missing") is Severity.WARNING
    assert rs.severity("cab-missing") is Severity.WARNING
    assert rs.severity("cab-reason-invalid") is None
    assert rs.severity("banner-missing-bottom") is Severity.ERROR
    # OADR is valid here; X1-X8 came with EO 12958 in 1995 (kept, with the date it came in)
    assert [r.name for r in rs.authority.retired] == ["manual-review", "x1-x8", "treaty"]
    assert rs.authority.retired[1].valid_from == date(1995, 10, 14)
    assert rs.authority.numeric_dates == "any"
    # inherited unchanged from us-cnsi
    assert exemption_test(rs)("Sincerely,") == "closing"


def test_cui_banner_top_only_on_pure_cui_and_portions_all_or_none():
    rs = load_ruleset("cui")
    # bottom banners as B-01 asks, but a pure CUI document needs none (U-01: cui.bottom-banner off)
    assert (rs.banners.top, rs.banners.bottom, rs.banners.page_banner) == (True, True, "overall")
    assert rs.cui.bottom_banner is False
    assert rs.portions.required == "all-or-none"
    assert rs.cui.designation_required is True
    assert [p.name for p in rs.cui.designation_patterns] == [
        "controlled-by", "cui-category", "poc", "designation-title", "designating-agency"]
    assert rs.date_range is None


@pytest.mark.parametrize("day, name", [
    (date(1951, 9, 24), "us-eo10290"),
    (date(1953, 12, 14), "us-eo10290"),
    (date(1953, 12, 15), "us-eo10501"),
    (date(1961, 9, 20), "us-eo10501"),
    (date(1972, 5, 31), "us-eo10501"),
    (date(1972, 6, 1), "us-eo11652"),
    (date(1978, 11, 30), "us-eo11652"),
    (date(1978, 12, 1), "us-eo12065"),
    (date(1982, 4, 2), "us-eo12065"),
    (date(1982, 7, 31), "us-eo12065"),
    (date(1982, 8, 1), "us-eo12356"),
    (date(1984, 11, 22), "us-eo12356"),
    (date(1995, 10, 13), "us-eo12356"),
    (date(1995, 10, 14), "us-eo12958"),
    (date(2010, 6, 24), "us-eo12958"),
    (date(2010, 6, 25), "us-cnsi"),
    (date(2024, 11, 22), "us-cnsi"),
])
def test_select_ruleset_for_date(day, name):
    assert select_ruleset_for_date(day).name == name


def test_no_rule_set_before_eo10290():
    assert select_ruleset_for_date(date(1951, 9, 23)) is None


def test_office_rule_set_extends_and_merges():
    rs = load_ruleset(str(FIXTURES / "office.yaml"))
    assert rs.name == "office" and rs.parents == ("us-cnsi",)
    assert rs.date_range is None  # date ranges are not inherited
    assert rs.banners.bottom is False and rs.banners.top is True
    names = [p.name for p in rs.portions.exempt]
    assert "letterhead" not in names and names[-1] == "routing" and "closing" in names
    assert rs.severity("banner-over-classified") is None
    assert rs.severity("cab-incomplete") is Severity.WARNING  # given by code MK402
    assert rs.severity("no-draft") is Severity.INFO
    assert rs.severity("poc-line") is Severity.WARNING
    draft, poc = rs.generic
    assert (draft.id, draft.code, draft.type, draft.scope) == (
        "no-draft", "OFC001", "forbidden-token", frozenset({"banners", "text"}))
    assert (poc.when.contains, poc.when.min_level) == (("NOFORN",), "SECRET")


def test_unknown_shipped_name_suggests_the_closest():
    assert error_of("us-cns") == (
        "unknown rule set 'us-cns'; did you mean 'us-cnsi'? "
        "(shipped: au, banners-only, ca, cui, nato, nz, uk, us-cnsi, us-dod, us-eo10290, us-eo10501, us-eo11652, "
        "us-eo12065, us-eo12356, us-eo12958, us-ic; or give a path to a .yaml file)"
    )


# One test per malformed case, each asserting the exact message with file and line.

def test_yaml_syntax_error():
    path = FIXTURES / "syntax-error.yaml"
    assert error_of(path) == (
        f"{path}:4:8: YAML syntax error: did not find expected ',' or ']' "
        "(while parsing a flow sequence on line 3)"
    )


def test_unknown_key():
    path = FIXTURES / "unknown-key.yaml"
    assert error_of(path) == f"{path}:4:3: unknown key in 'banners'; did you mean 'bottom'?"


def test_wrong_type():
    path = FIXTURES / "wrong-type.yaml"
    assert error_of(path) == f"{path}:4:3: 'banners.every-page' must be true or false, not a string"


def test_unknown_rule_name():
    path = FIXTURES / "unknown-rule.yaml"
    assert error_of(path) == f"{path}:4:3: unknown rule name in 'rules'; did you mean 'cab-missing'?"


def test_extends_cycle():
    a, b = FIXTURES / "cycle-a.yaml", FIXTURES / "cycle-b.yaml"
    assert error_of(a) == f"{b}:2:1: 'extends' cycle: cycle-a.yaml -> cycle-b.yaml -> cycle-a.yaml"


def test_missing_parent():
    path = FIXTURES / "missing-parent.yaml"
    assert error_of(path) == (
        f"{path}:3:1: 'extends': no such rule set file (a path is relative to the rule file)"
    )


def test_alias_bomb_is_refused():
    path = FIXTURES / "alias-bomb.yaml"
    assert error_of(path) == f"{path}:3:8: YAML aliases (*name) are not allowed"


def test_deep_nesting_is_refused(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("name: deep\nrules:\n" + "".join("  " * n + f"k{n}:\n" for n in range(1, 30)) + "  " * 30 + "x: 1\n")
    assert error_of(path) == f"{path}:21:39: YAML nested deeper than 20 levels"


def test_patterns_that_backtrack_catastrophically_on_re_load_and_run_on_re2():
    """The fixture's `runaway` pattern, `^(\\w+\\s?)+:$`, was refused by a home-made screen;
    on RE2 it is harmless and loads."""
    ruleset = load_ruleset(str(FIXTURES / "dangerous-regex.yaml"))
    runaway = {p.name: p for p in ruleset.portions.exempt}["runaway"]
    assert runaway.regex.search("word " * 30 + "!") is None
    assert runaway.regex.search("Distribution list:") is not None


def test_invalid_regex_names_the_line(tmp_path):
    path = tmp_path / "bad-regex.yaml"
    path.write_text("page-break-patterns:\n  - '^Page \\d+'\n  - '(unclosed'\n")
    assert error_of(path) == (
        f"{path}:3:5: 'page-break-patterns': invalid regular expression (missing ))"
    )


def test_generic_rule_may_not_reuse_a_registered_slug(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(
        "generic:\n"
        "  - id: portion-missing\n    code: X1\n    type: forbidden-token\n"
        "    pattern: DRAFT\n    message: no\n"
    )
    assert error_of(path) == f"{path}:2:5: a 'generic' rule reuses the id or code of another rule"


def test_generic_rule_type_suggestion(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(
        "generic:\n"
        "  - id: no-draft\n    code: X1\n    type: forbidden-tokens\n"
        "    pattern: DRAFT\n    message: no\n"
    )
    assert error_of(path) == (
        f"{path}:4:5: 'generic.type' must be one of forbidden-token, required-line; "
        "did you mean 'forbidden-token'?"
    )


def test_rules_section_accepts_every_registered_slug_and_code(tmp_path):
    path = tmp_path / "all.yaml"
    lines = [f"  {rule.slug}: info" for rule in RULES[:3]] + [f"  {rule.code}: off" for rule in RULES[3:6]]
    path.write_text("rules:\n" + "\n".join(lines) + "\n")
    rs = load_ruleset(str(path))
    assert [rs.severity(r.slug) for r in RULES[:6]] == [Severity.INFO] * 3 + [None] * 3


def test_empty_file_is_the_defaults(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("")
    rs = load_ruleset(str(path))
    assert rs.name == "empty" and rs.portions.exempt == () and rs.generic == ()


def test_a_top_level_list_is_refused(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n")
    assert error_of(path) == f"{path}:1: a rule set must be a mapping of keys, not a list"


def test_retired_values_carry_dates_and_replacements():
    retired = {r.name: r for r in load_ruleset("us-cnsi").authority.retired}
    assert retired["oadr"].valid_until == date(1995, 10, 14)
    assert retired["x1-x8"].valid_until == date(2003, 9, 21)
    assert retired["treaty"].valid_until is None
    assert retired["25x1-human"].replacement == "50X1-HUM"
    assert retired["oadr"].regex.search("Originating Agency's Determination Required")


def test_unknown_vocabulary(tmp_path):
    path = tmp_path / "v.yaml"
    path.write_text("name: v\nvocabulary: [defualt]\n")
    assert error_of(path) == f"{path}:2:1: unknown vocabulary name; did you mean 'default'?"


def test_vocabulary_path_is_resolved_against_the_rule_file(tmp_path):
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "office.yaml").write_text("include: [default]\n")
    path = tmp_path / "v.yaml"
    path.write_text("vocabulary: [default, vocab/office.yaml]\n")
    assert load_ruleset(str(path)).vocabulary == ("default", str(tmp_path / "vocab" / "office.yaml"))
    missing = tmp_path / "w.yaml"
    missing.write_text("vocabulary: [vocab/none.yaml]\n")
    assert error_of(missing) == (
        f"{missing}:1:1: vocabulary file not found (a path is relative to the rule file)")


def test_rollup_options(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("rollup:\n  tetragraph-expansion: eyes-only\n")
    options = load_ruleset(str(path)).rollup_options()
    assert (options.tetragraph_expansion, options.caveated_unclassified) == ("eyes-only", "noforn")
    bad_key = tmp_path / "k.yaml"
    bad_key.write_text("rollup:\n  tetragraph: eyes-only\n")
    assert error_of(bad_key) == (
        f"{bad_key}:2:3: unknown key in 'rollup'; did you mean 'tetragraph-expansion'?")
    bad_value = tmp_path / "b.yaml"
    bad_value.write_text("rollup:\n  restricted-level: U\n")
    assert error_of(bad_value) == f"{bad_value}:2:3: 'rollup.restricted-level': restricted_level must be C, S or TS"


def test_control_character_and_impossible_date_name_their_line(tmp_path):
    control = tmp_path / "c.yaml"
    control.write_text("name: c\ndescription: bell \x07\n")
    assert error_of(control) == f"{control}:2:19: YAML error: a control character is not allowed"
    impossible = tmp_path / "d.yaml"
    impossible.write_text("date-range:\n  from: 2010-13-45\n")
    assert error_of(impossible) == f"{impossible}:2:9: invalid date value"


def test_date_range_checks(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("date-range:\n  from: 2001-01-01 10:00:00\n  to: 2002-01-01\n")
    assert load_ruleset(str(path)).date_range.contains(date(2001, 1, 1))
    reversed_range = tmp_path / "r.yaml"
    reversed_range.write_text("date-range:\n  from: 2002-01-01\n  to: 2001-01-01\n")
    assert error_of(reversed_range) == f"{reversed_range}:3:3: 'date-range.to' is before 'date-range.from'"
    text = tmp_path / "t.yaml"
    text.write_text("date-range:\n  from: June 2001\n")
    assert error_of(text) == f"{text}:2:3: 'date-range.from' must be a date YYYY-MM-DD, not a string"


def test_rules_section_names_generic_rules_by_id_or_code(tmp_path):
    child = tmp_path / "child.yaml"
    child.write_text(f"extends: {FIXTURES / 'office.yaml'}\nrules:\n  OFC002: {{}}\n  no-draft: off\n")
    rs = load_ruleset(str(child))
    assert rs.severity("poc-line") is Severity.WARNING  # the generic rule's own severity is the default
    assert rs.severity("no-draft") is None


def test_rule_settings_take_no_options(tmp_path):
    """No rule reads per-rule options (its settings are the rule set's sections), so the key is refused."""
    child = tmp_path / "child.yaml"
    child.write_text("rules:\n  MK402: {severity: warning, options: {}}\n")
    with pytest.raises(RuleSetError) as info:
        load_ruleset(str(child))
    assert str(info.value) == f"{child}:2:30: unknown key in 'rules.MK402'; expected one of severity"


def test_portions_titles(tmp_path):
    """`portions.titles` (A-10): the nz set does not mark titles; the others inherit true."""
    assert (load_ruleset("nz").portions.titles, load_ruleset("us-cnsi").portions.titles) == (False, True)
    child = tmp_path / "child.yaml"
    child.write_text("extends: us-cnsi\nportions:\n  titles: sometimes\n")
    assert error_of(child).startswith(f"{child}:3:")
    assert "'portions.titles'" in error_of(child)
