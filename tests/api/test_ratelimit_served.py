"""The served hub's limit: one budget for all its workers, addresses from trusted proxies only."""

from __future__ import annotations

import http.client
import json
import time

import psutil

from tests.live_hub import LiveHub, hub_env, live_hub
from tests.neo4j_server import Neo4jServer

BODY = json.dumps({"query": "{ apiVersion }"})


def _status(hub: LiveHub, forwarded_for: str | None = None) -> int:
    """One request on a connection of its own, so the kernel picks a worker for each."""
    connection = http.client.HTTPConnection("127.0.0.1", hub.port, timeout=30)
    headers = {"content-type": "application/json"}
    if forwarded_for is not None:
        headers["x-forwarded-for"] = forwarded_for
    try:
        connection.request("POST", "/graphql", BODY, headers)
        return connection.getresponse().status
    finally:
        connection.close()


def _wait_for_listeners(hub: LiveHub, workers: int, timeout: float = 60) -> None:
    """Until `workers` processes of the hub listen on its port (the first answers earlier)."""
    deadline = time.monotonic() + timeout
    while True:
        listening = [
            child
            for child in psutil.Process(hub.process.pid).children(recursive=True)
            if any(
                connection.status == psutil.CONN_LISTEN and connection.laddr.port == hub.port
                for connection in child.net_connections("tcp")
            )
        ]
        if len(listening) >= workers:
            return
        assert time.monotonic() < deadline, f"{len(listening)} of {workers} workers listen"
        time.sleep(0.2)


def test_two_workers_hold_one_budget(neo4j_server: Neo4jServer) -> None:
    env = hub_env(
        neo4j_server,
        HUB_WORKERS="2",
        HUB_RATE_LIMIT_PER_MINUTE="1",
        HUB_RATE_LIMIT_BURST="10",
    )
    with live_hub(env) as hub:
        _wait_for_listeners(hub, 2)
        # A worker still starting queues its connections in its socket's backlog.
        statuses = [_status(hub) for _ in range(40)]
    # Per-worker buckets let 20 through (measured: 40 connections hashed over two workers).
    assert statuses.count(200) in (10, 11), statuses
    assert set(statuses) == {200, 429}


def test_forwarded_addresses_count_from_trusted_proxies_only(neo4j_server: Neo4jServer) -> None:
    limits = {"HUB_RATE_LIMIT_PER_MINUTE": "1", "HUB_RATE_LIMIT_BURST": "2"}
    with live_hub(hub_env(neo4j_server, HUB_TRUSTED_PROXIES="127.0.0.0/8", **limits)) as hub:
        assert [_status(hub, "203.0.113.5") for _ in range(3)] == [200, 200, 429]
        assert _status(hub, "203.0.113.6") == 200
        assert [_status(hub, "2001:db8:0:1::1"), _status(hub, "2001:db8:0:1::2")] == [200, 200]
        assert _status(hub, "2001:db8:0:1:ffff::3") == 429  # the same /64
        assert _status(hub, "2001:db8:0:2::1") == 200
    with live_hub(hub_env(neo4j_server, **limits)) as hub:
        spoofed = [_status(hub, f"198.51.100.{n}") for n in range(3)]
        assert spoofed == [200, 200, 429]  # one bucket: the header is not believed
