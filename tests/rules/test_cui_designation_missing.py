"""MK501 cui-designation-missing: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.cui_designation_missing import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cui-designation-missing', 1, 1, "CUI document has no designation indicator naming the designating agency on its first page (a 'Controlled by:' line, letterhead or signature block naming the agency; an office alone does not) (U-10)"),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
