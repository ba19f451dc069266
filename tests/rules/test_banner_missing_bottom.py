"""MK102 banner-missing-bottom: exact findings on its documented examples and its fix."""

from rule_support import findings, fixed, found

from marklint.checks.rules.banner_missing_bottom import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('banner-missing-bottom', 3, 1, 'page 1 has no banner at its bottom'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n'


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET\n\n(S) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nPage 1 of 1\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(7, 1, 1)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET\n\n(S) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n\nPage 1 of 1\n', RULE.slug) == []


MEMO_1986 = """CONFIDENTIAL

                                          June 2, 1986

MEMORANDUM FOR JOHN M. POINDEXTER

SUBJECT: (U) Meeting with the Danish Foreign Minister

(C) The Minister will raise the base agreement.

Classified by: Peter R. Sommer
{bottom}Declassify on: OADR
"""


def test_an_authority_line_typed_below_the_bottom_banner_leaves_it_the_bottom_one():
    """A 1980s memo types `Declassify on: OADR` in the lower left corner, under the centred level."""
    assert findings(MEMO_1986.format(bottom="\nCONFIDENTIAL\n"), RULE.slug, rules="us-eo12356") == []
    assert [(f.line, f.column) for f in findings(MEMO_1986.format(bottom=""), RULE.slug, rules="us-eo12356")] \
        == [(12, 1)]
