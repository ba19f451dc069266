"""MK002 marking-unknown-token: exact findings on its documented examples and its fix."""

from rule_support import findings, fixed, found

from marklint.checks.rules.marking_unknown_token import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-unknown-token', 1, 9, 'unknown dissemination control "NOFRON"; did you mean "NOFORN"?'),
        ('marking-unknown-token', 5, 9, 'unknown dissemination control "NOFRON"; did you mean "NOFORN"?'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n'


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = '      SECRET//NOFRON\n\n1. (S//NF) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(1, 15, 21)]


def test_span_near_miss_does_not_fire():
    assert findings('      SECRET//NOFORN\n\n1. (S//NF) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n', RULE.slug) == []


def test_a_portion_mark_with_its_level_spelt_out_and_misspelt_is_a_mark():
    # `(SECERT//NF)` is a mark with an unknown level, not a paragraph without a mark
    cab = "Classified By: Jane Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20451231\n"
    for mark, word in (("(SECERT//NF)", "SECERT"), ("(CONFIDENTAIL)", "CONFIDENTAIL"), ("2. (TOP SECERT)", "TOP SECERT")):
        text = f"SECRET//NOFORN\n\n(S//NF) First.\n\n{mark} The second.\n\n{cab}\nSECRET//NOFORN\n"
        assert [f[:3] for f in found(text, RULE.slug)] == [(RULE.slug, 5, mark.index("(") + 2)], mark
        assert word in found(text, RULE.slug)[0][3]
    # a word in parentheses that is no level stays prose
    text = f"SECRET\n\n(S) First.\n\n(SECRETARY) The second.\n\n{cab}\nSECRET\n"
    assert found(text, RULE.slug) == []
