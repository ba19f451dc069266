"""MK601 transmittal-statement-missing: exact findings on its documented examples."""

from rule_support import findings, found

from marklint.checks.rules.transmittal_statement_missing import RULE

CAB = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('transmittal-statement-missing', 1, 1, 'transmittal bannered SECRET by its enclosures has no statement of its marking once they are removed ("Upon")'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_an_older_wording_of_the_statement_passes():
    text = ("SECRET\n\n(U) The convoy report is attached for your review.\n\n(U) Unclassified when classified "
            "enclosure removed.\n\nEnclosure: Convoy report\n\n" + CAB + "\nSECRET\n")
    assert found(text, RULE.slug) == []


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET\n\n(U) The report is attached.\n\nAttachment: Report\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(1, 1, 7)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET\n\n(U) The report is attached.\n\n(U) Upon removal of the attachment, this document is UNCLASSIFIED.\n\nAttachment: Report\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n', RULE.slug) == []


def test_a_transmittal_with_an_unmarked_portion_is_not_judged():
    # the unmarked paragraph may hold what the banner shows (portion-missing reports it)
    text = RULE.bad.replace("(U) The convoy report", "The convoy report")
    assert found(text, RULE.slug) == []
