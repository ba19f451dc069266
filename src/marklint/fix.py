"""Fix mode: apply the edits of findings' fixes to a text file, safely.

The pieces, each usable on its own:

- `decode`/`encode` turn file bytes into text and back without losing a UTF-8 byte order mark;
  the text is never newline-translated, so CRLF, LF, mixed endings, tabs and a missing final
  newline survive untouched.
- `apply_fixes` applies whole fixes (all of a fix's edits or none) whose edits do not overlap
  any edit already accepted; the rest are deferred to a next pass.
- `fix_text` lints, applies, and lints again until nothing fixable is left (a small bound on
  passes), and returns the fixed text, the findings that were fixed and the final lint result.
- `write_atomic` replaces a file through a temporary file in the same directory and refuses to
  overwrite a file that changed on disk since it was read.
- `unified_diff` renders the change for `--diff`.

Positions are those of `Edit`: 1-based lines and columns, end exclusive, where lines are
separated by "\\n" (a "\\r" before it belongs to the line ending) and a column counts
characters (a tab is one column). A "\\n" in a replacement stands for a line break: it is
written as the ending of the line the edit starts on, so inserted lines in a CRLF file are CRLF
(the markup readers normalise line endings in `Document.source`, so fixes cannot know them).
"""

from __future__ import annotations

import bisect
import os
import stat
from dataclasses import dataclass, field

from marklint.findings import FileResult, Finding, Fix

# What only fixing needs (difflib, tempfile) is imported where it is used, and typing not at
# all. (The reports render fixes with `marklint.findings.fix_to_dict`, without this module.)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

UTF8_BOM = b"\xef\xbb\xbf"
MAX_PASSES = 5


class FixError(Exception):
    """A file that could not be fixed; the message is one line and names no path."""


class FileChangedError(FixError):
    """The file changed on disk between reading and writing; it was left as it is."""


@dataclass(frozen=True)
class Snapshot:
    """A file's bytes and the facts used to notice a concurrent change before replacing it.

    `path` is the real path (symbolic links resolved), so the link itself is never replaced
    by a regular file.
    """

    path: str
    data: bytes
    mtime_ns: int
    size: int
    mode: int
    uid: int = -1
    gid: int = -1
    links: int = 1
    inode: tuple[int, int] = (0, 0)  # (device, inode)


def take_snapshot(path: str) -> Snapshot:
    """Read a file and record its modification time, size, permission bits, owner and number
    of hard links."""
    real = os.path.realpath(path)
    with open(real, "rb") as handle:
        info = os.fstat(handle.fileno())
        data = handle.read()
    return Snapshot(real, data, info.st_mtime_ns, info.st_size, stat.S_IMODE(info.st_mode),
                    info.st_uid, info.st_gid, info.st_nlink, (info.st_dev, info.st_ino))


def _writable(snapshot: Snapshot) -> bool:
    """Whether the file's permission bits let this process write it: the owner's bits for its
    owner, the group's for a member of its group, the others' otherwise. Root, whom the kernel
    lets write anything (so `os.access` says yes), is held to the owner's bits: a read-only
    file stays read-only under `sudo marklint --fix`."""
    if not hasattr(os, "geteuid"):
        return bool(snapshot.mode & stat.S_IWUSR)
    user = os.geteuid()
    if user == 0 or user == snapshot.uid:
        return bool(snapshot.mode & stat.S_IWUSR)
    if snapshot.gid == os.getegid() or snapshot.gid in os.getgroups():
        return bool(snapshot.mode & stat.S_IWGRP)
    return bool(snapshot.mode & stat.S_IWOTH)


def decode(data: bytes) -> tuple[str, bytes]:
    """Decode UTF-8 file bytes into (text, bom); `bom` is the stripped byte order mark or b"".

    Raises FixError when the bytes are not UTF-8 (the readers reject such files already).
    """
    bom = UTF8_BOM if data.startswith(UTF8_BOM) else b""
    try:
        return data[len(bom):].decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        raise FixError(f"not UTF-8 text (byte {exc.start + len(bom)})") from None


