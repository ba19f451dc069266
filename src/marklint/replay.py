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
"""

from __future__ import annotations

import json
import os
import sys
import time

from marklint import __version__

_FORMAT = 1  # bump when the record layout changes
# A file modified this recently may change again within the same mtime tick without its stat
# signature changing, so its signature is not trusted.
RACY_NS = 2_000_000_000
CONFIG_NAMES = (".marklint.yaml", "pyproject.toml")  # what marklint.config looks for, per directory
DEFAULT_CACHE_DIR = ".marklint_cache"
_RACY = 0  # the signature of a file too recent to trust: never recorded, never equal to one
KEEP_RECORDS = 16  # records of other command lines beyond this many are deleted, oldest first


def stat_signature(st: os.stat_result) -> list[int] | None:
    """(size, mtime_ns, inode) of a file, or None when it was modified too recently to trust."""
    if time.time_ns() - st.st_mtime_ns < RACY_NS:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _signature(path: str, trusted_before: int) -> list[int] | int | None:
    """A path's (size, mtime_ns, inode); None when it does not exist, _RACY when it was
    modified at or after `trusted_before` (ns since the epoch)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return _RACY if st.st_mtime_ns >= trusted_before else [st.st_size, st.st_mtime_ns, st.st_ino]


_code_rows: str | None = None


def code_rows() -> str:
    """Names, sizes and mtimes of marklint's own files (code, grammar, shipped rule sets and
    vocabularies), one per line: editing marklint, not only bumping its version, changes it."""
    global _code_rows
    if _code_rows is None:
        import marklint.rules  # a plain package: locating it needs no importlib.resources

        rows = []
        for root in (os.path.dirname(__file__), os.path.dirname(marklint.rules.__file__)):
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                for name in sorted(filenames):
                    if name.endswith((".py", ".lark", ".yaml")):
                        st = os.stat(os.path.join(dirpath, name))
                        rows.append(f"{os.path.relpath(os.path.join(dirpath, name), root)}:{st.st_size}:{st.st_mtime_ns}")
        _code_rows = "\n".join(rows)
    return _code_rows


def today() -> str:
    """The local date, part of every cache key: markings of an undated document are checked
    against the vocabulary as of today (a retirement date may pass between two runs)."""
    return time.strftime("%Y-%m-%d")


def _key(argv: list[str], tty: bool) -> list:
    """What, besides files, a run's output depends on."""
    return [__version__, sys.version, os.getcwd(), argv, os.environ.get("NO_COLOR"),
            os.environ.get("GITHUB_ACTIONS"), tty, today()]


def _record_path(directory: str, key: list) -> str:
    import zlib  # a name, not a proof: the record holds its whole key and is checked against it

    text = json.dumps(key)
    return os.path.join(directory, f"run-{zlib.crc32(text.encode()):08x}{len(text):x}.json")


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
        with open(_record_path(_cache_directory(argv), key), "rb") as handle:
            record = json.loads(handle.read())
        if record["format"] != _FORMAT or record["key"] != key or record["code"] != code_rows():
            return None
        trusted_before = time.time_ns() - RACY_NS
        for path, signature in record["watch"]:
            if _signature(path, trusted_before) != signature:
                return None
        stdout, stderr, code = record["stdout"], record["stderr"], record["exit"]
        if not (isinstance(stdout, str) and isinstance(stderr, str) and type(code) is int):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    out.write(stdout)
    err.write(stderr)
    return code


def _isatty(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


def watch_list(files: list[str], directories: list[str], others: list[str], started: int) -> list | None:
    """[path, signature] of everything the output of a run that `started` (time.time_ns())
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
    watch = [[path, _signature(path, trusted_before)] for path in dict.fromkeys(paths)]
    if any(signature == _RACY for _, signature in watch):
        return None
    return watch


def record(argv: list[str], out, watch: list, stdout: str, stderr: str, code: int, directory: str) -> None:
    """Record a run for `replay`; a cache directory that cannot be written only costs speed."""
    from marklint.cache import mark_directory

    try:
        key = _key(argv, _isatty(out))
        data = {"format": _FORMAT, "key": key, "code": code_rows(), "watch": watch,
                "stdout": stdout, "stderr": stderr, "exit": code}
        os.makedirs(directory, exist_ok=True)
        mark_directory(directory)
        path = _record_path(directory, key)
        tmp = f"{path}.{os.getpid()}.tmp"  # not tempfile: its import costs more than the rest
        try:
            with open(tmp, "w", encoding="utf-8") as stream:
                stream.write(json.dumps(data, separators=(",", ":")))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(directory)
    except OSError:
        pass


def _prune(directory: str) -> None:
    """Keep the KEEP_RECORDS newest records (a pre-commit hook records a new command line, its
    list of changed files, on every commit)."""
    records = []
    for entry in os.scandir(directory):
        if entry.name.startswith("run-") and entry.name.endswith(".json"):
            records.append((entry.stat().st_mtime_ns, entry.path))
    for _, path in sorted(records, reverse=True)[KEEP_RECORDS:]:
        try:
            os.unlink(path)
        except OSError:
            pass  # another run removed it first
