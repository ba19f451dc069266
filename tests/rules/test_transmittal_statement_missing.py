"""MK601 transmittal-statement-missing: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.transmittal_statement_missing import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('transmittal-statement-missing', 1, 1, 'transmittal bannered SECRET by its enclosures has no statement of its marking once they are removed ("Upon")'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
