"""MK805 ocr-recognised: exact findings on its documented examples."""

from rule_support import found

from marklint.checks.rules.ocr_recognised import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('ocr-recognised', 3, 1, 'banner SECRET recognised from "SEGRET" (OCR, confidence 0.90)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []
