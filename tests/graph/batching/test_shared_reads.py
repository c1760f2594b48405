"""Concurrent requests' reads of one text share a statement, each keeping its own answer."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, LiteralString

import pytest
from neo4j import AsyncDriver

from graph.batching.batch_form import PARAMETER
from graph.batching.read_batch import Row
from graph.batching.shared_reads import MAX_SHARED, SharedReads
from graph.database.cypher import Cypher
from graph.errors import GraphError
from tests.conftest import DATABASE
from tests.graph.batching.test_read_batch import BY_ID, FAILING, NO_SUBQUERY, TOPICS, together

FIRST_IDS = "MATCH (t:Topic) WHERE t.id >= $from RETURN t.id AS id ORDER BY id LIMIT $first"


@dataclass
class Sent:
    """Runs each statement on Neo4j alone and keeps what went: texts and batch sizes."""

    runner: Cypher
    texts: list[str] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)

    async def __call__(
        self, query: LiteralString, parameters: Mapping[str, Any] | None
    ) -> tuple[tuple[str, ...], list[Row]]:
        self.texts.append(query)
        self.sizes.append(len((parameters or {}).get(PARAMETER, [None])))
        return await self.runner.read_columns_alone(query, parameters)

    def clear(self) -> None:
        self.texts.clear()
        self.sizes.clear()


@pytest.fixture
async def sent(cypher: Cypher) -> Sent:
    await cypher.write(TOPICS, {"ids": ["a", "b", "c"]})
    return Sent(cypher)


def requests(driver: AsyncDriver, shared: SharedReads, count: int) -> list[Cypher]:
    return [Cypher(driver, DATABASE, shared_reads=shared) for _ in range(count)]


async def concurrently(
    readers: list[Cypher], query: LiteralString, reads: list[dict[str, Any]]
) -> list[Any]:
    return await asyncio.gather(
        *(reader.read_maps(query, read) for reader, read in zip(readers, reads, strict=True)),
        return_exceptions=True,
    )


async def after_one_read(
    driver: AsyncDriver, sent: Sent, count: int, *, most: int = MAX_SHARED
) -> list[Cypher]:
    """`count` requests of one worker whose shared reads have seen `BY_ID` answered once."""
    readers = requests(driver, SharedReads(sent, most=most), count)
    await readers[0].read_maps(BY_ID, {"id": "a"})
    sent.clear()
    return readers


def by_id(*idents: str) -> list[dict[str, Any]]:
    return [{"id": ident} for ident in idents]


def topic(ident: str) -> list[Row]:
    return [{"topic": {"id": ident, "name": f"Topic {ident}"}}]


async def test_the_first_read_of_a_text_goes_alone_then_reads_share_one_statement(
    driver: AsyncDriver, sent: Sent
) -> None:
    shared = SharedReads(sent)
    first, *readers = requests(driver, shared, 5)
    assert await first.read_maps(BY_ID, {"id": "a"}) == topic("a")
    assert sent.texts == [BY_ID]
    sent.clear()

    answers = await concurrently(readers, BY_ID, by_id("c", "a", "b", "c"))

    assert answers == [topic("c"), topic("a"), topic("b"), topic("c")]
    assert sent.sizes == [4]
    assert sent.texts[0].startswith(f"UNWIND ${PARAMETER}")
    assert [reader.round_trips for reader in readers] == [1, 1, 1, 1]


async def each_answered_by_id(driver: AsyncDriver, sent: Sent, idents: str, most: int) -> None:
    """Concurrent reads of topics `idents` (a reader each, `most` to a statement) each get
    their own topic; what was sent is left in `sent`."""
    readers = await after_one_read(driver, sent, len(idents), most=most)
    answers = await concurrently(readers, BY_ID, by_id(*idents))
    assert answers == [topic(ident) for ident in idents]


async def test_a_statement_takes_at_most_its_share_of_the_waiting_reads(
    driver: AsyncDriver, sent: Sent
) -> None:
    await each_answered_by_id(driver, sent, "abcabca", most=3)

    assert sent.sizes == [3, 3, 1]
    assert len(set(sent.texts)) == 1  # one text, one plan, whatever the size


async def test_reads_share_a_statement_only_when_their_limits_agree(
    driver: AsyncDriver, sent: Sent
) -> None:
    shared = SharedReads(sent)
    readers = requests(driver, shared, 4)
    await readers[0].read_maps(FIRST_IDS, {"from": "a", "first": 1})
    sent.clear()

    reads = [{"from": "a", "first": 2}, {"from": "b", "first": 1}, {"from": "b", "first": 2}]
    answers = await concurrently(readers[:3], FIRST_IDS, reads)

    assert answers == [[{"id": "a"}, {"id": "b"}], [{"id": "b"}], [{"id": "b"}, {"id": "c"}]]
    assert sorted(sent.sizes) == [1, 2]


async def test_a_failing_read_fails_alone_and_the_others_still_answer(
    driver: AsyncDriver, sent: Sent
) -> None:
    shared = SharedReads(sent)
    readers = requests(driver, shared, 4)
    await readers[0].read_maps(FAILING, {"values": [5]})

    answers = await concurrently(readers, FAILING, [{"values": [v]} for v in (2, 0, 5, 10)])

    assert isinstance(answers[1], GraphError)
    assert [answers[0], answers[2], answers[3]] == [
        [{"share": 5}],
        [{"share": 2}],
        [{"share": 1}],
    ]
    sent.clear()
    answers = await concurrently(readers[:2], FAILING, [{"values": [1]}, {"values": [2]}])
    assert answers == [[{"share": 10}], [{"share": 5}]]
    assert sent.sizes == [2]  # still shared


async def test_a_text_neo4j_refuses_in_batch_form_is_sent_alone_from_then_on(
    driver: AsyncDriver, sent: Sent
) -> None:
    shared = SharedReads(sent)
    readers = requests(driver, shared, 2)
    await readers[0].read_maps(NO_SUBQUERY, {"name": "none"})
    reads = [{"name": "none"}, {"name": "other"}]
    assert await concurrently(readers, NO_SUBQUERY, reads) == [[], []]
    sent.clear()

    assert await concurrently(readers, NO_SUBQUERY, reads) == [[], []]

    assert sent.texts == [NO_SUBQUERY, NO_SUBQUERY]


async def test_at_most_one_read_per_statement_means_every_read_alone(
    driver: AsyncDriver, sent: Sent
) -> None:
    await each_answered_by_id(driver, sent, "abca", most=1)

    assert sent.texts == [BY_ID] * 4


# Texts of this test alone: graph/batching/read_batch.py remembers per process which texts combine.
PAGE_TOPIC = "MATCH (t:Topic {id: $id}) RETURN t {.id, .name} AS pageTopic"
PAGE_NAMES = "MATCH (t:Topic) WHERE t.id IN $ids RETURN t.id AS id, t.name AS pageName ORDER BY id"


async def test_pages_answered_in_one_statement_share_it_with_other_pages(
    driver: AsyncDriver, sent: Sent
) -> None:
    shared = SharedReads(sent)
    first, second = requests(driver, shared, 2)
    await first.read_maps(PAGE_TOPIC, {"id": "a"})
    await first.read_maps(PAGE_NAMES, {"ids": ["a"]})
    await together(first, (PAGE_TOPIC, {"id": "a"}), (PAGE_NAMES, {"ids": ["b"]}))
    sent.clear()

    answers = await asyncio.gather(
        together(first, (PAGE_TOPIC, {"id": "b"}), (PAGE_NAMES, {"ids": ["c"]})),
        together(second, (PAGE_TOPIC, {"id": "c"}), (PAGE_NAMES, {"ids": ["a", "b"]})),
    )

    assert list(answers) == [
        [[{"pageTopic": {"id": "b", "name": "Topic b"}}], [{"id": "c", "pageName": "Topic c"}]],
        [
            [{"pageTopic": {"id": "c", "name": "Topic c"}}],
            [{"id": "a", "pageName": "Topic a"}, {"id": "b", "pageName": "Topic b"}],
        ],
    ]
    assert sent.sizes == [2]
