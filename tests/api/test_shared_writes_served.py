"""`NEO4J_MAX_CONCURRENT_WRITES` and `NEO4J_SHARED_WRITES` reach the mutations a worker serves."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx

from api.app import create_app
from api.context import request_cypher
from graph.database.cypher import Cypher
from tests.api.test_auth import hs256, settings_for
from tests.graph.batching.test_shared_writes import (
    PATIENCE,
    SETTLE,
    HeldWrite,
    hold,
    started_within,
    topic_ids,
)
from tests.neo4j_server import Neo4jServer

__all__ = ["hold"]


def create_topic(ident: str) -> str:
    name = f'[{{lang: "en", text: "{ident}"}}]'
    return (
        f'mutation {{ createTopic(input: {{id: "{ident}", name: {name}}})'
        " { userErrors { code field } topic { slug } } }"
    )


AUDITED_TOPICS = "{ auditLog(first: 20) { operation label entity mutation actor } }"


async def mutations_behind_a_held_write(
    neo4j_server: Neo4jServer, hold: Callable[[str], HeldWrite], idents: list[str], **settings: Any
) -> tuple[list[dict[str, Any]], int, list[dict[str, Any]]]:
    """The answers of `createTopic` mutations queued in one worker behind a held write, the
    worker's committed write transactions, and the audit log after."""
    app = create_app(settings_for(neo4j_server, neo4j_max_concurrent_writes=1, **settings))
    headers = {"authorization": f"Bearer {hs256()}"}
    async with app.router.lifespan_context(app):
        held = hold("held")
        holder = asyncio.create_task(request_cypher(app.state).write_transaction(held))
        assert await started_within(held.started, PATIENCE)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            posted = [
                asyncio.create_task(
                    client.post("/graphql", json={"query": create_topic(i)}, headers=headers)
                )
                for i in idents
            ]
            await asyncio.sleep(SETTLE)
            assert not any(task.done() for task in posted)
            held.release.set()
            responses = await asyncio.wait_for(asyncio.gather(*posted), PATIENCE)
            await asyncio.wait_for(holder, PATIENCE)
            audit = await client.post("/graphql", json={"query": AUDITED_TOPICS}, headers=headers)
        transactions = app.state.shared_writes.transactions
    answers = [response.json()["data"]["createTopic"] for response in responses]
    return answers, transactions, audit.json()["data"]["auditLog"]


async def test_a_mutation_waits_while_the_workers_one_slot_is_taken(
    neo4j_server: Neo4jServer, cypher: Cypher, hold: Callable[[str], HeldWrite]
) -> None:
    answers, transactions, _ = await mutations_behind_a_held_write(neo4j_server, hold, ["queued"])
    assert answers == [{"userErrors": [], "topic": {"slug": "queued"}}]
    assert transactions == 2
    assert await topic_ids(cypher) == ["held", "queued"]


async def test_mutations_queued_in_a_worker_commit_together_each_audited(
    neo4j_server: Neo4jServer, cypher: Cypher, hold: Callable[[str], HeldWrite]
) -> None:
    idents = ["queued-a", "queued-b", "queued-c"]
    answers, transactions, audit = await mutations_behind_a_held_write(neo4j_server, hold, idents)
    assert answers == [{"userErrors": [], "topic": {"slug": ident}} for ident in idents]
    assert transactions == 2  # the held write's, then the three mutations' one
    assert sorted((e["operation"], e["entity"], e["mutation"]) for e in audit) == [
        ("create", ident, "createTopic") for ident in idents
    ]
    assert await topic_ids(cypher) == ["held", *idents]


async def test_one_workers_mutation_failing_leaves_those_committed_with_it_unharmed(
    neo4j_server: Neo4jServer, cypher: Cypher, hold: Callable[[str], HeldWrite]
) -> None:
    idents = ["queued-a", "held", "queued-c"]
    answers, _, audit = await mutations_behind_a_held_write(neo4j_server, hold, idents)
    assert answers[0] == {"userErrors": [], "topic": {"slug": "queued-a"}}
    assert answers[1] == {"userErrors": [{"code": "CONFLICT", "field": "id"}], "topic": None}
    assert answers[2] == {"userErrors": [], "topic": {"slug": "queued-c"}}
    assert sorted(e["entity"] for e in audit) == ["queued-a", "queued-c"]
    assert await topic_ids(cypher) == ["held", "queued-a", "queued-c"]


async def test_shared_writes_of_one_send_each_mutation_in_its_own_transaction(
    neo4j_server: Neo4jServer, cypher: Cypher, hold: Callable[[str], HeldWrite]
) -> None:
    idents = ["queued-a", "queued-b", "queued-c"]
    answers, transactions, _ = await mutations_behind_a_held_write(
        neo4j_server, hold, idents, neo4j_shared_writes=1
    )
    assert [answer["userErrors"] for answer in answers] == [[], [], []]
    assert transactions == 4
    assert await topic_ids(cypher) == ["held", *idents]
