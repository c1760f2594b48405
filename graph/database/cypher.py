"""Running Cypher: managed transactions with retries, explicit routing, counted round trips.

Each GraphQL request gets its own `Cypher` (cheap: it only wraps the process's driver), which
counts the round trips it makes, so tests and benchmarks can hold requests to a fixed bound.
Each read is a statement of its own and each write a transaction of its own; a worker's writes
wait for one of its few write slots (see `Cypher.__init__`).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from time import perf_counter
from typing import Any, LiteralString, TypeVar

from neo4j import (
    AsyncDriver,
    AsyncManagedTransaction,
    AsyncNeo4jDriver,
    AsyncSession,
    EagerResult,
    Query,
    RoutingControl,
    unit_of_work,
)
from neo4j.api import AsyncBookmarkManager
from neo4j.exceptions import (
    ClientError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph.database.breaker import Breaker
from graph.database.pool_usage import holding_connection
from graph.database.read_batch import ReadBatch, remember_columns
from graph.database.time_limits import HINTS, TimeLimits, Work, current_work, deadline
from graph.errors import ConflictError, GraphError, GraphUnavailableError, QueryTimeoutError

Row = dict[str, Any]
T = TypeVar("T")
DATABASE_UNAVAILABLE = "DatabaseUnavailable"
TIMED_OUT = "TransactionTimedOut"
"""In the codes Neo4j answers a transaction stopped by its timeout with."""


class Cypher:
    """Parameterised Cypher against one database, reads and writes routed separately."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        *,
        write_slots: asyncio.Semaphore | None = None,
        time_limits: TimeLimits | None = None,
        breaker: Breaker | None = None,
    ) -> None:
        """`write_slots` bounds the write transactions the worker has in flight
        (`NEO4J_MAX_CONCURRENT_WRITES`). Most of a create's cost in Neo4j is its commit's
        update of the full-text indexes, and concurrent commits contend there: with more
        writers in flight than Neo4j has cores, its CPU per write doubled in the benchmark
        (docs/performance-log.md, optimisation 18). Queueing the extra writes here costs them
        a wait instead. Reads never wait for a slot. None (seeding, maintenance, most tests):
        every write starts at once.

        `time_limits` bound every transaction and every wait for a write slot, by class
        (graph/database/time_limits.py); None (seeding, maintenance, tests of the graph layer)
        leaves them to Neo4j's `db.transaction.timeout`. `breaker` is the worker's view of whether
        Neo4j answers (graph/database/breaker.py): while it is open, statements fail at once."""
        self._driver = driver
        self._limits = time_limits
        self._breaker = breaker
        self._bookmarks = causal_bookmarks(driver)
        self._database = database
        self._write_slots = write_slots
        self._batch: ReadBatch | None = None
        self.round_trips = 0
        self.seconds = 0.0
        """Time this runner's statements took, waits for a write slot included (metrics)."""

    @contextmanager
    def _clocked(self) -> Iterator[None]:
        started = perf_counter()
        try:
            yield
        finally:
            self.seconds += perf_counter() - started

    async def read(
        self, query: LiteralString, parameters: Mapping[str, Any] | None = None
    ) -> list[Row]:
        return await self._run(query, parameters, RoutingControl.READ)

    async def read_maps(
        self, query: LiteralString, parameters: Mapping[str, Any] | None = None
    ) -> list[Row]:
        """A read whose columns hold only maps, lists and scalars (map projections, no nodes).

        Skips the driver's `Record.data()`, which walks every nested value looking for nodes
        to convert: on a compiled page or a 200-node neighbourhood that walk alone cost more
        than decoding the answer. Inside `reads_together()` it may share a statement.
        """
        if self._batch is not None:
            return await self._batch.read(query, dict(parameters or {}))
        columns, rows = await self._read_columns(query, parameters)
        remember_columns(query, columns)
        return rows

    @contextmanager
    def reads_together(self) -> Iterator[None]:
        """Map-only reads started together (a few event-loop turns) share one statement.

        For a request's concurrent root fields (graph/database/read_batch.py): one transaction and
        one round trip instead of one each.
        """
        previous = self._batch
        self._batch = ReadBatch(self._read_columns)
        try:
            yield
        finally:
            self._batch = previous

    async def _read_columns(
        self, query: LiteralString, parameters: Mapping[str, Any] | None
    ) -> tuple[tuple[str, ...], list[Row]]:
        """A map-only read: its columns and its rows as maps."""
        result = await self._execute(query, parameters, RoutingControl.READ)
        keys = tuple(result.keys)
        return keys, [dict(zip(keys, record, strict=True)) for record in result.records]

    async def write(
        self, query: LiteralString, parameters: Mapping[str, Any] | None = None
    ) -> list[Row]:
        async with self._write_slot():
            return await self._run(query, parameters, RoutingControl.WRITE)

    async def write_transaction(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        """Run several statements in one retried write transaction: all or nothing."""
        self.round_trips += 1
        limit = self._limits.write if self._limits is not None else None
        async with self._write_slot():
            self._check()
            try:
                with self._clocked(), holding_connection():
                    async with deadline(self._limits, Work.WRITE), self._session() as session:
                        return await session.execute_write(unit_of_work(timeout=limit)(work))
            except QueryTimeoutError:
                self._suspect()
                raise
            except (Neo4jError, DriverError, OSError) as error:
                raise self._failure(error, Work.WRITE) from error

    @asynccontextmanager
    async def _write_slot(self) -> AsyncIterator[None]:
        """Hold one of the worker's write slots for the block (`__init__`). The wait and the
        write together stay within the write time limit: a write queued behind a hung one
        ends as a timeout, like the write it waits for. With the breaker open it fails at
        once instead of queueing."""
        slots = self._write_slots
        if slots is None:
            yield
            return
        self._check()
        async with deadline(self._limits, Work.WRITE):
            with self._clocked():
                await slots.acquire()
            try:
                yield
            finally:
                slots.release()

    async def autocommit(
        self, query: LiteralString, parameters: Mapping[str, Any] | None = None
    ) -> None:
        """Run a statement that manages its own transactions (`CALL ... IN TRANSACTIONS`)."""
        self.round_trips += 1
        self._check()
        try:
            with self._clocked(), holding_connection():
                async with self._session() as session:
                    result = await session.run(query, dict(parameters or {}))
                    await result.consume()
        except (Neo4jError, DriverError, OSError) as error:
            raise self._failure(error, Work.WRITE) from error

    def _session(self) -> AsyncSession:
        """A session that shares the `execute_query` reads' bookmarks.

        Through a routing driver a read may reach a cluster member that has not applied the
        last write; a session with its own bookmarks would leave the next read blind to it.
        """
        return self._driver.session(database=self._database, bookmark_manager=self._bookmarks)

    async def _run(
        self, query: LiteralString, parameters: Mapping[str, Any] | None, routing: RoutingControl
    ) -> list[Row]:
        result = await self._execute(query, parameters, routing)
        return [record.data() for record in result.records]

    async def _execute(
        self, query: LiteralString, parameters: Mapping[str, Any] | None, routing: RoutingControl
    ) -> EagerResult:
        self.round_trips += 1
        self._check()
        work = Work.WRITE if routing is RoutingControl.WRITE else current_work()
        try:
            with self._clocked(), holding_connection():
                async with deadline(self._limits, work) as limit:
                    return await self._driver.execute_query(
                        query if limit is None else Query(query, timeout=limit),
                        parameters_=dict(parameters or {}),
                        routing_=routing,
                        database_=self._database,
                        bookmark_manager_=self._bookmarks,
                    )
        except QueryTimeoutError:
            self._suspect()
            raise
        except (Neo4jError, DriverError, OSError) as error:
            raise self._failure(error, work) from error

    def _check(self) -> None:
        if self._breaker is not None:
            self._breaker.check()

    def _suspect(self) -> None:
        if self._breaker is not None:
            self._breaker.suspect()

    def _failure(self, error: Exception, work: Work) -> GraphError:
        """The graph error for a driver's `error`; an unreachable Neo4j opens the breaker."""
        if isinstance(error, Neo4jError) and TIMED_OUT in (error.code or ""):
            seconds = self._limits.of(work) if self._limits is not None else 0.0
            return QueryTimeoutError(work.value, seconds, HINTS[work])
        if unreachable(error) and self._breaker is not None:
            self._breaker.unreachable()
        return translate(error)


def causal_bookmarks(driver: AsyncDriver) -> AsyncBookmarkManager | None:
    """The bookmark manager that chains a process's statements, or None for one server.

    Bookmarks give read-your-writes in a cluster, where a read may reach a member that has
    not applied the last write yet; they only matter when the driver routes (`neo4j://`).
    A direct `bolt://` driver talks to one server, which shows every committed write to the
    next transaction, so there a bookmark is a cost with nothing bought: the manager's lock
    and update on every transaction and the bookmark's check on every BEGIN (small: about
    0.02-0.06 ms of client CPU per read, bench/README.md, optimisation 51).
    """
    return driver.execute_query_bookmark_manager if isinstance(driver, AsyncNeo4jDriver) else None


def unreachable(error: Exception) -> bool:
    """Neo4j cannot be reached or cannot serve the database yet (starting, stopping)."""
    if isinstance(error, ServiceUnavailable | SessionExpired | OSError):
        return True
    return isinstance(error, Neo4jError) and DATABASE_UNAVAILABLE in (error.code or "")


def translate(error: Exception) -> GraphError:
    """Neo4j's exceptions become graph errors; the GraphQL layer never sees the driver's."""
    if isinstance(error, GraphError):
        return error
    if unreachable(error):
        return GraphUnavailableError("Neo4j is not reachable")
    if isinstance(error, TransientError):
        return GraphUnavailableError(f"Neo4j is busy: {error.code}")
    if isinstance(error, ConstraintError):
        return ConflictError(error.message or "constraint violated")
    if isinstance(error, ClientError):
        return GraphError(f"Neo4j rejected a query: {error.code}")
    return GraphError(f"Neo4j failed: {type(error).__name__}")
