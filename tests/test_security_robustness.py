"""Robustness under hostile conditions (issue 12, items 9 to 14): no traceback, no hang, a
one-line message and exit code 2."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading

import pytest
from cli_support import run_cli

import marklint.parallel
from marklint.parallel import default_jobs, worker_count

DRAFT = "SECRET\n\nA paragraph about the {word} harvest.\n\n(S) A marked paragraph.\n\nSECRET\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    for word in ("apples", "pears", "plums", "figs"):
        (tmp_path / "docs" / f"{word}.txt").write_text(DRAFT.format(word=word) + "\n(S) " + "x" * 100_000 + "\n")
    return tmp_path


def _shell(command: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "-c", command], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "MARKLINT": f"{sys.executable} -m marklint"})


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_to_a_full_device(project):
    """Item 9: a traceback before."""
    done = _shell("$MARKLINT --no-cache docs > /dev/full", project)
    assert (done.returncode, done.stderr) == (2, "marklint: cannot write the output: No space left on device\n")


def test_output_to_a_closed_stdout(project):
    done = _shell("$MARKLINT --no-cache docs >&-", project)
    assert (done.returncode, done.stderr) == (2, "marklint: standard output is closed; nothing can be reported\n")


def test_jobs_are_capped_by_cpus_and_files():
    """Item 10: `--jobs 2000` forked two thousand processes."""
    cpus = default_jobs()
    assert worker_count(2000, 10_000) == 2 * cpus
    assert worker_count(2000, 3) == min(3, 2 * cpus)
    assert worker_count(1, 50) == 1


def test_jobs_2000_forks_no_more_than_the_cap(project, monkeypatch):
    forks = []
    real_fork = os.fork

    def counting_fork():
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    monkeypatch.setattr(marklint.parallel, "default_jobs", lambda: 1)  # one CPU: at most two workers
    code, out, _ = run_cli(["--no-cache", "--jobs", "2000", "--quiet", "docs"])
    assert code == 1 and out.count("MK301") == 4
    assert len(forks) == 2


@pytest.mark.parametrize("working_forks", [0, 1])
def test_a_failed_fork_falls_back(project, monkeypatch, working_forks):
    """Item 10: a fork refused by a process limit (`ulimit -u`): the workers already started
    do all the work, or, when none could start, the files are linted in this process."""
    expected = run_cli(["--no-cache", "--jobs", "1", "--quiet", "docs"])
    real_fork, calls = os.fork, []

    def limited_fork():
        calls.append(1)
        if len(calls) > working_forks:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(os, "fork", limited_fork)
    monkeypatch.setattr(marklint.parallel, "default_jobs", lambda: 4)
    assert run_cli(["--no-cache", "--jobs", "4", "--quiet", "docs"]) == expected


def _garbage_server(reply: bytes) -> tuple[socket.socket, int]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)

    def serve():
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                try:
                    connection.sendall(reply)
                except OSError:
                    pass

    threading.Thread(target=serve, daemon=True).start()
    return server, server.getsockname()[1]


@pytest.mark.parametrize("reply", [b"\x00garbage" * 100, b"HTTP/1.1 400 Bad Request\r\n\r\n"])
def test_dask_address_that_is_not_a_scheduler(project, reply):
    """Item 11: garbage bytes raised MemoryError through a traceback, then spent 20 s in
    "Exception ignored" noise."""
    pytest.importorskip("distributed")
    server, port = _garbage_server(reply)
    try:
        done = _shell(f"$MARKLINT --no-cache --dask tcp://127.0.0.1:{port} docs", project)
    finally:
        server.close()
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"marklint: cannot connect to the Dask scheduler at 'tcp://127.0.0.1:{port}': "
                           "the other end does not speak the Dask protocol\n")


def test_an_unreadable_directory_is_reported(project, monkeypatch):
    """Item 12: it was skipped silently (root reads everything, so the refusal is simulated)."""
    (project / "docs" / "locked").mkdir()
    (project / "docs" / "locked" / "hidden.txt").write_text(DRAFT.format(word="secret"))
    real_scandir = os.scandir

    def refusing(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    code, out, err = run_cli(["--no-cache", "--quiet", "docs"])
    assert (code, out.count("MK301")) == (2, 4)
    assert err == "marklint: docs/locked: cannot read the directory (permission denied)\n"


def _nested_email(depth: int) -> str:
    head = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth))
    tail = "".join(f"\n--b{i}--\n" for i in reversed(range(depth)))
    return ("From: a@example.org\nTo: b@example.org\nSubject: (U) deep\nMIME-Version: 1.0\n" + head
            + "Content-Type: text/plain\n\nSECRET\n\n(S) Marked.\n\nSECRET\n" + tail)


@pytest.mark.parametrize("depth", [100, 1000])
def test_deeply_nested_email(project, depth):
    """Item 13: "internal error (RecursionError ...); please report it" before."""
    (project / "deep.eml").write_text(_nested_email(depth))
    assert run_cli(["--no-cache", "deep.eml"]) == (
        2, "", "marklint: deep.eml: nesting too deep (MIME parts nested more than 64 levels)\n")


def test_moderately_nested_email_is_read(project):
    (project / "nested.eml").write_text(_nested_email(5))
    assert run_cli(["--no-cache", "--quiet", "--select", "MK301", "nested.eml"]) == (0, "", "")


def test_fix_leaves_a_read_only_file_alone_even_as_root(project):
    """Item 14: `os.access` says yes to root, and the read-only file was rewritten."""
    memo = project / "memo.txt"
    memo.write_text("SECRET // NOFORN\n\n(S//NF) Marked.\n\nSECRET//NOFORN\n")
    memo.chmod(0o444)
    code, out, err = run_cli(["--fix", "memo.txt"])
    assert memo.read_text().startswith("SECRET // NOFORN\n")
    assert (code, err) == (2, "marklint: memo.txt: not fixed: the file is read-only\n")
