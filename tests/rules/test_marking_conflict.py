"""MK005 marking-conflict: exact findings on its documented examples."""

from rule_support import findings, found

from marklint.checks.rules.marking_conflict import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-conflict', 3, 21, '"NOFORN" and "REL TO" are never used together'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET//NOFORN\n\n(S//NF/REL TO USA, GBR) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(3, 8, 23)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET//NOFORN\n\n(S//NF) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n', RULE.slug) == []


def test_tokens_that_may_not_stand_together_are_not_also_reported_out_of_order():
    text = 'SECRET//NOFORN\n\n(S//REL TO USA, GBR/NF) Text.\n\n(S//NF/OC) Text.\n\nSECRET//NOFORN\n'
    assert [(f.rule, f.line, f.column) for f in findings(text, "marking-order") + findings(text, RULE.slug)] == [
        ("marking-order", 5, 8), ("marking-conflict", 3, 21)]


def test_propin_right_after_the_cui_marker_is_the_registrys_category():
    # the CUI Registry's Proprietary Business Information (PROPIN) in the category's place; the
    # IC control of that spelling is no CUI limited dissemination control (U-06)
    doc = "CUI//PROPIN\n\nControlled by: Department of Energy\n\n(CUI//PROPIN) The bid was $4.1M.\n\n(U) The board meets on Monday.\n\nCUI//PROPIN\n"
    assert found(doc, RULE.slug, rules="cui") == []
    assert found(doc.replace("CUI//PROPIN\n", "CUI//PRVCY//PROPIN\n"), RULE.slug, rules="cui")[:1] == [
        (RULE.slug, 1, 13, '"PROPIN" is not a CUI limited dissemination control (U-06)')]
