"""Lint files in parallel worker processes (`--jobs N`), with output in input order.

A `concurrent.futures.ProcessPoolExecutor` of forked processes (spawned where there is no
fork). Workers get the function and settings once, from the pool's initializer (inherited
through fork, pickled where there is none), and then only chunks of paths; they return
results that the parent puts back in input order, so output is identical to `--jobs 1`. Work is handed out largest
file first, so one big file at the end of the list does not leave the other workers idle.
Workers ignore SIGINT: on Ctrl-C the parent stops them and re-raises KeyboardInterrupt for
the CLI to turn into exit code 130. A worker that dies (killed, out of memory) ends the run
with WorkerError rather than a hang.
"""

from __future__ import annotations

import gc
import os
import signal
import time

from marklint.cache import Cache, digest, fingerprint
from marklint.config import ConfigError
from marklint.document import InputError
from marklint.findings import FileResult
from marklint.lint import AUTO, effective_settings, file_config, lint_bytes, read_path

TYPE_CHECKING = False  # not typing's: importing typing costs a cached run several percent
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")

_task: tuple[Callable, object] | None = None  # (function, settings) inside a worker process
# Below this much input a pool costs more than it saves: every worker first imports the
# linting modules and builds the marking parser (a pre-commit run over a few drafts).
MIN_POOL_BYTES = 256 * 1024
# Besides its bytes, linting a file costs about as much as this many bytes of text (measured
# on the benchmark corpus: 0.35 ms + 0.055 us per byte).
FILE_COST = 6 * 1024
PARENT_CHECK_SECONDS = 0.5  # how often a worker checks that its parent still runs


class WorkerError(Exception):
    """A worker process ended without returning its results (killed, or out of memory)."""


WORKER_DIED = "a worker process ended abruptly (killed, or out of memory?)"


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count(jobs: int, files: int) -> int:
    """How many worker processes `--jobs jobs` starts for `files` files: never more than
    twice the CPUs (`--jobs 2000` must not fork two thousand processes) nor than the files."""
    return max(1, min(jobs, 2 * default_jobs(), files))


def _init_worker(func: Callable, settings: object, gc_threshold: tuple[int, ...]) -> None:
    global _task
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*gc_threshold)  # as the parent's (a spawned worker starts with the defaults)
    _task = (func, settings)
    import threading  # only in a worker: a run without one does not pay for it

    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """End this worker soon after its parent is killed: nobody wants the rest of its work (a
    worker waiting for work would otherwise wait for ever)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _run_chunk(chunk: list[str]) -> list[object]:
    func, settings = _task
    return [func(path, settings) for path in chunk]


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def map_paths(func: Callable[[str, object], T], paths: list[str], settings: object, jobs: int) -> list[T]:
    """`[func(p, settings) for p in paths]`, run in up to `jobs` processes.

    `func` must be a module-level function and `settings` picklable. With one job, one
    path, or less than MIN_POOL_BYTES of files in all, the work runs in this process.
    An exception from `func` is raised here; WorkerError when a worker process ends abruptly.
    """
    sizes = [_size(path) for path in paths] if jobs > 1 and len(paths) > 1 else []  # no stat calls for one job
    if not sizes or sum(sizes) < MIN_POOL_BYTES:
        return [func(path, settings) for path in paths]
    workers = worker_count(jobs, len(paths))
    order = sorted(range(len(paths)), key=lambda i: -sizes[i])
    results: list = [None] * len(paths)
    # The smallest file is linted here first: that imports the linting modules and builds the
    # vocabulary and marking parser once, and forked workers inherit them instead of each
    # paying for them again.
    first = order.pop()
    results[first] = func(paths[first], settings)
    chunks = _chunks(order, sizes, workers)
    done = _run_pool(func, paths, settings, chunks, workers)
    if done is None:  # not one worker could be started (a process limit): lint here
        done = [[func(paths[index], settings) for index in chunk] for chunk in chunks]
    for chunk, chunk_results in zip(chunks, done):
        for index, result in zip(chunk, chunk_results):
            results[index] = result
    return results


def _chunks(order: list[int], sizes: list[int], workers: int) -> list[list[int]]:
    """`order` cut into chunks for the workers to take in turn, each about a 2 * `workers`th
    of the work left (guided scheduling): large chunks first, for few messages, and single
    files at the end, so that the workers finish together."""
    left = sum(sizes[i] for i in order) + FILE_COST * len(order)
    chunks: list[list[int]] = []
    chunk: list[int] = []
    work = 0
    for index in order:
        chunk.append(index)
        work += sizes[index] + FILE_COST
        if work * 2 * workers >= left:
            chunks.append(chunk)
            left -= work
            chunk, work = [], 0
    if chunk:
        chunks.append(chunk)
    return chunks


def _run_pool(func: Callable, paths: list[str], settings: object, chunks: list[list[int]],
              workers: int) -> list | None:
    """The results of each chunk of `paths` (indices), computed by a ProcessPoolExecutor of up
    to `workers` processes; None when not one could be started.

    The processes are forked where the system can (they share the modules this process has
    imported, and get `func` and `settings` without pickling), else spawned. A fork that fails
    (a limit on processes, `ulimit -u`) stops the pool: a new one is made with as many workers as
    could be started, and with none the work is left to the caller.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    while workers:
        executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                       initargs=(func, settings, gc.get_threshold()))
        futures = []
        # Frozen objects are left alone by the workers' collector, so it does not write to (and
        # copy) every page of memory they share with this process. SIGINT is held back while the
        # workers start: this process gets it once they can be stopped; the workers ignore it.
        gc.freeze()
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            futures.append(executor.submit(_run_chunk, [paths[i] for i in chunks[0]]))  # starts the workers
        except OSError:
            workers = len(executor._processes)
            _stop(executor)
            continue
        finally:
            gc.unfreeze()
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        try:
            futures += [executor.submit(_run_chunk, [paths[i] for i in chunk]) for chunk in chunks[1:]]
            return [future.result() for future in futures]
        except BrokenProcessPool:
            raise WorkerError(WORKER_DIED) from None
        finally:
            # On Ctrl-C (or an exception from `func`), stop the workers now rather than after
            # their queued chunks; the executor has no public way to do so before Python 3.14.
            _stop(executor)
    return None


