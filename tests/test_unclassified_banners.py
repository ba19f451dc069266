"""B-01, B-02 concern classified documents: a plainly UNCLASSIFIED document needs no banner on
every page; one with a control, or under `require-banner: always`, still does."""

from archives_support import lint_text

TWO_PAGES = "{0}\n\n(U) The schedule is attached.\n\n{0}\n\f(U) The meeting is at noon.\n"


def test_plain_unclassified_pages_need_no_banner():
    assert lint_text(TWO_PAGES.format("UNCLASSIFIED")).findings == []


def test_a_controlled_or_classified_document_still_does():
    for banner, portion in (("UNCLASSIFIED//FOUO", "(U//FOUO)"), ("SECRET", "(S)")):
        text = TWO_PAGES.format(banner).replace("(U)", portion)
        rules = [(f.line, f.rule) for f in lint_text(text).findings if f.rule.startswith("banner-missing")]
        assert rules == [(6, "banner-missing-top"), (6, "banner-missing-bottom")], banner


def test_require_banner_always_keeps_them_required():
    findings = lint_text(TWO_PAGES.format("UNCLASSIFIED"), require_banner="always").findings
    assert [(f.line, f.rule) for f in findings] == [(6, "banner-missing-top"), (6, "banner-missing-bottom")]
