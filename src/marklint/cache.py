"""The result cache: a second run over an unchanged tree does almost nothing.

A cached result is keyed by the file's content (its `digest`) and by a *context* string that
captures everything else the result depends on (see `fingerprint`): the marklint version, a
signature of its code and shipped rule files, and the file's settings (the command line
completed by its configuration). Rule and vocabulary files outside the package are the
context's *dependencies*: its pack records their stat signatures and digests, and a pack whose
dependency changed is dropped whole. So a hit needs no rule set loaded, only stats.

Each context has one pack file under the cache directory (default `.marklint_cache/`) mapping
a path to its stat signature, content digest and result. A file whose size, mtime and inode are
unchanged is not even read; otherwise it is hashed and the digest decides.

The cache directory is untrusted storage (a shared machine, a repository that commits one):
- it is created 0700, and one that is a symbolic link, is not owned by the user or is
  writable by group or others is not used (a warning, and the run goes on without cache);
- packs are JSON, read with O_NOFOLLOW and only from regular files, and every entry is checked
  field by field when read back: anything malformed is a miss, nothing is evaluated;
- files are written through `tempfile` in the cache directory and renamed into place, and
  the marker files are created with O_EXCL | O_NOFOLLOW: nothing is written through a link
  or outside the directory.
Entries hold findings (positions, codes, messages that name at most a marking), never
document text: `Finding.source` is dropped, and runs with `--show-source` bypass the cache.
"""

from __future__ import annotations

import enum
import json
import os
import re
import stat
import time
from collections.abc import Mapping

from marklint import __version__
from marklint.findings import Edit, FileResult, Finding, Fix, Severity, Suppression

_FORMAT = 5  # bump when the pack layout changes
DEFAULT_CACHE_DIR = ".marklint_cache"
# A file modified this recently may change again within the same mtime tick without its stat
# signature changing, so its signature is not trusted.
RACY_NS = 2_000_000_000


def stat_signature(st: os.stat_result) -> list[int] | None:
    """(size, mtime_ns, inode) of a file, or None when it was modified too recently to trust."""
    if time.time_ns() - st.st_mtime_ns < RACY_NS:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def today() -> str:
    """The local date, part of every cache key: markings of an undated document are checked
    against the vocabulary as of today (a retirement date may pass between two runs)."""
    return time.strftime("%Y-%m-%d")


