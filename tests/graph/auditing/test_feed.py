"""The audit log's sequence and the live-update poller, against the real Neo4j.

The outage is real too: the poller reaches Neo4j through a TCP relay that the test cuts
(every connection dropped, new ones refused) and restores, while writes go on directly.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import pytest
from neo4j import AsyncDriver

from graph.auditing.changes import entity_changes
from graph.auditing.feed import (
    FRESH_PENDING,
    AuditFeed,
    FeedOverflowError,
    Follower,
    TooManyFollowersError,
)
from graph.auditing.sequence import (
    LOCK_COUNTER,
    NUMBER_PENDING,
    NumberedEntry,
    entries_after,
    log_head,
    number_pending,
)
from graph.auditing.trail import Change, record_changes
from graph.database.cypher import Cypher
from graph.database.driver import open_driver
from graph.model import Label
from graph.writes.principal import Principal, Role
from tests.conftest import DATABASE
from tests.neo4j_server import Neo4jServer
from tests.ports import free_port

EDITOR = Principal(role=Role.EDITOR, subject="feed-tests", via="jwt")


async def audited(cypher: Cypher, *changes: Change) -> None:
    """Commit `changes`' entries in one transaction, as a mutation would."""

    async def work(tx: object) -> None:
        await record_changes(
            tx,  # type: ignore[arg-type]
            changes,
            principal=EDITOR,
            at=datetime.now(UTC),
            mutation="test",
            source="account:feed-tests",
        )

    await cypher.write_transaction(work)


def update(entity: str, note: str) -> Change:
    return Change("update", "Expert", entity, before={"note": "old"}, after={"note": note})


async def test_concurrent_numberings_give_each_entry_one_number_in_an_unbroken_run(
    cypher: Cypher, driver: AsyncDriver
) -> None:
    await asyncio.gather(
        *(audited(cypher, update(f"e{n}", "x"), update("f", "y")) for n in range(30))
    )
    workers = [Cypher(driver, DATABASE) for _ in range(4)]
    await asyncio.gather(*(number_pending(worker, most=7) for worker in workers * 4))
    while (await log_head(cypher)).pending:
        await number_pending(cypher)
    numbered = await entries_after(cypher, 0, 500)
    assert [n.sequence for n in numbered] == list(range(1, 61))
    assert (await log_head(cypher)).last == 60
    # One transaction's entries stay together, in their order.
    for position, numbered_entry in enumerate(numbered):
        if numbered_entry.entry.entity.startswith("e"):
            follower = numbered[position + 1].entry
            assert (follower.entity, follower.at) == ("f", numbered_entry.entry.at)


BLOCKED = """SHOW TRANSACTIONS YIELD status, currentQuery
WHERE status STARTS WITH 'Blocked' AND currentQuery CONTAINS 'AuditSequence' RETURN count(*) AS n"""


async def test_a_numbering_queued_for_the_counter_is_not_taken_for_a_deadlock(
    cypher: Cypher, driver: AsyncDriver
) -> None:
    """One numbering holds the counter while a second waits for it; the first then numbers
    and commits, and the second goes on. Neither is retried here, so a `DeadlockDetected`
    (what writing the counter from itself, `c.next = c.next + n`, caused) fails the test."""
    await audited(cypher, update("a", "x"), update("b", "x"))
    await number_pending(cypher, most=1)
    async with (
        driver.session(database=DATABASE) as first_session,
        driver.session(database=DATABASE) as second_session,
    ):
        first = await first_session.begin_transaction()
        locked = await (await first.run(LOCK_COUNTER)).single(strict=True)
        second = await second_session.begin_transaction()

        async def queued() -> Any:
            return (await (await second.run(LOCK_COUNTER)).single(strict=True))["next"]

        waiting = asyncio.create_task(queued())
        while not (await cypher.read(BLOCKED))[0]["n"]:  # bounded: the second waits for the lock
            assert not waiting.done(), "the second numbering did not wait for the first"
            await asyncio.sleep(0.05)
        numbered = await first.run(NUMBER_PENDING, next=locked["next"], most=5)
        assert (await numbered.single(strict=True))["numbered"] == 1
        await first.commit()
        assert await waiting == 3
        await second.rollback()
    assert [n.sequence for n in await entries_after(cypher, 0, 10)] == [1, 2]


async def test_a_link_is_a_change_of_both_ends(cypher: Cypher) -> None:
    await cypher.write("CREATE (:Expert {id: 'ana'}), (:Agency {id: 'iom'})")
    link = Change(
        "link", "Expert", "ana", after={"role": "trainer"}, rel_type="WORKS_FOR", target="iom"
    )
    await audited(cypher, link)
    await number_pending(cypher)
    [numbered] = await entries_after(cypher, 0, 10)
    assert numbered.target_label is Label.AGENCY
    ends = {
        (c.label, c.entity, c.link.outgoing if c.link else None) for c in entity_changes(numbered)
    }
    assert ends == {(Label.EXPERT, "ana", True), (Label.AGENCY, "iom", False)}


