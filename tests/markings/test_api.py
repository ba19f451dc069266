"""The public API others code against: MarkingError, Marking properties, describe, check details."""

import datetime

import pytest

from marklint.markings import Marking, MarkingError, Problem, check, describe, parse


@pytest.mark.parametrize("text,rule,column,end_column,token,suggestion,message", [
    ("SECRET//NOFRON", "marking-unknown-token", 9, 15, "NOFRON", "NOFORN",
     'unknown dissemination control "NOFRON"; did you mean "NOFORN"?'),
    ("SECRET//REL TO USA, QQQ", "marking-unknown-token", 21, 24, "QQQ", None, 'unknown country code "QQQ"'),
    ("NATO SECERT", "marking-unknown-token", 1, 12, "NATO SECERT", "//NATO SECRET",
     'unknown classification "NATO SECERT"; did you mean "//NATO SECRET"?'),
    ("TOP SECERT//NOFORN", "marking-unknown-token", 1, 11, "TOP SECERT", "TOP SECRET",
     'unknown classification "TOP SECERT"; did you mean "TOP SECRET"?'),
    ("SECRET//NOFORN/ORCN", "marking-unknown-token", 16, 20, "ORCN", "ORCON",
     'unknown dissemination control "ORCN"; did you mean "ORCON"?'),
    ("SECRET//NOFORN//DELIBERATIVE", "marking-conflict", 17, 29, "DELIBERATIVE", None,
     '"DELIBERATIVE" is an administrative marking: it goes on a line of its own, never inside a banner or portion '
     'mark (U-12)'),
    ("SECRET//NOFORN)", "marking-syntax", 15, 16, None, None, "unexpected ')'"),
    ("(S", "marking-syntax", 2, 3, None, None, "incomplete marking (missing closing parenthesis or value)"),
    ("", "marking-syntax", 1, 2, None, None, "empty marking"),
    ("  SECRET\u2044NOFORN", "marking-syntax", 9, 10, None, None, "unexpected character '\u2044' (U+2044)"),
    ("SECRET//NOFORN\x07", "marking-syntax", 15, 16, None, None, "unexpected control character '\\x07' (U+0007)"),
    ("S" * 1001, "marking-syntax", 1, 2, None, None, "not a marking: longer than 1000 characters"),
])
def test_marking_error(text, rule, column, end_column, token, suggestion, message):
    with pytest.raises(MarkingError) as info:
        parse(text)
    e = info.value
    assert (e.rule, e.column, e.end_column, e.token, e.suggestion, e.message) == \
        (rule, column, end_column, token, suggestion, message)
    assert isinstance(e, ValueError)
    assert check(text) == [Problem(rule, column, end_column, message, suggestion)]


@pytest.mark.parametrize("text,level,rank,classified,classification,noforn,controls", [
    ("TOP SECRET//SI//NOFORN", "TS", 4, True, "TOP SECRET", True, True),
    ("(U)", "U", 0, False, "UNCLASSIFIED", False, False),
    ("(U//FOUO)", "U", 0, False, "UNCLASSIFIED", False, True),
    ("CUI//SP-PRVCY", "CUI", 0, False, "CUI", False, True),
    ("CUI", "CUI", 0, False, "CUI", False, False),
    ("(//GBR R)", "R", 1, True, "//GBR RESTRICTED", False, False),
    ("(//NS//ATOMAL)", "S", 3, True, "//NATO SECRET", False, True),
    ("//JOINT SECRET CAN GBR USA//REL TO USA, CAN, GBR", "S", 3, True, "//JOINT SECRET CAN GBR USA", False, True),
    ("(C//REL)", "C", 2, True, "CONFIDENTIAL", False, True),
])
def test_marking_properties(text, level, rank, classified, classification, noforn, controls):
    m = parse(text)
    assert (m.level, m.rank, m.is_classified, m.classification, m.noforn, m.has_controls) == \
        (level, rank, classified, classification, noforn, controls)


def test_only_confident_suggestions_become_replacements():
    [problem] = check("SECRET//REL TO USA, GBX")
    assert problem.message.startswith('unknown country code "GBX"; did you mean')
    assert problem.replacement is None
    with pytest.raises(MarkingError) as info:
        parse("SECRET//REL TO USA, GBX")
    assert info.value.suggestion is not None and not info.value.confident


def test_controls_and_legacy():
    m = parse("SECRET//HCS-P/SI//SAR-BP//RD-SIGMA 14//FGI GBR//NOFORN/WNINTEL//LES//OADR")
    assert m.controls() == frozenset({"HCS-P", "SI", "SAR-BP", "RD-SIGMA 14", "FGI GBR", "NOFORN", "WNINTEL",
                                      "LES", "OADR"})
    assert m.legacy == ("WNINTEL", "OADR")
    assert parse("SECRET//REL TO USA, GBR, FVEY").controls() == frozenset({"REL TO USA, GBR, FVEY"})


