"""The plain-text reader: decoding, blocks, positions and pages."""

import pytest

from marklint.document import BlockKind, InputError, ReaderOptions
from marklint.lint import Settings, lint_document
from marklint.readers import EXTENSIONS, READERS, format_for, read_document


def blocks(text: str, **options):
    doc = read_document("t.txt", text.encode("utf-8"), options=ReaderOptions(**options))
    return [(page.number, b.kind.value, b.line, b.column, b.text) for page in doc.pages for b in page.blocks]


def test_paragraphs_join_hard_wrapped_lines_and_keep_positions():
    doc = read_document("t.txt", b"First line\n  second line\n\nThird\n")
    first, second = doc.pages[0].blocks
    assert (first.kind, first.text, first.line, first.column) == (BlockKind.PARAGRAPH, "First line\nsecond line", 1, 1)
    assert first.continuation_columns == (3,)
    assert first.position_of(first.text.index("second")) == (2, 3)
    assert (second.kind, second.line) == (BlockKind.PARAGRAPH, 4)


def test_list_items_subjects_headings_and_underlines():
    text = (
        "Title Underlined\n================\n\n"
        "SUBJECT: (U) Budget\n"
        "1. (U) First item\n"
        "   continues here\n"
        "a. second\n"
        "(1) third\n"
        "\u2022 fourth\n"
        "- fifth\n\n"
        "ANNUAL REPORT\n"
    )
    assert blocks(text) == [
        (1, "heading", 1, 1, "Title Underlined"),
        (1, "subject", 4, 1, "SUBJECT: (U) Budget"),
        (1, "list-item", 5, 1, "1. (U) First item\ncontinues here"),
        (1, "list-item", 7, 1, "a. second"),
        (1, "list-item", 8, 1, "(1) third"),
        (1, "list-item", 9, 1, "\u2022 fourth"),
        (1, "list-item", 10, 1, "- fifth"),
        (1, "heading", 12, 1, "ANNUAL REPORT"),
    ]


def test_a_line_starting_with_a_portion_mark_starts_a_block():
    assert blocks("(S) One.\n(U) Two.\n") == [
        (1, "paragraph", 1, 1, "(S) One."),
        (1, "paragraph", 2, 1, "(U) Two."),
    ]


def test_crlf_bom_and_tabs_keep_exact_columns():
    data = b"\xef\xbb\xbfFirst\r\n\r\n\t(U) Tabbed\r\n"
    doc = read_document("t.txt", data)
    assert doc.source == "First\r\n\r\n\t(U) Tabbed\r\n"
    assert doc.metadata == {"bom": True}
    block = doc.pages[0].blocks[1]
    assert (block.text, block.line, block.column) == ("(U) Tabbed", 3, 2)


def test_a_lone_carriage_return_ends_a_line_like_in_the_markup_readers():
    data = b"SECRET\r\r(S) One\r  two.\r\n(U) Three.\rx\fSECRET\r"
    doc = read_document("t.txt", data)
    assert doc.source == data.decode()
    assert [(p.number, b.kind.value, b.line, b.column, b.text, b.continuation_columns)
            for p in doc.pages for b in p.blocks] == [
        (1, "line", 1, 1, "SECRET", ()),
        (1, "paragraph", 3, 1, "(S) One\ntwo.", (3,)),
        (1, "paragraph", 5, 1, "(U) Three.\nx", (1,)),
        (2, "line", 6, 3, "SECRET", ()),
    ]


def test_show_source_counts_a_lone_carriage_return_as_a_line_end():
    from marklint.lint import Settings, lint_bytes

    result = lint_bytes("t.txt", b"SECRET\r\rThe convoy.\rSECRET\r", Settings(show_source=True, use_config=False))
    assert [(f.rule, f.line, f.column, f.source) for f in result.findings] == [
        ("cab-missing", 1, 1, "SECRET"),
        ("portion-missing", 3, 1, "The convoy."),
    ]


def test_document_date_lines_end_at_a_lone_carriage_return():
    from marklint.lint import dating

    data = b"SECRET\r\rDeclassify On: 31 December 2035\r(U) Dated 12 March 2001.\r"
    origin = dating(read_document("t.txt", data)).origin
    assert (str(origin.date), origin.line) == ("2001-03-12", 4)


def test_directive_comments_become_comment_blocks():
    doc = read_document("t.txt", b"Text\n  # marklint: disable-next-line portion-missing -- ok\nMore\n")
    kinds = [(b.kind.value, b.text, b.line, b.column) for b in doc.pages[0].blocks]
    assert kinds == [
        ("paragraph", "Text", 1, 1),
        ("comment", " marklint: disable-next-line portion-missing -- ok", 2, 4),
        ("paragraph", "More", 3, 1),
    ]


