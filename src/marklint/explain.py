"""`marklint explain PATH...`: what marklint understood of a document's structure (files, and
directories walked as `marklint check` walks them).

For each page and block: the line span, the block kind the structure model decided
(`marklint.layout`), whether the block needs a portion mark (and why not), and the marking
found on it. Document text is printed only with --show-source. Exit codes are those of
`marklint check`: 0, 1 when some block needs a portion mark it does not carry, 2 when a file
cannot be read or the configuration or rule set is malformed (one line on standard error
naming the file; the other files are still explained).
"""

from __future__ import annotations

from typing import TextIO

from marklint.document import Block, BlockKind

_SPAN_WIDTH = 9
_KIND_WIDTH = 26


def _span(block: Block) -> str:
    end = block.end_line
    return str(block.line) if end == block.line else f"{block.line}-{end}"


def explain_document(ctx, notice: str | None, show_source: bool) -> tuple[list[str], bool]:
    """The explanation's lines for one recognised document (a CheckContext) and whether some
    block needs a portion mark it does not carry."""
    from marklint.checks.rules.portion_missing import portions_required, set_aside

    required = portions_required(ctx)
    aside = set_aside(ctx) if required else {}
    kinds = ctx.ruleset.portions.blocks
    lines = [f"{ctx.doc.path}: rule set {ctx.ruleset.name}" + (f" ({notice})" if notice else "")]
    if not required:
        lines.append(f"  portion marks: not required in this document (portions.required: "
                     f"{ctx.ruleset.portions.required})")
    missing = False
    for index, marks in enumerate(ctx.pages):
        lines.append(f"page {marks.page.number}")
        roles = ctx.roles(index)
        found = {id(m.block): m for m in marks.banners + marks.portions}
        misplaced = {id(m.block): m for m in marks.misplaced}
        for block in marks.page.blocks:
            role = roles[id(block)]
            mark = found.get(id(block))
            if mark is not None:
                status = f"marked {mark.text}" if mark.form == "portion" else f"banner {mark.text}"
            elif id(block) in misplaced:
                status = f"marked {misplaced[id(block)].text} at its end (portion-placement)"
            elif not role.needs_mark:
                status = f"no mark needed: {role.why}"
            elif block.kind not in kinds:
                status = f"no mark needed: a {role.kind} is not a portion under this rule set"
            elif not required:
                status = "no mark needed: the document needs no portion marks"
            elif ctx.whole_text is not None:
                level = ctx.whole_text or "its level unreadable"
                status = f"no mark needed: the whole-text statement ({level}) marks it"
            elif id(block) in aside:
                status = f"no mark needed: {aside[id(block)]}"
            else:
                status = "NEEDS A PORTION MARK: none found"
                missing = True
            lines.append(f"  {_span(block):<{_SPAN_WIDTH}} {role.kind:<{_KIND_WIDTH}} {status}")
            if show_source and block.kind is not BlockKind.COMMENT:
                lines.extend(f"  {'':<{_SPAN_WIDTH}} | {text}" for text in block.text.split("\n"))
    return lines, missing


def run(paths: list[str], settings, out: TextIO, err: TextIO) -> int:
    """Explain each file; return the exit code (see the module docstring)."""
    from marklint.config import ConfigError
    from marklint.document import InputError
    from marklint.lint import effective_settings, expand_paths, read_bytes, read_path, recognized
    from marklint.ruleset import RuleSetError

    try:
        files = expand_paths(paths, settings)
    except ConfigError as exc:
        err.write(f"marklint: {exc}\n")
        return 2
    status = 0
    for path in files:
        try:
            file_settings = effective_settings(path, settings)
            doc = read_bytes(path, read_path(path), file_settings)
            ctx, notice, *_ = recognized(doc, file_settings)
        except (InputError, RuleSetError, ConfigError) as exc:
            err.write(f"marklint: {path}: {exc}\n")
            status = 2
            continue
        lines, missing = explain_document(ctx, notice, settings.show_source)
        out.write("\n".join(lines) + "\n")
        if missing and status == 0:
            status = 1
    return status
