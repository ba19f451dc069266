"""Run the marklint command in-process and capture what it prints."""

from __future__ import annotations

import io
import sys

from marklint.cli import main


def run_cli(argv) -> tuple[int, str, str]:
    """Call `marklint ARGV...` and return (exit code, standard output, standard error)."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(list(argv))
    finally:
        sys.stdout, sys.stderr = old
    return code, out.getvalue(), err.getvalue()


# The small tree of the cache tests: three drafts, each with one paragraph that lacks
# a portion mark, linted for that rule alone.
DOC = "SECRET\n\nA paragraph about the {word} harvest.\n\n(S) A marked paragraph.\n\nSECRET\n"
ARGS = ["--quiet", "--select", "portion-missing", "--jobs", "1"]


def finding(name: str) -> str:
    """The one finding of a draft made from DOC, as the text format reports it."""
    return f"{name}:3:1: MK301 [portion-missing] paragraph has no portion mark\n"


def lint(args: list[str], capsys) -> tuple[int, str, str]:
    """`marklint ARGS + args` in-process: (exit code, standard output, standard error)."""
    code = main(ARGS + args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