def encode(text: str, bom: bytes) -> bytes:
    """The inverse of `decode`."""
    return bom + text.encode("utf-8")


def split_lines(text: str) -> list[str]:
    """Split text after every "\\n", keeping the endings (the last line may have none)."""
    lines = text.split("\n")
    kept = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        kept.append(lines[-1])
    return kept


def line_starts(text: str) -> list[int]:
    """The offset at which each line starts; one more entry than there are "\\n" characters."""
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def to_offset(text: str, starts: Sequence[int], line: int, column: int) -> int:
    """Map a 1-based (line, column) to an offset into `text`.

    The column may point one past the line's last character (before its line ending) but not
    into the ending itself; anything else raises ValueError.
    """
    if not 1 <= line <= len(starts) or column < 1:
        raise ValueError(f"position {line}:{column} is outside the text")
    start = starts[line - 1]
    end = starts[line] - 1 if line < len(starts) else len(text)  # offset of "\n" or end of text
    if end > start and text[end - 1] == "\r" and line < len(starts):
        end -= 1
    offset = start + column - 1
    if offset > end:
        raise ValueError(f"position {line}:{column} is outside the text")
    return offset


def _spans(text: str, starts: Sequence[int], fix: Fix) -> list[tuple[int, int, str]]:
    """The (start, end, replacement) offsets of a fix's edits, sorted; ValueError if invalid."""
    spans = []
    for edit in fix.edits:
        begin = to_offset(text, starts, edit.line, edit.column)
        end = to_offset(text, starts, edit.end_line, edit.end_column)
        if end < begin:
            raise ValueError(f"edit ends before it starts at {edit.line}:{edit.column}")
        spans.append((begin, end, _with_endings(text, begin, edit.replacement)))
    spans.sort(key=lambda span: (span[0], span[1]))
    return spans


