"""The rate limiter's buckets in memory every worker of one hub shares.

A hub with N uvicorn workers must hold a client to the configured budget, not N times it, so
the buckets cannot live in each worker's heap. They live in a fixed-size table in a file that
`hub serve` creates before it starts the workers (under /dev/shm when there is one, so the
table is plain shared memory) and names to them in `HUB_RATE_LIMIT_STATE`; each worker maps
it. Without that variable (one worker, the tests' in-process app) the table is an anonymous
mapping of this process alone.

Layout: `slots` records of 32 bytes: a 16-byte digest of the bucket's key, its tokens and the
monotonic time it was last filled (CLOCK_MONOTONIC is one clock for every process of the
machine). A key's slot is found by open addressing over `PROBE` neighbours of its digest's
home; when all are taken, the least recently filled one is handed over (that client starts
with a full bucket, the worst a crowded table can do). Every read-modify-write of a slot is
made under an exclusive `flock` on the file, a few microseconds with no await inside, so two
workers never spend the same token.
"""

from __future__ import annotations

import fcntl
import hashlib
import mmap
import os
import struct
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

SLOT: Final = struct.Struct("<16sdd")
PROBE: Final = 8
DEFAULT_SLOTS: Final = 65_536
"""2 MiB of table: room for tens of thousands of concurrent clients."""

Update = Callable[[float | None, float | None], tuple[float, float]]
"""(tokens, last fill) of the bucket or None for a new one -> what to store."""


def create_table_file(slots: int = DEFAULT_SLOTS) -> Path:
    """A zeroed table file for a hub's workers to share; the caller removes it when done."""
    directory = "/dev/shm" if os.path.isdir("/dev/shm") else None
    handle, name = tempfile.mkstemp(prefix="rtcm-hub-buckets-", dir=directory)
    try:
        os.ftruncate(handle, slots * SLOT.size)
    finally:
        os.close(handle)
    return Path(name)


class BucketTable:
    """Slots of (key digest, tokens, last fill), in a shared file or this process's memory."""

    def __init__(self, path: Path | None = None, slots: int = DEFAULT_SLOTS) -> None:
        self._fd: int | None = None
        if path is None:
            self._memory = mmap.mmap(-1, slots * SLOT.size)
        else:
            self._fd = os.open(path, os.O_RDWR)
            size = os.fstat(self._fd).st_size
            if size < SLOT.size or size % SLOT.size:
                os.close(self._fd)
                raise ValueError(f"{path} is not a bucket table ({size} bytes)")
            self._memory = mmap.mmap(self._fd, size)
        self.slots = len(self._memory) // SLOT.size

    def update(self, key: str, update: Update) -> tuple[float, float]:
        """Apply `update` to `key`'s bucket atomically across processes; its new state."""
        digest = hashlib.blake2b(key.encode(), digest_size=16).digest()
        home = int.from_bytes(digest[:8], "little") % self.slots
        with self._locked():
            found, free, oldest, oldest_last = None, None, home, float("inf")
            for step in range(min(PROBE, self.slots)):
                index = (home + step) % self.slots
                stored, tokens, last = SLOT.unpack_from(self._memory, index * SLOT.size)
                if stored == digest:
                    found = index
                    break
                if stored == bytes(16):
                    free = index if free is None else free
                elif last < oldest_last:
                    oldest, oldest_last = index, last
            if found is not None:
                state = update(tokens, last)
            else:
                found = free if free is not None else oldest
                state = update(None, None)
            SLOT.pack_into(self._memory, found * SLOT.size, digest, *state)
            return state

    @contextmanager
    def _locked(self) -> Iterator[None]:
        if self._fd is None:
            yield
            return
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        self._memory.close()
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
