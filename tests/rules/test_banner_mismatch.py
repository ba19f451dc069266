"""MK103 banner-mismatch: exact findings on its documented examples."""

from rule_support import findings, found

from marklint.checks.rules.banner_mismatch import RULE
from marklint.lint import Settings, lint_path

CAB = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('banner-mismatch', 5, 1, 'page 1 bottom banner SECRET differs from its top banner SECRET//NOFORN'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_later_page_with_its_own_roll_up_passes_and_another_banner_does_not():
    first = "SECRET\n\n(S) The convoy leaves at dawn.\n\n" + CAB + "\nSECRET\n\f\n"
    own = first + "CONFIDENTIAL\n\n(C) The escort joins at noon.\n\nCONFIDENTIAL\n"
    assert found(own, RULE.slug) == []
    other = first + "SECRET//NOFORN\n\n(S) The escort joins at noon.\n\nSECRET//NOFORN\n"
    assert found(other, RULE.slug) == [
        (RULE.slug, 11, 1, "page 2 banner SECRET//NOFORN is neither the overall banner SECRET nor the roll-up of "
                           "its portions (SECRET)"),
    ]


def test_a_wrong_top_banner_over_the_overall_one_is_reported_once_at_the_top():
    first = "SECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n\f\n"
    top = first + "TOP SECRET\n\n(U) The escort joins at noon.\n\n" + CAB + "\nSECRET\n"
    assert found(top, RULE.slug) == [
        (RULE.slug, 7, 1, "page 2 banner TOP SECRET is neither the overall banner SECRET nor the roll-up of "
                          "its portions (UNCLASSIFIED)"),
    ]
    # the bottom banner the odd one: reported at the bottom
    bottom = first + "SECRET\n\n(U) The escort joins at noon.\n\n" + CAB + "\nTOP SECRET\n"
    assert [(line, column) for _, line, column, _ in found(bottom, RULE.slug)] == [(15, 1)]


# moved from tests/test_checks.py: the rule at an exact span, in a document of its own, and its near miss
def test_fires_at_exact_span():
    text = 'SECRET//NOFORN\n\n(S//NF) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET\n'
    assert [(f.line, f.column, f.end_column) for f in findings(text, RULE.slug)] == [(9, 1, 7)]


def test_span_near_miss_does_not_fire():
    assert findings('SECRET//NOFORN\n\n(S//NF) Text.\n\nClassified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n\nSECRET//NOFORN\n', RULE.slug) == []


def test_a_page_of_a_set_without_paragraph_marks_is_compared_with_the_overall_banner_alone():
    """ca and uk set no paragraph marks: a later page's banner has no roll-up of its own to name."""
    text = ("SECRET CEO\n\nCommunications Security Establishment\n\nThe assessment covers the quarter.\n"
            "\f\nSECRET\n\nPartners will receive a sanitised version.\n")
    assert found(text, RULE.slug, rules="ca") == [
        ("banner-mismatch", 7, 1, "page 2 banner SECRET differs from the overall banner SECRET CEO"),
    ]


def test_a_banner_with_a_fault_of_its_own_is_not_compared_again():
    # NOFORN beside REL TO, a single slash: the marking rule names the fault, once
    cab = "Classified By: Jane Smith, Director\nDerived From: Multiple Sources\nDeclassify On: 20451231\n"
    for top in ("SECRET//NOFORN/REL TO USA, GBR", "SECRET/REL TO USA, GBR"):
        text = f"{top}\n\n(S//REL TO USA, GBR) The convoy leaves at dawn.\n\n{cab}\nSECRET//REL TO USA, GBR\n"
        assert found(text, RULE.slug) == []
        assert found(text, "banner-rollup") == []


def test_an_overall_banner_that_is_the_slip_is_reported_once_at_the_top():
    # the top banner lacks what the portions carry and the bottom one is their roll-up: the top is
    # wrong (banner-rollup, or banner-under-classified for the level), not the bottom
    body = "(S//NF) The convoy leaves at dawn.\n\n" + CAB
    for top in ("SECRET", "CONFIDENTIAL//NOFORN"):
        assert found(f"{top}\n\n{body}\nSECRET//NOFORN\n", RULE.slug) == []
    # the bottom banner changed: the bottom one is reported
    assert [f[:3] for f in found(f"SECRET//NOFORN\n\n{body}\nSECRET\n", RULE.slug)] == [(RULE.slug, 9, 1)]


def test_a_page_banner_below_its_portions_is_banner_under_classifieds_alone():
    page1 = "SECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n"
    for top, bottom in (("CONFIDENTIAL", "CONFIDENTIAL"), ("CONFIDENTIAL", "SECRET")):
        text = f"{page1}\f{top}\n\n(S) The escort joins at noon.\n\n{CAB}\n{bottom}\n"
        assert found(text, RULE.slug) == []
        assert [f[:3] for f in found(text, "banner-under-classified")] == [("banner-under-classified", 6, 2)]
    # the bottom one lowered: the page's two banners disagree, at the bottom
    text = f"{page1}\fSECRET\n\n(S) The escort joins at noon.\n\n{CAB}\nCONFIDENTIAL\n"
    assert [f[:3] for f in found(text, RULE.slug)] == [(RULE.slug, 14, 1)]


def test_a_page_top_banner_that_is_neither_the_overall_nor_the_pages_own_is_reported_once():
    # a page of unclassified portions bannered UNCLASSIFIED (its own roll-up, allowed) whose top
    # banner was changed: the top is the slip, not the bottom that differs from it
    page1 = "SECRET\n\n(S) The convoy leaves at dawn.\n\nSECRET\n"
    text = f"{page1}\fCONFIDENTIAL\n\n(U) The escort joins at noon.\n\n{CAB}\nUNCLASSIFIED\n"
    assert [f[:3] for f in found(text, RULE.slug)] == [(RULE.slug, 6, 2)]


def test_later_pages_bannered_as_the_roll_up_under_an_overall_banner_that_is_the_slip():
    # the first page's top banner lost NOFORN; the other banners are the roll-up: one finding
    # (banner-rollup, at the top), not one for each later page that differs from it
    body = "(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n\fSECRET//NOFORN\n\n(U) The escort joins.\n\n"
    text = f"SECRET\n\n{body}{CAB}\nSECRET//NOFORN\n"
    assert found(text, RULE.slug) == []
    assert [f[:3] for f in found(text, "banner-rollup")] == [("banner-rollup", 1, 1)]


def test_an_overall_banner_above_every_portion_over_a_bottom_banner_that_is_their_roll_up_is_reported_once():
    # banner-over-classified names the top; the bottom banner, the roll-up, is not reported again
    text = "SECRET\n\n(C) The convoy leaves at dawn.\n\n" + CAB + "\nCONFIDENTIAL\n"
    assert found(text, RULE.slug) == []
    assert [f[:3] for f in found(text, "banner-over-classified")] == [("banner-over-classified", 1, 1)]


def test_a_top_banner_every_other_banner_disagrees_with_is_reported_once_at_the_top(tmp_path):
    """A set without paragraph marks has no roll-up: when every other banner agrees and the
    overall banner alone differs, the top banner is the slip, not every later page (pages split
    at the set's own banner pairs, as a file is read)."""
    def mismatches(text: str) -> list[tuple]:
        path = tmp_path / "brief.txt"
        path.write_text(text)
        result = lint_path(str(path), Settings(rules="uk", use_config=False))
        return [(f.line, f.column, f.message) for f in result.findings if f.rule == RULE.slug]
    page = "The group sails on 2 May.\n\nSECRET UK EYES ONLY\n\nSECRET UK EYES ONLY\n\nEscorts are increased.\n\n"
    assert mismatches("SECRET\n\n" + page + "SECRET UK EYES ONLY\n") == [
        (1, 1, "overall banner SECRET differs from every other banner of the document (SECRET UK EYES ONLY)"),
    ]
    # one other banner alone does not say which of the two is wrong: the bottom is reported
    assert [f[:2] for f in mismatches("SECRET\n\nThe group sails on 2 May.\n\nSECRET UK EYES ONLY\n")] == [(5, 1)]
