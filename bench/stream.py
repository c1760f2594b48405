"""One stream of mixed requests, the same sequence for every target, rendered in each dialect.

Why the sequence is drawn here and not in wrk's Lua: a draw per request inside each wrk run
would give every target (and every slice) a different sequence; drawing the weighted list once,
with a fixed seed, and letting every target walk the same lines from the same offset means that
hub, peer and floor do exactly the same work in every slice. The Lua script only walks the file
(bench/lua/graphql.lua), starting at the slice's offset.

A write's participants are drawn per request: its line carries "__PARTICIPANTS__" where the
list goes, and the Lua script fills in 5 distinct experts from a file of ids in the target's
form (`participant_ids`), with a seed that is the same for every target in a slice, so the
writes of a run link many different experts, as editors' would, and every target links the same.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.mix import MixQuery, Target, hub_global_id, render, request_body
from bench.samples import Sample

READS = ("detail", "list", "search", "network", "path")
PARTICIPANTS_MARK = "__PARTICIPANTS__"


@dataclass(frozen=True, slots=True)
class StreamSpec:
    """What a stream mixes: query names with weights (writes included or not)."""

    name: str
    weights: Mapping[str, float]


def read_stream(queries: Sequence[str] = READS) -> StreamSpec:
    """The headline: the reads in equal shares."""
    return StreamSpec("reads", dict.fromkeys(queries, 1.0))


def write_stream(queries: Sequence[str] = READS, write_share: float = 0.1) -> StreamSpec:
    """The reads in equal shares plus the write at `write_share` of all requests (1 in 10)."""
    if not 0 < write_share < 1:
        raise ValueError("the write share is a fraction between 0 and 1")
    each = (1 - write_share) / len(queries)
    return StreamSpec("writes", {**dict.fromkeys(queries, each), "write": write_share})


@dataclass(frozen=True, slots=True)
class Line:
    """One request of the stream: which query, with which parameters."""

    query: str
    sample: Sample


def compose(spec: StreamSpec, samples: Sequence[Sample], *, lines: int, seed: int) -> list[Line]:
    """`lines` requests drawn by weight, each query cycling through the samples."""
    rng = random.Random(f"{seed}:{spec.name}")
    names = list(spec.weights)
    picked = rng.choices(names, weights=[spec.weights[name] for name in names], k=lines)
    cursor: dict[str, int] = {}
    out = []
    for name in picked:
        index = cursor.get(name, 0)
        cursor[name] = index + 1
        out.append(Line(name, dict(samples[index % len(samples)])))
    return out


def floor_body(query: MixQuery, sample: Mapping[str, Any]) -> str:
    """The floor endpoint's request: the query's name and its Cypher parameters (bench/floorapp)."""
    spec = query.targets["floor"]
    payload = {"query": query.name, "parameters": render(dict(spec.variables), sample)}
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def body(query: MixQuery, dialect: Target, sample: Mapping[str, Any]) -> str:
    """One request body as a single JSON line, in the dialect of the target that gets it."""
    if dialect == "floor":
        return floor_body(query, sample)
    return request_body(query.targets[dialect], sample)


def stream_body(query: MixQuery, dialect: Target, sample: Mapping[str, Any]) -> str:
    """`body`, with a write's participants left for the load generator to draw per request."""
    text = body(query, dialect, sample)
    if not query.write:
        return text
    payload = json.loads(text)
    payload["parameters" if dialect == "floor" else "variables"]["participants"] = PARTICIPANTS_MARK
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def render_lines(mix: Mapping[str, MixQuery], stream: Sequence[Line], dialect: Target) -> list[str]:
    return [stream_body(mix[line.query], dialect, line.sample) for line in stream]


def participant_ids(experts: Sequence[str], dialect: Target) -> list[str]:
    """The experts writes draw from, as the target names them (the hub: global IDs)."""
    return [hub_global_id("Expert", slug) if dialect == "hub" else slug for slug in experts]


def write_file(path: Path, bodies: Sequence[str]) -> Path:
    """The file wrk's Lua script reads: one JSON body a line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(bodies) + "\n", encoding="utf-8")
    return path


def composition(stream: Sequence[Line]) -> dict[str, int]:
    """How many lines of each query a composed stream holds (reported with the results)."""
    counts: dict[str, int] = {}
    for line in stream:
        counts[line.query] = counts.get(line.query, 0) + 1
    return counts


def slice_offsets(lines: int, slices: int, seed: int) -> list[int]:
    """Where each slice starts in the file: the same for every target in a slice."""
    rng = random.Random(f"{seed}:offsets")
    return [rng.randrange(lines) for _ in range(slices)]


def write_bodies(
    mix: Sequence[MixQuery], samples: Sequence[Sample], directory: Path
) -> dict[tuple[str, str], Path]:
    """One file per query and GraphQL server: a stream of that query alone (bench.workers,
    bench.profiling time one query on the hub)."""
    files = {}
    for query in mix:
        for dialect in ("hub", "peer"):
            lines = [request_body(query.targets[dialect], sample) for sample in samples]
            files[(query.name, dialect)] = write_file(
                directory / f"bodies-{query.name}-{dialect}.jsonl", lines
            )
    return files