def code_rows() -> str:
    """Names, sizes and mtimes of marklint's own files (code, grammar, shipped rule sets and
    vocabularies), one per line: editing marklint, not only bumping its version, changes it."""
    import marklint.rules

    roots = [os.path.dirname(__file__)]
    rules = os.path.dirname(marklint.rules.__file__)
    if not rules.startswith(roots[0] + os.sep):  # not installed inside the package: a source checkout
        roots.append(rules)
    rows = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith((".py", ".lark", ".yaml")):
                    st = os.stat(os.path.join(dirpath, name))
                    rows.append(f"{os.path.relpath(os.path.join(dirpath, name), root)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(rows)


def directory_problem(directory: str) -> str | None:
    """Why the cache directory `directory` must not be used, or None when it may be (or does
    not exist yet): it is a symbolic link or not a directory, it is not owned by this user,
    or group or others may write to it."""
    try:
        st = os.lstat(directory)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot inspect it ({exc.strerror or exc})"
    if stat.S_ISLNK(st.st_mode):
        return "it is a symbolic link"
    if not stat.S_ISDIR(st.st_mode):
        return "it is not a directory"
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return "it is owned by another user"
    if st.st_mode & 0o022:
        return f"group or others may write to it (mode {stat.S_IMODE(st.st_mode):o}; chmod 700 it)"
    return None


def _read_regular(path: str) -> bytes:
    """The bytes of the regular file at `path`, never through a symbolic link and never from a
    pipe or device (OSError otherwise)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: not a regular file")
        return handle.read()


def _write_new(directory: str, name: str, data: bytes) -> None:
    """Write `data` to `directory/name` through a temporary file created by `tempfile` in
    `directory`, renamed over `name`: a link planted at `name` is replaced, never followed."""
    import tempfile

    fd, temporary = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, os.path.join(directory, name))
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def digest(data: bytes) -> str:
    """The content key of a file's bytes (128-bit BLAKE2b: faster than SHA-256 on a cold run
    and half as long in the packs a cached run decodes)."""
    import hashlib

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _canonical(value: object) -> object:
    """A JSON-able form of `value` that is the same in every process (sets sorted, enums by
    value, records by their attributes), so equal settings always give equal fingerprints."""
    if isinstance(value, enum.Enum):
        return _canonical(value.value)
    if isinstance(value, Mapping):
        return sorted(([_canonical(k), _canonical(v)] for k, v in value.items()), key=repr)
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, value.flags]
    return [type(value).__name__, _canonical(vars(value))] if hasattr(value, "__dict__") else repr(value)


def fingerprint(*parts: object) -> str:
    """A stable hex digest of `parts` (settings, configuration, ...) plus the marklint version,
    a signature of its installed code and shipped rule and vocabulary files, and today's date
    (see `today`): cached results are reused on the day they were made."""
    text = json.dumps([__version__, _code_signature(), today(), _canonical(list(parts))], sort_keys=True)
    return digest(text.encode())


_code_sig: str | None = None


def _code_signature() -> str:
    """A digest of marklint's own files (`code_rows`), so that editing
    marklint (not only bumping its version) invalidates the cache."""
    global _code_sig
    if _code_sig is None:
        _code_sig = digest(code_rows().encode())
    return _code_sig


def result_to_json(result: FileResult) -> list:
    """A FileResult, without its path, as compact JSON data (rows, not objects: a cached run
    decodes thousands) and without any document text."""
    return [result.pages, result.ruleset, list(result.notices),
            [_finding_to_json(f, result.path) for f in result.findings], result.config, result.facts]


def _finding_to_json(finding: Finding, path: str) -> list:
    fix = finding.fix
    suppression = finding.suppression
    return [
        None if finding.path == path else finding.path, finding.line, finding.column,
        finding.end_line, finding.end_column, finding.code, finding.rule, int(finding.severity),
        finding.message, finding.page, finding.marking,
        None if fix is None else [fix.description, fix.safety, [[e.line, e.column, e.end_line, e.end_column, e.replacement] for e in fix.edits]],
        None if suppression is None else [suppression.kind, suppression.justification],
        finding.location,
    ]


_SEVERITIES = {int(severity): severity for severity in Severity}  # faster than calling Severity


class _Malformed(ValueError):
    """A cached value that is not what `result_to_json` writes."""


def _is_int(value: object) -> bool:
    return type(value) is int  # noqa: E721 - not bool, which is an int too


def _is_text(value: object) -> bool:
    return type(value) is str  # noqa: E721


def _optional(check, value: object) -> bool:
    return value is None or check(value)


def _require(condition: bool) -> None:
    if not condition:
        raise _Malformed


def _fix_from_json(data: object) -> Fix:
    _require(type(data) is list and len(data) == 3 and _is_text(data[0]) and data[1] in ("safe", "unsafe")
             and type(data[2]) is list)
    edits = []
    for edit in data[2]:
        _require(type(edit) is list and len(edit) == 5 and all(_is_int(n) for n in edit[:4]) and _is_text(edit[4]))
        edits.append(Edit(*edit))
    return Fix(data[0], data[1], tuple(edits))


def result_from_json(path: str, data: object) -> FileResult:
    """The inverse of `result_to_json` for the file at `path`. Every field is checked: data
    that `result_to_json` could not have written raises ValueError."""
    _require(type(data) is list and len(data) == 6)
    pages, ruleset, notices, rows, config, facts = data
    _require(_is_int(pages) and _optional(_is_text, ruleset) and type(notices) is list
             and all(_is_text(n) for n in notices) and type(rows) is list and _optional(_is_text, config)
             and (facts is None or type(facts) is dict))
    findings = []
    for row in rows:
        _require(type(row) is list and len(row) == 14)
        (where, line, column, end_line, end_column, code, rule, severity, message, page, marking,
         fix, suppression, location) = row
        _require(_optional(_is_text, where) and all(_is_int(n) for n in (line, column, end_line, end_column))
                 and _is_text(code) and _is_text(rule) and _is_int(severity) and severity in _SEVERITIES
                 and _is_text(message) and _optional(_is_int, page) and _optional(_is_text, marking)
                 and _optional(_is_text, location))
        _require(suppression is None or (type(suppression) is list and len(suppression) == 2
                                         and all(_is_text(part) for part in suppression)))
        findings.append(Finding(
            path if where is None else where, line, column, code, rule, _SEVERITIES[severity], message,
            end_line, end_column, page, marking,
            None if fix is None else _fix_from_json(fix),
            None if suppression is None else Suppression(*suppression), None, location,
        ))
    return FileResult(path=path, findings=findings, pages=pages, ruleset=ruleset, notices=list(notices),
                      config=config, facts=facts)


def _is_signature(value: object) -> bool:
    return value is None or (type(value) is list and len(value) == 3 and all(_is_int(n) for n in value))


def _file_digest(path: str) -> str:
    """The digest of a regular file's bytes (OSError for anything else: a pack names the
    files to hash, and a pack is untrusted)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: not a regular file")
        return digest(handle.read())


def _dependency(path: str) -> list:
    """[path, stat signature, digest] of a file a context depends on."""
    return [path, stat_signature(os.stat(path)), _file_digest(path)]


def _refresh(dependencies: object) -> bool | None:
    """Check that every recorded dependency still has its content (a matching stat signature
    is trusted; otherwise the file is hashed): None when one changed or the list is
    malformed, else whether a stat signature was refreshed in place."""
    if type(dependencies) is not list:
        return None
    refreshed = False
    for dependency in dependencies:
        if not (type(dependency) is list and len(dependency) == 3 and _is_text(dependency[0])
                and _is_signature(dependency[1]) and _is_text(dependency[2])):
            return None
        path, signature, content = dependency
        try:
            current = stat_signature(os.stat(path))
            if signature is None or current != signature:
                if _file_digest(path) != content:
                    return None
                refreshed = refreshed or current is not None
                dependency[1] = current
        except OSError:
            return None
    return refreshed


