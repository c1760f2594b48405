"""Reads started together inside `Cypher.reads_together()` share one statement."""

from __future__ import annotations

import asyncio

import pytest

from graph.database.cypher import Cypher
from graph.errors import GraphError

TOPICS = "UNWIND $ids AS id CREATE (:Topic {id: id, name: 'Topic ' + id})"
BY_ID = "MATCH (t:Topic {id: $id}) RETURN t {.id, .name} AS topic"
NAMES = "MATCH (t:Topic) WHERE t.id IN $ids RETURN t.id AS id, t.name AS name ORDER BY id"
FAILING = "UNWIND $values AS v RETURN 10 / v AS share"
NO_SUBQUERY = "SHOW INDEXES YIELD name WHERE name = $name RETURN name"
"""Valid alone, refused inside `CALL () { ... }`: SHOW commands are not subqueries."""


@pytest.fixture
async def topics(cypher: Cypher) -> Cypher:
    await cypher.write(TOPICS, {"ids": ["a", "b", "c"]})
    cypher.round_trips = 0
    return cypher


async def together(cypher: Cypher, *reads: tuple[str, dict[str, object]]) -> list[object]:
    with cypher.reads_together():
        return await asyncio.gather(
            *(cypher.read_maps(query, parameters) for query, parameters in reads),
            return_exceptions=True,
        )


async def test_known_reads_share_one_round_trip_and_answer_as_alone(topics: Cypher) -> None:
    alone = [
        await topics.read_maps(BY_ID, {"id": "b"}),
        await topics.read_maps(NAMES, {"ids": ["c", "a"]}),
    ]
    topics.round_trips = 0

    answers = await together(topics, (BY_ID, {"id": "b"}), (NAMES, {"ids": ["c", "a"]}))

    assert topics.round_trips == 1
    assert answers == alone
    assert answers[1] == [{"id": "a", "name": "Topic a"}, {"id": "c", "name": "Topic c"}]


async def test_the_same_text_twice_keeps_each_reads_parameters(topics: Cypher) -> None:
    await topics.read_maps(BY_ID, {"id": "a"})
    topics.round_trips = 0

    first, second = await together(topics, (BY_ID, {"id": "a"}), (BY_ID, {"id": "c"}))

    assert topics.round_trips == 1
    assert first == [{"topic": {"id": "a", "name": "Topic a"}}]
    assert second == [{"topic": {"id": "c", "name": "Topic c"}}]


async def test_a_read_never_seen_runs_alone_the_first_time(topics: Cypher) -> None:
    unseen = "MATCH (t:Topic {id: $id}) RETURN t.name AS first_time_name"
    answers = await together(topics, (unseen, {"id": "a"}), (NAMES, {"ids": ["b"]}))

    assert topics.round_trips == 2
    assert answers == [[{"first_time_name": "Topic a"}], [{"id": "b", "name": "Topic b"}]]
    topics.round_trips = 0
    assert await together(topics, (unseen, {"id": "a"}), (NAMES, {"ids": ["b"]})) == answers
    assert topics.round_trips == 1


async def test_a_failing_read_fails_alone_and_the_others_still_answer(topics: Cypher) -> None:
    await topics.read_maps(FAILING, {"values": [5]})
    await topics.read_maps(NAMES, {"ids": ["a"]})

    failed, names = await together(topics, (FAILING, {"values": [0]}), (NAMES, {"ids": ["a"]}))

    assert isinstance(failed, GraphError)
    assert names == [{"id": "a", "name": "Topic a"}]


async def test_a_text_neo4j_refuses_in_a_subquery_is_sent_alone_from_then_on(
    topics: Cypher,
) -> None:
    await topics.read_maps(NO_SUBQUERY, {"name": "none"})
    await topics.read_maps(NAMES, {"ids": ["a"]})
    first = await together(topics, (NO_SUBQUERY, {"name": "none"}), (NAMES, {"ids": ["a"]}))
    topics.round_trips = 0

    again = await together(topics, (NO_SUBQUERY, {"name": "none"}), (NAMES, {"ids": ["a"]}))

    assert first == again == [[], [{"id": "a", "name": "Topic a"}]]
    assert topics.round_trips == 2
