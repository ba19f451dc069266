"""MK101 banner-missing-top: exact findings on its documented examples and its fix."""

from rule_support import findings, fixed, found

from marklint.checks.rules.banner_missing_top import RULE
from marklint.lint import Settings, lint_document
from marklint.readers import read_document


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('banner-missing-top', 1, 1, 'page 1 has no banner at its top'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n'


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'March 3, 2025\n\n(S) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(1, 1, 1)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET\n\nMarch 3, 2025\n\n(S) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n', RULE.slug) == []


def test_a_drafts_watermark_line_stands_outside_the_banners():
    """B-01: `DRAFT` above the top banner and below the bottom one is a watermark, not the page's first line."""
    cab = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"
    for mark in ("DRAFT", "WORKING DRAFT", "DRAFT - NOT FOR RELEASE", "PRE-DECISIONAL DRAFT"):
        text = f"{mark}\nSECRET\n\n(S) The convoy leaves at dawn.\n\n{cab}\nSECRET\n{mark}\n"
        assert findings(text, RULE.slug) == [], mark
        assert findings(text, "banner-missing-bottom") == [], mark
    text = f"DRAFT\n\n(S) The convoy leaves at dawn.\n\n{cab}\nSECRET\n"
    assert [(f.line, f.column) for f in findings(text, RULE.slug)] == [(1, 1)]


def test_a_number_in_a_column_beside_the_banner_is_not_part_of_it():
    """A control or page number set far right on the banner's line (`SECRET//NOFORN      SSCI-2025-0142`)."""
    cab = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"
    for side in ("SSCI-2025-0142", "Page 1 of 1", "Copy 3 of 5"):
        text = f"SECRET//NOFORN{' ' * 20}{side}\n\n(S//NF) The convoy leaves at dawn.\n\n{cab}\nSECRET//NOFORN\n"
        assert every_finding(text) == [], side
        # the banner ends where its column does: a misspelt control is reported there, not beyond
        assert every_finding(text.replace("NOFORN ", "NOFRON ", 1)) == [("marking-unknown-token", 1, 9, 15)], side


def every_finding(text: str) -> list[tuple]:
    result = lint_document(read_document("memo.txt", text.encode()), Settings(use_config=False))
    return [(f.rule, f.line, f.column, f.end_column) for f in result.findings]
