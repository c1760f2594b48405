"""HTTP caching of GET reads, compression by Accept-Encoding, CORS headers and request ids,
through the app in-process (browsers and Node clients: test_browsers.py, test_apollo_client.py)."""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator

import brotli
import httpx
import pytest
import zstandard

from graph.database.accounts import create_key
from graph.database.cypher import Cypher
from graph.writes.principal import Principal, Role
from tests.app_client import app_client, hub_settings
from tests.neo4j_server import Neo4jServer
from tests.seeded import SeededGraph

EXPERTS = "{ experts(first: 5) { nodes { slug name { text } } } }"
BIG = "{ events(first: 50) { nodes { slug title { text } summary { text } } } }"
EMAILS = '{ experts(first: 5, where: {slug: {eq: "nobody-at-all"}}) { nodes { email } } }'
OPERATOR = Principal(role=Role.ADMIN, subject="test:operator")
APP_ORIGIN = "http://app.example.org"


@pytest.fixture(scope="module")
async def client(
    neo4j_server: Neo4jServer, seeded: SeededGraph
) -> AsyncIterator[httpx.AsyncClient]:
    settings = hub_settings(
        neo4j_server,
        hub_rate_limit_per_minute=0,
        hub_cache_max_age=120,
        hub_cors_origins=APP_ORIGIN,
    )
    async with app_client(settings) as client:
        yield client


