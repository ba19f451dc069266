"""Hover: on a banner or portion mark, what `marklint parse` says of it (its problems, or
its canonical portion and banner forms and its parts); on a banner, also the roll-up of the
portion marks on its page, and whether the banner matches it."""

from __future__ import annotations

from lsprotocol import types

from marklint.parse_command import explain
from marklint.recognize import Mark
from marklint.server.positions import Positions

TYPE_CHECKING = False
if TYPE_CHECKING:
    from marklint.checks.context import CheckContext


def mark_at(ctx: CheckContext, line: int, column: int) -> tuple[int, Mark] | None:
    """(page index, mark) of the banner or portion mark covering (line, column), if any."""
    for index, page in enumerate(ctx.pages):
        for mark in (*page.banners, *page.portions, *page.misplaced):
            if mark.line == line and mark.column <= column <= mark.end_column:
                return index, mark
    return None


def describe_mark(ctx: CheckContext, mark: Mark) -> list[str]:
    """Markdown lines: the mark's parse, as `marklint parse` prints it."""
    problems, rows = explain(mark.text, mark.form, ctx.vocab)
    lines = [f"**{mark.form}** `{mark.text}`", ""]
    if problems:
        lines += [f"- `{p.column}:{p.end_column}` **{p.rule}** {p.message}" for p in problems]
    else:
        lines += [f"- {label}: `{value}`" for label, value in rows]
    return lines


def rollup_lines(ctx: CheckContext, page_index: int, mark: Mark) -> list[str]:
    """Markdown lines: the roll-up of the page's parsed portion marks against the banner."""
    portions = ctx.page_portions[page_index]
    page = ctx.pages[page_index].page.number
    if not portions:
        return [f"Page {page} has no portion marks to roll up."]
    rolled = ctx.rollup(portions).banner()
    count = f"{len(portions)} portion mark{'s' * (len(portions) != 1)}"
    lines = [f"Roll-up of the {count} on page {page}: `{rolled}`"]
    if mark.marking is not None:
        written = mark.marking.banner()
        lines.append("This banner matches it." if written == rolled else f"This banner reads `{written}`.")
    return lines


def hover(ctx: CheckContext, positions: Positions, position: types.Position) -> types.Hover | None:
    """The hover for a position, or None when it is not on a marking."""
    line, column = positions.from_client(position)
    found = mark_at(ctx, line, column)
    if found is None:
        return None
    page_index, mark = found
    lines = describe_mark(ctx, mark)
    if mark.form == "banner":
        lines += ["", *rollup_lines(ctx, page_index, mark)]
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n".join(lines)),
        range=positions.range(mark.line, mark.column, mark.line, mark.end_column),
    )
