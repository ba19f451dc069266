"""E-mail (.eml) reader (standard library `email`).

The message is one page. The Subject header is a SUBJECT block (`Subject: ...`, at its line in
the file), placed after the body's first line so that the body's first line stays the page's
top edge: B-09 puts the overall banner on the first line of the body and again after the
signature block, with the authority block between. The body is the text/plain part (else the
text/html part, read as HTML); plain bodies are split into blocks by the plain-text rules.
Body lines are numbered as in the file when the body is stored as plain 7bit/8bit text;
quoted-printable and base64 bodies are numbered from the line after the headers.

Attachments whose file name has an extension marklint reads are read with their own reader;
`metadata["attachments"]` holds `(file name, Document)` pairs so the e-mail check can raise
the message's required overall marking (B-10); an attachment that cannot be read becomes an
`email-attachment-unreadable` note at its file name's line. `metadata["headers"]` holds each
header field as a HeaderField (name, unfolded value, and where each character of the value is
in the file), for the checks that judge a marking carried in a header (A-09).
"""

from __future__ import annotations

import email
import email.errors
import email.header
import email.policy
import os
import re

from marklint.document import Block, BlockKind, Document, InputError, Page, ReaderOptions
from marklint.readers import html, text
from marklint.readers._common import line_kind

_HEADER_RE = re.compile(r"[\x21-\x39\x3b-\x7e]+:")


class HeaderField:
    """One header field as written: its name, its unfolded value (line breaks of folding
    removed, an encoded-word value decoded) and the file position of each value character."""

    def __init__(self, name: str, value: str, starts: list[tuple[int, int, int]]) -> None:
        self.name = name
        self.value = value
        self._starts = starts  # (offset in value, line, column) where each folded line's text begins; offset -1: decoded

    def at(self, offset: int) -> tuple[int, int]:
        """The (line, column) in the file of the value's character at `offset` (the value's
        start, for a decoded value)."""
        start, line, column = next(s for s in reversed(self._starts) if s[0] <= offset)
        return (line, column) if start < 0 else (line, column + offset - start)


def _header_fields(raw_lines: list[str], header_end: int) -> list[HeaderField]:
    """The header fields of the lines before the body, with positions (see HeaderField)."""
    fields: list[HeaderField] = []
    name, value, starts = None, "", []
    for number, line in enumerate(raw_lines[:header_end], 1):
        if not line.strip():
            break
        if line[0] in " \t" and name is not None:
            starts.append((len(value), number, 1))
            value += line
            continue
        if name is not None:
            fields.append(_field(name, value, starts))
        match = _HEADER_RE.match(line)
        name = match.group()[:-1] if match else None
        if match:
            rest = line[match.end():]
            column = match.end() + 1 + len(rest) - len(rest.lstrip())
            value, starts = rest.lstrip(), [(0, number, column)]
    if name is not None:
        fields.append(_field(name, value, starts))
    return fields


def _field(name: str, value: str, starts: list[tuple[int, int, int]]) -> HeaderField:
    value = value.rstrip()
    if "=?" in value:  # an RFC 2047 encoded word: decoded, its positions all at the value's start
        try:
            decoded = str(email.header.make_header(email.header.decode_header(value)))
        except (LookupError, ValueError, email.errors.HeaderParseError):
            return HeaderField(name, value, starts)  # undecodable: judged as written
        return HeaderField(name, decoded, [(-1, *starts[0][1:])])
    return HeaderField(name, value, starts)


def _header_lines(raw_lines: list[str]) -> tuple[int, int | None]:
    """(number of lines before the body, line of the Subject header or None).

    The headers end at a blank line, or, in a message without one, before the first line that
    is neither a header nor a folded continuation (where the e-mail parser starts the body).
    """
    subject = None
    for number, line in enumerate(raw_lines, 1):
        if not line.strip():
            return number, subject
        folded = number > 1 and line[:1] in " \t"
        mbox = number == 1 and line.startswith("From ")  # an mbox "From " line before the headers
        if not (_HEADER_RE.match(line) or folded or mbox):
            return number - 1, subject
        if line.lower().startswith("subject:"):
            subject = number
    return len(raw_lines), subject


