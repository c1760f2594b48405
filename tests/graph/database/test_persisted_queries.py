"""The APQ store in Neo4j: registrations racing on one hash, and the count bound."""

from __future__ import annotations

import asyncio

from neo4j import AsyncDriver

from graph.database.cypher import Cypher
from graph.database.persisted_queries import (
    count_persisted_queries,
    fetch_persisted_query,
    register_persisted_query,
)

DATABASE = "neo4j"
HASH = "a" * 64


async def test_concurrent_registrations_of_one_hash_store_it_once(
    cypher: Cypher, driver: AsyncDriver
) -> None:
    runners = [Cypher(driver, DATABASE) for _ in range(6)]
    await asyncio.gather(
        *(register_persisted_query(r, HASH, "{ apiVersion }", keep=10) for r in runners)
    )
    assert await count_persisted_queries(cypher) == 1
    assert await fetch_persisted_query(cypher, HASH) == "{ apiVersion }"
    assert await fetch_persisted_query(cypher, "b" * 64) is None


async def test_a_use_keeps_a_query_from_being_dropped(cypher: Cypher) -> None:
    hashes = [str(n) * 64 for n in range(1, 4)]
    await register_persisted_query(cypher, hashes[0], "{ a: apiVersion }", keep=2)
    await asyncio.sleep(0.01)
    await register_persisted_query(cypher, hashes[1], "{ b: apiVersion }", keep=2)
    await asyncio.sleep(0.01)
    assert await fetch_persisted_query(cypher, hashes[0]) is not None  # used: now the newest
    await asyncio.sleep(0.01)
    await register_persisted_query(cypher, hashes[2], "{ c: apiVersion }", keep=2)
    assert await count_persisted_queries(cypher) == 2
    assert await fetch_persisted_query(cypher, hashes[1]) is None
    assert await fetch_persisted_query(cypher, hashes[0]) is not None
