"""MK007 legacy-marking: exact findings on its documented examples."""

from rule_support import findings, found

from marklint.checks.rules.legacy_marking import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('legacy-marking', 1, 9, '"WNINTEL" is retired'),
        ('legacy-marking', 5, 5, '"WNINTEL" is retired'),
        ('legacy-marking', 7, 9, '"WNINTEL" is retired'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_retired_authority_line_is_reported_after_its_era_only():
    text = "SECRET\n\n{date}\n\n(S) The convoy leaves at dawn.\n\nCL BY 062028\nDECL: OADR\n\nSECRET\n"
    assert found(text.format(date="March 3, 2015"), RULE.slug) == [
        (RULE.slug, 7, 1, "'CL BY' is a legacy authority line (cl by, current until 2010-06-24); write Classified By:"),
    ]
    assert found(text.format(date="March 3, 1980"), RULE.slug) == []


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET//WNINTEL\n\nMarch 3, 2025\n\n(S//WN) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//WNINTEL\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(1, 9, 16), (5, 5, 7), (11, 9, 16)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET//WNINTEL\n\nMarch 3, 1986\n\n(S//WN) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//WNINTEL\n', RULE.slug) == []
