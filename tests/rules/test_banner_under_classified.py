"""MK104 banner-under-classified: exact findings on its documented examples and its fix."""

from rule_support import findings, fixed, found

from marklint.checks.rules.banner_under_classified import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('banner-under-classified', 1, 1, 'page 1 banner SECRET is lower than its highest portion (TS)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'TOP SECRET\n\n(TS) The convoy leaves at dawn.\n\nTOP SECRET\n'


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = '\nCONFIDENTIAL\n\n(C) Text.\n\n(S) More.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nCONFIDENTIAL\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(2, 1, 13)]


def test_span_near_miss_does_not_fire():
    assert findings('\nSECRET\n\n(C) Text.\n\n(S) More.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n', RULE.slug) == []
