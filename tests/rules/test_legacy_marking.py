"""MK007 legacy-marking: exact findings on its documented examples."""

from rule_support import found

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
