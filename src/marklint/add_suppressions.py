"""`marklint --add-suppressions`: insert a suppression comment for every current finding, for
adopting marklint on an existing tree (as ruff's `--add-noqa`).

Each block that holds findings gets one `disable-next-line` comment just above it, in the
format's comment syntax, naming its rules and a reason placeholder (`-- TODO: reason`) for a
reviewer to replace. Findings of the suppression rules themselves are left alone. Formats
without comments marklint reads (DOCX, PDF, e-mail) are not changed; the run says so.
"""

from __future__ import annotations

import os
from typing import TextIO

from marklint.document import BlockKind, InputError
from marklint.lint import Settings, effective_settings, lint_bytes, lint_path, reader_for
from marklint.suppressions import BLANK_LINE_AFTER, COMMENT_SYNTAX, directive_comment

REASON_PLACEHOLDER = "TODO: reason"


def _targets(doc, lines: set[int]) -> dict[int, int]:
    """finding line -> the first line of the innermost non-comment block holding it (the line
    a `disable-next-line` comment must stand above); a line no block holds maps to itself."""
    blocks = [block for _, block in doc.blocks() if block.kind is not BlockKind.COMMENT]
    targets = {}
    for line in lines:
        holding = [b for b in blocks if b.line <= line <= b.end_line]
        targets[line] = max((b.line for b in holding), default=line)
    return targets


def insert_suppressions(text: str, fmt: str, doc, findings) -> tuple[str, int]:
    """`text` with a suppression comment above each block holding `findings`; and how many."""
    from marklint.fix import line_ending_at, line_starts

    by_line: dict[int, set[str]] = {}
    targets = _targets(doc, {finding.line for finding in findings})
    for finding in findings:
        by_line.setdefault(max(targets[finding.line], 1), set()).add(finding.rule)
    starts = line_starts(text)
    blank_after = fmt in BLANK_LINE_AFTER
    for line in sorted(by_line, reverse=True):
        offset = starts[min(line, len(starts)) - 1]
        end = text.find("\n", offset)
        current = text[offset:] if end == -1 else text[offset:end]
        newline = line_ending_at(text, offset)
        indent = current[:len(current) - len(current.lstrip(" \t"))]
        directive = directive_comment(fmt, "disable-next-line", sorted(by_line[line]), REASON_PLACEHOLDER)
        comment = indent + directive + newline + (newline if blank_after else "")
        text = text[:offset] + comment + text[offset:]
    return text, len(by_line)


def add_suppressions(files: list[str], settings: Settings, out: TextIO, err: TextIO, quiet: bool = False) -> int:
    """Insert the comments into every file of `files` that has findings; print what changed.
    Returns 0, or 2 when a file could not be read, parsed or written."""
    from marklint.fix import FixError, decode, encode, take_snapshot, write_atomic
    from marklint.readers import format_for, read_document
    from marklint.report import display_path, reported

    root, code, total, changed, left = os.getcwd(), 0, 0, 0, 0
    for path in files:
        shown = display_path(path, root)
        fmt = reader_for(path, effective_settings(path, settings)) or format_for(path)
        result = lint_path(path, settings)
        if result.error is not None:
            err.write(f"marklint: {shown}: {result.error}\n")
            code = 2
            continue
        findings = [f for f in reported(result) if not f.rule.startswith("suppression-")]
        if not findings:
            continue
        if fmt not in COMMENT_SYNTAX:
            err.write(f"marklint: {shown}: not changed: {fmt} files hold no suppression comments\n")
            left += len(findings)
            continue
        try:
            snapshot = take_snapshot(path)
            text, bom = decode(snapshot.data)
            doc = read_document(path, bytes(snapshot.data), fmt)
            new_text, count = insert_suppressions(text, fmt, doc, findings)
            write_atomic(snapshot, encode(new_text, bom))
        except (OSError, InputError, FixError) as exc:
            err.write(f"marklint: {shown}: not changed: {getattr(exc, 'strerror', None) or exc}\n")
            code = 2
            continue
        remaining = [f for f in reported(lint_bytes(path, encode(new_text, bom), settings))
                     if not f.rule.startswith("suppression-") or f.rule == "suppression-unused"]
        left += len(remaining)
        total += count
        changed += 1
        if not quiet:
            out.write(f"{shown}: added {count} suppression comment{'s' * (count != 1)}\n")
    if not quiet:
        out.write(f"added {total} suppression comment{'s' * (total != 1)} to {changed} file{'s' * (changed != 1)}")
        out.write(f"; {left} finding{'s' * (left != 1)} left unsuppressed\n" if left else "\n")
    return code
