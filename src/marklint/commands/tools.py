"""`marklint parse`, `explain`, `server` and `report`: each reads its arguments and hands over
to a module of its own (`marklint.parse_command`, `marklint.explain`, `marklint.server`,
`marklint.archives.report_command`)."""

from __future__ import annotations

from marklint.commands.options import parser_for, use_color

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def run_parse(argv: list[str], out: TextIO, err: TextIO) -> int:
    """`marklint parse MARKING... [--form banner|portion|auto] [--rules NAME]`: explain markings."""
    parser = parser_for(prog="marklint parse", description="Parse and explain markings.")
    parser.add_argument("markings", nargs="+", metavar="MARKING")
    parser.add_argument("--form", choices=("banner", "portion", "auto"), default="auto")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--rules", metavar="NAME|PATH", default=None,
                        help="read the markings with this rule set's vocabulary (uk, au, nz, ca, nato, ...)")
    args = parser.parse_args(argv)
    from marklint.parse_command import run

    return run(args.markings, args.form, out, err, use_color(args.color, out), args.rules)


def run_explain(argv: list[str], out: TextIO, err: TextIO) -> int:
    """`marklint explain FILE... [--rules R] [--show-source]`: the structure marklint read
    (marklint.explain)."""
    parser = parser_for(
        prog="marklint explain",
        description="Show, per page and block, the block kind marklint decided, whether it needs a portion "
                    "mark and why not, and the marking found (document text only with --show-source).")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--rules", metavar="NAME|PATH|auto")
    parser.add_argument("--show-source", action="store_true", help="print each block's text under it")
    args = parser.parse_args(argv)
    from marklint.explain import run
    from marklint.lint import Settings

    return run(args.paths, Settings(rules=args.rules, show_source=args.show_source), out, err)


def run_server(argv: list[str], out: TextIO, err: TextIO) -> int:
    """`marklint server`: the Language Server Protocol server over stdio (marklint[server])."""
    parser_for(prog="marklint server", description="Run the language server over stdin and stdout.").parse_args(argv)
    from marklint.server import run

    return run(err)


def run_report(argv: list[str], out: TextIO, err: TextIO) -> int:
    """`marklint report`: a collection's CSV and HTML report (marklint.archives.report_command)."""
    from marklint.archives.report_command import run_report as report

    return report(argv, out, err)
