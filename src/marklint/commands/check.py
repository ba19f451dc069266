"""`marklint [check] PATH...`: lint files and directories, or fix them (--fix, --diff).

Exit codes: 0 nothing at or above `--fail-on`; 1 findings at or above it; 2 usage,
configuration or input errors (other files are still linted and reported).
"""

from __future__ import annotations

import os
import sys

from marklint import __version__
from marklint.cache import DEFAULT_CACHE_DIR
from marklint.commands import SUBCOMMANDS
from marklint.commands.options import csv_list, iso_date, parser_for, positive, use_color

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import TextIO

RULE_FORMATS = ("sarif",)  # output formats that list the rules that ran (ReportContext.rules)


# on/off options of `marklint check` about file discovery and what a run prints or does
SWITCHES = (
    ("--force-exclude", "apply the exclude globs to files named on the command line too (pre-commit)"),
    ("--allow-empty", "exit 0, not 2, when there is no file to lint"),
    ("--show-settings", "print the settings for the first PATH and where each comes from, and exit"),
    ("--show-files", "print the files that would be linted and the reader of each, and exit"),
    ("--show-links", "text output: print the documentation URL of each finding's rule"),
    ("--add-suppressions", "insert a suppression comment with a reason placeholder for every finding"),
)


def check_parser() -> argparse.ArgumentParser:
    import argparse

    from marklint.readers import READERS
    from marklint.report import FORMATTERS

    parser = parser_for(
        prog="marklint",
        description="Lint classification markings (banners, portion marks, authority blocks).",
        epilog="commands:\n" + "".join(f"  marklint {name:<8}  {what}\n" for name, what in SUBCOMMANDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; - for stdin")
    parser.add_argument("--version", action="version", version=f"marklint {__version__}")
    parser.add_argument("--stdin-filename", metavar="NAME", help="the name to report for stdin (-)")
    parser.add_argument("--format-in", choices=sorted(READERS), metavar="FORMAT",
                        help="read every input (stdin too) as this format instead of choosing by "
                        f"extension: {', '.join(sorted(READERS))}")
    sources = parser.add_mutually_exclusive_group()
    sources.add_argument("--config", metavar="FILE",
                         help="use this configuration file (.marklint.yaml or pyproject.toml) for every "
                         "file instead of searching for one")
    sources.add_argument("--isolated", action="store_true", help="read no configuration file")
    parser.add_argument("--skip-speaker-notes", action="store_true",
                        help="leave out the speaker notes of PowerPoint slides (read as portions by default)")
    parser.add_argument("--rules", metavar="NAME|PATH|auto",
                        help="rule set: a shipped name (us-cnsi, ...), a YAML path, or auto (by document date)")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                        help="the documents' date of origin (overrides the date read from each document)")
    parser.add_argument("--select", action="append", type=csv_list, default=[], metavar="RULES",
                        help="only these rules (slugs, codes or code prefixes, comma-separated)")
    parser.add_argument("--ignore", action="append", type=csv_list, default=[], metavar="RULES",
                        help="skip these rules (slugs, codes or code prefixes, comma-separated)")
    parser.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                        help="lowest severity that makes the exit code 1 (default: error)")
    parser.add_argument("--format", "--output-format", dest="format", choices=[*sorted(FORMATTERS), "auto"], default="auto",
                        help="output format (auto: github when GITHUB_ACTIONS=true, else text)")
    parser.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="record the current findings in FILE (content-free fingerprints)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="color text output (auto: on a terminal, unless NO_COLOR is set)")
    parser.add_argument("--quiet", "-q", action="store_true", help="print findings only, no notes or summaries")
    parser.add_argument("--statistics", action="store_true", help="print a count of findings per rule")
    parser.add_argument("--ocr", action="store_const", const=True, default=None,
                        help="tolerate OCR slips in banners, banners inside a line and OCR line breaks "
                        "(default: on for collections configured as OCR, off otherwise)")
    parser.add_argument("--no-ocr", dest="ocr", action="store_const", const=False,
                        help="no OCR tolerance, even for collections configured as OCR")
    parser.add_argument("--show-source", action="store_true",
                        help="show the source line of each finding (prints document text)")
    parser.add_argument("--jobs", "-j", type=positive, default=None, metavar="N",
                        help="lint in N processes (default: the number of CPUs)")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    parser.add_argument("--cache-dir", default=DEFAULT_CACHE_DIR, metavar="DIR",
                        help=f"where cached results live (default: {DEFAULT_CACHE_DIR})")
    parser.add_argument("--dask", metavar="SCHEDULER_ADDRESS",
                        help="lint on a Dask cluster (e.g. tcp://scheduler:8786); needs marklint[dask]")
    parser.add_argument("--fix", action="store_true",
                        help="apply safe fixes in place (text formats only) and report what changed")
    parser.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff and write nothing (exit 1 if any); "
                        "it prints document lines, so it needs --show-source")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, also apply fixes that change what a document claims")
    parser.add_argument("--exit-non-zero-on-fix", action="store_true",
                        help="with --fix, exit 1 when a file was changed (for pre-commit hooks)")
    parser.add_argument("--fix-only", action="store_true",
                        help="as --fix, but report only what was fixed, not the findings left")
    # Selection, file discovery and information
    parser.add_argument("--extend-select", action="append", type=csv_list, default=[], metavar="RULES",
                        help="add these rules to the selection (the command line's or the configuration's)")
    for flag, meaning in SWITCHES:
        parser.add_argument(flag, action="store_true", help=meaning)
    return parser


