"""Unit tests of marklint.fix: decoding, positions, applying edits, diffs and atomic writes."""

from __future__ import annotations

import os
import stat

import pytest

from marklint import fix as fixmod
from marklint.findings import Edit, FileResult, Finding, Fix, Severity, fix_to_dict
from marklint.fix import (
    FileChangedError,
    FixError,
    apply_fixes,
    decode,
    encode,
    fix_text,
    take_snapshot,
    to_offset,
    unified_diff,
    line_starts,
    write_atomic,
)


def one(line, column, end_line, end_column, text, safety="safe"):
    return Fix("test", safety, (Edit(line, column, end_line, end_column, text),))


def test_decode_keeps_bom_apart_and_encode_restores_it():
    data = fixmod.UTF8_BOM + "SECRET\r\n(S) caf\u00e9\n".encode()
    text, bom = decode(data)
    assert text == "SECRET\r\n(S) caf\u00e9\n"
    assert bom == fixmod.UTF8_BOM
    assert encode(text, bom) == data
    assert decode(b"plain") == ("plain", b"")


def test_decode_rejects_invalid_utf8_with_byte_offset():
    with pytest.raises(FixError, match=r"^not UTF-8 text \(byte 4\)$"):
        decode(b"abc\n\xff")


def test_to_offset_stops_before_crlf_and_allows_end_of_last_line():
    text = "ab\r\ncd\nef"
    starts = line_starts(text)
    assert starts == [0, 4, 7]
    assert to_offset(text, starts, 1, 3) == 2  # just before "\r"
    assert to_offset(text, starts, 2, 3) == 6  # just before "\n"
    assert to_offset(text, starts, 3, 3) == 9  # end of text
    for line, column in [(1, 4), (2, 4), (3, 4), (4, 1), (0, 1), (1, 0)]:
        with pytest.raises(ValueError):
            to_offset(text, starts, line, column)


def test_apply_replaces_only_the_span_and_keeps_crlf_and_tabs():
    text = "secret // noforn\r\n\t(s) Prose.\r\n"
    new, applied, deferred = apply_fixes(text, [one(1, 1, 1, 17, "SECRET//NOFORN"), one(2, 2, 2, 5, "(S)")])
    assert new == "SECRET//NOFORN\r\n\t(S) Prose.\r\n"
    assert len(applied) == 2 and deferred == []


def test_apply_defers_overlapping_and_same_start_fixes():
    text = "SECRET//NF/OC\n"
    first = one(1, 9, 1, 14, "ORCON/NOFORN")
    overlapping = one(1, 12, 1, 14, "ORCON")
    same_start_insert = one(1, 9, 1, 9, "X")
    adjacent = one(1, 1, 1, 7, "SECRET")  # ends where `first` starts: no conflict, but a no-op
    new, applied, deferred = apply_fixes(text, [first, overlapping, same_start_insert, adjacent])
    assert new == "SECRET//ORCON/NOFORN\n"
    assert applied == [first]
    assert deferred == [overlapping, same_start_insert]


def test_apply_takes_insertion_at_end_of_a_replacement():
    text = "ab\n"
    new, applied, _ = apply_fixes(text, [one(1, 1, 1, 2, "A"), one(1, 2, 1, 2, "-")])
    assert new == "A-b\n" and len(applied) == 2


def test_a_fix_is_all_or_nothing():
    text = "top\nbody\nbottom\n"
    two_edits = Fix("banners", "unsafe", (Edit(1, 1, 1, 4, "TOP"), Edit(9, 1, 9, 1, "x")))
    new, applied, deferred = apply_fixes(text, [two_edits])
    assert new == text and applied == [] and deferred == [two_edits]
    self_overlap = Fix("bad", "safe", (Edit(1, 1, 1, 3, "A"), Edit(1, 2, 1, 4, "B")))
    assert apply_fixes(text, [self_overlap]) == (text, [], [self_overlap])


def test_line_insertion_and_end_of_file_without_newline():
    text = "(S) Prose.\nSECRET"
    fixes = [one(1, 1, 1, 1, "SECRET\n"), one(2, 7, 2, 7, "//NOFORN")]
    new, _, _ = apply_fixes(text, fixes)
    assert new == "SECRET\n(S) Prose.\nSECRET//NOFORN"


def test_inserted_line_breaks_take_the_ending_of_their_line():
    text = "(S) One.\r\n(S) Two.\nSECRET"
    fixes = [one(1, 1, 1, 1, "SECRET\n"), one(2, 1, 2, 1, "X\n"), one(3, 7, 3, 7, "\nY")]
    new, _, _ = apply_fixes(text, fixes)
    assert new == "SECRET\r\n(S) One.\r\nX\n(S) Two.\nSECRET\nY"
    crlf_file = "a\r\nb\r\nc"
    assert apply_fixes(crlf_file, [one(3, 2, 3, 2, "\nEND")])[0] == "a\r\nb\r\nc\r\nEND"


def test_unified_diff_exact_output_with_missing_final_newline():
    old = "secret\n(S) Prose.\nsecret"
    new = "SECRET\n(S) Prose.\nSECRET"
    assert unified_diff("d.txt", old, new) == (
        "--- a/d.txt\n"
        "+++ b/d.txt\n"
        "@@ -1,3 +1,3 @@\n"
        "-secret\n"
        "+SECRET\n"
        " (S) Prose.\n"
        "-secret\n"
        "\\ No newline at end of file\n"
        "+SECRET\n"
        "\\ No newline at end of file\n"
    )
    assert unified_diff("d.txt", old, old) == ""


