"""`NEO4J_MAX_CONCURRENT_WRITES` reaches the mutations a worker serves: they queue behind its
slot, each then runs in a transaction of its own with its own audit entries and answer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx

from api.app import create_app
from api.context import request_cypher
from graph.database.cypher import Cypher
from tests.api.test_auth import hs256, settings_for
from tests.graph.database.test_write_slots import (
    PATIENCE,
    SETTLE,
    HeldWrite,
    hold,
    holding_the_slot,
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
    neo4j_server: Neo4jServer, hold: Callable[[str], HeldWrite], idents: list[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The answers of `createTopic` mutations queued in one worker behind a held write, and
    the audit log after."""
    app = create_app(settings_for(neo4j_server, neo4j_max_concurrent_writes=1))
    headers = {"authorization": f"Bearer {hs256()}"}
    async with app.router.lifespan_context(app):
        held, holder = await holding_the_slot(request_cypher(app.state), hold)
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
    answers = [response.json()["data"]["createTopic"] for response in responses]
    return answers, audit.json()["data"]["auditLog"]


async def test_a_mutation_waits_while_the_workers_one_slot_is_taken(
    neo4j_server: Neo4jServer, cypher: Cypher, hold: Callable[[str], HeldWrite]
) -> None:
    answers, _ = await mutations_behind_a_held_write(neo4j_server, hold, ["queued"])
    assert answers == [{"userErrors": [], "topic": {"slug": "queued"}}]
    assert await topic_ids(cypher) == ["held", "queued"]


async def test_mutations_queued_in_a_worker_each_land_audited(
    neo4j_server: Neo4jServer, cypher: Cypher, hold: Callable[[str], HeldWrite]
) -> None:
    idents = ["queued-a", "queued-b", "queued-c"]
    answers, audit = await mutations_behind_a_held_write(neo4j_server, hold, idents)
    assert answers == [{"userErrors": [], "topic": {"slug": ident}} for ident in idents]
    assert sorted((e["operation"], e["entity"], e["mutation"]) for e in audit) == [
        ("create", ident, "createTopic") for ident in idents
    ]
    assert await topic_ids(cypher) == ["held", *idents]


async def test_one_queued_mutation_failing_leaves_the_others_unharmed(
    neo4j_server: Neo4jServer, cypher: Cypher, hold: Callable[[str], HeldWrite]
) -> None:
    idents = ["queued-a", "held", "queued-c"]
    answers, audit = await mutations_behind_a_held_write(neo4j_server, hold, idents)
    assert answers[0] == {"userErrors": [], "topic": {"slug": "queued-a"}}
    assert answers[1] == {"userErrors": [{"code": "CONFLICT", "field": "id"}], "topic": None}
    assert answers[2] == {"userErrors": [], "topic": {"slug": "queued-c"}}
    assert sorted(e["entity"] for e in audit) == ["queued-a", "queued-c"]
    assert await topic_ids(cypher) == ["held", "queued-a", "queued-c"]