async def next_entry(follower: Follower) -> NumberedEntry:
    return await asyncio.wait_for(anext(aiter(follower.entries())), timeout=60)


async def test_one_poll_serves_every_follower_and_only_what_came_after_they_joined(
    cypher: Cypher, driver: AsyncDriver
) -> None:
    await audited(cypher, update("before", "x"))
    await number_pending(cypher)
    feed = AuditFeed(Cypher(driver, DATABASE), interval=0.05)
    try:
        first, second = await feed.join(), await feed.join()
        assert feed.open_subscriptions == 2
        await audited(cypher, update("after", "x"))
        for follower in (first, second):
            assert (await next_entry(follower)).entry.entity == "after"
        feed.leave(first)
        feed.leave(second)
        assert feed.open_subscriptions == 0
    finally:
        await feed.close()


class Relay:
    """A TCP relay to Neo4j that can be cut (connections dropped, new ones refused)."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self.server: asyncio.Server | None = None
        self.links: set[asyncio.StreamWriter] = set()

    async def up(self) -> None:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def cut(self) -> None:
        assert self.server is not None
        self.server.close()
        for writer in tuple(self.links):
            writer.close()
        await self.server.wait_closed()
        self.links.clear()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        self.links |= {writer, upstream_writer}

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, asyncio.IncompleteReadError):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            sink.close()

        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))


@pytest.fixture
async def relay(neo4j_server: Neo4jServer) -> AsyncIterator[Relay]:
    parts = urlsplit(neo4j_server.uri)
    relay = Relay((parts.hostname or "127.0.0.1", parts.port or 7687))
    await relay.up()
    yield relay
    if relay.server is not None and relay.server.is_serving():
        await relay.cut()


async def test_an_outage_pauses_the_stream_and_loses_nothing(
    cypher: Cypher, neo4j_server: Neo4jServer, relay: Relay
) -> None:
    through_relay = open_driver(
        f"bolt://127.0.0.1:{relay.port}", neo4j_server.user, neo4j_server.password
    )
    feed = AuditFeed(Cypher(through_relay, DATABASE), interval=0.05)
    try:
        follower = await feed.join()
        await audited(cypher, update("one", "x"))
        assert (await next_entry(follower)).entry.entity == "one"

        await relay.cut()
        for name in ("two", "three", "four"):
            await audited(cypher, update(name, "x"))  # Neo4j itself is up: writes go on
        await asyncio.sleep(1)
        assert follower.queue.empty()  # nothing can arrive while the poller is cut off

        await relay.up()
        received = [(await next_entry(follower)).entry.entity for _ in range(3)]
        assert received == ["two", "three", "four"]
    finally:
        await feed.close()
        await through_relay.close()


async def test_a_worker_serves_at_most_its_limit_and_a_lagging_follower_is_cut_off(
    cypher: Cypher, driver: AsyncDriver
) -> None:
    feed = AuditFeed(Cypher(driver, DATABASE), interval=0.05, max_followers=1, backlog=3)
    try:
        lagging = await feed.join()
        with pytest.raises(TooManyFollowersError):
            await feed.join()
        for n in range(5):
            await audited(cypher, update(f"burst{n}", "x"))
        for _ in range(600):  # bounded: the poller delivers well within a minute
            if lagging.overflowed:
                break
            await asyncio.sleep(0.1)
        entries = lagging.entries()
        assert (await asyncio.wait_for(anext(entries), 60)).entry.entity == "burst0"
        assert (await asyncio.wait_for(anext(entries), 60)).entry.entity == "burst1"
        with pytest.raises(FeedOverflowError):
            await asyncio.wait_for(anext(entries), 60)
        feed.leave(lagging)
        await feed.join()  # the place it held is free again
    finally:
        await feed.close()


async def test_a_backlog_left_while_nobody_followed_counts_as_past(
    cypher: Cypher, driver: AsyncDriver
) -> None:
    await audited(cypher, *(update(f"old{n}", "x") for n in range(FRESH_PENDING + 20)))
    feed = AuditFeed(Cypher(driver, DATABASE), interval=0.05)
    try:
        follower = await feed.join()
        assert feed.position == FRESH_PENDING + 20
        await audited(cypher, update("new", "x"))
        assert (await next_entry(follower)).entry.entity == "new"
    finally:
        await feed.close()
