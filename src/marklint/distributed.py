"""Archive-scale runs on a Dask cluster (`--dask SCHEDULER_ADDRESS`, extra `marklint[dask]`).

The client (this process) reads each file and sends its bytes with the task, so workers need
marklint installed but no access to the client's file system; results come back in input
order, so the output is the same as a local run. Files are sent in a bounded window (by
bytes in flight) so that a sweep of millions of files never holds them all in memory.
Opening a connection to the scheduler the user named is the only network use in marklint.
"""

from __future__ import annotations

from collections import deque

TYPE_CHECKING = False  # not typing's: every run imports this module (for DaskError), few use it
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")

INSTALL_HINT = "pip install 'marklint[dask]'"
WINDOW_BYTES = 64 * 1024 * 1024  # file bytes in flight at once
WINDOW_TASKS = 512
CONNECT_TIMEOUT = "10s"


class DaskError(Exception):
    """The Dask extra is missing or the scheduler cannot be reached (exit code 2)."""


def _client(address: str):
    try:
        from distributed import Client
    except ImportError:
        raise DaskError(f"--dask needs the optional Dask support: {INSTALL_HINT}") from None
    _check_scheduler(address)
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except Exception as exc:  # noqa: BLE001 - whatever the other end does, it is one line and exit 2
        raise DaskError(f"cannot connect to the Dask scheduler at {address!r}: {_reason(exc)}") from None


def _check_scheduler(address: str) -> None:
    """Raise DaskError unless a Dask scheduler answers at `address`. Asked before a Client is
    made: a Client that fails half-way (garbage bytes from the other end, which Dask may try
    to read as a huge frame) spends 20 s closing itself and prints "Exception ignored"."""
    import asyncio

    from distributed.comm import connect

    async def identity() -> object:
        comm = await connect(address, timeout=CONNECT_TIMEOUT)
        try:
            await comm.write({"op": "identity"})
            return await comm.read()
        finally:
            comm.abort()

    try:
        reply = asyncio.run(identity())
    except Exception as exc:  # noqa: BLE001 - garbage can raise anything, MemoryError included
        raise DaskError(f"cannot connect to the Dask scheduler at {address!r}: {_reason(exc)}") from None
    if not (isinstance(reply, dict) and reply.get("type") == "Scheduler"):
        raise DaskError(f"{address!r} is not a Dask scheduler (its answer is not a scheduler's)")


def _reason(exc: BaseException) -> str:
    """One line saying why a connection failed."""
    detail = " ".join(str(exc).split())
    if isinstance(exc, MemoryError) or not detail:
        return "the other end does not speak the Dask protocol"
    return detail[:200]


def map_on_dask(
    address: str,
    remote: Callable[[str, bytes, object], T],
    local: Callable[[str, object], T],
    paths: list[str],
    settings: object,
) -> list[T]:
    """`remote(path, data, settings)` for each path, run on the cluster at `address`.

    A path this process cannot read is handed to `local(path, settings)` instead, which
    reports the error exactly as a local run would. Raises DaskError.
    """
    from marklint.document import InputError
    from marklint.lint import read_path

    client = _client(address)
    results: list = [None] * len(paths)
    try:
        [shared] = client.scatter([settings], broadcast=True)
        window: deque[tuple[int, int, object]] = deque()  # (index, size, future), oldest first
        in_flight = 0
        for index, path in enumerate(paths):
            try:
                data = read_path(path)
            except InputError:
                results[index] = local(path, settings)
                continue
            while window and (in_flight + len(data) > WINDOW_BYTES or len(window) >= WINDOW_TASKS):
                done, size, future = window.popleft()
                results[done] = future.result()
                in_flight -= size
            window.append((index, len(data), client.submit(remote, path, data, shared, pure=False)))
            in_flight += len(data)
        for index, _, future in window:
            results[index] = future.result()
    finally:
        client.close()
    return results
