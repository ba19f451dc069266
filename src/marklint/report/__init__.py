"""Reporters: turn FileResults into output text.

`FORMATTERS` maps a format name to "module:function"; the function is
`render(results: list[FileResult], ctx: ReportContext) -> str`; a module may also have
`pieces(results, ctx)`, the same text as an iterator of pieces, which `write` streams. Modules
are imported only when their format is chosen. The CLI's `--format` choices are the keys of `FORMATTERS`.
"""

from __future__ import annotations

import importlib
import os

from marklint import __version__
from marklint.findings import FileResult, Finding
from marklint.values import FrozenValue

TYPE_CHECKING = False  # not typing's: a cached run imports neither typing nor the rule registry
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TextIO

    from marklint.checks.registry import RuleDoc

FORMATTERS: dict[str, str] = {
    "text": "marklint.report.text:render",
    "json": "marklint.report.json:render",
    "sarif": "marklint.report.sarif:render",
    "github": "marklint.report.github:render",
    "junit": "marklint.report.junit:render",
    "gitlab": "marklint.report.gitlab:render",
    "summary": "marklint.report.summary:render",
}


class ReportContext(FrozenValue):
    """What a reporter needs besides the results.

    `rules` are the RuleDocs of the rules that ran; `root` is the directory paths are shown
    relative to; `show_source` allows the offending source line in the output (the only way
    document text appears); `links` asks the text format for each rule's documentation URL.
    """

    _fields = ("rules", "root", "color", "show_source", "statistics", "quiet", "version", "links")

    def __init__(self, rules: tuple[RuleDoc, ...] = (), root: str = ".", color: bool = False,
                 show_source: bool = False, statistics: bool = False, quiet: bool = False,
                 version: str = __version__, links: bool = False) -> None:
        self.__dict__.update(rules=rules, root=root, color=color, show_source=show_source,
                             statistics=statistics, quiet=quiet, version=version, links=links)


def render(name: str, results: list[FileResult], ctx: ReportContext) -> str:
    """Render results with the formatter registered under `name` (KeyError if unknown)."""
    module_name, func_name = FORMATTERS[name].split(":")
    return getattr(importlib.import_module(module_name), func_name)(results, ctx)


def write(out: TextIO, name: str, results: list[FileResult], ctx: ReportContext) -> None:
    """Write what `render` returns to `out`, piece by piece when the formatter's module also
    has `pieces(results, ctx)` (an iterator of the text's pieces): the output of a big file is
    then never held whole."""
    streamed = getattr(importlib.import_module(FORMATTERS[name].split(":")[0]), "pieces", None)
    for piece in streamed(results, ctx) if streamed else (render(name, results, ctx),):
        out.write(piece)


def escape_name(name: str) -> str:
    """A file name made safe for a terminal, a log or XML: control characters (newline, ESC,
    ...) become backslash escapes (`\\n`, `\\x1b`), and the bytes of a name that is not UTF-8
    (held as surrogate escapes, see `os.fsdecode`) become `\\xff`. Other text is unchanged."""
    if name.isprintable():
        return name
    return "".join(_escaped(char) for char in name)


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if char == " " or char.isprintable():
        return char
    if char in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_path(path: str, root: str) -> str:
    """`path` relative to `root` when it lies inside it, else as given; always with `/`."""
    return path_display(root)(path)


def path_display(root: str) -> Callable[[str], str]:
    """`display_path` with `root` fixed, for showing many paths: the root is resolved once
    (a reporter shows thousands of paths)."""
    base = os.path.abspath(root)
    inside = base.rstrip(os.sep) + os.sep

    def display(path: str) -> str:
        if path == "-" or path.startswith("<"):
            return path
        absolute = os.path.abspath(path)
        if absolute == base:
            path = "."
        elif absolute.startswith(inside):
            path = absolute[len(inside):]  # what os.path.relpath gives here, without its cost
        return path.replace(os.sep, "/")

    return display


def reported(result: FileResult) -> list[Finding]:
    """The findings of a file that count: sorted, without suppressed ones."""
    if not result.findings:  # most files of a run: skip the generator and the sort
        return []
    return sorted((f for f in result.findings if f.suppression is None), key=Finding.sort_key)
