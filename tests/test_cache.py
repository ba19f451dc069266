"""The result cache: keys, hits and misses, content safety, atomic and corrupt-tolerant packs."""

from __future__ import annotations

import json
import os

import pytest

from marklint import cache as cache_mod
from marklint.cache import Cache, digest, fingerprint, result_from_json, result_to_json
from marklint.findings import Edit, FileResult, Finding, Fix, Severity, Suppression

SECRET_PROSE = "the launch codes are 0000"


def make_result(path: str) -> FileResult:
    fix = Fix("use the portion form", "safe", (Edit(3, 1, 3, 9, "(S)"),))
    return FileResult(
        path=path,
        pages=2,
        ruleset="us-cnsi",
        notices=["rule set chosen: us-cnsi"],
        findings=[
            Finding(path, 3, 1, "MK004", "marking-form", Severity.ERROR, 'use "(S)"', marking="SECRET",
                    fix=fix, source=SECRET_PROSE),
            Finding(path, 7, 5, "MK301", "portion-missing", Severity.WARNING, "no portion mark",
                    page=2, suppression=Suppression("inSource", "reviewed")),
        ],
    )


@pytest.fixture
def old_file(tmp_path):
    """A file whose mtime is old enough for its stat signature to be trusted."""
    path = tmp_path / "draft.txt"
    path.write_bytes(b"SECRET\n\n(S) text\n")
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return path


def test_result_round_trip_drops_source():
    result = make_result("a.txt")
    data = result_to_json(result)
    assert SECRET_PROSE not in json.dumps(data)
    back = result_from_json("a.txt", json.loads(json.dumps(data)))
    expected = make_result("a.txt")
    expected.findings[0].source = None
    assert back == expected


def test_fingerprint_is_stable_and_sensitive():
    assert fingerprint({"select": frozenset({"b", "a"})}) == fingerprint({"select": frozenset({"a", "b"})})
    assert fingerprint({"select": ["a"]}) != fingerprint({"select": ["b"]})
    assert fingerprint("cfg-1") != fingerprint("cfg-2")


def test_fingerprint_changes_with_version(monkeypatch):
    before = fingerprint("x")
    monkeypatch.setattr(cache_mod, "__version__", "999.0")
    assert fingerprint("x") != before


def test_fingerprint_changes_with_the_date(monkeypatch):
    # an undated document is checked against the vocabulary as of today
    monkeypatch.setattr(cache_mod, "today", lambda: "2026-11-28")
    before = fingerprint("x")
    assert fingerprint("x") == before
    monkeypatch.setattr(cache_mod, "today", lambda: "2026-11-29")
    assert fingerprint("x") != before


def test_hit_after_store_and_save(tmp_path, old_file):
    first = Cache(tmp_path / "c")
    assert first.lookup(str(old_file), "ctx") is None
    first.store(str(old_file), "ctx", digest(old_file.read_bytes()), make_result(str(old_file)))
    first.save()
    second = Cache(tmp_path / "c")
    got = second.lookup(str(old_file), "ctx")
    assert got is not None and [f.code for f in got.findings] == ["MK004", "MK301"]
    assert (second.hits, second.misses) == (1, 0)


def test_unchanged_signature_needs_no_read(tmp_path, old_file, monkeypatch):
    first = Cache(tmp_path / "c")
    first.lookup(str(old_file), "ctx")
    first.store(str(old_file), "ctx", digest(old_file.read_bytes()), make_result(str(old_file)))
    first.save()

    real_open, real_os_open = open, os.open

    def no_read(file, *args, **kwargs):
        if not isinstance(file, int) and os.fspath(file) == str(old_file):
            raise AssertionError("file was read")
        return real_open(file, *args, **kwargs)

    def no_os_read(file, *args, **kwargs):
        if os.fspath(file) == str(old_file):
            raise AssertionError("file was read")
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", no_read)
    monkeypatch.setattr("os.open", no_os_read)
    assert Cache(tmp_path / "c").lookup(str(old_file), "ctx") is not None


def test_changed_content_misses(tmp_path, old_file):
    c = Cache(tmp_path / "c")
    c.lookup(str(old_file), "ctx")
    c.store(str(old_file), "ctx", digest(old_file.read_bytes()), make_result(str(old_file)))
    c.save()
    old_file.write_bytes(b"TOP SECRET\n")
    assert Cache(tmp_path / "c").lookup(str(old_file), "ctx") is None


