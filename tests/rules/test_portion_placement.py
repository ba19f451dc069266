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
