"""`python -m bench.cpu`: hub worker CPU per request for each read, on a machine others share.

Wall-clock throughput on a shared machine moves with the neighbours; the CPU the hub process
itself spends per request moves much less. One single-worker hub per `--hub-app` (two compare
versions: `--hub-app api.asgi:app --hub-app some.variant:app`) serves the mix's read documents
one request at a time (the samples cycle), and the process tree's user + system CPU read before
and after each batch gives ms per request. Batches of the apps alternate within each round, so
the load of the moment falls on all of them; the spread over rounds is the noise. Every answer
must come without errors, and every app's answers must be byte-identical to the first app's
(checked on the warm-up requests). `--base DIR` adds a hub served from another checkout with
its own `.venv` (e.g. `git worktree add /tmp/base HEAD~1`, or a `git archive` of it with a
symlink to this venv), labelled `base`, to time a change against the code before it.
Uses NEO4J_URI (with NEO4J_USER/PASSWORD) and the graph loaded there.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
from collections.abc import Sequence
from pathlib import Path

import httpx

from api.serving import APP
from bench.mix import load_mix, request_body
from bench.samples import draw_samples
from bench.servers import Server, start_hub
from bench.slices import TMP
from graph.database.driver import open_driver


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cpu")
    parser.add_argument("--queries", default="detail,list,search,network,path")
    parser.add_argument("--requests", type=int, default=100, help="per query, app and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--samples", type=int, default=64)
    parser.add_argument("--hub-port", type=int, default=8706, help="the first app's; then +1")
    parser.add_argument("--hub-app", action="append", default=[], help=f"default {APP}")
    parser.add_argument("--hub-env", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--base", type=Path, help="another checkout to compare (label `base`)")
    args = parser.parse_args(argv)
    env = {
        key: os.environ[key]
        for key in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")
        if key in os.environ
    }
    names = args.queries.split(",")
    mix = [query for query in load_mix() if query.name in names]

    async def samples() -> list[dict[str, object]]:
        async with open_driver(
            env["NEO4J_URI"], env.get("NEO4J_USER", "neo4j"), env["NEO4J_PASSWORD"]
        ) as driver:
            return await draw_samples(driver, env.get("NEO4J_DATABASE", "neo4j"), args.samples, 7)

    drawn = asyncio.run(samples())
    bodies = {q.name: [request_body(q.targets["hub"], s) for s in drawn] for q in mix}
    served = [(app, None) for app in args.hub_app or [APP]]
    if args.base is not None:
        served.insert(0, (APP, args.base.resolve()))
    apps = [app if project is None else "base" for app, project in served]
    hubs: list[Server] = []
    per: dict[tuple[str, str], list[float]] = {}
    try:
        for index, (app, project) in enumerate(served):
            hubs.append(
                start_hub(
                    port=args.hub_port + index,
                    workers=1,
                    neo4j_env=env,
                    extra_env=dict(item.split("=", 1) for item in args.hub_env),
                    log=TMP / f"hub-cpu-{index}.log",
                    app=app,
                    **({} if project is None else {"project": project}),
                )
            )
        with httpx.Client(timeout=30, headers={"content-type": "application/json"}) as client:
            answers = [  # warm-up: parse caches, lazy imports, pools
                [_post(client, hub.url, line) for lines in bodies.values() for line in lines]
                for hub in hubs
            ]
            for app, answered in zip(apps[1:], answers[1:], strict=True):
                differ = sum(a != b for a, b in zip(answers[0], answered, strict=True))
                if differ:
                    raise RuntimeError(f"{app}: {differ} answers differ from {apps[0]}'s")
            for round_ in range(args.rounds):
                for name, lines in bodies.items():
                    order = list(zip(apps, hubs, strict=True))
                    for app, hub in order if round_ % 2 == 0 else order[::-1]:
                        before = hub.cpu_seconds()
                        for index in range(args.requests):
                            _post(client, hub.url, lines[index % len(lines)])
                        spent = (hub.cpu_seconds() - before) * 1000 / args.requests
                        per.setdefault((name, app), []).append(spent)
    finally:
        for hub in hubs:
            hub.stop()
    print("query    app                      median ms CPU/request (min..max over rounds)")
    for (name, app), values in per.items():
        print(
            f"{name:<8} {app:<26} {statistics.median(values):6.2f}"
            f"  ({min(values):.2f}..{max(values):.2f})"
        )
    return 0


def _post(client: httpx.Client, url: str, body: str) -> bytes:
    response = client.post(url, content=body)
    answer = json.loads(response.content)
    if response.status_code != 200 or answer.get("errors"):
        raise RuntimeError(f"hub answered {response.status_code}: {response.text[:500]}")
    return response.content


if __name__ == "__main__":
    raise SystemExit(main())