def test_marking_is_immutable_and_hashable():
    m = parse("(S//NF)")
    with pytest.raises(AttributeError):
        m.level = "TS"
    assert {m, parse("SECRET//NOFORN"), parse("SECRET//NOT RELEASABLE TO FOREIGN NATIONALS")} == {m}
    assert isinstance(m, Marking)
    assert str(m) == "SECRET//NOFORN"


def test_parse_tolerates_and_check_reports():
    written = "(secret // NOT RELEASABLE TO FOREIGN NATIONALS/orcon)"
    assert parse(written).portion() == "(S//OC/NF)"
    assert [(p.rule, p.column, p.end_column, p.replacement) for p in check(written)] == [
        ("marking-form", 2, 8, "S"),
        ("marking-syntax", 8, 12, "//"),
        ("marking-form", 12, 47, "NF"),
        ("marking-form", 48, 53, "OC"),
        ("marking-order", 48, 53, None),
    ]


def test_form_argument():
    assert parse("SECRET", form="banner") == parse("(S)", form="portion")
    assert check("(S)", form="banner")[0].message == "a banner is not written in parentheses"
    with pytest.raises(ValueError):
        parse("SECRET", form="sideways")
    assert check("SECRET", form="sideways") == []


def test_era():
    assert [p.rule for p in check("TOP SECRET//KDK//NOFORN")] == ["legacy-marking"]
    assert check("SECRET//NOCONTRACT", era=datetime.date(1990, 5, 1)) == []
    assert [p.rule for p in check("SECRET//NOCONTRACT", era=datetime.date(1995, 4, 12))] == ["legacy-marking"]
    assert check("TOP SECRET//SAR-BP/SAR-CA//NOFORN", era=datetime.date(2011, 1, 1)) == []


def test_describe_rows():
    assert describe(parse("(//DEU GBR S//REL TO USA, DEU, GBR)")) == [
        ("portion", "(//DEU GBR S//REL TO USA, DEU, GBR)"),
        ("banner", "//DEU GBR SECRET//REL TO USA, DEU, GBR"),
        ("level", "DEU GBR SECRET"),
        ("owners", "DEU GBR"),
        ("dissem", "REL TO USA, DEU, GBR"),
    ]
    assert describe(parse("CUI//SP-CTI//FEDCON/NOFORN"))[-1] == ("LDC", "FEDCON/NOFORN")
    assert ("FGI", "(source concealed)") in describe(parse("SECRET//FGI//NOFORN"))


@pytest.mark.parametrize("value", [None, b"SECRET", ["SECRET"], 3])
def test_non_strings(value):
    with pytest.raises(MarkingError, match="a marking must be a string"):
        parse(value)
    assert check(value) == [Problem("marking-syntax", 1, 2, "a marking must be a string")]


def test_and_in_lists():
    assert parse("SECRET//REL TO USA, AND, GBR").rel_to == ("AND", "GBR")  # Andorra
    assert check("SECRET//REL TO USA, AND, GBR") == []
    old = parse("SECRET//REL TO USA, AUS and GBR")
    assert old.rel_to == ("AUS", "GBR")
    assert check("SECRET//REL TO USA, AUS and GBR", era=datetime.date(2004, 1, 1)) == []
    [problem] = check("SECRET//REL TO USA, AUS and GBR")
    assert (problem.rule, problem.column, problem.end_column) == ("marking-syntax", 25, 28)


@pytest.mark.parametrize("text,message,portion", [
    ("(NATO-S)", '"NATO-S" is the older foreign marking style; use "(//NS)" (L-08)', "(//NS)"),
    ("(NATO-TS)", '"NATO-TS" is the older foreign marking style; use "(//CTS)" (L-08)', "(//CTS)"),
    ("(UK-C)", '"UK-C" is the older foreign marking style; use "(//GBR C)" (L-08)', "(//GBR C)"),
    ("(DEU-S)", '"DEU-S" is the older foreign marking style; use "(//DEU S)" (L-08)', "(//DEU S)"),
    ("(FGI-C)", '"FGI-C" is the older foreign marking style; use "(//FGI C)" (L-08)', "(//FGI C)"),
])
def test_older_dashed_foreign_portions_are_legacy(text, message, portion):
    """L-08: the pre-CAPCO owner-dash-level style is read as the current foreign marking."""
    [problem] = check(text)
    assert (problem.rule, problem.column, problem.message) == ("legacy-marking", 2, message)
    assert parse(text).portion() == portion


def test_a_dash_after_an_unknown_owner_is_no_legacy_form():
    [problem] = check("(XYZ-S)")
    assert problem.rule == "marking-unknown-token"
