"""Bookmarks: chained through a routing driver, skipped on a direct one, writes always seen."""

from __future__ import annotations

from neo4j import AsyncGraphDatabase

from graph.cypher import Cypher, causal_bookmarks
from graph.driver import open_driver
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
    auth = (neo4j_server.user, neo4j_server.password)
    routing = AsyncGraphDatabase.driver(_with_scheme(neo4j_server.uri, "neo4j"), auth=auth)
    direct = AsyncGraphDatabase.driver(_with_scheme(neo4j_server.uri, "bolt"), auth=auth)
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