def run_check(argv: list[str], out: TextIO, err: TextIO) -> int:
    """`marklint check`: lint paths and report; returns the exit code."""
    args = check_parser().parse_args(argv)
    args.fix = args.fix or args.fix_only
    if args.format == "auto":
        args.format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if not args.paths and (args.show_settings or args.show_files):
        args.paths = ["."]
    if not args.paths:
        err.write("marklint: no paths given (try `marklint FILE...` or `marklint --help`)\n")
        return 2
    problem = _selection_problem(args)
    if problem:
        err.write(f"marklint: {problem}\n")
        return 2
    if args.show_settings or args.show_files or args.add_suppressions:
        return _show_or_suppress(args, argv, out, err)
    if args.diff and not args.show_source:
        err.write("marklint: --diff prints document lines: add --show-source to allow it\n")
        return 2
    if args.config:
        from marklint.config import ConfigError, explicit_config

        try:
            explicit_config(args.config)
        except ConfigError as exc:
            err.write(f"marklint: {exc}\n")
            return 2
    color = use_color(args.color, out) and args.format == "text"
    return _check(args, out, err, color)


def _show_or_suppress(args: argparse.Namespace, argv: list[str], out: TextIO, err: TextIO) -> int:
    """--show-settings, --show-files or --add-suppressions instead of a lint report."""
    settings = _settings(args)
    if args.show_settings:
        from marklint.show import show_settings

        return show_settings(args.paths[0], settings, args.fail_on, _given(argv), out, err)
    files = _files(args, settings, err)
    if isinstance(files, int):
        return files
    if args.show_files:
        from marklint.show import show_files

        return show_files(files, settings, out)
    from marklint.add_suppressions import add_suppressions

    return add_suppressions(files, settings, out, err, quiet=args.quiet)


