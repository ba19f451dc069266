"""Lint files in parallel worker processes (`--jobs N`), with output in input order.

Workers receive the settings once (pool initializer) and then only paths; they return
results that the parent puts back in input order, so output is identical to `--jobs 1`.
Work is handed out largest file first, so one big file at the end of the list does not
leave the other workers idle. Workers ignore SIGINT: on Ctrl-C the parent terminates the
pool and re-raises KeyboardInterrupt for the CLI to turn into exit code 130.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from typing import Callable, TypeVar

T = TypeVar("T")

_task: tuple[Callable, object] | None = None  # (function, settings) inside a worker process


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _init_worker(func: Callable, settings: object) -> None:
    global _task
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _task = (func, settings)


def _run_one(item: tuple[int, str]) -> tuple[int, object]:
    index, path = item
    func, settings = _task
    return index, func(path, settings)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def map_paths(func: Callable[[str, object], T], paths: list[str], settings: object, jobs: int) -> list[T]:
    """`[func(p, settings) for p in paths]`, run in up to `jobs` processes.

    `func` must be a module-level function and `settings` picklable. With one job or one
    path the work runs in this process (no pool start-up cost).
    """
    if jobs <= 1 or len(paths) <= 1:
        return [func(path, settings) for path in paths]
    workers = min(jobs, len(paths))
    order = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))
    # Small chunks near the end keep workers evenly loaded; larger ones cut IPC overhead.
    chunksize = max(1, len(paths) // (workers * 16))
    methods = multiprocessing.get_all_start_methods()
    # fork shares the parent's already imported modules, which makes start-up cheap.
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    results: list = [None] * len(paths)
    pool = context.Pool(workers, initializer=_init_worker, initargs=(func, settings))
    try:
        for index, result in pool.imap_unordered(_run_one, ((i, paths[i]) for i in order), chunksize):
            results[index] = result
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
    return results
