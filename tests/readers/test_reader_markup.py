"""Markdown, reStructuredText, AsciiDoc and HTML readers: blocks, exact positions, scoping, pages."""

from __future__ import annotations

import sys

import pytest

from marklint.document import BlockKind, InputError, ReaderOptions, Region
from marklint.readers import read_document

L, P, H, LI, TC, C, Q = (BlockKind.LINE, BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM,
                         BlockKind.TABLE_CELL, BlockKind.COMMENT, BlockKind.QUOTE)


def summary(path: str, text: str, **options) -> list[tuple]:
    """(page, kind, line, column, text) of every block."""
    doc = read_document(path, text.encode("utf-8"), options=ReaderOptions(**options))
    return [(page.number, block.kind, block.line, block.column, block.text) for page, block in doc.blocks()]


MARKDOWN = """\
---
title: Convoy
classification: SECRET//NOFORN
---
**SECRET//NOFORN**

# (U) Convoy schedule

(S//NF) The convoy leaves
  at dawn.

- (S) First leg `(TS) not a mark` here
- (U) Second leg

> (S) A quoted portion.

| (U) Site | (S) Time |
|---|---|
| North | 0600 |

```
(TS) in a fenced block
```

    (TS) in an indented block

<!-- marklint: disable-next-line portion-missing -- reviewed -->
<p align="center">SECRET//NOFORN</p>

\\newpage

SECRET//NOFORN

(U) Page two.

<div style="page-break-after: always"></div>

(U) Page three.

<!-- pagebreak -->

(U) Page four.
"""


def test_markdown_blocks_positions_and_pages():
    assert summary("memo.md", MARKDOWN) == [
        (1, L, 5, 3, "SECRET//NOFORN"),
        (1, H, 7, 3, "(U) Convoy schedule"),
        (1, P, 9, 1, "(S//NF) The convoy leaves\nat dawn."),
        (1, LI, 12, 3, "(S) First leg " + " " * len("`(TS) not a mark`") + " here"),
        (1, LI, 13, 3, "(U) Second leg"),
        (1, Q, 15, 3, "(S) A quoted portion."),
        (1, TC, 17, 3, "(U) Site"),
        (1, TC, 17, 14, "(S) Time"),
        (1, TC, 19, 3, "North"),
        (1, TC, 19, 11, "0600"),
        (1, C, 27, 6, "marklint: disable-next-line portion-missing -- reviewed"),
        (1, L, 28, 19, "SECRET//NOFORN"),
        (2, L, 32, 1, "SECRET//NOFORN"),
        (2, P, 34, 1, "(U) Page two."),
        (3, P, 38, 1, "(U) Page three."),
        (4, P, 42, 1, "(U) Page four."),
    ]


def test_markdown_continuation_columns_and_front_matter():
    doc = read_document("memo.md", MARKDOWN.encode())
    paragraph = doc.pages[0].blocks[2]
    assert paragraph.continuation_columns == (3,)
    assert paragraph.position_of(paragraph.text.index("at dawn")) == (10, 3)
    assert doc.metadata == {"classification": "SECRET//NOFORN", "classification_line": 3}
    assert doc.source == MARKDOWN


def test_markdown_lines_that_open_portions_are_blocks_of_their_own():
    """CommonMark runs hard-wrapped lines and footnote definitions into one paragraph; a line
    that opens with a portion mark or a footnote's label starts a block, as in plain text."""
    text = ("(U) The port reopened on 2 June,\n  after the storm.\n(S) Two patrol craft remain disabled.\n\n"
            "[^1]: (U) Press release, 30 June 2026.\n[^2]: Inspection report, 15 July 2026.\n")
    blocks = read_document("d.md", text.encode()).pages[0].blocks
    assert [(b.kind, b.line, b.column, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, 1, 1, "(U) The port reopened on 2 June,\nafter the storm."),
        (BlockKind.PARAGRAPH, 3, 1, "(S) Two patrol craft remain disabled."),
        (BlockKind.PARAGRAPH, 5, 1, "[^1]: (U) Press release, 30 June 2026."),
        (BlockKind.PARAGRAPH, 6, 1, "[^2]: Inspection report, 15 July 2026."),
    ]
    assert blocks[0].continuation_columns == (3,)


def test_markdown_quotes_count_when_asked():
    assert summary("q.md", "> (S) Quoted.\n", include_quotes=True) == [(1, P, 1, 3, "(S) Quoted.")]


def test_markdown_configured_page_break_line_is_not_content():
    text = "(U) One.\n\n----- Page 2 -----\n\n(U) Two.\n"
    assert summary("p.md", text, page_break_patterns=(r"^-+ Page \d+",)) == [
        (1, P, 1, 1, "(U) One."),
        (2, P, 5, 1, "(U) Two."),
    ]


