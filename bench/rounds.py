"""The timed part: interleaved rounds of warm-up + measured runs, with CPU read around each.

Each run also records how much CPU the server under test (for the floor: this Python client)
and the Neo4j JVM used, so the report can give a cost per request that other load on a shared
machine moves far less than throughput.
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.graphdata import Neo4jTarget
from bench.load import RunResult, run_floor, run_wrk
from bench.mix import MixQuery, Target, request_body
from bench.samples import Sample
from bench.servers import PROJECT, MemoryWatch, Server, listening_pid, tree_cpu_seconds

TMP = PROJECT / "bench" / "results" / "tmp"


@dataclass(frozen=True, slots=True)
class RoundPlan:
    rounds: int
    warmup: float
    duration: float
    connections: int
    token: str
    authorization: str
    """Sent with the hub's write only: reads are anonymous, as most of the hub's traffic is."""


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


async def timed_rounds(
    plan: RoundPlan,
    target: Neo4jTarget,
    driver: Any,
    mix: list[MixQuery],
    samples: list[Sample],
    servers: dict[str, Server],
    usable: dict[str, list[Target]],
) -> dict[str, dict[str, list[RunResult]]]:
    """Round r runs every query on hub, peer, floor (reversed on odd rounds) to cancel drift.

    Before the first round of a query every target gets one warm-up run, so the first
    timed run is not also the first contact with that query's Cypher.
    """
    bodies = write_bodies(mix, samples)
    neo4j_pid = listening_pid(urlsplit(target.uri).port or 7687)
    runs: dict[str, dict[str, list[RunResult]]] = {query.name: {} for query in mix}
    with MemoryWatch(list(servers.values())):
        for round_number in range(plan.rounds):
            for query in mix:
                order = usable[query.name][:: -1 if round_number % 2 else 1]
                if round_number == 0 and plan.warmup > 0:
                    # Whoever runs first after a graph build or the previous query would
                    # otherwise also pay for Neo4j's cold plans, caches and checkpoint.
                    for name in order:
                        await _one_run(
                            plan, target, driver, query, name, samples, servers, bodies,
                            plan.warmup, f"{plan.token}p{name[0]}",
                        )  # fmt: skip
                for name in order:
                    run_token = f"{plan.token}{round_number}{name[0]}"
                    for phase, seconds in (("w", plan.warmup), ("t", plan.duration)):
                        if seconds <= 0:
                            continue
                        server_pid = servers[name].process.pid if name in servers else None
                        before = _cpu(server_pid), _cpu(neo4j_pid)
                        result = await _one_run(
                            plan, target, driver, query, name, samples, servers, bodies,
                            seconds, run_token + phase,
                        )  # fmt: skip
                        after = _cpu(server_pid), _cpu(neo4j_pid)
                        result = replace(
                            result,
                            server_cpu_s=after[0] - before[0],
                            neo4j_cpu_s=after[1] - before[1],
                        )
                        if phase == "t":
                            runs[query.name].setdefault(name, []).append(result)
                            log(
                                f"round {round_number + 1} {query.name:8} {name:5} "
                                f"{result.rps:8.1f} rps, errors {result.errors}"
                            )
    return runs


def _cpu(pid: int | None) -> float:
    """CPU of `pid`'s tree; None means this process (the floor's client)."""
    if pid is None:
        return time.process_time()
    return tree_cpu_seconds(pid)


async def _one_run(
    plan: RoundPlan,
    target: Neo4jTarget,
    driver: Any,
    query: MixQuery,
    name: str,
    samples: list[Sample],
    servers: dict[str, Server],
    bodies: dict[tuple[str, str], Path],
    seconds: float,
    run_token: str,
) -> RunResult:
    if name == "floor":
        return await run_floor(
            driver,
            target.database,
            query.targets["floor"],
            samples,
            write=query.write,
            duration=seconds,
            connections=plan.connections,
            run_token=run_token,
        )
    return await asyncio.to_thread(
        run_wrk,
        servers[name].url,
        bodies[(query.name, name)],
        duration=seconds,
        connections=plan.connections,
        out=TMP / f"wrk-{query.name}-{name}.json",
        run_token=run_token,
        authorization=plan.authorization if name == "hub" and query.write else None,
    )


def write_bodies(mix: list[MixQuery], samples: list[Sample]) -> dict[tuple[str, str], Path]:
    """One file of request bodies per query and server, for wrk's Lua script."""
    TMP.mkdir(parents=True, exist_ok=True)
    files = {}
    for query in mix:
        for name in ("hub", "peer"):
            spec = query.targets["hub" if name == "hub" else "peer"]
            path = TMP / f"bodies-{query.name}-{name}.jsonl"
            lines = (request_body(spec, sample) for sample in samples)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            files[(query.name, name)] = path
    return files
