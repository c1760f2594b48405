"""A worker's view of whether Neo4j answers, so an outage costs callers milliseconds.

Without it every request of an outage pays the driver's connect attempts and retries before
hearing `SERVICE_UNAVAILABLE`, and a stopped (not dead) Neo4j holds each request for its whole
time limit. The breaker opens when a statement finds Neo4j unreachable, or when a statement
ran out of time and a quick probe then gets no answer either; while it is open, statements
fail at once. A background probe asks Neo4j every `interval` seconds and closes the breaker
as soon as it answers, so the first request after Neo4j is back goes through.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Final

from neo4j import AsyncDriver
from neo4j.exceptions import DriverError, Neo4jError

from graph.errors import GraphUnavailableError

logger = logging.getLogger("hub.neo4j")

PROBE_TIMEOUT: Final = 1.5
"""Seconds a probe waits for Neo4j: a healthy server answers `verify_connectivity` in ms.
Longer than the driver's TCP connect timeout (graph/database/driver.py, `CONNECT_TIMEOUT`), so a
connect that hangs is ended by the driver, which closes its socket, not cancelled by the
probe, which would leave the socket to the garbage collector (see `CONNECT_TIMEOUT`)."""
PROBE_INTERVAL: Final = 0.2
RETRY_AFTER: Final = "1"
"""Whole seconds a caller refused for an outage should wait (HTTP's `Retry-After`): the
probe asks `1 / PROBE_INTERVAL` times within them."""


class Breaker:
    """Open while Neo4j does not answer; one per worker, beside its driver."""

    def __init__(self, driver: AsyncDriver, *, interval: float = PROBE_INTERVAL) -> None:
        self._driver = driver
        self._interval = interval
        self._open = False
        self._probe: asyncio.Task[None] | None = None
        self._last_failure = ""

    @property
    def is_open(self) -> bool:
        return self._open

    def check(self) -> None:
        """Raise `GraphUnavailableError` at once while the breaker is open."""
        if self._open:
            raise GraphUnavailableError("Neo4j is not reachable")

    def unreachable(self) -> None:
        """A statement could not reach Neo4j: open, and probe until it answers."""
        if not self._open:
            logger.warning("Neo4j unreachable: failing fast until it answers again")
        self._open = True
        self._start_probing()

    def suspect(self) -> None:
        """A statement ran out of time: probe once; open if Neo4j does not answer either."""
        self._start_probing()

    async def answers(self) -> bool:
        """One probe: does Neo4j complete a handshake and a round trip within the timeout?"""
        try:
            async with asyncio.timeout(PROBE_TIMEOUT):
                await self._driver.verify_connectivity()
        except (TimeoutError, DriverError, Neo4jError, OSError) as error:
            reason = str(error) or type(error).__name__
            if reason != self._last_failure:  # five lines a second through an outage, else
                logger.info("Neo4j probe failed: %s", reason)
            self._last_failure = reason
            return False
        self._last_failure = ""
        return True

    async def close(self) -> None:
        """Stop probing (at shutdown)."""
        if self._probe is not None:
            self._probe.cancel()
            await asyncio.gather(self._probe, return_exceptions=True)
            self._probe = None

    def _start_probing(self) -> None:
        if self._probe is None or self._probe.done():
            self._probe = asyncio.get_running_loop().create_task(self._watch())

    async def _watch(self) -> None:
        while not await self.answers():
            if not self._open:
                logger.warning("Neo4j does not answer: failing fast until it answers again")
            self._open = True
            await asyncio.sleep(self._interval)
        if self._open:
            logger.warning("Neo4j answers again")
        self._open = False
