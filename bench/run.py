"""`python -m bench`: the whole benchmark in one command (see bench/README.md).

For each graph size: build the synthetic graph (unless loaded), draw samples, compose the
streams (the five reads; the reads with a write in ten), start every target (hub, peer, floor,
and on request the hub at another commit), check every sample's answer on every target (a
difference fails the run before any timing), count the hub's round trips, then time each stream
at each connection count of the sweep with the targets alternating in short slices.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import secrets
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jwt
from starlette.applications import Starlette

from api.app import create_app
from api.serving import APP
from api.settings import Settings
from bench.abhub import migrate, prepare
from bench.check import check_answers, count_round_trips
from bench.graphdata import Neo4jTarget, delete_bench_writes, ensure_graph, neo4j_target
from bench.mix import TARGETS, MixQuery, Target, dialect_of, load_mix
from bench.report import MB, Report, StreamResult, write_outputs
from bench.samples import Sample, active_experts, draw_samples
from bench.servers import PROJECT, MemoryWatch, Server, listening_pid, start_hub, start_peer
from bench.slices import TMP, SlicePlan, log, timed_slices
from bench.stream import (
    READS,
    Line,
    StreamSpec,
    compose,
    composition,
    participant_ids,
    read_stream,
    render_lines,
    slice_offsets,
    write_file,
    write_stream,
)
from graph.database.driver import open_driver

RESULTS = PROJECT / "bench" / "results"
FAR_LIMITS = {f"HUB_{kind}_TIMEOUT": "120" for kind in ("READ", "ANALYSIS", "WRITE")}
PORT_OFFSETS = {"hub": 0, "floor": 1, "hub-ab": 2}


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--sizes", default="10000", help="comma-separated expert counts")
    add("--random-seed", type=int, default=7, help="graph, sample and stream seed")
    add("--streams", default="reads,writes", help="reads (the five reads), writes (+1 in 10)")
    add("--queries", default=",".join(READS), help="the reads the streams mix")
    add("--write-share", type=float, default=0.1, help="share of writes in the writes stream")
    add("--targets", default="hub,peer,floor")
    add("--ab", default="", metavar="REF", help="add hub-ab: the hub at commit REF")
    add(
        "--ab-migrate",
        action="store_true",
        help="apply REF's migrations to the graph too (its indexes join the current ones)",
    )
    add("--connections", default="16", help="comma-separated sweep, e.g. 4,16,64")
    add("--slices", type=int, default=8, help="timed slices per target and stream")
    add("--slice-seconds", type=float, default=5.0)
    add("--warmup", type=float, default=3.0, help="seconds per target before a stream")
    add("--lines", type=int, default=4000, help="requests in a stream file")
    add("--workers", type=int, default=2, help="uvicorn workers = floor workers = peer processes")
    add("--samples", type=int, default=64, help="distinct parameter sets per read")
    add("--check-samples", type=int, default=0, help="0: check every sample")
    add("--hub-port", type=int, default=8705, help="floor +1, hub-ab +2")
    add("--peer-port", type=int, default=4705)
    add("--neo4j-port", type=int, default=7705, help="local server when no NEO4J_URI")
    add("--neo4j-heap", default="2g")
    add("--neo4j-pagecache", default="3g")
    add("--hub-env", action="append", default=[], metavar="KEY=VALUE")
    add("--hub-app", default=APP, help="or bench.hubapp:app")
    add(
        "--hub-authorization",
        default=os.environ.get("BENCH_HUB_AUTHORIZATION"),
        help="for the hub's writes; default: an editor JWT signed with a per-run secret",
    )
    add("--label", default="latest", help="suffix of the result files")
    add("--keep-neo4j", action="store_true", help="leave a started Neo4j running")
    add("--no-build", action="store_true", help="use the graph as loaded")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # notifications would flood the log
    ab_dir = None
    if args.ab:
        log(f"preparing the hub at {args.ab} (git worktree + venv)")
        ab_dir = prepare(args.ab)
    target = neo4j_target(
        port=args.neo4j_port,
        heap=args.neo4j_heap,
        pagecache=args.neo4j_pagecache,
        home=PROJECT / ".neo4j" / "bench",
    )
    try:
        reports = asyncio.run(run_all(args, target, ab_dir))
    finally:
        if target.server is not None and not args.keep_neo4j:
            target.server.stop()
    for path in write_outputs(reports, RESULTS, args.label):
        print(f"wrote {path.relative_to(PROJECT)}")
    return 0


def target_names(args: argparse.Namespace) -> list[str]:
    names: list[str] = [name for name in TARGETS if name in args.targets.split(",")]
    if args.ab:
        names.append("hub-ab")
    return names


def stream_specs(args: argparse.Namespace) -> list[StreamSpec]:
    reads = [name for name in args.queries.split(",") if name]
    specs = {"reads": read_stream(reads), "writes": write_stream(reads, args.write_share)}
    return [specs[name] for name in args.streams.split(",") if name]


async def run_all(
    args: argparse.Namespace, target: Neo4jTarget, ab_dir: Path | None
) -> list[Report]:
    driver = open_driver(target.uri, target.user, target.password, max_connection_pool_size=50)
    reports = []
    async with driver:
        for size in (int(value) for value in args.sizes.split(",")):
            if not args.no_build:
                spent = await ensure_graph(driver, target, size, args.random_seed)
                log(f"graph of {size:,} experts ready ({spent:.0f}s building)")
            if ab_dir is not None and args.ab_migrate:
                await asyncio.to_thread(migrate, ab_dir, target.env())
                log(f"applied {args.ab}'s migrations")
            reports.append(await run_size(args, target, driver, size, ab_dir))
    return reports


async def run_size(
    args: argparse.Namespace, target: Neo4jTarget, driver: Any, size: int, ab_dir: Path | None
) -> Report:
    await delete_bench_writes(driver, target)
    samples = await draw_samples(driver, target.database, args.samples, args.random_seed)
    experts = await active_experts(driver, target.database)
    mix = {query.name: query for query in load_mix()}
    streams = {
        spec.name: compose(spec, samples, lines=args.lines, seed=args.random_seed)
        for spec in stream_specs(args)
    }
    hub_env, authorization = hub_settings(args)
    names = target_names(args)
    dialects: dict[str, Target] = {name: dialect_of(name) for name in names}
    report = Report(size, settings=_settings(args, names))
    servers: dict[str, Server] = {}
    try:
        servers = start_targets(args, target, names, hub_env, ab_dir)
        urls = {name: server.url for name, server in servers.items()}
        used = sorted({line.query for lines in streams.values() for line in lines})
        for name in used:
            await check(report, mix[name], samples, urls, authorization, args)
        if "hub" in names:
            in_process = hub_app({**target.env(), **hub_env})
            for name in used:
                report.round_trips[name] = await count_round_trips(
                    mix[name],
                    samples[:5],
                    app=in_process,
                    token=secrets.token_hex(3),
                    authorization=authorization if mix[name].write else None,
                )
        neo4j_pid = listening_pid(urlsplit(target.uri).port or 7687)
        with MemoryWatch(list(servers.values())):
            for connections in (int(value) for value in args.connections.split(",")):
                for stream_name, lines in streams.items():
                    files = {
                        dialect: stream_files(stream_name, mix, lines, experts, dialect)
                        for dialect in set(dialects.values())
                    }
                    plan = SlicePlan(
                        offsets=slice_offsets(len(lines), args.slices, args.random_seed),
                        seconds=args.slice_seconds,
                        warmup=args.warmup,
                        connections=connections,
                        token=secrets.token_hex(3),
                        authorization=authorization,
                    )
                    label = f"{stream_name}@{connections}"
                    runs = await timed_slices(plan, label, servers, files, dialects, neo4j_pid)
                    report.streams.append(
                        StreamResult(stream_name, connections, composition(lines), runs)
                    )
    finally:
        for server in servers.values():
            server.stop()
        await delete_bench_writes(driver, target)
    for name, server in servers.items():
        report.memory[name] = {
            "last_total": server.last_total_rss,
            "last_process": server.last_process_rss,
            "peak_total": server.peak_total_rss,
            "peak_process": server.peak_process_rss,
        }
        log(f"{name} worker RSS peak {server.peak_process_rss / MB:.0f} MB")
    return report


def stream_files(
    name: str, mix: dict[str, MixQuery], lines: list[Line], experts: list[str], dialect: Target
) -> tuple[Path, Path]:
    """A stream's bodies in one target's dialect, and the ids its writes draw participants from."""
    return (
        write_file(TMP / f"stream-{name}-{dialect}.jsonl", render_lines(mix, lines, dialect)),
        write_file(TMP / f"participants-{dialect}.txt", participant_ids(experts, dialect)),
    )


def start_targets(
    args: argparse.Namespace,
    target: Neo4jTarget,
    names: Sequence[str],
    hub_env: dict[str, str],
    ab_dir: Path | None,
) -> dict[str, Server]:
    servers: dict[str, Server] = {}
    try:
        for name in names:
            if name == "peer":
                servers[name] = start_peer(
                    port=args.peer_port,
                    workers=args.workers,
                    neo4j_env=target.env(),
                    log=TMP / "peer.log",
                )
                continue
            servers[name] = start_hub(
                port=args.hub_port + PORT_OFFSETS[name],
                workers=args.workers,
                neo4j_env=target.env(),
                extra_env=hub_env,
                log=TMP / f"{name}.log",
                app="bench.floorapp:app" if name == "floor" else args.hub_app,
                name=name,
                project=ab_dir if name == "hub-ab" and ab_dir is not None else PROJECT,
            )
    except BaseException:
        for server in servers.values():
            server.stop()
        raise
    return servers


async def check(
    report: Report,
    query: MixQuery,
    samples: list[Sample],
    urls: dict[str, str],
    authorization: str,
    args: argparse.Namespace,
) -> None:
    """Every sample on every target (5 for the write); any difference ends the run here."""
    count = 5 if query.write else (args.check_samples or len(samples))
    checked = samples[:count]
    result = await check_answers(
        query, checked, urls=urls, token=secrets.token_hex(3), authorization=authorization
    )
    report.checks[query.name] = f"{result.status} on {result.checked} samples"
    log(f"{query.name}: answers {result.status} on {result.checked} samples")
    if result.failed or result.mismatches:
        problems = [f"{name} failed: {reason}" for name, reason in result.failed.items()]
        raise SystemExit(
            f"ANSWER CHECK FAILED for {query.name}; nothing was timed:\n  "
            + "\n  ".join(problems + result.mismatches)
        )


def hub_app(env: dict[str, str]) -> Starlette:
    """The hub's app in this process (for counting round trips), with the served hub's settings;
    settings given as arguments take precedence over the environment, as in the served hub."""
    overrides: dict[str, Any] = {name.lower(): value for name, value in env.items()}
    return create_app(Settings(**overrides))


def hub_settings(args: argparse.Namespace) -> tuple[dict[str, str], str]:
    """Environment for the hubs under test, and the Authorization header of their writes.

    Rate limiting is off (all load comes from one address) and the statements' time limits far
    (a cold first request on a busy machine must not fail the answer check; the peer and the
    floor have none); unless `--hub-authorization` is given, the run signs an editor JWT with a
    secret it makes up and hands the hubs.
    """
    env = {"HUB_RATE_LIMIT_PER_MINUTE": "0", **FAR_LIMITS}
    authorization = args.hub_authorization
    if not authorization:
        secret = secrets.token_urlsafe(48)
        now = int(time.time())
        claims = {"sub": "bench", "role": "editor", "iat": now, "exp": now + 24 * 3600}
        authorization = "Bearer " + jwt.encode(claims, secret, algorithm="HS256")
        env["HUB_JWT_SECRET"] = secret
    env.update(item.split("=", 1) for item in args.hub_env)
    return env, authorization


def _settings(args: argparse.Namespace, names: Sequence[str]) -> dict[str, Any]:
    return {
        "targets": " ".join(names),
        "ab": args.ab or "-",
        "workers": args.workers,
        "connections": args.connections,
        "slices": args.slices,
        "slice s": args.slice_seconds,
        "warm-up s": args.warmup,
        "write share": args.write_share,
        "hub env": " ".join(args.hub_env) or "-",
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


if __name__ == "__main__":
    raise SystemExit(main())
