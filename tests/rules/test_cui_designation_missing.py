"""MK501 cui-designation-missing: exact findings on its documented examples."""

from rule_support import findings, found

from marklint.checks.rules.cui_designation_missing import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cui-designation-missing', 1, 1, "CUI document has no designation indicator naming the designating agency on its first page (a 'Controlled by:' line, letterhead or signature block naming the agency; an office alone does not) (U-10)"),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'CUI\n\n(CUI) Payroll.\n\nCUI\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(1, 1, 4)]


def test_span_near_miss_does_not_fire():
    assert findings('CUI\n\nControlled by: Department of Labor, Office of Payroll\n\n(CUI) Payroll.\n\nCUI\n', RULE.slug) == []
