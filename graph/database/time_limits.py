"""How long a transaction may run, by the kind of work it does.

A request's transactions get a time limit by class: plain reads (pages, lookups, search),
analysis (paths, neighbourhoods, ties, projections: the graph walks whose cost depends on
the data more than on the request) and writes. Neo4j enforces the limit (the transaction's
`timeout`, which in 5.26 overrides `db.transaction.timeout` in both directions) and the hub
enforces it too, on its side of the socket: a hung Neo4j (stopped, swapping, partitioned)
never answers its own timeout, and the request must still end.

The class is ambient rather than an argument of every read: graph/network/ and
graph/analytics/ mark their entry points with `@analysis`, and every statement run under
them, including one sent with other root fields' reads (graph/database/read_batch.py starts
the task that sends it in the caller's context), takes the analysis limit.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from typing import Final, ParamSpec, TypeVar

from graph.errors import QueryTimeoutError

P = ParamSpec("P")
R = TypeVar("R")


class Work(StrEnum):
    READ = "read"
    ANALYSIS = "analysis"
    WRITE = "write"


HINTS: Final[dict[Work, str]] = {
    Work.READ: "Ask for smaller pages, fewer nested lists or a narrower filter.",
    Work.ANALYSIS: "Ask for fewer hops, a smaller depth or limit, a shorter period or a topic.",
    Work.WRITE: "The write may not have been applied: read before you retry.",
}

_current: ContextVar[Work] = ContextVar("hub_work", default=Work.READ)


@dataclass(frozen=True, slots=True)
class TimeLimits:
    """Seconds a transaction of each class may run."""

    read: float = 5.0
    analysis: float = 15.0
    write: float = 10.0

    def of(self, work: Work) -> float:
        return {Work.READ: self.read, Work.ANALYSIS: self.analysis, Work.WRITE: self.write}[work]


def current_work() -> Work:
    """The class of the statement about to run: analysis under `@analysis`, else read."""
    return _current.get()


def analysis(function: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """Run `function`'s statements with the analysis time limit."""

    @wraps(function)
    async def marked(*args: P.args, **kwargs: P.kwargs) -> R:
        token = _current.set(Work.ANALYSIS)
        try:
            return await function(*args, **kwargs)
        finally:
            _current.reset(token)

    return marked


@asynccontextmanager
async def deadline(limits: TimeLimits | None, work: Work) -> AsyncIterator[float | None]:
    """Bound the block by `work`'s limit (None: unbounded), as `QueryTimeoutError`."""
    if limits is None:
        yield None
        return
    seconds = limits.of(work)
    try:
        async with asyncio.timeout(seconds):
            yield seconds
    except TimeoutError:
        raise QueryTimeoutError(work.value, seconds, HINTS[work]) from None
