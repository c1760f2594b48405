"""Results as a Markdown table, a CSV file, JSON for later comparison, and a PNG chart."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.load import RunResult, percentile
from bench.mix import TARGETS

MB = 1024 * 1024
ROW_COLUMNS = (
    "query",
    "target",
    "rps",
    "p50_ms",
    "p95_ms",
    "p99_ms",
    "requests",
    "errors",
    "cpu_server_ms",
    "cpu_neo4j_ms",
)
RATIO_COLUMNS = (
    "query",
    "hub/peer rps",
    "hub/floor rps",
    "hub/floor p50",
    "hub/peer CPU per request",
    "hub round trips",
    "check",
)


@dataclass(slots=True)
class SizeReport:
    """Everything measured at one graph size."""

    experts: int
    settings: dict[str, Any]
    runs: dict[str, dict[str, RunResult]] = field(default_factory=dict)
    checks: dict[str, str] = field(default_factory=dict)
    round_trips: dict[str, list[int]] = field(default_factory=dict)
    memory: dict[str, dict[str, int]] = field(default_factory=dict)

    def rows(self) -> list[dict[str, Any]]:
        rows = []
        for query, by_target in self.runs.items():
            for target in TARGETS:
                run = by_target.get(target)
                if run is None:
                    continue
                rows.append(
                    {
                        "experts": self.experts,
                        "query": query,
                        "target": target,
                        "rps": round(run.rps, 1),
                        "p50_ms": round(percentile(run, 50), 2),
                        "p95_ms": round(percentile(run, 95), 2),
                        "p99_ms": round(percentile(run, 99), 2),
                        "requests": run.requests,
                        "errors": run.errors,
                        "cpu_server_ms": _rounded(run.cpu_ms_per_request("server")),
                        "cpu_neo4j_ms": _rounded(run.cpu_ms_per_request("neo4j")),
                    }
                )
        return rows

    def ratios(self) -> list[dict[str, Any]]:
        ratios = []
        for query, by_target in self.runs.items():
            rps = {name: run.rps for name, run in by_target.items()}
            cpu = {name: _total_cpu(run) for name, run in by_target.items()}
            p50 = {name: percentile(run, 50) for name, run in by_target.items()}
            ratios.append(
                {
                    "query": query,
                    "hub/peer rps": _ratio(rps.get("hub"), rps.get("peer")),
                    "hub/floor rps": _ratio(rps.get("hub"), rps.get("floor")),
                    "hub/floor p50": _ratio(p50.get("hub"), p50.get("floor")),
                    "hub/peer CPU per request": _ratio(cpu.get("hub"), cpu.get("peer")),
                    "check": self.checks.get(query, "-"),
                    "hub round trips": _spread(self.round_trips.get(query, [])),
                }
            )
        mix = {target: self.mix_rps(target) for target in TARGETS}
        ratios.append(
            {
                "query": "MIX (one of each)",
                "hub/peer rps": _ratio(mix["hub"], mix["peer"]),
                "hub/floor rps": _ratio(mix["hub"], mix["floor"]),
                "hub/floor p50": None,
                "hub/peer CPU per request": None,
                "check": "",
                "hub round trips": "",
            }
        )
        return ratios

    def budget(self) -> dict[str, float | None]:
        """CPU per one request of each query, and the hub/peer throughput that budget allows.

        With every core busy (on this 2-core machine rps x CPU per request is ~2 s/s for
        most target/query pairs of a run), throughput is the cores over the CPU a request
        costs, so a target's CPU per request bounds the ratios. `ceiling at floor client`
        is the hub/peer ratio if the hub's own CPU were the floor's Python client's (the
        same Cypher, no HTTP, no GraphQL); `ceiling at zero` if the hub cost nothing.
        """
        mix = {target: self.mix_cpu(target) for target in TARGETS}
        peer_total = _sum(mix["peer"])
        hub_neo4j = None if mix["hub"] is None else mix["hub"][1]
        floor_client = None if mix["floor"] is None else mix["floor"][0]
        return {
            **{f"{target} CPU ms": _rounded(_sum(mix[target])) for target in TARGETS},
            "hub/peer by CPU": _ratio(peer_total, _sum(mix["hub"])),
            "ceiling at floor client": _ratio(peer_total, _sum((hub_neo4j, floor_client))),
            "ceiling at zero": _ratio(peer_total, hub_neo4j),
        }

    def mix_cpu(self, target: str) -> tuple[float, float] | None:
        """(server or client, Neo4j) CPU ms for one request of each query; None if unknown."""
        server = neo4j = 0.0
        for by_target in self.runs.values():
            run = by_target.get(target)
            if run is None:
                return None
            spent_server = run.cpu_ms_per_request("server")
            spent_neo4j = run.cpu_ms_per_request("neo4j")
            if spent_server is None or spent_neo4j is None:
                return None
            server, neo4j = server + spent_server, neo4j + spent_neo4j
        return (server, neo4j) if self.runs else None

    def mix_rps(self, target: str) -> float | None:
        """Rate at which one request of each query completes: n / sum(1 / rps_query)."""
        rates = [by_target[target].rps for by_target in self.runs.values() if target in by_target]
        if not rates or len(rates) != len(self.runs) or min(rates) <= 0:
            return None
        return len(rates) / sum(1 / rate for rate in rates)

    def to_json(self) -> dict[str, Any]:
        return {
            "experts": self.experts,
            "settings": self.settings,
            "rows": self.rows(),
            "ratios": self.ratios(),
            "memory": self.memory,
            "checks": self.checks,
            "round_trips": self.round_trips,
            "budget": self.budget(),
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _total_cpu(run: RunResult) -> float | None:
    """Server (or floor client) + Neo4j CPU per request."""
    server, neo4j = run.cpu_ms_per_request("server"), run.cpu_ms_per_request("neo4j")
    return None if server is None or neo4j is None else server + neo4j


def _sum(values: Sequence[float | None] | None) -> float | None:
    if values is None or any(value is None for value in values):
        return None
    return sum(value for value in values if value is not None)


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if not numerator or not denominator:
        return None
    return round(numerator / denominator, 2)


def _spread(values: Sequence[int]) -> str:
    return f"{min(values)}-{max(values)}" if values else "-"


def _cell(value: Any) -> str:
    if value is None:
        return "n/a"
    return f"{value:g}" if isinstance(value, float) else str(value)


def markdown(report: SizeReport) -> str:
    rows = report.rows()
    lines = [f"### {report.experts:,} experts", ""]
    settings = ", ".join(f"{key}={value}" for key, value in report.settings.items())
    lines += [f"Settings: {settings}", ""]
    lines += _table(rows, ROW_COLUMNS)
    lines += [""]
    lines += _table(
        report.ratios(),
        RATIO_COLUMNS,
    )
    lines += ["", "CPU per request, one of each query, and what it allows (`budget`):", ""]
    budget = report.budget()
    lines += _table([budget], list(budget))
    lines += [
        "",
        "Memory (RSS, MB; total = all processes of the server, worker = largest one):",
        "",
    ]
    memory_rows = [
        {
            "server": name,
            "end total": round(values["last_total"] / MB, 1),
            "end worker": round(values["last_process"] / MB, 1),
            "peak total": round(values["peak_total"] / MB, 1),
            "peak worker": round(values["peak_process"] / MB, 1),
        }
        for name, values in report.memory.items()
    ]
    lines += _table(memory_rows, ["server", "end total", "end worker", "peak total", "peak worker"])
    return "\n".join(lines) + "\n"


def _table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += [
        "| " + " | ".join(_cell(row.get(column)) for column in columns) + " |" for row in rows
    ]
    return lines


def write_outputs(reports: Sequence[SizeReport], directory: Path, label: str) -> list[Path]:
    """results-<label>.md/.csv/.json and one chart per size; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    stem = f"results-{label}"
    written = [directory / f"{stem}.md", directory / f"{stem}.csv", directory / f"{stem}.json"]
    header = f"# Benchmark results: {label}\n\n"
    written[0].write_text(
        header + "\n".join(markdown(report) for report in reports), encoding="utf-8"
    )
    with written[1].open("w", newline="", encoding="utf-8") as handle:
        columns = ["experts", *ROW_COLUMNS]
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for report in reports:
            writer.writerows(report.rows())
    written[2].write_text(
        json.dumps([report.to_json() for report in reports], indent=2) + "\n", encoding="utf-8"
    )
    for report in reports:
        written.append(chart(report, directory / f"{stem}-{report.experts}.png"))
    return written


def chart(report: SizeReport, path: Path) -> Path:
    """Requests/s and p50 per query, hub beside peer beside floor."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    queries = list(report.runs)
    colours = {"hub": "#1b7837", "peer": "#762a83", "floor": "#999999"}
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7), constrained_layout=True)
    width = 0.27
    for offset, target in enumerate(TARGETS):
        xs = [index + (offset - 1) * width for index in range(len(queries))]
        runs = [report.runs[query].get(target) for query in queries]
        top.bar(
            xs, [run.rps if run else 0 for run in runs], width, label=target, color=colours[target]
        )
        bottom.bar(
            xs, [percentile(run, 50) if run else 0 for run in runs], width, color=colours[target]
        )
    for axis, title in (
        (top, "requests/s (higher is better)"),
        (bottom, "p50 latency, ms (lower is better)"),
    ):
        axis.set_xticks(range(len(queries)), queries)
        axis.set_title(title)
        axis.set_yscale("log")
        axis.grid(axis="y", alpha=0.3)
    top.legend()
    figure.suptitle(f"RTCM hub vs @neo4j/graphql vs raw Cypher, {report.experts:,} experts")
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
