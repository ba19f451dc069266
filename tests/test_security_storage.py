"""Security of what marklint stores (issue 12, items 1, 2 and 6): nothing read back from disk
can run code, nothing is written through a link or outside the cache folder, and nothing
stored holds document text."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import pytest
from cli_support import run_cli

from marklint.cache import _FORMAT, Cache, digest, directory_problem

DRAFT = "SECRET\n\nA paragraph about the harvest.\n\n(S) A marked paragraph.\n\nSECRET\n"
PROSE = "SECRET//NOFORN the convoy leaves at 0300\n\n(S//NF) Marked.\n\nSECRET//NOFORN\n"


class _Payload:
    """Unpickling this runs code: it creates the file named in its argument."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text(DRAFT)
    (tmp_path / "office.yaml").write_text("extends: us-cnsi\nvocabulary: [default]\n")
    return tmp_path


def _marklint(args: list[str], cwd, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marklint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **env})


def test_nothing_is_pickled_to_or_unpickled_from_the_user_cache(project):
    """Item 1: the rule-set and vocabulary caches were pickles under $XDG_CACHE_HOME/marklint,
    loaded with no check. Now nothing is stored there at all, and a pickle planted under every
    name the old caches used (ruleset-*, vocab-*, the lark grammar cache) is never loaded."""
    home = project / "xdg"
    env = {"XDG_CACHE_HOME": str(home)}
    first = _marklint(["--rules", "office.yaml", "--no-cache", "draft.txt"], project, env)
    assert first.returncode == 1, first.stderr
    stored = sorted(p.name for p in home.rglob("*") if p.is_file()) if home.exists() else []
    assert stored == []
    marker = project / "code-ran"
    (home / "marklint").mkdir(parents=True, exist_ok=True)
    for name in ("ruleset-0.pickle", "vocab-0.pickle", "marking-grammar.lark.cache"):
        (home / "marklint" / name).write_bytes(pickle.dumps(_Payload(str(marker))))
    again = _marklint(["--rules", "office.yaml", "--no-cache", "draft.txt"], project, env)
    assert (again.returncode, again.stdout) == (1, first.stdout)
    assert not marker.exists()


def test_cache_folder_is_private(project):
    assert run_cli(["--quiet", "draft.txt"])[0] == 1
    assert (project / ".marklint_cache").stat().st_mode & 0o777 == 0o700
    for entry in (project / ".marklint_cache").iterdir():
        assert entry.stat().st_mode & 0o077 == 0, entry.name


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757])
def test_a_cache_folder_others_may_write_is_refused(project, mode):
    """Item 1: another user who may write the folder could plant results."""
    folder = project / ".marklint_cache"
    folder.mkdir()
    folder.chmod(mode)
    code, out, err = run_cli(["--quiet", "draft.txt"])
    assert code == 1 and "draft.txt:3:1: MK301" in out
    assert err == (f"marklint: warning: not using the cache directory .marklint_cache: group or others "
                   f"may write to it (mode {mode:o}; chmod 700 it)\n")
    assert list(folder.iterdir()) == []


def test_a_cache_folder_of_another_user_is_refused(project, monkeypatch):
    (project / ".marklint_cache").mkdir(mode=0o700)
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(project).st_uid + 1)
    code, _, err = run_cli(["--quiet", "draft.txt"])
    assert (code, err) == (1, "marklint: warning: not using the cache directory .marklint_cache: "
                              "it is owned by another user\n")
    assert list((project / ".marklint_cache").iterdir()) == []


