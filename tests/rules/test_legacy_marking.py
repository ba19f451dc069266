"""MK007 legacy-marking: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.legacy_marking import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('legacy-marking', 1, 9, '"WNINTEL" is retired'),
        ('legacy-marking', 5, 5, '"WNINTEL" is retired'),
        ('legacy-marking', 7, 9, '"WNINTEL" is retired'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
