"""MK009 marking-advisory: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.marking_advisory import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-advisory', 1, 9, 'RD is normally NOFORN unless an AEA section 123 or 144 agreement allows release: add NOFORN or the release marking (K-14)'),
        ('marking-advisory', 3, 5, 'RD is normally NOFORN unless an AEA section 123 or 144 agreement allows release: add NOFORN or the release marking (K-14)'),
        ('marking-advisory', 5, 9, 'RD is normally NOFORN unless an AEA section 123 or 144 agreement allows release: add NOFORN or the release marking (K-14)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
