"""A mutation sent again with its idempotency key lands once and answers the same."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr

from graph.auditing.trail import audit_log
from graph.database.cypher import Cypher
from tests.app_client import app_client, hub_settings
from tests.editors import SECRET, editor_headers
from tests.neo4j_server import Neo4jServer

CREATE = (
    'mutation($cmid: String) { createTopic(input: {id: "t1", clientMutationId: $cmid, '
    'name: [{lang: "en", text: "Borders"}]}) { topic { slug } userErrors { code } } }'
)
DELETE = 'mutation { a: deleteTopic(input: {id: "t1"}) { deletedId userErrors { code } } }'


@pytest.fixture
async def client(neo4j_server: Neo4jServer, cypher: Cypher) -> AsyncIterator[httpx.AsyncClient]:
    del cypher  # an empty graph
    settings = hub_settings(
        neo4j_server, hub_jwt_secret=SecretStr(SECRET), hub_rate_limit_per_minute=0
    )
    async with app_client(settings, editor_headers("ed")) as client:
        yield client


async def test_a_client_mutation_id_replays_the_answer(
    client: httpx.AsyncClient, cypher: Cypher
) -> None:
    body = {"query": CREATE, "variables": {"cmid": "create-t1"}}
    answers = [(await client.post("/graphql", json=body)).json() for _ in range(2)]
    assert answers[0] == answers[1]
    assert answers[0]["data"]["createTopic"] == {"topic": {"slug": "t1"}, "userErrors": []}
    assert [entry.operation for entry in await audit_log(cypher, entity="t1")] == ["create"]
    without = (await client.post("/graphql", json={"query": CREATE})).json()
    assert without["data"]["createTopic"]["userErrors"] == [{"code": "CONFLICT"}]


async def test_an_idempotency_key_header_replays_the_answer(
    client: httpx.AsyncClient, cypher: Cypher
) -> None:
    await client.post("/graphql", json={"query": CREATE})
    headers = {"Idempotency-Key": "delete-t1-once"}
    answers = [
        (await client.post("/graphql", json={"query": DELETE}, headers=headers)).json()
        for _ in range(2)
    ]
    assert answers[0] == answers[1]
    assert answers[0]["data"]["a"]["userErrors"] == []
    assert answers[0]["data"]["a"]["deletedId"]
    operations = [entry.operation for entry in await audit_log(cypher, entity="t1")]
    assert operations == ["delete", "create"]
    again = (await client.post("/graphql", json={"query": DELETE})).json()
    assert again["data"]["a"]["userErrors"] == [{"code": "NOT_FOUND"}]
