"""MK009 marking-advisory: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.marking_advisory import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('marking-advisory', 1, 9, 'RD is normally NOFORN unless an AEA section 123 or 144 agreement allows release: add NOFORN or the release marking (K-14)'),
        ('marking-advisory', 3, 5, 'RD is normally NOFORN unless an AEA section 123 or 144 agreement allows release: add NOFORN or the release marking (K-14)'),
        ('marking-advisory', 5, 9, 'RD is normally NOFORN unless an AEA section 123 or 144 agreement allows release: add NOFORN or the release marking (K-14)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_classified_propin_needs_an_explicit_release_marking():
    """F-14: classified PROPIN carries NOFORN, REL TO, RELIDO or DISPLAY ONLY too (a warning)."""
    cab = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"
    text = "SECRET//PROPIN\n\n(S//PR) The vendor's price is proprietary.\n\n" + cab + "\nSECRET//PROPIN\n"
    message = ("classified PROPIN information also carries an explicit foreign disclosure and release marking: "
               "NOFORN, REL TO, RELIDO or DISPLAY ONLY (F-14)")
    assert found(text, RULE.slug) == [(RULE.slug, 1, 9, message), (RULE.slug, 3, 5, message), (RULE.slug, 9, 9, message)]
    released = text.replace("SECRET//PROPIN", "SECRET//NOFORN/PROPIN").replace("(S//PR)", "(S//NF/PR)")
    assert found(released, RULE.slug) == []
    assert found("UNCLASSIFIED//PROPIN\n\n(U//PR) The vendor's price.\n\nUNCLASSIFIED//PROPIN\n", RULE.slug) == []
