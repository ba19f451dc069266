"""`marklint parse MARKING...`: describe each marking, or list its problems.

For a valid marking it prints the canonical portion and banner, the level and each control
category; otherwise one `COL:ENDCOL: slug  message` line per problem. Exit 0 when every marking
is valid, 1 otherwise, 2 when the vocabulary cannot be loaded.
"""

from __future__ import annotations

import sys
from typing import TextIO

from marklint.markings import (Problem, Vocabulary, VocabularyError, check, default_vocabulary, describe,
                                load_vocabulary, parse)


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def explain(text: str, form: str, vocab: Vocabulary) -> tuple[tuple[Problem, ...], list[tuple[str, str]]]:
    """What `marklint parse` says of one marking: its problems, or when it has none its
    description rows (label, value): the canonical portion and banner, level and categories."""
    problems = check(text, form, vocab=vocab)
    if problems:
        return tuple(problems), []
    return (), describe(parse(text, form, vocab=vocab))


def run(markings: list[str], form: str, out: TextIO, err: TextIO, color: bool, rules: str | None = None) -> int:
    """Print a description or the problems of each marking (with the vocabulary of the rule set
    `rules`, else the default one); return the exit code."""
    try:
        if rules is None:
            vocab = default_vocabulary()
        else:
            from marklint.ruleset import RuleSetError, load_ruleset

            try:
                vocab = load_vocabulary(load_ruleset(rules).vocabulary)
            except RuleSetError as exc:
                err.write(f"marklint: {exc}\n")
                return 2
    except VocabularyError as exc:
        err.write(f"marklint: {exc.message}\n")
        return 2
    if form not in ("auto", "banner", "portion"):
        err.write(f"marklint: --form must be banner, portion or auto, not {form!r}\n")
        return 2
    status = 0
    for index, text in enumerate(markings):
        if len(markings) > 1:
            if index:
                out.write("\n")
            out.write(_paint(text, "1", color) + "\n")
        problems, rows = explain(text, form, vocab)
        if problems:
            status = 1
            for p in problems:
                where = f"{p.column}:{p.end_column}:"
                out.write(f"{where} {_paint(p.rule, '31', color)}  {p.message}\n")
            continue
        width = max(len(label) for label, _ in rows)
        for label, value in rows:
            out.write(f"{_paint(label.ljust(width), '36', color)} : {value}\n")
    return status


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], "auto", sys.stdout, sys.stderr, sys.stdout.isatty()))