def _conflict(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Two edits conflict when they overlap or start at the same place (order ambiguous)."""
    return a[0] == b[0] or (a[0] < b[1] and b[0] < a[1])


def _conflicts_with_accepted(span: tuple[int, int, str], accepted: list[tuple[int, int, str]]) -> bool:
    """Whether a span conflicts with any of the sorted, mutually disjoint accepted spans; only
    its two neighbours in that order can."""
    index = bisect.bisect_left(accepted, span[:1])
    neighbours = accepted[max(index - 1, 0):index + 1]
    return any(_conflict(span, other) for other in neighbours)


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix], list[Fix]]:
    """Apply fixes in the order given, skipping any that conflicts with one already taken.

    Returns (new text, applied fixes, deferred fixes). A fix is all-or-nothing: if one of its
    edits is out of range, conflicts with another of its own edits or with an accepted edit,
    the whole fix is deferred. A fix whose edits change nothing is neither applied nor deferred.
    """
    starts = line_starts(text)
    accepted: list[tuple[int, int, str]] = []
    applied: list[Fix] = []
    deferred: list[Fix] = []
    for fix in fixes:
        try:
            spans = _spans(text, starts, fix)
        except ValueError:
            deferred.append(fix)
            continue
        if all(text[s:e] == replacement for s, e, replacement in spans):
            continue
        own_conflict = any(_conflict(a, b) for a, b in zip(spans, spans[1:]))
        if own_conflict or any(_conflicts_with_accepted(span, accepted) for span in spans):
            deferred.append(fix)
            continue
        for span in spans:
            bisect.insort(accepted, span)
        applied.append(fix)
    pieces = []
    position = 0
    for begin, end, replacement in accepted:
        pieces.append(text[position:begin])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), applied, deferred


def line_ending_at(text: str, offset: int) -> str:
    """The line ending of the line holding `offset`; for a last line without one, the file's
    most common ending ("\\n" when there is none)."""
    newline = text.find("\n", offset)
    if newline != -1:
        return "\r\n" if newline > 0 and text[newline - 1] == "\r" else "\n"
    return "\r\n" if text.count("\r\n") * 2 > text.count("\n") else "\n"


def _with_endings(text: str, offset: int, replacement: str) -> str:
    """The replacement with each "\\n" turned into the ending of the line the edit starts on."""
    if "\n" not in replacement:
        return replacement
    return replacement.replace("\r\n", "\n").replace("\n", line_ending_at(text, offset))


def allowed(fix: Fix | None, unsafe: bool) -> bool:
    """Whether fix mode applies this fix: safe ones always, unsafe ones only when asked."""
    return fix is not None and (fix.safety == "safe" or (unsafe and fix.safety == "unsafe"))


@dataclass
class FixOutcome:
    """What `fix_text` did: the final text, the findings it fixed (each with the position it
    had in the text of its pass), the lint result of the final text and the passes made."""

    text: str
    fixed: list[Finding] = field(default_factory=list)
    result: FileResult | None = None
    passes: int = 0


def fix_text(text: str, lint: Callable[[str], FileResult], unsafe: bool = False) -> FixOutcome:
    """Lint `text`, apply the allowed fixes that do not overlap, and repeat until nothing
    allowed is left, nothing changes, or MAX_PASSES passes were made.

    `lint` lints a version of the file's text. The result of the last lint describes the
    returned text, so it holds exactly the findings that remain.
    """
    outcome = FixOutcome(text)
    result = lint(text)
    while outcome.passes < MAX_PASSES and result.error is None:
        candidates = [f for f in result.findings if f.suppression is None and allowed(f.fix, unsafe)]
        if not candidates:
            break
        new_text, applied, _ = apply_fixes(text, [f.fix for f in candidates])
        if new_text == text:
            break
        applied_set = set(applied)  # by value: two findings may share one fix (top and bottom banner)
        outcome.fixed.extend(f for f in candidates if f.fix in applied_set)
        outcome.passes += 1
        text = new_text
        result = lint(text)
    outcome.text = text
    outcome.result = result
    return outcome


def write_atomic(snapshot: Snapshot, data: bytes) -> None:
    """Replace the snapshot's file with `data`, keeping its permission bits (and its owner
    where the process may set it).

    The data goes to a temporary file in the same directory which then replaces the original
    with os.replace, so readers see the old or the new file, never a mix. Just before the
    replace the file is read again: if its bytes, size or modification time differ from the
    snapshot, nothing is written and FileChangedError is raised. On any error the temporary
    file is removed and the original is untouched. A file whose permission bits do not let
    us write it (`_writable`), or one with other hard links (which a replace would silently
    split from it), is refused. What POSIX leaves open: a write that lands between that last
    comparison and the rename is lost (there is no compare-and-rename); docs/security.md.
    """
    if not _writable(snapshot):
        raise FixError("the file is read-only")
    if snapshot.links > 1:
        raise FixError(f"the file has {snapshot.links} hard links, which replacing it would split")
    import tempfile

    directory, name = os.path.split(snapshot.path)
    try:
        handle, temp_path = tempfile.mkstemp(prefix=f".{name}.", suffix=".marklint-tmp", dir=directory)
    except OSError as exc:
        raise FixError(f"cannot create a temporary file beside it ({exc.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_path, snapshot.mode)
        if (snapshot.uid, snapshot.gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(temp_path, snapshot.uid, snapshot.gid)
            except PermissionError:
                pass  # an ordinary user cannot give files away; the file is theirs anyway
        if _changed(snapshot):
            raise FileChangedError("changed on disk while being fixed; not overwritten")
        os.replace(temp_path, snapshot.path)
    except BaseException as exc:
        try:
            os.unlink(temp_path)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise FixError(f"cannot write the fixed file ({exc.strerror or exc})") from None
        raise


def _changed(snapshot: Snapshot) -> bool:
    """Whether the file on disk differs from the snapshot (or is gone)."""
    try:
        with open(snapshot.path, "rb") as handle:
            info = os.fstat(handle.fileno())
            data = handle.read()
    except OSError:
        return True
    return ((info.st_mtime_ns, info.st_size, (info.st_dev, info.st_ino), data)
            != (snapshot.mtime_ns, snapshot.size, snapshot.inode, snapshot.data))


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff from `old` to `new` with a/ and b/ prefixed paths; "" when equal.

    Lines keep their own endings (so a CRLF file gives CRLF diff lines, as `patch` expects);
    a last line without a newline is followed by the usual "\\ No newline at end of file".
    """
    if old == new:
        return ""
    import difflib

    out = []
    for line in difflib.unified_diff(split_lines(old), split_lines(new), f"a/{path}", f"b/{path}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


# Formats whose files fix mode rewrites; DOCX, PDF and e-mail fixes are reported, not applied.
FIXABLE_FORMATS = frozenset({"text", "markdown", "rst", "asciidoc", "html"})


@dataclass
class FileFix:
    """Fix mode's outcome for one file: the lint result of the file as it now is (or would be,
    with --diff), the findings fixed, and the text before and after. When the fixed text could
    not be written (the file changed on disk meanwhile, a write error) the file is untouched,
    nothing counts as fixed and `result.error` says why."""

    path: str
    result: FileResult
    fixed: list[Finding] = field(default_factory=list)
    before: str = ""
    after: str = ""

    @property
    def changed(self) -> bool:
        """Whether the fixes change the file's text."""
        return self.before != self.after


def fix_path(path: str, settings, *, unsafe: bool = False, write: bool = True) -> FileFix:
    """Lint one file and apply its allowed fixes, writing the result atomically when `write`.

    `settings` is a `marklint.lint.Settings`. Files of other formats, unreadable files and
    files the readers reject are linted as usual and left alone. A file holding a lone
    carriage return is not fixed: the readers count a lone CR as a line break and `Edit`
    positions do not, so positions could not be trusted.
    """
    from marklint.lint import lint_bytes, lint_path
    from marklint.readers import format_for

    fmt = settings.input_format or format_for(path)
    if fmt not in FIXABLE_FORMATS:
        return _not_applied(path, lint_path(path, settings), fmt)
    try:
        snapshot = take_snapshot(path)
        text, bom = decode(snapshot.data)
    except (OSError, FixError):
        return FileFix(path, lint_path(path, settings))
    if "\r" in text.replace("\r\n", ""):
        result = lint_bytes(path, snapshot.data, settings)
        result.notices.append("not fixed: lone carriage returns as line ends")
        return FileFix(path, result, before=text, after=text)
    outcome = fix_text(text, lambda version: lint_bytes(path, encode(version, bom), settings), unsafe)
    if write and outcome.text != text:
        try:
            write_atomic(snapshot, encode(outcome.text, bom))
        except FixError as exc:
            return FileFix(path, FileResult(path, error=f"not fixed: {exc}"), before=text, after=text)
    return FileFix(path, outcome.result, outcome.fixed, text, outcome.text)


def _not_applied(path: str, result: FileResult, fmt: str) -> FileFix:
    """A file fix mode does not rewrite; say so when it has fixes."""
    if any(f.fix is not None for f in result.findings):
        result.notices.append(f"{fmt} files are not modified; their fixes are reported only")
    return FileFix(path, result)


def describe_fixed(fixed: Iterable[Finding], path: str) -> str:
    """One line per fixed finding: `path:line:col: fixed CODE [slug] description`."""
    return "".join(
        f"{path}:{f.line}:{f.column}: fixed {f.code} [{f.rule}] {f.fix.description}\n" for f in fixed
    )
