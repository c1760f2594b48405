"""Issue 5 benchmark: the network fields on a synthetic graph, through the GraphQL schema.

    NEO4J_URI=bolt://127.0.0.1:7703 NEO4J_USER=neo4j NEO4J_PASSWORD=... \\
        .venv/bin/python -m bench.network --experts 100000 --samples 40

Builds the synthetic graph first when the server does not hold one of that size (deleting
what is there; `--no-build` never does), then runs each operation `--samples` times with
parameters drawn with a fixed seed (synthetic ids are predictable: `syn-expert-<n>`, the
first event of each generator chunk is a training of trainers ...), in
process through `schema.execute` (resolvers, loaders, Cypher and the driver; no HTTP), and
reports p50 / p95 / max and Neo4j round trips per operation. Centrality is reported cold
(an empty cache: projection read, igraph computation) and warm (cached, fingerprint only),
per projection. Figures go to stdout and `bench/results/network-<experts>.md`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.analytics.cache import AnalyticsCache
from graph.database.cypher import Cypher
from graph.database.driver import open_driver
from graph.database.maintenance import delete_everything, graph_size
from graph.database.migrations import apply_migrations
from graph.network.nodes_by_slug import nodes_by_slug
from graph.network.version import GraphVersion
from schema.context import Context
from schema.schema import build_schema
from seed.load import load_synthetic
from seed.synthetic import CHUNK_EXPERTS as CHUNK
from seed.vocabulary import COUNTRIES, TOPICS

RESULTS = Path(__file__).resolve().parent / "results"

Draw = Callable[[random.Random], dict[str, Any]]
"""An operation's variables, drawn from the operation's own seeded generator."""
Note = Callable[[list[Any]], str]
"""A note on an operation's answers for its row of the report."""

PATH = """query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) {
  length nodes { slug } edges { type role } } }"""
NEIGHBOURHOOD = """query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 200) {
  truncated nodes { slug label name { text } distance } edges { sourceSlug targetSlug type } } }"""
COLLABORATORS = """query($id: ID!) { collaborators(expertId: $id, first: 10) {
  node { slug } weight evidence { item { slug } kind } } }"""
AGENCY_PARTNERS = """query($id: ID!) { partners(agencyId: $id, first: 20) {
  node { slug } weight firstYear lastYear evidence { item { slug } kind amount } } }"""
COUNTRY_PARTNERS = """query($id: ID!) { partners(countryId: $id, first: 20) {
  node { slug } weight sharedEvents sharedProgrammes fundingFlows } }"""
RECOMMEND = """query($topic: String!, $country: String, $agency: ID) {
  recommendExperts(topic: $topic, country: $country, language: "ru", first: 10,
                   forAgency: $agency) { expert { slug } score reasons { code points } } }"""
CASCADE = """query($id: ID!) { cascade(eventId: $id) {
  depth sessionCount totalReach trainers { node { slug } } } }"""
TIMELINE = """query($id: ID!) { timeline(id: $id, first: 100) { total undated
  items { node { slug } year precision } } }"""
CENTRALITY = """query($kind: ProjectionKind!) { centrality(projection: {kind: $kind}, first: 10) {
  approximate sources projection { nodeCount edgeCount } items { node { slug } betweenness } } }"""
COMMUNITIES = """query($kind: ProjectionKind!) { communities(projection: {kind: $kind}, first: 5) {
  modularity communities { size } } }"""


@dataclass
class Timing:
    name: str
    seconds: list[float]
    round_trips: list[int]
    note: str = ""

    def row(self) -> str:
        ms = sorted(s * 1000 for s in self.seconds)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        trips = f"{min(self.round_trips)}-{max(self.round_trips)}"
        return (
            f"| {self.name} | {len(ms)} | {statistics.median(ms):.0f} | {p95:.0f} | "
            f"{ms[-1]:.0f} | {trips} | {self.note} |"
        )


