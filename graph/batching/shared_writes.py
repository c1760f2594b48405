"""A worker's write transactions: a few in flight, the ones queued behind them committed together.

Most of a write's cost in Neo4j is its commit (the full-text indexes' update, the log), and
concurrent commits contend there, so a worker keeps at most `slots` write transactions in
flight and queues the rest (bench/README.md, optimisation 18). The queued writes would each
wait for a slot and then pay a commit of their own; instead, when a slot frees, the writes
waiting for it (up to `most`) run one after another in one transaction and share its commit
(group commit). Nothing waits longer than it did in the queue, and an idle worker's write
starts at once.

Each write keeps its own statements, checks and audit entries, and runs as if the writes
before it in the transaction had committed just before it, which is what a serial order of
the same writes would have given. Its caller hears back only after the commit. When any of
them fails, the transaction rolls back and each is run again in a transaction of its own, so
one mutation's error never becomes another's. A commit reported failed may still have landed
(the connection dropped after COMMIT): a mutation run again then finds the receipt its first
run left (graph/writes/receipts.py) and answers what landed instead of writing twice.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Final

from neo4j import AsyncManagedTransaction

from graph.batching.read_batch import fail, settle, spawn

MAX_SHARED_WRITES: Final = 8
"""The most writes one transaction commits."""

Work = Callable[[AsyncManagedTransaction], Awaitable[Any]]
"""A transaction function: it may run several statements and is re-run on a retry."""
Transact = Callable[[Work], Awaitable[Any]]
"""Runs a transaction function in a retried write transaction of its own."""


@dataclass(slots=True)
class PendingWrite:
    """A write waiting for its transaction to commit."""

    work: Work
    answer: asyncio.Future[Any]


class SharedWrites:
    """At most `slots` write transactions in flight; the writes queued behind them share one."""

    def __init__(
        self, transact: Transact, *, slots: int = 1, most: int = MAX_SHARED_WRITES
    ) -> None:
        self._transact = transact
        self._slots = slots
        self._most = most
        self._queue: deque[PendingWrite] = deque()
        self._running = 0
        self._draining: set[asyncio.Task[None]] = set()
        self.transactions = 0
        """Write transactions committed so far (the tests read it)."""

    async def write(self, work: Work) -> Any:
        """`work`'s answer once the transaction it ran in committed; its error if it failed.

        With a slot free it starts at once, in a transaction of its own; otherwise it waits
        in the queue for the next slot to free, with the writes queued beside it.
        """
        pending = PendingWrite(work, asyncio.get_running_loop().create_future())
        if self._running < self._slots:
            self._running += 1
            spawn(self._draining, self._drain([pending]))
        else:
            self._queue.append(pending)
        return await pending.answer

    async def _drain(self, batch: list[PendingWrite]) -> None:
        """One slot's writes, a batch at a time, until none is waiting."""
        try:
            while batch:
                if len(batch) == 1:
                    await self._alone(batch[0])
                else:
                    await self._together(batch)
                batch = self._next_batch()
        except BaseException as error:  # cancelled at shutdown: no write is left waiting
            fail([*batch, *self._queue], error)
            self._queue.clear()
            raise
        finally:
            self._running -= 1

    def _next_batch(self) -> list[PendingWrite]:
        """The next `most` queued writes whose callers are still waiting."""
        batch: list[PendingWrite] = []
        while self._queue and len(batch) < self._most:
            item = self._queue.popleft()
            if not item.answer.done():
                batch.append(item)
        return batch

    async def _together(self, batch: list[PendingWrite]) -> None:
        async def each_in_turn(tx: AsyncManagedTransaction) -> list[Any]:
            return [await item.work(tx) for item in batch]

        try:
            answers = await self._transact(each_in_turn)
        except Exception:
            for item in batch:  # in their order, each with its own answer or error
                await self._alone(item)
            return
        self.transactions += 1
        for item, answer in zip(batch, answers, strict=True):
            settle(item, answer)

    async def _alone(self, item: PendingWrite) -> None:
        """`item` in a transaction of its own, rolled back if its caller leaves meanwhile
        (a client that hung up, a request past its time limit: api/disconnects.py)."""
        running = asyncio.ensure_future(self._transact(item.work))
        item.answer.add_done_callback(lambda answer: answer.cancelled() and running.cancel())
        try:
            answer = await running
        except asyncio.CancelledError:
            if item.answer.cancelled():
                return
            raise
        except Exception as error:
            fail([item], error)
            return
        self.transactions += 1
        settle(item, answer)
