"""Property: in the line-scanned formats every row of every block sits in the source exactly
at the position the block gives it (for HTML, where inline tags and character references sit
inside rows, the first character of each block)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the shared fuzz strategies
from fuzz_strategies import documents, fuzz_settings  # noqa: E402

from marklint.document import BlockKind, InputError  # noqa: E402
from marklint.readers import read_document  # noqa: E402


def _read(fmt: str, text: str):
    try:
        return read_document(f"fuzz.{fmt}", text.encode("utf-8"), fmt)
    except InputError:
        return None


@pytest.mark.parametrize("fmt", ["rst", "asciidoc"])
@fuzz_settings(100)
@given(text=documents)
def test_rows_sit_at_their_positions(fmt, text):
    doc = _read(fmt, text)
    if doc is None:
        return
    source = doc.source.split("\n")
    for _, block in doc.blocks():
        offset = 0
        for row in block.text.split("\n"):
            line, column = block.position_of(offset)
            offset += len(row) + 1
            assert source[line - 1][column - 1:column - 1 + len(row)] == row


@fuzz_settings(100)
@given(text=documents)
def test_html_blocks_start_at_their_positions(text):
    doc = _read("html", text)
    if doc is None:
        return
    source = doc.source.split("\n")
    for _, block in doc.blocks():
        if block.text and "&" not in source[block.line - 1]:
            assert source[block.line - 1][block.column - 1] == block.text[0]


SCANNED_LINES = [
    "(S) text", "SECRET", "**SECRET**", "*SECRET*", "  (U) indented", "- (S) item", "* (U) item", "1. (C) item",
    "#. (U) item", ".. comment", "..  two spaces", ".. note::", ".. code-block:: text", ".. raw:: pdf", "   PageBreak",
    "   (S) body", "::", "text::", "=====", "-----", "+-----+-----+", "| (U) a | (S) b |", "=====  =====",
    "(U) x  (S) y", ">>> x", "// comment", "//  spaced", "////", "----", "....", "____", "[source]", "[quote]",
    "|===", "| (U) a | (S) b", "<<<", ".Title", "= Title", "== (U) Section", ":attr: value", "", "", "\t(S) tab",
]


@pytest.mark.parametrize("fmt", ["rst", "asciidoc"])
@fuzz_settings(150)
@given(lines=st.lists(st.sampled_from(SCANNED_LINES), max_size=30))
def test_rows_sit_at_their_positions_in_markup_heavy_documents(fmt, lines):
    test_rows_sit_at_their_positions.hypothesis.inner_test(fmt, "\n".join(lines))


MARKDOWN_LINES = [
    "(S) text", "SECRET", "**SECRET**", "*SECRET*", "  (U) indented", "- (S) item", "* (U) item", "1. (C) item",
    "> (S) quoted", "```", "    code", "# (U) Heading", "| (U) a | (S) b |", "|---|---|", "<!-- note -->",
    '<p align="center">SECRET</p>', "**(S)** bold", "_(U)_ emphasis", "", "", "\\newpage", "  - (S) nested",
    "\t(S) tab", "[(S) link](http://example.com)", "(S) hard break\\", "&amp; (S) entity", "\f",
]


@fuzz_settings(150)
@given(lines=st.lists(st.sampled_from(MARKDOWN_LINES), max_size=25))
def test_markdown_rows_start_at_their_positions(lines):
    """Each row's first character is at the row's position (inline markup may follow it)."""
    doc = _read("markdown", "\n".join(lines))
    source = doc.source.split("\n")
    for _, block in doc.blocks():
        if block.kind is BlockKind.COMMENT:
            continue
        offset = 0
        for row in block.text.split("\n"):
            line, column = block.position_of(offset)
            offset += len(row) + 1
            if row:
                assert source[line - 1][column - 1] == row[0]
