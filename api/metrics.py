"""Prometheus metrics at `/metrics`, summed over every worker process.

With several uvicorn workers each process counts in memory-mapped files under
`PROMETHEUS_MULTIPROC_DIR` (api/serving.py makes a fresh one when it is not set) and a scrape
of any worker reads them all, so the numbers are the hub's, whichever worker answers.
Operation names become label values only when they are plain GraphQL names, and only the
first `MAX_OPERATION_NAMES` of them per worker: a client inventing names cannot blow up
the series count.

For subscriptions (another module): `subscription_opened()` and `subscription_closed()`; for
the answers that refuse a request at the door or for its cost: `refused()`.
"""

from __future__ import annotations

import os
from typing import Final

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.requests import Request
from starlette.responses import Response

from graph.database import pool_usage

MULTIPROC_ENV: Final = "PROMETHEUS_MULTIPROC_DIR"
MAX_OPERATION_NAMES: Final = 200
OTHER: Final = "other"

REQUESTS = Counter(
    "hub_graphql_requests",
    "GraphQL requests by operation name, operation type and outcome code (OK or the first "
    "error's extensions.code).",
    ["operation", "type", "code"],
)
LATENCY = Histogram(
    "hub_graphql_request_seconds",
    "Time from a GraphQL request's arrival to its answer, by operation type.",
    ["type"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
NEO4J_SECONDS = Histogram(
    "hub_neo4j_request_seconds",
    "Time a GraphQL request spent in Neo4j statements (summed over its round trips).",
    ["type"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
ROUND_TRIPS = Histogram(
    "hub_neo4j_round_trips_per_request",
    "Neo4j round trips one GraphQL request made.",
    ["type"],
    buckets=(0, 1, 2, 3, 4, 6, 8, 12, 16, 32, 64),
)
REFUSALS = Counter(
    "hub_refused_requests",
    "Requests refused before any GraphQL ran, by HTTP status: 401 credentials refused, 429 "
    "rate limit (a WebSocket closed with 4429 included), 503 credentials not checkable.",
    ["status"],
)
POOL_IN_USE = Gauge(
    "hub_neo4j_connections_in_use",
    "Neo4j transactions in flight, each holding one pooled connection.",
    multiprocess_mode="livesum",
)
SUBSCRIPTIONS = Gauge(
    "hub_graphql_subscriptions_open",
    "GraphQL subscriptions currently streaming.",
    multiprocess_mode="livesum",
)

_known_names: set[str] = set()


def _pool_changed(delta: int) -> None:
    POOL_IN_USE.inc(delta)


pool_usage.listen(_pool_changed)


def refused(status: int) -> None:
    REFUSALS.labels(str(status)).inc()


def subscription_opened() -> None:
    SUBSCRIPTIONS.inc()


def subscription_closed() -> None:
    SUBSCRIPTIONS.dec()


def _operation_label(name: str) -> str:
    if name in _known_names:
        return name
    if len(_known_names) >= MAX_OPERATION_NAMES:
        return OTHER
    _known_names.add(name)
    return name


def observe_request(
    operation: str,
    operation_type: str,
    code: str,
    *,
    seconds: float,
    neo4j_seconds: float,
    round_trips: int,
) -> None:
    REQUESTS.labels(_operation_label(operation), operation_type, code).inc()
    LATENCY.labels(operation_type).observe(seconds)
    NEO4J_SECONDS.labels(operation_type).observe(neo4j_seconds)
    ROUND_TRIPS.labels(operation_type).observe(round_trips)


def exposition() -> bytes:
    """Every worker's metrics when they are shared through files, else this process's."""
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def worker_stopped() -> None:
    """A stopping worker's live gauges leave the sums (a no-op without shared files)."""
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]


async def metrics(request: Request) -> Response:
    return Response(exposition(), media_type=CONTENT_TYPE_LATEST)
