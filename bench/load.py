"""Closed-loop load at fixed concurrency: wrk, the same generator for every target (the hubs, the
peer and the floor's endpoint, bench/floorapp.py).

A run reports completed requests, the measured duration, errors and a latency curve of 400
quantiles, so slices can be merged the same way whatever target they timed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

LUA = Path(__file__).with_name("lua") / "graphql.lua"
QUANTILES = 400


@dataclass(frozen=True, slots=True)
class RunResult:
    """One timed run of one query against one target."""

    requests: int
    duration_s: float
    quantiles_ms: tuple[float, ...]
    error_detail: Mapping[str, int] = field(default_factory=dict)
    server_cpu_s: float = 0.0
    """CPU the API server (or, for the floor, the Python client) used during the run."""
    neo4j_cpu_s: float = 0.0
    """CPU the Neo4j JVM used during the run."""

    @property
    def errors(self) -> int:
        return sum(self.error_detail.values())

    @property
    def rps(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0

    def cpu_ms_per_request(self, which: str) -> float | None:
        """CPU per completed request: a cost measure that other load on the machine barely moves."""
        spent = self.server_cpu_s if which == "server" else self.neo4j_cpu_s
        return 1000 * spent / self.requests if self.requests and spent else None


def wrk_path() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise RuntimeError("wrk is not installed: `apt-get install -y wrk` (Debian's package)")
    return found


def run_wrk(
    url: str,
    bodies: Path,
    *,
    duration: float,
    connections: int,
    out: Path,
    run_token: str,
    authorization: str | None = None,
    start: int = 0,
    participants: Path | None = None,
    seed: int = 1,
) -> RunResult:
    """One wrk run with bench/lua/graphql.lua from line `start` of `bodies`, writes drawing their
    participants from `participants` with `seed`; wrk itself gets one thread (2 cores to share)."""
    env = {
        **os.environ,
        "BENCH_BODIES": str(bodies),
        "BENCH_OUT": str(out),
        "BENCH_RUN": run_token,
        "BENCH_AUTH": authorization or "",
        "BENCH_START": str(start),
        "BENCH_PARTICIPANTS": str(participants or ""),
        "BENCH_SEED": str(seed),
    }
    out.unlink(missing_ok=True)
    command = [
        wrk_path(),
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(duration))}s",
        "--timeout=10s",
        "-s",
        str(LUA),
        url,
    ]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0 or not out.is_file():
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr[-500:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    detail = {
        key: int(report[key])
        for key in ("graphql_errors", "connect", "read", "write", "status", "timeout")
    }
    return RunResult(
        requests=int(report["requests"]),
        duration_s=report["duration_us"] / 1e6,
        quantiles_ms=tuple(value / 1000 for value in report["quantiles_us"]),
        error_detail=detail,
    )


def curve(latencies_ms: Sequence[float]) -> tuple[float, ...]:
    """400 quantiles (0.25 % steps), the shape wrk's Lua script reports too."""
    ordered = sorted(latencies_ms)
    if not ordered:
        return tuple(0.0 for _ in range(QUANTILES))
    last = len(ordered) - 1
    return tuple(ordered[min(last, round(i / QUANTILES * last))] for i in range(1, QUANTILES + 1))


def merge(runs: Sequence[RunResult]) -> RunResult:
    """Rounds merged: requests and time add up, latency curves mix weighted by request count."""
    points: list[tuple[float, float]] = []
    for run in runs:
        weight = run.requests / QUANTILES
        points.extend((value, weight) for value in run.quantiles_ms)
    points.sort()
    total = sum(weight for _, weight in points)
    merged: list[float] = []
    accumulated = 0.0
    index = 0
    for i in range(1, QUANTILES + 1):
        target = i / QUANTILES * total
        while index < len(points) - 1 and accumulated + points[index][1] < target:
            accumulated += points[index][1]
            index += 1
        merged.append(points[index][0] if points else 0.0)
    detail: dict[str, int] = {}
    for run in runs:
        for key, value in run.error_detail.items():
            detail[key] = detail.get(key, 0) + value
    return RunResult(
        requests=sum(run.requests for run in runs),
        duration_s=sum(run.duration_s for run in runs),
        quantiles_ms=tuple(merged),
        error_detail=detail,
        server_cpu_s=sum(run.server_cpu_s for run in runs),
        neo4j_cpu_s=sum(run.neo4j_cpu_s for run in runs),
    )


def percentile(run: RunResult, p: float) -> float:
    """p in percent, read off the 400-point curve."""
    index = min(QUANTILES, max(1, round(p / 100 * QUANTILES))) - 1
    return run.quantiles_ms[index]
