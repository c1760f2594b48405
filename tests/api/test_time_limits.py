"""Every transaction has a time limit by class, and a client that hangs up stops its work.

A write waiting for a lock another transaction holds is the slow query here: deterministic,
and it would commit as soon as the lock is released if nothing stopped it, so "stopped" is
visible in the graph as well as in `SHOW TRANSACTIONS`.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, contextmanager
from typing import Any

import httpx
import pytest
from neo4j import AsyncDriver, AsyncTransaction
from pydantic import SecretStr

from api.settings import Settings
from graph.database.cypher import Cypher
from tests.app_client import app_client, hub_settings
from tests.editors import SECRET, editor_headers
from tests.live_hub import hub_env, live_hub
from tests.neo4j_server import Neo4jServer

GRAPHQL_RESPONSE = "application/graphql-response+json"
RENAME = """mutation { updateTopic(input: {id: "locked", name: [{lang: "en", text: "After"}]})
  { userErrors { message } topic { slug } } }"""
BLOCKED = """SHOW TRANSACTIONS YIELD transactionId, status
WHERE status STARTS WITH 'Blocked' RETURN transactionId"""


def settings(neo4j_server: Neo4jServer, **overrides: Any) -> Settings:
    return hub_settings(
        neo4j_server,
        hub_jwt_secret=SecretStr(SECRET),
        hub_rate_limit_per_minute=0,
        hub_seed_on_start=False,
        **overrides,
    )


def client_for(config: Settings) -> AbstractAsyncContextManager[httpx.AsyncClient]:
    return app_client(config, editor_headers())


@asynccontextmanager
async def topic_locked(driver: AsyncDriver) -> AsyncIterator[AsyncTransaction]:
    """Holds the write lock of topic `locked` until the block ends (then rolls back)."""
    async with driver.session(database="neo4j") as session:
        tx = await session.begin_transaction()
        try:
            await tx.run("MATCH (t:Topic {id: 'locked'}) SET t.lockedByTest = true")
            yield tx
        finally:
            await tx.rollback()


async def create_topic(cypher: Cypher) -> None:
    await cypher.write("CREATE (:Topic {id: 'locked', name: 'Before'})")


async def renamed(cypher: Cypher) -> bool:
    """Whether the hub's rename reached the graph (in any of the name's properties)."""
    rows = await cypher.read("MATCH (t:Topic {id: 'locked'}) RETURN properties(t) AS p")
    return "After" in rows[0]["p"].values()


async def test_a_write_past_its_limit_answers_query_timeout_and_changes_nothing(
    neo4j_server: Neo4jServer, cypher: Cypher, driver: AsyncDriver
) -> None:
    await create_topic(cypher)
    config = settings(neo4j_server, hub_write_timeout=1.0)
    async with client_for(config) as client, topic_locked(driver):
        started = time.monotonic()
        response = await client.post(
            "/graphql", json={"query": RENAME}, headers={"accept": GRAPHQL_RESPONSE}
        )
        waited = time.monotonic() - started
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TIMEOUT"
    assert "1 s limit" in error["message"]
    assert "read before you retry" in error["message"]  # the hint
    assert waited < 10  # bounded: it did not wait for the lock
    assert not await renamed(cypher)


async def test_a_read_past_its_limit_answers_query_timeout_with_a_hint(
    neo4j_server: Neo4jServer, cypher: Cypher
) -> None:
    async with client_for(settings(neo4j_server, hub_read_timeout=0.001)) as client:
        # a connection in the pool first: the limit then cuts a query short, not a Bolt
        # handshake (a task cancelled inside the driver's connect leaves its socket open)
        assert (await client.get("/readyz")).status_code == 200
        response = await client.post("/graphql", json={"query": "{ experts { totalCount } }"})
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TIMEOUT"
    assert "smaller pages" in error["message"]


async def test_time_limits_are_settings_with_defaults_by_class() -> None:
    defaults = Settings()
    assert (defaults.hub_read_timeout, defaults.hub_analysis_timeout) == (5.0, 15.0)
    assert defaults.hub_write_timeout == 10.0


@contextmanager
def posted_then_abandoned(url: str, query: str) -> Iterator[socket.socket]:
    """A raw HTTP POST whose client disconnects when the block ends, before any answer."""
    host, port = url.removeprefix("http://").split("/")[0].split(":")
    body = json.dumps({"query": query}).encode()
    headers = {"content-type": "application/json", **editor_headers()}
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    request = (
        f"POST /graphql HTTP/1.1\r\nhost: {host}\r\ncontent-length: {len(body)}\r\n{head}\r\n"
    ).encode()
    connection = socket.create_connection((host, int(port)), timeout=10)
    try:
        connection.sendall(request + body)
        yield connection
    finally:
        connection.close()


async def blocked_transactions(driver: AsyncDriver) -> list[str]:
    records, _, _ = await driver.execute_query(BLOCKED, database_="neo4j")
    return [record["transactionId"] for record in records]


async def until(condition: Any, seconds: float) -> bool:
    """Poll `condition()` (async) until true or `seconds` passed: a bound, not a timing."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await condition():
            return True
        await asyncio.sleep(0.1)
    return bool(await condition())


@pytest.mark.filterwarnings("ignore::ResourceWarning")
async def test_a_client_that_disconnects_cancels_its_transaction(
    neo4j_server: Neo4jServer, cypher: Cypher, driver: AsyncDriver
) -> None:
    env = hub_env(neo4j_server, HUB_JWT_SECRET=SECRET, HUB_WRITE_TIMEOUT="60")
    await create_topic(cypher)
    with live_hub(env) as hub:
        async with topic_locked(driver):
            with posted_then_abandoned(hub.graphql, RENAME):

                async def hub_waits() -> bool:
                    return len(await blocked_transactions(driver)) == 1

                assert await until(hub_waits, 20), "the hub's write never reached the lock"

            async def hub_gave_up() -> bool:
                return not await blocked_transactions(driver)

            assert await until(hub_gave_up, 10), "the abandoned write still runs in Neo4j"
        # Had it kept running it would have committed once the lock was released.
        await asyncio.sleep(0.5)
        assert not await renamed(cypher)
