"""MK105 banner-over-classified: exact findings on its documented examples."""

from rule_support import findings, found

from marklint.checks.rules.banner_over_classified import RULE
from marklint.lint import Settings, lint_document
from marklint.readers import read_document


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('banner-over-classified', 1, 1, 'overall banner TOP SECRET is higher than every portion (highest S) and there is no compilation statement'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'TOP SECRET\n\n(S) Text.\n\n(U) More.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nTOP SECRET\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(1, 1, 11)]


def test_span_near_miss_does_not_fire():
    assert findings('TOP SECRET\n\n(S) Text.\n\n(U) Classified by compilation.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nTOP SECRET\n', RULE.slug) == []


def test_an_unmarked_portion_may_be_the_one_at_the_banners_level():
    cab = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"
    text = f"SECRET\n\n(U) The convoy leaves at dawn.\n\nThe escort joins at noon.\n\n{cab}\nSECRET\n"
    assert found(text, RULE.slug) == []
    assert [(line, column) for _, line, column, _ in found(text.replace("The escort", "(U) The escort"), RULE.slug)] == [(1, 1)]
    # under a rule set that does not require portion marks, the marked portions are the measure
    assert [(line, column) for _, line, column, _ in found(
        text.replace("SECRET\n\n", "SECRET\n\nMay 2, 1974\n\n", 1), RULE.slug, rules="us-eo11652")] == [(1, 1)]


def test_a_misspelt_portion_mark_leaves_the_banner_unjudged():
    # the only SECRET portion's mark does not parse: its misspelling is the one finding, not a
    # banner above the (unreadable) portions nor a NOFORN no portion carries
    text = ("SECRET//NOFORN\n\n(S//NOFRON) The convoy leaves at dawn.\n\n(U) The escort joins at noon.\n\n"
            "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\n"
            "SECRET//NOFORN\n")
    assert [(f.rule, f.line, f.column) for f in lint_document(read_document("d.txt", text.encode(), "text"),
                                                              Settings(use_config=False)).findings] == [
        ("marking-unknown-token", 3, 5)]
