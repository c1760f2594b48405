"""A worker's write slots: at most N write transactions in flight, each write a transaction of
its own; reads never wait, and a write whose caller left while it queued never runs."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from neo4j import AsyncDriver, AsyncManagedTransaction

from graph.database.cypher import Cypher
from graph.database.maintenance import delete_everything
from graph.database.time_limits import TimeLimits
from graph.errors import QueryTimeoutError
from tests.conftest import DATABASE

PATIENCE = 10.0
"""Seconds to wait for something that should happen; only a failing test waits that long."""

SETTLE = 0.3
"""Seconds given to something that must not happen, before checking that it did not."""


class HeldWrite:
    """A write transaction that creates a node and then holds its slot until released."""

    def __init__(self, ident: str) -> None:
        self.ident = ident
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.transactions: list[AsyncManagedTransaction] = []
        """Each run's transaction: empty for a write that never started."""

    async def __call__(self, tx: AsyncManagedTransaction) -> str:
        self.transactions.append(tx)
        result = await tx.run("CREATE (t:Topic {id: $id}) RETURN t.id AS id", id=self.ident)
        record = await result.single(strict=True)
        self.started.set()
        await self.release.wait()
        return str(record["id"])


@pytest.fixture
async def runners(driver: AsyncDriver) -> Callable[[int], Cypher]:
    """Runners over an empty graph sharing one set of `count` slots, as a worker's requests do."""
    await delete_everything(Cypher(driver, DATABASE))
    slots: dict[int, asyncio.Semaphore] = {}

    def runner(count: int) -> Cypher:
        shared = slots.setdefault(count, asyncio.Semaphore(count))
        return Cypher(driver, DATABASE, write_slots=shared)

    return runner


@pytest.fixture
async def hold() -> AsyncIterator[Callable[[str], HeldWrite]]:
    """Held writes that a failing test still lets go of, so later tests find no open lock."""
    made: list[HeldWrite] = []

    def make(ident: str) -> HeldWrite:
        made.append(HeldWrite(ident))
        return made[-1]

    yield make
    for write in made:
        write.release.set()
    await asyncio.sleep(0.1)


async def topic_ids(cypher: Cypher) -> list[str]:
    rows = await cypher.read("MATCH (t:Topic) RETURN t.id AS id ORDER BY id")
    return [row["id"] for row in rows]


async def started_within(event: asyncio.Event, seconds: float) -> bool:
    try:
        await asyncio.wait_for(event.wait(), seconds)
    except TimeoutError:
        return False
    return True


async def holding_the_slot(
    runner: Cypher, hold: Callable[[str], HeldWrite]
) -> tuple[HeldWrite, asyncio.Task[str]]:
    """A write "held" that has started in one of `runner`'s slots and keeps it until released."""
    held = hold("held")
    holder = asyncio.create_task(runner.write_transaction(held))
    assert await started_within(held.started, PATIENCE)
    return held, holder


async def test_one_slot_runs_the_second_write_after_the_first_commits(
    runners: Callable[[int], Cypher], hold: Callable[[str], HeldWrite]
) -> None:
    first, second = hold("first"), hold("second")
    second.release.set()
    one = asyncio.create_task(runners(1).write_transaction(first))
    assert await started_within(first.started, PATIENCE)
    two = asyncio.create_task(runners(1).write_transaction(second))
    assert not await started_within(second.started, SETTLE)
    first.release.set()
    assert list(await asyncio.wait_for(asyncio.gather(one, two), PATIENCE)) == ["first", "second"]
    assert await topic_ids(runners(1)) == ["first", "second"]


async def test_two_slots_run_two_writes_at_once(
    runners: Callable[[int], Cypher], hold: Callable[[str], HeldWrite]
) -> None:
    first, second = hold("first"), hold("second")
    both = [asyncio.create_task(runners(2).write_transaction(w)) for w in (first, second)]
    assert await started_within(first.started, PATIENCE)
    assert await started_within(second.started, PATIENCE)
    first.release.set()
    second.release.set()
    assert sorted(await asyncio.wait_for(asyncio.gather(*both), PATIENCE)) == ["first", "second"]


async def test_a_single_statement_write_waits_for_the_slot(
    runners: Callable[[int], Cypher], hold: Callable[[str], HeldWrite]
) -> None:
    held, holder = await holding_the_slot(runners(1), hold)
    statement = asyncio.create_task(runners(1).write("CREATE (:Topic {id: 'statement'})"))
    await asyncio.sleep(SETTLE)
    assert not statement.done()
    held.release.set()
    await asyncio.wait_for(asyncio.gather(holder, statement), PATIENCE)
    assert await topic_ids(runners(1)) == ["held", "statement"]


async def test_reads_do_not_wait_for_a_slot(
    runners: Callable[[int], Cypher], hold: Callable[[str], HeldWrite]
) -> None:
    held, holder = await holding_the_slot(runners(1), hold)
    read: Awaitable[list[str]] = topic_ids(runners(1))
    assert await asyncio.wait_for(read, PATIENCE) == []  # the held write is not committed yet
    held.release.set()
    await asyncio.wait_for(holder, PATIENCE)


async def test_a_failed_write_gives_its_slot_back(runners: Callable[[int], Cypher]) -> None:
    async def failing(tx: AsyncManagedTransaction) -> None:
        await tx.run("CREATE (:Topic {id: 'rolled-back'})")
        raise ValueError("refused")

    with pytest.raises(ValueError, match="refused"):
        await runners(1).write_transaction(failing)
    after = HeldWrite("after")
    after.release.set()
    assert await asyncio.wait_for(runners(1).write_transaction(after), PATIENCE) == "after"
    assert await topic_ids(runners(1)) == ["after"]


async def test_a_write_whose_caller_left_while_it_queued_is_not_run(
    runners: Callable[[int], Cypher], hold: Callable[[str], HeldWrite]
) -> None:
    held, holder = await holding_the_slot(runners(1), hold)
    left, stayed = hold("left"), hold("stayed")
    left.release.set()
    stayed.release.set()
    leaving = asyncio.create_task(runners(1).write_transaction(left))
    staying = asyncio.create_task(runners(1).write_transaction(stayed))
    await asyncio.sleep(SETTLE)
    leaving.cancel()
    held.release.set()
    assert await asyncio.wait_for(staying, PATIENCE) == "stayed"
    await asyncio.wait_for(holder, PATIENCE)
    assert left.transactions == []
    assert await topic_ids(runners(1)) == ["held", "stayed"]


async def test_a_write_queued_past_the_write_limit_times_out_and_writes_nothing(
    driver: AsyncDriver, runners: Callable[[int], Cypher], hold: Callable[[str], HeldWrite]
) -> None:
    slots = asyncio.Semaphore(1)
    limits = TimeLimits(read=5.0, analysis=5.0, write=SETTLE)
    held, holder = await holding_the_slot(Cypher(driver, DATABASE, write_slots=slots), hold)
    queued = hold("queued")
    queued.release.set()
    waiting = Cypher(driver, DATABASE, write_slots=slots, time_limits=limits)
    with pytest.raises(QueryTimeoutError):
        await asyncio.wait_for(waiting.write_transaction(queued), PATIENCE)
    held.release.set()
    await asyncio.wait_for(holder, PATIENCE)
    assert queued.transactions == []
    assert await topic_ids(runners(1)) == ["held"]
