"""Code actions: each fix marklint has for a finding under the cursor (safe ones always,
unsafe ones only when the editor's settings allow them), "fix all safe" for the whole
document, and "suppress with a reason", which inserts a `disable-next-line` comment before the
block holding the finding, ending in ` -- ` for the reason to be typed (until it is, the
comment itself is reported as suppression-missing-reason).

Fixes are applied with marklint's own `marklint.fix` (`apply_fixes`, `fix_text`) and sent as
one edit of the lines that change.
"""

from __future__ import annotations

from lsprotocol import types

from marklint.document import BlockKind
from marklint.fix import allowed, apply_fixes, line_ending_at, split_lines
from marklint.findings import FileResult, Finding
from marklint.server import documents
from marklint.server.diagnostics import diagnostic, shown
from marklint.server.positions import Positions
from marklint.suppressions import BLANK_LINE_AFTER, directive_comment

FIX_ALL_KIND = types.CodeActionKind.SourceFixAll


def text_edit(old: str, new: str, positions: Positions) -> types.TextEdit:
    """One edit that turns `old` into `new`: the lines between their common first and last
    lines replaced (whole lines, so an edit never splits a CRLF)."""
    old_lines, new_lines = split_lines(old), split_lines(new)
    same = min(len(old_lines), len(new_lines))
    head = next((i for i in range(same) if old_lines[i] != new_lines[i]), same)
    tail = 0
    while tail < same - head and old_lines[-1 - tail] == new_lines[-1 - tail]:
        tail += 1
    start = sum(map(len, old_lines[:head]))
    end = sum(map(len, old_lines[:len(old_lines) - tail]))
    replacement = "".join(new_lines[head:len(new_lines) - tail])
    return types.TextEdit(range=types.Range(start=_position(old, start, positions),
                                            end=_position(old, end, positions)),
                          new_text=replacement)


def _position(text: str, offset: int, positions: Positions) -> types.Position:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return positions.to_client(line, column)


def _action(title: str, kind: str, doc: documents.Target, edit: types.TextEdit,
            diagnostics: list[types.Diagnostic] | None = None, preferred: bool = False) -> types.CodeAction:
    return types.CodeAction(title=title, kind=kind, diagnostics=diagnostics, is_preferred=preferred or None,
                            edit=types.WorkspaceEdit(changes={doc.uri: [edit]}))


def _in_range(finding: Finding, wanted: types.Range) -> bool:
    return finding.line - 1 <= wanted.end.line and finding.end_line - 1 >= wanted.start.line


def fix_action(doc: documents.Target, finding: Finding, positions: Positions) -> types.CodeAction | None:
    """The action applying one finding's fix, or None when it changes nothing."""
    text = doc.text or ""
    new, applied, _ = apply_fixes(text, [finding.fix])
    if not applied:
        return None
    unsafe = finding.fix.safety == "unsafe"
    title = f"{'Unsafe fix' if unsafe else 'Fix'} {finding.code}: {finding.fix.description}"
    return _action(title, types.CodeActionKind.QuickFix, doc, text_edit(text, new, positions),
                   [diagnostic(finding, positions)], preferred=not unsafe)


def suppress_action(doc: documents.Target, finding: Finding, positions: Positions,
                    ctx: object | None) -> types.CodeAction | None:
    """The action inserting a `disable-next-line` comment for the finding's rule before the
    block that holds it (the finding's own line when no block does)."""
    comment = directive_comment(doc.fmt, "disable-next-line", [finding.rule], "")
    if comment is None or finding.rule.startswith("suppression-"):
        return None
    line = finding.line
    if ctx is not None:
        line = next((block.line for _, block in ctx.doc.blocks()
                     if block.kind is not BlockKind.COMMENT and block.line <= finding.line <= block.end_line), line)
    text = doc.text or ""
    source_line = positions.line_text(line)
    indent = source_line[:len(source_line) - len(source_line.lstrip(" \t"))]
    offset = sum(map(len, split_lines(text)[:line - 1]))
    start = positions.to_client(line, 1)
    ending = line_ending_at(text, offset)
    blank = ending if doc.fmt in BLANK_LINE_AFTER else ""
    edit = types.TextEdit(range=types.Range(start=start, end=start), new_text=f"{indent}{comment}{ending}{blank}")
    return _action(f"Suppress {finding.code} [{finding.rule}] here (type the reason after --)",
                   types.CodeActionKind.QuickFix, doc, edit, [diagnostic(finding, positions)])


def code_actions(doc: documents.Target, result: FileResult, positions: Positions, wanted: types.Range,
                 only: list[str] | None, unsafe: bool) -> list[types.CodeAction]:
    """The actions for the findings in `wanted`, and "fix all safe" when the document has a
    safe fix; `only` limits them to these kinds (and their sub-kinds)."""
    if doc.text is None or result.error is not None:
        return []
    findings = shown(result)
    actions: list[types.CodeAction] = []
    here = [f for f in findings if _in_range(f, wanted)]
    if doc.fixable:
        for finding in here:
            if allowed(finding.fix, unsafe):
                action = fix_action(doc, finding, positions)
                if action is not None:
                    actions.append(action)
    if here and _wanted(types.CodeActionKind.QuickFix, only):
        ctx = documents.analyse(doc)
        actions += filter(None, (suppress_action(doc, f, positions, ctx) for f in here))
    if doc.fixable and _wanted(FIX_ALL_KIND, only) and any(allowed(f.fix, False) for f in findings):
        new = documents.fixed_text(doc)
        if new != doc.text:
            actions.append(_action("Fix all safe marklint problems", FIX_ALL_KIND, doc,
                                   text_edit(doc.text, new, positions)))
    return [action for action in actions if _wanted(action.kind, only)]


def _wanted(kind: str, only: list[str] | None) -> bool:
    return not only or any(kind == want or kind.startswith(f"{want}.") for want in only)
