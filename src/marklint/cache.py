"""The result cache: a second run over an unchanged tree does almost nothing.

A cached result is keyed by the file's content (SHA-256) and by a *context* string that
captures everything else the result depends on: the marklint version and code, the settings,
the configuration that applies to the file and the rule set (see `fingerprint`). Each context
has one pack file under the cache directory (default `.marklint_cache/`) mapping a path to its
stat signature, content digest and result. A file whose size, mtime and inode are unchanged is
not even read; otherwise it is hashed and the digest decides.

Entries hold findings (positions, codes, messages that quote markings), never document text:
`Finding.source` is dropped, and runs with `--show-source` bypass the cache. Packs are written
atomically (a temporary file, then `os.replace`); a pack or entry that cannot be decoded is
ignored, and a cache directory that cannot be written only costs the speed-up.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import os
import re
import stat
import time
from collections.abc import Mapping
from pathlib import Path

from marklint import __version__
from marklint.findings import Edit, FileResult, Finding, Fix, Severity, Suppression

DEFAULT_DIR = ".marklint_cache"
_FORMAT = 1  # bump when the pack layout changes
# A file modified this recently may change again within the same mtime tick without its stat
# signature changing, so its signature is not trusted on the next run (it is re-hashed).
_RACY_NS = 2_000_000_000


def user_cache_dir() -> Path:
    """The per-user cache directory ($XDG_CACHE_HOME/marklint or ~/.cache/marklint), where
    loaded rule sets are kept (the result cache lives in the project, see `Cache`)."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "marklint"


def digest(data: bytes) -> str:
    """The content key of a file's bytes."""
    import hashlib  # not at module level: runs without the cache never need it

    return hashlib.sha256(data).hexdigest()


def _canonical(value: object) -> object:
    """A JSON-able form of `value` that is the same in every process (sets sorted, enums by
    value, dataclasses by field), so equal settings always give equal fingerprints."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [type(value).__name__] + [
            [f.name, _canonical(getattr(value, f.name))] for f in dataclasses.fields(value)
        ]
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
    """A stable hex digest of `parts` (settings, configuration, rule set, ...) plus the
    marklint version and a signature of its installed code and data files."""
    text = json.dumps([__version__, _code_signature(), _canonical(list(parts))], sort_keys=True)
    return digest(text.encode())


_code_sig: str | None = None


def _code_signature() -> str:
    """Names, sizes and mtimes of marklint's own files, so that editing marklint (not only
    bumping its version) invalidates the cache."""
    global _code_sig
    if _code_sig is None:
        import importlib.resources

        roots = [Path(__file__).parent]
        try:
            roots.append(Path(str(importlib.resources.files("marklint.rules"))))
        except ModuleNotFoundError:
            pass
        rows = []
        for root in roots:
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                for name in sorted(filenames):
                    if name.endswith((".py", ".lark", ".yaml")):
                        st = os.stat(os.path.join(dirpath, name))
                        rows.append(f"{os.path.relpath(os.path.join(dirpath, name), root)}:{st.st_size}:{st.st_mtime_ns}")
        _code_sig = digest("\n".join(rows).encode())
    return _code_sig


def _stat_signature(st: os.stat_result) -> list[int] | None:
    """(size, mtime_ns, inode) of a file, or None when it was modified too recently to trust."""
    if time.time_ns() - st.st_mtime_ns < _RACY_NS:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def result_to_json(result: FileResult) -> dict:
    """A FileResult as JSON data, without any document text."""
    return {
        "path": result.path,
        "pages": result.pages,
        "ruleset": result.ruleset,
        "notices": list(result.notices),
        "findings": [_finding_to_json(f) for f in result.findings],
    }


def _finding_to_json(finding: Finding) -> dict:
    data = {}
    for f in dataclasses.fields(finding):
        value = getattr(finding, f.name)
        if f.name == "source":
            continue
        if isinstance(value, Severity):
            value = value.label
        elif isinstance(value, (Fix, Suppression)):
            value = dataclasses.asdict(value)
        data[f.name] = value
    return data


def result_from_json(data: dict) -> FileResult:
    """The inverse of `result_to_json`; raises (KeyError, TypeError, ValueError) on bad data."""
    findings = []
    for raw in data["findings"]:
        raw = dict(raw)
        raw["severity"] = Severity[raw["severity"].upper()]
        if raw.get("fix") is not None:
            fix = raw["fix"]
            raw["fix"] = Fix(fix["description"], fix["safety"], tuple(Edit(**e) for e in fix["edits"]))
        if raw.get("suppression") is not None:
            raw["suppression"] = Suppression(**raw["suppression"])
        findings.append(Finding(**raw))
    return FileResult(
        path=data["path"], findings=findings, pages=int(data["pages"]), ruleset=data["ruleset"],
        notices=[str(n) for n in data["notices"]],
    )


class Cache:
    """Cached results under one directory. Use `lookup` before linting a file, `store` after,
    and `save` once at the end of the run."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self._packs: dict[str, dict[str, list]] = {}
        self._dirty: set[str] = set()
        self._signatures: dict[tuple[str, str], list[int] | None] = {}
        self.hits = 0
        self.misses = 0

    def _pack(self, context: str) -> dict[str, list]:
        pack = self._packs.get(context)
        if pack is None:
            try:
                loaded = json.loads((self.directory / f"{context}.json").read_bytes())
                pack = loaded["entries"] if loaded.get("format") == _FORMAT else {}
                if not isinstance(pack, dict):
                    pack = {}
            except (OSError, ValueError, AttributeError, KeyError, TypeError):
                pack = {}
            self._packs[context] = pack
        return pack

    def lookup(self, path: str, context: str) -> FileResult | None:
        """The cached result for `path` under `context` if its content is unchanged, else None."""
        pack = self._pack(context)
        entry = pack.get(path)
        result = None
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):  # a pipe or device: never read it here
                entry = None
            signature = _stat_signature(st)
            self._signatures[(path, context)] = signature
            if entry is not None:
                stored_signature, stored_digest, stored = entry
                if signature is None or stored_signature != signature:
                    with open(path, "rb") as handle:
                        current = digest(handle.read())
                    if current != stored_digest:
                        stored = None
                    elif signature is not None:
                        entry[0] = signature
                        self._dirty.add(context)
                if stored is not None:
                    result = result_from_json(stored)
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
        import tempfile

        for context in sorted(self._dirty):
            pack = self._packs[context]
            for path in [p for p in pack if not os.path.lexists(p)]:  # deleted files: forget them
                del pack[path]
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                _mark_directory(self.directory)
                text = json.dumps({"format": _FORMAT, "entries": pack}, separators=(",", ":"))
                handle, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
                try:
                    with os.fdopen(handle, "w", encoding="utf-8") as out:
                        out.write(text)
                    os.replace(tmp, self.directory / f"{context}.json")
                except BaseException:
                    os.unlink(tmp)
                    raise
            except OSError:
                continue
        self._dirty.clear()


def _mark_directory(directory: Path) -> None:
    """Keep the cache out of git and backups (a .gitignore and a CACHEDIR.TAG)."""
    ignore = directory / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# created by marklint\n*\n", encoding="utf-8")
    tag = directory / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# marklint cache; see https://bford.info/cachedir/\n",
            encoding="utf-8",
        )
