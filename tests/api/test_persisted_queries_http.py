"""Persisted queries: APQ registered in Neo4j (shared, survives a restart, bounded), trusted
documents only, and coded refusals for malformed `extensions`."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.settings import Settings
from graph.database.cypher import Cypher
from graph.database.persisted_queries import count_persisted_queries
from tests.app_client import app_client, hub_settings
from tests.neo4j_server import Neo4jServer

QUERY = "query Version { apiVersion }"
OTHER = "query Name { __typename }"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def persisted(text: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha(text)}}


def settings_for(server: Neo4jServer, **overrides: Any) -> Settings:
    return hub_settings(server, hub_rate_limit_per_minute=0, **overrides)


@pytest.fixture
async def client(neo4j_server: Neo4jServer, cypher: Cypher) -> AsyncIterator[httpx.AsyncClient]:
    del cypher  # an empty graph: no persisted queries left over
    async with app_client(settings_for(neo4j_server)) as client:
        yield client


def codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json().get("errors", [])]


def by_hash(text: str) -> dict[str, str]:
    return {"extensions": json.dumps(persisted(text))}


async def test_unknown_hash_then_registration_then_hash_alone_over_get(
    client: httpx.AsyncClient, cypher: Cypher
) -> None:
    unknown = await client.get("/graphql", params=by_hash(QUERY))
    assert unknown.status_code == 400
    assert unknown.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    assert codes(unknown) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert unknown.headers["cache-control"] == "no-store"
    registered = await client.post(
        "/graphql", json={"query": QUERY, "extensions": persisted(QUERY)}
    )
    assert registered.json() == {"data": {"apiVersion": registered.json()["data"]["apiVersion"]}}
    assert await count_persisted_queries(cypher) == 1
    again = await client.get("/graphql", params=by_hash(QUERY))
    assert again.status_code == 200
    assert again.json() == registered.json()
    by_post = await client.post("/graphql", json={"extensions": persisted(QUERY)})
    assert by_post.json() == registered.json()


async def test_the_store_is_shared_and_survives_a_restart(
    neo4j_server: Neo4jServer, cypher: Cypher
) -> None:
    del cypher
    settings = settings_for(neo4j_server)
    async with app_client(settings) as first:
        await first.post("/graphql", json={"query": QUERY, "extensions": persisted(QUERY)})
    async with app_client(settings) as second:  # another worker, or the same hub restarted
        answer = await second.get("/graphql", params=by_hash(QUERY))
        assert answer.status_code == 200
        assert "apiVersion" in answer.json()["data"]


async def test_the_store_keeps_the_most_recently_used(
    neo4j_server: Neo4jServer, cypher: Cypher
) -> None:
    queries = [f"query Q{n} {{ apiVersion }}" for n in range(4)]
    async with app_client(settings_for(neo4j_server, hub_persisted_queries_max=2)) as client:
        for text in queries:
            await client.post("/graphql", json={"query": text, "extensions": persisted(text)})
    assert await count_persisted_queries(cypher) == 2
    async with app_client(settings_for(neo4j_server, hub_persisted_queries_max=2)) as fresh:
        oldest = await fresh.get("/graphql", params=by_hash(queries[0]))
        newest = await fresh.get("/graphql", params=by_hash(queries[-1]))
        assert codes(oldest) == ["PERSISTED_QUERY_NOT_FOUND"]
        assert newest.status_code == 200


async def test_a_hash_that_is_not_the_query_s_is_bad_user_input(
    client: httpx.AsyncClient, cypher: Cypher
) -> None:
    response = await client.post("/graphql", json={"query": OTHER, "extensions": persisted(QUERY)})
    assert response.status_code == 400
    assert codes(response) == ["BAD_USER_INPUT"]
    assert await count_persisted_queries(cypher) == 0


@pytest.mark.parametrize(
    "extensions",
    [
        {"persistedQuery": "abc"},
        {"persistedQuery": {"version": 2, "sha256Hash": sha(QUERY)}},
        {"persistedQuery": {"version": 1, "sha256Hash": "not-a-hash"}},
        {"persistedQuery": {"version": 1}},
        {"persistedQuery": {"version": 1, "sha256Hash": sha(QUERY).upper()}},
    ],
)
async def test_malformed_persisted_query_extensions_are_coded_refusals(
    client: httpx.AsyncClient, cypher: Cypher, extensions: dict[str, Any]
) -> None:
    for response in (
        await client.post("/graphql", json={"query": QUERY, "extensions": extensions}),
        await client.get("/graphql", params={"extensions": json.dumps(extensions)}),
    ):
        assert response.status_code == 400
        assert codes(response) == ["BAD_REQUEST"]
    assert await count_persisted_queries(cypher) == 0


async def test_extensions_that_are_not_json_objects_are_refused(
    client: httpx.AsyncClient,
) -> None:
    not_json = await client.get("/graphql", params={"query": QUERY, "extensions": "{nope"})
    a_list = await client.post("/graphql", json={"query": QUERY, "extensions": [1]})
    assert codes(not_json) == codes(a_list) == ["BAD_REQUEST"]


@pytest.fixture
def trusted_file(tmp_path: Path) -> Path:
    path = tmp_path / "persisted-documents.json"
    path.write_text(json.dumps({sha(QUERY): QUERY, "relay-id-1": OTHER}), encoding="utf-8")
    return path


async def test_trusted_documents_run_only_what_is_listed(
    neo4j_server: Neo4jServer, cypher: Cypher, trusted_file: Path
) -> None:
    async with app_client(settings_for(neo4j_server, hub_trusted_documents=trusted_file)) as client:
        listed = await client.get("/graphql", params=by_hash(QUERY))
        assert "apiVersion" in listed.json()["data"]
        relay = await client.post("/graphql", json={"documentId": "relay-id-1"})
        assert relay.json() == {"data": {"__typename": "Query"}}
        as_text = await client.post("/graphql", json={"query": QUERY})
        assert "apiVersion" in as_text.json()["data"]
        unlisted = await client.post("/graphql", json={"query": "{ __typename }"})
        assert (unlisted.status_code, codes(unlisted)) == (400, ["TRUSTED_DOCUMENT_REQUIRED"])
        unknown = await client.post("/graphql", json={"extensions": persisted("{ x }")})
        assert codes(unknown) == ["PERSISTED_QUERY_NOT_FOUND"]
        registering = await client.post(
            "/graphql", json={"query": "{ x }", "extensions": persisted("{ x }")}
        )
        assert codes(registering) == ["PERSISTED_QUERY_NOT_FOUND"]
        swapped = await client.post(
            "/graphql", json={"query": OTHER, "extensions": persisted(QUERY)}
        )
        assert codes(swapped) == ["BAD_USER_INPUT"]
    assert await count_persisted_queries(cypher) == 0


async def test_document_id_without_trusted_documents_is_refused(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post("/graphql", json={"documentId": "relay-id-1"})
    assert (response.status_code, codes(response)) == (400, ["BAD_REQUEST"])
