"""Concurrent requests' reads of one text share a statement, each keeping its own answer."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, LiteralString

import pytest
from neo4j import AsyncDriver

from graph.cypher import Cypher
from graph.errors import GraphError
from graph.read_batch import Row, SharedReads
from tests.conftest import DATABASE
from tests.graph.test_read_batch import BY_ID, FAILING, TOPICS


@dataclass
class Sent:
    """Runs each statement on Neo4j alone and keeps its text: how many went, combined or not."""

    runner: Cypher
    texts: list[str] = field(default_factory=list)

    async def __call__(
        self, query: LiteralString, parameters: Mapping[str, Any] | None
    ) -> tuple[tuple[str, ...], list[Row]]:
        self.texts.append(query)
        return await self.runner.read_columns_alone(query, parameters)

    def combined(self) -> int:
        return sum(text not in (BY_ID, FAILING) for text in self.texts)


@pytest.fixture
async def sent(cypher: Cypher) -> Sent:
    await cypher.write(TOPICS, {"ids": ["a", "b", "c"]})
    return Sent(cypher)


def requests(driver: AsyncDriver, shared: SharedReads, count: int) -> list[Cypher]:
    return [Cypher(driver, DATABASE, shared_reads=shared) for _ in range(count)]


async def concurrently(readers: list[Cypher], query: LiteralString, values: list[Any]) -> list[Any]:
    key = "id" if query == BY_ID else "values"
    return await asyncio.gather(
        *(
            reader.read_maps(query, {key: value})
            for reader, value in zip(readers, values, strict=True)
        ),
        return_exceptions=True,
    )


def topic(ident: str) -> list[Row]:
    return [{"topic": {"id": ident, "name": f"Topic {ident}"}}]


async def test_four_requests_reading_one_text_send_one_statement(
    driver: AsyncDriver, sent: Sent
) -> None:
    shared = SharedReads(sent)
    first, *readers = requests(driver, shared, 5)
    assert await first.read_maps(BY_ID, {"id": "a"}) == topic("a")
    sent.texts.clear()

    answers = await concurrently(readers, BY_ID, ["c", "a", "b", "c"])

    assert answers == [topic("c"), topic("a"), topic("b"), topic("c")]
    assert len(sent.texts) == 1
    assert [reader.round_trips for reader in readers] == [1, 1, 1, 1]


async def test_statements_take_a_power_of_two_of_the_waiting_reads(
    driver: AsyncDriver, sent: Sent
) -> None:
    shared = SharedReads(sent)
    readers = requests(driver, shared, 7)
    await readers[0].read_maps(BY_ID, {"id": "a"})
    sent.texts.clear()

    answers = await concurrently(readers, BY_ID, ["a", "b", "c", "a", "b", "c", "a"])

    assert answers == [topic(ident) for ident in "abcabca"]
    assert sent.combined() == 2  # four and two
    assert len(sent.texts) == 3  # and one alone


async def test_a_size_is_tried_by_one_statement_until_neo4j_answered_it(
    driver: AsyncDriver, sent: Sent
) -> None:
    shared = SharedReads(sent, most=2)
    readers = requests(driver, shared, 4)
    await readers[0].read_maps(BY_ID, {"id": "a"})
    sent.texts.clear()

    answers = await concurrently(readers, BY_ID, ["a", "b", "c", "a"])

    assert answers == [topic(ident) for ident in "abca"]
    assert (sent.combined(), len(sent.texts)) == (1, 3)  # the second pair went alone
    sent.texts.clear()
    assert await concurrently(readers[:2], BY_ID, ["b", "c"]) == [topic("b"), topic("c")]
    assert (sent.combined(), len(sent.texts)) == (1, 1)


async def test_a_failing_read_fails_alone_and_the_others_still_answer(
    driver: AsyncDriver, sent: Sent
) -> None:
    shared = SharedReads(sent)
    readers = requests(driver, shared, 4)
    await readers[0].read_maps(FAILING, {"values": [5]})

    answers = await concurrently(readers, FAILING, [[2], [0], [5], [10]])

    assert isinstance(answers[1], GraphError)
    assert [answers[0], answers[2], answers[3]] == [
        [{"share": 5}],
        [{"share": 2}],
        [{"share": 1}],
    ]
    sent.texts.clear()
    assert await concurrently(readers[:2], FAILING, [[1], [2]]) == [
        [{"share": 10}],
        [{"share": 5}],
    ]
    assert (sent.combined(), len(sent.texts)) == (1, 1)


async def test_at_most_one_read_per_statement_means_every_read_alone(
    driver: AsyncDriver, sent: Sent
) -> None:
    shared = SharedReads(sent, most=1)
    readers = requests(driver, shared, 4)
    await readers[0].read_maps(BY_ID, {"id": "a"})
    sent.texts.clear()

    answers = await concurrently(readers, BY_ID, ["a", "b", "c", "a"])

    assert answers == [topic(ident) for ident in "abca"]
    assert sent.texts == [BY_ID] * 4
