"""The app's lifetime: the process's one Neo4j driver with its breaker and time limits, its
write slots, its live-update poller, and the garbage collector tuned; at its end,
traces are flushed and the worker leaves the metrics."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from starlette.applications import Starlette

from api.gc_tuning import tuned_collector
from api.metrics import subscription_closed, subscription_opened, worker_stopped
from api.settings import Settings
from graph.auditing.feed import AuditFeed
from graph.database.breaker import Breaker
from graph.database.cypher import Cypher
from graph.database.driver import open_driver
from graph.database.time_limits import TimeLimits


def neo4j_uri(settings: Settings) -> str:
    """The configured URI, or the local launcher's loopback Bolt port when none is set."""
    return settings.neo4j_uri or f"bolt://127.0.0.1:{settings.neo4j_local_bolt_port}"


def time_limits(settings: Settings) -> TimeLimits:
    return TimeLimits(
        read=settings.hub_read_timeout,
        analysis=settings.hub_analysis_timeout,
        write=settings.hub_write_timeout,
    )


def lifespan(settings: Settings) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def run(app: Starlette) -> AsyncIterator[None]:
        driver = open_driver(
            neo4j_uri(settings),
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            max_connection_pool_size=settings.neo4j_max_pool_size,
        )
        app.state.driver = driver
        app.state.breaker = breaker = Breaker(driver)
        app.state.time_limits = limits = time_limits(settings)
        app.state.write_slots = asyncio.Semaphore(settings.neo4j_max_concurrent_writes)
        app.state.feed = AuditFeed(
            Cypher(driver, settings.neo4j_database, time_limits=limits, breaker=breaker),
            interval=settings.hub_subscription_poll_interval,
            max_followers=settings.hub_subscriptions_per_worker,
            on_followers=subscriptions_changed,
        )
        try:
            with tuned_collector():
                yield
        finally:
            await app.state.feed.close()
            await breaker.close()
            await driver.close()
            provider = getattr(app.state, "tracer_provider", None)
            if provider is not None:
                provider.shutdown()
            worker_stopped()

    return run


def subscriptions_changed(delta: int) -> None:
    """The worker's open subscriptions, as the `hub_graphql_subscriptions_open` gauge."""
    if delta > 0:
        subscription_opened()
    else:
        subscription_closed()