def test_markdown_bad_front_matter_names_the_line():
    # libyaml reports an unclosed flow sequence where the YAML ends (file line 4) and names the
    # line the sequence opened on (YAML line 2, file line 3) as its context
    with pytest.raises(InputError, match=r"^line 4: invalid YAML front matter: .* flow sequence on line 2"):
        read_document("bad.md", b"---\ntitle: x\nclassification: [SECRET\n---\n\nText\n")


def test_markdown_without_markdown_it_says_what_to_install(monkeypatch):
    from marklint.readers import markdown

    monkeypatch.setattr(markdown, "_parser", None)
    monkeypatch.setitem(sys.modules, "markdown_it", None)
    with pytest.raises(InputError, match=r"pip install 'marklint\[markdown\]'$"):
        read_document("memo.md", b"text\n")


RST = """\
.. header:: SECRET

**SECRET**

==================
(U) Convoy report
==================

(S) The convoy leaves
at dawn::

    (TS) a literal block

- (S) First leg
  continues
- (U) Second leg

.. marklint: disable portion-missing -- reviewed

.. code-block:: text

   (TS) in code

.. raw:: pdf

   PageBreak

(U) Section two
---------------

    (S) an indented quote

+-----------+-----------+
| (U) North | (S) 0600  |
+-----------+-----------+

=====  ======
(U) a  (C) b
=====  ======

>>> print("(TS)")

SECRET
"""


def test_rst_blocks_positions_and_pages():
    doc = read_document("report.rst", RST.encode())
    assert [(p.number, b.kind, b.region, b.line, b.column, b.text) for p, b in doc.blocks()] == [
        (1, L, Region.HEADER, 1, 13, "SECRET"),
        (1, L, Region.BODY, 3, 3, "SECRET"),
        (1, H, Region.BODY, 6, 1, "(U) Convoy report"),
        (1, P, Region.BODY, 9, 1, "(S) The convoy leaves\nat dawn::"),
        (1, LI, Region.BODY, 14, 3, "(S) First leg\ncontinues"),
        (1, LI, Region.BODY, 16, 3, "(U) Second leg"),
        (1, C, Region.BODY, 18, 4, "marklint: disable portion-missing -- reviewed"),
        (2, H, Region.BODY, 28, 1, "(U) Section two"),
        (2, Q, Region.BODY, 31, 5, "(S) an indented quote"),
        (2, TC, Region.BODY, 34, 3, "(U) North"),
        (2, TC, Region.BODY, 34, 15, "(S) 0600"),
        (2, TC, Region.BODY, 38, 1, "(U) a"),
        (2, TC, Region.BODY, 38, 8, "(C) b"),
        (2, L, Region.BODY, 43, 1, "SECRET"),
    ]


def test_rst_form_feed_is_not_indentation():
    # A form feed is a page control: the line after it is not a block quote, and positions
    # count it as one column.
    doc = read_document("memo.rst", b"SECRET\n\n\x0c(S) The convoy leaves.\n\n\x0c\x0c**SECRET**\n")
    assert [(b.kind, b.line, b.column, b.text) for _, b in doc.blocks()] == [
        (L, 1, 1, "SECRET"), (P, 3, 2, "(S) The convoy leaves."), (L, 5, 5, "SECRET"),
    ]


def test_rst_field_list_fields_are_blocks_of_their_own():
    # a memo's header as a field list: each field a block read as `Name: value`, at its name
    doc = read_document("memo.rst", b"SECRET\n\n:From: Commander, ANR\n:Date: 2026-01-09\n:Subject: (U) Intercepts\n")
    assert [(b.kind, b.line, b.column, b.text) for _, b in doc.blocks()] == [
        (L, 1, 1, "SECRET"), (P, 3, 2, "From: Commander, ANR"), (P, 4, 2, "Date: 2026-01-09"),
        (P, 5, 2, "Subject: (U) Intercepts"),
    ]



def test_rst_footnote_and_citation_texts_are_paragraphs_after_their_labels():
    # a footnote's text is a portion (P-01); a hyperlink target and a substitution are not
    text = (b"SECRET\n\n(S) Ports.[#]_\n\n.. [#] (S) Field reporting,\n   June 2026.\n\n"
            b".. [CIT26] (U) Port study.\n\n.. _site: https://example.mil\n\n.. |sub| replace:: text\n")
    doc = read_document("memo.rst", text)
    assert [(b.kind, b.line, b.column, b.text) for _, b in doc.blocks()] == [
        (L, 1, 1, "SECRET"), (P, 3, 1, "(S) Ports.[#]_"), (P, 5, 8, "(S) Field reporting,\nJune 2026."),
        (P, 8, 12, "(U) Port study."),
    ]


