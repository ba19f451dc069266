"""MK001 marking-syntax: exact findings on its documented examples and its fix."""

from rule_support import findings, fixed, found

from marklint.checks.rules.marking_syntax import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-syntax', 5, 7, 'no spaces around "//" (S-04)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_fix():
    assert fixed(RULE.bad, RULE.slug) == 'SECRET//NOFORN\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n'


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET//NOFORN\n\n(S//NF) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\n   SECRET // NOFORN\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(9, 10, 14)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET//NOFORN\n\n(S//NF) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\n   SECRET//NOFORN\n', RULE.slug) == []



def test_sci_compartment_shapes_in_a_document():
    # A3: an unregistered SI compartment is 2-3 letters, a GAMMA sub-compartment 4 letters
    cab = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\n"
    banner = "TOP SECRET//SI-ABCD-G ABC//ORCON/NOFORN\n"
    text = banner + "\n(TS//SI-ABCD-G ABC//OC/NF) Text.\n\n" + cab + banner
    assert [(f.line, f.column, f.end_column, f.message) for f in findings(text, RULE.slug)] == [
        (line, start + shift, end + shift, message) for line, shift in ((1, 0), (3, -7), (9, 0))
        for start, end, message in ((16, 20, 'unregistered SI compartments are 2 or 3 letters, not "ABCD" (A3, K-01)'),
                                    (23, 26, 'SI-G sub-compartments are 4 letters, not "ABC" (A3, K-01)'))]
