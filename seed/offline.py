"""`hub seed --synthetic --offline`: CSV files, Neo4j's bulk importer, restart, migrations.

The Bolt loader is bounded by transactions (a few thousand nodes per second on two cores);
the offline importer writes the store directly. It replaces the database and needs the
server stopped, so it is offered only for the local launcher, whose files this process owns;
a server elsewhere (NEO4J_URI) is refused rather than guessed at. Constraints and indexes
are created after the import by the ordinary migrations, which also wait for them.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from graph.database.cypher import Cypher
from graph.database.driver import open_driver
from graph.database.migrations import apply_migrations
from graph.neo4j_local import LocalNeo4j
from graph.neo4j_local.bulk_import import ImportSources, import_full
from seed.connection import Connection
from seed.synthetic_csv import ARRAY_DELIMITER_OPTION, CsvGraph, write_synthetic_csv
from seed.tallies import Progress

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def points_at_local_launcher(uri: str | None, local_port: int) -> bool:
    """True when NEO4J_URI is unset or names the launcher's own loopback Bolt port."""
    if uri is None:
        return True
    parts = urlsplit(uri)
    try:
        port = parts.port or 7687
    except ValueError:
        return False
    return parts.hostname in LOOPBACK and port == local_port


@dataclass(frozen=True, slots=True)
class OfflineReport:
    csv: CsvGraph
    import_seconds: float
    total_seconds: float
    """From the first CSV row to migrations done (stop, import, restart, indexes online)."""

    def describe(self) -> str:
        nodes, links = self.csv.nodes, self.csv.relationships
        steps = (
            ("CSV generation", self.csv.seconds),
            ("bulk import", self.import_seconds),
            ("total with restart and indexes", self.total_seconds),
        )
        lines = [f"offline import: {nodes:,} nodes and {links:,} relationships"]
        lines += [
            f"  {what}: {seconds:.1f} s, {nodes / seconds:,.0f} nodes/s, "
            f"{links / seconds:,.0f} relationships/s"
            for what, seconds in steps
        ]
        return "\n".join(lines)


async def seed_offline(
    server: LocalNeo4j,
    connection: Connection,
    experts: int,
    random_seed: int,
    progress: Progress | None = None,
) -> OfflineReport:
    """Replace the local graph with the synthetic one of `(experts, random_seed)`.

    The server is stopped while the CSV files are written and started again even when
    writing or importing fails, so a failure never leaves the developer without a database;
    it is left running only if it ran before.
    """
    started = time.monotonic()
    was_running = server.status().running
    directory = server.home / "import" / f"synthetic-{random_seed}-{experts}"
    # The server shuts down while the CSV files are written: its graph is replaced anyway.
    stopping = asyncio.create_task(asyncio.to_thread(server.stop))
    try:
        csv_graph = await asyncio.to_thread(
            write_synthetic_csv, directory, experts, random_seed, datetime.now(UTC), progress
        )
        sources = ImportSources(
            csv_graph.node_files, csv_graph.relationship_files, ARRAY_DELIMITER_OPTION
        )
        await stopping
        import_seconds = await asyncio.to_thread(
            import_full, server, connection.database, sources, directory
        )
    finally:
        with contextlib.suppress(Exception):
            await stopping  # start only once it is down, whatever failed
        status = await asyncio.to_thread(server.start)
    driver = open_driver(status.uri or connection.uri, connection.user, connection.password)
    async with driver:
        await apply_migrations(Cypher(driver, connection.database))
    total = time.monotonic() - started
    if not was_running:
        await asyncio.to_thread(server.stop)
    return OfflineReport(csv_graph, import_seconds, total)