async def test_anonymous_get_reads_are_public_with_a_strong_etag(
    client: httpx.AsyncClient,
) -> None:
    first = await client.get("/graphql", params={"query": EXPERTS})
    assert first.status_code == 200
    assert first.headers["cache-control"] == "public, max-age=120"
    etag = first.headers["etag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    assert "Authorization" in first.headers["vary"]
    again = await client.get("/graphql", params={"query": EXPERTS})
    assert again.headers["etag"] == etag


async def test_if_none_match_answers_304_without_a_body(client: httpx.AsyncClient) -> None:
    first = await client.get("/graphql", params={"query": EXPERTS})
    etag = first.headers["etag"]
    revalidated = await client.get(
        "/graphql", params={"query": EXPERTS}, headers={"if-none-match": f'"other", {etag}'}
    )
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated.headers["etag"] == etag
    changed = await client.get(
        "/graphql", params={"query": EXPERTS}, headers={"if-none-match": '"stale"'}
    )
    assert changed.status_code == 200
    assert changed.json() == first.json()


async def test_posts_mutations_and_errors_are_never_cacheable(client: httpx.AsyncClient) -> None:
    post = await client.post("/graphql", json={"query": EXPERTS})
    assert post.headers["cache-control"] == "no-store"
    assert "etag" not in post.headers
    invalid = await client.get("/graphql", params={"query": "{ nope }"})
    assert invalid.headers["cache-control"] == "no-store"
    assert "etag" not in invalid.headers
    mutation = await client.post(
        "/graphql", json={"query": 'mutation { deleteExpert(id: "x") { deletedId } }'}
    )
    assert mutation.headers["cache-control"] == "no-store"
    over_get = await client.get("/graphql", params={"query": "mutation { x }"})
    assert over_get.headers["cache-control"] == "no-store"


async def test_personal_fields_are_private_even_when_nothing_is_found(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/graphql", params={"query": EMAILS})
    assert response.status_code == 200
    assert response.json() == {"data": {"experts": {"nodes": []}}}
    assert response.headers["cache-control"] == "private, no-store"


async def test_authenticated_answers_are_private(
    client: httpx.AsyncClient, seeded: SeededGraph
) -> None:
    cypher = seeded.cypher()
    key = await create_key(
        cypher, name="cache-test", role=Role.EDITOR, agency=None, created_by=OPERATOR
    )
    response = await client.get(
        "/graphql", params={"query": EXPERTS}, headers={"X-API-Key": key.secret}
    )
    assert response.status_code == 200
    assert response.headers["cache-control"] == "private, no-store"


@pytest.mark.parametrize(
    ("encoding", "decode"),
    [
        ("gzip", gzip.decompress),
        ("br", brotli.decompress),
        ("zstd", lambda body: zstandard.ZstdDecompressor().decompressobj().decompress(body)),
    ],
)
async def test_large_answers_are_compressed_as_the_client_accepts(
    client: httpx.AsyncClient, encoding: str, decode: object
) -> None:
    plain = await client.get(
        "/graphql", params={"query": BIG}, headers={"accept-encoding": "identity"}
    )
    assert len(plain.content) > 1024
    assert "content-encoding" not in plain.headers
    async with client.stream(
        "GET", "/graphql", params={"query": BIG}, headers={"accept-encoding": encoding}
    ) as response:
        raw = b"".join([chunk async for chunk in response.aiter_raw()])
    assert response.headers["content-encoding"] == encoding
    assert callable(decode)
    assert decode(raw) == plain.content
    assert len(raw) < len(plain.content)
    tag = response.headers["etag"]
    assert tag == plain.headers["etag"][:-1] + f'-{encoding}"'
    revalidated = await client.get(
        "/graphql",
        params={"query": BIG},
        headers={"accept-encoding": encoding, "if-none-match": tag},
    )
    assert revalidated.status_code == 304
    assert revalidated.headers["etag"] == tag


async def test_small_answers_are_not_compressed(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/graphql", params={"query": "{ __typename }"}, headers={"accept-encoding": "gzip, br"}
    )
    assert "content-encoding" not in response.headers


async def test_cors_preflight_allows_the_configured_origin_only(
    client: httpx.AsyncClient,
) -> None:
    preflight = {
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
    }
    allowed = await client.options("/graphql", headers={"origin": APP_ORIGIN, **preflight})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == APP_ORIGIN
    assert "POST" in allowed.headers["access-control-allow-methods"]
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    assert int(allowed.headers["access-control-max-age"]) > 0
    refused = await client.options(
        "/graphql", headers={"origin": "http://evil.example.org", **preflight}
    )
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers
    simple = await client.get(
        "/graphql", params={"query": EXPERTS}, headers={"origin": "http://evil.example.org"}
    )
    assert "access-control-allow-origin" not in simple.headers
    ok = await client.get("/graphql", params={"query": EXPERTS}, headers={"origin": APP_ORIGIN})
    assert ok.headers["access-control-allow-origin"] == APP_ORIGIN
    assert "etag" in ok.headers["access-control-expose-headers"].lower()


async def test_request_ids_are_taken_or_made_and_returned(client: httpx.AsyncClient) -> None:
    given = await client.get("/healthz", headers={"x-request-id": "front-end.42"})
    assert given.headers["x-request-id"] == "front-end.42"
    made = await client.post("/graphql", json={"query": "{ __typename }"})
    forged = await client.get("/healthz", headers={"x-request-id": "a b\nforged line"})
    assert len(made.headers["x-request-id"]) == 32
    assert forged.headers["x-request-id"] not in ("a b\nforged line", made.headers["x-request-id"])


async def test_without_configured_origins_no_cors_headers_are_sent(
    neo4j_server: Neo4jServer, cypher: Cypher
) -> None:
    del cypher
    async with app_client(hub_settings(neo4j_server)) as plain:
        preflight = await plain.options(
            "/graphql",
            headers={"origin": APP_ORIGIN, "access-control-request-method": "POST"},
        )
        assert preflight.status_code == 405
        assert "access-control-allow-origin" not in preflight.headers


async def test_metrics_count_this_process_s_requests(client: httpx.AsyncClient) -> None:
    await client.post("/graphql", json={"query": "query CountedOnce { __typename }"})
    exposition = (await client.get("/metrics")).text
    assert 'hub_graphql_requests_total{code="OK",operation="CountedOnce",type="query"} 1.0' in (
        exposition
    )


async def test_graphiql_assets_are_compressed_and_revalidate(client: httpx.AsyncClient) -> None:
    first = await client.get("/graphiql/graphiql.js", headers={"accept-encoding": "br"})
    assert first.status_code == 200
    assert first.headers["content-encoding"] == "br"
    tag = first.headers["etag"]
    assert tag.endswith('-br"')
    again = await client.get(
        "/graphiql/graphiql.js", headers={"accept-encoding": "br", "if-none-match": tag}
    )
    assert again.status_code == 304
    assert again.headers["etag"] == tag
