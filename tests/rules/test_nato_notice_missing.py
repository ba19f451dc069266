"""MK602 nato-notice-missing: exact findings on its examples and on documents written as
offices write them (T-06, A-03)."""

from rule_support import found

from marklint.checks.rules.nato_notice_missing import RULE

CAB = ("Classified By: Jane Smith, Director, Office of Plans\nDerived From: Multiple Sources\n"
       "Declassify On: N/A to NATO portions. See source list for NSI portions.\n")


def document(banner: str, *blocks: str) -> str:
    return "\n\n".join((banner, *blocks, CAB, banner)) + "\n"


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ("nato-notice-missing", 1, 1, "document holds NATO SECRET information but does not say so: "
                                      "THIS DOCUMENT CONTAINS NATO SECRET INFORMATION (T-06)"),
    ]


def test_good_example_passes():
    assert found(RULE.good, RULE.slug) == []


def test_the_statement_names_the_highest_nato_level():
    text = document("TOP SECRET//FGI NATO", "This document contains NATO Confidential information.",
                    "(//NC) The exercise schedule.", "(//CTS) The alliance's war plan.", "(U) Comments are due Friday.")
    assert found(text, RULE.slug) == [
        ("nato-notice-missing", 1, 1, "the NATO statement names NATO CONFIDENTIAL but the document holds "
                                      "COSMIC TOP SECRET information (T-06)"),
    ]
    for higher in ("COSMIC TOP SECRET", "NATO COSMIC TOP SECRET", "NATO Top Secret ATOMAL"):
        assert found(text.replace("NATO Confidential", higher), RULE.slug) == []


def test_fgi_nato_in_a_us_portion_is_nato_information():
    text = document("SECRET//FGI NATO", "(S//FGI NATO) The alliance's assessment.", "(U) Comments are due Friday.")
    assert [f[1:3] for f in found(text, RULE.slug)] == [(1, 1)]
    stated = document("SECRET//FGI NATO", "(U) THIS DOCUMENT CONTAINS NATO SECRET INFORMATION",
                      "(S//FGI NATO) The alliance's assessment.")
    assert found(stated, RULE.slug) == []


def test_no_nato_information_no_statement_needed():
    # NATO UNCLASSIFIED is not NATO classified information; other FGI is T-05's business
    assert found(document("SECRET//FGI DEU", "(//DEU S) The German assessment.", "(//NU) A public note."),
                 RULE.slug) == []
    assert found(document("SECRET", "(S) The convoy leaves at dawn."), RULE.slug) == []


def test_a_nato_document_needs_no_us_statement():
    text = "//NATO SECRET\n\n(//NS) The alliance plan.\n\n//NATO SECRET\n"
    assert found(text, RULE.slug) == []
    assert found(text, RULE.slug, rules="nato") == []


def test_earlier_eras_are_not_judged_by_it():
    text = document("SECRET", "(//NS) The alliance plan.").replace(CAB, "Classified by: DIRNSA\nDeclassify on: OADR\n")
    assert found(text, RULE.slug, rules="us-eo12356") == []
    assert [f[1:3] for f in found(text, RULE.slug, rules="us-cnsi")] == [(1, 1)]
