"""Concurrent GraphQL requests share statements and still get their own answers."""

from __future__ import annotations

import asyncio

import httpx

from api.app import create_app
from graph.database.cypher import Cypher
from graph.model import Label
from schema.ids import to_global_id
from tests.api.test_auth import settings_for
from tests.graph.batching.test_read_batch import TOPICS
from tests.neo4j_server import Neo4jServer

TOPIC = """
query Topic($id: ID!) { topics(where: {id: {eq: $id}}) { nodes { name { text } } } }
"""
IDS = ["a", "b", "c"] * 6


async def test_concurrent_requests_each_get_their_own_answer(
    neo4j_server: Neo4jServer, cypher: Cypher
) -> None:
    await cypher.write(TOPICS, {"ids": ["a", "b", "c"]})
    app = create_app(settings_for(neo4j_server))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            await client.post("/graphql", json=_asking_for("a"))
            responses = await asyncio.gather(
                *(client.post("/graphql", json=_asking_for(ident)) for ident in IDS)
            )
    answers = [response.json()["data"]["topics"]["nodes"] for response in responses]
    assert answers == [[{"name": {"text": f"Topic {ident}"}}] for ident in IDS]


def _asking_for(ident: str) -> dict[str, object]:
    return {"query": TOPIC, "variables": {"id": to_global_id(Label.TOPIC, ident)}}


def test_the_setting_reaches_the_workers_shared_reads(neo4j_server: Neo4jServer) -> None:
    async def most(value: int) -> int:
        app = create_app(settings_for(neo4j_server, neo4j_shared_reads=value))
        async with app.router.lifespan_context(app):
            return int(app.state.shared_reads.most)

    assert asyncio.run(most(1)) == 1
    assert asyncio.run(most(4)) == 4
