"""PDF reader (pypdf, the `pdf` extra).

Pages are the PDF's pages. Each page's text is extracted in pypdf's layout mode (which keeps
the blank lines between paragraphs) and split into blocks by the plain-text rules, so the first
and last text lines of a page are its banner candidates and portions are found as in text.
Positions: "line" is the line within the page's extracted text (1-based) and `Finding.page`
is the PDF page; columns count characters of that extracted line.

A PDF without a text layer (a scan) is not an error: the Document gets a `pdf-no-text-layer`
note, once for the whole file or once per textless page when only some pages have text.
Corrupt, truncated or encrypted PDFs raise InputError.
"""

from __future__ import annotations

import io
import logging

from marklint.document import Block, Document, InputError, Page, ReaderOptions
from marklint.readers import text
from marklint.readers._common import require


def _page_blocks(path: str, page_text: str, options: ReaderOptions) -> list[Block]:
    """Blocks of one page's extracted text, by the plain-text reader's rules."""
    cleaned = "\n".join(line.rstrip() for line in page_text.replace("\x00", "").split("\n"))
    parsed = text.read(path, cleaned.encode("utf-8"), options)
    return [block for _, block in parsed.blocks()]


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read a PDF file into a Document (see the module docstring)."""
    pypdf = require("pypdf", "pdf", "PDF files")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files are reported, not logged
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("encrypted PDF: its text cannot be read")
        texts = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise InputError(f"not a readable PDF (corrupt or truncated: {type(exc).__name__})") from None
    doc = Document(path=path, format="pdf")
    textless = []
    for number, page_text in enumerate(texts, 1):
        if not page_text.strip():
            textless.append(number)
        doc.pages.append(Page(number, _page_blocks(path, page_text, options) if page_text.strip() else []))
    if not doc.pages:
        doc.pages.append(Page(1))
    doc.metadata["textless_pages"] = textless  # pdf-no-text-layer reports them
    return doc