def _check(args: argparse.Namespace, out: TextIO, err: TextIO, color: bool) -> int:
    """The body of `marklint check` (`color`: whether text output is colored)."""
    from marklint.lint import AUTO, lint_bytes

    settings = _settings(args)
    ran: tuple = ()
    # The default rule set (no --rules, or auto) always loads, so only another reference is
    # checked before linting; and only SARIF lists the rules that ran. So a cached run of
    # another format loads no rule set at all.
    if args.format in RULE_FORMATS or settings.rules not in (None, AUTO):
        from marklint.lint import rules_that_run
        from marklint.ruleset import RuleSetError

        try:
            ran = rules_that_run(settings)
        except RuleSetError as exc:
            err.write(f"marklint: {exc}\n")
            return 2
    unreadable: list = []
    files = _files(args, settings, err, unreadable)
    if isinstance(files, int):
        return files
    fixed = _fix_files(args, files, settings, out, err) if args.fix or args.diff else None
    if isinstance(fixed, int):  # --diff, or --fix on stdin
        return fixed
    if fixed is not None and args.fix_only:
        return _fixed_only(fixed, args, err)
    results = [] if fixed is None else [done.result for done in fixed]
    if fixed is not None:
        files = []
    for path in args.paths:
        if path == "-":
            from marklint.findings import FileResult
            from marklint.safeio import STDIN_LIMIT, ReadError, read_stream

            name = args.stdin_filename or "<stdin>"
            try:
                results.append(lint_bytes(name, read_stream(sys.stdin.buffer, STDIN_LIMIT), settings))
            except ReadError as exc:
                results.append(FileResult(path=name, error=f"standard input is {exc}"))
    from marklint.distributed import DaskError
    from marklint.parallel import WorkerError, default_jobs, lint_files

    cache_dir = None if args.no_cache else args.cache_dir
    if cache_dir is not None and not settings.show_source:
        from marklint.cache import directory_problem

        refused = directory_problem(cache_dir)
        if refused:
            err.write(f"marklint: warning: not using the cache directory {cache_dir}: {refused}\n")
            cache_dir = None
    try:
        results.extend(lint_files(
            files, settings, jobs=args.jobs or default_jobs(), cache_dir=cache_dir, dask_address=args.dask,
        ))
    except (DaskError, WorkerError) as exc:
        err.write(f"marklint: {exc}\n")
        return 2
    results.extend(unreadable)
    if args.write_baseline or args.baseline:
        from marklint.baseline import BaselineError, apply_baseline, load_baseline, write_baseline

        try:
            if args.write_baseline:
                count = write_baseline(results, args.write_baseline)
                err.write(f"marklint: recorded {count} finding{'s' * (count != 1)} in {args.write_baseline}\n")
            hidden = apply_baseline(results, load_baseline(args.write_baseline or args.baseline))
        except BaselineError as exc:
            err.write(f"marklint: {exc}\n")
            return 2
        if args.baseline and not args.write_baseline and not args.quiet:
            err.write(f"marklint: the baseline {args.baseline} hid {hidden} finding{'s' * (hidden != 1)}\n")
    from marklint.report import ReportContext, display_path, escape_name, reported, write

    ctx = ReportContext(
        rules=ran, root=os.getcwd(), color=color,
        show_source=args.show_source, statistics=args.statistics, quiet=args.quiet, links=args.show_links,
    )
    for result in results:
        if result.error is not None:
            err.write(f"marklint: {escape_name(display_path(result.path, ctx.root))}: {result.error}\n")
        elif args.format != "text" and not args.quiet:
            for notice in result.notices:
                err.write(f"marklint: {escape_name(display_path(result.path, ctx.root))}: note: {notice}\n")
    write(out, args.format, results, ctx)
    if any(result.error is not None for result in results):
        return 2
    from marklint.findings import Severity

    threshold = Severity.parse(args.fail_on) if args.fail_on else _configured_fail_on(settings)
    failing = any(f.severity >= threshold for result in results for f in reported(result))
    changed = fixed is not None and any(done.changed for done in fixed)
    return 1 if (failing and not args.exit_zero) or (args.exit_non_zero_on_fix and changed) else 0


def _settings(args: argparse.Namespace):
    """The lint Settings the command line asks for."""
    from marklint.lint import Settings

    return Settings(
        rules=args.rules,
        select=tuple(key for group in args.select for key in group),
        extend_select=tuple(key for group in args.extend_select for key in group),
        ignore=tuple(key for group in args.ignore for key in group),
        show_source=args.show_source,
        input_format=args.format_in,
        use_config=not args.isolated,
        config_file=args.config,
        date=args.date,
        skip_speaker_notes=args.skip_speaker_notes,
        ocr=args.ocr,
    )


def _given(argv: list[str]) -> set[str]:
    """The long options written on the command line (`--select`, ...), for --show-settings."""
    return {word.split("=", 1)[0] for word in argv if word.startswith("--")}


def _selection_problem(args: argparse.Namespace) -> str | None:
    """The error for a rule name in --select, --extend-select or --ignore that names no rule
    (marklint.selection), or None. Generic rule ids count when the rule set (--rules, or the
    working directory's configuration's; every shipped set for auto) defines them."""
    options = {"--select": args.select, "--extend-select": args.extend_select, "--ignore": args.ignore}
    if not any(options.values()):
        return None  # and the rule registry stays unloaded, as a cached run needs
    from marklint.selection import registered_names, unknown_rule

    names = registered_names()
    pending = [(option, key) for option, groups in options.items() for group in groups for key in group
               if unknown_rule(key, names) is not None]
    if not pending:
        return None
    from marklint.ruleset import RuleSetError

    try:
        names += _generic_ids(args.rules)
    except RuleSetError as exc:
        return str(exc)
    for option, key in pending:
        problem = unknown_rule(key, names, f" in {option}")
        if problem is not None:
            return problem
    return None


