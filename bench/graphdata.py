"""The benchmark's Neo4j and graph: started when none is given, rebuilt only when the size changes.

The graph comes from the hub's own generator (`hub seed --synthetic --reset`, which migrates
and empties the database first), so the benchmark reads exactly the shapes the product
loads. A state file remembers which size and seed are loaded, so a second run at the same
size skips the rebuild.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final, LiteralString

from neo4j import AsyncDriver, RoutingControl

from bench.servers import PROJECT, run_checked
from graph.database.cypher import Cypher
from graph.neo4j_local import LocalNeo4j, LocalNeo4jConfig

STATE = PROJECT / "bench" / "results" / "tmp" / "graph-state.json"
COUNT_EXPERTS: Final[LiteralString] = "MATCH (x:Expert) RETURN count(x) AS experts"
DELETE_BENCH_WRITES: Final[LiteralString] = """
MATCH (e:Event) WHERE e.id STARTS WITH 'bench-w-'
CALL (e) { DETACH DELETE e } IN TRANSACTIONS OF 5000 ROWS
"""


@dataclass(frozen=True, slots=True)
class Neo4jTarget:
    uri: str
    user: str
    password: str
    database: str
    server: LocalNeo4j | None

    def env(self) -> dict[str, str]:
        return {
            "NEO4J_URI": self.uri,
            "NEO4J_USER": self.user,
            "NEO4J_PASSWORD": self.password,
            "NEO4J_DATABASE": self.database,
        }


def neo4j_target(*, port: int, heap: str, pagecache: str, home: Path) -> Neo4jTarget:
    """NEO4J_URI when set (with NEO4J_USER/PASSWORD), else a local server this run starts."""
    user = os.environ.get("NEO4J_USER", "neo4j")
    password = os.environ.get("NEO4J_PASSWORD", "bench-password")
    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    if os.environ.get("NEO4J_URI"):
        return Neo4jTarget(os.environ["NEO4J_URI"], user, password, database, None)
    server = LocalNeo4j(
        LocalNeo4jConfig(
            home=home, password=password, bolt_port=port, heap=heap, pagecache=pagecache
        )
    )
    status = server.start()
    assert status.uri is not None
    return Neo4jTarget(status.uri, user, password, database, server)


async def ensure_graph(driver: AsyncDriver, target: Neo4jTarget, experts: int, seed: int) -> float:
    """Build the synthetic graph unless it is already loaded; returns the seconds spent."""
    wanted = {"uri": target.uri, "experts": experts, "seed": seed}
    loaded = await _count_experts(driver, target.database)
    if STATE.is_file() and json.loads(STATE.read_text(encoding="utf-8")) == {
        **wanted,
        "count": loaded,
    }:
        return 0.0
    started = time.monotonic()
    command = [
        str(PROJECT / ".venv" / "bin" / "hub"),
        "seed",
        "--synthetic",
        "--experts",
        str(experts),
        "--random-seed",
        str(seed),
        "--reset",
    ]
    await asyncio.to_thread(run_checked, command, cwd=PROJECT, env=target.env())
    STATE.parent.mkdir(parents=True, exist_ok=True)
    count = await _count_experts(driver, target.database)
    STATE.write_text(json.dumps({**wanted, "count": count}), encoding="utf-8")
    return time.monotonic() - started


async def delete_bench_writes(driver: AsyncDriver, target: Neo4jTarget) -> None:
    """The write query's events go again, so reruns read the same graph."""
    await Cypher(driver, target.database).autocommit(DELETE_BENCH_WRITES)


async def _count_experts(driver: AsyncDriver, database: str) -> int:
    result = await driver.execute_query(
        COUNT_EXPERTS, routing_=RoutingControl.READ, database_=database
    )
    return int(result.records[0]["experts"])
