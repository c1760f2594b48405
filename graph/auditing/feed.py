"""Live updates from the audit log: one poller per worker, shared by all its subscribers.

Every hub worker (and every hub instance) polls the log in Neo4j for entries after the last
number it delivered (graph/auditing/sequence.py), so each sees every change, whichever worker
made it, with no broker in between. One poll serves all of a worker's subscriptions: each
follower gets every entry and picks what it wants. The poller queries Neo4j only while
someone follows. When Neo4j does not answer, the streams pause and the poller retries from the same
number, so nothing committed meanwhile is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Final

from graph.auditing.sequence import NumberedEntry, entries_after, log_head, number_pending
from graph.database.cypher import Cypher
from graph.errors import GraphError

logger = logging.getLogger("hub.feed")

MOST_PER_POLL: Final = 500
FRESH_PENDING: Final = 100
"""Pending entries a first subscriber is still given; more are an idle time's backlog."""
CATCH_UP: Final = 10_000
MAX_CATCH_UP_ROUNDS: Final = 100
MAX_RETRY_DELAY: Final = 2.0


class FeedOverflowError(Exception):
    """A follower fell so far behind that its backlog filled: its stream ends."""


class TooManyFollowersError(Exception):
    """The worker already serves as many subscriptions as it is configured to."""


class Follower:
    """One subscription's queue of entries; `None` in it means it overflowed."""

    def __init__(self, backlog: int) -> None:
        self.queue: asyncio.Queue[NumberedEntry | None] = asyncio.Queue(maxsize=backlog)
        self.overflowed = False

    def offer(self, numbered: NumberedEntry) -> None:
        if self.overflowed:
            return
        if self.queue.qsize() >= self.queue.maxsize - 1:
            self.overflowed = True
            self.queue.put_nowait(None)
            return
        self.queue.put_nowait(numbered)

    async def entries(self) -> AsyncIterator[NumberedEntry]:
        while True:
            numbered = await self.queue.get()
            if numbered is None:
                raise FeedOverflowError("this subscription fell too far behind the changes")
            yield numbered


class AuditFeed:
    """The worker's poller: a subscription `join`s it, reads its follower, and `leave`s."""

    def __init__(
        self,
        cypher: Cypher,
        *,
        interval: float = 0.2,
        backlog: int = 10_000,
        max_followers: int = 1000,
        on_followers: Callable[[int], None] | None = None,
    ) -> None:
        """`on_followers` hears +1 for each join and -1 for each leave (the metrics gauge)."""
        self._cypher = cypher
        self._interval = interval
        self._backlog = backlog
        self._max_followers = max_followers
        self._on_followers = on_followers
        self._followers: set[Follower] = set()
        self._position: int | None = None
        self._task: asyncio.Task[None] | None = None
        self._starting = asyncio.Lock()
        self.paused = False
        """True while Neo4j does not answer the poller (streams wait, then resume)."""

    @property
    def open_subscriptions(self) -> int:
        """Subscriptions this worker serves now: the gauge /metrics reports."""
        return len(self._followers)

    @property
    def position(self) -> int | None:
        """The last number delivered to followers; None while nobody follows."""
        return self._position

    async def join(self) -> Follower:
        """A new follower, receiving entries committed from about now on; `leave` it after."""
        if len(self._followers) >= self._max_followers:
            raise TooManyFollowersError(
                f"this worker already serves {self._max_followers} subscriptions"
            )
        follower = Follower(self._backlog)
        async with self._starting:
            if self._position is None:
                self._position = await self._start_position()
            if self._task is None:
                self._task = asyncio.create_task(self._poll(), name="audit-feed")
            self._followers.add(follower)
        if self._on_followers is not None:
            self._on_followers(1)
        return follower

    def leave(self, follower: Follower) -> None:
        if follower in self._followers:
            self._followers.discard(follower)
            if self._on_followers is not None:
                self._on_followers(-1)

    async def close(self) -> None:
        """Stop polling (the app's shutdown)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _start_position(self) -> int:
        """The number to follow from: the last one given, so that the few entries still
        pending (a change committed while the subscription was starting) are delivered. A
        backlog left while nobody followed is numbered first and counts as past."""
        head = await log_head(self._cypher)
        for _ in range(MAX_CATCH_UP_ROUNDS):
            if head.pending <= FRESH_PENDING:
                break
            await number_pending(self._cypher, most=CATCH_UP, backlog=True)
            head = await log_head(self._cypher)
        return head.last

    async def _poll(self) -> None:
        """Runs until `close`; polls only while someone follows."""
        failures = 0
        while True:
            if not self._followers:
                self._position = None  # the next follower starts from its own "now"
                await asyncio.sleep(self._interval)
                continue
            try:
                full = await self.poll_once()
            except Exception as error:
                failures += 1
                if not isinstance(error, GraphError):
                    logger.exception("live updates: a poll failed")
                elif not self.paused:
                    logger.warning("live updates paused: %s", error)
                self.paused = True
                await asyncio.sleep(min(self._interval * 2**failures, MAX_RETRY_DELAY))
                continue
            if self.paused:
                logger.info("live updates resumed after entry %s", self._position)
            self.paused, failures = False, 0
            if not full:
                await asyncio.sleep(self._interval)

    async def poll_once(self) -> bool:
        """Number what is pending, deliver what is new; True if there may be more at once."""
        head = await log_head(self._cypher)
        if head.pending:
            await number_pending(self._cypher)
        position = self._position or 0
        if head.last < position:
            position = 0  # the log was wiped (tests, a reset): everything in it is new
        batch = await entries_after(self._cypher, position, MOST_PER_POLL)
        for numbered in batch:
            for follower in tuple(self._followers):
                follower.offer(numbered)
            self._position = numbered.sequence
        if not batch:
            self._position = position
        return len(batch) == MOST_PER_POLL