def test_an_ordinary_hash_line_is_text():
    assert blocks("# heading-like note\n") == [(1, "paragraph", 1, 1, "# heading-like note")]


def test_form_feed_starts_a_new_page():
    assert blocks("One\n\fTwo\nThree\f\n") == [
        (1, "paragraph", 1, 1, "One"),
        (2, "paragraph", 2, 2, "Two\nThree"),
    ]


def test_configured_page_break_pattern_breaks_and_is_not_content():
    text = "One\n---- Page 2\nTwo\n"
    assert blocks(text, page_break_patterns=(r"^-+ ?Page \d+",)) == [
        (1, "paragraph", 1, 1, "One"),
        (2, "paragraph", 3, 1, "Two"),
    ]


def test_invalid_page_break_pattern_is_an_input_error():
    with pytest.raises(InputError, match=r"^invalid page-break pattern: missing \)$"):
        blocks("x\n", page_break_patterns=("(",))


def test_page_numbers_are_separate_lines():
    assert blocks("Text\nPage 2 of 5\n- 3 -\n") == [
        (1, "paragraph", 1, 1, "Text"),
        (1, "line", 2, 1, "Page 2 of 5"),
        (1, "line", 3, 1, "- 3 -"),
    ]


def test_empty_file_has_one_empty_page():
    doc = read_document("t.txt", b"")
    assert [(p.number, p.blocks) for p in doc.pages] == [(1, [])]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"abc\x00def", "not a text file (contains NUL bytes)"),
        (b"abc\xff\xfedef", "not a text file (invalid UTF-8 at byte 3)"),
        (b"\xef\xbb\xbfab\xc3", "not a text file (invalid UTF-8 at byte 5)"),
    ],
)
def test_binary_input_is_rejected(data, message):
    with pytest.raises(InputError) as info:
        read_document("t.txt", data)
    assert str(info.value) == message


def test_format_dispatch():
    assert format_for("a/B.TXT") == "text"
    assert format_for("notes") == "text"
    assert EXTENSIONS[".txt"] == "text" and READERS["text"] == "marklint.readers.text:read"
    with pytest.raises(InputError, match="unknown input format 'nope'"):
        read_document("x.txt", b"", fmt="nope")


