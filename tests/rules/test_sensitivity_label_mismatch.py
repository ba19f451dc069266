"""MK702 sensitivity-label-mismatch: a Word sensitivity label against the visible banner."""

import pytest
from format_builders import WordSection, build_docx
from rule_support import CAB, found

from marklint.checks.rules.sensitivity_label_mismatch import RULE

LABEL_ID = "3a5c1d2e-0000-4000-8000-000000000001"


def memo(label: str, banner: str | None = "SECRET") -> bytes:
    return build_docx([WordSection(["(S) The convoy leaves at dawn.", *CAB], header=banner, footer=banner)],
                      labels={LABEL_ID: label})


@pytest.mark.parametrize(("label", "message"), [
    ("Top Secret", "sensitivity label 'Top Secret' contradicts the overall banner SECRET"),
    ("SECRET//NOFORN", "sensitivity label 'SECRET//NOFORN' contradicts the overall banner SECRET"),
])
def test_label_contradicting_the_banner(label, message):
    assert found(memo(label), RULE.slug, "docx") == [(RULE.slug, 1, 1, message)]


@pytest.mark.parametrize("label", ["Secret", "General"])
def test_near_miss_same_level_or_not_a_marking(label):
    assert found(memo(label), RULE.slug, "docx") == []
