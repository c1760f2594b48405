"""GraphQL over HTTP: methods, media types, status codes, and a code on every error."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from api.graphql_http import GRAPHQL_RESPONSE, negotiate
from graph.model import Label
from tests.app_client import app_client, hub_settings
from tests.neo4j_server import Neo4jServer
from tests.seeded import SeededGraph, gid

EXPERTS = "{ experts(first: 2) { totalCount nodes { slug } } }"
NEW_MEDIA = {"accept": GRAPHQL_RESPONSE}
DEEP = "{ events { nodes { " + "cascades { nodes { " * 6 + "slug" + " } }" * 6 + " } } }"


@pytest.fixture(scope="module")
async def client(
    neo4j_server: Neo4jServer, seeded: SeededGraph
) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(hub_settings(neo4j_server, hub_rate_limit_per_minute=0)) as client:
        yield client


def codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json().get("errors", [])]


async def test_get_and_post_answer_the_same_query(client: httpx.AsyncClient) -> None:
    by_get = await client.get("/graphql", params={"query": EXPERTS})
    by_post = await client.post("/graphql", json={"query": EXPERTS})
    assert by_get.status_code == by_post.status_code == 200
    assert by_get.json() == by_post.json()
    assert by_get.json()["data"]["experts"]["totalCount"] == 5
    assert by_get.headers["content-type"].startswith("application/json")


async def test_variables_and_operation_name_over_get(client: httpx.AsyncClient) -> None:
    query = "query A($id: ID!) { node(id: $id) { slug } } query B { apiVersion }"
    variables = json.dumps({"id": gid(Label.EXPERT, "vusal-huseynov")})
    response = await client.get(
        "/graphql", params={"query": query, "variables": variables, "operationName": "A"}
    )
    assert response.json() == {"data": {"node": {"slug": "vusal-huseynov"}}}


async def test_mutations_are_refused_over_get(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "mutation { x }"})
    assert response.status_code == 405
    assert "POST" in response.headers["allow"]
    assert codes(response) == ["METHOD_NOT_ALLOWED"]


async def test_the_graphql_response_media_type_is_used_when_asked(
    client: httpx.AsyncClient,
) -> None:
    good = await client.post("/graphql", json={"query": EXPERTS}, headers=NEW_MEDIA)
    assert good.status_code == 200
    assert good.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    invalid = await client.post("/graphql", json={"query": "{ nope }"}, headers=NEW_MEDIA)
    assert invalid.status_code == 400
    assert "data" not in invalid.json()
    assert codes(invalid) == ["GRAPHQL_VALIDATION_FAILED"]
    legacy = await client.post("/graphql", json={"query": "{ nope }"})
    assert legacy.status_code == 200
    assert codes(legacy) == ["GRAPHQL_VALIDATION_FAILED"]


async def test_field_errors_keep_data_and_status_200(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        json={"query": "{ apiVersion experts(first: 100000) { totalCount } }"},
        headers=NEW_MEDIA,
    )
    assert response.status_code == 200
    assert response.json()["data"] is None
    assert codes(response) == ["BAD_USER_INPUT"]
    assert response.json()["errors"][0]["path"] == ["experts"]


@pytest.mark.parametrize(
    ("request_kwargs", "status", "code"),
    [
        (
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            400,
            "BAD_REQUEST",
        ),
        ({"json": {"variables": {}}}, 400, "BAD_REQUEST"),
        ({"json": {"query": 42}}, 400, "BAD_REQUEST"),
        ({"json": {"query": "{ apiVersion }", "variables": [1]}}, 400, "BAD_REQUEST"),
        ({"json": {"query": "{ apiVersion }", "operationName": 7}}, 400, "BAD_REQUEST"),
        ({"json": [{"query": "{ apiVersion }"}]}, 400, "BAD_REQUEST"),
        ({"json": "just a string"}, 400, "BAD_REQUEST"),
        (
            {"content": b"query=x", "headers": {"content-type": "text/plain"}},
            415,
            "UNSUPPORTED_MEDIA_TYPE",
        ),
        (
            {"json": {"query": "{ apiVersion }"}, "headers": {"accept": "text/csv"}},
            406,
            "NOT_ACCEPTABLE",
        ),
        (
            {
                "content": b'{"query": "' + b"x" * 1_100_000 + b'"}',
                "headers": {"content-type": "application/json"},
            },
            413,
            "PAYLOAD_TOO_LARGE",
        ),
        ({"json": {"query": "{ apiVersion }", "operationName": "Missing"}}, 400, "BAD_REQUEST"),
        (
            {"json": {"query": "{ apiVersion }", "variables": {"v": "x" * 150_000}}},
            413,
            "PAYLOAD_TOO_LARGE",
        ),
        (
            {
                "content": b'{"query": "{ apiVersion }", "variables": '
                + b'{"a": ' * 100
                + b"1"
                + b"}" * 101,
                "headers": {"content-type": "application/json"},
            },
            400,
            "BAD_REQUEST",
        ),
    ],
)
async def test_malformed_requests_get_4xx_with_a_coded_json_body(
    client: httpx.AsyncClient, request_kwargs: dict[str, Any], status: int, code: str
) -> None:
    response = await client.post("/graphql", **request_kwargs)
    assert response.status_code == status
    assert codes(response) == [code]


async def test_the_body_and_variables_bounds_are_the_configured_ones(
    neo4j_server: Neo4jServer,
) -> None:
    settings = hub_settings(
        neo4j_server,
        hub_rate_limit_per_minute=0,
        hub_max_body_bytes=2_000,
        hub_max_variables_bytes=300,
    )
    query = "query ($v: String) { apiVersion }"
    async with app_client(settings) as client:
        small = {"query": query, "variables": {"v": "x" * 200}}
        assert (await client.post("/graphql", json=small)).status_code == 200
        for body in (
            {"query": query, "variables": {"v": "x" * 400}},
            {"query": query + " " * 2_100},
        ):
            response = await client.post("/graphql", json=body)
            assert response.status_code == 413
            assert codes(response) == ["PAYLOAD_TOO_LARGE"]
        variables = json.dumps({"v": "x" * 400})
        response = await client.get("/graphql", params={"query": query, "variables": variables})
        assert response.status_code == 413
        assert "variables" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"query": "{ experts { "}, "GRAPHQL_PARSE_FAILED"),
        ({"query": '{ experts(first: "ten") { totalCount } }'}, "GRAPHQL_VALIDATION_FAILED"),
        (
            {"query": "query ($n: Int!) { experts(first: $n) { totalCount } }", "variables": {}},
            "BAD_USER_INPUT",
        ),
        (
            {
                "query": "query ($n: Int) { experts(first: $n) { totalCount } }",
                "variables": {"n": "x"},
            },
            "BAD_USER_INPUT",
        ),
        (
            {"query": "{ " + " ".join(f"a{i}: apiVersion" for i in range(40)) + " }"},
            "QUERY_TOO_COMPLEX",
        ),
        ({"query": DEEP}, "QUERY_TOO_COMPLEX"),
    ],
)
async def test_requests_failing_before_execution_are_400_with_the_new_media_type(
    client: httpx.AsyncClient, body: dict[str, Any], code: str
) -> None:
    response = await client.post("/graphql", json=body, headers=NEW_MEDIA)
    assert response.status_code == 400
    assert set(codes(response)) == {code}
    assert "data" not in response.json()


MALFORMED_INPUT = [
    ('{ node(id: "%%%") { id } }', "BAD_USER_INPUT"),
    ('{ nodes(ids: ["", "RXhwZXJ0"]) { id } }', "BAD_USER_INPUT"),
    ('{ experts(after: "garbage") { totalCount } }', "BAD_USER_INPUT"),
    ("{ experts(first: 1000000) { totalCount } }", "BAD_USER_INPUT"),
    ('{ search(query: "foo AND (") { totalCount } }', "BAD_USER_INPUT"),
    ('{ search(query: "x", lang: "klingon") { totalCount } }', "BAD_USER_INPUT"),
    (
        '{ experts(where: {topic: {id: {eq: "RXhwZXJ0OnZ1c2FsLWh1c2V5bm92"}}}) { totalCount } }',
        "BAD_USER_INPUT",
    ),
    ('{ events(where: {start: {gte: "yesterday"}}) { totalCount } }', "BAD_USER_INPUT"),
]


@pytest.mark.parametrize(("query", "code"), MALFORMED_INPUT)
async def test_malformed_input_is_a_coded_error_never_a_500(
    client: httpx.AsyncClient, query: str, code: str
) -> None:
    for headers in ({}, NEW_MEDIA):
        response = await client.post("/graphql", json={"query": query}, headers=headers)
        assert response.status_code == 200
        assert set(codes(response)) == {code}
        text = response.text
        assert "Traceback" not in text
        assert "MATCH" not in text


def test_accept_negotiation_prefers_what_the_client_ranks_higher() -> None:
    assert negotiate(None) == "application/json"
    assert negotiate("*/*") == "application/json"
    assert negotiate(f"{GRAPHQL_RESPONSE}, application/json;q=0.9") == GRAPHQL_RESPONSE
    assert negotiate(f"application/json, {GRAPHQL_RESPONSE};q=0.5") == "application/json"
    assert negotiate("text/html") is None


async def test_graphiql_is_served_to_browsers_only(client: httpx.AsyncClient) -> None:
    page = await client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()
    no_query = await client.get("/graphql", headers={"accept": "application/json"})
    assert no_query.status_code == 400
    assert codes(no_query) == ["BAD_REQUEST"]


async def test_a_repeated_read_answers_the_same_bytes_over_http(
    neo4j_server: Neo4jServer, seeded: SeededGraph
) -> None:
    settings = hub_settings(neo4j_server, hub_rate_limit_per_minute=0)
    query = """query Detail($id: ID!) {
      node(id: $id) { ... on Expert { slug agencies { totalCount } } }
    }"""
    body = {
        "query": query,
        "variables": {"id": gid(Label.EXPERT, "vusal-huseynov")},
        "operationName": "Detail",
    }
    async with app_client(settings) as client:
        first = await client.post("/graphql", json=body)
        second = await client.post("/graphql", json=body)
        wrong = await client.post("/graphql", json={**body, "variables": {"id": "nope"}})
    assert first.content == second.content
    assert second.json()["data"]["node"]["agencies"]["totalCount"] >= 1
    assert codes(wrong) == ["BAD_USER_INPUT"]
