"""`python -m bench.profiling --query detail`: where a hub worker spends its time under load.

One uvicorn worker serves wrk's load while py-spy samples it (native frames off, GIL-idle time
included so waiting on Neo4j shows up as such). The collapsed stacks are summarised into the
functions with the most samples, by own time and with callees, in
bench/results/profile-<query>-<label>.txt; the raw stacks stay in bench/results/tmp/.
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import subprocess
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from bench.load import RunResult, percentile, run_wrk
from bench.mix import load_mix
from bench.run import RESULTS
from bench.servers import PROJECT
from bench.slices import TMP, log
from bench.solo import add_hub_options, bench_graph, hub_bodies, start_solo_hub

TOP = 40


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profiling")
    parser.add_argument("--query", default="detail")
    add_hub_options(parser, duration=15.0)
    args = parser.parse_args(argv)
    py_spy = shutil.which("py-spy") or str(PROJECT / ".venv" / "bin" / "py-spy")
    with bench_graph() as target:
        bodies = hub_bodies(target, [query for query in load_mix() if query.name == args.query])
        hub = start_solo_hub(args, target, workers=1, log=TMP / "hub-profile.log")
        raw = TMP / f"profile-{args.query}.txt"
        results: list[RunResult] = []
        try:
            run_token = secrets.token_hex(3)
            run_wrk(
                hub.url,
                bodies[(args.query, "hub")],
                duration=2,
                connections=args.connections,
                out=TMP / "wrk-profile.json",
                run_token=run_token,
            )
            load = threading.Thread(
                target=lambda: results.append(
                    run_wrk(
                        hub.url,
                        bodies[(args.query, "hub")],
                        duration=args.duration,
                        connections=args.connections,
                        out=TMP / "wrk-profile.json",
                        run_token=run_token + "p",
                    )
                )
            )
            load.start()
            subprocess.run(
                [
                    py_spy,
                    "record",
                    "--pid",
                    str(hub.process.pid),
                    "--duration",
                    str(max(1, int(args.duration) - 2)),
                    "--rate",
                    "250",
                    "--idle",
                    "--format",
                    "raw",
                    "--output",
                    str(raw),
                ],
                check=True,
                capture_output=True,
            )
            load.join()
        finally:
            hub.stop()
        summary = summarise(raw)
        if results:
            run = results[0]
            summary = (
                f"load during profile: {run.rps:.1f} rps, p50 {percentile(run, 50):.1f} ms "
                f"(py-spy slows the worker down)\n\n" + summary
            )
        output = RESULTS / f"profile-{args.query}-{args.label}.txt"
        output.write_text(summary, encoding="utf-8")
        log(f"wrote {output.relative_to(PROJECT)}")
    return 0


def summarise(raw: Path) -> str:
    """Own and inclusive sample shares per function from py-spy's collapsed stacks."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [_short(frame) for frame in stack.split(";")]
        total += count
        own[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    lines = [f"{total} samples", "", "own time (top frames):"]
    lines += [f"{100 * n / total:6.1f}%  {frame}" for frame, n in own.most_common(TOP)]
    lines += ["", "inclusive time (frame anywhere on the stack):"]
    lines += [f"{100 * n / total:6.1f}%  {frame}" for frame, n in inclusive.most_common(TOP)]
    return "\n".join(lines) + "\n"


def _short(frame: str) -> str:
    """`func (path/to/site-packages/pkg/mod.py:12)` -> `func (pkg/mod.py)`."""
    name, _, where = frame.partition(" (")
    where = where.rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", "/work/main/", "lib/python3.11/"):
        if marker in where:
            where = where.split(marker, 1)[1]
    return f"{name} ({where})"


if __name__ == "__main__":
    raise SystemExit(main())
