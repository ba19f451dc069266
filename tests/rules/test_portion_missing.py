"""MK301 portion-missing: exact findings on its documented examples."""

from rule_support import findings, found

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


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET\n\nDear Sir:\n\n(S) Text.\n\n  a. an item\n\nSincerely,\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(7, 3, 3)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET\n\nDear Sir:\n\n(S) Text.\n\n  a. (U) an item\n\nSincerely,\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n', RULE.slug) == []


def test_a_dissemination_heading_is_no_portion():
    """CIA's `Other Dissemination:` heading (`Para 9 - GC` below it) lists addressees, as a
    distribution does; a paragraph after its list is still a portion."""
    text = ("SECRET\n\n(S) The convoy leaves at dawn.\n\n" + CAB + "\nOther Dissemination: (FOR ACTION)\nPara 9 - GC\n\n"
            "The escort joins at noon.\n\nSECRET\n")
    assert found(text, RULE.slug) == [(RULE.slug, 12, 1, "paragraph has no portion mark")]
