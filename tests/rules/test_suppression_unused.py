"""MK901 suppression-unused: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.suppression_unused import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('suppression-unused', 3, 1, 'suppression of portion-missing suppresses nothing'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_directive_naming_no_rule_or_an_unknown_one():
    text = ("SECRET\n\n(S) The convoy leaves at dawn.\n\n# marklint: disable-next-line -- quoted exhibit\n"
            "(S) The escort joins at noon.\n\n# marklint: disable-next-line portion-mising -- quoted exhibit\n"
            "The annex follows.\n\nSECRET\n")
    assert found(text, RULE.slug) == [
        (RULE.slug, 5, 1, "'disable-next-line' suppression names no rule, so it suppresses nothing"),
        (RULE.slug, 8, 1, "suppression names unknown rule 'portion-mising'"),
    ]
