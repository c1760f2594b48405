"""Transactions holding one of the driver's pooled connections right now, in this process.

graph/database/cypher.py reports each transaction's start and end here; api/metrics.py listens and
exposes the count as the pool's connections in use (the driver has no public gauge for it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

_listeners: list[Callable[[int], None]] = []


def listen(listener: Callable[[int], None]) -> None:
    """`listener(+1)` when a transaction takes a connection, `listener(-1)` when it is done."""
    _listeners.append(listener)


@contextmanager
def holding_connection() -> Iterator[None]:
    for listener in _listeners:
        listener(1)
    try:
        yield
    finally:
        for listener in _listeners:
            listener(-1)
