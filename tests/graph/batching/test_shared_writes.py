"""A worker's writes: at most N transactions in flight, reads never wait, and the writes queued
behind a slot commit together, each keeping its own answer or error."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from neo4j import AsyncDriver, AsyncManagedTransaction

from graph.batching.shared_writes import SharedWrites
from graph.database.cypher import Cypher
from graph.database.maintenance import delete_everything
from graph.errors import ConflictError
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
        """Each run's transaction (kept, so no two share an `id`): a write sent again after
        its batch failed runs again."""

    async def __call__(self, tx: AsyncManagedTransaction) -> str:
        self.transactions.append(tx)
        result = await tx.run("CREATE (t:Topic {id: $id}) RETURN t.id AS id", id=self.ident)
        record = await result.single(strict=True)
        self.started.set()
        await self.release.wait()
        return str(record["id"])


class Worker:
    """One worker's shared writes, and a runner per request over them."""

    def __init__(self, driver: AsyncDriver, slots: int, most: int) -> None:
        self.driver = driver
        self.shared = SharedWrites(Cypher(driver, DATABASE).write_alone, slots=slots, most=most)

    def __call__(self) -> Cypher:
        return Cypher(self.driver, DATABASE, shared_writes=self.shared)


@pytest.fixture
async def workers(driver: AsyncDriver) -> Callable[..., Worker]:
    """Workers over an empty graph; `workers(slots, most)` is the same worker each time."""
    await delete_everything(Cypher(driver, DATABASE))
    made: dict[tuple[int, int], Worker] = {}

    def worker(slots: int, most: int = 8) -> Worker:
        return made.setdefault((slots, most), Worker(driver, slots, most))

    return worker


@pytest.fixture
def runners(workers: Callable[..., Worker]) -> Callable[[int], Cypher]:
    """Runners of a worker with `count` slots, as its requests have."""
    return lambda count: workers(count)()


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
    held = hold("held")
    holder = asyncio.create_task(runners(1).write_transaction(held))
    assert await started_within(held.started, PATIENCE)
    statement = asyncio.create_task(runners(1).write("CREATE (:Topic {id: 'statement'})"))
    await asyncio.sleep(SETTLE)
    assert not statement.done()
    held.release.set()
    await asyncio.wait_for(asyncio.gather(holder, statement), PATIENCE)
    assert await topic_ids(runners(1)) == ["held", "statement"]


async def test_reads_do_not_wait_for_a_slot(
    runners: Callable[[int], Cypher], hold: Callable[[str], HeldWrite]
) -> None:
    held = hold("held")
    holder = asyncio.create_task(runners(1).write_transaction(held))
    assert await started_within(held.started, PATIENCE)
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


def released(*idents: str) -> list[HeldWrite]:
    writes = [HeldWrite(ident) for ident in idents]
    for write in writes:
        write.release.set()
    return writes


async def behind_a_held_write(
    worker: Worker, hold: Callable[[str], HeldWrite], writes: list[Any]
) -> tuple[HeldWrite, list[Any]]:
    """Run `writes` queued behind a write holding the worker's one slot, then release it."""
    held = hold("held")
    holder = asyncio.create_task(worker().write_transaction(held))
    assert await started_within(held.started, PATIENCE)
    queued = [asyncio.create_task(worker().write_transaction(write)) for write in writes]
    await asyncio.sleep(SETTLE)
    assert not any(task.done() for task in queued)
    held.release.set()
    answers = await asyncio.wait_for(
        asyncio.gather(holder, *queued, return_exceptions=True), PATIENCE
    )
    return held, answers[1:]


async def test_writes_queued_behind_a_slot_commit_in_one_transaction(
    workers: Callable[..., Worker], hold: Callable[[str], HeldWrite]
) -> None:
    worker = workers(1)
    writes = released("a", "b", "c")
    held, answers = await behind_a_held_write(worker, hold, writes)
    assert answers == ["a", "b", "c"]
    shared = {id(write.transactions[0]) for write in writes}
    assert len(shared) == 1
    assert shared != {id(held.transactions[0])}
    assert worker.shared.transactions == 2
    assert await topic_ids(worker()) == ["a", "b", "c", "held"]


