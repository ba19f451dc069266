"""MK705 email-authority-placement: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.email_authority_placement import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug, "email") == [
        ('email-authority-placement', 7, 1, 'the authority block comes before the end of the message (portion (S) on line 11); in an e-mail it goes after the signature block, before the closing banner'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug, "email") == []
