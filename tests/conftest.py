"""One real Neo4j per test session and a clean graph for every test that asks for one."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from neo4j import AsyncDriver

from graph.database.cypher import Cypher
from graph.database.driver import open_driver
from graph.database.maintenance import delete_everything
from graph.database.migrations import apply_migrations
from tests.neo4j_server import Neo4jServer, neo4j_for_tests

DATABASE = "neo4j"


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer]:
    with neo4j_for_tests() as server:
        yield server


@pytest.fixture(scope="session")
async def driver(neo4j_server: Neo4jServer) -> AsyncIterator[AsyncDriver]:
    driver = open_driver(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    async with driver:
        await apply_migrations(Cypher(driver, DATABASE))
        yield driver


@pytest.fixture
async def cypher(driver: AsyncDriver) -> Cypher:
    """A runner over an empty graph (schema kept): every test starts from nothing."""
    runner = Cypher(driver, DATABASE)
    await delete_everything(runner)
    runner.round_trips = 0
    return runner
