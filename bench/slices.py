"""The timed part: targets alternate in short slices of one stream, CPU read around each slice.

Slice i runs every target once, for the same seconds, from the same line of the stream; the
order rotates by one target per slice, so each target takes each position equally often and
drift on a shared machine (other load, Neo4j's checkpoints, caches warming) falls on all alike.
Each slice also records the CPU of the server's process tree and of the Neo4j JVM, a cost per
request that other load moves far less than throughput.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from bench.load import RunResult, run_wrk
from bench.mix import Target
from bench.servers import PROJECT, Server, tree_cpu_seconds

T = TypeVar("T")
TMP = PROJECT / "bench" / "results" / "tmp"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True, slots=True)
class SlicePlan:
    offsets: Sequence[int]
    """Where each slice starts in the stream (bench/stream.slice_offsets); one slice each."""
    seconds: float
    warmup: float
    connections: int
    token: str
    authorization: str | None
    """Sent by the hub's dialect with each write (bench/lua/graphql.lua); reads are anonymous,
    as most of the hub's traffic is."""


def rotation(names: Sequence[T], index: int) -> list[T]:
    """The order of slice `index`: `names` rotated left by `index`."""
    shift = index % len(names) if names else 0
    return [*names[shift:], *names[:shift]]


async def timed_slices(
    plan: SlicePlan,
    label: str,
    servers: Mapping[str, Server],
    files: Mapping[Target, tuple[Path, Path]],
    dialects: Mapping[str, Target],
    neo4j_pid: int | None,
) -> dict[str, list[RunResult]]:
    """Per target, its timed slices in order; one untimed warm-up run per target first.

    `files` holds, per dialect, the stream's bodies and the ids its writes draw from.
    """
    names = list(servers)
    for name in names:
        if plan.warmup > 0:
            await _one(
                plan,
                servers[name],
                files[dialects[name]],
                dialects[name],
                plan.warmup,
                0,
                f"{plan.token}{label}w{name}",
            )
    runs: dict[str, list[RunResult]] = {name: [] for name in names}
    for index, offset in enumerate(plan.offsets):
        for name in rotation(names, index):
            server = servers[name]
            before = tree_cpu_seconds(server.process.pid), _cpu(neo4j_pid)
            result = await _one(
                plan,
                server,
                files[dialects[name]],
                dialects[name],
                plan.seconds,
                offset,
                f"{plan.token}{label}s{index}{name}",
            )
            after = tree_cpu_seconds(server.process.pid), _cpu(neo4j_pid)
            runs[name].append(
                replace(result, server_cpu_s=after[0] - before[0], neo4j_cpu_s=after[1] - before[1])
            )
            log(
                f"{label} slice {index + 1}/{len(plan.offsets)} {name:12} "
                f"{result.rps:8.1f} rps, errors {result.errors}"
            )
    return runs


def _cpu(pid: int | None) -> float:
    return tree_cpu_seconds(pid) if pid is not None else 0.0


async def _one(
    plan: SlicePlan,
    server: Server,
    files: tuple[Path, Path],
    dialect: Target,
    seconds: float,
    start: int,
    run_token: str,
) -> RunResult:
    bodies, participants = files
    return await asyncio.to_thread(
        run_wrk,
        server.url,
        bodies,
        duration=seconds,
        connections=plan.connections,
        out=TMP / f"wrk-{server.name}.json",
        run_token=run_token,
        authorization=plan.authorization if dialect == "hub" else None,
        start=start,
        participants=participants,
        seed=start + 1,
    )
