"""Bookmarks: chained through a routing driver, skipped on a direct one, writes always seen."""

from __future__ import annotations

import pytest
from neo4j import AsyncManagedTransaction

from graph.database.cypher import Cypher, causal_bookmarks
from graph.database.driver import open_driver
from tests.conftest import DATABASE
from tests.neo4j_server import Neo4jServer


def _with_scheme(uri: str, family: str) -> str:
    """`uri` with its scheme's family swapped (`bolt` <-> `neo4j`), TLS suffix kept."""
    scheme, _, rest = uri.partition("://")
    suffix = scheme.partition("+")[2]
    return f"{family}{'+' + suffix if suffix else ''}://{rest}"


async def test_a_routing_driver_chains_statements_and_a_direct_one_does_not(
    neo4j_server: Neo4jServer,
) -> None:
    user, password = neo4j_server.user, neo4j_server.password
    routing = open_driver(_with_scheme(neo4j_server.uri, "neo4j"), user, password)
    direct = open_driver(_with_scheme(neo4j_server.uri, "bolt"), user, password)
    async with routing, direct:
        assert causal_bookmarks(routing) is routing.execute_query_bookmark_manager
        assert causal_bookmarks(direct) is None


async def test_a_direct_driver_reads_its_own_writes_without_bookmarks(
    neo4j_server: Neo4jServer, cypher: Cypher
) -> None:
    uri = _with_scheme(neo4j_server.uri, "bolt")
    async with open_driver(uri, neo4j_server.user, neo4j_server.password) as direct:
        for number in range(20):
            await Cypher(direct, DATABASE).write("CREATE (:Topic {id: $id})", {"id": f"t{number}"})
            rows = await Cypher(direct, DATABASE).read("MATCH (t:Topic) RETURN count(t) AS n")
            assert rows == [{"n": number + 1}]
        assert await direct.execute_query_bookmark_manager.get_bookmarks() == set()


async def _create_topic(tx: AsyncManagedTransaction) -> None:
    await (await tx.run("CREATE (:Topic {id: 'written-in-a-session'})")).consume()


async def test_writes_in_sessions_hand_their_bookmarks_to_the_reads_of_a_routing_driver(
    neo4j_server: Neo4jServer, cypher: Cypher
) -> None:
    if neo4j_server.origin == "testcontainers":
        pytest.skip("the container advertises an address a routing driver outside cannot reach")
    uri = _with_scheme(neo4j_server.uri, "neo4j")
    async with open_driver(uri, neo4j_server.user, neo4j_server.password) as routing:
        graph = Cypher(routing, DATABASE)
        manager = routing.execute_query_bookmark_manager
        assert await manager.get_bookmarks() == set()
        await graph.write_transaction(_create_topic)
        after_transaction = await manager.get_bookmarks()
        await graph.autocommit("CREATE (:Topic {id: 'written-in-autocommit'})")
        after_autocommit = await manager.get_bookmarks()
        rows = await graph.read("MATCH (t:Topic) RETURN t.id AS id ORDER BY id")
    assert after_transaction != set()
    assert after_autocommit not in (set(), after_transaction)
    assert rows == [{"id": "written-in-a-session"}, {"id": "written-in-autocommit"}]