class Bench:
    def __init__(self, driver: Any, database: str) -> None:
        self.driver = driver
        self.database = database
        self.schema = build_schema()
        self.cache = AnalyticsCache()

    async def run(self, query: str, variables: dict[str, Any]) -> tuple[float, int, Any]:
        cypher = Cypher(self.driver, self.database)
        context = Context(cypher=cypher, analytics=self.cache)
        started = time.perf_counter()
        result = await self.schema.execute(query, variable_values=variables, context_value=context)
        elapsed = time.perf_counter() - started
        if result.errors:
            raise RuntimeError(f"{variables}: {[e.formatted for e in result.errors]}")
        return elapsed, cypher.round_trips, result.data

    async def measure(
        self,
        name: str,
        query: str,
        draw: Draw,
        samples: int,
        note: Note | None = None,
    ) -> Timing:
        rng = random.Random(f"bench-network:{name}")
        timing = Timing(name, [], [])
        answers = []
        await self.run(query, draw(random.Random("warm-up")))
        for _ in range(samples):
            seconds, trips, data = await self.run(query, draw(rng))
            timing.seconds.append(seconds)
            timing.round_trips.append(trips)
            answers.append(data)
        timing.note = note(answers) if note is not None else ""
        return timing


async def ensure_graph(cypher: Cypher, experts: int, seed: int, build: bool) -> str:
    size = await graph_size(cypher)
    last, beyond = f"syn-expert-{experts - 1}", f"syn-expert-{experts}"
    present = await nodes_by_slug(cypher, [last, beyond])
    if last in present and beyond not in present:
        return f"reused: {size.nodes:,} nodes, {size.relationships:,} relationships"
    if not build:
        raise SystemExit(f"the graph does not hold {experts:,} synthetic experts (--no-build)")
    await delete_everything(cypher)
    await apply_migrations(cypher)
    report = await load_synthetic(cypher, experts, seed, mode="create")
    return report.describe()


def by_id(ident: Callable[[random.Random], str]) -> Draw:
    return lambda rng: {"id": ident(rng)}


def fixed(variables: dict[str, Any]) -> Draw:
    return lambda _: variables


def _truncated(answers: list[Any]) -> str:
    sizes = [len(a["neighbourhood"]["nodes"]) for a in answers]
    cut = sum(a["neighbourhood"]["truncated"] for a in answers)
    return f"nodes {min(sizes)}-{max(sizes)}, truncated {cut}/{len(answers)}"


def _found(field: str) -> Note:
    def note(answers: list[Any]) -> str:
        found = [a[field] for a in answers]
        if field == "path":
            lengths = [p["length"] for p in found if p is not None]
            return f"found {len(lengths)}/{len(found)}, lengths {sorted(set(lengths))}"
        counts = [len(x) for x in found]
        return f"results {min(counts)}-{max(counts)} per call"

    return note


