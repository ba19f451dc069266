"""The process pool behind `--jobs`: input order kept, real worker processes, errors surface."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable

import pytest

import marklint.parallel
from marklint.parallel import WorkerError, default_jobs, map_paths


def describe(path: str, settings: object) -> tuple[str, object, int]:
    time.sleep(0.02)  # long enough for every worker to get a share
    return path, settings, os.getpid()


def explode(path: str, settings: object) -> str:
    raise ValueError(f"bad {path}")


def die_on_b(path: str, settings: object) -> str:
    if path == "b":
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    return path


def test_chunks_shrink_toward_the_end():
    from marklint.parallel import _chunks

    sizes = [100_000_000] + [10_000 - i for i in range(1, 500)]
    order = list(range(len(sizes)))
    chunks = _chunks(order, sizes, workers=2)
    assert [i for chunk in chunks for i in chunk] == order  # every file once, largest first
    assert chunks[0] == [0]  # a huge file is a chunk of its own
    assert [len(chunk) for chunk in chunks[-3:]] == [1, 1, 1]  # the workers finish together
    assert len(chunks) < 40  # yet few messages


def test_default_jobs_is_cpu_count():
    assert default_jobs() == len(os.sched_getaffinity(0))


def test_order_matches_serial_run(tmp_path, monkeypatch):
    monkeypatch.setattr(marklint.parallel, "MIN_POOL_BYTES", 0)
    paths = []
    for i, size in enumerate([10, 5000, 1, 300, 70000, 0, 20, 999]):
        p = tmp_path / f"f{i}.txt"
        p.write_bytes(b"x" * size)
        paths.append(str(p))
    parallel = map_paths(describe, paths, {"rules": "us-cnsi"}, jobs=2)
    serial = map_paths(describe, paths, {"rules": "us-cnsi"}, jobs=1)
    assert [(p, s) for p, s, _ in parallel] == [(p, s) for p, s, _ in serial]
    assert [p for p, _, _ in parallel] == paths
    # the smallest file (f5, empty) is linted in this process before the workers are forked
    assert parallel[5][2] == os.getpid()
    worker_pids = {pid for i, (_, _, pid) in enumerate(parallel) if i != 5}
    assert os.getpid() not in worker_pids and len(worker_pids) == 2
    assert {pid for _, _, pid in serial} == {os.getpid()}


def test_missing_paths_are_passed_through(tmp_path, monkeypatch):
    monkeypatch.setattr(marklint.parallel, "MIN_POOL_BYTES", 0)
    paths = [str(tmp_path / "missing-a"), str(tmp_path / "missing-b")]
    assert [p for p, _, _ in map_paths(describe, paths, None, jobs=2)] == paths


def test_one_path_runs_in_process(tmp_path):
    assert map_paths(describe, ["only"], None, jobs=4)[0][2] == os.getpid()


def test_small_input_runs_in_process(tmp_path):
    paths = []
    for i in range(3):
        (tmp_path / f"f{i}.txt").write_bytes(b"x" * 1000)
        paths.append(str(tmp_path / f"f{i}.txt"))
    assert {pid for _, _, pid in map_paths(describe, paths, None, jobs=2)} == {os.getpid()}


def test_worker_exception_reaches_the_caller(monkeypatch):
    monkeypatch.setattr(marklint.parallel, "MIN_POOL_BYTES", 0)
    with pytest.raises(ValueError, match="bad "):
        map_paths(explode, ["a", "b", "c"], None, jobs=2)


def open_files_and_children() -> tuple[list[str], str]:
    with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children") as handle:
        return sorted(os.listdir("/proc/self/fd")), handle.read()


def test_killed_worker_is_an_error_not_a_hang(monkeypatch):
    monkeypatch.setattr(marklint.parallel, "MIN_POOL_BYTES", 0)
    before = open_files_and_children() if os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children") else None
    with pytest.raises(WorkerError, match="worker process ended abruptly"):
        map_paths(die_on_b, ["a", "b", "c", "d"], None, jobs=2)
    if before is not None:  # no pipe left open, no worker left running
        assert open_files_and_children() == before
    assert map_paths(die_on_b, ["a", "c", "d"], None, jobs=2) == ["a", "c", "d"]  # the next run is unaffected


def test_without_fork_a_pool_of_spawned_processes_does_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(marklint.parallel, "MIN_POOL_BYTES", 0)
    monkeypatch.delattr(os, "fork")  # as on Windows
    paths = [str(tmp_path / f"f{i}.txt") for i in range(5)]
    for i, path in enumerate(paths):
        with open(path, "wb") as handle:
            handle.write(b"x" * i)
    parallel = map_paths(describe, paths, {"rules": "us-cnsi"}, jobs=2)
    assert [(p, s) for p, s, _ in parallel] == [(p, {"rules": "us-cnsi"}) for p in paths]
    assert parallel[0][2] == os.getpid() and os.getpid() not in {pid for _, _, pid in parallel[1:]}
    with pytest.raises(ValueError, match="bad "):
        map_paths(explode, ["a", "b", "c"], None, jobs=2)
    with pytest.raises(WorkerError, match="worker process ended abruptly"):
        map_paths(die_on_b, ["a", "b", "c", "d"], None, jobs=2)


def make_tree(root) -> None:
    """Two dozen drafts of varied size and correctness, with a bad file and a Markdown file."""
    for i in range(24):
        body = "\n\n".join(
            f"({'S' if (i + n) % 3 else 'TS'}) Paragraph {n}." if (i + n) % 4 else f"Paragraph {n} unmarked."
            for n in range(1 + i * 7)
        )
        banner = "SECRET" if i % 5 else "TOP SECRET"
        (root / "drafts" / f"g{i % 3}").mkdir(parents=True, exist_ok=True)
        (root / "drafts" / f"g{i % 3}" / f"d{i:02}.txt").write_text(f"{banner}\n\n{body}\n\n{banner}\n")
    (root / "drafts" / "g1" / "bad.txt").write_bytes(b"\x00S\xff\xfe")
    (root / "drafts" / "notes.md").write_text("**SECRET**\n\n# Notes\n\n(S) Marked.\n\nUnmarked.\n\n**SECRET**\n")


def run_main(args, capsys):
    from marklint.cli import main

    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cli_output_identical_for_one_and_two_jobs(tmp_path, monkeypatch, capsys, fmt):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(marklint.parallel, "MIN_POOL_BYTES", 0)
    make_tree(tmp_path)
    serial = run_main(["--no-cache", "--jobs", "1", "--format", fmt, "drafts"], capsys)
    parallel = run_main(["--no-cache", "--jobs", "2", "--format", fmt, "drafts"], capsys)
    assert parallel == serial
    assert serial[0] == 2
    assert serial[2] == "marklint: drafts/g1/bad.txt: not a text file (contains NUL bytes)\n"
    assert serial[1].count("drafts/g0/d00.txt") >= 1 and serial[1].count("drafts/notes.md") >= 1


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(tmp_path, capsys, value):
    code, out, err = run_main(["--jobs", value, str(tmp_path)], capsys)
    assert (code, out) == (2, "")
    assert err.endswith(f"marklint: error: argument --jobs/-j: expected a whole number of at least 1, got {value!r}\n")


def _failing_starts(monkeypatch, fails: Callable[[int], bool]) -> list[int]:
    """Make the n-th start of a worker process raise OSError where `fails(n)`, as fork does
    under a process limit (`ulimit -u`; root is not held to one, so it is simulated here)."""
    import multiprocessing.process

    starts: list[int] = []
    real_start = multiprocessing.process.BaseProcess.start

    def start(process):
        starts.append(len(starts) + 1)
        if fails(len(starts)):
            raise OSError(11, "Resource temporarily unavailable")
        real_start(process)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", start)
    return starts


def _paths(tmp_path, count: int) -> list[str]:
    paths = []
    for i in range(count):
        (tmp_path / f"f{i}.txt").write_bytes(b"x" * (10 + i))
        paths.append(str(tmp_path / f"f{i}.txt"))
    return paths


def test_a_failed_fork_shrinks_the_pool_to_the_workers_started(tmp_path, monkeypatch):
    monkeypatch.setattr(marklint.parallel, "MIN_POOL_BYTES", 0)
    paths = _paths(tmp_path, 6)
    starts = _failing_starts(monkeypatch, lambda n: n == 2)  # the second worker cannot be forked
    results = map_paths(describe, paths, "s", jobs=2)
    assert [(p, s) for p, s, _ in results] == [(p, "s") for p in paths]
    assert starts == [1, 2, 3]  # one started, one refused; the pool is made again with one worker
    assert len({pid for _, _, pid in results} - {os.getpid()}) == 1


def test_with_no_worker_started_the_files_are_linted_here(tmp_path, monkeypatch):
    monkeypatch.setattr(marklint.parallel, "MIN_POOL_BYTES", 0)
    paths = _paths(tmp_path, 4)
    starts = _failing_starts(monkeypatch, lambda n: True)
    results = map_paths(describe, paths, "s", jobs=2)
    assert [(p, s, pid) for p, s, pid in results] == [(p, "s", os.getpid()) for p in paths]
    assert starts == [1]
