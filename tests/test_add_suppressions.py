"""`marklint --add-suppressions`: one comment per block with findings, in each format's comment
syntax, after which the tree lints clean; line endings kept; binary formats left alone."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from cli_support import run_cli

import marklint.config

MD = """\
SECRET

# Heading about the plan

Paragraph one
continues here.

- list item one
- (S) list item two

SECRET
"""
MD_AFTER = """\
<!-- marklint: disable-next-line cab-missing -- TODO: reason -->
SECRET

<!-- marklint: disable-next-line portion-missing -- TODO: reason -->
# Heading about the plan

<!-- marklint: disable-next-line portion-missing -- TODO: reason -->
Paragraph one
continues here.

<!-- marklint: disable-next-line portion-missing -- TODO: reason -->
- list item one
- (S) list item two

SECRET
"""
RST = "SECRET\n\nParagraph one.\n\n(S) Marked one.\n\nSECRET\n"
RST_AFTER = (".. marklint: disable-next-line cab-missing -- TODO: reason\n\nSECRET\n\n"
             ".. marklint: disable-next-line portion-missing -- TODO: reason\n\nParagraph one.\n\n"
             "(S) Marked one.\n\nSECRET\n")
ADOC = "SECRET\n\nParagraph one.\n\n(S) Marked one.\nSECRET\n"
ADOC_AFTER = ("// marklint: disable-next-line cab-missing -- TODO: reason\nSECRET\n\n"
              "// marklint: disable-next-line portion-missing -- TODO: reason\nParagraph one.\n\n"
              "// marklint: disable-next-line banner-missing-bottom -- TODO: reason\n(S) Marked one.\nSECRET\n")
HTML = "<p>SECRET</p>\n<p>The escort joins at noon.</p>\n  <p>(S) Marked.</p>\n<p>SECRET</p>\n"
HTML_AFTER = ("<!-- marklint: disable-next-line cab-missing -- TODO: reason -->\n<p>SECRET</p>\n"
              "<!-- marklint: disable-next-line portion-missing -- TODO: reason -->\n"
              "<p>The escort joins at noon.</p>\n  <p>(S) Marked.</p>\n<p>SECRET</p>\n")


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    marklint.config._by_directory.clear()
    return tmp_path


def lint(*paths):
    return run_cli(["--no-cache", "--jobs", "1", *paths])


@pytest.mark.parametrize(("name", "before", "after", "count"), [
    ("memo.md", MD, MD_AFTER, 4),
    ("memo.rst", RST, RST_AFTER, 2),
    ("memo.adoc", ADOC, ADOC_AFTER, 3),
    ("memo.html", HTML, HTML_AFTER, 2),
])
def test_each_format_gets_its_comment_syntax_and_lints_clean(tree, name, before, after, count):
    (tree / name).write_text(before)
    assert lint(name)[0] == 1
    plural = "s" * (count != 1)
    assert run_cli(["--add-suppressions", name]) == (
        0, f"{name}: added {count} suppression comment{plural}\nadded {count} suppression comment{plural} to 1 file\n", "")
    assert (tree / name).read_text() == after
    assert lint(name) == (0, f"{name}: 1 page, 0 errors, 0 warnings (rule set us-cnsi)\n", "")


def test_text_keeps_crlf_and_indentation_and_merges_rules_of_a_block(tree):
    (tree / "cable.txt").write_bytes(b"SECRET // NOFORN\r\n\r\n    (S//NF) Para\r\n    wrapped.\r\n\r\n"
                                     b"    Second para.\r\n\r\nSECRET//NOFORN\r\n")
    code, out, _ = run_cli(["--add-suppressions", "-q", "cable.txt"])
    assert (code, out) == (0, "")
    assert (tree / "cable.txt").read_bytes() == (
        b"# marklint: disable-next-line cab-missing, marking-syntax -- TODO: reason\r\nSECRET // NOFORN\r\n\r\n"
        b"    (S//NF) Para\r\n    wrapped.\r\n\r\n"
        b"    # marklint: disable-next-line portion-missing -- TODO: reason\r\n    Second para.\r\n\r\n"
        b"SECRET//NOFORN\r\n")
    assert lint("cable.txt")[0] == 0


def test_clean_files_are_untouched_and_binary_formats_are_named(tree):
    clean = "UNCLASSIFIED\n\n(U) Nothing to see.\n\nUNCLASSIFIED\n"
    (tree / "clean.txt").write_text(clean)
    from docx import Document

    doc = Document()
    for text in ("SECRET", "The escort joins at noon.", "SECRET"):
        doc.add_paragraph(text)
    doc.save(tree / "memo.docx")
    before = (tree / "memo.docx").read_bytes()
    code, out, err = run_cli(["--add-suppressions", "."])
    assert (code, err) == (0, "marklint: memo.docx: not changed: docx files hold no suppression comments\n")
    assert out.startswith("added 0 suppression comments to 0 files; ") and out.endswith(" left unsuppressed\n")
    assert (tree / "clean.txt").read_text() == clean
    assert (tree / "memo.docx").read_bytes() == before


def test_unreadable_file_is_exit_2(tree):
    (tree / "bad.txt").write_bytes(b"SECRET\xff\n")
    code, out, err = run_cli(["--add-suppressions", "bad.txt"])
    assert code == 2 and err.startswith("marklint: bad.txt: ") and len(err.splitlines()) == 1
    assert out == "added 0 suppression comments to 0 files\n"


def test_the_documented_example_is_real(tree):
    page = (Path(__file__).resolve().parents[1] / "docs" / "suppressions.md").read_text(encoding="utf-8")
    section = page[page.index("## Adding suppressions"):]
    blocks = re.findall(r"\n\n(    .*\n(?:    .*\n|\n(?=    ))*)", section)
    run_shown, after = [textwrap.dedent(block) for block in blocks[:2]]
    (tree / "memo.txt").write_text("SECRET\n\n(S) The convoy leaves at dawn.\n\nThe escort joins at noon.\n\nSECRET\n")
    command, *output = run_shown.splitlines(keepends=True)
    assert command == "$ marklint --add-suppressions memo.txt\n"
    assert run_cli(["--add-suppressions", "memo.txt"]) == (0, "".join(output), "")
    assert (tree / "memo.txt").read_text() == after