def _entry(value: object) -> tuple[list[int] | None, str, object] | None:
    """(stat signature, content digest, stored result) of a pack entry, or None when malformed
    (the result itself is checked when decoded)."""
    if type(value) is list and len(value) == 3 and _is_signature(value[0]) and _is_text(value[1]):
        return value[0], value[1], value[2]
    return None


class Cache:
    """Cached results under one directory. Use `lookup` before linting a file, `depend` and
    `store` after, and `save` once at the end of the run. A directory that
    `directory_problem` refuses is never read or written (`refused` says why)."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = os.fspath(directory)
        self.refused = directory_problem(self.directory)
        self._packs: dict[str, dict[str, list]] = {}
        self._dependencies: dict[str, list] = {}
        self._dirty: set[str] = set()
        self._signatures: dict[tuple[str, str], list[int] | None] = {}
        self.hits = 0
        self.misses = 0

    def _pack(self, context: str) -> dict[str, list]:
        pack = self._packs.get(context)
        if pack is None:
            pack, dependencies = {}, []
            try:
                loaded = json.loads(_read_regular(os.path.join(self.directory, f"{context}.json")))
                if (not self.refused and type(loaded) is dict and loaded.get("format") == _FORMAT
                        and type(loaded.get("entries")) is dict):
                    refreshed = _refresh(loaded.get("dependencies"))
                    if refreshed is not None:
                        pack, dependencies = loaded["entries"], loaded["dependencies"]
                        if refreshed:
                            self._dirty.add(context)
            except (OSError, ValueError, RecursionError):
                pass  # no pack, or a damaged one: start empty
            self._packs[context] = pack
            self._dependencies[context] = dependencies
        return pack

    def depend(self, context: str, paths: list[str]) -> None:
        """Record the files besides marklint's own that results under `context` depend on
        (rule and vocabulary files), as they are now: call it before linting with `context`.
        A pack recorded with other dependencies is emptied. Raises OSError when one cannot be
        read."""
        pack = self._pack(context)
        if [dependency[0] for dependency in self._dependencies[context]] == paths:
            return  # the same files, found unchanged when the pack was loaded
        self._dependencies[context] = [_dependency(path) for path in paths]
        pack.clear()
        self._dirty.add(context)

    def lookup(self, path: str, context: str) -> FileResult | None:
        """The cached result for `path` under `context` if its content is unchanged, else None."""
        pack = self._pack(context)
        entry = _entry(pack.get(path))
        result = None
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):  # a pipe or device: never read it here
                entry = None
            signature = stat_signature(st)
            self._signatures[(path, context)] = signature
            if entry is not None:
                stored_signature, stored_digest, stored = entry
                if signature is None or stored_signature != signature:
                    if _file_digest(path) != stored_digest:
                        stored = None
                    elif signature is not None:
                        pack[path][0] = signature
                        self._dirty.add(context)
                if stored is not None:
                    result = result_from_json(path, stored)
        except (OSError, ValueError):
            result = None
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def store(self, path: str, context: str, content_digest: str, result: FileResult) -> None:
        """Remember `result` for `path` whose content had `content_digest` when it was linted.
        Results with an error (unreadable files) are not cached."""
        if result.error is not None:
            return
        signature = self._signatures.get((path, context))
        self._pack(context)[path] = [signature, content_digest, result_to_json(result)]
        self._dirty.add(context)

    def save(self) -> None:
        """Write the changed packs; a cache that cannot be written is skipped."""
        if not self._dirty:
            return
        try:
            os.makedirs(self.directory, mode=0o700, exist_ok=True)
        except OSError:
            self._dirty.clear()
            return
        if self.refused or directory_problem(self.directory):
            self._dirty.clear()
            return
        for context in sorted(self._dirty):
            pack = self._packs[context]
            for path in [p for p in pack if not os.path.lexists(p)]:  # deleted files: forget them
                del pack[path]
            try:
                mark_directory(self.directory)
                text = json.dumps({"format": _FORMAT, "dependencies": self._dependencies[context],
                                   "entries": pack}, separators=(",", ":"))
                _write_new(self.directory, f"{context}.json", text.encode("utf-8"))
            except OSError:
                continue
        self._dirty.clear()


def mark_directory(directory: str) -> None:
    """Keep the cache out of git and backups (a .gitignore and a CACHEDIR.TAG), created only
    where nothing, not even a dangling link, has that name."""
    for name, text in (
        (".gitignore", "# created by marklint\n*\n"),
        ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                         "# marklint cache; see https://bford.info/cachedir/\n"),
    ):
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(os.path.join(directory, name), flags, 0o600)
        except FileExistsError:
            continue
        with open(fd, "w", encoding="utf-8") as out:
            out.write(text)
