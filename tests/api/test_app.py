"""The app against real Neo4j: GraphQL answers, probes tell liveness from readiness."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr

from api.app import create_app
from api.gc_tuning import YOUNGEST_THRESHOLD
from api.settings import Settings
from tests.neo4j_server import Neo4jServer
from tests.ports import collect_refused_sockets, free_port


def settings_for(uri: str, password: str) -> Settings:
    return Settings(neo4j_uri=uri, neo4j_password=SecretStr(password))


async def client_for(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            yield client


@pytest.fixture
async def client(neo4j_server: Neo4jServer) -> AsyncIterator[httpx.AsyncClient]:
    async for client in client_for(settings_for(neo4j_server.uri, neo4j_server.password)):
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
    settings = settings_for(f"bolt://127.0.0.1:{free_port()}", "irrelevant")
    probed: tuple[int, int, dict[str, str]] | None = None
    async for client in client_for(settings):
        ready = await client.get("/readyz")
        probed = ((await client.get("/healthz")).status_code, ready.status_code, ready.json())
    assert probed is not None
    return probed


async def test_the_collector_skips_startup_objects_while_the_app_runs(
    neo4j_server: Neo4jServer,
) -> None:
    """api/gc_tuning.py: frozen while serving, Python's own settings back after shutdown."""
    before = gc.get_threshold()
    app = create_app(settings_for(neo4j_server.uri, neo4j_server.password))
    async with app.router.lifespan_context(app):
        assert gc.get_freeze_count() > 10_000
        assert gc.get_threshold() == (YOUNGEST_THRESHOLD, before[1], before[2])
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
