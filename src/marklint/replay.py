"""Replaying a whole run: an unchanged re-run prints its recorded output without linting.

When a `marklint check` run could use the result cache (see `marklint.cache`) and linted
everything without an input error, the CLI records its output and exit code in the cache
directory together with everything the output depends on: the exact command line, the
working directory, the environment variables and terminal that shape the output, marklint's
version and code (`code_rows`), and the stat signature of every file linted, every directory
walked (a file added or removed changes it), every place a configuration file could be found
(`.marklint.yaml`, `pyproject.toml`, present or absent) and every rule or vocabulary file
outside the package. A run whose record matches all of these replays the output: it needs
only stats, so this module imports nothing but the standard library's basics.

The trust model is the result cache's: a file whose size, mtime and inode are unchanged is
unchanged, and a file modified within two seconds of the run is not trusted (no record is
written while one is, and a recorded signature never matches it). Records hold the output,
which quotes markings but never document text (runs with --show-source are not recorded).

A record is a list of text fields, each written as its length and a newline, then the field;
the last holds the watched paths and their signatures, separated by NULs (which no path
holds). No JSON: importing `json` (and the `re` it needs) would cost a replayed run a third of
its time. Nothing in a record is evaluated: keys and signatures are compared as text.
"""

from __future__ import annotations

import os
import sys
import time

from marklint import __version__

_MAGIC = "marklint replay 2\n"  # change the number when the record layout changes
# A file modified this recently may change again within the same mtime tick without its stat
# signature changing, so its signature is not trusted.
RACY_NS = 2_000_000_000
CONFIG_NAMES = (".marklint.yaml", "pyproject.toml")  # what marklint.config looks for, per directory
DEFAULT_CACHE_DIR = ".marklint_cache"
KEEP_RECORDS = 16  # records of other command lines beyond this many are deleted, oldest first


