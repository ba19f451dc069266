"""MK706 email-attachment-unreadable: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.email_attachment_unreadable import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug, "email") == [
        ('email-attachment-unreadable', 24, 1, 'attachment annex.docx cannot be read (not a readable .docx file (corrupt or truncated: BadZipFile)), so its marking is not counted (B-10)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug, "email") == []
