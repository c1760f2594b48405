"""`python -m bench.workers`: which uvicorn worker count serves the mix best on this machine.

The hub alone is driven by wrk, query by query, once per worker count, on the graph that is
loaded; the table goes to bench/results/workers-<label>.md. Run it before choosing `--workers`.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
from collections.abc import Sequence

from bench.graphdata import neo4j_target
from bench.load import RunResult, percentile, run_wrk
from bench.mix import load_mix
from bench.run import RESULTS
from bench.samples import draw_samples
from bench.servers import PROJECT, MemoryWatch, start_hub
from bench.slices import TMP, log
from bench.stream import write_bodies
from graph.database.driver import open_driver


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.workers")
    parser.add_argument("--counts", default="1,2,3,4")
    parser.add_argument("--queries", default="detail,list,search,network,path")
    parser.add_argument("--duration", type=float, default=6.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--hub-port", type=int, default=8705)
    parser.add_argument("--hub-env", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--label", default="latest")
    args = parser.parse_args(argv)
    target = neo4j_target(port=7705, heap="2g", pagecache="3g", home=PROJECT / ".neo4j" / "bench")
    try:
        wanted = set(args.queries.split(","))
        mix = [query for query in load_mix() if query.name in wanted]

        async def samples() -> list[dict[str, object]]:
            async with open_driver(target.uri, target.user, target.password) as driver:
                return await draw_samples(driver, target.database, 64, 7)

        bodies = write_bodies(mix, asyncio.run(samples()), TMP)
        lines = [
            "| workers | query | rps | p50 ms | p99 ms | errors | RSS total MB |",
            "|---|---|---|---|---|---|---|",
        ]
        for count in (int(value) for value in args.counts.split(",")):
            hub = start_hub(
                port=args.hub_port,
                workers=count,
                neo4j_env=target.env(),
                extra_env=dict(item.split("=", 1) for item in args.hub_env),
                log=TMP / "hub-workers.log",
            )
            try:
                with MemoryWatch([hub]):
                    for query in mix:
                        run_token = secrets.token_hex(3)
                        for seconds in (args.warmup, args.duration):
                            result: RunResult = run_wrk(
                                hub.url,
                                bodies[(query.name, "hub")],
                                duration=seconds,
                                connections=args.connections,
                                out=TMP / "wrk-workers.json",
                                run_token=run_token,
                            )
                        log(f"workers={count} {query.name}: {result.rps:.1f} rps")
                        lines.append(
                            f"| {count} | {query.name} | {result.rps:.1f} | "
                            f"{percentile(result, 50):.1f} | {percentile(result, 99):.1f} | "
                            f"{result.errors} | "
                            f"{hub.peak_total_rss / 2**20:.0f} |"
                        )
            finally:
                hub.stop()
        output = RESULTS / f"workers-{args.label}.md"
        output.write_text(
            "# Hub worker count sweep\n\n" + "\n".join(lines) + "\n", encoding="utf-8"
        )
        log(f"wrote {output.relative_to(PROJECT)}")
    finally:
        if target.server is not None:
            target.server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