async def test_a_transaction_commits_at_most_so_many_writes(
    workers: Callable[..., Worker], hold: Callable[[str], HeldWrite]
) -> None:
    worker = workers(1, most=2)
    writes = released("a", "b", "c", "d", "e")
    _, answers = await behind_a_held_write(worker, hold, writes)
    assert answers == ["a", "b", "c", "d", "e"]
    groups = [id(write.transactions[0]) for write in writes]
    assert [groups.count(ident) for ident in dict.fromkeys(groups)] == [2, 2, 1]
    assert worker.shared.transactions == 4


async def test_a_failing_write_takes_none_of_the_others_with_it(
    workers: Callable[..., Worker], hold: Callable[[str], HeldWrite]
) -> None:
    async def failing(tx: AsyncManagedTransaction) -> None:
        await tx.run("CREATE (:Topic {id: 'rolled-back'})")
        raise ValueError("refused")

    worker = workers(1)
    before, after = released("before", "after")
    _, answers = await behind_a_held_write(worker, hold, [before, failing, after])
    assert answers[::2] == ["before", "after"]
    assert isinstance(answers[1], ValueError)
    assert str(answers[1]) == "refused"
    assert len(before.transactions) == 2  # with the failing write, then alone
    assert len(after.transactions) == 1  # the failing write stopped the batch before it
    assert after.transactions[0] not in before.transactions
    assert await topic_ids(worker()) == ["after", "before", "held"]


async def test_a_write_neo4j_refuses_is_answered_with_its_own_error(
    workers: Callable[..., Worker], hold: Callable[[str], HeldWrite]
) -> None:
    worker = workers(1)
    first, twice, other = released("twice", "twice", "other")
    _, answers = await behind_a_held_write(worker, hold, [first, twice, other])
    assert answers[::2] == ["twice", "other"]
    assert isinstance(answers[1], ConflictError)
    assert await topic_ids(worker()) == ["held", "other", "twice"]


async def test_a_write_whose_caller_left_before_its_turn_is_not_run(
    workers: Callable[..., Worker], hold: Callable[[str], HeldWrite]
) -> None:
    worker = workers(1)
    held = hold("held")
    holder = asyncio.create_task(worker().write_transaction(held))
    assert await started_within(held.started, PATIENCE)
    (left,) = released("left")
    leaving = asyncio.create_task(worker().write_transaction(left))
    (stayed,) = released("stayed")
    staying = asyncio.create_task(worker().write_transaction(stayed))
    await asyncio.sleep(SETTLE)
    leaving.cancel()
    held.release.set()
    assert await asyncio.wait_for(staying, PATIENCE) == "stayed"
    await asyncio.wait_for(holder, PATIENCE)
    assert left.transactions == []
    assert await topic_ids(worker()) == ["held", "stayed"]


async def test_writes_whose_callers_left_leave_none_of_the_queue_behind(
    workers: Callable[..., Worker], hold: Callable[[str], HeldWrite]
) -> None:
    worker = workers(1, most=2)
    held = hold("held")
    holder = asyncio.create_task(worker().write_transaction(held))
    assert await started_within(held.started, PATIENCE)
    writes = released("left-1", "left-2", "stayed")
    tasks = [asyncio.create_task(worker().write_transaction(write)) for write in writes]
    await asyncio.sleep(SETTLE)
    for task in tasks[:2]:
        task.cancel()
    held.release.set()
    assert await asyncio.wait_for(tasks[2], PATIENCE) == "stayed"
    await asyncio.wait_for(holder, PATIENCE)
    assert await topic_ids(worker()) == ["held", "stayed"]