def _generic_ids(reference: str | None) -> list[str]:
    """The ids and codes of the generic rules of the rule set the run would use."""
    from marklint.lint import AUTO
    from marklint.ruleset import load_ruleset, shipped_rulesets

    if reference is None:
        from marklint.config import ConfigError, find_config

        try:
            config = find_config(os.getcwd())
        except ConfigError:
            config = None
        reference = config.rules if config is not None else None
    references = shipped_rulesets() if reference in (None, AUTO) else [reference]
    return [key for name in references for rule in load_ruleset(name).generic for key in (rule.id, rule.code)]


def _files(args: argparse.Namespace, settings, err: TextIO, unreadable: list | None = None) -> list[str] | int:
    """The files named or found under the paths (stdin aside), or the exit code: 2 for a
    malformed configuration, and for no file at all unless --allow-empty. A directory that
    cannot be read while walking goes to `unreadable` (a FileResult with its error)."""
    from marklint.config import ConfigError
    from marklint.lint import expand_paths

    named = [p for p in args.paths if p != "-"]
    try:
        files = expand_paths(named, settings, unreadable, force_exclude=args.force_exclude)
    except ConfigError as exc:
        err.write(f"marklint: {exc}\n")
        return 2
    if named and not files and not unreadable:
        if not args.quiet:
            err.write(f"marklint: warning: no files to lint in {', '.join(named)}\n")
        if not args.allow_empty:
            return 2
    return files


def _fix_files(args: argparse.Namespace, paths: list[str], settings, out: TextIO, err: TextIO):
    """`--fix` / `--diff`: fix the files (marklint.fix.fix_path) and say what changed.

    Returns the FileFix list for the normal report with --fix; with --diff, prints the diff
    and returns the exit code (1 when there is a change, unless --exit-zero; 2 on an error);
    2 for stdin.
    """
    from marklint.fix import describe_fixed, fix_path, unified_diff
    from marklint.report import display_path, escape_name

    if "-" in args.paths:
        err.write("marklint: --fix and --diff need files, not stdin (-)\n")
        return 2
    root = os.getcwd()
    notes = out if args.format == "text" and not args.diff else err
    fixes = [fix_path(p, settings, unsafe=args.unsafe_fixes, write=not args.diff) for p in paths]
    for done in fixes:
        shown = escape_name(display_path(done.path, root))
        if args.diff:
            out.write(unified_diff(shown, done.before, done.after))
        elif not args.quiet:
            notes.write(describe_fixed(done.fixed, shown))
    if not args.quiet:
        count = sum(len(done.fixed) for done in fixes)
        files = sum(done.changed for done in fixes)
        verb = "would fix" if args.diff else "fixed"
        unsafe = 0 if args.unsafe_fixes else sum(
            f.suppression is None and f.fix is not None and f.fix.safety == "unsafe"
            for done in fixes for f in done.result.findings
        )
        more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
        notes.write(f"{verb} {count} finding{'s' * (count != 1)} in {files} file{'s' * (files != 1)}{more}\n")
    if not args.diff:
        return fixes
    for done in fixes:
        if done.result.error is not None:
            err.write(f"marklint: {escape_name(display_path(done.path, root))}: {done.result.error}\n")
    if any(d.result.error for d in fixes):
        return 2
    return 1 if any(d.changed for d in fixes) and not args.exit_zero else 0


def _fixed_only(fixed: list, args: argparse.Namespace, err: TextIO) -> int:
    """The exit code of --fix-only (its fixes are already reported): 2 when a file could not be
    read or fixed, 1 with --exit-non-zero-on-fix when a file changed, else 0."""
    from marklint.report import display_path, escape_name

    for done in fixed:
        if done.result.error is not None:
            err.write(f"marklint: {escape_name(display_path(done.path, os.getcwd()))}: {done.result.error}\n")
    if any(done.result.error is not None for done in fixed):
        return 2
    return 1 if args.exit_non_zero_on_fix and any(done.changed for done in fixed) else 0


def _configured_fail_on(settings):
    """The `fail-on` of the configuration that governs the working directory (default error)."""
    from marklint.config import ConfigError
    from marklint.findings import Severity
    from marklint.lint import file_config

    try:
        config = file_config(os.getcwd(), settings)
    except ConfigError:
        return Severity.ERROR  # the per-file lint already reported it
    return config.fail_on if config is not None and config.fail_on is not None else Severity.ERROR
