"""`marklint report PATH...`: lint a collection and write its report (PREFIX.csv and
PREFIX.html; see `marklint.archives.report`). Documents are judged by the rules of their own
era (`--rules auto`) unless `--rules` says otherwise; `--jobs`, `--dask` and the result cache
work as they do for `marklint check`."""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import TextIO


def _parser() -> argparse.ArgumentParser:
    import argparse

    from marklint.cache import DEFAULT_CACHE_DIR
    from marklint.commands.options import positive

    parser = argparse.ArgumentParser(
        prog="marklint report",
        description="Lint a collection of documents and write a CSV and a self-contained HTML report.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    parser.add_argument("--output", "-o", default="marklint-report", metavar="PREFIX",
                        help="write PREFIX.csv and PREFIX.html (default: marklint-report)")
    parser.add_argument("--title", default="marklint collection report", help="the HTML page's title")
    parser.add_argument("--rules", default="auto", metavar="NAME|PATH|auto",
                        help="rule set (default: auto, each document by the rules of its era)")
    parser.add_argument("--ocr", action="store_const", const=True, default=None,
                        help="OCR tolerance for every document (default: per collection)")
    parser.add_argument("--no-ocr", dest="ocr", action="store_const", const=False, help="no OCR tolerance")
    parser.add_argument("--jobs", "-j", type=positive, default=None, metavar="N",
                        help="lint in N processes (default: the number of CPUs)")
    parser.add_argument("--dask", metavar="SCHEDULER_ADDRESS", help="lint on a Dask cluster")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    parser.add_argument("--cache-dir", default=DEFAULT_CACHE_DIR, metavar="DIR", help="where cached results live")
    return parser


def run_report(argv: list[str], out: TextIO, err: TextIO) -> int:
    """Lint the paths and write the report; 2 when a file could not be read (it is still a
    row, `unreadable`) or the report cannot be written."""
    from marklint.archives.report import row_of, write_csv, write_html
    from marklint.config import ConfigError
    from marklint.distributed import DaskError
    from marklint.lint import Settings, expand_paths
    from marklint.parallel import WorkerError, default_jobs, lint_files
    from marklint.report import path_display

    args = _parser().parse_args(argv)
    settings = Settings(rules=args.rules, ocr=args.ocr)
    try:
        files = expand_paths(list(args.paths), settings)
        results = lint_files(files, settings, jobs=args.jobs or default_jobs(),
                             cache_dir=None if args.no_cache else args.cache_dir, dask_address=args.dask)
    except (ConfigError, DaskError, WorkerError) as exc:
        err.write(f"marklint: {exc}\n")
        return 2
    shown = path_display(os.getcwd())
    for result in results:
        if result.error is not None:
            err.write(f"marklint: {shown(result.path)}: {result.error}\n")
    rows = [row_of(result, shown(result.path)) for result in results]
    written = []
    for extension, text in (("csv", write_csv(rows)), ("html", write_html(rows, args.title))):
        target = f"{args.output}.{extension}"
        try:
            with open(target, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            err.write(f"marklint: {target}: cannot write the report ({exc.strerror or exc})\n")
            return 2
        written.append(target)
    verdicts: dict[str, int] = {}
    for row in rows:
        verdicts[str(row["verdict"])] = verdicts.get(str(row["verdict"]), 0) + 1
    counts = ", ".join(f"{count} {verdict}" for verdict, count in sorted(verdicts.items()))
    out.write(f"marklint: wrote {' and '.join(written)} ({len(rows)} documents: {counts})\n")
    return 2 if any(result.error is not None for result in results) else 0
