"""Shared helpers of the archival tests: the real development set and linting it."""

from pathlib import Path

from marklint.lint import Settings, lint_document
from marklint.readers import read_document

REAL = Path(__file__).parent / "fixtures" / "archives" / "real"
REAL_DOCUMENTS = sorted(REAL.glob("*/*.txt"))


def read(path: Path):
    """The Document of a fixture file, as the text reader makes it."""
    return read_document(str(path), path.read_bytes())


def lint_text(text: str, name: str = "doc.txt", **settings):
    """The reported findings of a text, linted without configuration."""
    doc = read_document(name, text.encode("utf-8"))
    return lint_document(doc, Settings(use_config=False, **settings))
