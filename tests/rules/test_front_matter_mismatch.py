"""MK703 front-matter-mismatch: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.front_matter_mismatch import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug, "markdown") == [
        ('front-matter-mismatch', 5, 3, 'overall banner SECRET differs from the front matter classification SECRET//NOFORN'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug, "markdown") == []
