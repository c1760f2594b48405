"""The hub alone under wrk on the bench graph: the set-up bench.profiling and bench.workers share.

Both time one query at a time against one hub on the bench Neo4j (the one bench.run loads),
with the same command-line options for the hub and the load, so a profile and a worker sweep
can be compared with each other and with bench.run's tables.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from bench.graphdata import Neo4jTarget, neo4j_target
from bench.mix import MixQuery
from bench.samples import draw_samples
from bench.servers import PROJECT, Server, start_hub
from bench.slices import TMP
from bench.stream import write_bodies
from graph.database.driver import open_driver


def add_hub_options(parser: argparse.ArgumentParser, *, duration: float) -> None:
    """The load's length and connections, the hub's port and environment, the results' label."""
    parser.add_argument("--duration", type=float, default=duration)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--hub-port", type=int, default=8705)
    parser.add_argument("--hub-env", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--label", default="latest")


@contextmanager
def bench_graph() -> Iterator[Neo4jTarget]:
    """NEO4J_URI's server, or the bench's own local one (started here and stopped after)."""
    target = neo4j_target(port=7705, heap="2g", pagecache="3g", home=PROJECT / ".neo4j" / "bench")
    try:
        yield target
    finally:
        if target.server is not None:
            target.server.stop()


def hub_bodies(target: Neo4jTarget, mix: Sequence[MixQuery]) -> dict[tuple[str, str], Path]:
    """wrk's request files, one per query, from 64 samples drawn with a fixed seed."""

    async def samples() -> list[dict[str, object]]:
        async with open_driver(target.uri, target.user, target.password) as driver:
            return await draw_samples(driver, target.database, 64, 7)

    return write_bodies(mix, asyncio.run(samples()), TMP)


def start_solo_hub(
    options: argparse.Namespace, target: Neo4jTarget, *, workers: int, log: Path
) -> Server:
    return start_hub(
        port=options.hub_port,
        workers=workers,
        neo4j_env=target.env(),
        extra_env=dict(item.split("=", 1) for item in options.hub_env),
        log=log,
    )
