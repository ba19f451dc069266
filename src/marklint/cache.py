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

Entries hold findings (positions, codes, messages that quote markings), never document text:
`Finding.source` is dropped, and runs with `--show-source` bypass the cache. Packs are written
atomically (a temporary file, then `os.replace`); a pack or entry that cannot be decoded is
ignored, and a cache directory that cannot be written only costs the speed-up.
"""

from __future__ import annotations

import enum
import json
import os
import re
import stat
from collections.abc import Mapping

from marklint import __version__
from marklint.atomic import write_atomically
from marklint.findings import Edit, FileResult, Finding, Fix, Severity, Suppression
from marklint.replay import code_rows, stat_signature, today

TYPE_CHECKING = False  # not typing's: a cached run imports neither typing nor pathlib
if TYPE_CHECKING:
    from pathlib import Path

_FORMAT = 2  # bump when the pack layout changes


def user_cache_dir() -> Path:
    """The per-user cache directory ($XDG_CACHE_HOME/marklint or ~/.cache/marklint), where
    loaded rule sets are kept (the result cache lives in the project, see `Cache`)."""
    from pathlib import Path  # not at module level: a cached run has no use for pathlib

    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "marklint"


def digest(data: bytes) -> str:
    """The content key of a file's bytes (128-bit BLAKE2b: faster than SHA-256 on a cold run
    and half as long in the packs a cached run decodes)."""
    import hashlib

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _file_digest(path: str) -> str:
    with open(path, "rb") as handle:
        return digest(handle.read())


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
    (see `marklint.replay.today`): cached results are reused on the day they were made."""
    text = json.dumps([__version__, _code_signature(), today(), _canonical(list(parts))], sort_keys=True)
    return digest(text.encode())


_code_sig: str | None = None


def _code_signature() -> str:
    """A digest of marklint's own files (`marklint.replay.code_rows`), so that editing
    marklint (not only bumping its version) invalidates the cache."""
    global _code_sig
    if _code_sig is None:
        _code_sig = digest(code_rows().encode())
    return _code_sig


def result_to_json(result: FileResult) -> list:
    """A FileResult, without its path, as compact JSON data (rows, not objects: a cached run
    decodes thousands) and without any document text."""
    return [result.pages, result.ruleset, list(result.notices),
            [_finding_to_json(f, result.path) for f in result.findings], result.facts]


def _finding_to_json(finding: Finding, path: str) -> list:
    fix = finding.fix
    suppression = finding.suppression
    return [
        None if finding.path == path else finding.path, finding.line, finding.column,
        finding.end_line, finding.end_column, finding.code, finding.rule, int(finding.severity),
        finding.message, finding.page, finding.marking,
        None if fix is None else [fix.description, fix.safety, [[e.line, e.column, e.end_line, e.end_column, e.replacement] for e in fix.edits]],
        None if suppression is None else [suppression.kind, suppression.justification],
    ]


_SEVERITIES = {int(severity): severity for severity in Severity}  # faster than calling Severity


def result_from_json(path: str, data: list) -> FileResult:
    """The inverse of `result_to_json` for the file at `path`; raises (TypeError, ValueError,
    ...) on bad data."""
    pages, ruleset, notices, rows, facts = data
    findings = []
    for (where, line, column, end_line, end_column, code, rule, severity, message, page, marking,
         fix, suppression) in rows:
        findings.append(Finding(
            path if where is None else where, line, column, code, rule, _SEVERITIES[severity], message,
            end_line, end_column, page, marking,
            None if fix is None else Fix(fix[0], fix[1], tuple(Edit(*edit) for edit in fix[2])),
            None if suppression is None else Suppression(*suppression),
        ))
    return FileResult(path=path, findings=findings, pages=int(pages), ruleset=ruleset,
                      notices=[str(n) for n in notices], facts=facts)


def _dependency(path: str) -> list:
    """[path, stat signature, digest] of a file a context depends on."""
    return [path, stat_signature(os.stat(path)), _file_digest(path)]


def _refresh(dependencies: list) -> bool | None:
    """Check that every recorded dependency still has its content (a matching stat signature
    is trusted; otherwise the file is hashed): None when one changed, else whether a stat
    signature was refreshed in place."""
    refreshed = False
    for dependency in dependencies:
        path, signature, content = dependency
        current = stat_signature(os.stat(path))
        if signature is None or current != signature:
            if _file_digest(path) != content:
                return None
            refreshed = refreshed or current is not None
            dependency[1] = current
    return refreshed


class Cache:
    """Cached results under one directory. Use `lookup` before linting a file, `depend` and
    `store` after, and `save` once at the end of the run."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = os.fspath(directory)
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
                with open(os.path.join(self.directory, f"{context}.json"), "rb") as handle:
                    loaded = json.loads(handle.read())
                if loaded.get("format") == _FORMAT and isinstance(loaded["entries"], dict):
                    refreshed = _refresh(loaded["dependencies"])
                    if refreshed is not None:
                        pack, dependencies = loaded["entries"], loaded["dependencies"]
                        if refreshed:
                            self._dirty.add(context)
            except (OSError, ValueError, AttributeError, KeyError, TypeError):
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

    def dependencies(self) -> list[str]:
        """The dependencies (see `depend`) of every context used so far."""
        return [dependency[0] for recorded in self._dependencies.values() for dependency in recorded]

    def lookup(self, path: str, context: str) -> FileResult | None:
        """The cached result for `path` under `context` if its content is unchanged, else None."""
        pack = self._pack(context)
        entry = pack.get(path)
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
                        entry[0] = signature
                        self._dirty.add(context)
                if stored is not None:
                    result = result_from_json(path, stored)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
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
        """Write the changed packs atomically; a cache that cannot be written is skipped."""
        for context in sorted(self._dirty):
            pack = self._packs[context]
            for path in [p for p in pack if not os.path.lexists(p)]:  # deleted files: forget them
                del pack[path]
            try:
                os.makedirs(self.directory, exist_ok=True)
                mark_directory(self.directory)
                text = json.dumps({"format": _FORMAT, "dependencies": self._dependencies[context],
                                   "entries": pack}, separators=(",", ":"))
                write_atomically(os.path.join(self.directory, f"{context}.json"), text.encode("utf-8"))
            except OSError:
                continue
        self._dirty.clear()


def mark_directory(directory: str) -> None:
    """Keep the cache out of git and backups (a .gitignore and a CACHEDIR.TAG)."""
    for name, text in (
        (".gitignore", "# created by marklint\n*\n"),
        ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                         "# marklint cache; see https://bford.info/cachedir/\n"),
    ):
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            with open(path, "w", encoding="utf-8") as out:
                out.write(text)
