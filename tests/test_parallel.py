"""The process pool behind `--jobs`: input order kept, real worker processes, errors surface."""

from __future__ import annotations

import os
import time

import pytest

from marklint.parallel import default_jobs, map_paths


def describe(path: str, settings: object) -> tuple[str, object, int]:
    time.sleep(0.02)  # long enough for every worker to get a share
    return path, settings, os.getpid()


def explode(path: str, settings: object) -> str:
    raise ValueError(f"bad {path}")


def test_default_jobs_is_cpu_count():
    assert default_jobs() == len(os.sched_getaffinity(0))


def test_order_matches_serial_run(tmp_path):
    paths = []
    for i, size in enumerate([10, 5000, 1, 300, 70000, 0, 20, 999]):
        p = tmp_path / f"f{i}.txt"
        p.write_bytes(b"x" * size)
        paths.append(str(p))
    parallel = map_paths(describe, paths, {"rules": "us-cnsi"}, jobs=2)
    serial = map_paths(describe, paths, {"rules": "us-cnsi"}, jobs=1)
    assert [(p, s) for p, s, _ in parallel] == [(p, s) for p, s, _ in serial]
    assert [p for p, _, _ in parallel] == paths
    worker_pids = {pid for _, _, pid in parallel}
    assert os.getpid() not in worker_pids and len(worker_pids) == 2
    assert {pid for _, _, pid in serial} == {os.getpid()}


def test_missing_paths_are_passed_through(tmp_path):
    paths = [str(tmp_path / "missing-a"), str(tmp_path / "missing-b")]
    assert [p for p, _, _ in map_paths(describe, paths, None, jobs=2)] == paths


def test_one_path_runs_in_process(tmp_path):
    assert map_paths(describe, ["only"], None, jobs=4)[0][2] == os.getpid()


def test_worker_exception_reaches_the_caller():
    with pytest.raises(ValueError, match="bad "):
        map_paths(explode, ["a", "b", "c"], None, jobs=2)
