"""MK003 marking-order: exact findings on its documented examples and its fix."""

from rule_support import findings, fixed, found

from marklint.checks.rules.marking_order import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-order', 1, 16, '"ORCON" goes before "NOFORN" (register order, S-07)'),
        ('marking-order', 5, 16, '"ORCON" goes before "NOFORN" (register order, S-07)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET//ORCON/NOFORN\n\n(S//OC/NF) The convoy leaves at dawn.\n\nSECRET//ORCON/NOFORN\n'


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET//ORCON/NOFORN\n\nSUBJECT: (S//NF/OC) Convoy\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//ORCON/NOFORN\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(3, 17, 19)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET//ORCON/NOFORN\n\nSUBJECT: (S//OC/NF) Convoy\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//ORCON/NOFORN\n', RULE.slug) == []
