"""Prose that looks like markings must not produce findings or be taken for markings."""

import os

import pytest

from marklint.lint import Settings, lint_path
from marklint.readers import read_document
from marklint.recognize import recognize
from marklint.ruleset import shipped_rulesets

LOOKALIKES = os.path.join(os.path.dirname(__file__), "fixtures", "prose", "lookalikes.txt")


@pytest.mark.parametrize("ruleset", shipped_rulesets())
def test_lookalikes_give_no_findings(ruleset):
    result = lint_path(LOOKALIKES, Settings(rules=ruleset, use_config=False))
    assert result.error is None
    assert [(f.rule, f.line) for f in result.findings] == []


def test_lookalikes_hold_no_banner_or_portion_mark():
    with open(LOOKALIKES, "rb") as handle:
        doc = read_document(LOOKALIKES, handle.read())
    pages = recognize(doc)
    assert [m.text for page in pages for m in page.banners + page.portions + page.misplaced] == []


@pytest.mark.parametrize("line", [
    "(U) The Secret Service briefed the committee.",
    "(U) Applicants need a TOP SECRET clearance.",
    "(U) (C) 2024 Example Corporation.",
    "(U) Exemption (b)(1) applies; see D(S) and (CMS).",
])
def test_lookalikes_inside_a_marked_document(line):
    text = f"UNCLASSIFIED\n\n{line}\n\nUNCLASSIFIED\n"
    doc = read_document("t.txt", text.encode())
    (page,) = recognize(doc)
    assert [m.text for m in page.banners] == ["UNCLASSIFIED", "UNCLASSIFIED"]
    assert [m.text for m in page.portions] == ["(U)"] and page.misplaced == []