def test_same_size_and_mtime_but_new_content_misses(tmp_path, old_file):
    """A signature recorded for a recently modified file is not trusted."""
    recent = tmp_path / "recent.txt"
    recent.write_bytes(b"SECRET\n")
    c = Cache(tmp_path / "c")
    c.lookup(str(recent), "ctx")
    c.store(str(recent), "ctx", digest(recent.read_bytes()), make_result(str(recent)))
    c.save()
    stat = recent.stat()
    recent.write_bytes(b"SICRET\n")  # same size
    os.utime(recent, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert Cache(tmp_path / "c").lookup(str(recent), "ctx") is None


def test_other_context_misses(tmp_path, old_file):
    c = Cache(tmp_path / "c")
    c.lookup(str(old_file), "ctx")
    c.store(str(old_file), "ctx", digest(old_file.read_bytes()), make_result(str(old_file)))
    c.save()
    assert Cache(tmp_path / "c").lookup(str(old_file), "other") is None


def test_errors_are_not_cached(tmp_path, old_file):
    c = Cache(tmp_path / "c")
    c.lookup(str(old_file), "ctx")
    c.store(str(old_file), "ctx", "d", FileResult(str(old_file), error="not a text file"))
    c.save()
    assert not (tmp_path / "c").exists()


def test_pack_holds_no_document_text_and_no_temp_files(tmp_path, old_file):
    c = Cache(tmp_path / "c")
    c.lookup(str(old_file), "ctx")
    c.store(str(old_file), "ctx", digest(old_file.read_bytes()), make_result(str(old_file)))
    c.save()
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == [".gitignore", "CACHEDIR.TAG", "ctx.json"]
    text = (tmp_path / "c" / "ctx.json").read_text()
    assert "(S) text" not in text and SECRET_PROSE not in text


@pytest.mark.parametrize("content", [b"", b"{not json", b"[]", b'{"format": %f, "entries": []}',
                                     b'{"format": %f, "dependencies": [], "entries": {"%s": [null, "x", 5]}}',
                                     b'{"format": %f, "dependencies": 3, "entries": {"%s": [null, "x", 5]}}'])
def test_corrupt_pack_or_entry_is_ignored(tmp_path, old_file, content):
    directory = tmp_path / "c"
    directory.mkdir()
    content = content.replace(b"%f", str(cache_mod._FORMAT).encode())
    (directory / "ctx.json").write_bytes(content.replace(b"%s", str(old_file).encode()))
    c = Cache(directory)
    assert c.lookup(str(old_file), "ctx") is None
    c.store(str(old_file), "ctx", digest(old_file.read_bytes()), make_result(str(old_file)))
    c.save()
    assert Cache(directory).lookup(str(old_file), "ctx") is not None


def test_corrupt_entry_with_matching_digest_is_ignored(tmp_path, old_file):
    directory = tmp_path / "c"
    directory.mkdir()
    entry = [None, digest(old_file.read_bytes()), [1, "us-cnsi", [], [["bogus"]]]]
    pack = {"format": cache_mod._FORMAT, "dependencies": [], "entries": {str(old_file): entry}}
    (directory / "ctx.json").write_text(json.dumps(pack))
    assert Cache(directory).lookup(str(old_file), "ctx") is None


def test_unwritable_cache_directory_is_skipped(tmp_path, old_file):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    c = Cache(blocker / "c")
    c.lookup(str(old_file), "ctx")
    c.store(str(old_file), "ctx", digest(old_file.read_bytes()), make_result(str(old_file)))
    c.save()  # must not raise
    assert blocker.read_text() == "x"


def test_a_pipe_in_place_of_a_cached_file_is_not_read(tmp_path, old_file):
    c = Cache(tmp_path / "c")
    c.lookup(str(old_file), "ctx")
    c.store(str(old_file), "ctx", digest(old_file.read_bytes()), make_result(str(old_file)))
    c.save()
    old_file.unlink()
    os.mkfifo(old_file)  # opening it for reading would block
    assert Cache(tmp_path / "c").lookup(str(old_file), "ctx") is None


def test_entries_of_deleted_files_are_dropped_on_save(tmp_path, old_file):
    other = tmp_path / "other.txt"
    other.write_text("SECRET\n")
    c = Cache(tmp_path / "c")
    for path in (old_file, other):
        c.lookup(str(path), "ctx")
        c.store(str(path), "ctx", digest(path.read_bytes()), make_result(str(path)))
    c.save()
    other.unlink()
    again = Cache(tmp_path / "c")
    again.lookup(str(old_file), "ctx")
    again.store(str(old_file), "ctx", digest(old_file.read_bytes()), make_result(str(old_file)))
    again.save()
    entries = json.loads((tmp_path / "c" / "ctx.json").read_text())["entries"]
    assert list(entries) == [str(old_file)]


def test_changed_dependency_empties_the_pack(tmp_path, old_file):
    rules = tmp_path / "office.yaml"
    rules.write_text("extends: us-cnsi\n")
    c = Cache(tmp_path / "c")
    c.lookup(str(old_file), "ctx")
    c.depend("ctx", [str(rules)])
    c.store(str(old_file), "ctx", digest(old_file.read_bytes()), make_result(str(old_file)))
    c.save()
    assert Cache(tmp_path / "c").lookup(str(old_file), "ctx") is not None
    rules.write_text("extends: us-ic\n")  # maybe within the same mtime tick: the digest decides
    assert Cache(tmp_path / "c").lookup(str(old_file), "ctx") is None
    rules.unlink()
    assert Cache(tmp_path / "c").lookup(str(old_file), "ctx") is None


def test_depend_on_other_files_empties_the_pack(tmp_path, old_file):
    rules = tmp_path / "office.yaml"
    rules.write_text("extends: us-cnsi\n")
    c = Cache(tmp_path / "c")
    c.lookup(str(old_file), "ctx")
    c.depend("ctx", [])
    c.store(str(old_file), "ctx", digest(old_file.read_bytes()), make_result(str(old_file)))
    c.depend("ctx", [])  # the same files: entries stay
    assert c.lookup(str(old_file), "ctx") is not None
    c.depend("ctx", [str(rules)])
    assert c.lookup(str(old_file), "ctx") is None
