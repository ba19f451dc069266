"""The us-dod rule set (marking-rules.md A4, K-08, K-10; ISM22 DES 2.4.1.9.2): SAP markings in
the DoD rendering, SAR-MULTIPLE PROGRAMS for three or more programs, and WAIVED."""

import pytest

from marklint.lint import Settings, lint_document
from marklint.markings import check, load_vocabulary, parse
from marklint.readers import read_document

DOD, IC = load_vocabulary(("default", "dod")), load_vocabulary(("default",))


@pytest.mark.parametrize("text,dod,ic", [
    # K-08: repeating "SAR-" is the DoD form; in the IC profile it is the pre-December 2011 form
    ("SECRET//SAR-BP/SAR-CA//NOFORN", set(), {"legacy-marking"}),
    ("SECRET//SAR-BP/CA//NOFORN", set(), set()),  # the IC form is still read (UNSURE for DoD)
    # K-10: SAR-MULTIPLE PROGRAMS is a DoD banner
    ("SECRET//SAR-MULTIPLE PROGRAMS", set(), {"marking-unknown-token"}),
    # ISM-ID-00535: WAIVED only under DoD rules, with a SAP level (K-09)
    # (the IC profile names the rule set WAIVED belongs to)
    ("SECRET//SAR-BP//WAIVED", set(), {"marking-unknown-token"}),
    ("UNCLASSIFIED//WAIVED", {"marking-conflict"}, {"marking-unknown-token"}),
])
def test_single_markings(text, dod, ic):
    assert {p.rule for p in check(text, vocab=DOD)} == dod
    assert {p.rule for p in check(text, vocab=IC)} == ic


def test_a_dod_banner_with_three_programs_names_none():
    assert [(p.rule, p.column, p.end_column, p.message, p.replacement)
            for p in check("SECRET//SAR-AA/SAR-BB/SAR-CC//NOFORN", vocab=DOD)] == [
        ("marking-form", 9, 29, 'under DoD rules a banner with 3 or more programs reads "SAR-MULTIPLE PROGRAMS" (K-10)',
         "SAR-MULTIPLE PROGRAMS")]
    assert check("(S//SAR-AA/SAR-BB/SAR-CC)", vocab=DOD) == []  # a portion lists its programs
    assert parse("(S//SAR-AA/SAR-BB/SAR-CC)", vocab=DOD).banner() == "SECRET//SAR-MULTIPLE PROGRAMS"
    assert check("SECRET//SAR-AA/BB/CC", vocab=IC) == []


def test_waived_under_ic_rules_names_the_dod_rule_set():
    (problem,) = check("SECRET//SAR-BP//WAIVED", vocab=IC)
    assert (problem.rule, problem.column, problem.end_column) == ("marking-unknown-token", 17, 23)
    assert problem.message.startswith('"WAIVED" is a waived DoD special access program marking') and \
        "--rules us-dod" in problem.message


def test_dod_rendering_and_dashes_in_names():
    assert parse("(S//SAR-BP/CA)", vocab=DOD).banner() == "SECRET//SAR-BP/SAR-CA"
    assert parse("(S//SAR-BP/CA)", vocab=IC).banner() == "SECRET//SAR-BP/CA"
    # a dash in a DoD SAP name is part of the name, not a compartment (K-10)
    assert parse("(S//SAR-ABC-DEF)", vocab=DOD).sap == (("ABC-DEF", ()),)
    assert parse("(S//SAR-ABC-DEF)", vocab=IC).sap == (("ABC", (("DEF", ()),)),)


def lint(banner: str, portions: list[str], rules: str) -> list[tuple]:
    body = "\n\n".join(f"{mark} Paragraph {n}." for n, mark in enumerate(portions, 1))
    text = (f"{banner}\n\nMarch 3, 2025\n\n{body}\n\nClassified By: J. Smith, Director\n"
            f"Derived From: Multiple Sources\nDeclassify On: 20450303\n\n{banner}\n")
    result = lint_document(read_document("memo.txt", text.encode()), Settings(rules=rules, use_config=False))
    return [(f.line, f.column, f.rule) for f in result.findings]


THREE = ["(S//SAR-AA)", "(S//SAR-BB)", "(S//SAR-CC)"]


def test_three_programs_roll_up_to_multiple_programs():
    assert lint("SECRET//SAR-MULTIPLE PROGRAMS", THREE, "us-dod") == []
    # the banner that names three programs is one marking-form problem (K-10), top and bottom,
    # not also a roll-up difference
    assert lint("SECRET//SAR-AA/SAR-BB/SAR-CC", THREE, "us-dod") == [(1, 9, "marking-form"), (15, 9, "marking-form")]
    assert lint("SECRET//SAR-AA/SAR-BB", THREE, "us-dod") == [(1, 1, "banner-rollup")]
    assert lint("SECRET//SAR-AA/SAR-BB", THREE[:2], "us-dod") == []
    # the IC profile lists the programs, with "SAR-" once
    assert lint("SECRET//SAR-AA/BB/CC", THREE, "us-cnsi") == []
