"""Fix mode on every format: Markdown, reST, AsciiDoc and HTML are fixed in place (code and
literal blocks untouched), DOCX and PDF never change (their fixes are only reported)."""

import hashlib
import json

import pytest

from marklint.fix import fix_path
from marklint.lint import Settings
from cli_support import run_cli

CAB = "Classified By: J. Smith, Director\nDerived From: Memo dated 20240101\nDeclassify On: 20491231\n"
SETTINGS = Settings(use_config=False)

CASES = {
    "memo.md": (
        "**SECRET // NOFORN**\n\n# (U) Heading\n\n(S//NOFRON) The convoy *left* at dawn.\n\n"
        "- (S//REL TO GBR, USA) item one\n\n```\nSECRET // NOFORN in code\n```\n\n" + CAB + "\n**SECRET//NF**\n",
        "**SECRET//NOFORN**\n\n# (U) Heading\n\n(S//NF) The convoy *left* at dawn.\n\n"
        "- (S//REL TO USA, GBR) item one\n\n```\nSECRET // NOFORN in code\n```\n\n" + CAB + "\n**SECRET//NOFORN**\n",
    ),
    "memo.rst": (
        "SECRET // NOFORN\n\n(S//NOFRON) The convoy left at dawn.\n\n::\n\n   SECRET // NOFORN literal\n\n"
        + CAB + "\nSECRET//NF\n",
        "SECRET//NOFORN\n\n(S//NF) The convoy left at dawn.\n\n::\n\n   SECRET // NOFORN literal\n\n"
        + CAB + "\nSECRET//NOFORN\n",
    ),
    "memo.adoc": (
        "SECRET // NOFORN\n\n(S//NOFRON) The convoy left at dawn.\n\n----\nSECRET // NOFORN listing\n----\n\n"
        + CAB + "\nSECRET//NF\n",
        "SECRET//NOFORN\n\n(S//NF) The convoy left at dawn.\n\n----\nSECRET // NOFORN listing\n----\n\n"
        + CAB + "\nSECRET//NOFORN\n",
    ),
    "memo.html": (
        "<html><body>\n<header>SECRET // NOFORN</header>\n<p>(S//NOFRON) The convoy &amp; escort.</p>\n"
        "<pre>SECRET // NOFORN</pre>\n<p>" + CAB.replace("\n", "<br>") + "</p>\n<footer>SECRET//NF</footer>\n</body></html>\n",
        "<html><body>\n<header>SECRET//NOFORN</header>\n<p>(S//NF) The convoy &amp; escort.</p>\n"
        "<pre>SECRET // NOFORN</pre>\n<p>" + CAB.replace("\n", "<br>") + "</p>\n<footer>SECRET//NOFORN</footer>\n</body></html>\n",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_markup_formats_are_fixed_in_place(tmp_path, name):
    before, after = CASES[name]
    path = tmp_path / name
    path.write_text(before)
    done = fix_path(str(path), SETTINGS)
    assert path.read_text() == after
    assert done.result.findings == []


def test_markdown_banner_insertion_keeps_a_blank_line_and_crlf(tmp_path):
    path = tmp_path / "memo.md"
    path.write_bytes(("**SECRET//NOFORN**\n\n(S//NF) The convoy left at dawn.\n\n" + CAB).replace("\n", "\r\n").encode())
    done = fix_path(str(path), SETTINGS)
    expected = "**SECRET//NOFORN**\n\n(S//NF) The convoy left at dawn.\n\n" + CAB + "\nSECRET//NOFORN\n"
    assert path.read_bytes() == expected.replace("\n", "\r\n").encode()
    assert [(f.rule, f.fix.safety) for f in done.fixed] == [("banner-missing-bottom", "safe")]


def test_html_entity_inside_a_marking_is_never_edited_blind(tmp_path):
    """The reader decodes `&#47;` to `/`, so its columns do not match the source: no fix."""
    path = tmp_path / "memo.html"
    text = ("<html><body>\n<header>SECRET&#47;&#47;NF</header>\n<p>(S//NF) The convoy.</p>\n<p>"
            + CAB.replace("\n", "<br>") + "</p>\n<footer>SECRET//NF</footer>\n</body></html>\n")
    path.write_text(text)
    done = fix_path(str(path), SETTINGS)
    assert path.read_text() == text.replace("<footer>SECRET//NF<", "<footer>SECRET//NOFORN<")
    [left] = [f for f in done.result.findings if f.rule == "marking-form"]
    assert (left.line, left.fix) == (2, None)


def test_a_lone_carriage_return_in_markup_is_not_fixed(tmp_path):
    path = tmp_path / "memo.md"
    data = b"SECRET // NOFORN\r\r(S//NF) The convoy.\n"
    path.write_bytes(data)
    done = fix_path(str(path), SETTINGS)
    assert path.read_bytes() == data and done.fixed == []
    assert done.result.notices[-1] == "not fixed: lone carriage returns as line ends"


def test_a_lone_carriage_return_in_plain_text_is_not_fixed(tmp_path):
    path = tmp_path / "memo.txt"
    data = b"SECRET // NOFORN\r\r(S//NF) The convoy.\n"
    path.write_bytes(data)
    done = fix_path(str(path), SETTINGS)
    assert path.read_bytes() == data and done.fixed == []
    assert done.result.notices[-1] == "not fixed: lone carriage returns as line ends"
    [syntax] = [f for f in done.result.findings if f.rule == "marking-syntax"]
    assert (syntax.line, syntax.column, syntax.fix is not None) == (1, 7, True)


def run(argv):
    return run_cli(argv)


def test_docx_is_never_modified_and_its_fixes_are_reported(tmp_path, monkeypatch):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "SECRET//NOFORN"
    document.sections[0].footer.paragraphs[0].text = "SECRET//NOFORN"
    for line in ["(S//NOFRON) The convoy left at dawn.", *CAB.splitlines()]:
        document.add_paragraph(line)
    path = tmp_path / "memo.docx"
    document.save(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["--fix", "--format", "json", "memo.docx"])
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert err == ("fixed 0 findings in 0 files\n"
                   "marklint: memo.docx: note: docx files are not modified; their fixes are reported only\n")
    [finding] = json.loads(out)
    assert (finding["rule"], finding["fix"]["safety"], finding["fix"]["edits"][0]["replacement"]) == (
        "marking-unknown-token", "safe", "NOFORN")
    assert code == 1


def test_pdf_is_never_modified(tmp_path):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in ["SECRET // NOFORN", "(S//NF) The convoy left at dawn.", *CAB.splitlines(), "SECRET//NOFORN"]:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "memo.pdf"
    pdf.output(str(path))
    data = path.read_bytes()
    done = fix_path(str(path), SETTINGS)
    assert path.read_bytes() == data and done.fixed == [] and not done.changed
    assert "marking-syntax" in {f.rule for f in done.result.findings if f.fix is not None}
    assert done.result.notices == ["pdf files are not modified; their fixes are reported only"]


def test_inserted_banners_keep_headings_whole(tmp_path):
    """A banner never lands between a heading and its over- or underline."""
    rst = tmp_path / "memo.rst"
    rst.write_text("==========\nMEMORANDUM\n==========\n\n(S) The convoy left at dawn.\n\n" + CAB + "\nSECRET\n")
    fix_path(str(rst), SETTINGS)
    assert rst.read_text().startswith("SECRET\n\n==========\nMEMORANDUM\n==========\n\n(S) The convoy")
    for name in ("annex.md", "annex.txt"):
        path = tmp_path / name
        path.write_text("SECRET\n\n(S) The convoy left at dawn.\n\n" + CAB + "\nAnnex\n-----\n")
        fix_path(str(path), SETTINGS)
        assert path.read_text().endswith("\nAnnex\n-----\n\nSECRET\n"), name