def _offset(body: str, raw_lines: list[str], header_end: int) -> int:
    """How many file lines come before the body's first line."""
    lines = body.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return header_end
    for number in range(header_end, len(raw_lines)):
        if raw_lines[number].rstrip() == lines[first].rstrip():
            return number - first
    return header_end


def _body_blocks(path: str, part, raw_lines: list[str], header_end: int, options: ReaderOptions) -> list[Block]:
    content = part.get_content().replace("\r\n", "\n")
    offset = _offset(content, raw_lines, header_end)
    if part.get_content_subtype() == "html":
        items = html.extract(content, offset + 1, options.include_quotes)
        blocks = [item for item in items if isinstance(item, Block)]
        for block in blocks:
            block.kind = line_kind(block.kind, block.text)
        return blocks
    parsed = text.read(path, content.encode("utf-8"), options)
    blocks = [block for _, block in parsed.blocks()]
    for block in blocks:
        block.line += offset
    return blocks


def _attachments(message, options: ReaderOptions) -> tuple[list[tuple[str, Document]], list[tuple[str, str]]]:
    from marklint.readers import EXTENSIONS, read_document

    documents, errors = [], []
    for part in message.iter_attachments():
        name = part.get_filename()
        if not name or os.path.splitext(name)[1].lower() not in EXTENSIONS:
            continue
        try:
            documents.append((name, read_document(name, part.get_payload(decode=True) or b"", options=options)))
        except InputError as exc:
            errors.append((name, str(exc)))
    return documents, errors


MAX_NESTING = 64  # levels of MIME parts inside parts; real mail rarely goes past five
_TOO_DEEP = f"nesting too deep (MIME parts nested more than {MAX_NESTING} levels)"


def _depth(message) -> int:
    """How deeply the parts of `message` nest (counted without recursion)."""
    deepest, stack = 0, [(message, 1)]
    while stack:
        part, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_NESTING:
            break
        payload = part.get_payload() if part.is_multipart() else None
        if isinstance(payload, list):
            stack.extend((child, depth + 1) for child in payload)
    return deepest


def read(path: str, data: bytes, options: ReaderOptions) -> Document:
    """Read an .eml file into a Document (see the module docstring). A message whose parts
    nest more than MAX_NESTING levels is refused ("nesting too deep")."""
    try:
        return _read(path, data, options)
    except RecursionError:  # the standard library's parser recurses once per level
        raise InputError(_TOO_DEEP) from None


def _read(path: str, data: bytes, options: ReaderOptions) -> Document:
    text.reject_utf16(data)
    if b"\x00" in data:
        raise InputError("not an e-mail message (contains NUL bytes)")
    message = email.message_from_bytes(data, policy=email.policy.default)
    if message.defects and not message.keys():
        raise InputError("not an e-mail message (no headers)")
    if _depth(message) > MAX_NESTING:
        raise InputError(_TOO_DEEP)
    raw_lines = data.decode("utf-8", errors="replace").replace("\r\n", "\n").split("\n")
    header_end, subject_line = _header_lines(raw_lines)
    try:
        body = message.get_body(preferencelist=("plain", "html"))
        blocks = _body_blocks(path, body, raw_lines, header_end, options) if body is not None else []
        attachments, errors = _attachments(message, options)
    except (LookupError, ValueError, AttributeError) as exc:
        raise InputError(f"cannot decode the message body ({type(exc).__name__})") from None
    if subject_line is not None:
        subject = Block(BlockKind.SUBJECT, f"Subject: {str(message['subject'] or '').strip()}", subject_line, 1)
        blocks.insert(1 if blocks else 0, subject)
    doc = Document(path=path, format="email", pages=[Page(1, blocks)], source=None)
    doc.metadata["attachments"] = attachments
    doc.metadata["headers"] = _header_fields(raw_lines, header_end)
    doc.metadata["unreadable_attachments"] = [  # email-attachment-unreadable reports them
        (name, problem, next((n for n, text in enumerate(raw_lines, 1) if "filename" in text and name in text), 1))
        for name, problem in errors]
    return doc
