"""The app against real Neo4j: GraphQL answers, probes tell liveness from readiness."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator

import httpx
import pytest

from api.app import create_app
from api.gc_tuning import YOUNGEST_THRESHOLD
from graph.database.accounts import PREFIX
from tests.app_client import app_client, hub_settings
from tests.neo4j_server import Neo4jServer
from tests.ports import collect_refused_sockets, free_port

WELL_FORMED = f"{PREFIX}_{'0' * 16}_{'a' * 43}"
"""An API key of the right shape (only those are looked up in Neo4j)."""


@pytest.fixture
async def client(neo4j_server: Neo4jServer) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(hub_settings(neo4j_server)) as client:
        yield client


async def test_graphql_answers_typename(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_graphiql_is_served_to_browsers(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_healthz_and_readyz_are_ok_with_neo4j_up(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert (ready.status_code, ready.json()) == (200, {"status": "ready"})


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
async def test_readyz_is_503_without_internals_when_neo4j_is_down() -> None:
    health, ready, answer = await _probed_with_neo4j_down()
    await collect_refused_sockets()  # the results and clients holding them are gone
    assert (health, ready) == (200, 503)
    assert answer == {"status": "unavailable"}  # addresses and errno go to the log only


async def _probed_with_neo4j_down() -> tuple[int, int, dict[str, str]]:
    async with app_client(hub_settings(nowhere())) as client:
        ready = await client.get("/readyz")
        return (await client.get("/healthz")).status_code, ready.status_code, ready.json()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
async def test_an_api_key_that_cannot_be_checked_answers_503_with_retry_after() -> None:
    """The door (api/access.py) looks API keys up in Neo4j: down, it says when to retry."""
    status, retry_after, codes = await _api_key_with_neo4j_down()
    await collect_refused_sockets()
    assert (status, retry_after, codes) == (503, "1", ["SERVICE_UNAVAILABLE"])


async def _api_key_with_neo4j_down() -> tuple[int, str | None, list[str]]:
    async with app_client(hub_settings(nowhere())) as client:
        answer = await client.post(
            "/graphql", json={"query": "{ viewer { role } }"}, headers={"X-API-Key": WELL_FORMED}
        )
    codes = [error["extensions"]["code"] for error in answer.json()["errors"]]
    return answer.status_code, answer.headers.get("retry-after"), codes


def nowhere() -> Neo4jServer:
    """A Neo4j that refuses every connection: a loopback port nothing listens on."""
    return Neo4jServer(f"bolt://127.0.0.1:{free_port()}", "neo4j", "irrelevant", "nowhere")


async def test_the_collector_skips_startup_objects_while_the_app_runs(
    neo4j_server: Neo4jServer,
) -> None:
    """api/gc_tuning.py: frozen while serving, Python's own settings back after shutdown."""
    before = gc.get_threshold()
    app = create_app(hub_settings(neo4j_server))
    async with app.router.lifespan_context(app):
        assert gc.get_freeze_count() > 10_000
        assert gc.get_threshold() == (YOUNGEST_THRESHOLD, before[1], before[2])
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
