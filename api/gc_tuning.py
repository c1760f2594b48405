"""The cyclic garbage collector tuned for a long-running worker.

Measured on the benchmark's list page (50 events, in process, 64 requests): with Python's
defaults the collector took 2.5-2.7 ms of a request's 8-12 ms, most of it in the full
collections that rescan every object the process holds (the GraphQL schema, the modules, the
driver), which never become garbage. Freezing what is alive once the app has started
(`gc.freeze()`) keeps those objects out of every later collection (full collections 1.4 ->
0.2 ms per request), and collecting the youngest generation every 5,000 allocations instead
of 700 halves the number of intermediate collections; the collector then costs 0.5-0.9 ms.
Under the benchmark's load (2 workers, 16 connections, 100k experts) a worker's CPU per
request fell by a fifth or more (detail 4.2 -> 3.0 ms, list 9.1 -> 7.4, network 9.4 -> 7.5),
for 15-30 MB more resident memory per worker at the end of the run (131-133 -> 149-161 MB):
garbage cycles are still collected, only less often."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

YOUNGEST_THRESHOLD: Final = 5_000


@contextmanager
def tuned_collector() -> Iterator[None]:
    """Freeze the objects alive at startup and raise the youngest threshold; undo on exit."""
    previous = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNGEST_THRESHOLD, previous[1], previous[2])
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.unfreeze()
