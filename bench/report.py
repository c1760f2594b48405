"""The benchmark's results: per stream and target, throughput, latency, errors, CPU and memory,
and the ratios between targets, as Markdown and JSON.

A ratio is given twice: over the whole stream (all slices merged) and as the median of the
per-slice ratios (each pair of slices ran next to each other in time), with their range: the
range says how much drift the interleaving had to cancel.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.load import RunResult, merge, percentile

MB = 2**20
PAIRS: tuple[tuple[str, str, str], ...] = (
    ("hub", "peer", "hub/peer"),
    ("hub", "floor", "hub/floor"),
    ("hub", "hub-ab", "hub/hub-ab"),
)
RULES: tuple[tuple[str, str, str, float], ...] = (
    # (ratio, figure, comparison, bound): issue 39's targets, read off the per-slice median
    # where there is one (rps), else off the merged curves (p50)
    ("hub/peer", "rps per slice (median)", ">=", 1.5),
    ("hub/floor", "rps per slice (median)", ">=", 0.85),
    ("hub/floor", "p50", "<=", 1.2),
    ("hub/hub-ab", "rps per slice (median)", ">=", 1.0),
)
RSS_BOUND_MB = 200


@dataclass(slots=True)
class StreamResult:
    """One stream at one connection count: every target's slices, in the order they ran."""

    stream: str
    connections: int
    composition: Mapping[str, int]
    slices: dict[str, list[RunResult]] = field(default_factory=dict)

    def merged(self, target: str) -> RunResult:
        return merge(self.slices[target])

    def row(self, target: str, memory: Mapping[str, int] | None = None) -> dict[str, Any]:
        run = self.merged(target)
        return {
            "stream": self.stream,
            "connections": self.connections,
            "target": target,
            "requests": run.requests,
            "rps": round(run.rps, 1),
            "p50 ms": round(percentile(run, 50), 1),
            "p95 ms": round(percentile(run, 95), 1),
            "p99 ms": round(percentile(run, 99), 1),
            "errors": run.errors,
            "server CPU ms/req": _rounded(run.cpu_ms_per_request("server")),
            "neo4j CPU ms/req": _rounded(run.cpu_ms_per_request("neo4j")),
            "worker RSS MB": round(memory["peak_process"] / MB) if memory else None,
        }

    def ratio(self, left: str, right: str) -> dict[str, Any] | None:
        """left over right: rps (higher is better for left), p50 and p95 (lower is better)."""
        if left not in self.slices or right not in self.slices:
            return None
        a, b = self.merged(left), self.merged(right)
        per_slice = [
            x.rps / y.rps
            for x, y in zip(self.slices[left], self.slices[right], strict=False)
            if y.rps
        ]
        return {
            "rps": _ratio(a.rps, b.rps),
            "rps per slice (median)": _rounded(statistics.median(per_slice), 3)
            if per_slice
            else None,
            "rps per slice (range)": f"{min(per_slice):.2f}-{max(per_slice):.2f}"
            if per_slice
            else "-",
            "p50": _ratio(percentile(a, 50), percentile(b, 50)),
            "p95": _ratio(percentile(a, 95), percentile(b, 95)),
        }


@dataclass(slots=True)
class Report:
    experts: int
    settings: dict[str, Any]
    checks: dict[str, str] = field(default_factory=dict)
    round_trips: dict[str, list[int]] = field(default_factory=dict)
    streams: list[StreamResult] = field(default_factory=list)
    memory: dict[str, dict[str, int]] = field(default_factory=dict)

    def rows(self) -> list[dict[str, Any]]:
        return [
            stream.row(target, self.memory.get(target))
            for stream in self.streams
            for target in stream.slices
        ]

    def ratios(self) -> list[dict[str, Any]]:
        out = []
        for stream in self.streams:
            for left, right, name in PAIRS:
                ratio = stream.ratio(left, right)
                if ratio is not None:
                    out.append(
                        {
                            "stream": stream.stream,
                            "connections": stream.connections,
                            "ratio": name,
                            **ratio,
                        }
                    )
        return out

    def verdicts(self) -> list[dict[str, Any]]:
        """Each target of issue 39 against each stream that measured it: met or missed."""
        out = []
        for ratio in self.ratios():
            for name, figure, comparison, bound in RULES:
                value = ratio.get(figure) if ratio["ratio"] == name else None
                if value is None:
                    continue
                met = value >= bound if comparison == ">=" else value <= bound
                out.append(
                    {
                        "stream": ratio["stream"],
                        "connections": ratio["connections"],
                        "target": f"{name} {figure} {comparison} {bound}",
                        "value": value,
                        "verdict": "met" if met else "MISSED",
                    }
                )
        hub = self.memory.get("hub")
        if hub:
            worker = round(hub["peak_process"] / MB)
            out.append(
                {
                    "stream": "all",
                    "connections": "-",
                    "target": f"hub worker RSS < {RSS_BOUND_MB} MB",
                    "value": worker,
                    "verdict": "met" if worker < RSS_BOUND_MB else "MISSED",
                }
            )
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "experts": self.experts,
            "settings": self.settings,
            "checks": self.checks,
            "round_trips": self.round_trips,
            "memory": self.memory,
            "composition": {s.stream: dict(s.composition) for s in self.streams},
            "rows": self.rows(),
            "ratios": self.ratios(),
            "verdicts": self.verdicts(),
            "slices": [
                {
                    "stream": s.stream,
                    "connections": s.connections,
                    "target": target,
                    "rps": [round(run.rps, 1) for run in runs],
                }
                for s in self.streams
                for target, runs in s.slices.items()
            ],
        }


def _rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 3)


def _cell(value: Any) -> str:
    return "-" if value is None else str(value)


def table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines.extend("| " + " | ".join(_cell(row.get(c)) for c in columns) + " |" for row in rows)
    return lines


def markdown(report: Report) -> str:
    settings = ", ".join(f"{key} {value}" for key, value in report.settings.items())
    lines = [f"## {report.experts:,} experts", "", f"Settings: {settings}.", ""]
    lines.append("Answer checks: " + "; ".join(f"{k} {v}" for k, v in report.checks.items()))
    trips = "; ".join(f"{k} {v}" for k, v in report.round_trips.items())
    lines += ["", f"Hub round trips per request (checked samples): {trips or '-'}", ""]
    for stream in report.streams:
        mix = ", ".join(f"{k} {v}" for k, v in stream.composition.items())
        lines.append(f"Stream `{stream.stream}` lines: {mix}.")
    lines += ["", *table(report.rows(), list(report.rows()[0]) if report.rows() else [])]
    columns = [
        "stream",
        "connections",
        "ratio",
        "rps",
        "rps per slice (median)",
        "rps per slice (range)",
        "p50",
        "p95",
    ]
    lines += ["", "Ratios (left over right):", "", *table(report.ratios(), columns)]
    verdicts = ["stream", "connections", "target", "value", "verdict"]
    lines += ["", "Targets (issue 39):", "", *table(report.verdicts(), verdicts), ""]
    return "\n".join(lines)


def write_outputs(reports: Sequence[Report], directory: Path, label: str) -> list[Path]:
    """results-<label>.md and .json; the tmp/ folder holds the run's working files."""
    directory.mkdir(parents=True, exist_ok=True)
    md = directory / f"results-{label}.md"
    md.write_text(
        f"# Benchmark `{label}`\n\n" + "\n".join(markdown(r) for r in reports), encoding="utf-8"
    )
    js = directory / f"results-{label}.json"
    js.write_text(json.dumps([r.to_json() for r in reports], indent=1) + "\n", encoding="utf-8")
    return [md, js]
