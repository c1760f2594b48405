"""`python -m bench`: the whole benchmark in one command (see bench/README.md).

For each graph size: build the synthetic graph (unless loaded), draw samples, start the hub and
the peer, check that hub, peer and floor answer alike, count the hub's round trips, then time
every query on every target in interleaved rounds (hub, peer, floor; then floor, peer, hub) so
that drift on a shared machine falls on all of them alike.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import secrets
import time
from collections.abc import Sequence
from typing import Any

import jwt
from starlette.applications import Starlette

from api.app import create_app
from api.serving import APP
from api.settings import Settings
from bench.check import check_answers, count_round_trips
from bench.graphdata import Neo4jTarget, delete_bench_writes, ensure_graph, neo4j_target
from bench.load import merge
from bench.mix import TARGETS, MixQuery, Target, load_mix
from bench.report import MB, SizeReport, write_outputs
from bench.rounds import TMP, RoundPlan, log, timed_rounds
from bench.samples import draw_samples
from bench.servers import PROJECT, Server, start_hub, start_peer
from graph.database.driver import open_driver

RESULTS = PROJECT / "bench" / "results"


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated expert counts")
    parser.add_argument("--random-seed", type=int, default=7, help="graph and sample seed")
    parser.add_argument("--queries", default="", help="comma-separated subset of mix.toml")
    parser.add_argument("--targets", default="hub,peer,floor")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per timed run")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds before each run")
    parser.add_argument("--connections", type=int, default=16, help="requests in flight")
    parser.add_argument(
        "--workers", type=int, default=2, help="hub uvicorn workers = peer processes"
    )
    parser.add_argument("--peer-workers", type=int, default=0, help="override the peer's count")
    parser.add_argument("--samples", type=int, default=64, help="distinct parameter sets per query")
    parser.add_argument("--check-samples", type=int, default=5)
    parser.add_argument("--hub-port", type=int, default=8705)
    parser.add_argument("--peer-port", type=int, default=4705)
    parser.add_argument(
        "--neo4j-port", type=int, default=7705, help="local server when no NEO4J_URI"
    )
    parser.add_argument("--neo4j-heap", default="2g")
    parser.add_argument("--neo4j-pagecache", default="3g")
    parser.add_argument("--hub-env", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--hub-app", default=APP, help="or bench.hubapp:app")
    parser.add_argument(
        "--hub-authorization",
        default=os.environ.get("BENCH_HUB_AUTHORIZATION"),
        help="for the hub's write; default: an editor JWT signed with a per-run HUB_JWT_SECRET",
    )
    parser.add_argument("--label", default="latest", help="suffix of the result files")
    parser.add_argument("--keep-neo4j", action="store_true", help="leave a started Neo4j running")
    parser.add_argument("--no-build", action="store_true", help="use the graph as loaded")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    # Neo4j's notifications (e.g. an unused relationship type) would flood the log.
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    target = neo4j_target(
        port=args.neo4j_port,
        heap=args.neo4j_heap,
        pagecache=args.neo4j_pagecache,
        home=PROJECT / ".neo4j" / "bench",
    )
    try:
        reports = asyncio.run(run_all(args, target))
    finally:
        if target.server is not None and not args.keep_neo4j:
            target.server.stop()
    for path in write_outputs(reports, RESULTS, args.label):
        print(f"wrote {path.relative_to(PROJECT)}")
    return 0


async def run_all(args: argparse.Namespace, target: Neo4jTarget) -> list[SizeReport]:
    wanted = {name for name in args.queries.split(",") if name}
    mix = [query for query in load_mix() if not wanted or query.name in wanted]
    driver = open_driver(target.uri, target.user, target.password, max_connection_pool_size=200)
    reports = []
    async with driver:
        for size in (int(value) for value in args.sizes.split(",")):
            if not args.no_build:
                spent = await ensure_graph(driver, target, size, args.random_seed)
                log(f"graph of {size:,} experts ready ({spent:.0f}s building)")
            reports.append(await run_size(args, target, driver, mix, size))
    return reports


async def run_size(
    args: argparse.Namespace, target: Neo4jTarget, driver: Any, mix: list[MixQuery], size: int
) -> SizeReport:
    await delete_bench_writes(driver, target)
    samples = await draw_samples(driver, target.database, args.samples, args.random_seed)
    token = secrets.token_hex(3)
    hub_env, authorization = hub_settings(args)
    targets = [name for name in TARGETS if name in args.targets.split(",")]
    report = SizeReport(size, settings=_settings(args))
    servers: dict[str, Server] = {}
    try:
        if "hub" in targets:
            servers["hub"] = start_hub(
                port=args.hub_port,
                workers=args.workers,
                neo4j_env=target.env(),
                extra_env=hub_env,
                log=TMP / "hub.log",
                app=args.hub_app,
            )
        if "peer" in targets:
            servers["peer"] = start_peer(
                port=args.peer_port,
                workers=args.peer_workers or args.workers,
                neo4j_env=target.env(),
                log=TMP / "peer.log",
            )
        urls: dict[Target, str] = {name: server.url for name, server in servers.items()}  # type: ignore[misc]
        usable: dict[str, list[Target]] = {}
        for query in mix:
            check = await check_answers(
                query,
                samples[: args.check_samples],
                urls=urls,
                driver=driver,
                database=target.database,
                headers={"hub": {"authorization": authorization}} if query.write else {},
                token=token,
            )
            report.checks[query.name] = check.status + "".join(
                f"; {m}" for m in check.mismatches[:2]
            )
            for name, reason in check.failed.items():
                log(f"{query.name}: {name} failed the answer check: {reason}")
            usable[query.name] = [name for name in targets if name not in check.failed]
            log(f"{query.name}: answers {check.status} on {check.checked} samples")
            if "hub" in usable[query.name]:
                report.round_trips[query.name] = await count_round_trips(
                    query,
                    samples[: args.check_samples],
                    app=hub_app({**target.env(), **hub_env}),
                    token=token,
                    authorization=authorization if query.write else None,
                )
        plan = RoundPlan(
            args.rounds, args.warmup, args.duration, args.connections, token, authorization
        )
        runs = await timed_rounds(plan, target, driver, mix, samples, servers, usable)
        report.runs = {
            name: {t: merge(r) for t, r in by_target.items()} for name, by_target in runs.items()
        }
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
        total, worker = server.last_total_rss / MB, server.last_process_rss / MB
        log(f"{name} RSS at end: {total:.0f} MB total, {worker:.0f} MB largest process")
    return report


def hub_app(env: dict[str, str]) -> Starlette:
    """The hub's app in this process, for counting round trips, with the served hub's settings.

    The served hub reads the process environment with `env` on top (bench/servers.py);
    settings given as arguments take precedence over the environment the same way, without
    writing `env` into this process's own.
    """
    overrides: dict[str, Any] = {name.lower(): value for name, value in env.items()}
    return create_app(Settings(**overrides))


def hub_settings(args: argparse.Namespace) -> tuple[dict[str, str], str]:
    """Environment for the hub under test, and the Authorization header of its write.

    Rate limiting is off (all load comes from one address); unless `--hub-authorization` is
    given, the run signs an editor JWT with a secret it makes up and hands the hub.
    """
    env = {"HUB_RATE_LIMIT_PER_MINUTE": "0"}
    authorization = args.hub_authorization
    if not authorization:
        secret = secrets.token_urlsafe(48)
        now = int(time.time())
        claims = {"sub": "bench", "role": "editor", "iat": now, "exp": now + 24 * 3600}
        authorization = "Bearer " + jwt.encode(claims, secret, algorithm="HS256")
        env["HUB_JWT_SECRET"] = secret
    env.update(item.split("=", 1) for item in args.hub_env)
    return env, authorization


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "workers": args.workers,
        "peer processes": args.peer_workers or args.workers,
        "connections": args.connections,
        "rounds": args.rounds,
        "duration s": args.duration,
        "warm-up s": args.warmup,
        "hub env": " ".join(args.hub_env) or "-",
        "hub app": args.hub_app,
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


if __name__ == "__main__":
    raise SystemExit(main())
