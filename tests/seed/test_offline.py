"""`hub seed --synthetic --offline`: the bulk importer builds exactly the Bolt loader's graph.

The import replaces the whole database and stops the server, so this module runs its own
small Neo4j instead of the session's shared one.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.analytics.graph_shape import Census, census, graph_digest
from graph.database.cypher import Cypher
from graph.database.driver import open_driver
from graph.database.migrations import apply_migrations
from graph.loading.bulk import fulltext_index_names
from graph.neo4j_local import LocalNeo4j, LocalNeo4jConfig
from seed.connection import Connection
from seed.load import load_synthetic
from seed.offline import points_at_local_launcher, seed_offline
from tests.ports import free_port

PROJECT = Path(__file__).resolve().parents[2]
PASSWORD = "offline-test-pw"
EXPERTS, SEED = 2_000, 7


@pytest.fixture(scope="module")
def server() -> Iterator[LocalNeo4j]:
    home = PROJECT / ".neo4j" / f"offline-test-{os.getpid()}"
    config = LocalNeo4jConfig(
        home=home, password=PASSWORD, bolt_port=free_port(), heap="512m", pagecache="128m"
    )
    launcher = LocalNeo4j(config)
    launcher.start(attached=True)
    try:
        yield launcher
    finally:
        launcher.stop()
        shutil.rmtree(home, ignore_errors=True)


async def snapshot(connection: Connection) -> tuple[str, Census, frozenset[str]]:
    driver = open_driver(connection.uri, connection.user, connection.password)
    async with driver:
        cypher = Cypher(driver, connection.database)
        return await graph_digest(cypher), await census(cypher), await fulltext_index_names(cypher)


async def test_offline_import_builds_the_same_graph_as_the_bolt_loader_for_the_same_seed(
    server: LocalNeo4j,
) -> None:
    uri = server.status().uri
    assert uri is not None
    connection = Connection(uri, "neo4j", PASSWORD, "neo4j")
    driver = open_driver(uri, "neo4j", PASSWORD)
    async with driver:
        cypher = Cypher(driver, "neo4j")
        await apply_migrations(cypher)
        loaded = await load_synthetic(cypher, EXPERTS, SEED, mode="create")
    by_bolt = await snapshot(connection)

    report = await seed_offline(server, connection, EXPERTS, SEED)
    imported = await snapshot(connection)

    assert server.status().running  # it ran before, so it runs again
    assert imported[0] == by_bolt[0]  # same nodes, labels, properties and relationships
    assert imported[1] == by_bolt[1]
    assert imported[2] == by_bolt[2]  # migrations rebuilt every full-text index
    assert (report.csv.nodes, report.csv.relationships) == (loaded.nodes, loaded.relationships)
    assert report.csv.directory == server.home / "import" / f"synthetic-{SEED}-{EXPERTS}"
    assert "nodes/s" in report.describe()


def test_offline_seed_refuses_a_neo4j_that_the_local_launcher_does_not_run() -> None:
    env = {"NEO4J_URI": "bolt://graph.example.org:7687", "NEO4J_PASSWORD": PASSWORD}
    arguments = ["seed", "--synthetic", "--experts", "2000", "--offline"]

    result = CliRunner().invoke(app, arguments, env=env)

    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "--offline replaces the local launcher's database, but NEO4J_URI points at "
        "bolt://graph.example.org:7687; unset NEO4J_URI to use it."
    ]


def test_offline_seed_needs_a_synthetic_graph() -> None:
    env = {"NEO4J_URI": "bolt://graph.example.org:7687", "NEO4J_PASSWORD": PASSWORD}

    result = CliRunner().invoke(app, ["seed", "--offline"], env=env)

    assert result.exit_code == 2
    assert "--offline only loads synthetic graphs" in result.output


def test_only_an_unset_uri_or_the_launchers_own_loopback_port_counts_as_local() -> None:
    assert points_at_local_launcher(None, 7687)
    assert points_at_local_launcher("bolt://127.0.0.1:7706", 7706)
    assert points_at_local_launcher("neo4j://localhost", 7687)
    assert not points_at_local_launcher("bolt://127.0.0.1:7707", 7706)
    assert not points_at_local_launcher("bolt://graph.example.org:7706", 7706)
