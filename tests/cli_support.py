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
