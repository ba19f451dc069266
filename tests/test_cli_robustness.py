"""The command line under stress: a closed pipe, Ctrl-C, and no network at all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

LETTER = "SECRET\n\n{body}\n\nSECRET\n"

# Installed by sitecustomize in the child: every way of making a socket raises.
NO_NETWORK = textwrap.dedent(
    """
    import socket

    class _NoNetwork(OSError):
        pass

    def _refuse(*args, **kwargs):
        raise _NoNetwork("network access attempted")

    class _Socket(socket.socket):
        def __init__(self, *args, **kwargs):
            _refuse()

    socket.socket = _Socket
    socket.create_connection = _refuse
    socket.socketpair = _refuse
    socket.getaddrinfo = _refuse
    socket.fromfd = _refuse
    """
)


def run(args: list[str], cwd: Path, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "marklint", *args], cwd=cwd, capture_output=True, text=True,
        env={**os.environ, **(env or {})}, timeout=120, **kwargs,
    )


@pytest.fixture
def no_network_env(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_NETWORK)
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}


def test_no_network_guard_really_blocks_sockets(tmp_path, no_network_env):
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        capture_output=True, text=True, env={**os.environ, **no_network_env}, timeout=60,
    )
    assert probe.returncode == 1
    assert probe.stderr.strip().endswith("_NoNetwork: network access attempted")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_lint_runs_without_network(tmp_path, no_network_env, jobs):
    docs = tmp_path / "docs"
    docs.mkdir()
    body = "\n\n".join(f"(S) Portion {n}." for n in range(5000))
    for i in range(4):  # 4 x 90 kB: enough input for --jobs 2 to start worker processes
        (docs / f"d{i}.txt").write_text(LETTER.format(body=body))
    (docs / "notes.md").write_text("# Notes\n\nNothing marked here.\n")
    baseline = run(["--no-cache", "--format", "json", "docs"], tmp_path)
    guarded = run(["--jobs", jobs, "--format", "json", "docs"], tmp_path, env=no_network_env)
    assert guarded.stderr == baseline.stderr
    assert "_NoNetwork" not in guarded.stderr
    assert (guarded.returncode, guarded.stdout) == (baseline.returncode, baseline.stdout)
    assert guarded.returncode in (0, 1)


def test_closed_pipe_ends_quietly(tmp_path):
    body = "\n\n".join(f"Paragraph {i} without a portion mark." for i in range(20000))
    (tmp_path / "long.txt").write_text(LETTER.format(body=body))
    proc = subprocess.Popen(
        [sys.executable, "-m", "marklint", "--no-cache", "long.txt"], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert first.startswith(b"long.txt:")
    assert stderr == ""
    assert proc.returncode == 1


def _default_sigint() -> None:
    """Give the child Ctrl-C's default action: a suite started in the background (`pytest &`)
    passes on an ignored SIGINT, and Python keeps an ignored SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_while_reading_stdin_exits_130(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "marklint", "-"], cwd=tmp_path, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        preexec_fn=_default_sigint,
    )
    time.sleep(2.5)  # start-up done (even on a busy machine); blocked reading stdin
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out, err) == (130, b"", b"")


needs_proc = pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"),
                                reason="needs Linux /proc to see the worker processes")


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as handle:
        return [int(child) for child in handle.read().split()]


def _start_parallel_run(tmp_path: Path) -> tuple[subprocess.Popen, list[int]]:
    """A `--jobs 2` run over a corpus that takes several seconds, once its two workers run."""
    docs = tmp_path / "docs"
    docs.mkdir()
    body = "\n\n".join(f"(S) Paragraph {i} of a long document." for i in range(20000))
    for i in range(60):
        (docs / f"d{i:02}.txt").write_text(LETTER.format(body=body))
    proc = subprocess.Popen(
        [sys.executable, "-m", "marklint", "--no-cache", "--jobs", "2", "docs"], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, preexec_fn=_default_sigint,
    )
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert len(workers) == 2 and proc.poll() is None, "the worker pool never started"
    time.sleep(0.3)
    assert proc.poll() is None, "the run ended early; make the corpus larger"
    return proc, workers


@needs_proc
def test_ctrl_c_during_a_parallel_run_exits_130(tmp_path):
    proc, workers = _start_parallel_run(tmp_path)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out, err) == (130, b"", b"")
    for worker in workers:  # the workers were stopped, not left running
        with pytest.raises(ProcessLookupError):
            os.kill(worker, 0)


def _ended(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rpartition(")")[2].split()[0] == "Z"  # a zombie has ended
    except FileNotFoundError:
        return True


@needs_proc
def test_killed_worker_ends_the_run_with_an_error(tmp_path):
    proc, workers = _start_parallel_run(tmp_path)
    os.kill(workers[0], signal.SIGKILL)  # as the kernel's out-of-memory killer would
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out) == (2, b"")
    assert err == b"marklint: a worker process ended abruptly (killed, or out of memory?)\n"
    for worker in workers:  # the other worker was stopped too
        with pytest.raises(ProcessLookupError):
            os.kill(worker, 0)


@needs_proc
def test_workers_stop_soon_after_their_parent_is_killed(tmp_path):
    proc, workers = _start_parallel_run(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)  # not communicate(): the workers hold its output pipes open as long as they run
    deadline = time.monotonic() + 3  # the file at hand; the rest of the run would take far longer
    while not all(_ended(worker) for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(_ended(worker) for worker in workers), "orphaned workers kept linting"
    proc.communicate(timeout=60)
