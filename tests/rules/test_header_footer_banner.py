"""MK701 header-footer-banner: Word header and footer variants that fall on no known page."""

from format_builders import WordSection, build_docx
from rule_support import CAB, found

from marklint.checks.rules.header_footer_banner import RULE

PARAGRAPH = "(S) The convoy leaves at dawn."


def test_variant_on_no_known_page_is_reported_by_name():
    """One known page: the even-page variants Word shows on page 2 are checked by name."""
    word = build_docx([WordSection([PARAGRAPH, *CAB], header="SECRET", footer="SECRET",
                                   even_header="CONFIDENTIAL", even_footer="")], even_and_odd=True)
    assert found(word, RULE.slug, "docx") == [
        (RULE.slug, 1, 1, "footer (even pages), section 1 has no banner"),
        (RULE.slug, 1, 1, "header (even pages), section 1 banner CONFIDENTIAL differs from the overall banner SECRET"),
    ]


def test_near_miss_even_variants_with_the_overall_banner():
    word = build_docx([WordSection([PARAGRAPH, *CAB], header="SECRET", footer="SECRET",
                                   even_header="SECRET", even_footer="SECRET")], even_and_odd=True)
    assert found(word, RULE.slug, "docx") == []


def test_variant_on_a_known_page_is_left_to_the_banner_rules():
    """Odd/even headers: page 2 shows the even header, which has no banner."""
    word = build_docx([WordSection([PARAGRAPH, "(S) The return trip is on Friday.", *CAB], header="SECRET",
                                   footer="SECRET", even_header="", even_footer="", page_breaks_before={1})],
                      even_and_odd=True)
    assert found(word, RULE.slug, "docx") == []
    assert found(word, "banner-missing-top", "docx") == [("banner-missing-top", 3, 1, "page 2 has no banner at its top")]