def stat_signature(st: os.stat_result) -> list[int] | None:
    """(size, mtime_ns, inode) of a file, or None when it was modified too recently to trust."""
    if time.time_ns() - st.st_mtime_ns < RACY_NS:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _signature(path: str, trusted_before: int) -> str | None:
    """A path's "size mtime_ns inode"; "" when it does not exist, None when it was modified
    at or after `trusted_before` (ns since the epoch): too recent to trust, it is never
    recorded and never equal to a recorded signature."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    return None if st.st_mtime_ns >= trusted_before else f"{st.st_size} {st.st_mtime_ns} {st.st_ino}"


_code_rows: str | None = None


def code_rows() -> str:
    """Names, sizes and mtimes of marklint's own files (code, grammar, shipped rule sets and
    vocabularies), one per line: editing marklint, not only bumping its version, changes it."""
    global _code_rows
    if _code_rows is None:
        import marklint.rules  # a plain package: locating it needs no importlib.resources

        roots = [os.path.dirname(__file__)]
        rules = os.path.dirname(marklint.rules.__file__)
        if not rules.startswith(roots[0] + os.sep):  # not installed inside the package: a source checkout
            roots.append(rules)
        rows = []
        for root in roots:
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                relative = dirpath[len(root) + 1:]  # what os.path.relpath gives, without its cost
                for name in sorted(filenames):
                    if name.endswith((".py", ".lark", ".yaml")):
                        st = os.stat(os.path.join(dirpath, name))
                        rows.append(f"{os.path.join(relative, name)}:{st.st_size}:{st.st_mtime_ns}")
        _code_rows = "\n".join(rows)
    return _code_rows


def today() -> str:
    """The local date, part of every cache key: markings of an undated document are checked
    against the vocabulary as of today (a retirement date may pass between two runs)."""
    return time.strftime("%Y-%m-%d")


def _key(argv: list[str], tty: bool) -> str:
    """What, besides files, a run's output depends on, as text (the repr of strings, None
    and booleans: deterministic, and it escapes what cannot be encoded)."""
    return repr([__version__, sys.version, os.getcwd(), argv, os.environ.get("NO_COLOR"),
                 os.environ.get("GITHUB_ACTIONS"), tty, today()])


def _record_path(directory: str, key: str) -> str:
    import zlib  # a name, not a proof: the record holds its whole key and is checked against it

    return os.path.join(directory, f"run-{zlib.crc32(key.encode()):08x}{len(key):x}.rec")


def _pack(fields: list[str]) -> str:
    return _MAGIC + "".join(f"{len(field)}\n{field}" for field in fields)


def _unpack(text: str) -> list[str]:
    """The fields of a record; ValueError when it is not one."""
    if not text.startswith(_MAGIC):
        raise ValueError("not a record")
    fields, at = [], len(_MAGIC)
    while at < len(text):
        newline = text.index("\n", at)
        digits = text[at:newline]
        end = newline + 1 + int(digits) if digits.isascii() and digits.isdigit() else -1
        if end > len(text) or end < 0:
            raise ValueError("a damaged record")
        fields.append(text[newline + 1:end])
        at = end
    return fields


def _cache_directory(argv: list[str]) -> str:
    """The --cache-dir of a command line, read without argparse. Only the plain spellings are
    recognised: a run that spelled it otherwise finds no record here and simply lints."""
    directory = DEFAULT_CACHE_DIR
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--cache-dir" and index + 1 < len(argv):
            directory = argv[index + 1]
        elif arg.startswith("--cache-dir="):
            directory = arg[len("--cache-dir="):]
    return directory


def replay(argv: list[str], out, err) -> int | None:
    """Write the recorded output of the run `marklint check ARGV` and return its exit code,
    when a record of it exists and nothing it depends on has changed; else None."""
    try:
        key = _key(argv, _isatty(out))
        # newline="": lengths count the characters as written; surrogateescape: any file name
        with open(_record_path(_cache_directory(argv), key), encoding="utf-8", errors="surrogateescape",
                  newline="") as handle:
            recorded_key, code_text, exit_text, stdout, stderr, watched = _unpack(handle.read())
        watch = watched.split("\0")
        if recorded_key != key or code_text != code_rows() or len(watch) % 2 or not exit_text.isdigit():
            return None
        trusted_before = time.time_ns() - RACY_NS
        for path, signature in zip(watch[::2], watch[1::2]):
            if _signature(path, trusted_before) != signature:
                return None
        code = int(exit_text)
    except (OSError, ValueError):  # no record, a damaged one, or too few fields
        return None
    out.write(stdout)
    err.write(stderr)
    return code


def _isatty(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def watch_list(files: list[str], directories: list[str], others: list[str], started: int) -> list[str] | None:
    """Path, signature, path, signature... of everything the output of a run that `started` (time.time_ns())
    depends on: the files linted, the `directories` walked to find them, every place a
    configuration file could be found for them, and `others` (rule and vocabulary files).
    None when one of them is too recent to trust, counted from the start of the run: one
    modified while it ran may not be what it read."""
    config_places: set[str] = set()
    starts = {os.getcwd(), *directories, *(os.path.dirname(f) or "." for f in files)}  # cwd: fail-on
    for directory in starts:
        directory = os.path.abspath(directory)
        while directory not in config_places:
            config_places.add(directory)
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent
    paths = [*files, *directories, *others]
    paths += [os.path.join(place, name) for place in sorted(config_places) for name in CONFIG_NAMES]
    trusted_before = started - RACY_NS
    watch = []
    for path in dict.fromkeys(paths):
        signature = _signature(path, trusted_before)
        if signature is None:
            return None
        watch += [path, signature]
    return watch


def record(argv: list[str], out, watch: list[str], stdout: str, stderr: str, code: int, directory: str) -> None:
    """Record a run for `replay`; a cache directory that cannot be written only costs speed."""
    from marklint.atomic import write_atomically
    from marklint.cache import mark_directory

    try:
        key = _key(argv, _isatty(out))
        os.makedirs(directory, exist_ok=True)
        mark_directory(directory)
        path = _record_path(directory, key)
        text = _pack([key, code_rows(), str(code), stdout, stderr, "\0".join(watch)])
        write_atomically(path, text.encode("utf-8", "surrogateescape"))
        _prune(directory)
    except OSError:
        pass


def _prune(directory: str) -> None:
    """Keep the KEEP_RECORDS newest records (a pre-commit hook records a new command line, its
    list of changed files, on every commit)."""
    records = []
    for entry in os.scandir(directory):
        if entry.name.startswith("run-") and entry.name.endswith((".rec", ".json")):  # .json: older versions
            records.append((entry.stat().st_mtime_ns, entry.path))
    for _, path in sorted(records, reverse=True)[KEEP_RECORDS:]:
        try:
            os.unlink(path)
        except OSError:
            pass  # another run removed it first
