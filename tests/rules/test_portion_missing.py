"""MK301 portion-missing: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.portion_missing import RULE

CAB = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('portion-missing', 5, 1, 'paragraph has no portion mark'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_letter_parts_are_not_portions():
    text = ("SECRET\n\nMarch 3, 2025\n\nDear Colonel Hart:\n\n(S) The convoy leaves at dawn.\n\n"
            "The escort joins at noon.\n\nSincerely,\n\nJane Smith\nDirector, Office of Plans\n\n" + CAB + "\nSECRET\n")
    assert found(text, RULE.slug) == [(RULE.slug, 9, 1, "paragraph has no portion mark")]
