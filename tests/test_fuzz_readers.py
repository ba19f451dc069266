"""Fuzz every registered reader: any input gives a Document or an InputError, nothing else."""

from __future__ import annotations

import io
import random
import re
import zipfile

import pytest
from fuzz_strategies import documents, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from marklint.document import Document, InputError, ReaderOptions
from marklint.readers import READERS, read_document

BINARY_FORMATS = ("docx", "odt", "pdf", "pptx", "xlsx")
TEXT_FORMATS = sorted(name for name in READERS if name not in BINARY_FORMATS)
FUZZ = fuzz_settings(120)

encoded_documents = st.one_of(
    documents.map(lambda text: text.encode("utf-8")),
    documents.map(lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
    st.binary(max_size=400),
)


def read_or_input_error(path: str, data: bytes, fmt: str, options: ReaderOptions = ReaderOptions()):
    try:
        doc = read_document(path, data, fmt, options)
    except InputError as exc:
        message = str(exc)
        assert message and "\n" not in message
        return None
    assert isinstance(doc, Document)
    for _, block in doc.blocks():
        assert block.line >= 1 and block.column >= 1
    return doc


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@FUZZ
@given(data=encoded_documents, quotes=st.booleans())
def test_text_like_readers_never_crash(fmt, data, quotes):
    read_or_input_error(f"fuzz.{fmt}", data, fmt, ReaderOptions(include_quotes=quotes))


@FUZZ
@given(text=documents)
def test_text_reader_positions_are_exact(text):
    """Every row of every block sits in the source at its block's line and column."""
    doc = read_or_input_error("fuzz.txt", text.encode("utf-8"), "text")
    if doc is None:
        return
    assert doc.source == text
    source_lines = re.split(r"\r\n?|\n", text)  # CRLF, LF and a lone CR end lines
    for _, block in doc.blocks():
        for row, content in enumerate(block.text.split("\n")):
            line, column = block.position_of(sum(len(r) + 1 for r in block.text.split("\n")[:row]))
            assert source_lines[line - 1][column - 1:column - 1 + len(content)] == content


@FUZZ
@given(text=documents, pattern=st.sampled_from(["^-{3,}$", "PAGE BREAK", r"^\s*\d+\s*$"]))
def test_text_reader_with_page_break_patterns(text, pattern):
    read_or_input_error("fuzz.txt", text.encode("utf-8"), "text", ReaderOptions(page_break_patterns=(pattern,)))


def _saved(document) -> bytes:
    """The bytes of a python-docx, python-pptx or openpyxl document."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_bytes(paragraphs: list[str]) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "SECRET"
    for text in paragraphs:
        document.add_paragraph(text)
    return _saved(document)


def _pdf_bytes(paragraphs: list[str]) -> bytes:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for text in paragraphs:
        pdf.multi_cell(0, 6, text.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _pptx_bytes(paragraphs: list[str]) -> bytes:
    pptx = pytest.importorskip("pptx")
    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    for index, text in enumerate(paragraphs):
        slide.shapes.add_textbox(0, 1500000 * index, 9000000, 400000).text_frame.text = text
    return _saved(presentation)


def _xlsx_bytes(paragraphs: list[str]) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.oddHeader.center.text = paragraphs[0]
    for row, text in enumerate(paragraphs, 1):
        workbook.active.cell(row, 1, text)
    return _saved(workbook)


def _odt_bytes(paragraphs: list[str]) -> bytes:
    office, text, style = ("urn:oasis:names:tc:opendocument:xmlns:office:1.0",
                           "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
                           "urn:oasis:names:tc:opendocument:xmlns:style:1.0")
    namespaces = f'xmlns:office="{office}" xmlns:text="{text}" xmlns:style="{style}"'
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("content.xml", f"<office:document-content {namespaces}><office:body><office:text>"
                                        f"{body}</office:text></office:body></office:document-content>")
        archive.writestr("styles.xml", f'<office:document-styles {namespaces}><office:master-styles><style:master-page '
                                       f'style:name="Standard"><style:header><text:p>{paragraphs[0]}</text:p></style:header>'
                                       "</style:master-page></office:master-styles></office:document-styles>")
    return out.getvalue()


BUILDERS = {"docx": _docx_bytes, "pdf": _pdf_bytes, "pptx": _pptx_bytes, "xlsx": _xlsx_bytes, "odt": _odt_bytes}


def _mutate(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    choice = seed % 3
    if choice == 0:
        return data[: rng.randrange(len(data))]
    buf = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    if choice == 2:
        del buf[rng.randrange(len(buf)):][: rng.randint(1, 200)]
    return bytes(buf)


@pytest.mark.parametrize("fmt", [name for name in BINARY_FORMATS if name in READERS])
@fuzz_settings(60)
@given(seed=st.integers(0, 2**32 - 1), junk=st.binary(max_size=300))
def test_binary_readers_survive_mutations(fmt, seed, junk):
    valid = _valid_binary(fmt)
    read_or_input_error(f"fuzz.{fmt}", _mutate(valid, seed), fmt)
    read_or_input_error(f"fuzz.{fmt}", junk, fmt)


_valid_cache: dict[str, bytes] = {}


def _valid_binary(fmt: str) -> bytes:
    if fmt not in _valid_cache:
        _valid_cache[fmt] = BUILDERS[fmt](["SECRET//NOFORN", "(S//NF) A portion.", "(U) Another one.", "SECRET//NOFORN"])
    return _valid_cache[fmt]
