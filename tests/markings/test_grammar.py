"""grammar/marking.lark: which rule reads each value, and which strings it refuses where."""

import logging
import re
from pathlib import Path

import lark
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marklint.markings import MarkingError, check, parse
from marklint.markings import structure
from marklint.markings.structure import parse_tree

# The structure every marking has, whatever its words (S-04, S-05): optional parentheses around
# values separated by "//" or "/", words inside a value joined by blanks, "-" or ",".
_WORD = r"[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*"
_VALUE = rf"{_WORD}(?:(?:[ \t]*[-,][ \t]*|[ \t]+){_WORD})*"
_CAT, _VAL = r"[ \t]*//+[ \t]*", r"[ \t]*/[ \t]*"
_BODY = rf"(?:{_CAT})?{_VALUE}(?:(?:{_CAT}|{_VAL}){_VALUE})*(?:{_CAT})?"
STRUCTURE = re.compile(rf"\({_BODY}\)|{_BODY}")


def kinds(text: str) -> list[str]:
    """The rule that read each value of `text`, in order."""
    tree, _offset = parse_tree(text)
    return [t.data for t in tree.iter_subtrees_topdown()
            if t.data not in ("portion", "banner", "categories", "first_category", "category")]


@pytest.mark.parametrize("text, expected", [
    ("TOP SECRET//SI-G ABCD/TK//NOFORN", ["classification", "by_vocabulary", "by_vocabulary", "by_vocabulary"]),
    ("(S//REL)", ["classification", "list_shorthand"]),
    ("(S//EYES)", ["classification", "list_shorthand"]),
    ("SECRET//REL TO USA, AUSTRALIA_GROUP", ["classification", "rel_to"]),
    ("SECRET//RELEASABLE TO USA, GBR", ["classification", "rel_to"]),
    ("SECRET//DISPLAY ONLY AFG, IRQ", ["classification", "display_only"]),
    ("SECRET//FGI DEU GBR", ["classification", "fgi"]),
    ("SECRET//FGI", ["classification", "fgi"]),
    ("SECRET//FOREIGN GOVERNMENT INFORMATION GBR", ["classification", "fgi"]),
    ("TOP SECRET//SAR-BP-J12 K13", ["classification", "sap"]),
    ("SECRET//RD-CNWDI", ["classification", "aea"]),
    ("SECRET//FRD-SIGMA 14 18", ["classification", "aea"]),
    ("SECRET//ACCM-NAME", ["classification", "accm"]),
    ("CUI//SP-PRVCY/LEI", ["classification", "cui_specified", "by_vocabulary"]),
    ("SECRET//25X1-HUMAN", ["classification", "declassification"]),
    ("SECRET//OADR", ["classification", "declassification"]),
    ("//GBR S//REL TO USA, GBR", ["classification", "rel_to"]),
    ("//JOINT S USA GBR", ["classification"]),
    # a keyword word that does not open its rule is plain words
    ("SECRET//SARX-1", ["classification", "by_vocabulary"]),
    ("SECRET//REL TO", ["classification", "by_vocabulary"]),
    ("SECRET//FGI, GBR", ["classification", "by_vocabulary"]),
    ("SECRET//25X1X", ["classification", "by_vocabulary"]),
    # the classification is never a control rule, whatever its words
    ("REL TO USA", ["classification"]),
])
def test_each_value_is_read_by_its_rule(text, expected):
    assert kinds(text) == expected


def test_keywords_are_read_in_any_case_and_spacing():
    assert kinds("secret//rel  to usa, gbr//sar - bp") == ["classification", "rel_to", "sap"]
    assert parse("secret//rel  to usa, gbr").rel_to == ("GBR",)


def test_an_unknown_word_is_read_into_its_place_with_a_suggestion():
    with pytest.raises(MarkingError) as err:
        parse("SECRET//REL TO USA, GBX")
    assert (err.value.rule, err.value.column, err.value.suggestion) == ("marking-unknown-token", 21, "GBR")
    with pytest.raises(MarkingError) as err:
        parse("SECRET//SAR-BP//RD-CNWDX")
    assert (err.value.rule, err.value.token, err.value.suggestion) == ("marking-unknown-token", "CNWDX", "CNWDI")
    with pytest.raises(MarkingError) as err:
        parse("TOP SECRET//SI-G/TK//NOFRN")
    assert (err.value.rule, err.value.column, err.value.end_column, err.value.suggestion) == \
        ("marking-unknown-token", 22, 27, "NOFORN")


@pytest.mark.parametrize("text, column, end, message", [
    ("(S)SECRET NOFORN", 4, 17, "unexpected 'SECRET NOFORN'"),
    ("(S//REL)X", 9, 10, "unexpected 'X'"),
    ("( -X)", 2, 3, "a portion mark has no blanks inside its parentheses (P-02)"),
    ("SECRET//REL TO , , USA", 15, 16, "unexpected character ' ' (U+0020)"),
    ("SECRET/ /NOFORN", 9, 10, "unexpected '/'"),
    ("(SECRET//NOFORN", 15, 16, "incomplete marking (missing closing parenthesis or value)"),
])
def test_a_refused_string_is_reported_where_the_grammar_stops(text, column, end, message):
    [problem] = check(text)
    assert (problem.rule, problem.column, problem.end_column, problem.message) == ("marking-syntax", column, end, message)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="(/)SRELTOAFGIDP NF-,X1_\t", max_size=30))
def test_the_keywords_leave_the_structure_of_a_marking_unchanged(text):
    stripped = text.strip()
    try:
        parse_tree(text)
        accepted = True
    except MarkingError:
        accepted = False
    assert accepted == (STRUCTURE.fullmatch(stripped) is not None)


def _conflicts(grammar: str, caplog: pytest.LogCaptureFixture) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="lark"):
        lark.Lark(grammar, parser="lalr", debug=True)
    return [r.getMessage() for r in caplog.records if "conflict" in r.getMessage()]


def test_the_grammar_has_no_conflicts(caplog):
    # lark resolves a shift/reduce conflict silently (as a shift) and logs it only in debug mode
    assert _conflicts('start: a "y"?\na: "x" "y"?', caplog)  # the probe sees one
    grammar = (Path(structure.__file__).parent.parent / "grammar" / "marking.lark").read_text(encoding="utf-8")
    assert _conflicts(grammar, caplog) == []
