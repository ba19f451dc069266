"""Bounded reads of the files marklint is handed: a device, a pipe or a huge file where a rule,
configuration or baseline file is expected must not hang marklint or fill its memory.

The limits are documented in docs/security.md.
"""

from __future__ import annotations

import os
import stat

SETTINGS_LIMIT = 1024 * 1024  # a rule set, vocabulary or configuration file
BASELINE_LIMIT = 64 * 1024 * 1024  # a baseline (about 100 bytes per recorded finding)
STDIN_LIMIT = 256 * 1024 * 1024  # a document read from standard input


class ReadError(OSError):
    """A file that cannot be read within the rules above; str() is a short reason without
    the path (callers name the file)."""


def _megabytes(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB"


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them. Raises ReadError when
    it is not a regular file (a pipe, a device, a directory: refused before any read, opened
    without blocking) or is larger than `limit`; FileNotFoundError and other OSErrors pass."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ReadError("is a directory" if stat.S_ISDIR(mode) else "not a regular file (a pipe, socket or device)")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ReadError(f"larger than the limit of {_megabytes(limit)}")
    return data


def read_stream(stream, limit: int) -> bytes:
    """At most `limit` bytes of a binary stream (standard input); ReadError when it holds more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ReadError(f"larger than the limit of {_megabytes(limit)}")
    return data
