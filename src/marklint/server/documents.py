"""What an open document is linted as (its path, format and settings), and linting it with
marklint's own pipeline, so that the editor shows what `marklint PATH` prints for the file.

Text formats are linted from the editor's text as it is typed; Word and PDF files (and any
other format marklint does not rewrite) from the file on disk, when opened and when saved.
A document whose file name has no known extension is read as the format its language id names
(`markdown`, `restructuredtext`, ...), else as plain text. The configuration is the one
`marklint PATH` would use (`marklint.lint.effective_settings`); a document that is not a file
(an unsaved buffer) takes the configuration of the workspace folder.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlparse

from pygls.uris import to_fs_path

from marklint.config import ConfigError
from marklint.document import InputError
from marklint.findings import FileResult
from marklint.fix import FIXABLE_FORMATS, fix_text
from marklint.lint import Settings, effective_settings, recognized, lint_bytes, lint_path, read_bytes, read_path
from marklint.readers import EXTENSIONS, format_for
from marklint.config import TOML_NAME, YAML_NAME
from marklint.ruleset import RuleSetError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from marklint.checks.context import CheckContext

# LSP language ids of the text formats, for documents whose name says nothing
LANGUAGE_FORMATS = {
    "plaintext": "text", "text": "text", "markdown": "markdown", "restructuredtext": "rst", "rst": "rst",
    "asciidoc": "asciidoc", "adoc": "asciidoc", "html": "html",
}


def uri_path(uri: str, root: str | None) -> str:
    """The file system path of a `file:` URI; for another scheme (an unsaved buffer) a name in
    the workspace folder `root` (else the working directory), so that its configuration applies."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return os.path.normpath(to_fs_path(uri) or unquote(parsed.path))
    name = os.path.basename(unquote(parsed.path)) or "untitled"
    return os.path.join(root or os.getcwd(), name)


class Target:
    """One open document as marklint sees it. `text` is the editor's text for the formats
    linted from the buffer (`from_buffer`), else None (read from disk)."""

    def __init__(self, uri: str, path: str, fmt: str, settings: Settings, text: str | None) -> None:
        self.uri = uri
        self.path = path
        self.fmt = fmt
        self.settings = settings
        self.text = text

    @property
    def from_buffer(self) -> bool:
        """Whether the editor's text is linted (a text format marklint can also fix)."""
        return self.fmt in FIXABLE_FORMATS

    @property
    def fixable(self) -> bool:
        """Whether fixes can be offered as edits: a text format without lone carriage returns
        (marklint's readers count those as line breaks, its fix positions do not)."""
        return self.text is not None and "\r" not in self.text.replace("\r\n", "")


def target(uri: str, language_id: str | None, text: str, root: str | None) -> Target:
    """The Target for a document with this URI, language id and editor text."""
    path = uri_path(uri, root)
    if os.path.splitext(path)[1].lower() in EXTENSIONS:
        fmt, settings = format_for(path), Settings()
    else:
        fmt = LANGUAGE_FORMATS.get((language_id or "").lower(), "text")
        settings = Settings(input_format=fmt)
    made = Target(uri, path, fmt, settings, None)
    if made.from_buffer:
        made.text = text
    return made


def is_configuration(path: str) -> bool:
    """Whether the file is one marklint reads its configuration from."""
    return os.path.basename(path) in (YAML_NAME, TOML_NAME)


def lint(doc: Target, text: str | None = None) -> FileResult:
    """Lint the document (or another version of its `text`) as `marklint PATH` would."""
    if not doc.from_buffer:
        return lint_path(doc.path, doc.settings)
    return lint_bytes(doc.path, (doc.text if text is None else text).encode("utf-8"), doc.settings)


def fixed_text(doc: Target, unsafe: bool = False) -> str:
    """The document's text with every safe fix applied (unsafe ones too when `unsafe`), as
    `marklint --fix` would leave it."""
    return fix_text(doc.text or "", lambda version: lint(doc, version), unsafe).text


def analyse(doc: Target) -> CheckContext | None:
    """The recognised document (rule set, vocabulary, banners and portion marks per page), or
    None when it cannot be read or configured (its diagnostics say why)."""
    try:
        settings = effective_settings(doc.path, doc.settings)
        data = (doc.text or "").encode("utf-8") if doc.from_buffer else read_path(doc.path)
        return recognized(read_bytes(doc.path, data, settings), settings)[0]
    except (InputError, RuleSetError, ConfigError):
        return None