ADOC = """\
= (U) Convoy report
:toc:

*SECRET*

// marklint: disable portion-missing -- reviewed

(S) The convoy leaves
at dawn.

* (S) First leg
* (U) Second leg

[source,text]
----
(TS) code
----

....
(TS) literal
....

 (TS) indented literal

////
(TS) block comment
////

____
(S) quoted
____

<<<

|===
| (U) North | (S) 0600
|===

SECRET
"""


def test_asciidoc_blocks_positions_and_pages():
    assert summary("report.adoc", ADOC) == [
        (1, H, 1, 3, "(U) Convoy report"),
        (1, L, 4, 2, "SECRET"),
        (1, C, 6, 4, "marklint: disable portion-missing -- reviewed"),
        (1, P, 8, 1, "(S) The convoy leaves\nat dawn."),
        (1, LI, 11, 3, "(S) First leg"),
        (1, LI, 12, 3, "(U) Second leg"),
        (1, C, 26, 1, "(TS) block comment"),
        (1, Q, 30, 1, "(S) quoted"),
        (2, TC, 36, 3, "(U) North"),
        (2, TC, 36, 15, "(S) 0600"),
        (2, L, 39, 1, "SECRET"),
    ]


HTML = """\
<html><head><title>(TS) not shown</title>
<style>.break { page-break-after: always }</style></head>
<body>
<header><p align="center">SECRET</p></header>
<h1>(U) Convoy</h1>
<p>(S) The <b>convoy</b> leaves
   at dawn.</p>
<pre>(TS) preformatted</pre>
<p>Run <code>(TS)</code> here.</p>
<script>var mark = "(TS)";</script>
<!-- marklint: disable portion-missing -- reviewed -->
<div class="break"></div>
<ul><li>(C) Item</li></ul>
<table><tr><td>(U) North</td><td>(S) 0600</td></tr></table>
<blockquote><p>(S) quoted</p></blockquote>
<p style="page-break-before: always">(U) Last page.</p>
<footer><div style="text-align: center">SECRET</div></footer>
</body></html>
"""


def test_html_visible_text_regions_and_css_breaks():
    doc = read_document("page.html", HTML.encode())
    assert [(p.number, b.kind, b.region, b.line, b.column, b.text) for p, b in doc.blocks()] == [
        (1, L, Region.HEADER, 4, 27, "SECRET"),
        (1, H, Region.BODY, 5, 5, "(U) Convoy"),
        (1, P, Region.BODY, 6, 4, "(S) The convoy leaves\nat dawn."),
        (1, P, Region.BODY, 9, 4, "Run  here."),
        (1, C, Region.BODY, 11, 6, "marklint: disable portion-missing -- reviewed"),
        (2, LI, Region.BODY, 13, 9, "(C) Item"),
        (2, TC, Region.BODY, 14, 16, "(U) North"),
        (2, TC, Region.BODY, 14, 34, "(S) 0600"),
        (2, Q, Region.BODY, 15, 16, "(S) quoted"),
        (3, P, Region.BODY, 16, 38, "(U) Last page."),
        (3, L, Region.FOOTER, 17, 41, "SECRET"),
    ]


def test_markdown_newpage_line_breaks_inside_a_paragraph_but_not_inside_code():
    text = "(U) One.\n\\newpage\n(U) Two.\n\n```\n\\newpage\n(TS) code\n```\n\n(U) Still two.\n"
    assert summary("p.md", text) == [
        (1, P, 1, 1, "(U) One."),
        (2, P, 3, 1, "(U) Two."),
        (2, P, 10, 1, "(U) Still two."),
    ]


def test_markdown_html_inside_a_block_quote_is_quoted_too():
    assert [kind for _, kind, *_ in summary("q.md", '> <p align="center">TOP SECRET</p>\n\n(U) Text.\n')] == [Q, P]



def test_html_line_breaks_end_blocks():
    """`<br>` separates the lines of authority blocks and addresses, so each line is a block."""
    assert summary("p.html", "<p>Classified By: J. Smith<br>Declassify On: 20501231</p>\n") == [
        (1, P, 1, 4, "Classified By: J. Smith"),
        (1, P, 1, 31, "Declassify On: 20501231"),
    ]


def test_rst_table_title_is_a_heading():
    """The title of a `.. table::` directive is the table's caption: a HEADING block at its place."""
    doc = read_document("report.rst", b"SECRET\n\n.. table:: Table 1. (S) Fuel by port\n\n   ===  ===\n   (U) A  (S) 3\n   ===  ===\n")
    headings = [(b.text, b.line, b.column) for p in doc.pages for b in p.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("Table 1. (S) Fuel by port", 3, 12)]