def test_unified_diff_keeps_crlf():
    assert unified_diff("w.txt", "a\r\n", "A\r\n") == "--- a/w.txt\n+++ b/w.txt\n@@ -1 +1 @@\n-a\r\n+A\r\n"


def test_write_atomic_replaces_content_and_keeps_mode(tmp_path):
    target = tmp_path / "draft.txt"
    target.write_bytes(b"secret\n")
    os.chmod(target, 0o640)
    snapshot = take_snapshot(str(target))
    write_atomic(snapshot, b"SECRET\n")
    assert target.read_bytes() == b"SECRET\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


def test_write_atomic_refuses_a_file_changed_since_reading(tmp_path):
    target = tmp_path / "draft.txt"
    target.write_bytes(b"secret\n")
    snapshot = take_snapshot(str(target))
    target.write_bytes(b"secret, edited by someone else\n")
    with pytest.raises(FileChangedError, match="changed on disk"):
        write_atomic(snapshot, b"SECRET\n")
    assert target.read_bytes() == b"secret, edited by someone else\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


def test_write_atomic_notices_a_touch_with_identical_bytes(tmp_path):
    target = tmp_path / "draft.txt"
    target.write_bytes(b"secret\n")
    snapshot = take_snapshot(str(target))
    os.utime(target, ns=(snapshot.mtime_ns + 10**9, snapshot.mtime_ns + 10**9))
    with pytest.raises(FileChangedError):
        write_atomic(snapshot, b"SECRET\n")
    assert target.read_bytes() == b"secret\n"


def test_write_atomic_leaves_original_on_error(tmp_path, monkeypatch):
    target = tmp_path / "draft.txt"
    target.write_bytes(b"secret\n")
    snapshot = take_snapshot(str(target))

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixmod.os, "replace", failing_replace)
    with pytest.raises(FixError, match=r"^cannot write the fixed file \(No space left on device\)$"):
        write_atomic(snapshot, b"SECRET\n")
    assert target.read_bytes() == b"secret\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


def test_write_atomic_through_a_symlink_keeps_the_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"secret\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(take_snapshot(str(link)), b"SECRET\n")
    assert link.is_symlink()
    assert real.read_bytes() == b"SECRET\n"


def finding(line, column, fix):
    return Finding("x.txt", line, column, "MK001", "marking-syntax", Severity.ERROR, "m", fix=fix)


def upper_lint(text: str) -> FileResult:
    """A stand-in linter: every lower-case "secret" is a finding with a safe fix, and every
    "wide" an unsafe one."""
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        for word, replacement, safety in (("secret", "SECRET", "safe"), ("wide", "WIDE", "unsafe")):
            column = line.find(word)
            if column >= 0:
                edit = one(number, column + 1, number, column + 1 + len(word), replacement, safety)
                findings.append(finding(number, column + 1, edit))
    return FileResult("x.txt", findings)


def test_fix_text_iterates_until_nothing_fixable():
    outcome = fix_text("secret secret\nwide\n", upper_lint)
    assert outcome.text == "SECRET SECRET\nwide\n"
    assert [(f.line, f.column) for f in outcome.fixed] == [(1, 1), (1, 8)]
    assert outcome.passes == 2
    assert [(f.line, f.fix.safety) for f in outcome.result.findings] == [(2, "unsafe")]


def test_fix_text_applies_unsafe_fixes_only_when_asked():
    outcome = fix_text("wide\n", upper_lint, unsafe=True)
    assert outcome.text == "WIDE\n" and outcome.result.findings == []


def test_fix_text_stops_after_max_passes_on_a_fix_that_never_settles():
    def flip(text):
        return FileResult("x.txt", [finding(1, 1, one(1, 1, 1, 2, "b" if text[0] == "a" else "a"))])

    outcome = fix_text("a\n", flip)
    assert outcome.passes == fixmod.MAX_PASSES
    assert len(outcome.fixed) == fixmod.MAX_PASSES


def test_fix_to_dict():
    assert fix_to_dict(None) is None
    assert fix_to_dict(one(2, 3, 2, 5, "NF")) == {
        "description": "test",
        "safety": "safe",
        "edits": [{"line": 2, "column": 3, "end_line": 2, "end_column": 5, "replacement": "NF"}],
    }


def test_write_atomic_refuses_a_read_only_file(tmp_path):
    """Judged by the permission bits, not `os.access`: as root (these tests may run as root),
    `os.access` says any file is writable, and the read-only file used to be rewritten."""
    target = tmp_path / "draft.txt"
    target.write_bytes(b"secret\n")
    target.chmod(0o444)
    snapshot = take_snapshot(str(target))
    with pytest.raises(FixError, match="^the file is read-only$"):
        write_atomic(snapshot, b"SECRET\n")
    assert target.read_bytes() == b"secret\n"


def test_write_atomic_refuses_to_split_hard_links(tmp_path):
    target = tmp_path / "draft.txt"
    target.write_bytes(b"secret\n")
    os.link(target, tmp_path / "other-name.txt")
    with pytest.raises(FixError, match="^the file has 2 hard links, which replacing it would split$"):
        write_atomic(take_snapshot(str(target)), b"SECRET\n")
    assert target.read_bytes() == b"secret\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "other-name.txt"]


def test_write_atomic_keeps_the_owner(tmp_path):
    if os.getuid() != 0:
        pytest.skip("only root can give a file to another owner")
    target = tmp_path / "draft.txt"
    target.write_bytes(b"secret\n")
    os.chown(target, 12345, 23456)
    write_atomic(take_snapshot(str(target)), b"SECRET\n")
    info = os.stat(target)
    assert (info.st_uid, info.st_gid) == (12345, 23456)