def test_linting_text_imports_no_other_reader(tmp_path):
    import subprocess
    import sys

    draft = tmp_path / "draft.txt"
    draft.write_text("SECRET\n\n(S) Text.\n\nSECRET\n")
    script = (
        "import sys\nfrom marklint.cli import main\n"
        f"main(['--no-cache', '--quiet', {str(draft)!r}])\n"
        "heavy = ('markdown_it', 'docx', 'pypdf', 'docutils', 'marklint.readers.markdown',"
        " 'marklint.readers.html', 'marklint.readers.docx', 'marklint.readers.pdf', 'marklint.readers.email')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_lines_of_other_whitespace_are_blank():
    assert blocks("\x1f") == []
    assert blocks("a\n\x1f\nb\n\u00a0\u00a0(U) c\n") == [
        (1, "paragraph", 1, 1, "a"),
        (1, "paragraph", 3, 1, "b"),
        (1, "paragraph", 4, 3, "(U) c"),
    ]


def _block_facts(doc):
    facts = []
    for page in doc.pages:
        for b in page.blocks:
            offsets = sorted({0, len(b.text) // 2, len(b.text), len(b.text) + 2, b.text.rfind("\n") + 1})
            facts.append((page.number, b.kind, b.text, b.line, b.column, b.region, b.label,
                          tuple(b.continuation_columns), b.end_line, [b.position_of(o) for o in offsets]))
    return facts


@pytest.mark.parametrize("data", [
    b"SECRET\n\n(S) First line\nsecond line\nthird.\n\n  (U) Indented\n  continued  \n\nALL CAPS TITLE\n"
    b"Title\n=====\n\n1. item one\nwraps here\n\fSECRET\x0c(U) After a form feed\nand more\n",
    b"SECRET\r\n\r\n(S) One\r\ntwo.\r\n\r\n(U) Three \r\nfour\r\nSECRET\r\n",
    b"SECRET\r\r(S) One\r  two.\r\n(U) Three.\rx\fSECRET\r",
    b"(U) no line end at the end",
])
def test_big_files_slice_block_text_from_the_source_with_the_same_results(monkeypatch, data):
    from marklint.document import SourceBlock
    from marklint.readers import text

    small = read_document("t.txt", data)
    monkeypatch.setattr(text, "SOURCE_BLOCKS_FROM", 0)
    big = read_document("t.txt", data)
    assert _block_facts(big) == _block_facts(small)
    if b"\r" not in data:  # (a lone carriage return makes every block hold its own text)
        assert any(isinstance(b, SourceBlock) for _, b in big.blocks())


def test_source_blocks_fill_table_after_table_with_the_same_results(monkeypatch):
    from marklint import document
    from marklint.readers import text

    data = b"SECRET\n\n" + b"".join(b"(S) Paragraph %d\nwraps here.\n\n" % n for n in range(7)) + b"SECRET\n"
    small = read_document("t.txt", data)
    monkeypatch.setattr(text, "SOURCE_BLOCKS_FROM", 0)
    monkeypatch.setattr(document, "TABLE_ROWS", 3)
    big = read_document("t.txt", data)
    assert _block_facts(big) == _block_facts(small)
    tables = {id(b.table) for _, b in big.blocks() if isinstance(b, document.SourceBlock)}
    assert len(tables) == 3  # seven paragraphs, three to a table


def test_source_line_counts_crlf_lf_and_lone_cr_line_ends():
    from marklint.document import LINE_INDEX_STEP, Document

    lines = [f"line {n}" for n in range(1, 3 * LINE_INDEX_STEP + 3)]
    ends = ["\r\n", "\n", "\r"]
    source = "".join(line + ends[n % 3] for n, line in enumerate(lines))
    doc = Document("t.txt", "text", source=source)
    assert [doc.source_line(n) for n in range(1, len(lines) + 1)] == lines
    assert doc.source_line(len(lines) + 1) == ""  # after the last line end
    assert doc.source_line(len(lines) + 2) is None
    assert doc.source_line(0) is None


GRID = """SECRET

+----------------+-------------------+
| (U) Window     | (U) Systems       |
+================+===================+
| (C) 3-5 Feb    | (C) Ground sites  |
|                | and relays        |
+----------------+-------------------+
| (U) 10-12 Mar  | (U) Software      |
| (S) 14 Mar     | (S) Relay 4       |
+----------------+-------------------+

SECRET
"""


def test_a_grid_table_is_read_cell_by_cell():
    """Each cell at its first character; a line whose first cell is empty goes on with the row
    above; a line that opens a cell of its own is a row of its own."""
    doc = read_document("t.txt", GRID.encode())
    cells = [(b.line, b.column, b.text) for b in doc.pages[0].blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [(4, 3, "(U) Window"), (4, 20, "(U) Systems"), (6, 3, "(C) 3-5 Feb"),
                     (6, 20, "(C) Ground sites and relays"), (9, 3, "(U) 10-12 Mar"), (9, 20, "(U) Software"),
                     (10, 3, "(S) 14 Mar"), (10, 20, "(S) Relay 4")]


def test_a_pipe_table_is_read_cell_by_cell_and_other_bars_are_text():
    text = "| (U) Phase | (U) Lead |\n|---|:---:|\n| (S) Employ | J3 |\n\n| not a table, a bar in prose\n"
    blocks = read_document("t.txt", text.encode()).pages[0].blocks
    assert [(b.kind, b.line, b.column, b.text) for b in blocks] == [
        (BlockKind.TABLE_CELL, 1, 3, "(U) Phase"), (BlockKind.TABLE_CELL, 1, 15, "(U) Lead"),
        (BlockKind.TABLE_CELL, 3, 3, "(S) Employ"), (BlockKind.TABLE_CELL, 3, 16, "J3"),
        (BlockKind.PARAGRAPH, 5, 1, "| not a table, a bar in prose")]


def test_an_unmarked_cell_of_a_marked_text_table_is_reported_where_it_stands():
    cab = "Classified By: Jane Smith, Director, Office of Plans\nReason: 1.4(c)\nDeclassify On: 20451231\n"
    text = GRID.replace("| (U) 10-12 Mar  | (U) Software      |", "| 10-12 Mar      | Software          |")
    text = text.replace("+\n\nSECRET\n", "+\n\n" + cab + "\nSECRET\n")
    result = lint_document(read_document("t.txt", text.encode()), Settings(use_config=False))
    assert [(f.rule, f.line, f.column) for f in result.findings] == [
        ("portion-missing", 9, 3), ("portion-missing", 9, 20)]


def test_a_table_drawn_with_box_characters_is_read_cell_by_cell():
    # as terminal and report tools print a table: the grid's shapes in box-drawing characters
    box = GRID.translate(str.maketrans({"|": "│", "-": "─", "=": "═", "+": "┼"}))
    doc = read_document("t.txt", box.encode())
    cells = [(b.line, b.column, b.text) for b in doc.pages[0].blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [(4, 3, "(U) Window"), (4, 20, "(U) Systems"), (6, 3, "(C) 3-5 Feb"),
                     (6, 20, "(C) Ground sites and relays"), (9, 3, "(U) 10-12 Mar"), (9, 20, "(U) Software"),
                     (10, 3, "(S) 14 Mar"), (10, 20, "(S) Relay 4")]
