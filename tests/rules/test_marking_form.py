"""MK004 marking-form: exact findings on its documented examples and its fix."""

from rule_support import findings, fixed, found

from marklint.checks.rules.marking_form import RULE

CAB = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-form', 3, 5, 'a portion mark uses "NF", not "NOFORN" (S-09)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n'


def test_portion_marks_in_lower_case_are_one_finding_each_and_fixed():
    text = ("SECRET\n\n(s) The convoy leaves at dawn.\n\n(S//nf) The escort joins at noon.\n\n" + CAB
            + "\nSECRET//NOFORN\n")
    assert found(text, RULE.slug) == [
        (RULE.slug, 3, 1, "portion mark (s) is in the wrong case; write (S)"),
        (RULE.slug, 5, 1, "portion mark (S//nf) is in the wrong case; write (S//NF)"),
    ]
    assert fixed(text, RULE.slug) == text.replace("(s)", "(S)").replace("(S//nf)", "(S//NF)")


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET//NF\n\n(S//NF) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(1, 9, 11)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET//NOFORN\n\n(S//NF) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n', RULE.slug) == []
