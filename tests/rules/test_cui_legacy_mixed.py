"""MK502 cui-legacy-mixed: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.cui_legacy_mixed import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cui-legacy-mixed', 7, 1, 'FOUO in (U//FOUO) is a legacy marking in a document that carries CUI'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fouo_without_cui_is_not_mixed():
    assert found("UNCLASSIFIED//FOUO\n\n(U//FOUO) Office phone list.\n\nUNCLASSIFIED//FOUO\n", RULE.slug) == []
