"""Readers: turn a file's bytes into a `Document`.

`read_document` picks a reader by explicit format name or by the file's extension and imports
that reader module only when it is needed, so linting plain text never imports the Markdown,
DOCX or PDF libraries. Every reader is a function `read(path, data, options) -> Document` that
raises `InputError` for input it cannot read.
"""

from __future__ import annotations

import importlib
import os

from marklint.document import Document, InputError, ReaderOptions

# file extension (lower case, with the dot) -> format name
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".rst": "rst",
    ".rest": "rst",
    ".adoc": "asciidoc",
    ".asciidoc": "asciidoc",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pptx": "pptx",
    ".odt": "odt",
    ".xlsx": "xlsx",
    ".pdf": "pdf",
    ".eml": "email",
}

# format name -> "module:function"
READERS: dict[str, str] = {
    "text": "marklint.readers.text:read",
    "markdown": "marklint.readers.markdown:read",
    "rst": "marklint.readers.rst:read",
    "asciidoc": "marklint.readers.asciidoc:read",
    "html": "marklint.readers.html:read",
    "docx": "marklint.readers.docx:read",
    "pptx": "marklint.readers.pptx:read",
    "odt": "marklint.readers.odt:read",
    "xlsx": "marklint.readers.xlsx:read",
    "pdf": "marklint.readers.pdf:read",
    "email": "marklint.readers.email:read",
}

DEFAULT_FORMAT = "text"


def format_for(path: str) -> str:
    """The format name for a path, by extension; plain text when the extension is unknown."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower(), DEFAULT_FORMAT)


def read_document(
    path: str, data: bytes, fmt: str | None = None, options: ReaderOptions = ReaderOptions()
) -> Document:
    """Read `data` (the contents of `path`) into a Document.

    `fmt` overrides the format chosen by extension. Raises InputError for an unknown format or
    for input the reader cannot understand.
    """
    name = fmt or format_for(path)
    target = READERS.get(name)
    if target is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"unknown input format {name!r} (known: {known})")
    module_name, func_name = target.split(":")
    reader = getattr(importlib.import_module(module_name), func_name)
    return reader(path, data, options)
