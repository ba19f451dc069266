"""MK001 marking-syntax: exact findings on its documented examples and its fix."""

from rule_support import findings, fixed, found

from marklint.checks.rules.marking_syntax import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-syntax', 5, 7, 'no spaces around "//" (S-04)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n'


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET//NOFORN\n\n(S//NF) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\n   SECRET // NOFORN\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(9, 10, 14)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET//NOFORN\n\n(S//NF) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\n   SECRET//NOFORN\n', RULE.slug) == []
