"""MK502 cui-legacy-mixed: exact findings on its documented examples."""

from rule_support import findings, found

from marklint.checks.rules.cui_legacy_mixed import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cui-legacy-mixed', 7, 1, 'FOUO in (U//FOUO) is a legacy marking in a document that carries CUI'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fouo_without_cui_is_not_mixed():
    assert found("UNCLASSIFIED//FOUO\n\n(U//FOUO) Office phone list.\n\nUNCLASSIFIED//FOUO\n", RULE.slug) == []


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'CUI\n\nControlled by: Department of Labor, Office of Payroll\n\n(CUI) Payroll.\n\n(U//FOUO) Phones.\n\nCUI\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(7, 1, 10)]


def test_span_near_miss_does_not_fire():
    assert findings('UNCLASSIFIED//FOUO\n\n(U) Payroll.\n\n(U//FOUO) Phones.\n\nUNCLASSIFIED//FOUO\n', RULE.slug) == []


def test_a_mark_holding_cui_and_fouo_is_its_own_marking_conflict_once():
    text = ("CUI//SP-CTI//FOUO\n\nControlled by: Department of Energy\n\n(CUI//SP-CTI) Test data.\n\n"
            "(U) Office phone list.\n\nCUI//SP-CTI\n")
    assert found(text, RULE.slug) == []
    assert [f[:3] for f in found(text, "marking-conflict")] == [("marking-conflict", 1, 14)]
    # a FOUO portion among CUI portions is this rule's
    assert [f[:3] for f in found(text.replace("(U) Office", "(U//FOUO) Office").replace("//FOUO\n\nControlled", "\n\nControlled"),
                                 RULE.slug)] == [(RULE.slug, 7, 1)]