def test_a_cache_folder_that_is_a_symlink_is_not_used(project, tmp_path_factory):
    """Item 2: a repository can commit `.marklint_cache` as a link to anywhere."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    elsewhere.chmod(0o700)
    (project / ".marklint_cache").symlink_to(elsewhere)
    code, _, err = run_cli(["--quiet", "draft.txt"])
    assert (code, err) == (1, "marklint: warning: not using the cache directory .marklint_cache: "
                              "it is a symbolic link\n")
    assert list(elsewhere.iterdir()) == []


def test_links_planted_in_the_cache_folder_are_never_written_through(project, tmp_path_factory):
    """Item 2: a committed `.marklint_cache/.gitignore` (or pack, or CACHEDIR.TAG) that is a
    link made marklint create or overwrite the file it points to."""
    outside = tmp_path_factory.mktemp("outside")
    folder = project / ".marklint_cache"
    folder.mkdir(mode=0o700)
    (folder / ".gitignore").symlink_to(outside / "created-by-gitignore")
    (outside / "victim").write_text("precious\n")
    (folder / "CACHEDIR.TAG").symlink_to(outside / "victim")
    assert run_cli(["--quiet", "draft.txt"])[0] == 1
    assert run_cli(["--quiet", "draft.txt"])[0] == 1  # the second run reads and rewrites the pack
    assert sorted(p.name for p in outside.iterdir()) == ["victim"]
    assert (outside / "victim").read_text() == "precious\n"
    packs = [p for p in folder.iterdir() if p.suffix == ".json"]
    assert packs and all(not p.is_symlink() for p in packs)
    # a pack replaced by a link is neither followed when read nor when written
    target = outside / "pack-target"
    target.write_text(packs[0].read_text())
    packs[0].unlink()
    packs[0].symlink_to(target)
    before = target.read_text()
    (project / "draft.txt").write_text(DRAFT.replace("harvest", "vintage"))
    assert run_cli(["--quiet", "draft.txt"])[0] == 1
    assert target.read_text() == before and not packs[0].is_symlink()


def _old(path) -> None:
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))


def _planted_pack(folder, context: str, draft, entry: list, dependencies: list | None = None) -> None:
    folder.mkdir(mode=0o700, exist_ok=True)
    pack = {"format": _FORMAT, "dependencies": dependencies or [], "entries": {str(draft): entry}}
    (folder / f"{context}.json").write_text(json.dumps(pack))


@pytest.mark.parametrize("row_change", [
    {1: "3; an injected string"},      # a line that is not a number
    {8: {"text": "not a message"}},    # a message that is not a string
    {7: 9},                            # no such severity
    {11: ["desc", "maybe", []]},       # a fix whose safety is neither safe nor unsafe
])
def test_a_malformed_cached_finding_is_a_miss(tmp_path, row_change):
    """The cache is JSON checked field by field when read back: anything `result_to_json`
    could not have written is a miss, never a finding."""
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT)
    _old(draft)
    row = [None, 3, 1, 3, 1, "MK301", "portion-missing", 3, "paragraph has no portion mark", 1, None, None, None, None]
    for index, value in row_change.items():
        row[index] = value
    entry = [None, digest(draft.read_bytes()), [1, "us-cnsi", [], [row], None, None]]
    _planted_pack(tmp_path / "c", "ctx", draft, entry)
    assert Cache(tmp_path / "c").lookup(str(draft), "ctx") is None
    row_good = [None, 3, 1, 3, 1, "MK301", "portion-missing", 3, "paragraph has no portion mark", 1, None, None, None, None]
    _planted_pack(tmp_path / "c", "ctx", draft, [None, digest(draft.read_bytes()), [1, "us-cnsi", [], [row_good], None, None]])
    assert Cache(tmp_path / "c").lookup(str(draft), "ctx").findings[0].line == 3


def test_a_planted_pack_cannot_make_marklint_read_a_fifo(tmp_path):
    """A pack names files to hash (its dependencies); a pipe named there must not block."""
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT)
    _old(draft)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    entry = [None, digest(draft.read_bytes()), [1, "us-cnsi", [], [], None, None]]
    _planted_pack(tmp_path / "c", "ctx", draft, entry, [[str(fifo), None, "0" * 32]])
    script = (f"from marklint.cache import Cache; print(Cache({str(tmp_path / 'c')!r})"
              f".lookup({str(draft)!r}, 'ctx'))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert done.stdout == "None\n"


def test_cache_directory_problem_of_a_missing_folder_is_none(tmp_path):
    assert directory_problem(str(tmp_path / "not-yet")) is None


def test_portion_text_is_neither_shown_nor_stored(project):
    """Item 6: an unknown word that runs on into prose is cut at the first space that cannot
    be part of a marking, in the message and in the cache."""
    (project / "draft.txt").write_text(PROSE)
    code, out, _ = run_cli(["--select", "MK002", "--quiet", "draft.txt"])
    assert (code, out) == (1, 'draft.txt:1:9: MK002 [marking-unknown-token] unknown marking word "NOFORN"\n')
    code, out, _ = run_cli(["--select", "MK002", "--format", "json", "draft.txt"])
    assert "convoy" not in out
    stored = "".join(p.read_text() for p in (project / ".marklint_cache").glob("*.json"))
    assert "MK002" in stored and "convoy" not in stored and "0300" not in stored


def test_readme_content_safety_paragraph_matches_security_md():
    """Done means: the README's content-safety paragraph is SECURITY.md's, word for word."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    security = (root / "SECURITY.md").read_text(encoding="utf-8")
    paragraph = security.split("## Content safety\n\n", 1)[1].split("\n\n", 1)[0]
    assert "--show-source" in paragraph and "network" in paragraph
    assert paragraph in (root / "README.md").read_text(encoding="utf-8")
