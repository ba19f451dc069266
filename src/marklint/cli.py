"""The command line: `marklint [check] PATH...` and the other commands of
`marklint.commands.SUBCOMMANDS`, each in a module of `marklint.commands`.

Exit codes: 0 nothing at or above `--fail-on`; 1 findings at or above it; 2 usage,
configuration or input errors (other files are still linted and reported).
"""

from __future__ import annotations

import gc
import os
import sys

from marklint.commands import SUBCOMMANDS
from marklint.commands.check import check_parser, run_check

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TextIO


def run_help(argv: list[str], out: TextIO, err: TextIO) -> int:
    """`marklint help [COMMAND|RULE]`: the options of `marklint check` and the list of
    commands; a command's help; or a rule's documentation (as `marklint rule`)."""
    if not argv:
        out.write(check_parser().format_help())
        return 0
    topic = argv[0]
    if topic == "help":
        return run_help([], out, err)
    if topic in SUBCOMMANDS:
        return main([topic, "--help"])
    from marklint.checks.registry import by_key
    from marklint.commands.rules import run_rule

    if by_key(topic) is not None:
        return run_rule([topic], out, err)
    from marklint.validation import closest
    from marklint.selection import registered_names

    hint = closest(topic, [*SUBCOMMANDS, *registered_names()])
    err.write(f"marklint: no command or rule named {topic!r}{hint}\n")
    return 2


class OutputError(Exception):
    """Standard output cannot be written (a full device, an I/O error)."""


class _Output:
    """Standard output, whose write errors become OutputError (anything else that fails with
    an OSError is reported as what it is)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def isatty(self) -> bool:
        return self.stream.isatty()


def _drop_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's final flush of what is
    still buffered cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _handler(command: str) -> Callable[[list[str], TextIO, TextIO], int]:
    """The function of a command other than `check`, imported only when it runs: `marklint
    FILE` served by the cache does not pay for the other commands' modules."""
    from marklint.commands.rules import run_rule, run_rules
    from marklint.commands.tools import run_explain, run_parse, run_report, run_server

    return {"rule": run_rule, "rules": run_rules, "parse": run_parse, "help": run_help, "explain": run_explain,
            "server": run_server, "report": run_report}[command]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `marklint` console script."""
    argv = sys.argv[1:] if argv is None else argv
    err = sys.stderr
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        if err is not None:
            err.write("marklint: standard output is closed; nothing can be reported\n")
        return 2
    out = _Output(sys.stdout)
    command = argv[0] if argv and argv[0] in SUBCOMMANDS else "check"
    rest = argv[1:] if argv and argv[0] in SUBCOMMANDS else argv
    handler = run_check if command == "check" else _handler(command)
    # Linting allocates many short-lived objects and few cycles: collecting every 700
    # allocations (the default) costs about 15% of a run.
    gc.set_threshold(50_000, 50, 100)
    try:
        code = handler(rest, out, err)
        out.flush()
        return code
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # stdout was closed (e.g. piped into `head`): stop quietly.
        _drop_stdout()
        return 1
    except OutputError as exc:
        _drop_stdout()
        err.write(f"marklint: cannot write the output: {exc}\n")
        return 2
