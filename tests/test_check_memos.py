"""Memos of the lint path answer exactly as the uncached code: exempt first lines, authority
labels of short and long blocks, roll-ups of equal Markings held in different objects."""

from __future__ import annotations

import copy

from marklint.checks.authority_block import _labels, find_authority_block
from marklint.checks.context import CheckContext
from marklint.document import Block, BlockKind, Document, Page
from marklint.lint import _EXEMPTION_MEMO_CHARS, exemption_test
from marklint.markings import parse, rollup
from marklint.recognize import Mark
from marklint.ruleset import load_ruleset


def test_exemption_memo_answers_as_the_patterns_for_short_and_long_lines():
    ruleset = load_ruleset("us-cnsi")
    is_exempt = exemption_test(ruleset)
    assert exemption_test(ruleset) is is_exempt  # one test (and memo) per rule set
    long_salutation = "Dear " + "x" * (_EXEMPTION_MEMO_CHARS - 4) + ":"
    assert len(long_salutation) > _EXEMPTION_MEMO_CHARS
    lines = ["Cc: Jane", "  Cc: Jane  ", "Dear Sam:", "Classified By: J. Smith", "The convoy leaves.",
             long_salutation, "Dear " + "x" * 81 + ":", "x" * 300, "Classified By: " + "J" * 300]
    expected = ["email-header", "email-header", "salutation", "authority", None, None, None, None, "authority"]
    assert [is_exempt(line) for line in lines] == expected
    assert [is_exempt(line) for line in lines] == expected  # answered again from the memo


def test_authority_labels_of_long_blocks_are_read_like_short_ones():
    cab = "Classified By: Jane Smith\nReason: 1.4(c)\nDeclassify On: 20451231"
    long = cab + "\n" + "Prose line without a label.\n" * 60
    assert len(long) > 1000
    short_doc = Document("a.txt", "text", [Page(1, [Block(BlockKind.PARAGRAPH, cab, 5)])], cab)
    long_doc = Document("b.txt", "text", [Page(1, [Block(BlockKind.PARAGRAPH, long, 5)])], long)
    short, far = find_authority_block(short_doc), find_authority_block(long_doc)
    assert [(l.key, l.value, l.line, l.value_column) for l in far.lines] == \
        [(l.key, l.value, l.line, l.value_column) for l in short.lines] == [
            ("classified-by", "Jane Smith", 5, 16), ("reason", "1.4(c)", 6, 9), ("declassify-on", "20451231", 7, 16)]
    assert _labels(long) == _labels(cab)


def test_rollup_of_equal_markings_in_different_objects():
    ruleset = load_ruleset("us-cnsi")
    first, other = parse("(S//NF)", "portion"), parse("(TS//SI)", "portion")
    twin = copy.copy(first)
    assert twin == first and twin is not first
    block = Block(BlockKind.PARAGRAPH, "(S//NF) Text.", 1)
    marks = [Mark("(S//NF)", "portion", 1, 1, 8, 1, block, marking) for marking in (first, twin, other)]
    ctx = CheckContext(Document("c.txt", "text", []), ruleset, None, [])
    expected = rollup([first, other], options=ruleset.rollup_options())
    assert ctx.rollup(marks) == expected
    assert ctx.rollup(marks[::-1]) == expected  # the same set, from the memo
    assert ctx.rollup(marks[:2]) == rollup([first], options=ruleset.rollup_options())
