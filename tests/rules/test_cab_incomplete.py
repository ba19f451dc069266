"""MK402 cab-incomplete: exact findings on its documented examples."""

from rule_support import found  # first: it puts the readers' test builders on the path

from format_builders import WordSection, build_docx

from marklint.checks.rules.cab_incomplete import RULE


def test_bad_example():
    assert found(RULE.bad, RULE.slug) == [
        ('cab-incomplete', 5, 1, 'authority block has no Reason: line (original classification needs Classified By, Reason, Declassify On) and no Derived From: line (derivative classification) (C-02..C-05)'),
    ]


def test_near_miss_passes():
    assert found(RULE.good, RULE.slug) == []


def test_a_block_written_as_one_line_or_with_word_line_breaks():
    """C-18: the lines of a block run onto one (after a space or a `;`), as e-mails write it and
    as Word's line breaks read; a line that is missing is still found."""
    one_line = ("SECRET\n\n(S) The convoy leaves at dawn.\n\nClassified By: Jane Smith, Director; Derived From: "
                "Plans SCG, 20240101; Declassify On: 20451231\n\nSECRET\n")
    assert found(one_line, RULE.slug) == []
    assert found(one_line.replace("; Declassify On: 20451231", ""), RULE.slug) == [
        (RULE.slug, 5, 1, "authority block has no Declassify On: line (derivative classification needs "
                          "Classified By, Derived From, Declassify On) (C-02..C-05)")]
    word = build_docx([WordSection(["(S) The convoy leaves at dawn.", "Classified By: Jane Smith, Director\n"
                                    "Derived From: Plans SCG, 20240101\nDeclassify On: 20451231"],
                                   header="SECRET", footer="SECRET")])
    assert found(word, RULE.slug, "docx") == []
    assert found(word, "cab-declassify-invalid", "docx") == []
