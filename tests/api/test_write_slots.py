"""`NEO4J_MAX_CONCURRENT_WRITES` reaches the mutations a worker serves."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx

from api.app import create_app
from api.context import request_cypher
from graph.cypher import Cypher
from tests.api.test_auth import hs256, settings_for
from tests.graph.test_write_slots import (
    PATIENCE,
    SETTLE,
    HeldWrite,
    hold,
    started_within,
    topic_ids,
)
from tests.neo4j_server import Neo4jServer

__all__ = ["hold"]

CREATE_TOPIC = """
mutation { createTopic(input: {id: "queued", name: [{lang: "en", text: "Queued"}]}) {
  userErrors { message } } }
"""


async def test_a_mutation_waits_while_the_workers_one_slot_is_taken(
    neo4j_server: Neo4jServer, cypher: Cypher, hold: Callable[[str], HeldWrite]
) -> None:
    app = create_app(settings_for(neo4j_server, neo4j_max_concurrent_writes=1))
    async with app.router.lifespan_context(app):
        held = hold("held")
        holder = asyncio.create_task(request_cypher(app.state).write_transaction(held))
        assert await started_within(held.started, PATIENCE)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            mutation = asyncio.create_task(
                client.post(
                    "/graphql",
                    json={"query": CREATE_TOPIC},
                    headers={"authorization": f"Bearer {hs256()}"},
                )
            )
            await asyncio.sleep(SETTLE)
            assert not mutation.done()
            held.release.set()
            response = await asyncio.wait_for(mutation, PATIENCE)
        await asyncio.wait_for(holder, PATIENCE)
    assert response.json()["data"]["createTopic"]["userErrors"] == []
    assert await topic_ids(cypher) == ["held", "queued"]
