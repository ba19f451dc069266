"""Inline suppressions: comments in a draft that silence named rules, with a reason.

A directive is a comment in the format's own syntax whose text starts with `marklint:`:

    <!-- marklint: disable-next-line banner-mismatch -- approved by the OCA -->   Markdown, HTML
    .. marklint: disable portion-missing, MK302 -- quoted exhibit                  reST
    // marklint: enable portion-missing                                            AsciiDoc
    # marklint: disable-file cab-missing -- cover sheet only                       plain text

`disable-next-line RULES` covers the next block after the comment (a line, or a whole
hard-wrapped paragraph); `disable RULES` covers everything after it up to an `enable` naming
the rule (or a bare `enable`), or to the end of the file; `disable-file RULES` covers the
whole file. RULES are slugs or codes separated by commas or spaces; the reason follows ` -- `.

Readers hand comments over as `BlockKind.COMMENT` blocks. A directive without a reason is
reported as suppression-missing-reason; each rule a directive names that silences no finding
(or that is not a rule at all) is reported as suppression-unused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import chain
from operator import attrgetter

from marklint.checks.registry import by_key
from marklint.checks.rules import suppression_missing_reason, suppression_unused
from marklint.document import Block, BlockKind, Document
from marklint.findings import Finding, Suppression

# compiled by `re` at first use: most runs have no directive comment
_DIRECTIVE = r"marklint:\s*(disable-next-line|disable-file|disable|enable)(?:\s+|$)(.*)"
_COMMENT_MARKERS = ("<!--", "..", "//", "#")
_END_OF_FILE = 10**12
_KIND = attrgetter("kind")


class Directive:
    """One parsed suppression comment and the source lines it covers.

    A plain class: defining a dataclass costs milliseconds of start-up.
    """

    def __init__(self, action: str, names: tuple[str, ...], reason: str, block: Block, first: int = 0,
                 last: int = -1, slugs: set[str] | None = None, used: set[str] | None = None) -> None:
        self.action = action
        self.names = names  # as written
        self.reason = reason
        self.block = block
        self.first = first  # first covered line
        self.last = last  # last covered line (inclusive)
        self.slugs = set() if slugs is None else slugs  # the names resolved to rule slugs
        self.used = set() if used is None else used  # slugs that silenced a finding


def parse_directive(block: Block) -> Directive | None:
    """Read a comment block as a directive; None when it is an ordinary comment."""
    text = block.text.strip()
    if text.endswith("-->"):
        text = text[:-3]
    for marker in _COMMENT_MARKERS:
        if text.startswith(marker):
            text = text[len(marker):].strip()
            break
    match = re.fullmatch(_DIRECTIVE, text.strip(), re.S)
    if match is None:
        return None
    action, rest = match.groups()
    rest = " ".join(rest.split())
    names_part, _, reason = f" {rest} ".partition(" -- ")
    names = tuple(n for n in re.split(r"[,\s]+", names_part) if n)
    return Directive(action, names, reason.strip(), block)


# format -> (start, end) of a one-line directive comment in that format's syntax
COMMENT_SYNTAX: dict[str, tuple[str, str]] = {
    "text": ("# ", ""),
    "markdown": ("<!-- ", " -->"),
    "html": ("<!-- ", " -->"),
    "rst": (".. ", ""),
    "asciidoc": ("// ", ""),
}

# formats whose comment must be followed by a blank line (reST ends explicit markup with one)
BLANK_LINE_AFTER = frozenset({"rst"})


def directive_comment(fmt: str, action: str, rules: Iterable[str], reason: str) -> str | None:
    """The text of a one-line suppression comment in format `fmt` (no line ending), e.g.
    `<!-- marklint: disable-next-line portion-missing -- quoted exhibit -->`; None for a format
    without comments marklint reads. An empty `reason` leaves ` -- ` at the end for one to be
    typed (until then the directive is reported as suppression-missing-reason)."""
    syntax = COMMENT_SYNTAX.get(fmt)
    if syntax is None:
        return None
    start, end = syntax
    body = f"marklint: {action} {', '.join(rules)} -- {reason}".rstrip()
    return f"{start}{body}{end}"


def _directives(document: Document, slug_of: Callable[[str], str | None]) -> list[Directive]:
    """Parse every directive, resolve its rule names to slugs (unknown names stay as written)
    and work out the lines each disabling directive covers."""
    blocks = list(chain.from_iterable(page.blocks for page in document.pages))
    if BlockKind.COMMENT not in map(_KIND, blocks):  # most documents: one scan in C, and done
        return []
    found: list[Directive] = []
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.COMMENT:
            continue
        directive = parse_directive(block)
        if directive is None:
            continue
        directive.slugs = {slug_of(name) or name for name in directive.names}
        if directive.action == "disable-file":
            directive.first, directive.last = 0, _END_OF_FILE
        elif directive.action == "disable-next-line":
            target = next((b for b in blocks[index + 1:] if b.kind is not BlockKind.COMMENT), None)
            if target is not None:
                directive.first, directive.last = target.line, target.end_line
        elif directive.action == "disable":
            directive.first, directive.last = block.end_line + 1, _END_OF_FILE
        found.append(directive)
    open_regions = [d for d in found if d.action == "disable"]
    for directive in found:
        if directive.action != "enable":
            continue
        for region in open_regions:
            if region.last == _END_OF_FILE and region.block.line < directive.block.line and (
                not directive.names or directive.slugs & region.slugs
            ):
                region.last = directive.block.line - 1
    return [d for d in found if d.action != "enable"]


def _comment_column(document: Document, directive: Directive) -> int:
    """The column where the directive's comment starts (its `#`, `<!--`, `..` or `//`): readers
    give a comment block the column of its text, after the marker. The block's column when
    there is no source text (DOCX, PDF) or no marker before it on its line."""
    block = directive.block
    line = document.source_line(block.line) if document.source is not None else None
    if line is None:
        return block.column
    before = line[:block.column - 1]
    found = max(before.rfind(marker) for marker in _COMMENT_MARKERS)
    return found + 1 if found >= 0 else block.column


def apply_suppressions(
    document: Document, findings: list[Finding], extra_rules: Iterable[tuple[str, str]] = ()
) -> list[Finding]:
    """Set `suppression` on the findings the document's directives silence (in place).

    Directives name registered rules or `extra_rules`, (code, slug) pairs of rules outside the
    registry (a rule set's generic rules). Returns the suppression-missing-reason and
    suppression-unused findings the directives themselves earn. Findings that already carry a
    suppression are left alone.
    """
    extra_slugs = {key: slug for code, slug in extra_rules for key in (code.upper(), slug)}

    def slug_of(name: str) -> str | None:
        rule = by_key(name)
        return rule.slug if rule else extra_slugs.get(name, extra_slugs.get(name.upper()))

    directives = _directives(document, slug_of)
    for finding in findings:
        if finding.suppression is not None:
            continue
        for directive in directives:
            if finding.rule in directive.slugs and directive.first <= finding.line <= directive.last:
                finding.suppression = Suppression("inSource", directive.reason)
                directive.used.add(finding.rule)
                break
    earned: list[Finding] = []
    for directive in directives:
        where = {"path": document.path, "line": directive.block.line, "column": _comment_column(document, directive)}
        earned += suppression_missing_reason.judge(directive, where)
        earned += suppression_unused.judge(directive, where, slug_of)
    return earned
