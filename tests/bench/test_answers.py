"""The benchmark's hub and floor answer alike, and each hub read stays within its round trips.

The floor's statements (bench/queries/*.cypher) restate the hub's ranking, paging and
tie-breaking by hand, so a change to the hub they no longer follow would leave the benchmark
timing different work; the benchmark's own answer check would only say so at the next run.
Here the same check runs on a small synthetic graph, with the hub app and the floor's endpoint
(bench/floorapp.py, the floor as the benchmark serves it) in this process.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

import httpx
import pytest
from neo4j import AsyncDriver
from starlette.applications import Starlette

from api.app import create_app
from bench.check import check_answers, count_round_trips
from bench.floorapp import create_floor_app
from bench.mix import load_mix
from bench.samples import draw_samples
from graph.database.cypher import Cypher
from graph.database.maintenance import delete_everything
from seed.load import load_synthetic
from tests.api.test_auth import hs256, settings_for
from tests.neo4j_server import Neo4jServer

DATABASE = "neo4j"
EXPERTS = 2_000
SAMPLES = 4
MIX = {query.name: query for query in load_mix()}


@pytest.fixture(scope="module")
async def samples(driver: AsyncDriver) -> list[dict[str, Any]]:
    """A synthetic graph big enough for every query of the mix, and its parameter sets."""
    cypher = Cypher(driver, DATABASE)
    await delete_everything(cypher)
    await load_synthetic(cypher, EXPERTS, 7, mode="create")
    return await draw_samples(driver, DATABASE, SAMPLES, 7)


@pytest.fixture(scope="module")
def hub(neo4j_server: Neo4jServer) -> Starlette:
    return create_app(settings_for(neo4j_server, hub_rate_limit_per_minute=0))


@pytest.fixture
async def served(
    hub: Starlette, neo4j_server: Neo4jServer
) -> AsyncIterator[dict[str, httpx.AsyncBaseTransport]]:
    floor = create_floor_app(settings_for(neo4j_server))
    async with AsyncExitStack() as stack:
        for app in (hub, floor):
            await stack.enter_async_context(app.router.lifespan_context(app))
        yield {
            "http://hub": httpx.ASGITransport(app=hub),
            "http://floor": httpx.ASGITransport(app=floor),
        }


def _editor() -> str:
    return f"Bearer {hs256(sub='bench-test')}"


@pytest.mark.parametrize("name", sorted(MIX))
async def test_hub_and_floor_give_the_same_answers(
    name: str,
    samples: list[dict[str, Any]],
    served: dict[str, httpx.AsyncBaseTransport],
) -> None:
    query = MIX[name]
    result = await check_answers(
        query,
        samples,
        urls={"hub": "http://hub/graphql", "floor": "http://floor/"},
        token=secrets.token_hex(3),
        authorization=_editor(),
        mounts=served,
    )
    assert result.failed == {}
    assert result.mismatches == []
    assert result.checked == SAMPLES


@pytest.mark.parametrize("name", sorted(MIX))
async def test_every_request_of_the_mix_is_one_round_trip(
    name: str, samples: list[dict[str, Any]], hub: Starlette
) -> None:
    """Issue 7 allows two per read; a write is one transaction (a round trip in the count)."""
    query = MIX[name]
    counts = await count_round_trips(
        query,
        samples,
        app=hub,
        token=secrets.token_hex(3),
        authorization=_editor() if query.write else None,
    )
    assert counts == [1] * SAMPLES
