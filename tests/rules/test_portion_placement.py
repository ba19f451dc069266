"""MK302 portion-placement: exact findings on its documented examples."""

from rule_support import findings, found

from marklint.checks.rules.portion_placement import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('portion-placement', 5, 27, 'portion mark (U) is at the end of its paragraph; put it at the start'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET\n\n(S) Text.\n\nMore text (U).\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(5, 11, 14)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET\n\n(S) Text.\n\n(U) More text (see Annex C).\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n', RULE.slug) == []


def test_a_legacy_mark_at_the_end_is_one_finding():
    """A mark in its era's own form (`(S/NF)` in 1978) moved to the end of its paragraph is read as
    at a paragraph's start is: one portion-placement, no syntax finding on its single slash."""
    text = ("SECRET NOFORN\n\n1 June 1978\n\n(S/NF) The convoy leaves at dawn.\n\nThe escort joins at noon. (S/NF)\n\n"
            "Classified by: J. Smith, Director\nXGDS 2\n\nSECRET NOFORN\n")
    assert [(f.rule, f.line, f.column) for f in findings(text, "portion-placement", rules="us-eo11652")] == [
        ("portion-placement", 7, 27)]
    assert findings(text, "marking-syntax", rules="us-eo11652") == []
