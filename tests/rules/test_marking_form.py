"""MK004 marking-form: exact findings on its documented examples and its fix."""

from rule_support import found, fixed

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
