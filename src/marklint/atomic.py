"""Writing marklint's own cache files atomically: a reader sees the old file or the new one,
never part of one."""

from __future__ import annotations

import os


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`; the
    temporary file is removed when writing fails. (Not `tempfile`: importing it would cost a
    cached run more than the rest of its work.)"""
    tmp = f"{os.fspath(path)}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as stream:
            stream.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