async def main_async(arguments: argparse.Namespace) -> str:
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    user = os.environ.get("NEO4J_USER", "neo4j")
    password = os.environ.get("NEO4J_PASSWORD", "hub-local-dev")
    n, samples = arguments.experts, arguments.samples
    agencies, programmes = max(20, n // 40), max(3, n // 1000)
    driver = open_driver(uri, user, password)
    async with driver:
        cypher = Cypher(driver, "neo4j")
        graph = await ensure_graph(cypher, n, arguments.random_seed, not arguments.no_build)
        bench = Bench(driver, "neo4j")

        def expert(rng: random.Random) -> str:
            return f"syn-expert-{rng.randrange(n)}"

        def country(rng: random.Random) -> str:
            return f"syn-country-{rng.choice(COUNTRIES[:8])[0].lower()}"

        def agency(rng: random.Random) -> str:
            return f"syn-agency-{rng.randrange(agencies)}"

        reads: tuple[tuple[str, str, Draw, Note | None], ...] = (
            ("path (maxHops 6)", PATH, lambda r: {"a": expert(r), "b": expert(r)}, _found("path")),
            ("neighbourhood (depth 2, limit 200)", NEIGHBOURHOOD, by_id(expert), _truncated),
            ("collaborators (first 10)", COLLABORATORS, by_id(expert), _found("collaborators")),
            ("partners of an agency", AGENCY_PARTNERS, by_id(agency), _found("partners")),
            ("partners of a country", COUNTRY_PARTNERS, by_id(country), _found("partners")),
            (
                "recommendExperts (topic, country, language, forAgency)",
                RECOMMEND,
                lambda r: {
                    "topic": TOPICS[r.randrange(len(TOPICS))][0],
                    "country": country(r),
                    "agency": agency(r),
                },
                _found("recommendExperts"),
            ),
            (
                "cascade of an event",
                CASCADE,
                lambda r: {"id": f"syn-event-{CHUNK * r.randrange(max(1, n // CHUNK))}-0"},
                None,
            ),
            (
                "timeline of a programme",
                TIMELINE,
                lambda r: {"id": f"syn-programme-{r.randrange(programmes)}"},
                None,
            ),
        )
        timings = [
            await bench.measure(name, query, draw, samples, note)
            for name, query, draw, note in reads
        ]
        for name, tracker in (
            ("graph fingerprint: counts (every check)", GraphVersion(full_check_seconds=1e9)),
            ("graph fingerprint: full scan (once a minute)", GraphVersion(full_check_seconds=0)),
        ):
            fingerprint = []
            for _ in range(samples):
                started = time.perf_counter()
                await tracker.current(Cypher(driver, "neo4j"))
                fingerprint.append(time.perf_counter() - started)
            timings.append(Timing(name, fingerprint, [1]))
        for kind in ("AGENCIES_BY_EVENTS", "EXPERTS_BY_EVENTS", "COUNTRIES_BY_PROGRAMMES"):
            bench.cache = AnalyticsCache()
            seconds, trips, data = await bench.run(CENTRALITY, {"kind": kind})
            info = data["centrality"]
            shape = info["projection"]
            note = (
                f"{shape['nodeCount']:,} nodes, {shape['edgeCount']:,} ties, "
                f"approximate={info['approximate']} ({info['sources']} sources)"
            )
            timings.append(Timing(f"centrality {kind} cold", [seconds], [trips], note))
            cold, cold_trips, _ = await bench.run(COMMUNITIES, {"kind": kind})
            timings.append(Timing(f"communities {kind} after centrality", [cold], [cold_trips]))
            warm = await bench.measure(
                f"centrality {kind} warm", CENTRALITY, fixed({"kind": kind}), samples
            )
            timings.append(warm)
    return table(
        f"Network queries, {n:,} synthetic experts (seed {arguments.random_seed})", graph, timings
    )


def table(title: str, graph: str, timings: list[Timing]) -> str:
    """A run's report: its title, the graph it ran on and a row per timed operation."""
    header = (
        f"## {title}\n\nGraph: {graph}.\n\n"
        "| operation | runs | p50 ms | p95 ms | max ms | round trips | notes |\n"
        "|---|---|---|---|---|---|---|"
    )
    return "\n".join([header, *(t.row() for t in timings)]) + "\n"


def command(
    description: str,
    result: str,
    samples: int,
    run: Callable[[argparse.Namespace], Coroutine[Any, Any, str]],
) -> int:
    """The synthetic-graph benchmarks' one command line; the report goes to stdout and to
    bench/results/<result>-<experts>.md."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--experts", type=int, default=100_000)
    parser.add_argument("--random-seed", type=int, default=7)
    parser.add_argument("--samples", type=int, default=samples)
    parser.add_argument("--no-build", action="store_true")
    arguments = parser.parse_args()
    report = asyncio.run(run(arguments))
    print(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{result}-{arguments.experts}.md").write_text(report, encoding="utf-8")
    return 0


def main() -> int:
    return command(__doc__.splitlines()[0], "network", 40, main_async)


if __name__ == "__main__":
    raise SystemExit(main())