def _stop(executor) -> None:
    """Stop the executor's workers, at once, and wait for them."""
    for process in list(executor._processes.values()):
        process.terminate()
    executor.shutdown(cancel_futures=True)


def lint_file(path: str, settings, with_digest: bool = True) -> tuple[str | None, FileResult]:
    """Lint one file; also return the digest of the bytes linted (None when unreadable or
    not asked for)."""
    try:
        holder = [read_path(path)]
    except InputError as exc:
        return None, FileResult(path=path, error=str(exc))
    content_digest = digest(holder[0]) if with_digest else None
    # Hand over the only reference, so that linting can free a big file's bytes early.
    return content_digest, _lint_checked(path, holder.pop(), settings)


def _lint_file_without_digest(path: str, settings) -> tuple[None, FileResult]:
    return lint_file(path, settings, with_digest=False)


def lint_remote(path: str, data: bytes, settings) -> tuple[str, FileResult]:
    """Lint the bytes of one file on a Dask worker; also return their digest."""
    content_digest = digest(data)
    return content_digest, _lint_checked(path, data, settings)


def _lint_checked(path: str, data: bytes, settings) -> FileResult:
    """`lint_bytes`, except that a bug that raises while linting one file becomes that file's
    error (exit code 2) rather than ending a run over thousands of files."""
    try:
        return lint_bytes(path, data, settings)
    except Exception as exc:  # noqa: BLE001 - reported per file, see docstring
        detail = " ".join(str(exc).split())
        return FileResult(path=path, error=f"internal error ({type(exc).__name__}: {detail}); please report it")


_contexts: dict[object, str] = {}  # effective settings -> context
_context_settings: dict[str, object] = {}  # context -> effective settings
# (id(settings), directory) -> (settings, context); keyed by identity because hashing the
# settings for every one of thousands of files would cost more than the rest of a cache hit.
_directory_contexts: dict[tuple[int, str], tuple[object, str]] = {}


def cache_context(path: str, settings) -> str | None:
    """The cache context of one file: everything besides its content that its result depends
    on, as far as it is known without loading a rule set (the settings completed by its
    configuration; rule files are the context's dependencies, see `_depend`). None when
    the configuration cannot be loaded: linting then reports the error and nothing is cached."""
    directory_key = (id(settings), path.rpartition(os.sep)[0])  # not os.path.dirname: faster, same grouping
    known = _directory_contexts.get(directory_key)
    if known is not None and known[0] is settings:
        return known[1]
    try:
        effective = effective_settings(path, settings)
        context = _contexts.get(effective)
        if context is None:
            context = _contexts[effective] = fingerprint(effective)
            _context_settings[context] = effective
        config = file_config(path, settings)
        if config is None or not config.per_file_ignores:  # then every file of the directory shares it
            _directory_contexts[directory_key] = (settings, context)
    except ConfigError:
        return None
    return context


def _depend(cache: Cache, context: str) -> bool:
    """Record in `cache` the rule, vocabulary and archive collection files that results under
    `context` depend on (besides the shipped ones, which are part of the context itself); False
    when they cannot be known or read, and results under `context` must not be cached (linting
    reports the rule set's error)."""
    from marklint.ruleset import RuleSetError, ruleset_files

    settings = _context_settings[context]
    rules = settings.rules
    try:
        cache.depend(context, [*([] if rules is None or rules == AUTO else ruleset_files(rules)),
                               *settings.collections])
    except (RuleSetError, OSError):
        return False
    return True


def lint_files(
    paths: list[str], settings, *, jobs: int = 1, cache_dir: str | None = None, dask_address: str | None = None,
) -> list[FileResult]:
    """Lint files (not directories), in order: from the cache when `cache_dir` is given and a
    file is unchanged, else on the Dask cluster at `dask_address`, else in up to `jobs`
    processes. Raises DaskError when the cluster cannot be used."""
    cache = Cache(cache_dir) if cache_dir is not None and not settings.show_source else None
    results: list = [None] * len(paths)
    contexts: list[str | None] = [None] * len(paths)
    todo: list[int] = []
    for index, path in enumerate(paths):
        if cache is not None:
            contexts[index] = cache_context(path, settings)
            if contexts[index] is not None:
                results[index] = cache.lookup(path, contexts[index])
        if results[index] is None:
            todo.append(index)
    if cache is not None:
        for context in dict.fromkeys(contexts[i] for i in todo if contexts[i] is not None):
            if not _depend(cache, context):
                contexts = [None if c == context else c for c in contexts]
    pending = [paths[i] for i in todo]
    if dask_address is not None:
        from marklint.distributed import map_on_dask

        done = map_on_dask(dask_address, lint_remote, lint_file, pending, settings)
    else:
        done = map_paths(lint_file if cache is not None else _lint_file_without_digest, pending, settings, jobs)
    for index, (content_digest, result) in zip(todo, done):
        results[index] = result
        if cache is not None and content_digest is not None and contexts[index] is not None:
            cache.store(paths[index], contexts[index], content_digest, result)
    if cache is not None:
        cache.save()
    return results
