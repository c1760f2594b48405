"""The one `AsyncDriver` of a process: opening it, checking it, closing it."""

from __future__ import annotations

import asyncio
from typing import Final

from neo4j import AsyncDriver, AsyncGraphDatabase
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable

from graph.errors import GraphUnavailableError

CONNECT_TIMEOUT: Final = 1.0
"""Seconds for a TCP connect and Bolt handshake: Neo4j sits on the same host or network, and
a stopped server accepts the TCP connection but never completes the handshake.

A connect cancelled from outside leaves its socket open (neo4j 6.4.1, the newest release):
`AsyncBoltSocketBase._connect_secure` (neo4j/_async_compat/network/_bolt_socket.py) closes
its raw socket on `Exception` only, and `asyncio.CancelledError` is not one, so a task
cancelled while `loop.sock_connect` or the TLS wrap is pending drops the socket unclosed;
the garbage collector closes it later with a `ResourceWarning` (blamed on whatever runs
then; reproduced on loopback by a `verify_connectivity` cancelled 1.2-2.4 ms in). Cancelled
later, in the Bolt handshake, HELLO or LOGON, the driver closes it. The hub
cannot reach that local, so it avoids the cancel where it can: the driver's own timer bounds
every connect, and the hub's own waits on Neo4j (the breaker's probe, `/readyz`'s check) are
longer than this one. A time limit or a client hang-up that lands inside a connect of
microseconds (loopback; a partitioned network, up to this timeout) still leaves one socket
to the collector: rare, closed within a collection, and not worth patching the driver."""
ACQUIRE_TIMEOUT: Final = 2.0
"""Seconds to wait for a pooled connection, including opening one (longer than a connect)."""
RETRY_TIME: Final = 1.0
"""Seconds the driver keeps retrying a transaction that failed transiently: long enough to
ride over a dropped connection, short enough that an outage answers within 2 s."""
RETRY_DELAY: Final = 0.2
"""First pause between retries (the driver's default is 1 s, doubling)."""
LIVENESS_CHECK: Final = 30.0
CHECK_TIMEOUT: Final = 1.5
"""Seconds `/readyz` waits for Neo4j before answering 503."""


def open_driver(
    uri: str, user: str, password: str, *, max_connection_pool_size: int = 100
) -> AsyncDriver:
    """Create the driver; it connects lazily, so this never blocks on Neo4j.

    Timeouts are tuned to fail fast (issue 38): while Neo4j is down a statement fails within
    about `RETRY_TIME` plus a connect, after which the worker's breaker (graph/database/breaker.py)
    answers at once; time limits on statements are graph/database/time_limits.py's.
    """
    return AsyncGraphDatabase.driver(
        uri,
        auth=(user, password),
        max_connection_pool_size=max_connection_pool_size,
        connection_timeout=CONNECT_TIMEOUT,
        connection_acquisition_timeout=ACQUIRE_TIMEOUT,
        max_transaction_retry_time=RETRY_TIME,
        initial_retry_delay=RETRY_DELAY,
        # Optional properties are absent on many nodes by design (partial dates, unknown
        # counts); Neo4j would log a notification for every such read and compute it too.
        notifications_min_severity="OFF",
        # Neo4j is set not to send a receive timeout (graph/neo4j_local/server.py,
        # BOLT_KEEP_ALIVE), so a connection idle this long is checked before it is reused.
        liveness_check_timeout=LIVENESS_CHECK,
    )


async def check_connectivity(driver: AsyncDriver, seconds: float = CHECK_TIMEOUT) -> None:
    """Raise `GraphUnavailableError` with Neo4j's reason when it does not answer in time."""
    try:
        async with asyncio.timeout(seconds):
            await driver.verify_connectivity()
    except TimeoutError:
        raise GraphUnavailableError(f"no answer within {seconds:g} s") from None
    except (ServiceUnavailable, Neo4jError, DriverError, OSError) as error:
        raise GraphUnavailableError(str(error) or type(error).__name__) from error
