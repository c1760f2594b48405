"""The one `AsyncDriver` of a process: opening it, checking it, closing it."""

from __future__ import annotations

from neo4j import AsyncDriver, AsyncGraphDatabase
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from graph.errors import GraphUnavailableError


def open_driver(
    uri: str, user: str, password: str, *, max_connection_pool_size: int = 100
) -> AsyncDriver:
    """Create the driver; it connects lazily, so this never blocks on Neo4j."""
    return AsyncGraphDatabase.driver(
        uri,
        auth=(user, password),
        max_connection_pool_size=max_connection_pool_size,
        connection_acquisition_timeout=10.0,
        max_transaction_retry_time=15.0,
        # Optional properties are absent on many nodes by design (partial dates, unknown
        # counts); Neo4j would log a notification for every such read and compute it too.
        notifications_min_severity="OFF",
        # Neo4j is set not to send a receive timeout (graph/neo4j_local/server.py,
        # BOLT_KEEP_ALIVE), so a connection idle this long is checked before it is reused.
        liveness_check_timeout=30.0,
    )


async def check_connectivity(driver: AsyncDriver) -> None:
    """Raise `GraphUnavailableError` with Neo4j's reason when it does not answer."""
    try:
        await driver.verify_connectivity()
    except (ServiceUnavailable, Neo4jError, OSError) as error:
        raise GraphUnavailableError(str(error) or type(error).__name__) from error
