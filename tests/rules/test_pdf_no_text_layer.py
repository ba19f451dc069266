"""MK704 pdf-no-text-layer: the PDF reader records the pages without text; the rule reports them."""

from format_builders import build_pdf
from rule_support import CAB, findings

from marklint.checks.rules.pdf_no_text_layer import RULE


def test_scanned_pdf_is_one_warning_not_a_crash():
    assert [(f.rule, f.severity.label, f.line, f.column, f.message)
            for f in findings(build_pdf([[], []], scanned_pages={1, 2}), RULE.slug, "pdf")] == [
        (RULE.slug, "warning", 1, 1, "the PDF has no text layer (a scan?); its markings cannot be checked"),
    ]


def test_pdf_with_one_scanned_page_names_it():
    pdf = build_pdf([["SECRET", "(S) The convoy leaves at dawn.", "\n".join(CAB), "SECRET"], []], scanned_pages={2})
    assert [(f.rule, f.page, f.line, f.column, f.message) for f in findings(pdf, RULE.slug, "pdf")] == [
        (RULE.slug, None, 1, 1, "page 2 has no text layer (a scan?); its markings cannot be checked"),
    ]


def test_near_miss_pdf_with_text_on_every_page():
    pdf = build_pdf([["SECRET", "(S) The convoy leaves at dawn.", "\n".join(CAB), "SECRET"]])
    assert findings(pdf, RULE.slug, "pdf") == []
