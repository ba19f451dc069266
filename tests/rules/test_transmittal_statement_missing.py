"""MK601 transmittal-statement-missing: exact findings on its documented examples."""

from rule_support import found

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
