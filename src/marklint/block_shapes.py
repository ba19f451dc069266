"""The shapes of a block that the structure model (`marklint.layout`) weighs with its position:
a signature (names, titles, offices, contact lines), a greeting, a closing, e-mail quoting; and
the rule set's `portions.layout` patterns they are read with."""

from __future__ import annotations

import re

from marklint.document import Block, BlockKind
from marklint.name_lines import is_name_like
from marklint.values import FrozenValue

TYPE_CHECKING = False
if TYPE_CHECKING:
    from marklint.ruleset import NamedPattern

QUOTE_PREFIX_RE = re.compile(r"^(?:>[ \t]?)+")
# List markers (not a phone number's area code: `(703) 555-0142`).
_LIST_MARK_RE = re.compile(r"^(?:\d{1,3}[.)]|[a-zA-Z][.)]|\(\d{1,2}\)|\([a-z]\)|[\u2022\u00b7*]|-{1,3})\s+")
_MOTTO_RE = re.compile(r"[\"\u201c][^\"\u201c\u201d]{1,80}[\"\u201d]")
GREETING_MAX_WORDS = 6
BLOCK_MAX_LINES = 10  # a signature or letterhead block is a handful of short lines
SUBJECT_LABEL_RE = re.compile(r"(?:SUBJECT|Subject|SUBJ|Subj|RE|Re)\s*:")


class LayoutPatterns(FrozenValue):
    """The rule set's `portions.layout` patterns, by role (absent roles match nothing)."""

    _fields = ("greeting", "signature_mark", "contact", "signing_authority", "office", "form_name")

    def __init__(self, patterns: tuple[NamedPattern, ...] = ()) -> None:
        by_name = {p.name: p.regex for p in patterns}
        self.__dict__.update(greeting=by_name.get("greeting"), signature_mark=by_name.get("signature-mark"),
                             contact=by_name.get("contact"), signing_authority=by_name.get("signing-authority"),
                             office=by_name.get("office"), form_name=by_name.get("form-name"))


def matches(pattern, text: str) -> bool:
    """Whether a rule-set pattern (None: absent) is found in `text`."""
    return pattern is not None and pattern.search(text) is not None


def plain_line(line: str) -> str:
    """A line without its quote prefix (`> `), list marker and surrounding space."""
    line = QUOTE_PREFIX_RE.sub("", line.strip())
    return _LIST_MARK_RE.sub("", line).strip()


def is_contact(line: str, patterns: LayoutPatterns) -> bool:
    """A phone, DSN, e-mail or web address line: once the addresses are taken out, at most a
    few labels or a name are left."""
    contact = patterns.contact
    if contact is None or contact.search(line) is None:
        return False
    rest = contact.regex.sub(" ", line[:2000])
    rest = re.sub(r"[|/,;:()\[\]<>\-–—.]", " ", rest)
    words = rest.split()
    return len(words) <= 4 or is_name_like(" ".join(words))


def block_lines(block: Block) -> list[str]:
    """The block's non-blank lines, each a `plain_line`."""
    return [plain_line(line) for line in block.text.split("\n") if line.strip()]


def is_signature_shaped(block: Block, patterns: LayoutPatterns) -> bool:
    """Every line a name, title, office, contact line or signature mark (a subject line is
    never one)."""
    lines = block_lines(block)
    if block.kind is BlockKind.SUBJECT or (lines and SUBJECT_LABEL_RE.match(lines[0])):
        return False
    return 0 < len(lines) <= BLOCK_MAX_LINES and all(is_signature_line(line, patterns) for line in lines)


def is_signature_line(line: str, patterns: LayoutPatterns) -> bool:
    """A name, title, office, contact line, signature mark, the authority signed for (`FOR THE
    COMMANDER:`, `By direction`), or a motto in quotation marks."""
    return (matches(patterns.signature_mark, line) or is_contact(line, patterns) or is_name_like(line)
            or matches(patterns.signing_authority, line) or _MOTTO_RE.fullmatch(line) is not None)


def is_greeting_shaped(block: Block, patterns: LayoutPatterns) -> bool:
    """One short line that ends in a comma or a dash (`Mark,` `Good afternoon Sir,` `Team -`),
    or a greeting word ending in a colon or exclamation mark (`All:`, `Hello team!`)."""
    lines = block_lines(block)
    if len(lines) != 1:
        return False
    line = lines[0]
    words = line.split()
    if not words or len(words) > GREETING_MAX_WORDS or not line.endswith((",", ":", "!", " -", " \u2013")):
        return False
    if matches(patterns.greeting, line):
        return True
    return line.endswith((",", "-", "\u2013")) and is_name_like(line[:-1].strip())


def is_quoted(block: Block) -> bool:
    """Whether a block is e-mail quoting (`> ...`)."""
    return block.text.lstrip().startswith(">")


def is_closing_shaped(block: Block, patterns: LayoutPatterns) -> bool:
    """A short line ending in a comma or exclamation mark (`Talk soon,` `Thanks for the quick
    turn,`), alone or with the signature's lines under it."""
    lines = block_lines(block)
    return 0 < len(lines) <= BLOCK_MAX_LINES and len(lines[0].split()) <= GREETING_MAX_WORDS \
        and lines[0].endswith((",", "!")) and all(is_signature_line(line, patterns) for line in lines[1:])
