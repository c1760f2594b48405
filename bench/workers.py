"""`python -m bench.workers`: which uvicorn worker count serves the mix best on this machine.

The hub alone is driven by wrk, query by query, once per worker count, on the graph that is
loaded; the table goes to bench/results/workers-<label>.md. Run it before choosing `--workers`.
"""

from __future__ import annotations

import argparse
import secrets
from collections.abc import Sequence

from bench.load import RunResult, percentile, run_wrk
from bench.mix import load_mix
from bench.run import RESULTS
from bench.servers import PROJECT, MemoryWatch
from bench.slices import TMP, log
from bench.solo import add_hub_options, bench_graph, hub_bodies, start_solo_hub


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.workers")
    parser.add_argument("--counts", default="1,2,3,4")
    parser.add_argument("--queries", default="detail,list,search,network,path")
    parser.add_argument("--warmup", type=float, default=2.0)
    add_hub_options(parser, duration=6.0)
    args = parser.parse_args(argv)
    with bench_graph() as target:
        wanted = set(args.queries.split(","))
        mix = [query for query in load_mix() if query.name in wanted]
        bodies = hub_bodies(target, mix)
        lines = [
            "| workers | query | rps | p50 ms | p99 ms | errors | RSS total MB |",
            "|---|---|---|---|---|---|---|",
        ]
        for count in (int(value) for value in args.counts.split(",")):
            hub = start_solo_hub(args, target, workers=count, log=TMP / "hub-workers.log")
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
